"""A dossier as one self-contained HTML file: inline CSS, no script, every data string escaped.

Everything that comes from the store or from the user's notes goes through `_e`
(html.escape, quotes too) before it meets markup; a URL becomes a link only when it is a
plain http(s) address, and is escaped as an attribute all the same.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from kazsec.kinds import KIND_LABELS

if TYPE_CHECKING:
    from kazsec.export.dossier import DossierDoc, Footnote, Line

_PLAIN_URL = re.compile(r"^https?://[^\s<>\"'\\]+$")

# Readable on screen and on paper: a narrow column, the footnotes smaller, the quotes marked.
STYLE = """
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fdfdfb;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.kind { color: #666; font-family: sans-serif; font-size: .9rem; }
.label { font-family: sans-serif; font-size: .8rem; color: #555; text-transform: uppercase;
  letter-spacing: .04em; margin-right: .4rem; }
.when { color: #2e6b30; }
.note { color: #666; font-style: italic; }
sup a { text-decoration: none; color: #0b5cad; padding: 0 .08rem; }
ol.footnotes { font-size: .9rem; }
ol.footnotes li { margin-bottom: .5rem; }
q { font-style: italic; }
.passage { font-family: monospace; font-size: .85rem; color: #555; }
@media print { a { color: inherit; } }
""".strip()


def _e(text: str) -> str:
    """Data as HTML text: every special character escaped, quotes included."""
    return escape(str(text), quote=True)


def _marks(numbers: list[int]) -> str:
    return "".join(
        f'<sup><a href="#fn-{n}" aria-label="source {n}">[{n}]</a></sup>' for n in numbers
    )


def _line(line: Line, label: bool = True) -> str:
    words = f'<span class="label">{_e(line.label)}</span>' if label else ""
    words += _e(line.text)
    if line.when:
        words += f', <span class="when">{_e(line.when)}</span>'
    if line.note:
        words += f' <span class="note">({_e(line.note)})</span>'
    return f"<li>{words}{_marks(line.marks)}</li>"


def _footnote(note: Footnote) -> str:
    parts = [f"<cite>{_e(note.title)}</cite>"]
    parts += [_e(part) for part in (note.publisher, note.date) if part]
    if note.passage:
        parts.append(f'passage <span class="passage">{_e(note.passage)}</span>')
    if _PLAIN_URL.match(note.url):
        parts.append(f'<a href="{_e(note.url)}">{_e(note.url)}</a>')
    elif note.url:
        parts.append(_e(note.url))
    quote = _e(" ".join(note.exact.split()))
    return f'<li id="fn-{note.number}"><q>{quote}</q> — {", ".join(parts)}</li>'


def html_page(doc: DossierDoc) -> str:
    """The dossier as a whole HTML page (the same sections and footnotes as the Markdown)."""
    kind = KIND_LABELS.get(doc.kind, doc.kind)  # type: ignore[call-overload]
    out = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(doc.title)} — kazsec dossier</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(doc.title)}</h1>",
        f'<p class="kind">{_e(kind)} · <code>{_e(doc.entity_id)}</code></p>',
    ]
    if doc.description:
        out.append(f'<p>{_e(doc.description)} <span class="note">(curator)</span></p>')
    if doc.facts:
        out += ["<h2>Facts</h2>", "<ul>", *(_line(line) for line in doc.facts), "</ul>"]
    if doc.disagreements:
        out += ["<h2>Disagreements</h2>", "<ul>"]
        for found in doc.disagreements:
            out.append(f"<li>{_e(found.summary) or 'The sources disagree'}<ul>")
            out += [_line(reading, label=False) for reading in found.readings]
            out.append("</ul></li>")
        out.append("</ul>")
    if doc.mentioned:
        out += ["<h2>Mentioned in</h2>", "<ul>"]
        out += [_line(line, label=False) for line in doc.mentioned]
        out.append("</ul>")
    out.append("<h2>Your notes</h2>")
    if doc.notes:
        out += ["<ul>", *(_line(line, label=False) for line in doc.notes), "</ul>"]
    else:
        out.append("<p>No notes on this entry.</p>")
    if doc.footnotes:
        out += ["<h2>Sources</h2>", '<ol class="footnotes">']
        out += [_footnote(note) for note in doc.footnotes]
        out.append("</ol>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


__all__ = ["STYLE", "html_page"]
