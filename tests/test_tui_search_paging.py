"""Passage hits in the search box, page by page: found off the UI thread, never stale, and
opened from any page; driven with Pilot against a generated engine and the bundled store."""

from __future__ import annotations

import threading

from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static
from tui_helpers import make_app, reader, settle

from kazsec.model import Location
from kazsec.search import SearchResult
from kazsec.search.engine import PassagePage
from kazsec.store import Store
from kazsec.tui.messages import EntitySelected, LocationRequested
from kazsec.tui.widgets.search_box import SearchBox
from kazsec.tui.widgets.search_results import PAGE, PER_GROUP, MoreOption, ResultOption

KEY_NAMES = {" ": "space"}


class GeneratedEngine:
    """Thousands of passage hits for any query; a query can be held back until released."""

    def __init__(self, hits: int) -> None:
        self.hits = hits
        self.held: dict[str, threading.Event] = {}
        self.calls: list[tuple[str, int, int, bool]] = []  # query, offset, count, on UI thread

    def search(self, query: str, **options: object) -> list[SearchResult]:
        if "massimov" in query.casefold():
            return [
                SearchResult("person", "karim-massimov", "Karim Massimov", 100.0, query, [], True)
            ]
        return []

    def passage_page(
        self, query: str, offset: int = 0, count: int = 50, mode: str = "scripts"
    ) -> PassagePage:
        on_ui_thread = threading.current_thread() is threading.main_thread()
        self.calls.append((query, offset, count, on_ui_thread))
        if query in self.held:
            self.held[query].wait(timeout=3)
        shown = range(offset, min(offset + count, self.hits))
        results = [
            SearchResult(
                "passage",
                f"p{n:05d}",
                f"source-{n // 10:04d} · section {n % 10}",
                90.0,
                f"… {query} in passage {n} …",
                [(2, 2 + len(query))],
                True,
                f"p{n:05d}",
                f"source-{n // 10:04d}",
            )
            for n in shown
        ]
        return PassagePage(results, offset, offset + count < self.hits, offset + len(results))


class GeneratedLibrary:
    def __init__(self, hits: int) -> None:
        from kazsec.library.notes import Notebook

        self.engine = GeneratedEngine(hits)
        self.notebook = Notebook(None, lambda _source: None)  # a reader without notes

    def passage(self, passage_id: str) -> dict[str, object]:
        number = int(passage_id.removeprefix("p"))
        return {"id": passage_id, "source": f"source-{number // 10:04d}", "start": 100 * number}


class SearchApp(App[None]):
    """The search box over an empty pane; what it asks to open is kept."""

    def __init__(self, hits: int) -> None:
        super().__init__()
        self.library = GeneratedLibrary(hits)
        self.locations: list[Location] = []
        self.entities: list[str] = []

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        yield Static("the panes", id="panes")

    def on_mount(self) -> None:
        self.query_one("#search-input").focus()

    @on(LocationRequested)
    def _location(self, message: LocationRequested) -> None:
        self.locations.append(message.location)

    @on(EntitySelected)
    def _entity(self, message: EntitySelected) -> None:
        self.entities.append(message.entity_id)

    @property
    def engine(self) -> GeneratedEngine:
        return self.library.engine


def burst(app: App[None], keys: list[str]) -> None:
    """Send keys the way a fast typist does: all queued before any is handled."""
    for key in keys:
        character = key if len(key) == 1 else None
        app._driver.send_message(events.Key(KEY_NAMES.get(key, key), character))  # type: ignore[union-attr]


async def found(app: App[None], pilot: object) -> None:
    """Wait until the keys are handled and every page asked for has come in."""
    for _ in range(3):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def lines(app: App[None]) -> list[object]:
    results = app.query_one("#search-results", OptionList)
    return [results.get_option_at_index(i) for i in range(results.option_count)]


def hit_ids(app: App[None]) -> list[str]:
    return [o.result.id for o in lines(app) if isinstance(o, ResultOption)]


def highlighted(app: App[None]) -> object:
    results = app.query_one("#search-results", OptionList)
    assert results.highlighted is not None
    return results.get_option_at_index(results.highlighted)


async def test_pagedown_pages_through_a_thousand_hits_and_enter_opens_one_from_page_two() -> None:
    app = SearchApp(hits=1_000)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, list("treason"))
        await found(app, pilot)
        assert hit_ids(app) == [f"p{n:05d}" for n in range(PER_GROUP)]
        assert isinstance(lines(app)[-1], MoreOption)
        assert str(lines(app)[0].prompt) == f"Passages ({PER_GROUP}+)"  # type: ignore[attr-defined]
        await pilot.press("pagedown")  # from the search field: onto "more passages", loading
        await found(app, pilot)
        assert len(hit_ids(app)) == PER_GROUP + PAGE
        chosen = highlighted(app)
        assert isinstance(chosen, ResultOption), "the cursor went on to the page's first hit"
        assert chosen.result.id == f"p{PER_GROUP:05d}"
        await pilot.press("down", "enter")
        assert [location.passage for location in app.locations] == [f"p{PER_GROUP + 1:05d}"]
        assert app.locations[0].source == "source-0000" and app.locations[0].role == "match"
        # Typed again, then paged down in bursts to the very end: each page fetched once.
        app.query_one("#search-input", Input).value = ""
        burst(app, list("treason"))
        await found(app, pilot)
        for _ in range(60):
            if not isinstance(lines(app)[-1], MoreOption):
                break
            burst(app, ["pagedown"] * 5)
            await found(app, pilot)
        assert hit_ids(app) == [f"p{n:05d}" for n in range(1_000)]
        assert str(lines(app)[0].prompt) == "Passages (1000)", "no '+': nothing more follows"
        offsets = [offset for query, offset, _, _ in app.engine.calls if query == "treason"]
        pages = [0, *range(PER_GROUP, 1_000, PAGE)]
        assert offsets == [0, PER_GROUP, *pages], "each page fetched once, in order"
        assert not any(on_ui for *_, on_ui in app.engine.calls), "never on the UI thread"


