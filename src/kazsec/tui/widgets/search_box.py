"""The search box: results on every keystroke, grouped by kind, matched characters highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kazsec.model import KIND_PLURALS, SEARCH_KINDS, Location
from kazsec.render.text import inert
from kazsec.tui.messages import EntitySelected, LocationRequested

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.search import SearchResult

PER_GROUP = 8  # results shown per kind
NAME_KINDS = ("person", "agency", "event", "source")


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


class ResultOption(Option):
    """A search result of the list, carrying the result it shows."""

    def __init__(self, result: SearchResult) -> None:
        from kazsec.render.search import result_prompt  # with the first results, not at start

        super().__init__(result_prompt(result))
        self.result = result


def shown_inert(field: Input) -> bool:
    """Replace control characters pasted into a field by their pictures; True if any were."""
    value = inert(field.value)
    if value == field.value:
        return False
    field.value = value  # one character for one: the cursor stays where it was
    return True


def _heading(text: str, style: str) -> Option:
    return Option(Text(text, style=style), disabled=True)


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
    ]

    def compose(self) -> ComposeResult:
        placeholder = "/ search: Masimov, Масимов, Мәсімов, KNB, secret courts…"
        yield SearchInput(placeholder=placeholder, id="search-input", compact=True)
        yield OptionList(id="search-results")

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
        """Replace the result list with the results for `query`."""
        results_list = self.results
        results_list.clear_options()
        library = self.library
        if not query.strip() or library is None:
            results_list.display = False
            return
        # One or two letters name people and bodies; passage text is searched from three on.
        types = None if len(query.strip()) >= 3 else NAME_KINDS
        found = library.engine.search(query, types=types, limit=30, passage_limit=PER_GROUP)
        shown = [r for r in found if r.confident]
        options: list[Option] = []
        if not shown:
            from kazsec.render.search import no_match_text

            options.append(Option(no_match_text(query), disabled=True))
            shown = [r for r in found if r.type != "passage" and r.score >= 60][:5]
            if shown:
                options.append(_heading("closest guesses (not the same name):", "dim italic"))
        for kind in SEARCH_KINDS:
            group = [r for r in shown if r.type == kind][:PER_GROUP]
            if group:
                options.append(_heading(f"{KIND_PLURALS[kind]} ({len(group)})", "bold underline"))
                options += [ResultOption(result) for result in group]
        results_list.add_options(options)
        results_list.display = True
        # With no match, nothing is highlighted: Enter must not open a guess (Tokarev is not
        # Tokayev); a guess opens only when the cursor is moved onto it.
        first = next((i for i, o in enumerate(results_list.options) if not o.disabled), None)
        results_list.highlighted = first if any(r.confident for r in found) else None

    def action_cursor(self, step: int) -> None:
        if self.results.display:
            (self.results.action_cursor_down if step > 0 else self.results.action_cursor_up)()

    def action_leave(self) -> None:
        """Close the results and give focus back to the panes."""
        self.results.display = False
        self.screen.focus_next()

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        highlighted = self.results.highlighted
        if self.results.display and highlighted is not None:
            self._open(self.results.get_option_at_index(highlighted))
        elif self.results.display:
            self.app.bell()  # "no match": nothing to open

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option)

    def _open(self, option: Option) -> None:
        library = self.library
        if not isinstance(option, ResultOption) or library is None:
            return
        result = option.result
        self.results.display = False
        passage = library.passage(result.passage) if result.passage else None
        if result.type == "passage" and passage is not None:
            start, end = _absolute(result, passage["start"])
            found = Location(passage["source"], passage["id"], start, end, role="match")
            self.post_message(LocationRequested(found))
        else:
            self.post_message(EntitySelected(result.id))


def _absolute(result: SearchResult, passage_start: int) -> tuple[int | None, int | None]:
    """The first highlighted span of a passage hit, as offsets into its source's text."""
    if not result.spans:
        return None, None
    start, end = result.spans[0]
    base = passage_start + result.offset
    return base + start, base + end
