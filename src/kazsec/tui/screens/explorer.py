"""The explorer screen: search on top, lists on the left, the entity and its sources right."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Input

from kazsec.model import Location
from kazsec.render.text import inert
from kazsec.tui.history import EntityPlace, History, Place, ReadingPlace
from kazsec.tui.matchers import search_matcher, timeline_matcher
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested
from kazsec.tui.screens.explorer_keys import EXPLORER_KEYS
from kazsec.tui.screens.export_action import ExportActions
from kazsec.tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from kazsec.library import ListRow
    from kazsec.tui.widgets.detail import DetailPane
    from kazsec.tui.widgets.navigator import Navigator


class ExplorerScreen(ExportActions):
    """Everything in one screen; every action a key away; type a name anywhere to search."""

    BINDINGS = EXPLORER_KEYS

    AUTO_FOCUS = ""  # nothing until the panes are mounted: a list, not the search box (see there)

    def __init__(self) -> None:
        super().__init__()
        self.history: History[Place] = History()
        self.entity_id: str | None = None
        self._mention_index = -1
        self._split_by_hand = False  # the second reader was opened with `s`, not by two sources
        self.navigator_width: int | None = None  # columns, when the user has chosen them

    def compose(self) -> ComposeResult:
        # The first frame is the frame of the app: search, an empty room for the panes, the
        # keys. The panes (some sixty widgets) are mounted just after it is drawn.
        yield Header()
        yield SearchBox(id="search")
        yield Horizontal(id="panes")
        yield Footer(compact=True)  # every key fits at 80 columns, Help and Quit included

    def on_mount(self) -> None:
        # The user's keymap, applied to this screen's own keys now: applied later by Textual,
        # a key a text box takes ("s") would be dropped from the chain before its new key
        # (ctrl+s) is put in, and the remapped key would not work while typing.
        keymap = getattr(self.app, "user_keymap", None)
        if keymap:
            self._bindings.apply_keymap(keymap)
        self._panes_mounted = asyncio.Event()
        # After the frame that draws the footer's keys (they come one refresh after the
        # first frame), so the keys are on screen while the panes are being built.
        self.call_after_refresh(self.call_after_refresh, self._mount_panes)

    async def _mount_panes(self) -> None:
        from kazsec.tui.widgets.detail import DetailPane
        from kazsec.tui.widgets.navigator import Navigator
        from kazsec.tui.widgets.reader import Reader

        reader_1 = Reader(id="reader-1", classes="reader")
        reader_2 = Reader(id="reader-2", classes="reader")
        reader_2.display = False  # shown for a second source, or with `s`
        readers = Horizontal(reader_1, reader_2, id="readers")
        readers.display = False  # until there is something to read: the detail gets the room
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
        width = getattr(self.app, "settings", {}).get("navigator_width")
        if isinstance(width, int):
            self.action_resize(0, width)
        if self.focused is None:  # a list, not the search box: '/' then reaches its binding
            self.set_focus(detail.query_one("#facts"))
        self._panes_mounted.set()

    async def panes_mounted(self) -> None:
        """Wait until the panes are in place (just after the first frame)."""
        await self._panes_mounted.wait()

    async def library_ready(self, lists: dict[str, list[ListRow]]) -> None:
        """Fill the panes once the store is loaded."""
        library = self.library
        assert library is not None
        self.query_one(SearchBox).library_ready()
        matchers = {
            "people": search_matcher(library, {"person"}),
            "agencies": search_matcher(library, {"agency"}),
            "timeline": timeline_matcher(library),
            "sources": search_matcher(library, {"source"}),
        }
        await self.navigator.fill(lists, matchers)
        if self.focused is None or self.focused.id == "facts":
            self.set_focus(self.query_one("#list-people .entity-list"))

    # -- typing goes to search ----------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Nothing typed is lost or misread as a command, at any speed (type to search).

        Keys reach the widget that had the focus when they arrived: in a fast burst such as
        "/Nazarbayev", the letters after "/" were queued for the list before "/" moved the
        focus. A printable key that comes up here while a text box has the focus belongs in
        that box. On a list or a reader, a printable key with no binding starts a search.
        """
        character = event.character
        if not character or not character.isprintable():
            return
        focused = self.focused
        if isinstance(focused, Input):  # a burst's key that missed the box it was typed for
            focused.insert_text_at_cursor(character)
        elif event.key in self.active_bindings or character.isspace():
            return
        else:
            field = self.query_one("#search-input", Input)
            self.set_focus(field)
            field.value = character
            field.cursor_position = len(field.value)
        event.stop()
        event.prevent_default()

    # -- opening things -----------------------------------------------------------------

    @property
    def navigator(self) -> Navigator:
        from kazsec.tui.widgets.navigator import Navigator  # loaded with the panes

        return self.query_one(Navigator)

    @property
    def detail(self) -> DetailPane:
        from kazsec.tui.widgets.detail import DetailPane  # loaded with the panes

        return self.query_one(DetailPane)

    def show_entity(self, entity_id: str, remember: bool = True, focus: bool = True) -> None:
        """Show a person, body, event or source in the detail pane, its first quote beside it;
        the navigator follows to its row."""
        if self.library is None:
            return
        view = self.library.view(entity_id)
        self.entity_id = entity_id
        self._mention_index = -1
        self.detail.show(view)
        self.navigator.follow(view.kind, entity_id)
        if remember:
            self.history.visit(EntityPlace(entity_id))
        if view.first_location is not None:
            self.open_locations(view.first_location, remember=False)
        if focus:
            self.set_focus(self.query_one("#facts"))

    @work(exclusive=True, group="reader")
    async def open_locations(
        self,
        first: Location,
        second: Location | None = None,
        remember: bool = True,
        captions: tuple[str, str] = ("", ""),
        into: int = 1,
    ) -> None:
        """Open one location (in reader `into`), or two side by side.

        The one way readers are filled: a newer request cancels one still under way. A
        second reader opened for an earlier pair closes unless it was opened by hand.
        """
        if self.library is None:
            return
        one, two = self.readers
        reading = self.library.reading(first, self.entity_id, captions[0])
        other = self.library.reading(second, self.entity_id, captions[1]) if second else None
        if reading is None or (second is not None and other is None):
            self.notify("That passage is not in the store; `kazsec check` says why.", markup=False)
            return
        self.query_one("#readers").display = True
        if into == 2:
            two.display = True
            await two.show(reading)
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
        from kazsec.library.note_views import ORPHANED_FACT

        if message.entity_id.startswith(ORPHANED_FACT) and self.library is not None:
            found = self.library.orphaned_facts()[int(message.entity_id.split(":")[1])]
            words = f"{found.get('file')}: {found.get('record')}: {found.get('reason')}"
            self.notify(inert(words + " (kept in the file; `kazsec check` lists it)"), markup=False)
            return
        note = self.library.notebook.get(message.entity_id) if self.library else None
        if note is None:
            self.show_entity(message.entity_id)
            return
        from kazsec.library.note_views import note_location

        location = note_location(note)
        if location is None:
            self.notify(
                inert(
                    f"Note {note.id} is orphaned: its words are no longer in {note.note.source}."
                ),
                markup=False,
            )
            return
        if self.library is not None and self.library.kind_of(location.source):
            self.show_entity(location.source, focus=False)
        self.open_locations(location)

    @on(LocationRequested)
    def _location_requested(self, message: LocationRequested) -> None:
        location = message.location
        if location.role == "match" and self.library is not None:
            # A passage found by search: the entry shown becomes its source, so that `n` and
            # the underlines no longer belong to whatever was open before.
            self.show_entity(location.source, remember=False, focus=False)
        self.open_locations(location)
        self.set_focus(self.readers[0])

    @on(QuoteRequested)
    def _quote_requested(self, message: QuoteRequested) -> None:
        """The first quote in the left reader; a quote from another source (or a conflict's
        other reading) in the right one, side by side, each reader labelled with its reading."""
        if not message.citations:
            return
        first = message.citations[0]
        others = [
            c
            for c in message.citations[1:]
            if c["source"] != first["source"] or message.side_by_side
        ]
        second = Location.of(others[0]) if others else None
        self.open_locations(Location.of(first), second, captions=message.captions)

    # -- actions -------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Put the cursor in the search box (at once: a fast burst after '/' lands there)."""
        self.set_focus(self.query_one("#search-input", Input))

    def action_tab(self, key: str) -> None:
        """Show one of the navigator's lists."""
        if self.library is not None:  # the lists are built with the store
            self.navigator.show_tab(key)

    def action_open_other(self) -> None:
        """Open the highlighted fact's quote in the other reader."""
        if self.library is None:
            return
        row = self.detail.highlighted_fact()
        target = (row.citations[0] if row and row.citations else None) or (
            row.mention if row else None
        )
        if target is None:
            self.notify("Highlight a fact with a quote first.", markup=False)
            return
        if row is not None and row.mention is target:
            location = Location.of(target, role="mention")
        else:
            location = Location.of(target)
        self.open_locations(location, into=2, remember=False)

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
                self.show_entity(place.entity_id, remember=False)  # the quote belonged to it
            self.open_locations(place.first, place.second, remember=False)

    def action_resize(self, step: int, width: int | None = None) -> None:
        """Make the lists narrower or wider (the width is remembered)."""
        navigator = self.query_one("#navigator")
        current = width if width is not None else (self.navigator_width or navigator.size.width)
        self.navigator_width = max(35, min(current + step, max(35, self.size.width - 30)))
        navigator.styles.width = self.navigator_width

    def action_zoom(self) -> None:
        """Give the focused pane the whole screen, or bring the others back."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)
