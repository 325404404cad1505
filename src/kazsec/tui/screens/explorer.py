"""The explorer screen: search on top, lists on the left, the entity and its sources on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from kazsec.location import Location
from kazsec.tui.history import History
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested
from kazsec.tui.widgets.detail import DetailPane
from kazsec.tui.widgets.navigator import ListItem, Navigator
from kazsec.tui.widgets.reader import Reader
from kazsec.tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from kazsec.library import Library

Place = tuple[str, Any]  # ("entity", id) or ("location", (entity id | None, Location, second Location | None))


class ExplorerScreen(Screen[None]):
    """Everything in one screen; every action a key away."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("n", "next_mention(1)", "Next mention"),
        Binding("N", "next_mention(-1)", "Prev mention"),
        Binding("s", "split", "Side by side"),
        Binding("r", "toggle_raw", "Raw text"),
        Binding("c", "copy_quote", "Copy quote"),
        Binding("left_square_bracket,alt+left", "back", "Back"),
        Binding("right_square_bracket,alt+right", "forward", "Forward"),
        Binding("1", "tab('people')", "People", show=False),
        Binding("2", "tab('agencies')", "Agencies", show=False),
        Binding("3", "tab('timeline')", "Timeline", show=False),
        Binding("4", "tab('sources')", "Sources", show=False),
        Binding("z", "zoom", "Zoom pane", show=False),
    ]

    # Start on a list, not the search input, so '/' reaches the search binding instead of typing a slash.
    AUTO_FOCUS = "#facts"

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.history: History[Place] = History()
        self.entity_id: str | None = None
        self._mention_index = -1
        self._split_by_hand = False  # the second reader was opened with `s`, not by a two-source quote

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(id="search")
        with Horizontal(id="panes"):
            yield Navigator(id="navigator")
            with Vertical(id="main"):
                yield DetailPane(id="detail")
                with Horizontal(id="readers"):
                    yield Reader(id="reader-1", classes="reader")
                    yield Reader(id="reader-2", classes="reader")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reader-2").display = False
        self.query_one("#detail").border_title = "detail"
        self.query_one("#reader-1").border_title = "reader"

    async def set_library(self, library: Library, lists: dict[str, list[ListItem]]) -> None:
        """Fill the panes once the store is loaded (the screen paints before that)."""
        self.library = library
        self.query_one(SearchBox).set_library(library)
        navigator = self.query_one(Navigator)
        navigator.lists, navigator.library = lists, library
        await navigator.recompose()
        if self.focused is None or self.focused.id == "facts":
            self.query_one("#list-people OptionList").focus()

    # -- opening things ---------------------------------------------------------------

    @property
    def readers(self) -> tuple[Reader, Reader]:
        return self.query_one("#reader-1", Reader), self.query_one("#reader-2", Reader)

    def show_entity(self, entity_id: str, remember: bool = True) -> None:
        """Show a person, body, event or source in the detail pane (a source opens in the reader too)."""
        if self.library is None:
            return
        self.entity_id = entity_id
        self._mention_index = -1
        self.query_one(DetailPane).show(self.library, entity_id)
        if remember:
            self.history.visit(("entity", entity_id))
        if entity_id in self.library.sources:
            first = self.library.passages_by_source[entity_id][0]
            self.run_worker(self.open_locations(Location(entity_id, first["id"]), remember=False), exclusive=True, group="reader")
        elif (event := self.library.store.get("events", entity_id)) is not None and event["cite"]:
            # An event is its sources' words: show the first quote at once.
            self.run_worker(self.open_locations(self.library.location_of(event["cite"][0]), remember=False), exclusive=True, group="reader")
        self.query_one("#facts").focus()

    async def open_locations(self, first: Location, second: Location | None = None, remember: bool = True) -> None:
        """Open one location, or two side by side (a second reader opened for an earlier pair closes)."""
        if self.library is None:
            return
        one, two = self.readers
        await one.open(self.library, first, self._marks(first.source))
        if second is not None:
            two.display = True
            await two.open(self.library, second, self._marks(second.source))
        elif not self._split_by_hand:
            two.display = False
        if remember:
            self.history.visit(("location", (self.entity_id, first, second)))

    def _marks(self, source_id: str) -> list[tuple[int, int]]:
        return self.library.mention_spans(self.entity_id, source_id) if self.library and self.entity_id else []

    @on(EntitySelected)
    def _entity_selected(self, message: EntitySelected) -> None:
        self.show_entity(message.entity_id)

    @on(LocationRequested)
    def _location_requested(self, message: LocationRequested) -> None:
        self.run_worker(self.open_locations(message.location), exclusive=True, group="reader")
        self.readers[0].focus()

    @on(QuoteRequested)
    def _quote_requested(self, message: QuoteRequested) -> None:
        """The first quote in the left reader; a quote from another source (or a conflict's
        other reading) in the right one, side by side."""
        if self.library is None or not message.citations:
            return
        first = message.citations[0]
        others = [c for c in message.citations[1:] if c["source"] != first["source"] or message.side_by_side]
        second = self.library.location_of(others[0]) if others else None
        self.run_worker(self.open_locations(self.library.location_of(first), second), exclusive=True, group="reader")

    # -- actions -------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#search-input", Input).focus()

    def action_tab(self, key: str) -> None:
        self.query_one(Navigator).show_tab(key)

    def action_next_mention(self, step: int) -> None:
        """Step through the current entity's mentions across all sources."""
        if self.library is None or self.entity_id is None:
            return
        mentions = self.library.mentions_by_entity.get(self.entity_id, [])
        if not mentions:
            self.notify("No mentions of this entry in the sources.", markup=False)
            return
        self._mention_index = self._next_mention_index(mentions, step)
        mention = mentions[self._mention_index]
        self.run_worker(self.open_locations(self.library.location_of(mention)), exclusive=True, group="reader")
        self.notify(f"mention {self._mention_index + 1} of {len(mentions)}", markup=False, timeout=1.5)

    def _next_mention_index(self, mentions: list[dict[str, Any]], step: int) -> int:
        """The mention after (or before) the place being read, or the next in the list."""
        here = self.readers[0].location
        current = mentions[self._mention_index] if 0 <= self._mention_index < len(mentions) else None
        if here is None or here.start is None or (current and (current["source"], current["start"]) == (here.source, here.start)):
            return (self._mention_index + step) % len(mentions)
        order = list(self.library.sources) if self.library else []
        position = (order.index(here.source) if here.source in order else 0, here.start)
        keys = [(order.index(m["source"]) if m["source"] in order else 0, m["start"]) for m in mentions]
        if step > 0:
            return next((i for i, key in enumerate(keys) if key > position), 0)
        return next((i for i in range(len(keys) - 1, -1, -1) if keys[i] < position), len(keys) - 1)

    def action_split(self) -> None:
        """Show or hide the second reader."""
        one, two = self.readers
        two.display = not two.display
        self._split_by_hand = two.display
        if two.display and two.location is None and one.location is not None and self.library is not None:
            self.run_worker(two.open(self.library, one.location, one.marks), group="reader")

    async def action_toggle_raw(self) -> None:
        """Raw text (as collected) or repaired text, in the reader that has focus."""
        reader = self._focused_reader()
        if reader.location is None:
            self.notify("Open a quote or a passage first.", markup=False)
            return
        await reader.toggle_raw()

    def _focused_reader(self) -> Reader:
        one, two = self.readers
        return two if two.display and (two.has_focus or two.has_focus_within) else one

    def action_copy_quote(self) -> None:
        """Copy the quote in the focused reader, with its citation, to the clipboard."""
        reader = self._focused_reader()
        if self.library is None or reader.location is None or reader.quote is None:
            self.notify("Open a quote first (Enter on a fact).", markup=False)
            return
        loc = reader.location
        exact = self.library.sources[loc.source]["repaired_text"][loc.start : loc.end]
        text = self.library.citation_text({"source": loc.source, "passage": loc.passage, "exact": exact})
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Copied with citation", markup=False)

    def action_back(self) -> None:
        self._restore(self.history.back())

    def action_forward(self) -> None:
        self._restore(self.history.forward())

    def _restore(self, place: Place | None) -> None:
        if place is None:
            self.notify("Nothing further in history.", markup=False, timeout=1.5)
            return
        kind, value = place
        if kind == "entity":
            self.show_entity(value, remember=False)
        else:
            entity_id, first, second = value
            if entity_id is not None and entity_id != self.entity_id:
                self.show_entity(entity_id, remember=False)  # the quote belonged to this entry
            self.run_worker(self.open_locations(first, second, remember=False), exclusive=True, group="reader")

    def action_zoom(self) -> None:
        """Give the focused pane the whole screen, or bring the others back."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)
