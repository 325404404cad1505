"""The navigator's lists at 10,000 rows: every row reachable, filters that find the deepest
one, keys sent in bursts, the mouse; driven with Pilot in a small app around the Navigator."""

from __future__ import annotations

import pytest
from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Input, TabbedContent
from tui_helpers import make_app
from tui_helpers import settle as settle_app

from kazsec.library import ListRow
from kazsec.names import fold_key
from kazsec.store import Store
from kazsec.tui.messages import EntitySelected
from kazsec.tui.widgets.navigator import EntityList, Matcher, Navigator
from kazsec.tui.widgets.virtual_list import VirtualList

SOURCES = 10_000
DEEP = 9_876  # the source the filters look for, near the end of the list
KEY_NAMES = {" ": "space", "-": "minus"}
REGIONS = [
    "Abai",
    "Akmola",
    "Aktobe",
    "Almaty",
    "Atyrau",
    "Jambyl",
    "Karaganda",
    "Kostanay",
    "Mangystau",
    "Turkistan",
]


def source_rows(count: int = SOURCES) -> list[ListRow]:
    """Generated sources, each with a number of its own in its title."""
    rows = []
    for n in range(count):
        label = f"{REGIONS[n % 10]} security report {n:05d} ({1991 + n % 35})"
        rows.append(ListRow(f"source-{n:05d}", label, f"{n % 300 + 1} passages"))
    if count > DEEP:
        rows[DEEP] = ListRow(rows[DEEP].entity_id, "Zhetisu border guard memo", "3 passages")
    return [ListRow(r.entity_id, r.label, r.note, keys=fold_key(r.label)) for r in rows]


def label_matcher(rows: list[ListRow]) -> Matcher:
    """A stand-in for the search box's matcher: ids of the rows whose title has every word."""

    def match(text: str) -> list[str]:
        wanted = text.casefold().split()
        return [r.entity_id for r in rows if all(w in r.label.casefold() for w in wanted)]

    return match


