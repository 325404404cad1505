"""What a curated file may say: every [[table]] of data/kb/ checked by type before it is compiled.

msgspec checks each entry against these structs: the right types (a list where a list is
meant: `curator_aliases = "Zz"` is refused, not split into letters), no unknown keys (a
typo such as `curator_alias` is named, not ignored), and no control characters in any text
(an escape sequence in a curated name would reach every terminal). The error names the
file, the record and the field in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import msgspec
from msgspec import Struct, field

from kazsec.model import CleanText

T = TypeVar("T")


class Cite(Struct, forbid_unknown_fields=True):
    """{ source = "…", quote = "…" }: the curator gives the quote, the build finds it.

    `prefix` and `suffix`, optional, are the words around the quote as they stood when it was
    cited (kazsec fact add writes them): a quote found more than once after its document
    changed is told apart by them. Only compared, never shown: any text may be in them.
    """

    source: CleanText
    quote: CleanText
    prefix: str = ""
    suffix: str = ""


Citing = Cite | list[Cite] | None


class _Cited(Struct, forbid_unknown_fields=True):
    source: CleanText = ""
    quote: CleanText = ""
    prefix: str = ""
    suffix: str = ""
    cite: Citing = None


class AliasEntry(_Cited, forbid_unknown_fields=True):
    name: CleanText = ""


class TitleEntry(_Cited, forbid_unknown_fields=True):
    title: CleanText = ""


class RelationEntry(_Cited, forbid_unknown_fields=True):
    type: CleanText = ""
    target: CleanText = ""


class ReadingEntry(_Cited, forbid_unknown_fields=True):
    reading: CleanText = ""
    date: CleanText = ""


class _Named(Struct, forbid_unknown_fields=True):
    id: CleanText = ""
    name: CleanText = ""
    description: CleanText = ""
    native_ru: CleanText = ""
    native_kk: CleanText = ""
    curator_aliases: list[CleanText] = field(default_factory=list)
    aliases: list[AliasEntry] = field(default_factory=list)


class PersonEntry(_Named, forbid_unknown_fields=True):
    role: CleanText = "other"
    standard_name: CleanText = ""
    titles: list[TitleEntry] = field(default_factory=list)
    relations: list[RelationEntry] = field(default_factory=list)


class AgencyEntry(_Named, forbid_unknown_fields=True):
    kind: CleanText = "other"
    parent: CleanText = ""
    parent_cite: Citing = None


class PositionEntry(_Cited, forbid_unknown_fields=True):
    person: CleanText = ""
    post: CleanText = ""
    body: CleanText = ""
    start: CleanText = ""
    end: CleanText = ""
    end_reason: CleanText = ""
    status: CleanText = ""
    as_of: CleanText = ""


class EventEntry(_Cited, forbid_unknown_fields=True):
    id: CleanText = ""
    date: CleanText = ""
    date_end: CleanText = ""
    year_inferred: bool = False
    title: CleanText = ""
    summary: CleanText = ""
    people: list[CleanText] = field(default_factory=list)
    bodies: list[CleanText] = field(default_factory=list)


class ConflictEntry(Struct, forbid_unknown_fields=True):
    id: CleanText = ""
    subject: CleanText = ""
    summary: CleanText = ""
    readings: list[ReadingEntry] = field(default_factory=list)


ENTRY_TYPES: dict[str, type[Struct]] = {
    "people": PersonEntry,
    "agencies": AgencyEntry,
    "positions": PositionEntry,
    "events": EventEntry,
    "conflicts": ConflictEntry,
}


def checked(entry: Mapping[str, Any], kind: type[T]) -> T:
    """One curated entry as its struct; msgspec.ValidationError says what is wrong where."""
    return msgspec.convert(entry, type=kind, strict=True)
