"""Paragraphs of web-page text: one line is one paragraph; each gets its kind."""

from __future__ import annotations

import re

from kazsec.corpus.lines import Block, Line

_BULLET = re.compile(r"^[•▪◦‣]\s+")
_LIST_ITEM = re.compile(r"^(?:[•▪◦‣]\s+|\d+(?:-\d+)?[.)]\s+)")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+")
_QUOTE_OPENERS = ("“", '"', "«", "„")
_DATELINE = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    r"\d{1,2}\s+(?:[A-Z][a-z]+|[а-яё]+)\s+\d{4}$"
)
_BYLINE = re.compile(r"^by\s+[A-Z]")
# A paragraph that ends asking: '...being underrated?' (a closing quote or bracket may follow).
_ENDS_ASKING = re.compile(r"\?[”\"’»)]*$")
_SENTENCE_END = (".", ",", ";", ":", "!")


def looks_like_heading(text: str) -> bool:
    """A short line that does not end like a sentence: a title or section heading."""
    words = text.split()
    return (
        0 < len(words) <= 14
        and len(text) <= 100
        and not text.endswith(_SENTENCE_END)
        and text[0].isupper()
        and not text.startswith(_QUOTE_OPENERS)
    )


def classify_web_line(text: str, first: bool, interview: bool = False) -> str:
    """The passage kind of one web paragraph (endnotes are found afterwards, as a run).

    The first paragraph that is not a dateline or byline is the document's title. In an
    interview a paragraph that ends with a question mark is the interviewer's question:
    the answers never end asking, while an essay's rhetorical questions and question-like
    headings ('Is coup d'état possible in Kazakhstan?') are the author's own text.
    """
    if _DATELINE.match(text) or _BYLINE.match(text):
        return "meta"
    if first:
        return "heading"
    if interview and _ENDS_ASKING.search(text):
        return "question"
    if _LIST_ITEM.match(text):
        return "list_item"
    if text.startswith(_QUOTE_OPENERS):
        return "quote"
    if looks_like_heading(text):
        return "heading"
    return "body"


def mark_trailing_endnotes(blocks: list[Block]) -> None:
    """Turn the final run of paragraphs numbered 1., 2., ... N. into notes with their numbers.

    Numbered lists inside the text (proposals 1-5) are followed by more body text, so
    only the run that closes the document is read as endnotes.
    """
    run_start = len(blocks)
    expected_last: int | None = None
    for index in range(len(blocks) - 1, -1, -1):
        match = _NUMBERED.match(blocks[index].text)
        if not match:
            break
        number = int(match.group(1))
        if expected_last is not None and number != expected_last - 1:
            break
        expected_last = number
        run_start = index
    if expected_last != 1:
        return
    for block in blocks[run_start:]:
        match = _NUMBERED.match(block.text)
        assert match is not None
        block.kind = "note"
        block.number = int(match.group(1))


def web_paragraphs(lines: list[Line], interview: bool = False) -> list[Block]:
    """Each non-blank line of a web page is one paragraph; the first is the title.

    `interview`: the page is an interview, whose questions get the kind "question".
    """
    blocks: list[Block] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        first = all(b.kind == "meta" for b in blocks)
        kind = classify_web_line(text, first=first, interview=interview)
        if kind == "list_item":
            text = _BULLET.sub("", text)  # the glyph is layout; numbers like "2-1)" are content
        blocks.append(Block(text=text, kind=kind, raw_spans=[(line.raw_start, line.raw_end)]))
    mark_trailing_endnotes(blocks)
    return blocks
