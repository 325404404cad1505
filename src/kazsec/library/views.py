"""What the read model hands a pane or a command: an entity's view, a reading of a source,
and what to call each entity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from kazsec.kinds import EntityKind, Location, Record, source_label

if TYPE_CHECKING:
    from kazsec.library.dossier import Dossier
    from kazsec.library.facts import FactRow
    from kazsec.model import FullSourceRecord, PassageRecord, SourceRecord


class EntityView(NamedTuple):
    """All a pane or `kazsec show` displays of one entity."""

    dossier: Dossier
    facts: list[FactRow]
    first_location: Location | None  # what to open beside it: an event's quote, a source's start

    @property
    def kind(self) -> EntityKind:
        return self.dossier.kind

    @property
    def record(self) -> Record:
        return self.dossier.record


class Reading(NamedTuple):
    """What a reader shows: a source, its passages, where to look and what to mark."""

    source: FullSourceRecord
    label: str
    passages: list[PassageRecord]
    location: Location
    marks: list[tuple[int, int]]
    caption: str = ""  # what this reading is: "reading 2 of 3: 2017", "mention 4 of 25"
    notes: tuple[tuple[int, int], ...] = ()  # the spans the user's notes are on


class NameBook(Mapping[str, str]):
    """What to call each entity: a person's or body's name, an event's title, a source's
    label (made when asked: a catalogue of 10,000 is rarely shown whole)."""

    def __init__(self, named: dict[str, str], sources: Mapping[str, SourceRecord]) -> None:
        self._named = named
        self._sources = sources

    def __getitem__(self, entity_id: str) -> str:
        found = self._named.get(entity_id)
        return found if found is not None else source_label(self._sources[entity_id])

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._named or entity_id in self._sources

    def __iter__(self) -> Iterator[str]:
        yield from self._named
        yield from (sid for sid in self._sources if sid not in self._named)

    def __len__(self) -> int:
        return len(self._named) + sum(sid not in self._named for sid in self._sources)


__all__ = ["EntityView", "NameBook", "Reading"]
