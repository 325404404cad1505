"""A passage as tokens: words (with inner hyphens, apostrophes, dots) and punctuation marks.

`tokenize` is the definition. `Tokens` gives the same tokens faster: one split in C finds
every token's text and, from the lengths, its offset, and a Token is made only for the tokens
someone looks at (an office reads a few words around it, not the whole passage). What a token
text says of itself (its word, lowercase, capital) is worked out once per distinct text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

_TOKEN = re.compile(r"\w(?:[\w’'.\-]*\w)?\.?|[^\w\s]")
# The same tokens, found without backtracking: whole runs of word characters, a run of
# inner marks taken only with the word characters after it, then a full stop ('U.S.').
_SPLIT = re.compile(r"(\w++(?:[’'.\-]++\w++)*+\.?|[^\w\s])")
_LIMIT = 262_144  # cached token texts; a full cache starts afresh


class Token(NamedTuple):
    """A word or punctuation mark of a passage, with its offsets."""

    start: int
    end: int
    text: str
    word: str  # without a final full stop or possessive ('Council.', 'President’s')
    low: str  # the word in lowercase
    capitalised: bool  # the text opens with an uppercase letter


def _shape(text: str) -> tuple[str, str, bool]:
    word = text[:-1] if text.endswith(".") and len(text) > 1 else text
    word = word[:-2] if word.endswith(("’s", "'s")) and len(word) > 3 else word
    return word, word.lower(), text[:1].isupper()


class _Shapes(dict[str, tuple[str, str, bool]]):
    def __missing__(self, text: str) -> tuple[str, str, bool]:
        if len(self) >= _LIMIT:
            self.clear()
        shape = self[text] = _shape(text)
        return shape


_SHAPES = _Shapes()


def token(start: int, text: str) -> Token:
    """The token `text` written at `start`."""
    return _new_token(Token, (start, start + len(text), text, *_SHAPES[text]))


_new_token = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Words (with inner hyphens, apostrophes, dots) and single punctuation marks."""
    return [token(m.start(), m.group()) for m in _TOKEN.finditer(text)]


class OutsideWindow(LookupError):
    """A token beyond a window of the text was asked for: read the whole text instead."""


class Tokens:
    """The tokens of a text, as `tokenize` finds them; a Token is made when asked for.

    Given a window (start, end), only the tokens between are read (the ends must fall on
    spaces, or be the text's own ends): asking for a token beyond the window raises
    OutsideWindow rather than give a wrong answer, unless the window reaches the text's end
    on that side, where there is none.
    """

    def __init__(self, text: str, window: tuple[int, int] | None = None) -> None:
        start, end = window if window is not None else (0, len(text))
        parts = _SPLIT.split(text[start:end] if window is not None else text)
        offsets = list(accumulate(map(len, parts), initial=start))
        self.texts: list[str] = parts[1::2]  # parts: between, token, between, ..., between
        self.starts: list[int] = offsets[1:-1:2]
        self.count = len(self.texts)
        self.made: list[Token | None] = [None] * self.count
        self._start, self._end = start, end
        self._more_before = start > 0
        self._more_after = end < len(text)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> Token:
        """The token at `index` (0 <= index < len(self))."""
        if not 0 <= index < self.count:
            if (found := self.get(index)) is None:
                raise IndexError(index)
            return found
        made = self.made[index]
        if made is None:
            made = self.made[index] = token(self.starts[index], self.texts[index])
        return made

    def get(self, index: int) -> Token | None:
        """The token at `index`; None before the text's first token or past its last."""
        if 0 <= index < self.count:
            return self.made[index] or self[index]
        if self._more_before if index < 0 else self._more_after:
            raise OutsideWindow(index)
        return None

    def holds(self, start: int, end: int) -> bool:
        """Whether every token of the characters start..end is read (in the window)."""
        return (start >= self._start or not self._more_before) and (
            end <= self._end or not self._more_after
        )

    def first_from(self, offset: int) -> int | None:
        """The index of the first token starting at or after `offset`, if any."""
        index = bisect_left(self.starts, offset)
        if (self._more_before and offset < self._start) or (
            self._more_after and index == self.count
        ):
            raise OutsideWindow(offset)
        return index if index < self.count else None

    def overlapping(self, start: int, end: int) -> range:
        """The indices of the tokens overlapping the characters start..end (in the window)."""
        first = bisect_left(self.starts, start)
        if first > 0 and self.starts[first - 1] + len(self.texts[first - 1]) > start:
            first -= 1
        return range(first, bisect_left(self.starts, end))
