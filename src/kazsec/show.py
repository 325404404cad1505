"""`kazsec show`: a dossier as rich text, every fact with a numbered citation below it.

Source text and curated values are always `Text`, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from kazsec.facts import FactRow, fact_rows
from kazsec.safe_text import make_control_chars_visible


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


NOTE_STYLES = {"end": "yellow", "curator": "dim", "summary": "dim italic", "count": "cyan"}


def row_text(row: FactRow) -> Text:
    """A fact row as Text: its words, dates in green, its note styled by what it is."""
    text = Text(row.text)
    if row.when:
        text.append(f"  {row.when}", style="green")
    if row.note:
        text.append(f" ({row.note})", style=NOTE_STYLES.get(row.note_kind, "dim"))
    return text


def render_dossier(dossier: dict[str, Any]) -> RenderableType:
    """The dossier of a person, body, event or source as one renderable."""
    record, kind = dossier["record"], dossier["kind"]
    cites = Citations()
    title = record.get("name") or record.get("title") or record["id"]
    parts: list[RenderableType] = [Text.assemble((title, "bold"), (f"  {kind} · {record['id']}", "dim"))]
    if kind == "source":
        for key in ("publisher", "author", "date", "kind", "format", "passage_count", "sha256", "notes"):
            if record.get(key) not in ("", None):
                parts.append(_line(key, Text(str(record[key]))))
        return Group(*parts)
    if record.get("description"):
        parts.append(Text.assemble(record["description"], (" (curator)", "dim")))
    parts += [_line(row.label, row_text(row).append_text(cites.mark(row.citations))) for row in fact_rows(dossier)]
    if cites.cited:
        parts.append(Text("\nsources", style="bold"))
        parts.append(cites.render())
    return Group(*parts)
