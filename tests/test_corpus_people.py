"""The people tables' input: each document's share, as small as the linker allows."""

from __future__ import annotations

from digestllm import extract
from digestllm.corpus.people import _Shared, document_people, people_rows

TEXT = "3月2日,广安区委书记文建平到协兴镇调研春耕生产。"


def test_shares_of_documents_that_repeat_a_post_hold_one_object_for_it() -> None:
    shares = [document_people(f"d{i}", extract(TEXT, reference_date="2020-03-05"), TEXT, codes=False) for i in (1, 2)]
    assert shares[0].mentions[0].posts == shares[1].mentions[0].posts
    assert shares[0].mentions[0].posts is not shares[1].mentions[0].posts  # as made, one object per document
    shared = _Shared()
    first, second = (shared.share(share).mentions[0] for share in shares)
    assert first.posts is second.posts and first.posts[0] is second.posts[0]
    assert first.document_id == "d1" and second.document_id == "d2"


def test_sharing_changes_no_row_of_the_people_tables() -> None:
    result = extract(TEXT, reference_date="2020-03-05")
    shares = [document_people(f"d{i}", result, TEXT, codes=False) for i in (1, 2, 3)]
    rows = people_rows(shares)
    [person] = rows["persons"]
    assert person["name"] == "文建平" and person["documents"] == 3
    assert len(rows["person_mentions"]) == 3
