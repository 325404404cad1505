"""The notebook in the explorer, driven as a user would: select words in the reader, note
them, tag them, make an alias and a post of them, undo, and find the note everywhere."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select
from tui_helpers import reader, settle

from kazsec.build.compile import build_store
from kazsec.cli.researcher import Researcher
from kazsec.library import Library
from kazsec.paths import data_dir
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.messages import EntitySelected
from kazsec.tui.screens.explorer import ExplorerScreen
from kazsec.tui.screens.fact_form import FactForm
from kazsec.tui.screens.note_form import NoteForm
from kazsec.tui.screens.selection import SelectionScreen
from kazsec.workspace.notebook import notes_path, read_notes

PASSAGE = "ciss-2022-nsc/p015"  # "January 6. The Lieutenant-General of National Security Karim…"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """An empty workspace and a store built with it (a fresh one per test: they write)."""
    folder, store = tmp_path / "workspace", tmp_path / "store.json"
    folder.mkdir()
    build_store(data_dir(), store, workspace=folder)
    yield folder, store


def app_for(folder: Path, store: Path) -> KazsecApp:
    args = argparse.Namespace(store=str(store), workspace=str(folder))

    def load() -> Library:
        return Library(Store.open(store))

    return KazsecApp(load, researcher=Researcher(args, load))


async def select_words(app: KazsecApp, pilot: Pilot, words: int) -> SelectionScreen:
    """Open the passage, press v in the reader, then v and ctrl+right `words` times."""
    await settle(app, pilot)
    app.open_entity(PASSAGE)
    await settle(app, pilot)
    reader(app).focus()
    await pilot.press("v")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, SelectionScreen)
    await pilot.press("v", *["ctrl+right"] * words)  # a burst: every move extends
    await settle(app, pilot)
    return screen


async def test_a_note_on_selected_words_is_kept_and_shown_everywhere(
    workspace: tuple[Path, Path],
) -> None:
    folder, store = workspace
    app = app_for(folder, store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await select_words(app, pilot, 14)
        chosen = screen.chosen()
        assert chosen is not None and chosen.quote.startswith("January 6. The Lieutenant")
        assert "Karim Massimov" in chosen.quote, chosen.quote
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteForm)
        await pilot.press(*"Massimov dismissed first", "enter", *"purge, nsc", "enter")
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        # In the file, byte for byte what was selected, with its place and tags.
        (note,) = read_notes(folder)
        assert (note.quote, note.start, note.tags) == (chosen.quote, chosen.start, ("purge", "nsc"))
        # In the reader: the words tinted.
        assert (note.start, note.end) in reader(app).notes
        # In the Notes list.
        await pilot.press("5")
        await settle(app, pilot)
        from kazsec.tui.widgets.navigator import EntityList

        notes_list = app.explorer.query_one("#list-notes", EntityList)
        assert [row.label for row in notes_list.rows] == ["Massimov dismissed first"]
        assert notes_list.rows[0].note == "#purge #nsc"
        # In the detail of the person its words mention.
        app.open_entity("karim-massimov")
        await settle(app, pilot)
        rows = app.library.view("karim-massimov").facts  # type: ignore[union-attr]
        assert any(r.label == "note" and r.text == "Massimov dismissed first" for r in rows)
        # In search results, by any spelling of a word in it.
        await pilot.press("slash", *"дисмиссед", "backspace")
        await settle(app, pilot)
        app.explorer.query_one("#search-input", Input).value = "purge"
        await settle(app, pilot)
        results = app.explorer.query_one("#search-results", OptionList)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Your notes" in line for line in shown)
        assert any("Massimov dismissed first" in line for line in shown)


async def test_escape_keeps_nothing(workspace: tuple[Path, Path]) -> None:
    folder, store = workspace
    app = app_for(folder, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_words(app, pilot, 3)
        await pilot.press("a", *"never mind", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert not notes_path(folder).exists() or read_notes(folder) == []


async def choose_kind(app: KazsecApp, pilot: Pilot, kind: str) -> FactForm:
    form = app.screen
    assert isinstance(form, FactForm)
    form.query_one("#fact-kind", Select).value = kind
    await settle(app, pilot)
    return form


async def test_an_alias_and_a_post_from_a_selection_then_undo(
    workspace: tuple[Path, Path],
) -> None:
    folder, store = workspace
    app = app_for(folder, store)
    async with app.run_test(size=(120, 36)) as pilot:
        # "Karim Massimov" written there becomes an alias; the person named in any spelling.
        screen = await select_words(app, pilot, 0)
        text = screen.passage["text"]
        at = text.index("Karim Massimov")
        area = screen.query_one("TextArea")
        from textual.widgets.text_area import Selection

        area.selection = Selection((0, at), (0, at + len("Karim Massimov")))  # type: ignore[attr-defined]
        await pilot.press("f")
        await settle(app, pilot)
        form = await choose_kind(app, pilot, "alias")
        assert form.query_one("#fact-name", Input).value == "Karim Massimov"
        form.query_one("#fact-entity", Input).value = "Масимов"
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        people = (folder / "kb" / "people.toml").read_text(encoding="utf-8")
        assert 'id = "karim-massimov"' in people and "Karim Massimov" in people
        # A post held, with its dates, citing the same words.
        screen = await select_words(app, pilot, 12)
        await pilot.press("f")
        await settle(app, pilot)
        form = await choose_kind(app, pilot, "post")
        form.query_one("#fact-person", Input).value = "Massimov"
        form.query_one("#fact-post", Input).value = "Chairman of the NSC (as I read it)"
        form.query_one("#fact-end", Input).value = "2022-01-06"
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        await settle(app, pilot)
        career = app.library.chronology.career("karim-massimov")  # type: ignore[union-attr]
        assert any(t.post == "Chairman of the NSC (as I read it)" for t in career.tenures)
        # Undo takes back the post only.
        await pilot.press("escape")
        app.explorer.query_one("#facts").focus()
        await pilot.press("u")
        await pilot.pause(1.0)
        await settle(app, pilot)
        career = app.library.chronology.career("karim-massimov")  # type: ignore[union-attr]
        assert not any(t.post == "Chairman of the NSC (as I read it)" for t in career.tenures)
        assert "Karim Massimov" in (folder / "kb" / "people.toml").read_text(encoding="utf-8")


async def test_a_fact_the_compiler_refuses_writes_nothing(workspace: tuple[Path, Path]) -> None:
    folder, store = workspace
    app = app_for(folder, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_words(app, pilot, 3)
        await pilot.press("f")
        await settle(app, pilot)
        form = await choose_kind(app, pilot, "post")
        form.query_one("#fact-person", Input).value = "Massimov"
        form.query_one("#fact-post", Input).value = "Chairman"
        form.query_one("#fact-start", Input).value = "2022-13"
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        await settle(app, pilot)
        assert not (folder / "kb" / "positions.toml").exists()
        assert any("No fact added" in str(n.message) for n in app._notifications)


async def test_a_broken_notes_file_is_named_and_the_app_still_starts(
    workspace: tuple[Path, Path],
) -> None:
    folder, store = workspace
    notes_path(folder).write_text("[[note]]\nid = 'x'\nquote = \n", encoding="utf-8")
    app = app_for(folder, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen) and app.library is not None
        warned = [str(n.message) for n in app._notifications]
        assert any("notes.toml:3" in line and "read-only" in line for line in warned), warned
        await select_words(app, pilot, 3)
        await pilot.press("a", *"kept?", "enter", "enter")
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert notes_path(folder).read_text(encoding="utf-8").endswith("quote = \n")


def test_an_orphaned_fact_is_listed_in_the_explorer(tmp_path: Path) -> None:
    import asyncio

    folder, store = tmp_path / "workspace", tmp_path / "store.json"
    (folder / "kb").mkdir(parents=True)
    (folder / "kb" / "people.toml").write_text(
        '[[person]]\nid = "karim-massimov"\naliases = [\n'
        '  { name = "Masimoff", source = "ciss-2022-nsc", quote = "words no source holds" },\n]\n',
        encoding="utf-8",
    )
    build_store(data_dir(), store, workspace=folder)

    async def run() -> list[str]:
        app = app_for(folder, store)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            from kazsec.tui.widgets.navigator import EntityList

            rows = app.explorer.query_one("#list-notes", EntityList).rows
            assert [row.group for row in rows] == ["Orphaned facts"]
            app.explorer.post_message(EntitySelected(rows[0].entity_id))
            await settle(app, pilot)
            return [str(n.message) for n in app._notifications]

    said = asyncio.run(run())
    assert any("Masimoff" in line and "kept in the file" in line for line in said), said
