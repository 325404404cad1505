"""`kazsec show`: a dossier as rich text, every fact with a numbered citation below it.

Source text and curated values are always `Text`, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from kazsec.kb.dates import format_date, format_span, format_tenure
from kazsec.safe_text import make_control_chars_visible

RELATION_WORDS = {
    "replaced": "replaced", "replaced_by": "replaced by", "nephew_of": "nephew of", "classmate_of": "classmate of",
    "close_to": "close to", "proxy_of": "proxy of", "relative_of": "relative of", "subordinate_of": "subordinate of",
    "accused_by": "accused by", "arrested_by": "arrested by", "cited_by": "cited by",
}


class Citations:
    """Numbers citations in order of appearance and renders the list."""

    def __init__(self) -> None:
        self.cited: list[dict[str, Any]] = []

    def mark(self, citations: list[dict[str, Any]]) -> Text:
        """' [1][2]' for a fact's citations (registered on first sight)."""
        marker = Text()
        for citation in citations:
            if citation not in self.cited:
                self.cited.append(citation)
            marker.append(f"[{self.cited.index(citation) + 1}]", style="cyan")
        return Text(" ").append_text(marker) if citations else marker

    def render(self) -> Text:
        out = Text()
        for number, citation in enumerate(self.cited, start=1):
            out.append(f"[{number}] ", style="cyan")
            out.append(f"{citation['passage']}  ", style="dim")
            # Context stops at the passage edge: the neighbouring paragraph is not part of the quote's sentence.
            out.append("…" + make_control_chars_visible(citation["prefix"].rsplit("\n", 1)[-1][-20:]), style="dim")
            out.append(make_control_chars_visible(citation["exact"]), style="bold")
            out.append(make_control_chars_visible(citation["suffix"].split("\n", 1)[0][:20]) + "…\n", style="dim")
        return out


def _line(label: str, body: Text) -> Text:
    return Text(f"{label}: ", style="bold").append_text(body)


def _names(record: dict[str, Any], cites: Citations) -> Text:
    out = Text()
    for alias in record.get("aliases", []):
        out.append(alias["name"]).append_text(cites.mark(alias["cite"])).append(", ")
    curated = [(record.get("standard_name", ""), "standard"), (record.get("native_ru", ""), "ru"), (record.get("native_kk", ""), "kk")]
    curated += [(alias, "") for alias in record.get("curator_aliases", [])]
    for value, tag in curated:
        if value:
            out.append(value).append(f" ({tag + ', ' if tag else ''}curator)", style="dim").append(", ")
    out.rstrip()
    if out.plain.endswith(","):
        out.right_crop(1)
    return out


def render_dossier(dossier: dict[str, Any]) -> RenderableType:
    """The dossier of a person, body, event or source as one renderable."""
    record, kind, names = dossier["record"], dossier["kind"], dossier["names"]
    cites = Citations()
    parts: list[RenderableType] = []
    title = record.get("name") or record.get("title") or record["id"]
    parts.append(Text.assemble((title, "bold"), (f"  {kind} · {record['id']}", "dim")))
    if kind == "source":
        for key in ("publisher", "author", "date", "kind", "format", "passage_count", "sha256", "notes"):
            if record.get(key) not in ("", None):
                parts.append(_line(key, Text(str(record[key]))))
        return Group(*parts)
    if record.get("description"):
        parts.append(Text.assemble(record["description"], (" (curator)", "dim")))
    if kind == "event":
        parts.append(_line("date", Text(format_span(record["date"], record["date_end"]))).append_text(cites.mark(record["cite"])))
        if record["summary"]:
            parts.append(Text.assemble(record["summary"], (" (curator)", "dim")))
        involved = [names.get(i, i) for i in record["people"] + record["bodies"]]
        if involved:
            parts.append(_line("involved", Text(", ".join(involved))))
    else:
        parts.append(_line("also written", _names(record, cites)))
    for title_fact in record.get("titles", []):
        parts.append(_line("title", Text(title_fact["title"]).append_text(cites.mark(title_fact["cite"]))))
    if record.get("parent"):
        parts.append(_line("part of", Text(names.get(record["parent"], record["parent"])).append_text(cites.mark(record["parent_cite"]))))
    for unit in dossier.get("units", []):
        parts.append(_line("unit", Text(unit["name"]).append_text(cites.mark(unit["parent_cite"]))))
    for position in dossier.get("positions", []):
        holder = names.get(position["person"], position["person"]) if kind == "agency" else names.get(position["body"], position["body"])
        redundant = not holder or holder in position["post"]
        line = Text(position["post"] + ("" if redundant else f", {holder}"))
        line.append(f"  {format_tenure(position['start'], position['end'])}", style="green")
        if position["end_reason"]:
            line.append(f" ({position['end_reason']})", style="yellow")
        parts.append(_line("position", line.append_text(cites.mark(position["cite"]))))
    for relation in record.get("relations", []):
        words = RELATION_WORDS.get(relation["type"], relation["type"])
        parts.append(_line("relation", Text(f"{words} {names.get(relation['target'], relation['target'])}").append_text(cites.mark(relation["cite"]))))
    own = [c for relation in record.get("relations", []) for c in relation["cite"]]
    for relation in dossier.get("related_from", []):
        if any(c in own for c in relation["cite"]):
            continue  # the same statement, seen from the other side
        words = RELATION_WORDS.get(relation["type"], relation["type"])
        parts.append(_line("relation", Text(f"{names.get(relation['from'], relation['from'])} is {words} this").append_text(cites.mark(relation["cite"]))))
    for event in dossier.get("events", []):
        line = Text(format_date(event["date"]), style="green").append(f"  {event['title']}")
        parts.append(_line("event", line.append_text(cites.mark(event["cite"]))))
    for conflict in dossier.get("conflicts", []):
        parts.append(_line("sources disagree", Text(conflict["summary"] or conflict["id"])))
        for reading in conflict["readings"]:
            parts.append(Text("  • ").append(reading["reading"]).append_text(cites.mark(reading["cite"])))
    mentions = dossier.get("mentions_by_source", {})
    if mentions:
        parts.append(_line("mentioned in", Text(", ".join(f"{source} ({count})" for source, count in mentions.items()))))
    if cites.cited:
        parts.append(Text("\nsources", style="bold"))
        parts.append(cites.render())
    return Group(*parts)