class NavigatorApp(App[None]):
    """The navigator alone, its Sources tab holding 10,000 rows; what it opens is kept."""

    def __init__(self, rows: list[ListRow], matcher: Matcher | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.matcher = matcher
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield Navigator(id="navigator")

    async def on_mount(self) -> None:
        people = [
            ListRow(f"person-{n}", f"Person {n}", group=("Officials", "Others")[n >= 2])
            for n in range(4)
        ]
        lists = {
            "people": people,
            "agencies": [],
            "timeline": [],
            "sources": self.rows,
            "notes": [],
        }
        matchers = {"sources": self.matcher} if self.matcher else {}
        navigator = self.query_one(Navigator)
        await navigator.fill(lists, matchers)
        navigator.show_tab("sources")

    @on(EntitySelected)
    def _opened(self, message: EntitySelected) -> None:
        self.opened.append(message.entity_id)

    @property
    def sources(self) -> VirtualList:
        return self.query_one("#list-sources", EntityList).rows_list


def burst(app: App[None], keys: list[str]) -> None:
    """Send keys the way a fast typist or a held key does: all queued before any is handled."""
    for key in keys:
        character = key if len(key) == 1 else None
        app._driver.send_message(events.Key(KEY_NAMES.get(key, key), character))  # type: ignore[union-attr]


async def settle(pilot: object) -> None:
    for _ in range(4):
        await pilot.pause()  # type: ignore[attr-defined]


def drawn(the_list: VirtualList, line: int) -> str:
    """The text the list draws for one of its lines (it must be on screen)."""
    y = line - round(the_list.scroll_offset.y)
    assert 0 <= y < the_list.scrollable_content_region.height, f"line {line} is off screen"
    return the_list.render_line(y).text


async def test_end_reaches_the_last_of_10000_sources_and_home_pageup_pagedown_move() -> None:
    rows = source_rows()
    app = NavigatorApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sources = app.sources
        assert app.focused is sources and len(sources.lines) == SOURCES, "no cap, no 'N more'"
        await pilot.press("end")
        assert sources.highlighted_row == rows[-1]
        assert rows[-1].label in drawn(sources, SOURCES - 1), "the last row is on the screen"
        await pilot.press("home")
        assert sources.highlighted_row == rows[0] and sources.scroll_offset.y == 0
        page = sources.scrollable_content_region.height - 1
        await pilot.press("pagedown", "pagedown")
        assert sources.highlighted == 2 * page
        assert rows[2 * page].label in drawn(sources, 2 * page)
        await pilot.press("pageup")
        assert sources.highlighted == page
        burst(app, ["down"] * 600)  # a held key: past the 500 rows the old list stopped at
        await settle(pilot)
        assert sources.highlighted == page + 600
        await pilot.press("enter")
        assert app.opened == [rows[page + 600].entity_id]


@pytest.mark.parametrize("with_matcher", [False, True], ids=["words", "matcher"])
async def test_a_filter_typed_in_a_burst_finds_a_row_deep_in_the_list_and_enter_opens_it(
    with_matcher: bool,
) -> None:
    rows = source_rows()
    app = NavigatorApp(rows, label_matcher(rows) if with_matcher else None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        field = app.query_one("#list-sources Input", Input)
        field.focus()
        burst(app, list("zhetisu guard"))
        await settle(pilot)
        assert field.value == "zhetisu guard"
        assert list(app.sources.lines) == [rows[DEEP]]
        assert "Zhetisu border guard memo" in drawn(app.sources, 0)
        burst(app, ["enter"])
        await settle(pilot)
        assert app.opened == [rows[DEEP].entity_id]


async def test_down_from_the_filter_goes_past_500_matches_and_escape_brings_all_back() -> None:
    rows = source_rows()
    app = NavigatorApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        field = app.query_one("#list-sources Input", Input)
        field.focus()
        await pilot.press(*"aktobe")  # one source in ten
        await settle(pilot)
        sources = app.sources
        matched = [r for r in rows if "Aktobe" in r.label]
        assert len(sources.lines) == len(matched) == 1000
        burst(app, ["down"] * 700)
        await settle(pilot)
        assert app.focused is field, "the keys moved the list, the focus stayed in the filter"
        assert sources.highlighted_row == matched[700]
        assert matched[700].label in drawn(sources, 700), "the cursor's row is on the screen"
        page = sources.scrollable_content_region.height - 1
        burst(app, ["pagedown", "pagedown", "pageup"])
        await settle(pilot)
        assert app.focused is field and sources.highlighted == 700 + page
        burst(app, ["escape"])
        await settle(pilot)
        assert field.value == "" and app.focused is sources
        assert len(sources.lines) == SOURCES


async def test_the_mouse_wheel_scrolls_and_a_click_opens_the_row_under_it() -> None:
    rows = source_rows()
    app = NavigatorApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sources = app.sources
        for _ in range(5):
            await pilot._post_mouse_events([events.MouseScrollDown], sources, offset=(5, 5))
        await settle(pilot)
        top = round(sources.scroll_offset.y)
        assert top > 0, "the wheel scrolled the list"
        assert rows[top].label in drawn(sources, top)
        await pilot.click(sources, offset=(5, 3))  # (5, 3) of the widget: padding is 0 1
        await settle(pilot)
        assert app.opened == [rows[top + 3].entity_id]
        assert sources.highlighted == top + 3


async def test_following_an_entity_shows_its_row_deep_in_the_list() -> None:
    rows = source_rows()
    app = NavigatorApp(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        navigator = app.query_one(Navigator)
        navigator.query_one(TabbedContent).active = "tab-people"
        field = app.query_one("#list-sources Input", Input)
        field.value = "zhetisu"  # a filter that hides the row: follow clears it
        await settle(pilot)
        navigator.follow("source", rows[SOURCES - 2].entity_id)
        await settle(pilot)
        assert navigator.query_one(TabbedContent).active == "tab-sources"
        assert field.value == "" and app.sources.highlighted_row == rows[SOURCES - 2]
        assert rows[SOURCES - 2].label in drawn(app.sources, SOURCES - 2)


async def test_headings_stand_over_their_groups_and_the_cursor_steps_over_them() -> None:
    app = NavigatorApp(source_rows(50))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.query_one(Navigator).show_tab("people")
        await settle(pilot)
        people = app.query_one("#list-people", EntityList).rows_list
        assert [line if isinstance(line, str) else line.entity_id for line in people.lines] == [
            "Officials",
            "person-0",
            "person-1",
            "Others",
            "person-2",
            "person-3",
        ]
        assert people.highlighted == 1, "the cursor starts on a row, not on a heading"
        await pilot.press("down", "down")
        assert people.highlighted_row is not None
        assert people.highlighted_row.entity_id == "person-2", "the heading was stepped over"
        await pilot.press("up", "up", "up")
        assert people.highlighted == 1
        await pilot.click(people, offset=(3, 0))  # on the heading: nothing opens
        await settle(pilot)
        assert app.opened == []
        assert "Others" in drawn(people, 3)


def test_a_row_a_matcher_names_twice_is_listed_once() -> None:
    rows = source_rows(5)
    twice = EntityList(
        rows, "filter", lambda text: ["source-00003", "source-00001", "source-00003"]
    )
    assert twice.matching("anything") == [3, 1]


async def test_the_timeline_filtered_to_a_person_lists_each_event_once(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle_app(app, pilot)
        await pilot.press("3")
        app.explorer.query_one("#list-timeline Input", Input).value = "Sadykulov"
        await settle_app(app, pilot)
        timeline = app.explorer.query_one("#list-timeline VirtualList", VirtualList)
        ids = [line.entity_id for line in timeline.lines if not isinstance(line, str)]
        assert "2022-01-06-sadykulov-dismissed" in ids and len(ids) == len(set(ids))


def test_the_lists_keys_have_ids_and_descriptions_and_ids_do_not_clash() -> None:
    from kazsec.tui.app import KazsecApp
    from kazsec.tui.screens.explorer import ExplorerScreen
    from kazsec.tui.screens.help import HelpScreen
    from kazsec.tui.widgets.search_box import SearchBox

    ids = []
    for owner in (KazsecApp, ExplorerScreen, SearchBox, EntityList, HelpScreen, VirtualList):
        for binding in owner.BINDINGS:
            assert binding.id and binding.description, f"{owner.__name__}: {binding.key}"  # type: ignore[union-attr]
            ids.append(binding.id)  # type: ignore[union-attr]
    assert len(ids) == len(set(ids))
