"""The time screens driven as a user would: timeline, career, succession, from keys and palette."""

from __future__ import annotations

import io

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from tui_helpers import make_app, over_time, reader, settle

from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.screens.career import CareerScreen
from kazsec.tui.screens.explorer import ExplorerScreen
from kazsec.tui.screens.succession import SuccessionScreen
from kazsec.tui.screens.timeline import TimelineScreen


def shown_text(widget: Static) -> str:
    """What a Static shows, as plain text (a string or a rich renderable)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def event_ids(screen: TimelineScreen) -> list[str]:
    events = screen.query_one("#timeline-events", OptionList)
    found = [events.get_option_at_index(i).id for i in range(events.option_count)]
    return [i for i in found if i]


def headings(screen: TimelineScreen) -> list[str]:
    events = screen.query_one("#timeline-events", OptionList)
    options = [events.get_option_at_index(i) for i in range(events.option_count)]
    return [str(o.prompt) for o in options if o.disabled]


async def open_timeline(app: KazsecApp, pilot: Pilot) -> TimelineScreen:
    """The timeline screen, opened with its key once the store has loaded."""
    await settle(app, pilot)
    await pilot.press("t")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    return screen


async def test_typing_a_cyrillic_name_on_the_timeline_filters_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_timeline(app, pilot)
        everything = event_ids(screen)
        assert len(everything) == len(store.all("events"))
        # A burst straight onto the list: every letter lands in the filter, none is lost.
        await pilot.press(*"Садыкулов")
        await settle(app, pilot)
        assert screen.query_one("#timeline-entity", Input).value == "Садыкулов"
        shown = event_ids(screen)
        assert "2022-01-06-sadykulov-dismissed" in shown
        assert 0 < len(shown) < len(everything)
        events = {e["id"]: e for e in store.all("events")}
        assert all("anuar-sadykulov" in events[i]["people"] for i in shown)
        # Down from the filter into the list, where + zooms in (the box keeps its text).
        await pilot.press("down", "plus", "plus")
        await settle(app, pilot)
        assert screen.query_one("#timeline-entity", Input).value == "Садыкулов"
        assert "6 Jan 2022" in headings(screen)


async def test_zoom_runs_from_decades_to_days(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_timeline(app, pilot)
        assert "2022" in headings(screen)
        await pilot.press("minus", "minus", "minus")  # past the widest: stays at decades
        await settle(app, pilot)
        assert "2020s" in headings(screen) and "2022" not in headings(screen)
        await pilot.press("plus", "plus", "plus", "plus")
        await settle(app, pilot)
        days = headings(screen)
        assert "6 Jan 2022" in days
        # A date known to the year only is never put under a day.
        assert any(h.endswith("(no month given)") for h in days)
        assert days[-1] == "Undated"


async def test_a_date_range_keeps_only_what_falls_in_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_timeline(app, pilot)
        screen.query_one("#timeline-from", Input).value = "2022-01-06"
        screen.query_one("#timeline-to", Input).value = "2022-01-06"
        await settle(app, pilot)
        events = {e["id"]: e for e in store.all("events")}
        shown = event_ids(screen)
        assert shown and all(events[i]["date"] <= "2022-01-06" for i in shown)
        assert all((events[i]["date_end"] or events[i]["date"]) >= "2022-01-06" for i in shown)
        screen.query_one("#timeline-to", Input).value = "2022-13"
        await settle(app, pilot)
        status = shown_text(screen.query_one("#timeline-status", Static))
        assert "no such month" in status


async def test_enter_on_an_event_opens_it_with_its_quote(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press(*"Massimov dismissed")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        wanted = "2022-01-06-massimov-dismissed"
        events = screen.query_one("#timeline-events", OptionList)
        events.focus()
        events.highlighted = events.get_option_index(wanted)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert app.explorer.entity_id == wanted
        cite = next(e for e in store.all("events") if e["id"] == wanted)["cite"][0]
        assert reader(app).location.passage == cite["passage"]  # type: ignore[union-attr]


async def test_a_career_bar_opens_its_quote(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await over_time(app, pilot, "ermek-sagimbayev")
        screen = app.screen
        assert isinstance(screen, CareerScreen)
        career = screen.careers[0]
        assert [t.post for t in career.tenures][:2] == [
            "Officer in national security agencies and State Guard Service",
            "Head of State Guard Service",
        ]
        bars = screen.query_one("#career-bars", OptionList)
        bars.highlighted = bars.get_option_index("0:2")  # his NSC chairmanship
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        passages = {c["passage"] for c in career.tenures[2].cite}
        assert reader(app).location.passage in passages  # type: ignore[union-attr]


async def test_two_careers_share_one_axis(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await over_time(app, pilot, "ermek-sagimbayev")
        await pilot.press("a", *"Масимов", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CareerScreen)
        assert [c.person for c in screen.careers] == ["ermek-sagimbayev", "karim-massimov"]
        bars = screen.query_one("#career-bars", OptionList)
        drawn = [str(bars.get_option_at_index(i).prompt) for i in range(bars.option_count)]
        widths = {len(line) for line in drawn if "█" in line or "┄" in line}
        assert len(widths) == 1, "every bar is drawn on the same axis"
        assert widths.pop() <= bars.content_region.width
        # Massimov's posts the sources never date get no bar, only words.
        assert any(line.rstrip().endswith("dates not given") for line in drawn)


async def test_succession_opens_the_quote_of_a_change_and_answers_a_date(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await over_time(app, pilot, "nsc")
        screen = app.screen
        assert isinstance(screen, SuccessionScreen)
        assert [c.after.person for c in screen.found.changes] == [
            "karim-massimov",
            "ermek-sagimbayev",
        ]
        screen.query_one("#succession-on", Input).focus()
        await pilot.press(*"2022-01-07", "enter")
        await settle(app, pilot)
        answer = shown_text(screen.query_one("#succession-held", Static))
        assert "Ermek Sagimbayev" in answer and "certain" in answer
        assert "Karim Massimov" not in answer.split("do not give")[0]
        holders = screen.query_one("#succession-holders", OptionList)
        holders.focus()
        holders.highlighted = 1
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        change = screen.found.changes[1]
        assert reader(app).location.passage == change.cite[0]["passage"]  # type: ignore[union-attr]


@pytest.mark.parametrize("entity", ["karim-massimov", "nsc"])
async def test_the_palette_reaches_careers_and_successions(store: Store, entity: str) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        words = {"karim-massimov": "Career of Massimov", "nsc": "Succession of KNB"}[entity]
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*words)
        await pilot.pause(0.5)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        expected = CareerScreen if entity == "karim-massimov" else SuccessionScreen
        assert isinstance(app.screen, expected)


async def test_over_time_on_an_entry_with_nothing_dated_says_so(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.open_entity("ciss-2022-nsc")  # a source has no career or succession
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert any("career" in str(n.message) for n in app._notifications)


async def test_a_name_with_q_typed_on_the_timeline_stays_on_the_timeline(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_timeline(app, pilot)
        await pilot.press(*"Qasym")  # q quits elsewhere; here it is the start of a name
        await settle(app, pilot)
        assert app.screen is screen and app.is_running
        assert screen.query_one("#timeline-entity", Input).value == "Qasym"


async def test_the_timeline_moves_who_under_the_title_on_a_narrow_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_timeline(app, pilot)
        events = screen.query_one("#timeline-events", OptionList)
        wide = events.get_option_at_index(1).prompt
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        narrow = events.get_option_at_index(1).prompt
        assert len(wide.columns) == 4 and len(narrow.columns) == 3  # type: ignore[union-attr]


async def test_escape_in_the_compare_box_closes_only_the_box(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await over_time(app, pilot, "ermek-sagimbayev")
        await pilot.press("a", *"Mas", "escape")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CareerScreen)
        assert not screen.query_one("#career-compare", Input).has_class("asking")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)


async def test_a_person_the_sources_give_no_post_says_so(store: Store) -> None:
    people = {p["id"] for p in store.all("people")}
    held = {p["person"] for p in store.all("positions")}
    titled = {p["id"] for p in store.all("people") if p["titles"]}
    nobody = sorted(people - held - titled)[0]
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await over_time(app, pilot, nobody)
        assert isinstance(app.screen, ExplorerScreen)
        assert any("no post or rank" in str(n.message) for n in app._notifications)
