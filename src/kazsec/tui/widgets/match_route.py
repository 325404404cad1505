"""The line between the search field and its results that says how the highlighted result matched.

'Масимова → Масимов (Russian genitive) → Massimov': a researcher sees whether a name was
found as written, through a case ending, another language's spelling, the other keyboard
layout or a typo, before opening it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

if TYPE_CHECKING:
    from kazsec.search import SearchResult


class MatchRoute(Static):
    """How the highlighted search result was reached; hidden when there is nothing to say."""

    DEFAULT_CSS = """
    MatchRoute {
        display: none;
        overlay: screen;
        constrain: none inside;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        text-style: italic;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_route(self, result: SearchResult | None) -> None:
        """Say how `result` matched (None, or a result with no route: hide the line)."""
        from kazsec.render.search import how_text

        if result is None or not result.how or result.type == "passage":
            self.display = False
            return
        self.update(how_text(result))
        self.display = True
