"""A person's, body's or event's dossier as a document: every fact with numbered footnotes.

The facts are the very rows `kazsec show` and the explorer show (library.facts); this
module only sorts them into sections (facts, disagreements with every reading, mentions,
the user's notes) and numbers the quotes behind them in order of first appearance. The
Markdown is written here, the HTML in dossier_html, both from the same `DossierDoc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kazsec.dates import format_date
from kazsec.errors import LookupFailed
from kazsec.kinds import KIND_LABELS, source_label

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from kazsec.export.csl import Only
    from kazsec.library import FactRow, Library

DOSSIER_KINDS = ("person", "agency", "event")


@dataclass(frozen=True)
class Footnote:
    """One quote behind a fact, and where it stands."""

    number: int
    exact: str
    source_id: str
    title: str
    publisher: str
    date: str  # as precisely as known, or "date not stated"
    passage: str
    url: str


@dataclass
class Line:
    """A fact (or a reading, or a note) and the numbers of its footnotes."""

    label: str
    text: str
    when: str = ""
    note: str = ""
    marks: list[int] = field(default_factory=list)


@dataclass
class Disagreement:
    """Sources that disagree: what about, then every reading with its footnotes."""

    summary: str
    readings: list[Line]


@dataclass
class DossierDoc:
    """What a dossier file says, in the order it says it."""

    entity_id: str
    kind: str
    title: str
    description: str
    facts: list[Line]
    disagreements: list[Disagreement]
    mentioned: list[Line]
    notes: list[Line]
    footnotes: list[Footnote]


class _Numbering:
    """Footnote numbers by first appearance; the same quote cited twice keeps its number."""

    def __init__(self, sources: Mapping[str, Any]) -> None:
        self.sources = sources
        self.footnotes: list[Footnote] = []
        self._numbers: dict[tuple[str, str, int, int, str], int] = {}

    def marks(self, citations: Sequence[Mapping[str, Any]]) -> list[int]:
        found = []
        for cited in citations:
            key = (cited["source"], cited["passage"], cited["start"], cited["end"], cited["exact"])
            if key not in self._numbers:
                self._numbers[key] = len(self.footnotes) + 1
                self.footnotes.append(self._footnote(self._numbers[key], cited))
            if self._numbers[key] not in found:
                found.append(self._numbers[key])
        return found

    def _footnote(self, number: int, cited: Mapping[str, Any]) -> Footnote:
        source = self.sources.get(cited["source"])
        if source is None:  # a note on a source no longer in the store: say only what is known
            return Footnote(
                number, cited["exact"], cited["source"], cited["source"], "", "", "", ""
            )
        date = format_date(source["date"]) if source["date"] else "date not stated"
        return Footnote(
            number,
            cited["exact"],
            source["id"],
            source_label(source),
            source["publisher"],
            date,
            cited["passage"],
            source.get("url", ""),
        )


def _kept(
    citations: Sequence[Mapping[str, Any]], sources: Mapping[str, Any], only: Only
) -> list[Mapping[str, Any]]:
    # A quote from a source the store no longer holds is neither bundled nor yours.
    if only is None:
        return list(citations)
    wanted = only == "yours"
    return [
        c
        for c in citations
        if c["source"] in sources and bool(sources[c["source"]]["yours"]) == wanted
    ]


def _line(row: FactRow, numbering: _Numbering, citations: Sequence[Any]) -> Line:
    return Line(row.label, row.text, row.when, row.note, numbering.marks(citations))


def dossier_doc(library: Library, entity_id: str, only: Only = None) -> DossierDoc:
    """The dossier of a person, body or event; with `only`, the quotes of bundled sources or
    of yours alone (a fact left with no quote is left out)."""
    kind, record = library.record(entity_id)
    if kind not in DOSSIER_KINDS:
        raise LookupFailed(f"{entity_id!r} is a {kind}; a dossier is of a person, body or event")
    view = library.view(entity_id)
    sources = library.sources
    numbering = _Numbering(sources)
    facts: list[Line] = []
    disagreements: list[Disagreement] = []
    mentioned: list[Line] = []
    for row in view.facts:
        cited = _kept(row.citations, sources, only)
        if row.citations and not cited:
            continue  # every quote behind it is from sources the filter leaves out
        if row.label == "disagree":
            disagreements.append(Disagreement(row.note, []))
        elif row.label == "reading" and disagreements:
            disagreements[-1].readings.append(_line(row, numbering, cited))
        elif row.label == "note":
            continue  # the notes are written whole below, not by their first line
        elif row.label == "mentioned":
            source = sources.get(row.mention["source"]) if row.mention else None
            if only is None or (source is not None and bool(source["yours"]) == (only == "yours")):
                mentioned.append(_line(row, numbering, []))
        else:
            facts.append(_line(row, numbering, cited))
    disagreements = [d for d in disagreements if d.readings]
    notes = _notes(library, entity_id, kind, numbering, only)
    title = str(record.get("name") or record.get("title") or entity_id)
    return DossierDoc(
        entity_id,
        kind,
        title,
        str(record.get("description", "")),
        facts,
        disagreements,
        mentioned,
        notes,
        numbering.footnotes,
    )


def _notes(
    library: Library, entity_id: str, kind: str, numbering: _Numbering, only: Only
) -> list[Line]:
    """The user's notes on an entry (as its detail lists them), each whole, with its quote."""
    from kazsec.library.note_views import STATUS_WORDS, note_citation

    lines = []
    for found in library.notes_about(entity_id):
        cited = note_citation(found)
        kept = _kept([cited] if cited else [], library.sources, only)
        if only is not None and not kept:
            continue
        tags = ", ".join(f"#{tag}" for tag in found.note.tags)
        status = STATUS_WORDS.get(found.status, found.status)
        text = found.note.text.strip() or f"on “{found.note.quote.strip()}”"
        note = "; ".join(part for part in (tags, status) if part)
        lines.append(Line("note", text, found.note.created[:10], note, numbering.marks(kept)))
    return lines


