"""PDF documents: text in reading order, page by page, and the document's info.

pdfminer.six (MIT, pure Python, well kept) lays each page out with LAParams: characters
into lines, lines into boxes, and boxes into reading order, so a two-column page reads
down the left column, then the right. Pages are separated by a form feed, the boxes of
a page by a blank line. The file is parsed once: the info dictionary and the pages come
from the same document object.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kazsec.errors import SourceError

if TYPE_CHECKING:
    from kazsec.corpus.extract import Document

PAGE_BREAK = "\f"  # starts every page after the first, on a line of its own text
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _info_text(value: Any) -> str:
    """A document-info value as text (PDFDocEncoding or UTF-16 with its mark)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        value = decode_text(value)
    elif isinstance(value, PSLiteral):
        value = str(value.name)
    if not isinstance(value, str):
        return ""
    # Info strings are the producer's to fill: keep printable characters on one line.
    return " ".join("".join(c for c in value if c.isprintable() or c.isspace()).split())


def pdf_date(value: str) -> str:
    """'D:20210304120000+00'00'' -> '2021-03-04'; as precise as the date is, "" if none."""
    match = _PDF_DATE.match(value)
    if not match:
        return ""
    parts = [part for part in match.groups() if part]
    return "-".join(parts)


def _page_text(layout: Any) -> str:
    """One laid-out page: its text boxes in reading order, a blank line between boxes."""
    from pdfminer.layout import LTTextBox

    boxes = [box.get_text().strip("\n") for box in layout if isinstance(box, LTTextBox)]
    return "\n\n".join(box for box in boxes if box.strip())


def read_pdf(raw: bytes, filename: str) -> Document:
    """A PDF's text (pages split by form feeds) and its info, from one parse of the file.

    Raises SourceError for a damaged file, a password-protected one and one whose pages
    hold no text (a scan).
    """
    import io

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    from kazsec.corpus.extract import Document, DocumentMeta

    if b"%PDF-" not in raw[:1024]:  # the header may follow up to 1 KB of junk
        raise SourceError(f"{filename}: not a PDF (no %PDF header)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        info: dict[str, Any] = {}
        for entry in document.info:
            info.update(entry)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        pages = []
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            pages.append(_page_text(device.get_result()))
    except PDFPasswordIncorrect:
        raise SourceError(f"{filename}: the PDF is encrypted with a password") from None
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        if "encrypt" in reason.lower() or "password" in reason.lower():
            raise SourceError(f"{filename}: the PDF is encrypted ({reason})") from None
        raise SourceError(f"{filename}: damaged or unreadable PDF ({reason})") from None
    if not pages:
        raise SourceError(f"{filename}: the PDF has no pages")
    text = ("\n" + PAGE_BREAK).join(pages)
    if not text.replace(PAGE_BREAK, "").strip():
        raise SourceError(f"{filename}: the PDF has no text layer (a scan?); OCR it first")
    meta = DocumentMeta(
        title=_info_text(info.get("Title")),
        author=_info_text(info.get("Author")),
        date=pdf_date(_info_text(info.get("CreationDate"))),
    )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text + "\n", meta=meta, format="pdf")
