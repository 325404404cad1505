"""An entity as text: its header, its fact rows, and `kazsec show`'s numbered citations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.text import Text

from kazsec.model import KIND_LABELS, Citation, source_label
from kazsec.render.text import data_text, inert

if TYPE_CHECKING:  # only types: rendering must not load the read model before the first frame
    from kazsec.library import EntityView, FactRow

NOTE_STYLES = {"end": "yellow", "curator": "dim", "summary": "dim italic", "count": "cyan"}
SOURCE_FIELDS = (
    "publisher",
    "author",
    "date",
    "url",
    "kind",
    "format",
    "passage_count",
    "sha256",
    "notes",
)


def row_text(row: FactRow) -> Text:
    """A fact row as Text: its words, dates in green, its note styled by what it is."""
    text = data_text(row.text)
    if row.when:
        text.append(f"  {row.when}", style="green")
    if row.note:
        text.append(f" ({inert(row.note)})", style=NOTE_STYLES.get(row.note_kind, "dim"))
    return text


def quote_marker(citations: Sequence[Citation]) -> Text:
    """'[2 quotes · 2 sources]': how many quotes stand behind a fact, and from how many sources."""
    sources = {c["source"] for c in citations}
    plural = "s" if len(citations) != 1 else ""
    also = f" · {len(sources)} sources" if len(sources) > 1 else ""
    return Text(f"  [{len(citations)} quote{plural}{also}]", style="cyan")


def fact_prompt(row: FactRow) -> Text:
    """One row of the detail pane's fact list: label, the fact, the quotes behind it."""
    line = Text(f"{row.label:<10}", style="bold").append_text(row_text(row))
    return line.append_text(quote_marker(row.citations)) if row.citations else line


def spellings_prompt(rows: Sequence[FactRow], unfolded: bool) -> Text:
    """Every spelling of an entry on one row (the curator's marked as such)."""
    line = Text(f"{'spellings':<10}", style="bold")
    for number, row in enumerate(rows):
        if number:
            line.append(" · ", style="dim")
        line.append_text(row_text(row))
    cited = sum(len(row.citations) for row in rows)
    if cited:  # not quote_marker's "[… · 2 sources]": this row opens no quote, it unfolds
        line.append(f"  [{cited} quoted]", style="cyan")
    hint = "Enter: fold" if unfolded else f"{len(rows)}, Enter: one per row"
    return line.append(f"  ({hint})", style="dim italic")


def title_line(kind: str, record: Mapping[str, Any]) -> Text:
    """Name (or title), kind and id."""
    title = record.get("name") or record.get("title") or record["id"]
    label = KIND_LABELS.get(kind, kind)  # type: ignore[call-overload]
    return Text.assemble((inert(str(title)), "bold"), (f"  {label} · {inert(record['id'])}", "dim"))


def source_header(record: Mapping[str, Any]) -> Text:
    """What is known about a source document, unknowns left unknown."""
    text = Text.assemble(
        (inert(source_label(record)), "bold"), (f"  source · {inert(record['id'])}", "dim")
    )
    facts = [
        record.get("author", ""),
        record.get("publisher", ""),
        record.get("date", "") or "date not stated",
        record["kind"],
        f"{record['passage_count']} passages",
    ]
    text.append("\n" + inert(" · ".join(f for f in facts if f)))
    if record.get("notes"):
        text.append("\n" + inert(record["notes"]), style="dim")
    return text


def header_text(view: EntityView) -> Text:
    """The detail pane's header: name, kind, id and description (spellings are fact rows)."""
    if view.kind == "source":
        return source_header(view.record)
    text = title_line(view.kind, view.record)
    if view.record.get("description"):
        text.append("\n").append(inert(view.record["description"])).append(
            " (curator)", style="dim"
        )
    return text


class Citations:
    """Numbers citations in order of appearance and renders the list."""

    def __init__(self) -> None:
        self.cited: list[Citation] = []

    def mark(self, citations: Sequence[Citation]) -> Text:
        """' [1][2]' for a fact's citations (registered on first sight)."""
        marker = Text()
        for citation in citations:
            if citation not in self.cited:
                self.cited.append(citation)
            marker.append(f"[{self.cited.index(citation) + 1}]", style="cyan")
        return Text(" ").append_text(marker) if citations else marker

    def render(self) -> Text:
        """Every citation, numbered, the quote in bold within a little context."""
        out = Text()
        for number, citation in enumerate(self.cited, start=1):
            out.append(f"[{number}] ", style="cyan")
            out.append(f"{inert(citation['passage'])}  ", style="dim")
            # Context stops at the passage edge: the next paragraph is not the quote's sentence.
            out.append("…" + inert(citation["prefix"].rsplit("\n", 1)[-1][-20:]), style="dim")
            out.append(inert(citation["exact"]), style="bold")
            out.append(inert(citation["suffix"].split("\n", 1)[0][:20]) + "…\n", style="dim")
        return out


def _line(label: str, body: Text) -> Text:
    return Text(f"{label}: ", style="bold").append_text(body)


def render_dossier(view: EntityView) -> RenderableType:
    """`kazsec show`: the entity, every fact with numbered citations, then the citations."""
    record, kind = view.record, view.kind
    parts: list[RenderableType] = [title_line(kind, record)]
    if kind == "source":
        parts += [
            _line(key, data_text(str(record[key])))
            for key in SOURCE_FIELDS
            if record.get(key) not in ("", None)
        ]
        if record.get("yours"):
            parts.append(_line("yours", Text("added by you (kazsec add)")))
    elif record.get("description"):
        parts.append(Text.assemble(inert(record["description"]), (" (curator)", "dim")))
    cites = Citations()
    parts += [
        _line(row.label, row_text(row).append_text(cites.mark(row.citations))) for row in view.facts
    ]
    if cites.cited:
        parts.append(Text("\nsources", style="bold"))
        parts.append(cites.render())
    return Group(*parts)
