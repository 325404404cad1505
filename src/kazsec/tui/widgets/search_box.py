"""The search box: results on every keystroke, grouped by kind, matched characters highlighted.

Names are looked up as they are typed (an index in memory). Passage hits come from the
passage index (on disk, tens of milliseconds a page) in a thread worker, so typing never
waits for them; they are shown a page at a time, and a page found for a query typed over
since is dropped.
"""

from __future__ import annotations

from itertools import takewhile
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from kazsec.model import Location
from kazsec.render.text import inert
from kazsec.search.readings import MODE_LABELS, SEARCH_MODES, SearchMode
from kazsec.tui.messages import EntitySelected, LocationRequested
from kazsec.tui.widgets.match_route import MatchRoute
from kazsec.tui.widgets.search_results import (
    NAME_KINDS,
    PAGE,
    PER_GROUP,
    MoreOption,
    NoteOption,
    ResultOption,
    absolute_span,
    first_enabled,
    name_options,
    no_match_options,
    note_options,
)
from kazsec.tui.widgets.steady_list import SteadyOptionList

EXAMPLES = "Masimov, Масимов, Мәсімов, KNB, secret courts…"

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.search import SearchResult
    from kazsec.search.engine import PassagePage


class SearchInput(Input):
    """The search field; its editing keys act in the order they were typed.

    Input's own ctrl+u is a binding, run only when the key has travelled up to the app:
    letters typed right after it were inserted first and then erased with the rest.
    """

    def on_key(self, event: events.Key) -> None:
        if event.key == "ctrl+u":
            event.stop()
            event.prevent_default()
            self.action_delete_left_all()


def shown_inert(field: Input) -> bool:
    """Replace control characters pasted into a field by their pictures; True if any were."""
    value = inert(field.value)
    if value == field.value:
        return False
    field.value = value  # one character for one: the cursor stays where it was
    return True


