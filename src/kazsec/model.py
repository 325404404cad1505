"""The vocabulary every layer shares: entity kinds, store tables, record types, places, labels.

Records are TypedDicts because the store's JSON records are dicts already: reading a store
costs no conversion, mypy checks every field access, and a validator can check a record
against the same type. Nothing here imports anything of kazsec's; every other module
imports its names from here instead of restating them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypedDict

SCHEMA_VERSION = 3
META_TABLE = "_meta"

EntityKind = Literal["person", "agency", "event", "source"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "agency", "event", "source")
SearchKind = Literal["person", "agency", "event", "source", "passage"]
SEARCH_KINDS: tuple[SearchKind, ...] = (*ENTITY_KINDS, "passage")

# The store table each kind of entity lives in.
KIND_TABLES: dict[EntityKind, str] = {
    "person": "people",
    "agency": "agencies",
    "event": "events",
    "source": "sources",
}
# What a user reads for a kind: "agency" is the code's word, "body" the reader's.
KIND_LABELS: dict[SearchKind, str] = {
    "person": "person",
    "agency": "body",
    "event": "event",
    "source": "source",
    "passage": "passage",
}
KIND_PLURALS: dict[SearchKind, str] = {
    "person": "People",
    "agency": "Bodies",
    "event": "Events",
    "source": "Sources",
    "passage": "Passages",
}

TABLES = (
    "sources",
    "passages",
    "people",
    "agencies",
    "positions",
    "events",
    "conflicts",
    "mentions",
)
# Tables whose records carry citations to check.
CITING_TABLES = ("people", "agencies", "positions", "events", "conflicts")

Record = dict[str, Any]


class Citation(TypedDict):
    """A quote anchored in a source: W3C TextQuote + TextPosition selectors over repaired text."""

    source: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    passage: str


class Alias(TypedDict):
    """A spelling a source uses for an entity, with the quotes where it does."""

    name: str
    cite: list[Citation]


class Titled(TypedDict):
    title: str
    cite: list[Citation]


class Relation(TypedDict):
    type: str
    target: str
    cite: list[Citation]


class SourceRecord(TypedDict):
    id: str
    file: str
    sha256: str
    title: str
    publisher: str
    author: str
    date: str
    kind: str
    format: str
    notes: str
    raw_text: str
    repaired_text: str
    passage_count: int


class PassageRecord(TypedDict):
    id: str
    source: str
    seq: int
    kind: str
    text: str
    start: int
    end: int
    raw_spans: list[list[int]]
    section: str
    number: int | None
    note_refs: list[int]


class PersonRecord(TypedDict):
    id: str
    name: str
    role: str
    standard_name: str
    description: str
    native_ru: str
    native_kk: str
    curator_aliases: list[str]
    aliases: list[Alias]
    titles: list[Titled]
    relations: list[Relation]


class AgencyRecord(TypedDict):
    id: str
    name: str
    kind: str
    description: str
    native_ru: str
    native_kk: str
    curator_aliases: list[str]
    aliases: list[Alias]
    parent: str
    parent_cite: list[Citation]


class PositionRecord(TypedDict):
    id: str
    person: str
    post: str
    body: str
    start: str
    start_precision: str
    end: str
    end_precision: str
    end_reason: str
    cite: list[Citation]


class EventRecord(TypedDict):
    id: str
    date: str
    date_precision: str
    date_end: str
    date_end_precision: str
    year_inferred: bool  # the source gives day and month; the year is the curator's inference
    title: str
    summary: str
    people: list[str]
    bodies: list[str]
    cite: list[Citation]


class Reading(TypedDict):
    reading: str
    cite: list[Citation]


class ConflictRecord(TypedDict):
    id: str
    subject: str
    summary: str
    readings: list[Reading]


# How a mention was linked: the full name, another cited or curated form (alias), a surname
# alone, initials with a surname, or a title or office ("the First President").
MENTION_HOWS = ("name", "alias", "surname", "initials", "title")
# "certain": only one entity has these words; "settled": several could, the passage names one
# of them in full; "ambiguous": several could and nothing here says which (all are kept).
MENTION_CERTAINTIES = ("certain", "settled", "ambiguous")


class Candidate(TypedDict):
    type: str
    id: str


class MentionRecord(TypedDict):
    id: str
    source: str
    passage: str
    start: int
    end: int
    text: str
    entity_type: str
    entity: str
    candidates: list[Candidate]
    ambiguous: bool
    how: str  # how the words were linked: one of MENTION_HOWS
    certainty: str  # how sure the link is: one of MENTION_CERTAINTIES


RECORD_TYPES: dict[str, type] = {
    "sources": SourceRecord,
    "passages": PassageRecord,
    "people": PersonRecord,
    "agencies": AgencyRecord,
    "positions": PositionRecord,
    "events": EventRecord,
    "conflicts": ConflictRecord,
    "mentions": MentionRecord,
}


def record_fields(table: str) -> frozenset[str]:
    """The fields every record of a table holds."""
    return frozenset(RECORD_TYPES[table].__annotations__)


@dataclass(frozen=True)
class Location:
    """A passage of a source, and the characters to mark in it (offsets into the repaired text)."""

    source: str
    passage: str
    start: int | None = None
    end: int | None = None

    @classmethod
    def of(cls, anchored: Mapping[str, Any]) -> Location:
        """Where a citation or a mention stands."""
        return cls(anchored["source"], anchored["passage"], anchored["start"], anchored["end"])


def source_label(source: Mapping[str, Any]) -> str:
    """A source's title, or a description when the text gives none."""
    return str(source["title"]) or f"untitled {source['kind']} ({source['id']})"
