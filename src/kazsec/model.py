"""The vocabulary every layer shares: entity kinds, store tables, record types, places, labels.

Records are TypedDicts because the store's JSON records are dicts already: reading a store
costs no conversion, mypy checks every field access, and msgspec validates each record
against the same type when a store is opened (the constraints below ride on the types as
`Annotated` metadata, which mypy ignores). Nothing here imports anything of kazsec's;
every other module imports its names from here instead of restating them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, NotRequired, TypedDict, get_args

from msgspec import Meta

SCHEMA_VERSION = 4  # 4: passages, texts and mentions moved to the corpus engine
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

# Closed vocabularies of the curated files, in the order the navigator groups them by.
PERSON_ROLES = ("official", "analyst", "politician", "author", "other")
AGENCY_KINDS = (
    "security service",
    "law enforcement",
    "military",
    "ministry",
    "state body",
    "council",
    "court",
    "party",
    "international organisation",
    "institute",
    "media",
    "company",
    "other",
)
ROLE_GROUPS = {
    "official": "Officials",
    "politician": "Politicians",
    "analyst": "Analysts",
    "other": "Others",
    "author": "Authors cited in notes",
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
# What the knowledge store (TinyDB JSON, read whole) holds; the rest is in the corpus
# engine on disk (SQLite), asked for what is shown.
KNOWLEDGE_TABLES = ("sources", "people", "agencies", "positions", "events", "conflicts")
CORPUS_TABLES = ("passages", "mentions")
# Tables whose records carry citations to check.
CITING_TABLES = ("people", "agencies", "positions", "events", "conflicts")

Record = dict[str, Any]

# Constrained field types: what a field must hold for every command to work on it.
Id = Annotated[str, Meta(min_length=1, max_length=300)]
Ref = Annotated[str, Meta(max_length=300)]  # an id, or "" for none
Offset = Annotated[int, Meta(ge=0, le=2**40)]
IsoDate = Annotated[str, Meta(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]  # "" is unknown
Precision = Literal["day", "month", "year", "unknown"]
Word = Annotated[str, Meta(pattern=r"^[a-z][a-z _-]{0,40}$")]  # a kind, a role, a reason
Span = Annotated[list[Offset], Meta(min_length=2, max_length=2)]
# Text a person typed into a curated file: no control character, no bidi override in it.
NO_CONTROLS = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"
CleanText = Annotated[str, Meta(pattern=NO_CONTROLS)]


class Citation(TypedDict):
    """A quote anchored in a source: W3C TextQuote + TextPosition selectors over repaired text."""

    source: Id
    exact: Annotated[str, Meta(min_length=1)]
    prefix: str
    suffix: str
    start: Offset
    end: Offset
    passage: Id


class Alias(TypedDict):
    """A spelling a source uses for an entity, with the quotes where it does."""

    name: Annotated[str, Meta(min_length=1)]
    cite: list[Citation]


class Titled(TypedDict):
    title: str
    cite: list[Citation]


class Relation(TypedDict):
    type: Word
    target: Id
    cite: list[Citation]


class SourceRecord(TypedDict):
    id: Id
    file: str
    sha256: str
    title: str
    publisher: str
    author: str
    date: str
    kind: str
    format: str
    notes: str
    url: str  # where the document was published, "" when not known
    unit: Annotated[str, Meta(pattern=r"^[0-9a-f]{64}$")]  # its texts and passages in the corpus
    passage_count: Offset


class FullSourceRecord(SourceRecord):
    """A catalogue record with the texts the corpus holds for it."""

    raw_text: str
    repaired_text: str


class PassageRecord(TypedDict):
    id: Id
    source: Id
    seq: Offset
    kind: Word
    text: str
    start: Offset
    end: Offset
    raw_spans: list[Span]
    section: str
    number: int | None
    note_refs: list[int]


class PersonRecord(TypedDict):
    id: Id
    name: Annotated[str, Meta(min_length=1)]
    role: Word
    standard_name: str
    description: str
    native_ru: str
    native_kk: str
    curator_aliases: list[str]
    aliases: list[Alias]
    titles: list[Titled]
    relations: list[Relation]


class AgencyRecord(TypedDict):
    id: Id
    name: Annotated[str, Meta(min_length=1)]
    kind: Word
    description: str
    native_ru: str
    native_kk: str
    curator_aliases: list[str]
    aliases: list[Alias]
    parent: Ref
    parent_cite: list[Citation]


class PositionRecord(TypedDict):
    id: Id
    person: Id
    post: str
    body: Ref
    start: IsoDate
    start_precision: Precision
    end: IsoDate
    end_precision: Precision
    end_reason: Annotated[str, Meta(pattern=r"^([a-z]{1,20})?$")]
    cite: list[Citation]


class EventRecord(TypedDict):
    id: Id
    date: IsoDate
    date_precision: Precision
    date_end: IsoDate
    date_end_precision: Precision
    year_inferred: bool  # the source gives day and month; the year is the curator's inference
    title: str
    summary: str
    people: list[Id]
    bodies: list[Id]
    cite: list[Citation]


class Reading(TypedDict):
    reading: str
    cite: list[Citation]


class ConflictRecord(TypedDict):
    id: Id
    subject: Annotated[str, Meta(pattern=r"^(person|agency|event):.+$")]
    summary: str
    readings: list[Reading]


# How a mention was linked: the full name, another cited or curated form (alias), a surname
# alone, initials with a surname, or a title or office ("the First President").
MentionHow = Literal["name", "alias", "surname", "initials", "title"]
MENTION_HOWS: tuple[str, ...] = get_args(MentionHow)
# "certain": only one entity has these words; "settled": several could, the passage names one
# of them in full; "ambiguous": several could and nothing here says which (all are kept).
MentionCertainty = Literal["certain", "settled", "ambiguous"]
MENTION_CERTAINTIES: tuple[str, ...] = get_args(MentionCertainty)


class Candidate(TypedDict):
    type: Literal["person", "agency"]
    id: Id


class MentionRecord(TypedDict):
    id: Id
    source: Id
    passage: Id
    start: Offset
    end: Offset
    text: str
    entity_type: Literal["person", "agency"]
    entity: Id
    candidates: Annotated[list[Candidate], Meta(min_length=1)]
    ambiguous: bool
    how: MentionHow
    certainty: MentionCertainty


class MetaRecord(TypedDict):
    """The store's own record: its schema version and what it was built from."""

    schema_version: int
    generator: str
    inputs: str
    code_modules: NotRequired[list[str]]
    input_stats: NotRequired[str]  # the inputs' names, sizes and times: a quick freshness test
    data_dir: NotRequired[str]  # the folder it was built from
    corpus: CorpusMeta


class CorpusMeta(TypedDict):
    """Which generation of the corpus a knowledge store reads, and what it holds."""

    generation: Annotated[str, Meta(pattern=r"^[0-9a-f]{32}$")]
    linker: str
    passages: Offset
    mentions: Offset


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


# What the marked characters of a Location are: the quote behind a fact, a mention of the
# entry being read, or words a search matched. Copying takes the quote, the mention's
# sentence, or the whole passage accordingly: never a lone matched word.
MarkRole = Literal["quote", "mention", "match"]


@dataclass(frozen=True)
class Location:
    """A passage of a source, and the characters to mark in it (offsets into the repaired text)."""

    source: str
    passage: str
    start: int | None = None
    end: int | None = None
    role: MarkRole = "quote"

    @classmethod
    def of(cls, anchored: Mapping[str, Any], role: MarkRole = "quote") -> Location:
        """Where a citation (or, with role="mention", a mention) stands."""
        return cls(
            anchored["source"], anchored["passage"], anchored["start"], anchored["end"], role
        )


def source_label(source: Mapping[str, Any]) -> str:
    """A source's title, or a description when the text gives none."""
    return str(source["title"]) or f"untitled {source['kind']} ({source['id']})"
