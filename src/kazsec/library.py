"""The store as the app reads it: lookups, mentions in reading order, citations and labels.

Pure domain code (no Textual): the TUI holds one Library and asks it everything.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from kazsec.dossier import ENTITY_TABLES, dossier, mentioned_entities, names_of
from kazsec.facts import source_label
from kazsec.kb.dates import format_date, sort_key
from kazsec.location import Location
from kazsec.search import SearchEngine
from kazsec.search.engine import entries_from_records, passage_docs
from kazsec.store import Record, Store


class Library:
    """Read-only access to everything the explorer shows."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sources: dict[str, Record] = {s["id"]: s for s in store.all("sources")}
        self.passages: dict[str, Record] = {p["id"]: p for p in store.all("passages")}
        self.people = sorted(store.all("people"), key=lambda p: p["name"].split()[-1].casefold())
        self.agencies = sorted(store.all("agencies"), key=lambda a: a["name"].casefold())
        self.events = sorted(store.all("events"), key=lambda e: (sort_key(e["date"]), e["id"]))
        self.passages_by_source: dict[str, list[Record]] = defaultdict(list)
        for passage in sorted(self.passages.values(), key=lambda p: (p["source"], p["seq"])):
            self.passages_by_source[passage["source"]].append(passage)
        source_order = {sid: n for n, sid in enumerate(self.sources)}
        self.mentions_by_entity: dict[str, list[Record]] = defaultdict(list)
        for mention in sorted(store.all("mentions"), key=lambda m: (source_order.get(m["source"], 0), m["start"])):
            for entity_id in mentioned_entities(mention):
                self.mentions_by_entity[entity_id].append(mention)
        self.names = names_of(store)

    @cached_property
    def engine(self) -> SearchEngine:
        """The search index, built on first use from the records already loaded."""
        entries = entries_from_records(self.people, self.agencies, self.events, self.sources.values())
        return SearchEngine(entries, passage_docs(self.passages.values()))

    def kind_of(self, entity_id: str) -> str | None:
        """'person', 'agency', 'event' or 'source' for an id, None if unknown."""
        for kind, table in ENTITY_TABLES.items():
            if self.store.get(table, entity_id) is not None:
                return kind
        return None

    def dossier(self, entity_id: str) -> dict[str, Any]:
        """Everything known about an entity (see kazsec.dossier)."""
        return dossier(self.store, entity_id, self.names)

    def source_label(self, source_id: str) -> str:
        """A source's title, or a description when it has none."""
        return source_label(self.sources[source_id])

    def location_of(self, citation_or_mention: Record) -> Location:
        """Where a citation or mention stands."""
        return Location(citation_or_mention["source"], citation_or_mention["passage"], citation_or_mention["start"], citation_or_mention["end"])

    def mention_spans(self, entity_id: str, source_id: str) -> list[tuple[int, int]]:
        """Offsets of every mention of an entity in one source."""
        return [(m["start"], m["end"]) for m in self.mentions_by_entity.get(entity_id, []) if m["source"] == source_id]

    def citation_text(self, citation: Record) -> str:
        """A quote with its citation, ready to paste: “…” — title, publisher, date, passage."""
        source = self.sources[citation["source"]]
        parts = [self.source_label(citation["source"]), source["publisher"], format_date(source["date"]) if source["date"] else "", source["author"]]
        reference = ", ".join(p for p in parts if p)
        return f"“{citation['exact']}” — {reference} [kazsec {citation['passage']}]"
