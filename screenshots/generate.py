"""Regenerate the SVG screenshots of every main screen (`make screenshots`).

Each scene of kazsec.tui.scenes is replayed headlessly at a fixed terminal size on
a store freshly built from the bundled data, and saved as screenshots/NAME.svg.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from kazsec.build.compile import build_store
from kazsec.library import Library
from kazsec.paths import data_dir
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.scenes import SCENES, settle

SIZE = (110, 32)
FOLDER = Path(__file__).resolve().parent


async def capture(store: Store, name: str) -> Path:
    app = KazsecApp(lambda: Library(store))
    async with app.run_test(size=SIZE) as pilot:
        await SCENES[name](pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(FOLDER)))


ADDED = "masimov-osvobozhden-ot-dolzhnosti"  # the id kazsec add gives the page below


async def capture_added(store: Store) -> Path:
    """A Russian news page (Windows-1251, with its site's chrome) added by `kazsec add`:
    its passage about Massimov in the reader, the source's new names beside it."""
    app = KazsecApp(lambda: Library(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.explorer.show_entity(ADDED)
        await settle(app, pilot)
        app.open_entity(f"{ADDED}/p002")  # Абыкаев and Масимову: linked in their cases
        await settle(app, pilot)
        return Path(app.save_screenshot(filename="added-page.svg", path=str(FOLDER)))


def added_page_store(folder: Path) -> Store:
    """The bundled store with one page added to a workspace, as `kazsec add` does it."""
    sys.path.insert(0, str(FOLDER.parent / "tests"))
    from documents_office import news_page

    from kazsec.corpus.sources import load_source_metadata
    from kazsec.workspace.adding import add_documents

    page = folder / "vlast-masimov.html"
    page.write_bytes(news_page().encode("cp1251"))
    workspace = folder / "workspace"
    added = add_documents([str(page)], workspace, load_source_metadata(data_dir()))
    path = folder / "with-workspace.json"
    build_store(data_dir(), path, workspace=workspace, prepared=added.repaired)
    return Store.open(path)


async def capture_notes(folder: Path) -> Path:
    """A researcher's notebook: two notes on the CISS report, one tinted in the reader, the
    Notes list beside it, and the note in Karim Massimov's detail."""
    from kazsec.workspace.notebook import add_note

    workspace, path = folder / "notebook", folder / "notebook.json"
    workspace.mkdir()
    build_store(data_dir(), path, workspace=workspace)
    text = Store.open(path).source("ciss-2022-nsc")["repaired_text"]
    for quote, words, tags in (
        (
            "January 6. The Lieutenant-General of National Security Karim Massimov was dismissed",
            "First of the January dismissals: check the decree number",
            ["purge", "nsc"],
        ),
        ("Ermek Sagimbayev was appointed to the position of NSC Chairman", "From the SGS", []),
    ):
        at, end = text.index(quote), text.index(quote) + len(quote)
        before, after = text[max(0, at - 32) : at], text[end : end + 32]
        add_note(workspace, "ciss-2022-nsc", quote, before, after, at, end, words, tags)
    app = KazsecApp(lambda: Library(Store.open(path)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_entity("karim-massimov")
        await settle(app, pilot)
        await pilot.press("5")
        await settle(app, pilot)
        app.explorer.query_one("#list-notes .entity-list").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        return Path(app.save_screenshot(filename="notes.svg", path=str(FOLDER)))


def main() -> int:
    # The help screen names the keymap file: show a researcher's, not this machine's.
    os.environ["XDG_CONFIG_HOME"] = "/home/researcher/.config"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.json"
        build_store(data_dir(), path)
        store = Store.open(path)
        for name in SCENES:
            print(asyncio.run(capture(store, name)).relative_to(FOLDER.parent))
        added = added_page_store(Path(folder))
        print(asyncio.run(capture_added(added)).relative_to(FOLDER.parent))
        print(asyncio.run(capture_notes(Path(folder))).relative_to(FOLDER.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
