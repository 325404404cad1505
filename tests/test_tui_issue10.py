"""The explorer as researchers use it: keys that never misfire at any speed, research-grade
copying, provenance always in view, lists that follow, readings all shown."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, OptionList, Static, TabbedContent
from tui_helpers import make_app, open_fact, reader, settle

from kazsec.render.reader import QUOTE_STYLE
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.widgets.virtual_list import VirtualList

KEY_NAMES = {"/": "slash", " ": "space", "[": "left_square_bracket", "]": "right_square_bracket"}


def burst(app: KazsecApp, keys: list[str] | str) -> None:
    """Send keys the way a fast typist or a paste does: all queued before any is handled
    (Pilot's press waits for the app between keys, which hides the misrouting)."""
    for key in keys:
        character = key if len(key) == 1 else None
        app._driver.send_message(events.Key(KEY_NAMES.get(key, key), character))  # type: ignore[union-attr]


def search_value(app: KazsecApp) -> str:
    return app.explorer.query_one("#search-input", Input).value


def screen_text(app: KazsecApp) -> str:
    console = Console(width=300, file=io.StringIO(), record=True)
    for widget in app.screen.query(Static):
        console.print(widget.render())
    return console.export_text()


@pytest.mark.parametrize(
    "typed", ["/Tokayev", "/Nazarbayev", "/Мәсімов", "Massimov", "Sadykulov", "Қасым-Жомарт"]
)
async def test_a_name_typed_in_a_burst_lands_whole_in_the_search_box_and_fires_nothing(
    store: Store, typed: str
) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        burst(app, list(typed))
        await settle(app, pilot)
        assert search_value(app) == typed.removeprefix("/")
        assert not reader(app, 2).display, "no 's' fired"
        assert app.explorer.maximized is None, "no 'z' fired"
        assert not reader(app).raw, "no 'r' fired"


async def test_typing_at_start_up_before_the_store_loads_is_kept(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        burst(app, list("Tokayev"))
        await settle(app, pilot)
        assert search_value(app) == "Tokayev"
        results = app.explorer.query_one("#search-results", OptionList)
        assert results.display and results.highlighted is not None


async def test_ctrl_u_then_text_in_one_burst_replaces_the_query(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Masimov")
        for attempt in range(7):
            burst(app, ["ctrl+u", *"Tokayev"])
            await settle(app, pilot)
            assert search_value(app) == "Tokayev", attempt


async def test_no_match_then_enter_opens_nothing(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Tokarev", "enter")
        await settle(app, pilot)
        assert app.explorer.entity_id is None, "Tokarev is not Tokayev"


async def test_copy_takes_a_sentence_around_a_mention_and_a_whole_passage_for_a_search_hit(
    store: Store,
) -> None:
    app = make_app(store, open_id="karim-massimov")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "c")
        await settle(app, pilot)
        mention = reader(app).location
        assert mention is not None and mention.role == "mention"
        assert copied and len(copied[-1].split("”")[0].split()) > 3, "a sentence, not a lone name"
        said = [str(n.message) for n in app._notifications]
        assert any("Copied the sentence around the mention" in s and "citation" in s for s in said)
        await pilot.press("slash", *"secret courts")
        await settle(app, pilot)
        results = app.explorer.query_one("#search-results", OptionList)
        passage_row = next(
            i
            for i in range(results.option_count)
            if "ciss-2022-nsc" in str(results.get_option_at_index(i).prompt)
        )
        results.highlighted = passage_row
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        passage = next(p for p in store.all("passages") if p["id"] == reader(app).location.passage)  # type: ignore[union-attr]
        assert passage["text"] in copied[-1], "the whole passage, never just 'secret'"


async def test_a_passage_opened_from_search_makes_its_source_the_entry(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"secret courts")
        await settle(app, pilot)
        results = app.explorer.query_one("#search-results", OptionList)
        row = next(
            i
            for i in range(results.option_count)
            if "·" in str(results.get_option_at_index(i).prompt)
        )
        results.highlighted = row
        await pilot.press("enter")
        await settle(app, pilot)
        location = reader(app).location
        assert location is not None and app.explorer.entity_id == location.source
        assert reader(app).marks == [], "no underlines of the previous entry"


async def test_the_navigator_follows_what_is_opened(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        for entity, tab in (
            ("2022-01-06-massimov-dismissed", "timeline"),
            ("nsc", "agencies"),
            ("ciss-2022-nsc", "sources"),
            ("karim-massimov", "people"),
        ):
            app.open_entity(entity)
            await settle(app, pilot)
            assert app.explorer.query_one("#navigator-tabs", TabbedContent).active == f"tab-{tab}"
            options = app.explorer.query_one(f"#list-{tab} VirtualList", VirtualList)
            assert options.highlighted is not None
            assert options.highlighted_row is not None
            assert options.highlighted_row.entity_id == entity


@pytest.mark.parametrize("words", ["KNB", "ODKB", "КНБ", "ОДКБ", "Elbasy", "Massimov", "Масимов"])
async def test_the_timeline_filter_uses_the_search_boxs_matching(store: Store, words: str) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        app.explorer.query_one("#list-timeline Input", Input).value = words
        await settle(app, pilot)
        options = app.explorer.query_one("#list-timeline VirtualList", VirtualList)
        assert any(not isinstance(line, str) for line in options.lines), words
        app.explorer.query_one("#list-timeline Input", Input).value = "qqqzzzx"
        await settle(app, pilot)
        assert options.lines[0] == "no match"


async def test_filter_boxes_move_the_list_and_let_go_of_the_focus(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        field = app.explorer.query_one("#list-people Input", Input)
        field.focus()
        await pilot.press(*"Nazarbayev")
        await settle(app, pilot)
        options = app.explorer.query_one("#list-people VirtualList", VirtualList)
        first = options.highlighted
        await pilot.press("down")
        assert options.highlighted != first, "Down moves the list while typing"
        chosen = options.highlighted_row.entity_id  # type: ignore[union-attr]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.explorer.entity_id == chosen
        field.focus()
        await pilot.press("escape")
        await settle(app, pilot)
        assert field.value == "" and app.focused is options
        await pilot.press("2")
        await settle(app, pilot)
        assert app.explorer.query_one("#navigator-tabs", TabbedContent).active == "tab-agencies"


async def test_holding_n_advances_one_mention_a_press_without_stacking_toasts(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        mentions = app.library.mentions_of("karim-massimov")  # type: ignore[union-attr]
        before = len(list(app._notifications))
        burst(app, ["n"] * 40)
        await settle(app, pilot)
        expected = 40 % len(mentions) or len(mentions)
        assert reader(app).reading.caption == f"mention {expected} of {len(mentions)}"  # type: ignore[union-attr]
        assert len(list(app._notifications)) == before


async def test_a_conflict_shows_every_reading_and_each_reader_says_which(store: Store) -> None:
    conflict = next(c for c in store.all("conflicts") if len(c["readings"]) >= 3)
    subject = conflict["subject"].partition(":")[2]
    app = make_app(store, open_id=subject)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        facts = app.explorer.query_one("#facts", OptionList)
        rows = [str(facts.get_option_at_index(i).prompt) for i in range(facts.option_count)]
        count = len(conflict["readings"])
        for number, reading in enumerate(conflict["readings"], start=1):
            assert any(f"reading {number} of {count}: {reading['reading']}" in row for row in rows)
        await open_fact(app, pilot, "≠")
        assert reader(app, 1).reading.caption.startswith("reading 1 of")  # type: ignore[union-attr]
        assert reader(app, 2).reading.caption.startswith("reading 2 of")  # type: ignore[union-attr]


async def test_raw_text_keeps_the_quote_highlighted_and_says_raw(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "Chairman of the National Security Committee")
        view = reader(app)
        view.focus()
        await pilot.press("r")
        await settle(app, pilot)
        content = view._widgets[view.location.passage].content  # type: ignore[union-attr]
        assert any(str(span.style) == QUOTE_STYLE for span in content.spans)  # type: ignore[union-attr]
        header = str(view.query_one("#reader-source", Static).render())
        assert "raw" in header and "ciss-2022-nsc" in header


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 60)])
async def test_chrome_fits_every_size_and_provenance_is_in_view(
    store: Store, size: tuple[int, int]
) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "Chairman of the National Security Committee")
        shown = app.export_screenshot()
        for word in ("People", "Bodies", "Events", "Sources", "Help", "Quit"):
            assert f">{word}<" in shown or word in shown, (size, word)
        header = str(reader(app).query_one("#reader-source", Static).render())
        assert "ciss-2022-nsc" in header and "repaired" in header
        assert "Caspian Institute" in header and "2022" in header
        facts = app.explorer.query_one("#facts", OptionList)
        if size == (80, 24):
            assert facts.size.height >= 8 or facts.option_count < 8


async def test_spellings_fold_into_one_row_that_unfolds(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        facts = app.explorer.query_one("#facts", OptionList)
        folded = facts.option_count
        rows = [str(facts.get_option_at_index(i).prompt) for i in range(folded)]
        assert sum(row.startswith("spellings") for row in rows) == 1
        assert not any(row.startswith("written") for row in rows)
        index = next(i for i, row in enumerate(rows) if row.startswith("spellings"))
        facts.focus()
        facts.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert facts.option_count > folded


async def test_the_second_reader_is_yours_to_direct(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "Chairman of the National Security Committee")
        first = reader(app).location
        facts = app.explorer.query_one("#facts", OptionList)
        facts.focus()
        await pilot.pause()
        rows = [
            getattr(facts.get_option_at_index(i), "row", None) for i in range(facts.option_count)
        ]
        assert first is not None
        facts.highlighted = next(  # a fact whose quote stands elsewhere than the one open
            i
            for i, row in enumerate(rows)
            if row and row.citations and row.citations[0]["start"] != first.start
        )
        await pilot.press("o")
        await settle(app, pilot)
        assert reader(app, 2).display and reader(app, 2).location != first
        second = reader(app, 2).location
        await pilot.press("w")
        await settle(app, pilot)
        assert reader(app, 1).location == second and reader(app, 2).location == first
        reader(app, 2).focus()
        await pilot.press("x")
        await settle(app, pilot)
        assert not reader(app, 2).display


async def test_ctrl_c_quits(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None


def test_an_id_that_is_a_name_offers_the_match(
    built_store_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from kazsec.cli import main

    assert main(["--store", str(built_store_path), "show", "Massimov"]) == 2
    err = capsys.readouterr().err
    assert "did you mean karim-massimov" in err and err.count("\n") == 1


async def test_the_explorer_remembers_theme_last_entry_and_list_width(store: Store) -> None:
    from kazsec.config import settings_path

    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        app.open_entity("nsc")
        await settle(app, pilot)
        app.explorer.query_one("#facts").focus()
        await pilot.press("greater_than_sign", "greater_than_sign")
        width = app.explorer.navigator_width
        await pilot.press("q")
        await pilot.pause()
    assert settings_path().is_file()
    again = make_app(store)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"
        assert again.explorer.entity_id == "nsc"
        assert again.explorer.navigator_width == width


async def test_mentioned_in_a_source_opens_its_first_mention(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "mention")
        location = reader(app).location
        first = app.library.mentions_of("karim-massimov")  # type: ignore[union-attr]
        assert location is not None and location.role == "mention"
        assert (location.source, location.start) in {(m["source"], m["start"]) for m in first}
        assert location.start is not None and location.start > 0


def test_unknown_ends_of_a_post_are_said_in_words() -> None:
    from kazsec.chronology.tenures import tenure_of

    def shown(start: str, end: str, status: str = "", as_of: str = "") -> str:
        position = {"id": "x/position-1", "person": "x", "post": "Chief", "body": "", "cite": []}
        position.update(start=start, end=end, end_reason="", status=status, as_of=as_of)
        return tenure_of(position).span_text()

    assert shown("2022-01-05", "") == "5 Jan 2022 – end not given"
    assert shown("", "2022-01-06") == "start not given – 6 Jan 2022"
    assert shown("2017", "", "former") == "2017 – former, end not dated"
    assert shown("2017", "", "in office") == "2017 – in office when written"
    assert shown("2017", "", "in office", "2019-03") == "2017 – in office (as of Mar 2019)"
    assert "?" not in shown("2017", "")


def test_people_sort_by_surname_wherever_it_stands(store: Store) -> None:
    from kazsec.library import Library

    names = [p["name"] for p in Library(store).people]
    at = names.index("Xi Jinping")
    assert names[at - 1].split()[-1] < "X" < names[at + 1].split()[-1], "Xi Jinping under X, not J"


async def test_lists_are_grouped_by_role_and_kind(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        people = app.explorer.query_one("#list-people VirtualList", VirtualList)
        headings = [line for line in people.lines if isinstance(line, str)]
        assert headings[0] == "Officials" and "Authors cited in notes" in headings
        assert headings.index("Authors cited in notes") == len(headings) - 1, "authors last"
        bodies = app.explorer.query_one("#list-agencies VirtualList", VirtualList)
        first_heading = next(line for line in bodies.lines if isinstance(line, str))
        assert first_heading == "Security service"


async def test_zoom_keeps_the_readers_place(store: Store) -> None:
    app = make_app(store, open_id="ciss-2022-nsc")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        view = reader(app)
        body = view.query_one("#reader-body")
        body.scroll_to(y=120, animate=False, immediate=True)  # type: ignore[attr-defined]
        await settle(app, pilot)
        top = next(p for p, w in view._widgets.items() if w.virtual_region.bottom > body.scroll_y)  # type: ignore[attr-defined]
        view.focus()
        await pilot.press("z")
        await settle(app, pilot)
        await pilot.pause(0.2)
        now = next(p for p, w in view._widgets.items() if w.virtual_region.bottom > body.scroll_y)  # type: ignore[attr-defined]
        assert now == top, "the passage at the top stays at the top"
