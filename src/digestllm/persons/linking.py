"""Linking officials across documents into persons.

Mentions are blocked by their Simplified name, and within a block clustered greedily: mentions with a
place of their own first, the most specific first, each joining the cluster it links to best, or
starting a new person. A mention joins a cluster only when no member contradicts it and one member
gives a reason to link, in this order of strength:

1. the same region (广安区 (511602) in both);
2. one region inside the other, one level apart (a 县长 of 岳池县 later 市委常委 of 广安市);
3. its region is among the places of the other document (an official whose region that document
   does not spell out), or lies within one of them;
4. neither says where, but both hold a post of the same role and level and their documents name a
   common place; or both hold leading posts of one level (市长, later 市委书记) and their documents name
   the same place of that level, one of them no other; or both hold a national post (总书记).

Two mentions contradict each other when their regions are unrelated, or nested more than one level
apart, or when they come from the same document (a document names one person once). So two people
of the same name in unrelated places are never merged, two mentions that say nothing of where, in
documents naming no common place, stay apart, and a mention that two persons of its name fit equally
well joins neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from digestllm.persons.mentions import (
    LEVEL_DEPTH,
    Mention,
    PlaceRef,
    Relation,
    depth_gap,
    document_mentions,
    relation,
)
from digestllm.schemas import DigestResult, PostLevel, PostRole

# The strength of each reason to link; the highest wins when a mention could join several clusters.
SAME_REGION, NESTED_REGION, DOCUMENT_PLACE, DOCUMENT_AREA, SHARED_CONTEXT = 5, 4, 3, 2, 1
# Roles of a place's leadership: two of them at one level in one place may be one career (县长, then 县委书记).
LEADERSHIP_ROLES = frozenset(
    {
        PostRole.PARTY_SECRETARY,
        PostRole.DEPUTY_PARTY_SECRETARY,
        PostRole.GOVERNMENT_HEAD,
        PostRole.DEPUTY_GOVERNMENT_HEAD,
        PostRole.STANDING_COMMITTEE,
    }
)
Evidence = tuple[int, Callable[[], str]]  # a strength and what makes the reason (made only when used)
_CONFLICT: Evidence = (-1, lambda: "")


@dataclass
class Cluster:
    """The mentions linked into one person so far, with the reason each joined."""

    members: list[Mention] = field(default_factory=list)
    sequence: list[int] = field(default_factory=list)  # each member's position in the linker's input
    reasons: list[str] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    # The first member of each profile (numbered in the block): all that a new mention is compared with,
    # since members alike in what `pair_evidence` reads give the same evidence.
    profiles: dict[int, Mention] = field(default_factory=dict)
    signature: int = -1  # its profiles, numbered: clusters of one signature fit a mention alike

    def add(self, mention: Mention, position: int, reason: str, profile: int) -> None:
        self.members.append(mention)
        self.sequence.append(position)
        self.reasons.append(reason)
        self.documents.add(mention.document_id)
        self.profiles.setdefault(profile, mention)


def _profile(mention: Mention) -> Hashable:
    """What `pair_evidence` reads of a mention besides its document id."""
    posts = tuple((post.title, post.role, post.level) for post in mention.posts)
    return posts, mention.place, mention.document_places


@dataclass(frozen=True)
class LinkedMention:
    """A mention with the person it belongs to and why it was linked."""

    mention: Mention
    person_id: str
    link_reason: str


@dataclass
class PersonIndex:
    """Persons across documents: each person's mentions, in order of first appearance."""

    persons: dict[str, list[LinkedMention]] = field(default_factory=dict)

    @property
    def mentions(self) -> list[LinkedMention]:
        """Every linked mention, person by person."""
        return [linked for members in self.persons.values() for linked in members]

    def person_of(self, document_id: str, name: str) -> str | None:
        """The person id of the official `name` (as written) of a document, or None."""
        for linked in self.mentions:
            if linked.mention.document_id == document_id and linked.mention.name == name:
                return linked.person_id
        return None


