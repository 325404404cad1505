"""Page furniture in a PDF's own text: running heads, page numbers and footnotes.

This is for text that `extract.pdf` read from a real PDF file: pages separated by a form
feed, the text boxes of a page by a blank line, in reading order. A running header or
footer is a box of one line that comes back on most pages (its digits aside: 'Page 3',
'— 3 —'), and a page number is a box holding nothing else. A footnote is a box that
starts with the number of the next note, where that number stands raised (glued to a
word: 'treason.1') somewhere else on the same page; reading order may put the notes'
box between the columns, so where it stands on the page does not matter.

What is removed leaves no line behind; what stays keeps its raw offsets (`Line`).
"""

from __future__ import annotations

import re
from collections import Counter

from kazsec.corpus.lines import Block, Line
from kazsec.corpus.pdf_layout import PdfVocabulary, join_wrapped

PAGE_BREAK = "\f"
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p\.|стр\.?|страница|бет|сторінка)\s*)?\d{1,4}"
    r"(?:\s*(?:of|из|/|з)\s*\d{1,4})?[\W_]*$",
    re.IGNORECASE,
)
_NOTE_START = re.compile(r"^(\d{1,3})\s+\S")
# A raised note number as text gives it: right after a word or its closing punctuation.
_GLUED_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?”»’\"')\]]))(\d{1,3})(?![\d\w])")

Box = list[Line]


def split_pages(lines: list[Line]) -> list[list[Box]]:
    """Pages of boxes: a form feed opens a page (it is cut off the line, offsets kept)."""
    pages: list[list[Box]] = [[[]]]
    for line in lines:
        text, start = line.text, line.raw_start
        while text.startswith(PAGE_BREAK):
            text, start = text[1:], start + 1
            pages.append([[]])
        if text.strip():
            pages[-1][-1].append(Line(text, start, line.raw_end))
        elif pages[-1][-1]:
            pages[-1].append([])
    return [[box for box in page if box] for page in pages]


def _furniture_key(box: Box) -> str | None:
    if len(box) != 1 or len(box[0].text.strip()) > 100:
        return None
    return _DIGITS.sub("#", " ".join(box[0].text.split()).lower())


def remove_running_lines(pages: list[list[Box]]) -> list[list[Box]]:
    """Drop page numbers, and one-line boxes repeated on at least half the pages (two at
    least): running headers and footers. A document of one page keeps everything."""
    if len(pages) < 2:
        return pages
    seen = Counter(key for page in pages for key in {_furniture_key(box) for box in page})
    repeated = {key for key, count in seen.items() if key is not None and count * 2 >= len(pages)}
    kept = []
    for page in pages:
        kept.append(
            [
                box
                for box in page
                if _furniture_key(box) not in repeated
                and not (len(box) == 1 and _PAGE_NUMBER.match(box[0].text.strip()))
            ]
        )
    return kept


def separate_page_notes(
    pages: list[list[Box]], vocabulary: PdfVocabulary
) -> tuple[list[list[Box]], list[Block]]:
    """Take footnote boxes out of the pages; return the body pages and the notes, each
    a block 'N. text' of kind "note" (numbered 1, 2, ... in order, as the pdf_layout
    notes of the bundled article are)."""
    notes: list[Block] = []
    body_pages: list[list[Box]] = []
    expected = 1
    for page in pages:
        body: list[Box] = []
        for index, box in enumerate(page):
            others = " ".join(line.text for i, b in enumerate(page) if i != index for line in b)
            referenced = {int(n) for n in _GLUED_NUMBER.findall(others)}
            start = _NOTE_START.match(box[0].text.strip())
            if not start or int(start.group(1)) != expected or expected not in referenced:
                body.append(box)
                continue
            for line in box:
                text = line.text.strip()
                start = _NOTE_START.match(text)
                if start and int(start.group(1)) == expected and expected in referenced:
                    notes.append(Block(text=text[start.end(1) :].strip(), kind="note"))
                    notes[-1].number = expected
                    expected += 1
                else:
                    notes[-1].text = join_wrapped(notes[-1].text, text, vocabulary)
                notes[-1].extend_raw(line)
        body_pages.append(body)
    for note in notes:
        note.text = f"{note.number}. {note.text}"
    return body_pages, notes


def body_lines(pages: list[list[Box]]) -> list[Line]:
    """The pages' remaining boxes as lines, a blank line at each gap (between boxes and
    pages), which is where `pdf_layout.unwrap_pdf_paragraphs` may start a paragraph."""
    lines: list[Line] = []
    for page in pages:
        for box in page:
            if lines:
                lines.append(Line("", box[0].raw_start, box[0].raw_start))
            lines.extend(box)
    return lines
