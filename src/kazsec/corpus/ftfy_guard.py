"""Which lines ftfy provably leaves alone, told without running it.

ftfy (with the build's configuration) changes a line only when its badness regex finds
mojibake in it, or when the line holds a C1 control, a Latin ligature, a surrogate or text
that NFC normalisation changes. Its badness regex is a long alternation that takes ~80 µs
on a paragraph, and every Cyrillic paragraph of an archive pays for it while almost none
has anything to fix.

A line made only of SAFE characters (ASCII, Russian and Kazakh letters, the quotes, dashes
and spaces of running text) holds none of the characters the other fixes act on, is NFC
already, and can only be found bad by those alternatives of ftfy's own regex that could
match a string of SAFE characters at all. Those few alternatives are picked out of ftfy's
pattern here, once, so the check keeps following ftfy's regex if it ever changes; any line
with another character, or with a match, goes through ftfy itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from ftfy.badness import BADNESS_RE

RUSSIAN = "".join(map(chr, range(0x0410, 0x0450))) + "Ёё"
KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Quotes, dashes, ellipsis, bullet and the no-break space: common in the sources' prose, and
# (with ASCII and the letters above) still leaving only one alternative of ftfy's regex.
PUNCTUATION = "“”‘’„«»–—…•\u00a0"
SAFE = frozenset(map(chr, range(0x80))) | frozenset(RUSSIAN + KAZAKH + PUNCTUATION)

_CATEGORIES = {
    sre.CATEGORY_SPACE: re.compile(r"\s"),
    sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    sre.CATEGORY_WORD: re.compile(r"\w"),
    sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
    sre.CATEGORY_DIGIT: re.compile(r"\d"),
    sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
}


def split_alternatives(pattern: str) -> list[str]:
    """A verbose pattern's top-level alternatives, as text ('|' inside a class, a group, an
    escape or a comment does not split); joined by '|' they are the pattern again."""
    pieces: list[str] = []
    start = depth = i = 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)  # '[]...]', '[^]...]': that ']' is a literal
            continue
        elif char == "#":
            end = pattern.find("\n", i)
            i = len(pattern) if end < 0 else end
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return pieces


def _in_class(items: list[tuple[object, object]], char: str) -> bool:
    negate = found = False
    for op, arg in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            found |= ord(char) == arg
        elif op is sre.RANGE:
            found |= arg[0] <= ord(char) <= arg[1]  # type: ignore[index]
        elif op is sre.CATEGORY:
            found |= bool(_CATEGORIES[arg].match(char))
        else:
            raise ValueError(op)
    return found != negate


def can_match_over(items: Iterable[tuple[object, object]], alphabet: frozenset[str]) -> bool:
    """Whether a parsed pattern could match some string of `alphabet`'s characters: False only
    when one of the characters it must consume cannot be any of them. Anything this does not
    know how to read counts as a possible match (the safe answer)."""
    for op, arg in items:
        if op is sre.AT:
            continue  # an anchor consumes nothing
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low: int = arg[0]  # type: ignore[index]
            inner: Iterable[tuple[object, object]] = arg[2]  # type: ignore[index]
            if low and not can_match_over(inner, alphabet):
                return False
            continue
        if op is sre.LITERAL:
            possible = chr(arg) in alphabet  # type: ignore[arg-type]
        elif op is sre.NOT_LITERAL:
            possible = any(ord(c) != arg for c in alphabet)
        elif op is sre.ANY:
            possible = any(c != "\n" for c in alphabet)
        elif op is sre.IN:
            possible = any(_in_class(arg, c) for c in alphabet)  # type: ignore[arg-type]
        else:
            return True
        if not possible:
            return False
    return True


def badness_over(alphabet: frozenset[str]) -> re.Pattern[str]:
    """ftfy's badness regex cut down to the alternatives a string of `alphabet` could match:
    on such a string it finds mojibake exactly when ftfy's whole regex does."""
    kept = []
    for piece in split_alternatives(BADNESS_RE.pattern):
        try:
            parsed = list(sre_parse.parse(piece, BADNESS_RE.flags))
            possible = can_match_over(parsed, alphabet)
        except (ValueError, KeyError, re.error):
            possible = True
        if possible:
            kept.append(f"(?:{piece}\n)")  # the newline ends a trailing verbose comment
    return re.compile("|".join(kept) or "(?!)", BADNESS_RE.flags)


_UNSAFE = re.compile("[^\\x00-\\x7f" + re.escape(RUSSIAN + KAZAKH + PUNCTUATION) + "]")
_BAD_IF_SAFE = badness_over(SAFE)
MAX_LINE = 1_000_000  # ftfy cuts longer text into segments; such a line takes the slow path


def ftfy_leaves_alone(line: str) -> bool:
    """True only when ftfy.fix_text (the build's configuration) would return `line` unchanged."""
    return (
        len(line) < MAX_LINE and _UNSAFE.search(line) is None and _BAD_IF_SAFE.search(line) is None
    )
