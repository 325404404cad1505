"""The detail pane: an entity with its names, facts and sources; Enter on a fact opens its quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kazsec.model import Location
from kazsec.render.dossier import fact_prompt, header_text
from kazsec.render.lists import dim_line
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested

if TYPE_CHECKING:
    from kazsec.library import EntityView, FactRow


class FactOption(Option):
    """A fact row of the list, carrying the fact it shows."""

    def __init__(self, row: FactRow) -> None:
        super().__init__(fact_prompt(row))
        self.row = row


class DetailPane(Vertical):
    """Who or what is selected, and every fact about it with a way to its quote."""

    DEFAULT_CSS = """
    DetailPane #detail-header { height: auto; max-height: 5; padding: 0 1; }
    DetailPane #facts { height: 1fr; border: none; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entity_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            dim_line("Search a name above, or pick one from the lists on the left."),
            id="detail-header",
        )
        yield OptionList(id="facts")

    def show(self, view: EntityView) -> None:
        """Show an entity (person, body, event or source)."""
        self.entity_id = view.record["id"]
        self.query_one("#detail-header", Static).update(header_text(view))
        facts = self.query_one("#facts", OptionList)
        facts.clear_options()
        facts.add_options(FactOption(row) for row in view.facts)
        facts.highlighted = 0 if view.facts else None
        self.border_title = view.kind

    @on(OptionList.OptionSelected, "#facts")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if not isinstance(event.option, FactOption):
            return
        fact = event.option.row
        if fact.opens:
            self.post_message(EntitySelected(fact.opens))
        elif fact.mention:
            self.post_message(LocationRequested(Location.of(fact.mention)))
        elif fact.citations:
            self.post_message(QuoteRequested(fact.citations, side_by_side=fact.side_by_side))
