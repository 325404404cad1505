"""The detail pane: an entity with its names, facts and sources; Enter on a fact opens its quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kazsec.facts import FactRow, fact_rows, source_label
from kazsec.show import row_text
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested

if TYPE_CHECKING:
    from kazsec.library import Library


def _marker(citations: list[dict[str, Any]]) -> Text:
    sources = sorted({c["source"] for c in citations})
    plural = "s" if len(citations) != 1 else ""
    also = f" · {len(sources)} sources" if len(sources) > 1 else ""
    return Text(f"  [{len(citations)} quote{plural}{also}]", style="cyan")


def fact_prompt(row: FactRow) -> Text:
    """One row of the fact list: label, the fact, and how many quotes stand behind it."""
    line = Text(f"{row.label:<10}", style="bold").append_text(row_text(row))
    return line.append_text(_marker(row.citations)) if row.citations else line


def source_header(record: dict[str, Any]) -> Text:
    """What is known about a source document, unknowns left unknown."""
    text = Text.assemble((source_label(record), "bold"), (f"  source · {record['id']}", "dim"))
    facts = [record.get("author", ""), record.get("publisher", ""), record.get("date", "") or "date not stated", record["kind"], f"{record['passage_count']} passages"]
    text.append("\n" + " · ".join(f for f in facts if f))
    if record.get("notes"):
        text.append("\n" + record["notes"], style="dim")
    return text


def header_text(kind: str, record: dict[str, Any]) -> Text:
    """Name, kind, id and description; the spellings are rows of the fact list below."""
    if kind == "source":
        return source_header(record)
    title = record.get("name") or record.get("title") or record["id"]
    text = Text.assemble((title, "bold"), (f"  {kind} · {record['id']}", "dim"))
    if record.get("description"):
        text.append("\n").append(record["description"]).append(" (curator)", style="dim")
    return text


class DetailPane(Vertical):
    """Who or what is selected, and every fact about it with a way to its quote."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library: Library | None = None
        self.entity_id: str | None = None
        self._facts: list[FactRow] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Search a name above, or pick one from the lists on the left.", style="dim"), id="detail-header")
        yield OptionList(id="facts")

    def show(self, library: Library, entity_id: str) -> None:
        """Show an entity (person, body, event or source)."""
        self.library, self.entity_id = library, entity_id
        found = library.dossier(entity_id)
        self.query_one("#detail-header", Static).update(header_text(found["kind"], found["record"]))
        self._facts = fact_rows(found)
        facts = self.query_one("#facts", OptionList)
        facts.clear_options()
        facts.add_options(Option(fact_prompt(row), id=f"fact-{n}") for n, row in enumerate(self._facts))
        facts.highlighted = 0 if self._facts else None
        self.border_title = found["kind"]

    @on(OptionList.OptionSelected, "#facts")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        fact = self._facts[int((event.option.id or "fact-0").removeprefix("fact-"))]
        if fact.opens:
            self.post_message(EntitySelected(fact.opens))
        elif fact.mention and self.library:
            self.post_message(LocationRequested(self.library.location_of(fact.mention)))
        elif fact.citations:
            self.post_message(QuoteRequested(fact.citations, side_by_side=fact.side_by_side))
