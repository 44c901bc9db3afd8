"""Persons across documents: one official, one id, with posts, places and events over time.

index = link_persons((document_id, result) for ...)
tables = person_tables(index)  # persons, person_posts, person_mentions
"""

from digestllm.persons.linking import LinkedMention, PersonIndex, link_mentions, link_persons
from digestllm.persons.mentions import Mention, PlaceRef, document_mentions
from digestllm.persons.tables import event_place_rows, person_tables

__all__ = [
    "LinkedMention",
    "Mention",
    "PersonIndex",
    "PlaceRef",
    "document_mentions",
    "event_place_rows",
    "link_mentions",
    "link_persons",
    "person_tables",
]