async def test_typing_never_waits_for_passages_and_names_show_at_once() -> None:
    app = SearchApp(hits=5_000)
    app.engine.held["massimov"] = threading.Event()
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, list("massimov"))
        for _ in range(4):
            await pilot.pause()
        field = app.query_one("#search-input", Input)
        assert field.value == "massimov", "every key handled while the passages are looked for"
        shown = [str(o.prompt) for o in lines(app)]  # type: ignore[attr-defined]
        assert shown[:2] == ["People (1)", "massimov  → Karim Massimov"]
        assert shown[-1] == "searching passages…"
        await pilot.press("enter")  # a name is highlighted: it opens without waiting
        assert app.entities == ["karim-massimov"]
        app.engine.held["massimov"].set()
        await found(app, pilot)


async def test_a_page_for_a_query_typed_over_never_replaces_the_newer_results() -> None:
    app = SearchApp(hits=5_000)
    app.engine.held["slow"] = threading.Event()
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, list("slow"))
        for _ in range(4):
            await pilot.pause()
        burst(app, ["ctrl+u", *"fast"])
        await found(app, pilot)
        assert hit_ids(app) == [f"p{n:05d}" for n in range(PER_GROUP)]
        app.engine.held["slow"].set()  # the older query's page comes in last
        await found(app, pilot)
        assert ("slow", 0, PER_GROUP, False) in app.engine.calls
        matched = [o.result.matched for o in lines(app) if isinstance(o, ResultOption)]
        assert len(matched) == PER_GROUP and all("fast" in m for m in matched)
        # A next page asked for, then the query typed over before it comes in.
        app.engine.held["fast"] = threading.Event()
        await pilot.press("pagedown")
        burst(app, ["ctrl+u", *"quick"])
        await found(app, pilot)
        app.engine.held["fast"].set()
        await found(app, pilot)
        matched = [o.result.matched for o in lines(app) if isinstance(o, ResultOption)]
        assert len(matched) == PER_GROUP and all("quick" in m for m in matched)
        # A page that got past its worker's cancelling (found just before a key came in).
        box = app.query_one(SearchBox)
        late = app.engine.passage_page("fast", PER_GROUP, PAGE)
        box.post_message(SearchBox.PassagesFound(box._generation - 1, late))
        await found(app, pilot)
        assert hit_ids(app) == [f"p{n:05d}" for n in range(PER_GROUP)], "not appended"
        assert all("quick" in o.result.matched for o in lines(app) if isinstance(o, ResultOption))


async def test_enter_typed_with_the_query_opens_the_best_passage_once_found() -> None:
    app = SearchApp(hits=300)
    app.engine.held["secret courts"] = threading.Event()
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, [*"secret courts", "enter"])
        for _ in range(4):
            await pilot.pause()
        assert app.locations == [], "nothing found yet, nothing opened yet"
        app.engine.held["secret courts"].set()
        await found(app, pilot)
        assert [location.passage for location in app.locations] == ["p00000"]


async def test_no_passage_and_no_name_says_no_match_and_enter_opens_nothing() -> None:
    app = SearchApp(hits=0)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, [*"qqqzzz", "enter"])
        await found(app, pilot)
        assert [str(o.prompt) for o in lines(app)] == ["no match for 'qqqzzz'"]  # type: ignore[attr-defined]
        assert app.locations == [] and app.entities == []


async def test_the_second_page_of_the_bundled_stores_hits_opens_in_the_reader(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"that")  # no name, 77 passages
        await settle(app, pilot)
        assert len(hit_ids(app)) == PER_GROUP and isinstance(lines(app)[-1], MoreOption)
        await pilot.press("pagedown")
        await settle(app, pilot)
        ids = hit_ids(app)
        assert len(ids) == PER_GROUP + PAGE and len(set(ids)) == len(ids)
        assert isinstance(lines(app)[-1], MoreOption), "a third page follows"
        await pilot.press("down", "down")
        chosen = highlighted(app)
        assert isinstance(chosen, ResultOption) and chosen.result.id == ids[PER_GROUP + 2]
        await pilot.press("enter")
        await settle(app, pilot)
        assert reader(app).location is not None
        assert reader(app).location.passage == chosen.result.id
        assert app.explorer.entity_id == chosen.result.source


async def test_the_scrollbar_of_a_new_query_shows_the_top_of_its_list(store: Store) -> None:
    """Scrolled down one query's results, then a list too short for a scrollbar, then a long
    one again: the thumb stands where the list is (its top), not where the first one was."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        results = app.query_one("#search-results", OptionList)
        burst(app, list("massimov"))
        await settle(app, pilot)
        burst(app, ["down"] * 14)
        await settle(app, pilot)
        assert results.scroll_y > 2, "the first query's list was scrolled down"
        burst(app, ["ctrl+u", *"zq"])  # two letters, no name: a 'no match' line, no scrollbar
        await settle(app, pilot)
        assert not results.show_vertical_scrollbar
        burst(app, ["ctrl+u", *"massimov"])
        await settle(app, pilot)
        assert results.show_vertical_scrollbar and results.scroll_y == 0
        assert results.vertical_scrollbar.position == 0, "the thumb shows the list's top"
