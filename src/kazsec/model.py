"""The vocabulary every layer shares: entity kinds, store tables, record types, places, labels.

Records are TypedDicts because the store's JSON records are dicts already: reading a store
costs no conversion, mypy checks every field access, and msgspec validates each record
against the same type when a store is opened (the constraints below ride on the types as
`Annotated` metadata, which mypy ignores). Nothing here imports anything of kazsec's;
every other module imports its names from here instead of restating them.
"""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired, TypedDict

from msgspec import Meta

# Re-exported: model stays the one vocabulary every layer imports from.
from kazsec.kinds import (
    AGENCY_KINDS,
    CITING_TABLES,
    CORPUS_TABLES,
    ENTITY_KINDS,
    KIND_LABELS,
    KIND_PLURALS,
    KIND_TABLES,
    KNOWLEDGE_TABLES,
    MENTION_CERTAINTIES,
    MENTION_HOWS,
    META_TABLE,
    PERSON_ROLES,
    ROLE_GROUPS,
    SCHEMA_VERSION,
    SEARCH_KINDS,
    TABLES,
    EntityKind,
    Location,
    MarkRole,
    MentionCertainty,
    MentionHow,
    Record,
    SearchKind,
    source_label,
)

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
    language: str  # ISO 639-1 code of most of its text, "" when not known
    yours: bool  # added by the user (`kazsec add`), not bundled


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
    language: NotRequired[str]  # ISO 639-1, only on passages of documents a user added


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
    status: Literal["", "in office", "former"]  # of an end the text does not date
    as_of: IsoDate  # for "in office": the date the quoted text has them in office, or ""
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
    date: IsoDate  # the date this reading gives, when it is one ("" otherwise)
    cite: list[Citation]


class ConflictRecord(TypedDict):
    id: Id
    subject: Annotated[str, Meta(pattern=r"^(person|agency|event):.+$")]
    summary: str
    readings: list[Reading]


# How a mention was linked: the full name, another cited or curated form (alias), a surname
# alone, initials with a surname, or a title or office ("the First President").
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
    workspace: NotRequired[str]  # the user's workspace it took their documents from ("": none)
    orphans: NotRequired[list[OrphanRecord]]  # the user's facts left out: their quotes are gone
    corpus: CorpusMeta


class OrphanRecord(TypedDict):
    """A fact in a file of the user's workspace that could not be anchored (kazsec check)."""

    file: str
    number: int  # its table's place in the file, from 1
    record: str  # "person 'x'", "person 'karim-massimov': alias 'Масимову'"
    source: str
    quote: str
    reason: str


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


__all__ = [
    "AGENCY_KINDS",
    "CITING_TABLES",
    "CORPUS_TABLES",
    "ENTITY_KINDS",
    "KIND_LABELS",
    "KIND_PLURALS",
    "KIND_TABLES",
    "KNOWLEDGE_TABLES",
    "MENTION_CERTAINTIES",
    "MENTION_HOWS",
    "META_TABLE",
    "NO_CONTROLS",
    "PERSON_ROLES",
    "RECORD_TYPES",
    "ROLE_GROUPS",
    "SCHEMA_VERSION",
    "SEARCH_KINDS",
    "TABLES",
    "AgencyRecord",
    "Alias",
    "Candidate",
    "Citation",
    "CleanText",
    "ConflictRecord",
    "CorpusMeta",
    "EntityKind",
    "EventRecord",
    "FullSourceRecord",
    "Id",
    "IsoDate",
    "Location",
    "MarkRole",
    "MentionCertainty",
    "MentionHow",
    "MentionRecord",
    "MetaRecord",
    "Offset",
    "OrphanRecord",
    "PassageRecord",
    "PersonRecord",
    "PositionRecord",
    "Precision",
    "Reading",
    "Record",
    "Ref",
    "Relation",
    "SearchKind",
    "SourceRecord",
    "Span",
    "Titled",
    "Word",
    "source_label",
]
