"""The search box: results on every keystroke, grouped by kind, matched characters highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from rich.text import Text

from kazsec.location import Location
from kazsec.safe_text import make_control_chars_visible
from kazsec.tui.messages import EntitySelected, LocationRequested

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.search import SearchResult

PER_GROUP = 8  # results shown per kind
GROUPS = (("person", "People"), ("agency", "Bodies"), ("event", "Events"), ("source", "Sources"), ("passage", "Passages"))


def result_prompt(result: SearchResult) -> Text:
    """One result line: the matched text with its spans highlighted, and what it belongs to."""
    matched = Text(make_control_chars_visible(result.matched.replace("\n", " ")), no_wrap=True, overflow="ellipsis")
    for start, end in result.spans:
        matched.stylize("bold reverse", start, end)
    if result.type == "passage":
        return Text.assemble((f"{result.name}  ", "dim"), matched)
    if result.matched != result.name:
        matched.append(f"  → {result.name}", style="dim")
    return matched


class SearchBox(Vertical):
    """Type a name in any spelling or script; Enter opens the highlighted result."""

    BINDINGS = [
        Binding("down", "cursor(1)", "Next result", show=False),
        Binding("up", "cursor(-1)", "Previous result", show=False),
        Binding("escape", "leave", "Leave search"),
    ]

    def __init__(self, library: Library | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library = library
        self._results: dict[str, SearchResult] = {}

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ search: Masimov, Масимов, Мәсімов, KNB, secret courts…", id="search-input", compact=True)
        yield OptionList(id="search-results")

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def set_library(self, library: Library) -> None:
        """Start searching this library (the index is built in the app's loader)."""
        self.library = library
        value = self.query_one(Input).value
        if value:
            self.show_results(value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        """Replace the result list with the results for `query`."""
        results_list = self.results
        results_list.clear_options()
        self._results.clear()
        if not query.strip() or self.library is None:
            results_list.display = False
            return
        # One or two letters name people and bodies; passage text is searched from three on.
        types = None if len(query.strip()) >= 3 else ("person", "agency", "event", "source")
        found = self.library.engine.search(query, types=types, limit=30, passage_limit=PER_GROUP)
        confident = [r for r in found if r.confident]
        options: list[Option | None] = []
        shown = confident
        if not confident:
            options.append(Option(Text(f"no match for {query!r}", style="bold"), disabled=True))
            shown = [r for r in found if r.type != "passage" and r.score >= 60][:5]
            if shown:
                options.append(Option(Text("closest guesses (not the same name):", style="dim italic"), disabled=True))
        for kind, title in GROUPS:
            group = [r for r in shown if r.type == kind][:PER_GROUP]
            if group:
                options.append(Option(Text(f"{title} ({len(group)})", style="bold underline"), disabled=True))
                for number, result in enumerate(group):
                    option_id = f"{kind}-{number}"
                    self._results[option_id] = result
                    options.append(Option(result_prompt(result), id=option_id))
        results_list.add_options(options)
        results_list.display = True
        first = next((i for i, o in enumerate(results_list.options) if not o.disabled), None)
        results_list.highlighted = first

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
            self._open(self.results.get_option_at_index(highlighted).id)

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        result = self._results.get(option_id or "")
        if result is None or self.library is None:
            return
        self.results.display = False
        if result.type == "passage" and result.passage:
            passage = self.library.passages[result.passage]
            self.post_message(LocationRequested(Location(passage["source"], passage["id"], *self._absolute(result, passage))))
        else:
            self.post_message(EntitySelected(result.id))

    @staticmethod
    def _absolute(result: SearchResult, passage: dict) -> tuple[int | None, int | None]:
        """The first highlighted span of a passage hit, as offsets into its source's text."""
        if not result.spans:
            return None, None
        start, end = result.spans[0]
        base = passage["start"] + result.offset
        return base + start, base + end
