"""What the explorer does with the reader's words: select them, note them, make facts of them,
take the last fact back. Mixed into the explorer screen; writing happens off the UI thread
through the app's `researcher` (the command line's own code), and the explorer shows the
store as it is afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work

from kazsec.errors import KazsecError
from kazsec.render.text import inert
from kazsec.tui.screens.time_actions import TimeActions

if TYPE_CHECKING:
    from kazsec.library import Library, ListRow
    from kazsec.library.selection import Selected

# Fields of a fact that name a person, body or event: typed in any spelling, sent as ids.
ENTITY_FIELDS = {
    "entity": {"person", "agency"},
    "person": {"person"},
    "target": {"person", "agency"},
    "body": {"agency"},
    "people": {"person"},
    "bodies": {"agency"},
}


class NotebookActions(TimeActions):
    """Select, note, make a fact, undo."""

    async def library_ready(self, lists: dict[str, list[ListRow]]) -> None:
        raise NotImplementedError  # provided by the explorer

    def action_select(self) -> None:
        """Select words of the passage being read (`v`), then note them or make a fact."""
        from kazsec.tui.screens.selection import SelectionScreen

        library = self.library
        location = self._focused_reader().location if library is not None else None
        passage = library.passage(location.passage) if library and location else None
        if library is None or location is None or passage is None:
            self.notify("Open a passage in the reader first.", markup=False)
            return
        text = library.store.source(location.source)["repaired_text"]
        span = (location.start, location.end) if location.start is not None else None
        label = library.source_label(location.source)
        screen = SelectionScreen(passage, text, label, span)  # type: ignore[arg-type]
        self.app.push_screen(screen, self._selected)

    def _selected(self, chosen: tuple[str, Selected] | None) -> None:
        from kazsec.tui.screens.fact_form import FactForm
        from kazsec.tui.screens.note_form import NoteForm

        if not chosen:
            return
        what, selected = chosen

        def noted(given: tuple[str, list[str]] | None) -> None:
            if given:
                self._write_note(selected, *given)

        def made(given: tuple[str, dict[str, Any]] | None) -> None:
            if given:
                self._write_fact(selected, *given)

        if what == "note":
            self.app.push_screen(NoteForm(selected.quote), noted)
        else:
            self.app.push_screen(FactForm(selected.quote), made)

    def _ids(self, fields: dict[str, str]) -> dict[str, Any]:
        """People, bodies and events named in any spelling, as their ids."""
        library = self.library
        assert library is not None
        found: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "subject" and ":" not in value:  # a disagreement about whom or what
                hits = [
                    r
                    for r in library.engine.search(value, types={"person", "agency", "event"})
                    if r.confident
                ]
                if not hits:
                    raise KazsecError(f"no person, body or event is called {value!r}")
                found[name] = f"{hits[0].type}:{hits[0].id}"
                continue
            kinds = ENTITY_FIELDS.get(name)
            if kinds is None:
                found[name] = value
                continue
            words = (
                [w.strip() for w in value.split(",")] if name in ("people", "bodies") else [value]
            )
            ids = []
            for word in words:
                if library.kind_of(word) in kinds:
                    ids.append(word)
                    continue
                hits = [r for r in library.engine.search(word, types=kinds, limit=2) if r.confident]
                if not hits:
                    raise KazsecError(f"no {' or '.join(sorted(kinds))} is called {word!r}")
                ids.append(hits[0].id)
            found[name] = ids if name in ("people", "bodies") else ids[0]
        return found

    def _write_note(self, selected: Selected, text: str, tags: list[str]) -> None:
        self._in_background(
            "No note kept", lambda researcher: researcher.note(selected, text, tags)
        )

    def _write_fact(self, selected: Selected, kind: str, fields: dict[str, str]) -> None:
        store = self.library.store if self.library is not None else None
        self._in_background(
            "No fact added",
            lambda researcher: researcher.fact(kind, self._ids(fields), selected.citation(), store),
        )

    def action_undo(self) -> None:
        """Take back the last fact added from a selection."""
        self._in_background("Nothing undone", lambda researcher: researcher.undo())

    @work(thread=True, exclusive=True, group="notebook")
    def _in_background(
        self, failed: str, write: Callable[[Any], tuple[str, Library | None]]
    ) -> None:
        """Write through the app's researcher off the UI thread, and ready the store as it is
        then (its name index and lists) there too: the explorer only swaps it in."""
        researcher = getattr(self.app, "researcher", None)
        if researcher is None:
            return
        try:
            said, library = write(researcher)
            if library is not None:
                _ = library.engine
                lists = library.list_rows()
        except KazsecError as exc:
            self.app.call_from_thread(
                self.notify, inert(f"{failed}: {exc}"), severity="error", markup=False
            )
            return
        shown = (library, lists) if library is not None else None
        self.app.call_from_thread(self._written, said, shown)  # type: ignore[arg-type]

    async def _written(
        self, said: str, shown: tuple[Library, dict[str, list[ListRow]]] | None
    ) -> None:
        """Show the store as it is now, and say what was done."""
        if shown is not None:
            library, lists = shown
            self.app.library = library  # type: ignore[attr-defined]
            await self.library_ready(lists)
            if self.entity_id and library.kind_of(self.entity_id):
                self.show_entity(self.entity_id, remember=False, focus=False)
            for reader in self.readers:
                if reader.location is not None:
                    reading = library.reading(reader.location, self.entity_id)
                    if reading is not None:
                        await reader.show(reading)
        self.notify(inert(said), markup=False, timeout=6)
