"""Undoing a PDF text extraction's layout: pages, footnotes, hard wraps, hyphens, headings.

The extraction marks each new page with one leading space and drops the page's
footnotes in at its foot, so body paragraphs run across them. Blank lines appear
both between paragraphs and, spuriously, inside them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kazsec.corpus.lines import Block, Line

_PAGE_START = re.compile(r"^ (?! )\S")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+(?=See\b|Quoted\b|Ibid|Cf\.|\[|https?://)")
_LETTERSPACED = re.compile(r"^(?:\S ){3,}\S$")
# Letters of any script (Cyrillic too): [^\W\d_] is a word character that is no digit or "_".
_HYPHENATED_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?:”\"’)]\]?(?:\d{1,3})?$|\.\d{1,3}$|[.!?]\d{1,3}$")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "towards",
    "with",
}
_GLUED_NOTE_REF = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:”’»)\]]))(\d{1,3})(?=[\s,.;:)]|$)")


@dataclass
class PdfVocabulary:
    """Word evidence gathered from the whole extraction, to settle line-end hyphens."""

    hyphenated: set[str] = field(default_factory=set)
    words: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_lines(cls, lines: list[Line]) -> PdfVocabulary:
        """Collect compounds hyphenated inside a line (real hyphens) and word counts."""
        vocabulary = cls()
        for line in lines:
            body = line.text.rstrip()
            if body.endswith("-"):
                body = body[: body.rfind(" ") + 1]  # the broken last word proves nothing
            vocabulary.hyphenated.update(
                m.group(0).lower() for m in _HYPHENATED_COMPOUND.finditer(body)
            )
            vocabulary.words.update(_WORD.findall(line.text))
        return vocabulary


def restore_letterspaced_heading(text: str) -> str | None:
    """'I n t r o d u c t i o n' -> 'Introduction'; None if the line is not letter-spaced."""
    stripped = text.strip()
    if _LETTERSPACED.match(stripped):
        return stripped.replace(" ", "")
    return None


def rejoin_line_end_hyphen(left: str, right: str, vocabulary: PdfVocabulary) -> str:
    """Join a line ending in '-' to the next: 'democrati-' + 'zation' -> 'democratization'.

    The hyphen stays where it is real: inside a URL, before a capital ('Kassym-' +
    'Jomart'), or where the document writes the same compound with a hyphen
    inside a line ('well-' + 'balanced', as in 'well-balanced' elsewhere).
    """
    head = left.rstrip()[:-1]
    token = head.rsplit(" ", 1)[-1]
    right = right.lstrip()
    if "http" in token or "/" in token or right[:1].isupper() or not head[-1:].isalpha():
        return f"{head}-{right}"
    left_part = re.search(r"[^\W\d_]+$", head)
    right_part = re.match(r"[^\W\d_]+", right)
    if left_part and right_part:
        compound = f"{left_part.group(0)}-{right_part.group(0)}".lower()
        if compound in vocabulary.hyphenated:
            return f"{head}-{right}"
    return head + right


def join_wrapped(left: str, right: str, vocabulary: PdfVocabulary) -> str:
    """Append a wrapped line to the text before it: across a hyphen, or with one space."""
    if left.rstrip().endswith("-") and len(left.rstrip()) > 1:
        return rejoin_line_end_hyphen(left, right, vocabulary)
    return f"{left.rstrip()} {right.strip()}"


def separate_footnotes(
    lines: list[Line], vocabulary: PdfVocabulary
) -> tuple[list[Line], list[Block]]:
    """Split footnotes (numbered 1, 2, ... in order, at the foot of each page) from the body.

    A footnote runs from its number to the next footnote or to the next page's first
    line; numbers must come in sequence, so a body line that merely starts with a
    number is never taken for a note.
    """
    body: list[Line] = []
    notes: list[Block] = []
    expected = 1
    in_notes = False
    for line in lines:
        if _PAGE_START.match(line.text):
            in_notes = False
        stripped = line.text.strip()
        match = _FOOTNOTE_START.match(stripped)
        if match and int(match.group(1)) == expected:
            text = stripped[match.end() :]
            notes.append(Block(text=text, kind="note", number=expected))
            notes[-1].extend_raw(line)
            expected += 1
            in_notes = True
        elif in_notes:
            if stripped:
                notes[-1].text = join_wrapped(notes[-1].text, stripped, vocabulary)
                notes[-1].extend_raw(line)
        else:
            body.append(line)
    for note in notes:
        note.text = f"{note.number}. {note.text.strip()}"
    return body, notes


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def looks_like_pdf_heading(text: str, next_text: str | None) -> bool:
    """A short capitalised line with no closing punctuation, followed by a capitalised line."""
    words = text.split()
    if not (0 < len(words) <= 8 and len(text) <= 60 and text[0].isupper()):
        return False
    if text.endswith(("-", ".", ",", ";", ":", "?", "!", "”", '"')):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    return capitalised == len(words) and next_text is not None and next_text[:1].isupper()


def unwrap_pdf_paragraphs(lines: list[Line], vocabulary: PdfVocabulary) -> list[Block]:
    """Rebuild paragraphs from hard-wrapped body lines.

    A new paragraph starts only where a gap (blank line or page break) follows a line
    that ends a sentence and the next line starts like a paragraph; every other gap
    is the extraction's and is closed.
    """
    nonblank = [line for line in lines if line.text.strip()]
    gap_before: set[int] = set()
    seen_blank = False
    index = 0
    for line in lines:
        if not line.text.strip():
            seen_blank = True
            continue
        if seen_blank or _PAGE_START.match(line.text):
            gap_before.add(index)
        seen_blank = False
        index += 1

    blocks: list[Block] = []
    previous_ended_sentence = True
    for index, line in enumerate(nonblank):
        text = line.text.strip()
        next_text = nonblank[index + 1].text.strip() if index + 1 < len(nonblank) else None
        heading = restore_letterspaced_heading(text)
        if heading is None and previous_ended_sentence and looks_like_pdf_heading(text, next_text):
            heading = text
        current = blocks[-1] if blocks else None
        if heading is not None:
            blocks.append(Block(text=heading, kind="heading"))
        elif (
            current is None
            or current.kind == "heading"
            or (
                index in gap_before
                and not current.text.endswith("-")
                and _ends_sentence(current.text)
                and (text[0].isupper() or text[0].isdigit() or text[0] in '“"')
            )
        ):
            blocks.append(Block(text=text, kind="body"))
        else:
            current.text = join_wrapped(current.text, text, vocabulary)
        blocks[-1].extend_raw(line)
        previous_ended_sentence = blocks[-1].kind == "heading" or _ends_sentence(blocks[-1].text)
    for block in blocks:
        if block.kind == "body" and re.match(r"^KEYWORDS?:", block.text):
            block.kind = "meta"
    return blocks


def restore_lost_drop_cap(blocks: list[Block], vocabulary: PdfVocabulary) -> None:
    """Give back the first letter a drop cap took with it: 'azakhstan' -> 'Kazakhstan'.

    The letter is the one that turns the orphaned word into a word the document
    itself uses most often; with no such evidence the text is left as it is.
    """
    for block in blocks:
        if block.kind != "body":
            continue
        first = _WORD.match(block.text)
        if first and block.text[0].islower():
            candidates = {
                c + first.group(0): vocabulary.words[c + first.group(0)]
                for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            }
            best, count = max(candidates.items(), key=lambda item: (item[1], item[0]))
            if count > 0:
                block.text = best + block.text[first.end() :]
        return


def mark_footnote_references(blocks: list[Block]) -> None:
    """Write note references glued to words ('parties1', 'Kazakhstan.3') as '[1]', '[3]'.

    Only the next number in sequence counts as a reference, so years and other
    figures are never mistaken for one.
    """
    expected = 1

    def mark(match: re.Match[str]) -> str:
        nonlocal expected
        if int(match.group(1)) != expected:
            return match.group(0)
        expected += 1
        return f"[{match.group(1)}]"

    for block in blocks:
        if block.kind in ("body", "heading"):
            block.text = _GLUED_NOTE_REF.sub(mark, block.text)
