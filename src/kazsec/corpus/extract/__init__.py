"""Reading a document's text and metadata from its bytes, by format (placeholder: text only).

The full readers (HTML, PDF, DOCX, any text encoding) replace this module; the interface
is theirs: `format_of`, `read_document` returning a `Document`.
"""

from __future__ import annotations

from typing import NamedTuple

from kazsec.corpus.repair_text import decode_source_bytes

FORMATS = {".txt": "text", ".md": "text"}


class DocumentMeta(NamedTuple):
    """What a document says about itself; "" where it says nothing."""

    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    url: str = ""
    language: str = ""


class Document(NamedTuple):
    """A document's text (what the repair pipeline works on) and its metadata."""

    text: str
    meta: DocumentMeta


def format_of(filename: str, head: bytes) -> str | None:
    """The format of a file by its name, None when kazsec cannot read it."""
    dot = filename.rfind(".")
    return FORMATS.get(filename[dot:].lower()) if dot >= 0 else None


def read_document(raw: bytes, filename: str) -> Document:
    """Text and metadata of a document; SourceError with one line for a bad file."""
    text = decode_source_bytes(raw, filename)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Document(text, DocumentMeta(title=title[:200]))
