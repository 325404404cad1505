"""The detail pane: an entity with its names, facts and sources; Enter on a fact opens its quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kazsec.kb.dates import format_tenure
from kazsec.show import RELATION_WORDS
from kazsec.tui.messages import EntitySelected, LocationRequested, QuoteRequested

if TYPE_CHECKING:
    from kazsec.library import Library


@dataclass
class Fact:
    """One selectable line: its text and what Enter does with it."""

    prompt: Text
    citations: list[dict[str, Any]] = field(default_factory=list)
    opens: str | None = None  # an entity id to open instead
    side_by_side: bool = False
    mention: dict[str, Any] | None = None


def _marker(citations: list[dict[str, Any]]) -> Text:
    sources = sorted({c["source"] for c in citations})
    return Text(f"  [{len(citations)} quote{'s' if len(citations) != 1 else ''}{' · ' + str(len(sources)) + ' sources' if len(sources) > 1 else ''}]", style="cyan")


def _line(label: str, body: str | Text, citations: list[dict[str, Any]] | None = None) -> Text:
    line = Text(f"{label:<10}", style="bold")
    line.append_text(body if isinstance(body, Text) else Text(body))
    if citations:
        line.append_text(_marker(citations))
    return line


def source_header(record: dict[str, Any]) -> Text:
    """What is known about a source document, unknowns left unknown."""
    text = Text.assemble((record.get("title") or f"Untitled {record['kind']}", "bold"), (f"  source · {record['id']}", "dim"))
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


def facts_for(library: Library, found: dict[str, Any]) -> list[Fact]:
    """The selectable facts of a dossier, each with its citations."""
    record, kind, names = found["record"], found["kind"], library.names
    facts: list[Fact] = []
    if kind == "event":
        facts.append(Fact(_line("date", library.event_date(record), record["cite"]), record["cite"]))
        if record["summary"]:
            facts.append(Fact(_line("summary", Text.assemble(record["summary"], (" (curator)", "dim")), record["cite"]), record["cite"]))
        for entity_id in record["people"] + record["bodies"]:
            facts.append(Fact(_line("involved", names.get(entity_id, entity_id)), opens=entity_id))
    for alias in record.get("aliases", []):
        facts.append(Fact(_line("written", alias["name"], alias["cite"]), alias["cite"]))
    # Forms no source uses (standard spellings, Russian and Kazakh Cyrillic): the curator's.
    curated = [(record.get("standard_name", ""), "standard"), (record.get("native_ru", ""), "ru"), (record.get("native_kk", ""), "kk")]
    curated += [(alias, "") for alias in record.get("curator_aliases", [])]
    for value, tag in curated:
        if value:
            facts.append(Fact(_line("also", Text.assemble(value, (f"  {tag + ', ' if tag else ''}curator", "dim")))))
    for title in record.get("titles", []):
        facts.append(Fact(_line("title", title["title"], title["cite"]), title["cite"]))
    if record.get("parent"):
        facts.append(Fact(_line("part of", names.get(record["parent"], record["parent"]), record["parent_cite"]), record["parent_cite"]))
    for unit in found.get("units", []):
        facts.append(Fact(_line("unit", unit["name"], unit["parent_cite"]), unit["parent_cite"]))
    for position in found.get("positions", []):
        other = position["person"] if kind == "agency" else position["body"]
        holder = names.get(other, other)
        body = Text(position["post"] + ("" if not holder or holder in position["post"] else f", {holder}"))
        body.append(f"  {format_tenure(position['start'], position['end'])}", style="green")
        if position["end_reason"]:
            body.append(f" ({position['end_reason']})", style="yellow")
        facts.append(Fact(_line("position", body, position["cite"]), position["cite"]))
    for relation in record.get("relations", []):
        words = RELATION_WORDS.get(relation["type"], relation["type"])
        facts.append(Fact(_line("relation", f"{words} {names.get(relation['target'], relation['target'])}", relation["cite"]), relation["cite"]))
    own = [c for relation in record.get("relations", []) for c in relation["cite"]]
    for relation in found.get("related_from", []):
        if not any(c in own for c in relation["cite"]):
            words = RELATION_WORDS.get(relation["type"], relation["type"])
            facts.append(Fact(_line("relation", f"{names.get(relation['from'], relation['from'])} is {words} this", relation["cite"]), relation["cite"]))
    for event in found.get("events", []):
        body = Text.assemble((f"{library.event_date(event)}  ", "green"), event["title"])
        facts.append(Fact(_line("event", body, event["cite"]), event["cite"]))
    for conflict in found.get("conflicts", []):
        cited = [c for reading in conflict["readings"] for c in reading["cite"]]
        body = Text(" ≠ ".join(r["reading"] for r in conflict["readings"]), style="yellow")
        facts.append(Fact(_line("disagree", body, cited), cited, side_by_side=True))
    for source, count in found.get("mentions_by_source", {}).items():
        first = next((m for m in library.mentions_by_entity.get(record["id"], []) if m["source"] == source), None)
        body = Text.assemble(library.source_label(source), (f"  {count} mention{'s' if count != 1 else ''}", "cyan"))
        facts.append(Fact(_line("mentioned", body), mention=first))
    return facts


class DetailPane(Vertical):
    """Who or what is selected, and every fact about it with a way to its quote."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library: Library | None = None
        self.entity_id: str | None = None
        self._facts: list[Fact] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Search a name above, or pick one from the lists on the left.", style="dim"), id="detail-header")
        yield OptionList(id="facts")

    def show(self, library: Library, entity_id: str) -> None:
        """Show an entity (person, body, event or source)."""
        self.library, self.entity_id = library, entity_id
        found = library.dossier(entity_id)
        self.query_one("#detail-header", Static).update(header_text(found["kind"], found["record"]))
        self._facts = facts_for(library, found) if found["kind"] != "source" else []
        facts = self.query_one("#facts", OptionList)
        facts.clear_options()
        facts.add_options(Option(fact.prompt, id=f"fact-{n}") for n, fact in enumerate(self._facts))
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
