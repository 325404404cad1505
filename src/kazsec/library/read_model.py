"""The one read model: what the CLI and the TUI both ask of a store, answered from indexes.

Pure domain code (no Textual). The curated knowledge is indexed once when a Library opens
a store; passages, texts and mentions are asked of the corpus on disk as they are shown.
`view(entity_id)` gives a pane or a command all it shows in one call. The name index is
built on first use, so commands that never search never pay for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kazsec.dates import sort_key
from kazsec.errors import LookupFailed
from kazsec.kinds import (
    KIND_TABLES,
    EntityKind,
    Location,
    Record,
)
from kazsec.library.mentions import CorpusMentions, MentionTally
from kazsec.library.rows import ListRow
from kazsec.library.views import EntityView, NameBook, Reading
from kazsec.names import sort_key as surname_order
from kazsec.store import Store

if TYPE_CHECKING:
    from kazsec.library import citing
    from kazsec.library.chronology import Chronology
    from kazsec.library.dossier import Links
    from kazsec.library.notes import AnchoredNote, Notebook
    from kazsec.model import (
        AgencyRecord,
        Citation,
        ConflictRecord,
        EventRecord,
        MentionRecord,
        PassageRecord,
        PersonRecord,
        PositionRecord,
        SourceRecord,
    )
    from kazsec.search import SearchEngine


def _when_read(records: Callable[[], Sequence[Any]]) -> Iterator[Any]:
    """The records, asked for only when this is first iterated."""
    yield from records()


class Library:
    """Read-only access to everything a store holds, for the explorer and the command line."""

    def __init__(
        self, store: Store, notes_from: Path | None = None, strict_notes: bool = False
    ) -> None:
        """`notes_from`: the workspace whose notes to read (else the one the store was built
        with); `strict_notes`: a notes file that cannot be read fails what needs the notes."""
        self.store = store
        self._notes_from = notes_from
        self._strict_notes = strict_notes
        self.sources: dict[str, SourceRecord] = {
            s["id"]: cast("SourceRecord", s) for s in store.all("sources")
        }
        people = cast("list[PersonRecord]", store.all("people"))
        agencies = cast("list[AgencyRecord]", store.all("agencies"))
        events = cast("list[EventRecord]", store.all("events"))
        self._kinds: dict[str, EntityKind] = {
            record["id"]: kind for kind, table in KIND_TABLES.items() for record in store.all(table)
        }
        self.corpus = store.corpus
        self.mentions = CorpusMentions(store.corpus)
        named = {r["id"]: r["name"] for r in (*people, *agencies)}
        named.update({e["id"]: e["title"] for e in events})
        self.names: Mapping[str, str] = NameBook(named, self.sources)

    # The lists in the order they are shown, sorted when first shown (a search never is).

    @cached_property
    def people(self) -> list[PersonRecord]:
        """People by surname wherever it stands: Xi Jinping under X, initials and honorifics
        aside."""
        people = cast("list[PersonRecord]", self.store.all("people"))
        return sorted(people, key=lambda p: surname_order(p["name"]))

    @cached_property
    def agencies(self) -> list[AgencyRecord]:
        """Bodies by name."""
        agencies = cast("list[AgencyRecord]", self.store.all("agencies"))
        return sorted(agencies, key=lambda a: a["name"].casefold())

    @cached_property
    def events(self) -> list[EventRecord]:
        """Events by date, undated last."""
        events = cast("list[EventRecord]", self.store.all("events"))
        return sorted(events, key=lambda e: (sort_key(e["date"]), e["id"]))

    @cached_property
    def _links(self) -> Links:
        """What points at what (posts, events, relations, conflicts), indexed when first asked:
        a command that only searches never needs it."""
        from kazsec.library.dossier import Links

        store = self.store
        return Links(
            cast("list[PersonRecord]", store.all("people")),
            cast("list[AgencyRecord]", store.all("agencies")),
            cast("list[PositionRecord]", store.all("positions")),
            cast("list[EventRecord]", store.all("events")),
            cast("list[ConflictRecord]", store.all("conflicts")),
        )

    @cached_property
    def chronology(self) -> Chronology:
        """Tenures, careers, successions and the timeline, made when first asked."""
        from kazsec.library.chronology import Chronology

        store = self.store
        return Chronology(
            store.all("people"),
            store.all("agencies"),
            store.all("positions"),
            store.all("events"),
            store.all("conflicts"),
            {sid: s["date"] for sid, s in self.sources.items()},
        )

    @cached_property
    def notebook(self) -> Notebook:
        """The user's notes, each anchored in its source's current text, read when first
        asked for from the workspace named, else the one the store was built with."""
        from kazsec.library.notes import Notebook, corpus_texts

        folder = self._notes_from
        if folder is None:
            workspace = self.store.meta.get("workspace")
            folder = Path(workspace) if isinstance(workspace, str) and workspace else None
        return Notebook(folder, corpus_texts(self.corpus), strict=self._strict_notes)

    @cached_property
    def engine(self) -> SearchEngine:
        """The search index, built on first use from the records already loaded."""
        from kazsec.search.engine import SearchEngine
        from kazsec.store.fulltext import FullText

        sources = list(self.sources.values())
        cache = (self.store.path, str(self.store.meta["inputs"]))
        # The lists are sorted only if the name index has to be built (it is usually read
        # back from its cache beside the store).
        return SearchEngine.over(
            _when_read(lambda: self.people),
            _when_read(lambda: self.agencies),
            _when_read(lambda: self.events),
            sources,
            FullText(self.corpus),
            cache,
            self.names,  # a source's label is its name here
        )

    # -- lookups ----------------------------------------------------------------------

    def kind_of(self, entity_id: str) -> EntityKind | None:
        """'person', 'agency', 'event' or 'source' for an id, None if unknown."""
        return self._kinds.get(entity_id)

    def record(self, entity_id: str) -> tuple[EntityKind, Record]:
        """The kind and record of an id; LookupFailed names the way to find one."""
        kind = self._kinds.get(entity_id)
        found = self.store.get(KIND_TABLES[kind], entity_id) if kind else None
        if kind is None or found is None:
            hint = self._hint(entity_id)
            raise LookupFailed(f"no person, body, event or source has the id {entity_id!r}; {hint}")
        return kind, found

    def _hint(self, words: str) -> str:
        """'did you mean karim-massimov (Karim Massimov)?' for a name given where an id goes."""
        found = [
            r
            for r in self.engine.search(words[:300], types=set(KIND_TABLES), limit=3)
            if r.confident
        ]
        if not found:
            return "try `kazsec search`"
        return "did you mean " + " or ".join(f"{r.id} ({r.name})" for r in found[:2]) + "?"

    def view(self, entity_id: str) -> EntityView:
        """Everything shown of one entity: its dossier, its facts, what to open beside it."""
        from kazsec.library.facts import fact_rows

        kind, record = self.record(entity_id)
        dossier = self._links.dossier(kind, record, self.mentions)
        first: Location | None = None
        passages = self.corpus.passages_of(entity_id) if kind == "source" else []
        if passages:
            first = Location(entity_id, passages[0]["id"])
        elif kind == "event" and record["cite"]:
            first = Location.of(record["cite"][0])  # an event is its sources' words
        rows = fact_rows(dossier, self.names)
        if kind == "source":
            from kazsec.library.new_names import new_name_rows

            rows += new_name_rows(self.corpus, entity_id, passages)
        from kazsec.library.note_views import note_rows

        rows += note_rows(self.notes_about(entity_id))
        return EntityView(dossier, rows, first)

    def passage(self, passage_id: str) -> PassageRecord | None:
        """One passage by id, None if the store has no such passage."""
        return self.corpus.passage(passage_id)

    def passage_location(self, passage_id: str) -> Location | None:
        """Where a passage id points, None if no passage has it."""
        passage = self.passage(passage_id)
        return Location(passage["source"], passage_id) if passage else None

    def source_label(self, source_id: str) -> str:
        """A source's title, or a description when it has none."""
        return self.names.get(source_id, source_id)

    def reading(
        self, location: Location, entity_id: str | None = None, caption: str = ""
    ) -> Reading | None:
        """A source opened at a location, the entity's mentions marked; None if the store
        holds no such source or passage (a damaged store: `kazsec check` names it)."""
        passage = self.passage(location.passage)
        if location.source not in self.sources or passage is None:
            return None
        source = self.store.source(location.source)
        if passage["source"] != location.source:
            return None
        marks = self.mention_spans(entity_id, location.source) if entity_id else []
        passages = self.corpus.passages_of(location.source)
        label = self.source_label(location.source)
        notes = tuple(
            (n.start, n.end)
            for n in self.notebook.of_source(location.source)
            if n.start is not None and n.end is not None
        )
        return Reading(source, label, passages, location, marks, caption, notes)

    # -- mentions ---------------------------------------------------------------------

    def notes_about(self, entity_id: str) -> list[AnchoredNote]:
        """The user's notes on an entry: on a source, or over a person's or body's mentions.
        Only the sources that hold a note are asked for mentions (none, without notes)."""
        notebook = self.notebook
        if not notebook.notes:
            return []
        mentions: list[MentionRecord] = []
        if self.kind_of(entity_id) in ("person", "agency"):
            for source_id in sorted({n.note.source for n in notebook.notes if n.start is not None}):
                mentions += self.mentions.in_source(entity_id, source_id)
        return notebook.about(entity_id, mentions)

    def mentions_of(self, entity_id: str) -> list[MentionRecord]:
        """Mentions that may name an entity, in reading order."""
        return self.mentions.of(entity_id)

    def mention_tally(self, entity_id: str) -> MentionTally:
        """How often an entity is mentioned in all sources (the one count every view shows)."""
        return self.mentions.tally(entity_id)

    def mention_spans(self, entity_id: str, source_id: str) -> list[tuple[int, int]]:
        """Offsets of every mention of an entity in one source."""
        return [(m["start"], m["end"]) for m in self.mentions.in_source(entity_id, source_id)]

    # -- citations and lists ----------------------------------------------------------

    def citation_text(self, citation: Citation | dict[str, Any]) -> str:
        """A quote with its citation, ready to paste: “…” — title, publisher, date, passage."""
        from kazsec.library import citing

        source = self.sources.get(citation["source"])
        label = self.source_label(citation["source"])
        return citing.citation_text(source, label, citation["exact"], citation["passage"])

    def excerpt(self, location: Location) -> citing.Excerpt | None:
        """What copying at a location takes: the quote, the mention's sentence, or the passage."""
        from kazsec.library import citing

        passage = self.passage(location.passage)
        return citing.excerpt(passage, location) if passage is not None else None

    def excerpt_text(self, found: citing.Excerpt) -> str:
        """An excerpt with its citation, ready to paste."""
        from kazsec.library import citing

        source = self.sources.get(found.source)
        return citing.citation_text(
            source, self.source_label(found.source), found.exact, found.passage
        )

    def list_rows(self) -> dict[str, list[ListRow]]:
        """The navigator's lists: people, bodies, the timeline, the sources, your notes."""
        from kazsec.library.lists import list_rows

        return list_rows(self)

    def orphaned_facts(self) -> list[dict[str, Any]]:
        """The user's facts the build left out, their quotes gone (kept in their files)."""
        found = self.store.meta.get("orphans")
        return [o for o in found if isinstance(o, dict)] if isinstance(found, list) else []

    def events_involving(self, entity_id: str) -> list[str]:
        """Ids of the events a person or body takes part in, in time order."""
        return [e["id"] for e in self._links.events.get(entity_id, [])]

    def stats(self) -> dict[str, Any]:
        """Records per table and mentions per source and per entity (`kazsec stats`)."""
        entities = self.mentions.entities()
        return {
            "store": str(self.store.path),
            "schema_version": self.store.meta["schema_version"],
            "counts": self.store.counts(),
            "mentions_per_source": dict(sorted(self.mentions.per_source.items())),
            "mentions_per_entity": {entity: tally.total for entity, tally in entities.items()},
            "ambiguous_mentions_per_entity": {
                entity: tally.ambiguous for entity, tally in entities.items() if tally.ambiguous
            },
            "ambiguous_mentions": self.mentions.ambiguous_count,
        }
