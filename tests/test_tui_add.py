"""The explorer's "Add documents": a path typed in, the document added, built in and listed."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from conftest import copy_store
from tui_helpers import settle

from kazsec.cli.workspace_commands import add_paths, summary
from kazsec.library import Library
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.screens.add_documents import AddDocumentsScreen
from kazsec.tui.widgets.navigator import EntityList

NEWS = "Масимов арестован\n\nБывший председатель КНБ Карим Масимов задержан в январе.\n"


@pytest.fixture()
def app_with_workspace(
    built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> KazsecApp:
    store_path = copy_store(built_store_path, tmp_path / "store.json")
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(tmp_path / "workspace"))
    args = argparse.Namespace(store=str(store_path), workspace=None)

    def load() -> Library:
        return Library(Store.open(store_path))

    def add(paths: list[str]) -> tuple[str, Library]:
        return summary(add_paths(args, paths)), load()

    return KazsecApp(load, adder=add)


async def test_a_document_added_from_the_palette_is_listed_as_yours_and_searchable(
    app_with_workspace: KazsecApp, tmp_path: Path
) -> None:
    app = app_with_workspace
    news = tmp_path / "inbox" / "новости.txt"
    news.parent.mkdir()
    news.write_text(NEWS, encoding="utf-8")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Add documents")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddDocumentsScreen)
        await pilot.press(*f'"{news.parent}" "{tmp_path}/missing.pdf"')
        await pilot.press("enter")
        for _ in range(60):
            await pilot.pause(0.1)
            assert app.library is not None
            if "masimov-arestovan" in app.library.sources:
                break
        await settle(app, pilot)
        library = app.library
        assert library is not None and library.sources["masimov-arestovan"]["yours"]
        rows = app.explorer.query_one("#list-sources", EntityList).rows
        assert rows[0].entity_id == "masimov-arestovan" and rows[0].group == "Yours"
        assert any(r.group == "Bundled" for r in rows)
        notes = [str(n.message) for n in app._notifications]
        assert any("1 added, 0 already there, 1 failed" in n for n in notes)
        hits = library.engine.search("Масимов задержан", types={"passage"})
        assert any(h.id.startswith("masimov-arestovan/") for h in hits)


async def test_escape_adds_nothing(app_with_workspace: KazsecApp, tmp_path: Path) -> None:
    app = app_with_workspace
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.action_add_documents()
        await pilot.pause()
        await pilot.press(*"/nowhere", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, AddDocumentsScreen)
        assert not (tmp_path / "workspace" / "sources.toml").exists()
