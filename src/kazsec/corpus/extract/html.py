"""Saved web pages: the article's own text and what the page says about itself.

trafilatura keeps the main text and drops navigation, share bars, comment forms,
"read also" lists, cookie notes and scripts, one paragraph per line. It is given a
tree this module parsed from text decoded by `text.decode_text` (UTF-8 first, then a
declared or measured charset): trafilatura's own decoder ignores `<meta charset>`, and
a string handed to lxml with an XML encoding declaration is refused. The tree is
parsed with the network and entities off, and trafilatura is never given a URL, so
nothing is ever fetched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kazsec.corpus.extract.text import decode_text
from kazsec.errors import SourceError

if TYPE_CHECKING:
    from kazsec.corpus.extract import Document

# The beginnings of each month's names (English, Russian, Ukrainian, Kazakh), January first:
# a day written next to one means the page gives the day.
_MONTHS = (
    "jan|янв|січ|қаң",
    "feb|фев|лют|ақп",
    "mar|мар|бер|нау",
    "apr|апр|квіт|сәу",
    "may|ма[йя]|трав|мам",
    "jun|июн|черв|мау",
    "jul|июл|лип|шіл",
    "aug|авг|серп|там",
    "sep|сен|верес|қыр",
    "oct|окт|жовт|қаз",
    "nov|ноя|лист|қар",
    "dec|дек|груд|жел",
)


def _date_stated(date: str, page: str) -> str:
    """The date trafilatura found, cut to the precision the page itself states.

    htmldate always answers with a day ('2022-02-01' for a page that says only
    'February 2022'); a day is kept only where the page writes that day (as digits in
    any order, or by a month name), a month only where it writes the year and month.
    """
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if not match:
        return ""
    year, month, day = match.groups()
    if not 1 <= int(month) <= 12:
        return ""
    d, m = str(int(day)), str(int(month))
    digits = (
        rf"{year}[-/.]{month}[-/.]{day}(?!\d)|(?<!\d)0?{d}[-/.]0?{m}[-/.]{year}"
        rf"|(?<!\d)0?{m}/0?{d}/{year}"
    )
    named = _MONTHS[int(month) - 1]
    by_name = rf"(?<!\d)0?{d}(?:st|nd|rd|th)?\s+(?:{named})|(?:{named})\w*\.?\s+0?{d}(?!\d)"
    if re.search(digits, page) or re.search(by_name, page, re.IGNORECASE):
        return date
    if re.search(rf"{year}[-/.]{month}(?!\d)|(?<!\d){month}[-/.]{year}", page) or re.search(
        rf"(?:{named})\w*\.?,?\s+{year}", page, re.IGNORECASE
    ):
        return f"{year}-{month}"
    return year


def read_html(raw: bytes, filename: str) -> Document:
    """A saved page's main text (one paragraph per line) and metadata, in one parse."""
    import lxml.html
    import trafilatura

    from kazsec.corpus.extract import Document, DocumentMeta

    page = decode_text(raw, filename)
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        tree = lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser)
    except Exception as exc:  # lxml's errors for pages it cannot make a tree of
        raise SourceError(f"{filename}: not a readable HTML page ({exc})") from None
    declared = (tree.get("lang") or "").split("-")[0].lower()
    extracted = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        deduplicate=False,
    )
    if extracted is None or isinstance(extracted, dict):  # a dict only when asked for one
        raise SourceError(f"{filename}: no article text found in the page")
    lines = [line.strip() for line in (extracted.text or "").splitlines()]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise SourceError(f"{filename}: no article text found in the page")
    meta = DocumentMeta(
        title=extracted.title or "",
        author=extracted.author or "",
        date=_date_stated(extracted.date or "", page),
        site=extracted.sitename or "",
        url=extracted.url or "",
        language=declared if re.fullmatch(r"[a-z]{2}", declared) else "",
    )
    return Document(text=text + "\n", meta=meta, format="html")
