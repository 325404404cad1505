"""The kazsec app: bindings, palette commands and the explorer screen; the store loads in a worker."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from kazsec.errors import KazsecError
from kazsec.location import Location
from kazsec.store import Store
from kazsec.tui.providers import EntityProvider
from kazsec.tui.screens.explorer import ExplorerScreen
from kazsec.tui.screens.help import HelpScreen
from kazsec.tui.widgets.navigator import ListItem, build_lists

if TYPE_CHECKING:
    from kazsec.library import Library


class KazsecApp(App[None]):
    """Explore people, bodies, events and the source passages behind every fact."""

    TITLE = "kazsec"
    SUB_TITLE = "Kazakhstan's security apparatus, from its sources"
    COMMANDS = App.COMMANDS | {EntityProvider}
    # Styles live next to the screens and panes they style.
    CSS_PATH = ["screens/explorer.tcss"]
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "Palette", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store_loader: Callable[[], Store], open_id: str | None = None) -> None:
        super().__init__()
        self.store_loader = store_loader
        self.open_id = open_id
        self.library: Library | None = None
        self.error: str | None = None  # why the app closed early; the CLI prints it as one line

    def get_default_screen(self) -> Screen[None]:
        return ExplorerScreen()

    def on_mount(self) -> None:
        # Paint first, then load: a loader thread started now would compete with the first frame.
        self.call_after_refresh(self.load_library)

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        """Open (or build) the store and index it, off the UI thread."""
        from kazsec.library import Library

        # Loading allocates a few hundred thousand long-lived objects in one go; letting the
        # collector rescan them again and again during that would double the time it takes.
        gc.disable()
        try:
            library = Library(self.store_loader())
            library.engine  # build the search index here, not on the first keystroke
            lists = build_lists(library)  # and the navigator's rows
        except (KazsecError, OSError) as exc:
            self.error = f"kazsec: error: {exc}"
            self.call_from_thread(self.exit, return_code=getattr(exc, "exit_code", 2))
            return
        finally:
            gc.freeze()  # the store lives for the session: the collector need never scan it
            gc.enable()
        self.call_from_thread(self._library_ready, library, lists)

    async def _library_ready(self, library: Library, lists: dict[str, list[ListItem]]) -> None:
        self.library = library
        await self.explorer.set_library(library, lists)
        # The panes just built live as long as the store: freeze them too, so a collection
        # in the middle of typing only looks at what the last keystrokes made. Full
        # collections (20-30 ms) are what a keystroke could wait on, so run them rarely:
        # nearly everything here is freed by reference counting, not by the collector.
        gc.freeze()
        gc.set_threshold(10_000, 20, 100)
        if self.open_id:
            self.open_entity(self.open_id)

    @property
    def explorer(self) -> ExplorerScreen:
        """The main screen (also when a modal is open above it)."""
        return next(s for s in self.screen_stack if isinstance(s, ExplorerScreen))

    def open_entity(self, entity_id: str) -> None:
        """Show an entity, event, source, or the passage a passage id names."""
        if self.library is None:
            return
        if entity_id in self.library.passages:
            passage = self.library.passages[entity_id]
            self.explorer.run_worker(self.explorer.open_locations(Location(passage["source"], entity_id)), group="reader")
        elif self.library.kind_of(entity_id):
            self.explorer.show_entity(entity_id)
        else:
            self.notify(f"No person, body, event, source or passage has the id {entity_id!r}.", severity="error", markup=False)

    def action_help(self) -> None:
        """Show every key."""
        from kazsec.tui.widgets.navigator import EntityList
        from kazsec.tui.widgets.search_box import SearchBox

        sections = [
            ("Anywhere", list(self.BINDINGS) + list(ExplorerScreen.BINDINGS)),
            ("Search box", list(SearchBox.BINDINGS) + [Binding("enter", "", "Open the highlighted result")]),
            ("Lists and facts", list(EntityList.BINDINGS) + [Binding("enter", "", "Open the highlighted item or the quote behind a fact"),
                                                              Binding("tab,shift+tab", "", "Move between panes")]),
        ]
        self.push_screen(HelpScreen([(title, [b for b in bindings if isinstance(b, Binding)]) for title, bindings in sections]))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        explorer = self.explorer
        yield SystemCommand("Search", "Focus the search box (/)", explorer.action_focus_search)
        yield SystemCommand("Side by side", "Show or hide the second reader (s)", explorer.action_split)
        yield SystemCommand("Raw text", "Show the raw text behind the passages, or the repaired text (r)", explorer.action_toggle_raw)
        yield SystemCommand("Copy quote with citation", "Copy the highlighted quote and its source (c)", explorer.action_copy_quote)
        yield SystemCommand("Next mention", "Jump to the next mention of this entry (n)", lambda: explorer.action_next_mention(1))
        yield SystemCommand("Back", "Go back in history ([)", explorer.action_back)
        yield SystemCommand("Forward", "Go forward in history (])", explorer.action_forward)
        yield SystemCommand("Help", "Every key (F1, ?)", self.action_help)
