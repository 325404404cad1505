"""Paragraphs of text that marks its structure the Markdown way: Word documents as
`extract.docx` writes them, and .md files.

One line is one paragraph. '# Title' ('##' ... '######') is a heading, '- ', '* ' or
'• ' opens a list item, '> ' a quote, '[^3]: text' is note 3, and '[^3]' in the text
refers to it. The marks are layout, not words: they leave the passage's text (written
'[3]', the way every other source refers to a note), while its raw span keeps the line.
"""

from __future__ import annotations

import re

from kazsec.corpus.lines import Block, Line

_HEADING = re.compile(r"^(#{1,6})\s+(?=\S)")
_LIST_ITEM = re.compile(r"^[-*•]\s+(?=\S)")
_QUOTE = re.compile(r"^>\s*(?=\S)")
_NOTE = re.compile(r"^\[\^(\d{1,4})\]:\s*")
_REFERENCE = re.compile(r"\[\^(\d{1,4})\]")
# A whole line of emphasis marks or a rule ('***', '---') holds no words.
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")


def marked_paragraphs(lines: list[Line]) -> list[Block]:
    """Each non-blank line a paragraph, its kind read from its Markdown mark.

    Notes are moved after the body (in their own order), so that a passage number
    counts the body first, as in every other source.
    """
    blocks: list[Block] = []
    notes: list[Block] = []
    for line in lines:
        text = line.text.strip()
        if not text or _RULE.match(text):
            continue
        span = [(line.raw_start, line.raw_end)]
        note = _NOTE.match(text)
        if note:
            body = _REFERENCE.sub(r"[\1]", text[note.end() :]).strip()
            if body:
                number = int(note.group(1))
                notes.append(Block(f"{number}. {body}", "note", span, number=number))
            continue
        kind = "body"
        for pattern, marked in (
            (_HEADING, "heading"),
            (_LIST_ITEM, "list_item"),
            (_QUOTE, "quote"),
        ):
            found = pattern.match(text)
            if found:
                kind, text = marked, text[found.end() :]
                break
        text = _REFERENCE.sub(r"[\1]", text).strip()
        if text:
            blocks.append(Block(text, kind, span))
    return blocks + notes
