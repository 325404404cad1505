"""Source text and user input are data: markup and escape sequences are shown, never run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tui_helpers import make_app, reader, settle

from kazsec.build.compile import build_store
from kazsec.store import Store

EVIL = (
    "Evil [bold]Title[/bold]\n\n"
    "A paragraph with [bold]x[/bold] and [@click=app.quit]quit[/] and [link=file:///etc/passwd]x[/link] "
    "and \x1b[31mred\x1b[0m text about Karim Massimov.\n"
)


@pytest.fixture()
def evil_store(data_copy: Path, tmp_path: Path) -> Store:
    raw = EVIL.encode()
    (data_copy / "sources" / "evil.txt").write_bytes(raw)
    with (data_copy / "sources.toml").open("a", encoding="utf-8") as toml:
        toml.write(
            '\n[[source]]\nid = "evil-markup"\nfile = "evil.txt"\n'
            f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\n'
            'title = "[bold]Evil[/bold] [@click=app.quit]title[/]"\npublisher = ""\nauthor = ""\ndate = ""\n'
            'kind = "test fixture"\nformat = "web"\nnotes = ""\n'
        )
    build_store(data_copy, tmp_path / "evil.json")
    return Store.open(tmp_path / "evil.json")


async def test_markup_in_a_source_is_shown_literally_and_nothing_runs(evil_store: Store) -> None:
    app = make_app(evil_store, open_id="evil-markup")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = reader(app)
        shown = " ".join(str(w.content) for w in view._widgets.values())
        for literal in (
            "[bold]x[/bold]",
            "[@click=app.quit]quit[/]",
            "[link=file:///etc/passwd]x[/link]",
            "and red text about",  # an escape sequence is no word: repair took it out
        ):
            assert literal in shown
        assert "\x1b" not in shown, "an escape sequence is never sent to the terminal"
        from textual.content import Content

        assert (
            "[bold]Evil[/bold] [@click=app.quit]title[/]"
            in Content.from_markup(str(view.border_title)).plain
        )
        await pilot.click(
            view._widgets["evil-markup/p002"]
        )  # a click on the 'quit' text does nothing
        await pilot.pause()
        assert app.is_running
        header = str(app.explorer.query_one("#detail-header").content)
        assert "[@click=app.quit]title[/]" in header


async def test_markup_typed_into_search_is_only_text(evil_store: Store) -> None:
    app = make_app(evil_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"[@click=app.quit]bold")
        await pilot.pause()
        results = app.explorer.query_one("#search-results")
        prompts = " ".join(
            str(results.get_option_at_index(i).prompt) for i in range(results.option_count)
        )
        assert "[bold]" in prompts or "no match" in prompts
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.is_running


async def test_highlights_stay_on_the_name_after_an_escape_sequence(evil_store: Store) -> None:
    from kazsec.model import Location

    app = make_app(evil_store, open_id="karim-massimov")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.explorer.open_locations(Location("evil-markup", "evil-markup/p002"))
        await settle(app, pilot)
        content = reader(app)._widgets["evil-markup/p002"].content
        marked = [
            content.plain[span.start : span.end]
            for span in content.spans
            if "underline" in str(span.style)
        ]
        assert marked == ["Karim Massimov"]