def _place_strength(a: PlaceRef, b: PlaceRef) -> int:
    """SAME_REGION, NESTED_REGION (one level apart at most), or 0 for places that do not link."""
    rel = relation(a, b)
    if rel is Relation.SAME:
        return SAME_REGION
    if rel is Relation.NESTED and depth_gap(a, b) <= 1:
        return NESTED_REGION
    return 0


def _place_reason(a: PlaceRef, b: PlaceRef) -> str:
    if relation(a, b) is Relation.SAME:
        return f"same region {a.label()}"
    inner, outer = sorted((a, b), key=lambda ref: -LEVEL_DEPTH.get(ref.level, 9) if ref.level else -9)
    return f"region {inner.label()} lies inside {outer.label()}"


def _document_pair(placed: Mention, other: Mention) -> Evidence | None:
    place = placed.place
    assert place is not None
    strength = max((_place_strength(place, ref) for ref in other.document_places), default=0)
    if strength == SAME_REGION:
        return DOCUMENT_PLACE, lambda: f"region {place.label()} is a place of document {other.document_id}"
    if strength == NESTED_REGION:
        return DOCUMENT_AREA, lambda: f"region {place.label()} lies within a place of document {other.document_id}"
    return None


def _shared_place(a: Mention, b: Mention) -> PlaceRef | None:
    """A place of `a`'s document that is, contains or lies in a place of `b`'s document."""
    for ref in sorted(a.document_places, key=PlaceRef.label):
        if any(_place_strength(ref, other) for other in b.document_places):
            return ref
    return None


def _home_of_level(a: Mention, b: Mention, level: PostLevel) -> PlaceRef | None:
    """The place of `level` both documents name, when one of them names no other place of that level."""
    mine = {ref for ref in a.document_places if ref.level is level and ref.code}
    theirs = {ref for ref in b.document_places if ref.level is level and ref.code}
    common = mine & theirs
    if len(common) == 1 and (len(mine) == 1 or len(theirs) == 1):
        return next(iter(common))
    return None


def _leadership_levels(mention: Mention) -> set[PostLevel]:
    return {post.level for post in mention.posts if post.role in LEADERSHIP_ROLES}


def _context_pair(a: Mention, b: Mention) -> Evidence | None:
    if a.national and b.national:
        post = next(post.title for post in a.posts if post.level is PostLevel.NATIONAL)
        return SHARED_CONTEXT, lambda: f"both hold a national post ({post})"
    common_posts = a.post_kinds() & b.post_kinds()
    shared = _shared_place(a, b) if common_posts else None
    if shared is not None:
        role, level = sorted(common_posts)[0]
        return SHARED_CONTEXT, lambda: f"same post ({role}, {level}) and both documents name {shared.label()}"
    homes = ((level, _home_of_level(a, b, level)) for level in sorted(_leadership_levels(a) & _leadership_levels(b)))
    found = next(((level, home) for level, home in homes if home is not None), None)
    if found is None:
        return None
    level, home = found
    return SHARED_CONTEXT, lambda: f"leading posts of the {level.value} level where both documents name {home.label()}"


def pair_evidence(a: Mention, b: Mention) -> Evidence | None:
    """Why two mentions are one person (strength, a function giving the reason), None when nothing says
    so, or a strength of -1 when they contradict each other."""
    if a.document_id == b.document_id:
        return _CONFLICT
    if a.place is not None and b.place is not None:
        strength = _place_strength(a.place, b.place)
        place_a, place_b = a.place, b.place
        return (strength, lambda: _place_reason(place_a, place_b)) if strength else _CONFLICT
    if a.place is not None:
        return _document_pair(a, b)
    if b.place is not None:
        return _document_pair(b, a)
    return _context_pair(a, b)


def _reason(mention: Mention, member: Mention) -> str:
    evidence = pair_evidence(mention, member)
    assert evidence is not None  # a pair of profiles with a strength
    return evidence[1]()


def _specificity(mention: Mention) -> tuple[int, int]:
    if mention.place is None:
        return (1, 0)
    depth = LEVEL_DEPTH.get(mention.place.level, 0) if mention.place.level else 0
    return (0, -depth)


