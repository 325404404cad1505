"""Documents a researcher adds (HTML, PDF, DOCX, text) read into text and metadata.

One module per format, each by a well-kept library: `html` (trafilatura), `pdf`
(pdfminer.six), `docx` (docx2python), `text` (UTF-8, else charset-normalizer). Libraries
load inside the functions that use them: importing this package costs nothing, and
`kazsec search` never loads any of them.

Every failure, whatever the library raised, reaches the caller as one SourceError line
naming the file; nothing is ever fetched from the network.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from kazsec.errors import SourceError

FORMATS = ("html", "pdf", "docx", "text")
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
# Extensions of binary formats kazsec does not read: never sniffed as text.
_BINARY_EXTENSIONS = frozenset(
    (
        *(".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".epub", ".djvu"),
        *(".zip", ".gz", ".7z", ".rar", ".exe", ".dll", ".so"),
        *(".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".mp3", ".mp4"),
    )
)
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


class DocumentMeta(NamedTuple):
    """What a document says about itself; "" wherever it says nothing (never guessed)."""

    title: str = ""
    author: str = ""
    date: str = ""  # an ISO prefix: year, month or day, as precise as the document is
    site: str = ""
    url: str = ""
    language: str = ""  # ISO 639-1, from the text (corpus/language.py) or as declared


class Document(NamedTuple):
    """A document read once: its raw text (`\\n` newlines), metadata and format."""

    text: str
    meta: DocumentMeta
    format: str


def _looks_like_html(head: bytes) -> bool:
    lowered = head[:4096].lower()
    return any(mark in lowered for mark in _HTML_MARKS) or (
        lowered.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and b"<html" in lowered
    )


def format_of(filename: str, head: bytes) -> str | None:
    """The format of a file ("html", "pdf", "docx", "text") from its name and first bytes.

    The extension proposes and the bytes confirm: a .pdf must start with %PDF-, a .docx
    with a zip header, a .html with markup; a .txt, .md or any other name is text when
    its head is (no NUL byte unless a UTF-16 mark, no known binary signature). None means
    unknown or unsupported.
    """
    extension = os.path.splitext(filename)[1].lower()
    proposed = _EXTENSIONS.get(extension)
    if proposed == "pdf":
        return "pdf" if b"%PDF-" in head[:1024] else None
    if proposed == "docx":
        return "docx" if head.startswith(b"PK\x03\x04") else None
    if proposed == "html":
        return "html" if _looks_like_html(head) else None
    if extension in _BINARY_EXTENSIONS or head.startswith(_BINARY_MAGIC):
        return None
    if b"\x00" in head and not head.startswith(_TEXT_BOMS):
        return None
    return "text"


def _read(raw: bytes, filename: str) -> Document:
    """The format's reader on the file, with no language worked out yet."""
    kind = format_of(filename, raw[:4096])
    if kind is None:
        raise SourceError(
            f"{filename}: unknown or unsupported format (kazsec reads HTML, PDF, DOCX and "
            "text files)"
        )
    return _READERS[kind](raw, filename)


def read_document(raw: bytes, filename: str) -> Document:
    """Read a document's text and metadata with one pass of its library.

    The language is the text's (corpus/language.py) or, when the text cannot tell, the
    one the document declares. Raises SourceError (one line, naming the file) for an
    unknown format and for any file the library cannot read.
    """
    from kazsec.corpus.language import language_of

    document = _read(raw, filename)
    language = language_of(document.text) or document.meta.language
    return document._replace(meta=document.meta._replace(language=language))


def _read_text(raw: bytes, filename: str) -> Document:
    from kazsec.corpus.extract.text import decode_text

    return Document(text=decode_text(raw, filename), meta=DocumentMeta(), format="text")


def _read_html(raw: bytes, filename: str) -> Document:
    from kazsec.corpus.extract.html import read_html

    return read_html(raw, filename)


def _read_pdf(raw: bytes, filename: str) -> Document:
    from kazsec.corpus.extract.pdf import read_pdf

    return read_pdf(raw, filename)


def _read_docx(raw: bytes, filename: str) -> Document:
    from kazsec.corpus.extract.docx import read_docx

    return read_docx(raw, filename)


_READERS = {"html": _read_html, "pdf": _read_pdf, "docx": _read_docx, "text": _read_text}


def document_text(raw: bytes, filename: str) -> str:
    """The raw text of a document: what the pipeline repairs and the raw view shows.

    Deterministic, with `\\n` newlines; the language model is not consulted for it.
    """
    return _read(raw, filename).text


def document_metadata(raw: bytes, filename: str) -> DocumentMeta:
    """What a document says about itself: title, author, date, site, URL, language."""
    return read_document(raw, filename).meta


__all__ = [
    "FORMATS",
    "Document",
    "DocumentMeta",
    "SourceError",
    "document_metadata",
    "document_text",
    "format_of",
    "read_document",
]
