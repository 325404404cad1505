"""The detail pane: an entity with its names, facts and sources; Enter on a fact opens its quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kazsec.model import Location
from kazsec.render.dossier import fact_prompt, header_text, spellings_prompt
from kazsec.render.lists import dim_line
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested
from kazsec.tui.widgets.steady_list import SteadyOptionList

if TYPE_CHECKING:
    from kazsec.library import EntityView, FactRow


class FactOption(Option):
    """A fact row of the list, carrying the fact it shows."""

    def __init__(self, row: FactRow) -> None:
        super().__init__(fact_prompt(row))
        self.row = row


class SpellingsOption(Option):
    """Every spelling on one row; Enter unfolds them into rows of their own (and folds back)."""

    def __init__(self, rows: list[FactRow], unfolded: bool) -> None:
        super().__init__(spellings_prompt(rows, unfolded))
        self.rows = rows


class DetailPane(Vertical):
    """Who or what is selected, and every fact about it with a way to its quote."""

    DEFAULT_CSS = """
    DetailPane #detail-header { height: auto; max-height: 5; padding: 0 1; }
    /* One line a fact, so the label always shows and more facts fit; the reader has it all. */
    DetailPane #facts { height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entity_id: str | None = None
        self.view: EntityView | None = None
        self.unfolded = False  # spellings shown one per row

    def compose(self) -> ComposeResult:
        hint = "Search a name above (or just type it), or pick one from the lists on the left."
        yield Static(dim_line(hint), id="detail-header")
        yield SteadyOptionList(id="facts")

    def show(self, view: EntityView) -> None:
        """Show an entity (person, body, event or source), its spellings folded."""
        self.entity_id = view.record["id"]
        self.view = view
        self.unfolded = False
        self.query_one("#detail-header", Static).update(header_text(view))
        self._fill(0)
        self.border_title = view.kind

    def _fill(self, highlighted: int) -> None:
        assert self.view is not None
        facts = self.query_one("#facts", OptionList)
        facts.clear_options()
        spellings = [row for row in self.view.facts if row.group == "spellings"]
        options: list[Option] = []
        for row in self.view.facts:
            if row.group == "spellings" and not self.unfolded:
                if row is spellings[0]:  # the folded row stands where the spellings begin
                    options.append(SpellingsOption(spellings, unfolded=False))
                continue
            if row.group == "spellings" and row is spellings[0]:
                options.append(SpellingsOption(spellings, unfolded=True))
            options.append(FactOption(row))
        facts.add_options(options)
        facts.highlighted = min(highlighted, len(options) - 1) if options else None

    def highlighted_fact(self) -> FactRow | None:
        """The fact under the cursor, if the cursor is on one."""
        facts = self.query_one("#facts", OptionList)
        if facts.highlighted is None:
            return None
        option = facts.get_option_at_index(facts.highlighted)
        return option.row if isinstance(option, FactOption) else None

    @on(OptionList.OptionSelected, "#facts")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option, SpellingsOption):
            self.unfolded = not self.unfolded
            self._fill(event.option_index)
            return
        if not isinstance(event.option, FactOption):
            return
        fact = event.option.row
        if fact.opens:
            self.post_message(EntitySelected(fact.opens))
        elif fact.mention:
            self.post_message(LocationRequested(Location.of(fact.mention, role="mention")))
        elif fact.citations:
            self.post_message(
                QuoteRequested(
                    fact.citations, side_by_side=fact.side_by_side, captions=fact.captions
                )
            )
