"""Word documents (.docx): paragraphs, headings and footnotes, and the core properties.

docx2python reads footnotes, which python-docx cannot; it runs no macros and its XML
parser resolves no external entities. The file is checked before it is opened: a zip
within the size limits, with no member that inflates absurdly (a zip bomb).

The text is written the way Markdown writes structure, so the pipeline (and a .md file)
can tell it: a heading is '# Title' ('## ' for level 2 ...), a footnote reference in
the body is '[^1]', and the notes follow the body, one a line, as '[^1]: text'.
Notes are numbered in the order the body refers to them, as Word shows them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kazsec.errors import SourceError

if TYPE_CHECKING:
    from kazsec.corpus.extract import Document

MAX_FILE_BYTES = 50 * 1024 * 1024  # a report with pictures is a few MB
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what all members may inflate to together
MAX_RATIO = 100  # XML compresses ~10:1; a member inflating 100-fold is a bomb
MAX_MEMBERS = 10_000

_REFERENCE = re.compile(r"----(footnote|endnote)(-?\d+)----")
_NOTE_START = re.compile(r"^(footnote|endnote)(-?\d+)\)\t")
_LINK = re.compile(r'<a href="[^"]*">(.*?)</a>', re.DOTALL)  # docx2python's hyperlink markup
_OTHER_MARKUP = re.compile(r"----(?:media/[^-]*|Image[^-]*)----|</?latex>")
_HEADING_STYLE = re.compile(r"^(?:heading|заголовок)\s*(\d)$", re.IGNORECASE)


def check_zip(raw: bytes, filename: str) -> None:
    """Refuse, before any parsing, a file that is too large, not a zip, or a zip bomb."""
    import io
    import zipfile

    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(
            f"{filename}: {len(raw) // 2**20} MB is over the {MAX_FILE_BYTES // 2**20} MB "
            "limit for a Word document"
        )
    if not raw.startswith(b"PK\x03\x04"):
        raise SourceError(f"{filename}: not a Word document (.docx is a zip file)")
    try:
        members = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SourceError(f"{filename}: damaged Word document ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise SourceError(f"{filename}: {len(members)} files inside; not a Word document")
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED_BYTES:
        raise SourceError(
            f"{filename}: would unpack to {total // 2**20} MB (limit "
            f"{MAX_UNZIPPED_BYTES // 2**20} MB); refused as a possible zip bomb"
        )
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            ratio = member.file_size // max(member.compress_size, 1)
            raise SourceError(
                f"{filename}: {member.filename} inflates {ratio}-fold; refused as a zip bomb"
            )
    if "word/document.xml" not in {member.filename for member in members}:
        raise SourceError(f"{filename}: a zip file, but not a Word document")


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    return " ".join(_OTHER_MARKUP.sub("", text).split())


def _paragraphs(tables: Any) -> list[tuple[str, str]]:
    """(style, text) of every non-empty paragraph, tables' cells included, in order."""
    from docx2python.iterators import iter_paragraphs

    found = []
    for par in iter_paragraphs(tables):
        text = "".join(par.run_strings)
        if text.strip():
            found.append((par.style or "", text))
    return found


def _heading_level(style: str) -> int:
    if style.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(style.replace("_", " "))
    return int(match.group(1)) if match else 0


def read_docx(raw: bytes, filename: str) -> Document:
    """A Word document's text (Markdown-marked headings and notes) and core properties."""
    import io

    from docx2python import docx2python

    from kazsec.corpus.extract import Document, DocumentMeta

    check_zip(raw, filename)
    import warnings

    try:
        # A file it finds odd (no core properties, as Google Docs writes) makes docx2python
        # warn on stderr with its own source line: what matters is said by kazsec, once.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with docx2python(io.BytesIO(raw)) as result:
                body = _paragraphs(result.body_pars)
                notes = _paragraphs(result.footnotes_pars) + _paragraphs(result.endnotes_pars)
                properties = result.core_properties
    except SourceError:
        raise
    except Exception as exc:  # docx2python and its XML parser on a damaged file
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise SourceError(f"{filename}: damaged Word document ({reason})") from None
    numbers: dict[tuple[str, str], int] = {}

    def reference(match: re.Match[str]) -> str:
        key = (match.group(1), match.group(2))
        numbers.setdefault(key, len(numbers) + 1)
        return f"[^{numbers[key]}]"

    lines = []
    for style, text in body:
        level = _heading_level(style)
        text = _clean(_REFERENCE.sub(reference, text))
        if text:
            lines.append(f"{'#' * level} {text}" if level else text)
    note_lines: dict[int, str] = {}
    current = 0  # the note a paragraph without a note mark continues (0: none referred to)
    for _style, text in notes:
        start = _NOTE_START.match(text)
        if start:
            current = numbers.get((start.group(1), start.group(2)), 0)
            text = text[start.end() :]
        if current:
            note_lines[current] = " ".join(filter(None, (note_lines.get(current), _clean(text))))
    lines += [f"[^{n}]: {note_lines[n]}" for n in sorted(note_lines) if note_lines[n]]
    if not lines:
        raise SourceError(f"{filename}: the Word document has no text")
    meta = DocumentMeta(
        title=_clean(properties.get("title") or ""),
        author=_clean(properties.get("creator") or ""),
        date=(properties.get("created") or "")[:10]
        if re.match(r"\d{4}-\d{2}-\d{2}", properties.get("created") or "")
        else "",
    )
    return Document(text="\n".join(lines) + "\n", meta=meta, format="docx")
