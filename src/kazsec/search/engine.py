"""The search engine both the TUI and the CLI call: names and passages, one query API."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from kazsec.kinds import SEARCH_KINDS, source_label
from kazsec.search.explain import written_as_typed
from kazsec.search.index import NameIndex
from kazsec.search.name_cache import cached_names
from kazsec.search.passages import PassageIndex
from kazsec.search.readings import SearchMode
from kazsec.search.results import Entry, SearchResult
from kazsec.search.sources import SOURCES_IN_NAME_INDEX, SourceSearch
from kazsec.store import Store
from kazsec.store.fulltext import FullText

_CACHE_SIZE = 256
# Exact mode looks through at most this many passage hits for one page of those written as
# typed, then offers "more" rather than keep the user waiting on a query that is all guesses.
EXACT_SCAN = 2_000


def _named(result: SearchResult) -> bool:
    """A person or body the query confidently names: it goes before what mentions it."""
    return result.confident and result.type in ("person", "agency")


def entries_from_records(
    people: Iterable[Mapping[str, Any]],
    agencies: Iterable[Mapping[str, Any]],
    events: Iterable[Mapping[str, Any]],
    sources: Iterable[Mapping[str, Any]],
) -> list[Entry]:
    """Every searchable form of the given records."""
    entries: list[Entry] = []
    for entity_type, records in (("person", people), ("agency", agencies)):
        for record in records:
            forms = [
                record["name"],
                record.get("standard_name", ""),
                record.get("native_ru", ""),
                record.get("native_kk", ""),
            ]
            forms += record.get("curator_aliases", []) + [
                alias["name"] for alias in record["aliases"]
            ]
            for form in dict.fromkeys(f for f in forms if f):
                entries.append(Entry(entity_type, record["id"], record["name"], form))
    for event in events:
        entries.append(Entry("event", event["id"], event["title"], event["title"]))
    for source in sources:
        label = source_label(source)
        for form in dict.fromkeys(
            f for f in (source["title"], source["id"], source["publisher"]) if f
        ):
            entries.append(Entry("source", source["id"], label, form))
    return entries


class PassagePage(NamedTuple):
    """One page of passage hits, whether more follow it, and where the next page starts
    (among all hits: in exact mode a page passes over hits not written as typed)."""

    results: list[SearchResult]
    offset: int
    more: bool
    next_offset: int


class SearchEngine:
    """Names first, passages after; results for repeated queries come from a small cache."""

    def __init__(
        self,
        entries: Iterable[Entry] | NameIndex,
        passages: PassageIndex | None = None,
        sources: SourceSearch | None = None,
    ) -> None:
        self.names = entries if isinstance(entries, NameIndex) else NameIndex(entries)
        self.passages = passages
        self.sources = sources  # a large catalogue's sources, searched apart from names
        self._cache: OrderedDict[
            tuple[str, tuple[str, ...], int, int | None, str], list[SearchResult]
        ] = OrderedDict()

    @classmethod
    def from_store(cls, store: Store) -> SearchEngine:
        """Index a store's names; passages (and a large catalogue) are searched in its corpus."""
        from kazsec.store.fulltext import FullText

        sources = store.all("sources")
        return cls.over(
            store.all("people"),
            store.all("agencies"),
            store.all("events"),
            sources,
            FullText(store.corpus),
        )

    @classmethod
    def over(
        cls,
        people: Iterable[Mapping[str, Any]],
        agencies: Iterable[Mapping[str, Any]],
        events: Iterable[Mapping[str, Any]],
        sources: Sequence[Mapping[str, Any]],
        text: FullText,
        cache: tuple[Path, str] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> SearchEngine:
        """The engine over these records and a corpus: a catalogue of thousands of sources
        is searched through the corpus's index, not held among the names. `cache` is the
        store's path and fingerprint, to keep the name index on disk beside it."""
        large = len(sources) > SOURCES_IN_NAME_INDEX

        def build() -> NameIndex:
            return NameIndex(
                entries_from_records(people, agencies, events, () if large else sources)
            )

        names = cached_names(cache[0], f"{cache[1]} {int(large)}", build) if cache else build()
        if large and labels is None:
            labels = {s["id"]: source_label(s) for s in sources}
        found = SourceSearch(text, labels) if large and labels is not None else None
        return cls(names, PassageIndex(text), found)

    def search(
        self,
        query: str,
        types: Iterable[str] | None = None,
        limit: int = 20,
        passage_limit: int | None = None,
        mode: SearchMode = "scripts",
    ) -> list[SearchResult]:
        """Results of every requested type, best first.

        A person or body the query names ranks above the events, sources and passages
        that merely contain the name; otherwise by score, names above passages of equal
        score. `passage_limit` caps the passage hits on their own (each needs a snippet
        built). `mode`: see NameIndex.search; in "exact" mode a passage must hold the
        typed words as written.
        """
        wanted = tuple(sorted(set(types))) if types else SEARCH_KINDS
        key = (query, wanted, limit, passage_limit, mode)
        if key in self._cache:
            self._cache.move_to_end(key)
            return list(self._cache[key])
        name_types = set(wanted) - {"passage"}
        results = self.names.search(query, name_types, limit, mode) if name_types else []
        if "source" in wanted and self.sources is not None:
            results += self.sources.search(query, limit)
        if "passage" in wanted and self.passages is not None:
            wanted_hits = min(limit, passage_limit or limit)
            if mode == "exact":
                results += self._written_as_typed(query, 0, wanted_hits).results
            else:
                results += self.passages.search(query, wanted_hits)
        results.sort(key=lambda r: (not _named(r), -r.score, r.type == "passage"))
        results = results[:limit]
        self._cache[key] = results
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return list(results)

    def passage_page(
        self, query: str, offset: int = 0, count: int = 50, mode: SearchMode = "scripts"
    ) -> PassagePage:
        """Passage hits `offset` to `offset + count`, best first, for paging through thousands
        (in "exact" mode only those holding the typed words as written)."""
        if self.passages is None:
            return PassagePage([], offset, False, offset)
        if mode == "exact":
            return self._written_as_typed(query, offset, count)
        found = self.passages.search(query, count + 1, offset)
        more = len(found) > count
        found = found[:count]
        return PassagePage(found, offset, more, offset + len(found))

    def _written_as_typed(self, query: str, offset: int, count: int) -> PassagePage:
        """Exact mode: up to `count` passage hits from `offset` (counted among all hits)
        that hold the typed words as written, looking on past those that do not."""
        assert self.passages is not None
        kept: list[SearchResult] = []
        position, batch = offset, max(count, 50)
        while position - offset < EXACT_SCAN:
            found = self.passages.search(query, batch, position)
            for index, result in enumerate(found):
                if len(kept) == count:  # full: is there one more to offer?
                    rest = found[index:]
                    more = any(written_as_typed(r.matched, query) for r in rest)
                    return PassagePage(kept, offset, more or len(found) == batch, position)
                position += 1
                if written_as_typed(result.matched, query):
                    kept.append(result)
            if len(found) < batch:
                return PassagePage(kept, offset, False, position)
        return PassagePage(kept, offset, True, position)