def cluster_block(block: list[tuple[int, Mention]]) -> list[Cluster]:
    """The persons of one name, from (input position, mention) pairs. A mention that several persons fit
    equally well joins none of them."""
    linker = _BlockLinker()
    for position, mention in sorted(block, key=lambda item: (_specificity(item[1]), item[0])):
        linker.link(position, mention)
    return linker.clusters


Fit = tuple[int, int]  # the strength of a cluster's best evidence, and the profile of the member giving it


class _BlockLinker:
    """The clusters of one block, built mention by mention.

    A name met in thousands of documents has few profiles (posts and places) but may keep many clusters
    (mentions nothing links stay apart), so work is done per profile and per kind of cluster, not per
    member: the strength of each pair of profiles is worked out once, and each mention is fitted once
    to each signature (the profiles a cluster holds).
    """

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._profiles: dict[Hashable, int] = {}
        self._signatures: dict[tuple[int, ...], int] = {}
        self._strengths: dict[tuple[int, int], int | None] = {}

    def link(self, position: int, mention: Mention) -> None:
        profile = self._profiles.setdefault(_profile(mention), len(self._profiles))
        fits: dict[int, Fit | None] = {}
        candidates: list[tuple[Fit, Cluster]] = []
        for cluster in self.clusters:
            if mention.document_id in cluster.documents:
                continue
            if cluster.signature not in fits:
                fits[cluster.signature] = self._fit(mention, profile, cluster)
            fit = fits[cluster.signature]
            if fit is not None:
                candidates.append((fit, cluster))
        top = max((fit[0] for fit, _ in candidates), default=None)
        best = [(fit, cluster) for fit, cluster in candidates if fit[0] == top]
        if len(best) == 1:
            (_, member_profile), cluster = best[0]
            reason = _reason(mention, cluster.profiles[member_profile])
        else:
            cluster = Cluster()
            self.clusters.append(cluster)
            reason = (
                f"not linked: {len(best)} persons of this name fit equally" if best else "first mention of this person"
            )
        cluster.add(mention, position, reason, profile)
        cluster.signature = self._signatures.setdefault(tuple(cluster.profiles), len(self._signatures))

    def _fit(self, mention: Mention, profile: int, cluster: Cluster) -> Fit | None:
        """The best evidence that `mention` belongs to `cluster`; None when there is none or a member
        contradicts it (never a member of the mention's own document: the caller sees to that)."""
        best: Fit | None = None
        for member_profile, member in cluster.profiles.items():
            pair = (profile, member_profile)
            if pair not in self._strengths:
                evidence = pair_evidence(mention, member)
                self._strengths[pair] = None if evidence is None else evidence[0]
            strength = self._strengths[pair]
            if strength == _CONFLICT[0]:
                return None
            if strength is not None and (best is None or strength > best[0]):
                best = strength, member_profile
        return best


def link_mentions(mentions: Iterable[Mention]) -> PersonIndex:
    """Persons from mentions: blocked by Simplified name, clustered within each block; person ids
    (P000001 …) follow the order in which each person first appears."""
    blocks: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    for position, mention in enumerate(mentions):
        blocks[mention.key].append((position, mention))
    clusters = [cluster for block in blocks.values() for cluster in cluster_block(block)]
    index = PersonIndex()
    for number, cluster in enumerate(sorted(clusters, key=lambda cluster: min(cluster.sequence)), start=1):
        person_id = f"P{number:06d}"
        members = sorted(zip(cluster.sequence, cluster.members, cluster.reasons, strict=True), key=lambda item: item[0])
        index.persons[person_id] = [LinkedMention(mention, person_id, reason) for _, mention, reason in members]
    return index


def link_persons(
    documents: Iterable[tuple[str, DigestResult]],
    *,
    year: int | None = None,
    texts: Mapping[str, str] | None = None,
) -> PersonIndex:
    """Persons across documents: each (document id, result) gives its officials as mentions (enriched
    first when they carry no posts), and the linker clusters them. `texts` (document id → source text)
    lets the divisions a text names count among its document's places; `year` overrides each document's."""
    texts = texts or {}
    mentions = [
        mention
        for document_id, result in documents
        for mention in document_mentions(document_id, result, year=year, text=texts.get(document_id))
    ]
    return link_mentions(mentions)