class SearchBox(Vertical):
    """Type a name in any spelling or script; Enter opens the highlighted result."""

    DEFAULT_CSS = """
    SearchBox { height: auto; max-height: 16; }
    SearchBox #search-input { margin: 0 1; background: $boost; }
    SearchBox #search-input:focus { background: $primary 30%; }
    SearchBox #search-results {
        display: none;
        /* Floats over the panes: showing results must not re-lay-out the lists below. */
        overlay: screen;
        constrain: none inside;
        max-height: 14;
        border: tall $accent;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    BINDINGS = [
        Binding("down", "cursor(1)", "Next result", show=False, id="next-result"),
        Binding("up", "cursor(-1)", "Previous result", show=False, id="previous-result"),
        Binding("escape", "leave", "Leave search", id="leave-search"),
        Binding("pagedown", "page(1)", "Next page, more passages", show=False, id="results-pgdn"),
        Binding("pageup", "page(-1)", "Previous page", show=False, id="results-pgup"),
        Binding("ctrl+t", "toggle_mode", "Search mode", id="search-mode"),
    ]

    class PassagesFound(Message, bubble=False):
        """A page of passage hits was found for the query of one generation."""

        def __init__(self, generation: int, page: PassagePage) -> None:
            super().__init__()
            self.generation = generation
            self.page = page

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._generation = 0  # one more for each query shown: pages for older ones are dropped
        self._query = ""
        self._names_found = False  # confident names are shown above the passages
        self._guesses: list[SearchResult] = []  # names under the bar, offered if nothing matches
        self._fetched = 0  # passage hits fetched so far for this query: the next page's offset
        self._passages_shown = 0
        self._passages_heading: int | None = None  # the line of the "Passages (n)" heading
        self._loading = False  # a page of passage hits is being looked for
        self._open_when_found = False  # Enter came before the first page: it opens its best hit
        self.mode: SearchMode = "scripts"  # exact, all scripts (the default) or fuzzy

    def compose(self) -> ComposeResult:
        placeholder = f"/ search: {EXAMPLES}"
        yield SearchInput(placeholder=placeholder, id="search-input", compact=True)
        yield SteadyOptionList(id="search-results")
        yield MatchRoute(id="search-how")

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    @property
    def library(self) -> Library | None:
        return getattr(self.app, "library", None)

    def library_ready(self) -> None:
        """The store has loaded: search what was typed while it loaded."""
        value = self.query_one(Input).value
        if value:
            self.show_results(value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if shown_inert(event.input):
            return  # the inert value comes back as a change of its own
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        """Show the names found for `query` at once, and look for its passages in a worker."""
        from kazsec.render.search import searching_text

        self._generation += 1
        self._query, self._fetched, self._passages_shown = query, 0, 0
        self._passages_heading, self._loading, self._open_when_found = None, False, False
        results_list = self.results
        results_list.clear_options()
        library = self.library
        if not query.strip() or library is None:
            results_list.display = False
            return
        found = library.engine.search(query, types=NAME_KINDS, limit=30, mode=self.mode)
        shown = [r for r in found if r.confident]
        self._names_found = bool(shown)
        self._guesses = [] if shown else [r for r in found if r.score >= 60][:5]
        options = name_options(shown)
        notes = library.notebook.matching(query) if len(query.strip()) >= 2 else []
        options += note_options(notes)
        self._names_found = self._names_found or bool(notes)
        # One or two letters name people and bodies; passage text is searched from three on.
        if len(query.strip()) >= 3:
            options.append(Option(searching_text(query, bool(shown)), disabled=True))
            self._loading = True
            self._find_passages(self._generation, query, 0, PER_GROUP)
        elif not shown:
            options = no_match_options(query, self._guesses)
        results_list.add_options(options)
        results_list.display = True
        # With no match, nothing is highlighted: Enter must not open a guess (Tokarev is not
        # Tokayev); a guess opens only when the cursor is moved onto it.
        results_list.highlighted = first_enabled(results_list) if shown or notes else None

    @work(thread=True, exclusive=True, group="passage-search")
    def _find_passages(self, generation: int, query: str, offset: int, count: int) -> None:
        """Look for a page of passage hits off the UI thread (a newer search cancels this one)."""
        library = self.library
        if library is None:
            return
        page = library.engine.passage_page(query, offset, count, mode=self.mode)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PassagesFound(generation, page))

    @on(PassagesFound)
    def _passages_found(self, message: PassagesFound) -> None:
        from kazsec.render.search import passages_heading

        if message.generation != self._generation:
            return  # found for a query typed over since, or for results closed since
        page, results_list = message.page, self.results
        self._loading = False
        # Best first: after the first hit under the bar, the rest of them are guesses too.
        hits = list(takewhile(lambda r: r.confident, page.results))
        more = page.more and len(hits) == len(page.results)
        self._fetched = page.next_offset  # among all hits: exact mode passes over some
        self._passages_shown += len(hits)
        results_list.remove_option_at_index(results_list.option_count - 1)  # searching, or more
        if not hits and not self._names_found and page.offset == 0:
            results_list.clear_options()
            results_list.add_options(no_match_options(self._query, self._guesses))
            if self._open_when_found:
                self.app.bell()  # "no match": nothing to open
            self._open_when_found = False
            return
        heading = passages_heading(self._passages_shown, more)
        if self._passages_heading is not None:
            results_list.replace_option_prompt_at_index(self._passages_heading, heading)
        elif hits:
            self._passages_heading = results_list.option_count
            results_list.add_option(Option(heading, disabled=True))
        first_hit = results_list.option_count
        results_list.add_options([ResultOption(result) for result in hits])
        if more:
            results_list.add_option(MoreOption(self._passages_shown))
        # A first page takes the cursor only if no name has it; a next page was asked for
        # from its "more" line, and the cursor goes on to its first hit.
        if hits and (page.offset > 0 or results_list.highlighted is None):
            results_list.highlighted = first_hit
        if self._open_when_found:
            self._open_when_found = False
            self._submitted()

    def _load_more(self) -> None:
        """Look for the next page of passage hits (one page at a time)."""
        from kazsec.render.search import more_passages_text

        results_list = self.results
        last = results_list.option_count - 1
        if self._loading or last < 0:
            return
        option = results_list.get_option_at_index(last)
        if not isinstance(option, MoreOption):
            return
        self._loading = True
        results_list.replace_option_prompt_at_index(
            last, more_passages_text(option.shown, PAGE, loading=True)
        )
        self._find_passages(self._generation, self._query, self._fetched, PAGE)

    def action_cursor(self, step: int) -> None:
        if self.results.display:
            (self.results.action_cursor_down if step > 0 else self.results.action_cursor_up)()

    def action_page(self, step: int) -> None:
        """Move a page through the results; a page down onto "more passages" loads them."""
        results_list = self.results
        if not results_list.display:
            return
        if step < 0:
            results_list.action_page_up()
            return
        results_list.action_page_down()
        highlighted = results_list.highlighted
        if highlighted is not None and isinstance(
            results_list.get_option_at_index(highlighted), MoreOption
        ):
            self._load_more()

    def action_toggle_mode(self) -> None:
        """Exact (as typed), all scripts (the default), fuzzy (typos): the next in turn."""
        self.mode = SEARCH_MODES[(SEARCH_MODES.index(self.mode) + 1) % len(SEARCH_MODES)]
        self.query_one(Input).placeholder = f"/ search ({MODE_LABELS[self.mode]}): {EXAMPLES}"
        self.app.notify(f"Search mode: {MODE_LABELS[self.mode]}", timeout=3)
        value = self.query_one(Input).value
        if value:
            self.show_results(value)

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option = event.option
        self.query_one(MatchRoute).show_route(
            option.result if isinstance(option, ResultOption) else None
        )

    def action_leave(self) -> None:
        """Close the results and give focus back to the panes."""
        self._close()
        self.screen.focus_next()

    def _close(self) -> None:
        self._generation += 1  # a page still being looked for is not wanted any more
        self._loading = self._open_when_found = False
        self.results.display = False
        self.query_one(MatchRoute).display = False

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        highlighted = self.results.highlighted
        if self.results.display and highlighted is not None:
            self._open(self.results.get_option_at_index(highlighted))
        elif self.results.display and self._loading and self._fetched == 0:
            self._open_when_found = True  # typed and Enter at once: the best passage hit
        elif self.results.display:
            self.app.bell()  # "no match": nothing to open

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option)

    def _open(self, option: Option) -> None:
        library = self.library
        if isinstance(option, MoreOption):
            self._load_more()
            return
        if isinstance(option, NoteOption):
            self._close()
            self.post_message(EntitySelected(option.note_id))
            return
        if not isinstance(option, ResultOption) or library is None:
            return
        result = option.result
        self._close()
        passage = library.passage(result.passage) if result.passage else None
        if result.type == "passage" and passage is not None:
            start, end = absolute_span(result, passage["start"])
            found = Location(passage["source"], passage["id"], start, end, role="match")
            self.post_message(LocationRequested(found))
        else:
            self.post_message(EntitySelected(result.id))
