"""The explorer screen: search on top, lists on the left, the entity and its sources right."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from kazsec.model import Location, MentionRecord
from kazsec.render.text import inert
from kazsec.tui.history import EntityPlace, History, Place, ReadingPlace
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested
from kazsec.tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from kazsec.library import Library, ListRow
    from kazsec.tui.widgets.detail import DetailPane
    from kazsec.tui.widgets.navigator import Matcher, Navigator
    from kazsec.tui.widgets.reader import Reader

MATCHED_KINDS = {"people": "person", "agencies": "agency", "sources": "source"}


def search_matcher(library: Library, kind: str) -> Matcher:
    """A list filter that finds names in any spelling or script, as the search box does."""

    def match(text: str) -> list[str]:
        found = library.engine.names.search(text, types={kind}, limit=500)
        return [r.id for r in found if r.confident]

    return match


class ExplorerScreen(Screen[None]):
    """Everything in one screen; every action a key away."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("n", "next_mention(1)", "Next mention", id="next-mention"),
        Binding("N", "next_mention(-1)", "Prev mention", id="previous-mention"),
        Binding("s", "split", "Side by side", id="side-by-side"),
        Binding("r", "toggle_raw", "Raw text", id="raw-text"),
        Binding("c", "copy_quote", "Copy quote", id="copy-quote"),
        Binding("left_square_bracket,alt+left", "back", "Back", id="back"),
        Binding("right_square_bracket,alt+right", "forward", "Forward", id="forward"),
        Binding("1", "tab('people')", "People", show=False, id="tab-people"),
        Binding("2", "tab('agencies')", "Agencies", show=False, id="tab-agencies"),
        Binding("3", "tab('timeline')", "Timeline", show=False, id="tab-timeline"),
        Binding("4", "tab('sources')", "Sources", show=False, id="tab-sources"),
        Binding("z", "zoom", "Zoom pane", show=False, id="zoom"),
    ]

    AUTO_FOCUS = ""  # nothing until the panes are mounted: a list, not the search box (see there)

    def __init__(self) -> None:
        super().__init__()
        self.history: History[Place] = History()
        self.entity_id: str | None = None
        self._mention_index = -1
        self._split_by_hand = (
            False  # the second reader was opened with `s`, not by a two-source quote
        )

    def compose(self) -> ComposeResult:
        # The first frame is the frame of the app: search, an empty room for the panes, the
        # keys. The panes (some sixty widgets) are mounted just after it is drawn.
        yield Header()
        yield SearchBox(id="search")
        yield Horizontal(id="panes")
        yield Footer()

    def on_mount(self) -> None:
        self._panes_mounted = asyncio.Event()
        # After the frame that draws the footer's keys (they come one refresh after the
        # first frame), so the keys are on screen while the panes are being built.
        self.call_after_refresh(self.call_after_refresh, self._mount_panes)

    async def _mount_panes(self) -> None:
        from kazsec.tui.widgets.detail import DetailPane
        from kazsec.tui.widgets.navigator import Navigator
        from kazsec.tui.widgets.reader import Reader

        reader_2 = Reader(id="reader-2", classes="reader")
        reader_2.display = False  # shown for a second source, or with `s`
        reader_1 = Reader(id="reader-1", classes="reader")
        readers = Horizontal(reader_1, reader_2, id="readers")
        detail = DetailPane(id="detail")
        try:
            await self.query_one("#panes").mount_all(
                [Navigator(id="navigator"), Vertical(detail, readers, id="main")]
            )
        except NoMatches:
            return
        if not detail.is_mounted:  # the app closed before its first frame was done (a bad store)
            return
        detail.border_title = "detail"
        reader_1.border_title = "reader"
        if self.focused is None:  # a list, not the search box: '/' then reaches its binding
            detail.query_one("#facts").focus()
        self._panes_mounted.set()

    async def panes_mounted(self) -> None:
        """Wait until the panes are in place (just after the first frame)."""
        await self._panes_mounted.wait()

    @property
    def library(self) -> Library | None:
        """The app's library, once loaded (the screen paints before that)."""
        return getattr(self.app, "library", None)

    async def library_ready(self, lists: dict[str, list[ListRow]]) -> None:
        """Fill the panes once the store is loaded."""
        library = self.library
        assert library is not None
        self.query_one(SearchBox).library_ready()
        matchers = {key: search_matcher(library, kind) for key, kind in MATCHED_KINDS.items()}
        await self.navigator.fill(lists, matchers)
        if self.focused is None or self.focused.id == "facts":
            self.query_one("#list-people OptionList").focus()

    # -- opening things ---------------------------------------------------------------

    # The panes' modules load with the panes, after the first frame.
    @property
    def readers(self) -> tuple[Reader, Reader]:
        from kazsec.tui.widgets.reader import Reader

        return self.query_one("#reader-1", Reader), self.query_one("#reader-2", Reader)

    @property
    def navigator(self) -> Navigator:
        from kazsec.tui.widgets.navigator import Navigator

        return self.query_one(Navigator)

    @property
    def detail(self) -> DetailPane:
        from kazsec.tui.widgets.detail import DetailPane

        return self.query_one(DetailPane)

    def show_entity(self, entity_id: str, remember: bool = True) -> None:
        """Show a person, body, event or source in the detail pane, its first quote beside it."""
        if self.library is None:
            return
        view = self.library.view(entity_id)
        self.entity_id = entity_id
        self._mention_index = -1
        self.detail.show(view)
        if remember:
            self.history.visit(EntityPlace(entity_id))
        if view.first_location is not None:
            self.open_locations(view.first_location, remember=False)
        self.query_one("#facts").focus()

    @work(exclusive=True, group="reader")
    async def open_locations(
        self, first: Location, second: Location | None = None, remember: bool = True
    ) -> None:
        """Open one location, or two side by side (a second reader opened for a pair closes).

        The one way readers are filled: a newer request cancels one still under way.
        """
        if self.library is None:
            return
        one, two = self.readers
        reading = self.library.reading(first, self.entity_id)
        other = self.library.reading(second, self.entity_id) if second is not None else None
        if reading is None or (second is not None and other is None):
            self.notify("That passage is not in the store; `kazsec check` says why.", markup=False)
            return
        await one.show(reading)
        if other is not None:
            two.display = True
            await two.show(other)
        elif not self._split_by_hand:
            two.display = False
        if remember:
            self.history.visit(ReadingPlace(self.entity_id, first, second))

    @on(EntitySelected)
    def _entity_selected(self, message: EntitySelected) -> None:
        self.show_entity(message.entity_id)

    @on(LocationRequested)
    def _location_requested(self, message: LocationRequested) -> None:
        self.open_locations(message.location)
        self.readers[0].focus()

    @on(QuoteRequested)
    def _quote_requested(self, message: QuoteRequested) -> None:
        """The first quote in the left reader; a quote from another source (or a conflict's
        other reading) in the right one, side by side."""
        if not message.citations:
            return
        first = message.citations[0]
        others = [
            c
            for c in message.citations[1:]
            if c["source"] != first["source"] or message.side_by_side
        ]
        self.open_locations(Location.of(first), Location.of(others[0]) if others else None)

    # -- actions -------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#search-input", Input).focus()

    def action_tab(self, key: str) -> None:
        """Show one of the navigator's lists."""
        if self.library is not None:  # the lists are built with the store
            self.navigator.show_tab(key)

    def action_next_mention(self, step: int) -> None:
        """Step through the current entity's mentions across all sources."""
        if self.library is None or self.entity_id is None:
            return
        mentions = self.library.mentions_of(self.entity_id)
        if not mentions:
            self.notify("No mentions of this entry in the sources.", markup=False)
            return
        self._mention_index = self._next_mention_index(mentions, step)
        self.open_locations(Location.of(mentions[self._mention_index]))
        self.notify(
            f"mention {self._mention_index + 1} of {len(mentions)}", markup=False, timeout=1.5
        )

    def _next_mention_index(self, mentions: list[MentionRecord], step: int) -> int:
        """The mention after (or before) the place being read, or the next in the list."""
        here = self.readers[0].location
        current = (
            mentions[self._mention_index] if 0 <= self._mention_index < len(mentions) else None
        )
        if (
            here is None
            or here.start is None
            or (current and (current["source"], current["start"]) == (here.source, here.start))
        ):
            return (self._mention_index + step) % len(mentions)
        order = {source: n for n, source in enumerate(self.library.sources if self.library else ())}
        position = (order.get(here.source, 0), here.start)
        keys = [(order.get(m["source"], 0), m["start"]) for m in mentions]
        if step > 0:
            return next((i for i, key in enumerate(keys) if key > position), 0)
        return next((i for i in range(len(keys) - 1, -1, -1) if keys[i] < position), len(keys) - 1)

    def action_split(self) -> None:
        """Show or hide the second reader."""
        if self.library is None:
            return
        one, two = self.readers
        two.display = not two.display
        self._split_by_hand = two.display
        if two.display and two.location is None and one.location is not None:
            self.open_locations(one.location, one.location, remember=False)

    async def action_toggle_raw(self) -> None:
        """Raw text (as collected) or repaired text, in the reader that has focus."""
        if self.library is None:
            return
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
        if self.library is None:
            return
        reader = self._focused_reader()
        loc = reader.location
        if self.library is None or loc is None or reader.quote is None:
            self.notify("Open a quote first (Enter on a fact).", markup=False)
            return
        exact = self.library.sources[loc.source]["repaired_text"][loc.start : loc.end]
        text = self.library.citation_text(
            {"source": loc.source, "passage": loc.passage, "exact": exact}
        )
        # Inert on the clipboard too: pasted into a terminal, an escape would run there.
        self.app.copy_to_clipboard(inert(text))
        self.notify(inert(text), title="Copied with citation", markup=False)

    def action_back(self) -> None:
        """Go back to what was open before."""
        self._restore(self.history.back())

    def action_forward(self) -> None:
        """Go forward again."""
        self._restore(self.history.forward())

    def _restore(self, place: Place | None) -> None:
        if place is None:
            self.notify("Nothing further in history.", markup=False, timeout=1.5)
        elif isinstance(place, EntityPlace):
            self.show_entity(place.entity_id, remember=False)
        else:
            if place.entity_id is not None and place.entity_id != self.entity_id:
                self.show_entity(
                    place.entity_id, remember=False
                )  # the quote belonged to this entry
            self.open_locations(place.first, place.second, remember=False)

    def action_zoom(self) -> None:
        """Give the focused pane the whole screen, or bring the others back."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)
