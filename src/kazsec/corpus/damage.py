"""Detectors for the damage the repair pipeline removes; `kazsec check` and the tests use them.

Each detector names one kind of damage and finds it in a piece of repaired text,
so a regression in any repair step shows up as a named problem in a named passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kazsec.corpus.boilerplate import GENERIC_WEB_BOILERPLATE


@dataclass(frozen=True)
class Damage:
    """One finding: what kind of damage, and the text around it."""

    kind: str
    excerpt: str


DAMAGE_PATTERNS: dict[str, re.Pattern[str]] = {
    "replacement character U+FFFD": re.compile("\ufffd"),
    "PDF ligature glyph U+3FFFF": re.compile("\U0003ffff"),
    "cp1251 read as Latin-1 (mojibake)": re.compile(
        r"(?<![A-Za-z\u00C0-\u00FF])[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]{3,}(?![A-Za-z\u00C0-\u00FF])"
    ),
    "'À' inside a word (lost 'fl' ligature)": re.compile(r"[A-Za-z]À[a-z]"),
    # A word cut by a line-end hyphen and never re-joined ('democrati- zation');
    # suspended compounds ('short- and medium-term') are real and allowed.
    "word broken by a line-end hyphen": re.compile(
        r"\b[A-Za-z]{2,}-[ \n]+(?!(?:and|or|to|nor|as)\b)[a-z]{2,}"
    ),
    "hard line break inside a passage": re.compile(r"\n"),
    "letter-spaced heading": re.compile(r"(?<!\S)(?:[A-Za-z] ){4,}[A-Za-z](?!\S)"),
    # Escape sequences and other controls: shown as pictures by the app, but never text.
    "control character": re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]"),
}

_BOILERPLATE = [re.compile(p) for p in GENERIC_WEB_BOILERPLATE]


def find_damage(text: str) -> Iterator[Damage]:
    """Every piece of known damage in one passage's repaired text."""
    for kind, pattern in DAMAGE_PATTERNS.items():
        for match in pattern.finditer(text):
            start = max(0, match.start() - 20)
            yield Damage(kind, text[start : match.end() + 20])
    if any(p.search(text.strip()) for p in _BOILERPLATE):
        yield Damage("web page boilerplate", text[:60])
