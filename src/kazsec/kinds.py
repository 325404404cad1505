"""Names every layer shares and that need nothing to load: kinds, tables, places, labels.

The record types (TypedDicts with their msgspec constraints) are in `kazsec.model`, which
re-exports all of this; a command that only searches imports this module and never loads
msgspec's validation machinery for the types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, get_args

SCHEMA_VERSION = 6  # 6: positions say whether an undated end is "in office"; readings give dates
# 5: sources say whether they are the user's, and their language
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

MentionHow = Literal["name", "alias", "surname", "initials", "title"]
MENTION_HOWS: tuple[str, ...] = get_args(MentionHow)
# "certain": only one entity has these words; "settled": several could, the passage names one
# of them in full; "ambiguous": several could and nothing here says which (all are kept).
MentionCertainty = Literal["certain", "settled", "ambiguous"]
MENTION_CERTAINTIES: tuple[str, ...] = get_args(MentionCertainty)


# What the marked characters of a Location are: the quote behind a fact, a mention of the
# entry being read, or words a search matched. Copying takes the quote, the mention's
# sentence, or the whole passage accordingly: never a lone matched word.
MarkRole = Literal["quote", "mention", "match"]


class Location(NamedTuple):
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


# Each kind of record said with its article, for a sentence naming what an id is.
A_KIND = {
    "person": "a person",
    "agency": "a body",
    "event": "an event",
    "conflict": "a conflict",
    "source": "a source",
}
