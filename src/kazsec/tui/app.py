"""The kazsec app: global keys, palette commands, the user's keymap; the store loads in a worker."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from kazsec.config import ConfigError, keymap_path, load_keymap, load_settings, save_settings
from kazsec.errors import KazsecError
from kazsec.render.text import inert
from kazsec.tui.screens.explorer import ExplorerScreen

if TYPE_CHECKING:
    from kazsec.library import Library, ListRow


def entity_provider() -> type[Provider]:
    """The palette's provider of people, bodies, events and sources (loaded when it opens)."""
    from kazsec.tui.providers import EntityProvider

    return EntityProvider


def time_provider() -> type[Provider]:
    """The palette's careers and successions, by any spelling of a name."""
    from kazsec.tui.providers import TimeProvider

    return TimeProvider


class KazsecApp(App[None]):
    """Explore people, bodies, events and the source passages behind every fact."""

    TITLE = "kazsec"
    SUB_TITLE = "Kazakhstan's security apparatus, from its sources"
    COMMANDS = App.COMMANDS | {entity_provider, time_provider}
    CSS_PATH = ["screens/explorer.tcss"]
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, id="palette"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c"),
    ]

    def __init__(
        self,
        library_loader: Callable[[], Library],
        open_id: str | None = None,
        adder: Callable[[list[str]], tuple[str, Library]] | None = None,
        researcher: Any = None,
    ) -> None:
        super().__init__()
        self.library_loader = library_loader
        # Adds documents to the user's workspace and builds them in: a summary line and the
        # library as it is then (the command line's own code; None: adding is not offered).
        self.adder = adder
        # Keeps notes, makes facts from selections and takes them back, in the workspace
        # (kazsec.cli.researcher; None: the explorer only reads).
        self.researcher = researcher
        self.open_id = open_id
        self.library: Library | None = None  # set once, when loaded; every pane reads it here
        self.error: str | None = None  # why the app closed early; the CLI prints it as one line
        self.keymap_problem: str | None = None
        try:
            self.user_keymap = load_keymap()
        except ConfigError as exc:
            self.user_keymap, self.keymap_problem = {}, str(exc)
        self.set_keymap(self.user_keymap)
        self.settings = load_settings()  # theme, last entry, navigator width

    def get_default_screen(self) -> Screen[None]:
        return ExplorerScreen()

    def on_mount(self) -> None:
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if self.keymap_problem:
            self.notify(inert(self.keymap_problem), severity="warning", markup=False, timeout=8)
        # Paint first, then load: a loader thread started now would compete with the first frame.
        self.call_after_refresh(self.load_library)

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        """Open (or build) the store and index it, off the UI thread."""
        # Loading allocates a few hundred thousand long-lived objects in one go; letting the
        # collector rescan them again and again during that would double the time it takes.
        gc.disable()
        try:
            library = self.library_loader()
            _ = library.engine  # build the search index here, not on the first keystroke
            lists = library.list_rows()  # and the navigator's rows
        except (KazsecError, OSError) as exc:
            self.error = f"kazsec: error: {exc}"
            self.call_from_thread(self.exit, return_code=getattr(exc, "exit_code", 2))
            return
        finally:
            gc.freeze()  # the store lives for the session: the collector need never scan it
            gc.enable()
        # mypy cannot solve call_from_thread's return type for a coroutine function.
        self.call_from_thread(self._library_ready, library, lists)  # type: ignore[arg-type]
        from kazsec.search.readings import warm_up

        warm_up()  # after the explorer is searchable: the first Cyrillic word need not wait
        gc.freeze()  # the dictionaries live for the session too: no collection rescans them

    async def _library_ready(self, library: Library, lists: dict[str, list[ListRow]]) -> None:
        await self.explorer.panes_mounted()
        self.library = library
        await self.explorer.library_ready(lists)
        # The panes just built live as long as the store: freeze them too, so a collection
        # in the middle of typing only looks at what the last keystrokes made. Full
        # collections (20-30 ms) are what a keystroke could wait on, so run them rarely:
        # nearly everything here is freed by reference counting, not by the collector.
        gc.freeze()
        gc.set_threshold(10_000, 20, 100)
        notebook = library.notebook
        if notebook.problem:  # the app starts all the same; notes are read-only
            self.notify(
                inert(f"{notebook.problem} (your notes are read-only until it is fixed)"),
                severity="warning",
                markup=False,
                timeout=10,
            )
        last = self.settings.get("last_entry")
        if self.open_id:
            self.open_entity(self.open_id)
        elif isinstance(last, str) and library.kind_of(last):
            self.open_entity(last)  # where the user left off

    def action_add_documents(self) -> None:
        """Ask for files, folders or globs and add them in the background."""
        from kazsec.tui.screens.add_documents import AddDocumentsScreen

        if self.adder is None or self.library is None:
            self.notify("Adding documents needs the store loaded first.", markup=False)
            return
        self.push_screen(AddDocumentsScreen(), self._paths_chosen)

    def _paths_chosen(self, paths: list[str] | None) -> None:
        if paths:
            self.notify(inert(f"Adding {' '.join(paths)}…"), markup=False)
            self.add_in_background(paths)

    @work(thread=True, exclusive=True, group="add")
    def add_in_background(self, paths: list[str]) -> None:
        """Add, build and reload off the UI thread; the explorer works on meanwhile."""
        assert self.adder is not None
        try:
            summary, library = self.adder(paths)
            _ = library.engine
            lists = library.list_rows()
        except (KazsecError, OSError) as exc:
            self.call_from_thread(
                self.notify, inert(f"Nothing added: {exc}"), severity="error", markup=False
            )
            return
        self.call_from_thread(self._documents_added, summary, library, lists)  # type: ignore[arg-type]

    async def _documents_added(
        self, summary: str, library: Library, lists: dict[str, list[ListRow]]
    ) -> None:
        self.library = library
        await self.explorer.library_ready(lists)
        self.notify(inert(summary), markup=False, timeout=8)

    @property
    def explorer(self) -> ExplorerScreen:
        """The main screen (also when a modal is open above it)."""
        return next(s for s in self.screen_stack if isinstance(s, ExplorerScreen))

    def open_entity(self, entity_id: str) -> None:
        """Show an entity, event, source, or the passage a passage id names."""
        if self.library is None:
            return
        if (location := self.library.passage_location(entity_id)) is not None:
            self.explorer.open_locations(location)
        elif self.library.kind_of(entity_id):
            self.explorer.show_entity(entity_id)
        else:
            message = f"No person, body, event, source or passage has the id {entity_id!r}."
            self.notify(inert(message), severity="error", markup=False)

    def remember(self) -> None:
        """Keep the user's choices for the next start (per-user config folder)."""
        chosen: dict[str, object] = {"theme": self.theme}
        explorer = self.explorer
        if explorer.entity_id:
            chosen["last_entry"] = explorer.entity_id
        if explorer.navigator_width is not None:
            chosen["navigator_width"] = explorer.navigator_width
        save_settings(chosen)

    async def action_quit(self) -> None:
        """Quit, remembering the theme, the last entry and the navigator's width."""
        if self.library is not None:
            self.remember()
        self.exit()

    def action_help(self) -> None:
        """Show every key."""
        from kazsec.tui.screens.help import HelpScreen
        from kazsec.tui.widgets.navigator import EntityList
        from kazsec.tui.widgets.search_box import SearchBox

        enter = Binding("enter", "", "Open the highlighted item or the quote behind a fact")
        sections = [
            ("Anywhere", [*self.BINDINGS, *ExplorerScreen.BINDINGS]),
            (
                "Search box",
                [*SearchBox.BINDINGS, Binding("enter", "", "Open the highlighted result")],
            ),
            (
                "Lists and facts",
                [*EntityList.BINDINGS, enter, Binding("tab,shift+tab", "", "Move between panes")],
            ),
        ]
        keys = [
            (title, [b for b in bindings if isinstance(b, Binding)]) for title, bindings in sections
        ]
        self.push_screen(HelpScreen(keys, self.user_keymap, inert(str(keymap_path()))))

    def keys_of(self, binding_id: str) -> str:
        """The keys a binding answers to now with the keymap applied, as the footer shows them."""
        for binding in [*self.BINDINGS, *ExplorerScreen.BINDINGS]:
            if isinstance(binding, Binding) and binding.id == binding_id:
                keys = self.user_keymap.get(binding_id, binding.key).split(",")
                return ", ".join(self.get_key_display(Binding(key.strip(), "")) for key in keys)
        return ""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        explorer = self.explorer
        commands = [
            ("Search", "Focus the search box", "search", explorer.action_focus_search),
            (
                "Side by side",
                "Show or hide the second reader",
                "side-by-side",
                explorer.action_split,
            ),
            (
                "Raw text",
                "Show the raw text behind the passages, or the repaired text",
                "raw-text",
                explorer.action_toggle_raw,
            ),
            (
                "Copy quote with citation",
                "Copy the highlighted quote and its source",
                "copy-quote",
                explorer.action_copy_quote,
            ),
            (
                "Next mention",
                "Jump to the next mention of this entry",
                "next-mention",
                lambda: explorer.action_next_mention(1),
            ),
            ("Back", "Go back in history", "back", explorer.action_back),
            (
                "Timeline",
                "Every event by date, filtered and zoomed",
                "timeline",
                explorer.action_timeline,
            ),
            (
                "Over time",
                "The open entry over time: a person's career, a body's succession",
                "over-time",
                explorer.action_over_time,
            ),
            (
                "Add documents",
                "Add your own web pages, PDFs, Word files and texts",
                "",
                self.action_add_documents,
            ),
            ("Forward", "Go forward in history", "forward", explorer.action_forward),
            (
                "Select words to note or cite",
                "In the passage being read: a notes them, f makes a fact of them",
                "select",
                explorer.action_select,
            ),
            ("Undo", "Take back the last fact you added", "undo", explorer.action_undo),
            ("Help", "Every key", "help", self.action_help),
        ]
        for title, help_text, binding_id, action in commands:
            keys = self.keys_of(binding_id) if binding_id else ""
            yield SystemCommand(title, f"{help_text} ({keys})" if keys else help_text, action)
