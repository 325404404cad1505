"""Mentions as the reader sees them: the one definition of whom a mention names, and counts.

A settled mention names one entity. An ambiguous one (a bare `Nazarbayev`) may name any
of its candidates: it is counted for each of them, and said to be ambiguous, never
silently credited to one. Every count kazsec shows (stats, show, the detail pane) comes
from `MentionIndex`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from kazsec.store.corpus import Corpus

if TYPE_CHECKING:
    from kazsec.model import MentionRecord


def named_by(mention: Mapping[str, Any]) -> list[str]:
    """Whom a mention may name: its one entity when settled, every candidate when ambiguous."""
    if mention["ambiguous"]:
        return [candidate["id"] for candidate in mention["candidates"]]
    return [mention["entity"]]


class MentionTally(NamedTuple):
    """How often an entity is mentioned: in all, and how many of those are ambiguous."""

    total: int = 0
    ambiguous: int = 0

    def __add__(self, other: MentionTally) -> MentionTally:  # type: ignore[override]
        return MentionTally(self.total + other.total, self.ambiguous + other.ambiguous)

    def describe(self) -> str:
        """'21 mentions, 20 ambiguous', '1 mention'."""
        words = f"{self.total} mention{'' if self.total == 1 else 's'}"
        return f"{words}, {self.ambiguous} ambiguous" if self.ambiguous else words

    def to_json(self) -> dict[str, int]:
        """The tally as `--json` prints it."""
        return {"mentions": self.total, "ambiguous": self.ambiguous}


class MentionIndex:
    """Every mention by the entities it may name, in reading order (source order, then offset)."""

    def __init__(self, mentions: Iterable[MentionRecord], source_order: Iterable[str]) -> None:
        order = {source: n for n, source in enumerate(source_order)}
        ordered = sorted(mentions, key=lambda m: (order.get(m["source"], len(order)), m["start"]))
        self.by_entity: dict[str, list[MentionRecord]] = defaultdict(list)
        self.per_source: Counter[str] = Counter()
        self.ambiguous_count = 0
        for mention in ordered:
            self.per_source[mention["source"]] += 1
            self.ambiguous_count += mention["ambiguous"]
            for entity_id in named_by(mention):
                self.by_entity[entity_id].append(mention)

    def of(self, entity_id: str) -> list[MentionRecord]:
        """The mentions that may name an entity, in reading order."""
        return self.by_entity.get(entity_id, [])

    def tally(self, entity_id: str, source_id: str | None = None) -> MentionTally:
        """How often an entity is mentioned, in one source or in all."""
        found = [m for m in self.of(entity_id) if source_id is None or m["source"] == source_id]
        return MentionTally(len(found), sum(1 for m in found if m["ambiguous"]))

    def by_source(self, entity_id: str) -> dict[str, tuple[MentionTally, MentionRecord]]:
        """Per source (sorted by id): the entity's tally there and its first mention there."""
        tallies: dict[str, MentionTally] = {}
        first: dict[str, MentionRecord] = {}
        for mention in self.of(entity_id):
            source = mention["source"]
            first.setdefault(source, mention)
            tallies[source] = tallies.get(source, MentionTally()) + MentionTally(
                1, int(mention["ambiguous"])
            )
        return {source: (tallies[source], first[source]) for source in sorted(tallies)}

    def entities(self) -> dict[str, MentionTally]:
        """Every mentioned entity's tally, most mentioned first (ties by id)."""
        tallies = {entity: self.tally(entity) for entity in self.by_entity}
        return dict(sorted(tallies.items(), key=lambda item: (-item[1].total, item[0])))


class CorpusMentions:
    """The same answers as MentionIndex, asked of the corpus on disk (nothing loaded whole)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def of(self, entity_id: str) -> list[MentionRecord]:
        """The mentions that may name an entity, in reading order."""
        return self.corpus.mentions_of(entity_id)

    def in_source(self, entity_id: str, source_id: str) -> list[MentionRecord]:
        """The mentions that may name an entity in one source, in reading order."""
        return self.corpus.mentions_of(entity_id, source_id)

    def tally(self, entity_id: str, source_id: str | None = None) -> MentionTally:
        """How often an entity is mentioned, in one source or in all."""
        found = [
            MentionTally(total, ambiguous)
            for source, total, ambiguous, _ in self.corpus.tallies_of(entity_id)
            if source_id is None or source == source_id
        ]
        return sum(found, MentionTally())

    def by_source(self, entity_id: str) -> dict[str, tuple[MentionTally, MentionRecord]]:
        """Per source (sorted by id): the entity's tally there and its first mention there."""
        rows = self.corpus.tallies_of(entity_id)
        firsts = self.corpus.mentions_by_rowid([first for *_, first in rows])
        return {
            source: (MentionTally(total, ambiguous), firsts[first])
            for source, total, ambiguous, first in sorted(rows)
            if first in firsts
        }

    def entities(self) -> dict[str, MentionTally]:
        """Every mentioned entity's tally, most mentioned first (ties by id)."""
        tallies = {e: MentionTally(t, a) for e, t, a in self.corpus.entity_tallies()}
        return dict(sorted(tallies.items(), key=lambda item: (-item[1].total, item[0])))

    @cached_property
    def _source_tallies(self) -> list[tuple[str, int, int]]:
        return self.corpus.source_tallies()  # one scan of the mentions serves both below

    @property
    def per_source(self) -> Counter[str]:
        """Mentions per source."""
        return Counter({source: total for source, total, _ in self._source_tallies})

    @property
    def ambiguous_count(self) -> int:
        """How many mentions are ambiguous, in all."""
        return sum(ambiguous for *_, ambiguous in self._source_tallies)