def dossier_filename(entity_id: str, form: str = "md") -> str:
    """A file name for an entry's dossier: its id, with anything a file name should not
    hold (a slash, a leading dot) made a dash."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", entity_id).strip(".-")[:120] or "entry"
    return f"{stem}.dossier.{form}"


def write_dossier(library: Library, entity_id: str, folder: Path) -> Path:
    """Write an entry's Markdown dossier into `folder` (made if missing), whole or not at
    all; the file written."""
    from kazsec.store.atomic import atomic_write_text

    text = markdown(dossier_doc(library, entity_id))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / dossier_filename(entity_id)
    atomic_write_text(path, text)
    return path


# -- Markdown ---------------------------------------------------------------------------

# What Markdown (and the HTML a Markdown reader passes through) would act on: escaped with
# a backslash, so a name like "<script>" or "*x*" is shown as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_PLAIN_URL = re.compile(r"^https?://[^\s<>\\]+$")


def md(text: str) -> str:
    """Data as inert Markdown on one line: specials backslash-escaped, whitespace folded."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_line(line: Line, label: bool = True) -> str:
    words = f"**{md(line.label)}** " if label else ""
    words += md(line.text)
    if line.when:
        words += f", {md(line.when)}"
    if line.note:
        words += f" ({md(line.note)})"
    return words + "".join(f"[^{n}]" for n in line.marks)


def footnote_words(note: Footnote) -> str:
    """A footnote's words as plain text: “quote” — title, publisher, date, passage, URL."""
    parts = [
        note.title,
        note.publisher,
        note.date,
        f"passage {note.passage}" if note.passage else "",
    ]
    reference = ", ".join(p for p in parts if p)
    return f"“{' '.join(note.exact.split())}” — {reference}"


def markdown(doc: DossierDoc) -> str:
    """The dossier as Markdown with [^n] footnotes (pandoc, GitHub and most editors read it)."""
    kind = KIND_LABELS.get(doc.kind, doc.kind)  # type: ignore[call-overload]
    out = [f"# {md(doc.title)}", "", f"{md(kind)} · `{doc.entity_id}`", ""]
    if doc.description:
        out += [f"{md(doc.description)} (curator)", ""]
    if doc.facts:
        out += ["## Facts", "", *(f"- {_md_line(line)}" for line in doc.facts), ""]
    if doc.disagreements:
        out += ["## Disagreements", ""]
        for found in doc.disagreements:
            out.append(f"- {md(found.summary) or 'The sources disagree'}")
            out += [f"  - {_md_line(reading, label=False)}" for reading in found.readings]
        out.append("")
    if doc.mentioned:
        out += ["## Mentioned in", "", *(f"- {_md_line(line, False)}" for line in doc.mentioned)]
        out.append("")
    out += ["## Your notes", ""]
    out += [f"- {_md_line(line, False)}" for line in doc.notes] or ["No notes on this entry."]
    out.append("")
    if doc.footnotes:
        out += ["## Sources", ""]
        for note in doc.footnotes:
            # A link only for a plain web address; anything else is shown as words.
            url = (
                f", <{note.url}>"
                if _PLAIN_URL.match(note.url)
                else (note.url and f", {md(note.url)}")
            )
            out.append(f"[^{note.number}]: {md(footnote_words(note))}{url}")
        out.append("")
    return "\n".join(out)


__all__ = [
    "DOSSIER_KINDS",
    "Disagreement",
    "DossierDoc",
    "Footnote",
    "Line",
    "dossier_doc",
    "dossier_filename",
    "footnote_words",
    "markdown",
    "md",
    "write_dossier",
]
