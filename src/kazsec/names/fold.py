"""Fold a name written in any script or romanization into a match key.

'Масимов', 'Мәсімов', 'Massimov' and 'masimof' all become 'masimov'; 'Қасым-Жомарт
Тоқаев' and 'Kasym-Zhomart Tokaev' both become 'kasim Jomart tokaev'. The key is
for comparison only: digraph classes are written as capitals (W for sh/shch, X for
ch, J for zh/j/dzh, H for kh/h/x, C for ts/c), so keys are never shown to users.

`fold_key` is the fast path used to index hundreds of thousands of names; `fold`
runs the same steps while remembering, for every key character, the span of the
original string it came from, so a highlight lands on the characters the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from kazsec.names.kazakh_letters import KAZAKH_TO_RUSSIAN

# One Russian-to-Latin table; the variant folding below makes other systems meet it.
_RUSSIAN_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "є": "e",
    "ї": "i",
    "ў": "u",
}
# Latin letters that do not decompose into a base letter plus a mark.
_LATIN_SPECIALS = {
    "ž": "zh",
    "š": "sh",
    "č": "ch",
    "ı": "i",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ł": "l",
    "þ": "th",
}
_DROPPED = set("'’‘`´ʼʻ\u02bc\u0301")  # apostrophes (Kazakh Latin 2017 'a, g') and stress marks

# Romanization variants, folded in one left-to-right pass: the first alternative that
# matches at a position wins, so 'shch' is taken before 'sh' and 'sh' before 'h'.
_VARIANTS = {
    "shch": "W",
    "sch": "W",
    "sh": "W",
    "ch": "X",
    "dzh": "J",
    "dj": "J",
    "zh": "J",
    "kh": "H",
    "ts": "C",
    "tz": "C",
    "gh": "g",
    "ye": "e",
    "yo": "e",
    "q": "k",
    "h": "H",
    "x": "H",
    "c": "C",
    "y": "i",
    "w": "v",
}
_VARIANT_PATTERN = re.compile(r"shch|sch|sh|ch|dzh|dj|zh|kh|ts|tz|gh|ye|yo|j|q|h|x|c|y|w")
_VOWELS = frozenset("aeiouy")


def _fold_variant(match: re.Match[str]) -> str:
    found = match.group(0)
    if found == "j":
        # Before a vowel j is the Kazakh zh (Jomart, Jaksybekov); elsewhere it is i (Sergej).
        following = match.string[match.end() : match.end() + 1]
        return "J" if following and following in _VOWELS else "i"
    return _VARIANTS[found]


Replacement = str | Callable[[re.Match[str]], str]
STEPS: tuple[tuple[re.Pattern[str], Replacement], ...] = (
    (_VARIANT_PATTERN, _fold_variant),
    # -ayev / -aev / -aiev: an i between a vowel and e is a glide romanizations disagree on.
    (re.compile(r"(?<=[aeiou])i(?=e)"), ""),
    # Doubled letters: Kassym / Kasym, Massimov / Masimov, Yuriy / Iurii.
    (re.compile(r"([^\W\d_])\1+"), lambda m: m.group(1)),
    # Final -of / -ef (French, German habits) for -ov / -ev.
    (re.compile(r"(?<=[oe])f\b"), "v"),
)


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character to lowercase Latin letters and digits, a space for a separator, or ''."""
    if char in _DROPPED:
        return ""
    out = []
    for piece in unicodedata.normalize("NFKC", char).casefold():
        piece = piece.translate(KAZAKH_TO_RUSSIAN)
        piece = _LATIN_SPECIALS.get(piece, _RUSSIAN_TO_LATIN.get(piece, piece))
        for sub in unicodedata.normalize("NFD", piece):
            if unicodedata.category(sub) == "Mn":
                continue
            if sub.isascii() and sub.isalnum():
                out.append(sub)
            elif sub.isalnum():
                out.append(sub)  # other scripts (Arabic, CJK...) stay as they are
            elif sub not in _DROPPED:
                out.append(" ")
    return "".join(out)


class _CharTable(dict[int, str]):
    """A str.translate table that folds characters on first sight."""

    def __missing__(self, codepoint: int) -> str:
        folded = fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _CharTable()


_LIMIT = 262_144  # keys kept in each cache below


class _WordKeys(dict[str, str]):
    """The key of each word of folded characters (no spaces in it) made on first sight.

    Every step works inside a word, so words can be folded one by one, and names repeat
    their words (given names, common surnames) enough to cache. A hit is one dict lookup in
    C, with no Python call. When full, the older half is dropped.
    """

    def __missing__(self, word: str) -> str:
        _make_room(self)
        key = word
        for pattern, replacement in STEPS:
            key = pattern.sub(replacement, key)
        self[word] = key
        return key


class _ChunkKeys(dict[str, str]):
    """The key of each whitespace-free chunk of text ('Nazarbayev’s', 'the', 'Committee,'):
    chunks repeat even more than words, and fold as a whole (see `fold_key`)."""

    def __missing__(self, chunk: str) -> str:
        _make_room(self)
        key = self[chunk] = " ".join(map(_WORD_KEYS.__getitem__, chunk.translate(_TABLE).split()))
        return key


def _make_room(cache: dict[str, str]) -> None:
    """A full cache drops its older half (a dict keeps the order keys came in)."""
    if len(cache) >= _LIMIT:
        for old in list(islice(cache, len(cache) - _LIMIT // 2)):
            del cache[old]


_WORD_KEYS = _WordKeys()
_CHUNK_KEYS = _ChunkKeys()


def fold_key(text: str) -> str:
    """The match key of a text: space-separated folded tokens.

    Every whitespace character folds to a space and no step reaches across a space, so the
    key of a text is the keys of its whitespace-separated chunks joined by spaces (a chunk of
    punctuation alone has an empty key and is left out); each chunk's key is cached.
    """
    return " ".join(filter(None, map(_CHUNK_KEYS.__getitem__, text.split())))


def fold_keys(chunks: Sequence[str]) -> list[str]:
    """`fold_key` of each chunk, the ones never seen before folded together.

    For a text met cold (the words of a page of search hits): each fold step runs once
    over all the new words joined by spaces, instead of once per word. That gives the
    same keys, since no step reaches across a space or puts one in.
    """
    fresh = [chunk for chunk in dict.fromkeys(chunks) if chunk not in _CHUNK_KEYS]
    if fresh:
        parts = [chunk.translate(_TABLE).split() for chunk in fresh]
        words = [w for w in dict.fromkeys(w for ws in parts for w in ws) if w not in _WORD_KEYS]
        joined = " ".join(words)
        for pattern, replacement in STEPS:
            joined = pattern.sub(replacement, joined)
        for word, key in zip(words, joined.split(" ") if words else [], strict=True):
            _make_room(_WORD_KEYS)
            _WORD_KEYS[word] = key
        for chunk, ws in zip(fresh, parts, strict=True):
            _make_room(_CHUNK_KEYS)
            _CHUNK_KEYS[chunk] = " ".join(map(_WORD_KEYS.__getitem__, ws))
    return list(map(_CHUNK_KEYS.__getitem__, chunks))


@lru_cache(maxsize=1)
def digraph_beginnings() -> tuple[tuple[str, str], ...]:
    """(folded beginning, folded digraph) for every digraph the variants fold to one letter:
    ('s', 'W') since 's' begins 'sh'. A word typed so far that ends in a beginning may be on
    its way to the digraph ('Abis' to 'Abish'); longest beginnings first."""
    found: set[tuple[str, str]] = set()
    for digraph, folded in _VARIANTS.items():
        for end in range(1, len(digraph)):
            begun = fold_key(digraph[:end])
            if begun and begun != folded:
                found.add((begun, folded))
    return tuple(sorted(found, key=lambda pair: (-len(pair[0]), pair)))


def tokens(text: str) -> list[str]:
    """The folded tokens of a text."""
    return fold_key(text).split()


class Folded(NamedTuple):
    """A match key and, for each of its characters, the span of the original it came from."""

    original: str
    key: str
    spans: tuple[tuple[int, int], ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind key[start:end]."""
        return self.spans[start][0], self.spans[end - 1][1]

    def token_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each token within the key."""
        return [(m.start(), m.end()) for m in re.finditer(r"\S+", self.key)]


Pair = tuple[str, int, int]


def _substitute(
    pairs: list[Pair], pattern: re.Pattern[str], replacement: Replacement
) -> list[Pair]:
    """re.sub over (char, start, end) triples: new text inherits the span of what it replaced."""
    text = "".join(p[0] for p in pairs)
    out: list[Pair] = []
    position = 0
    for match in pattern.finditer(text):
        out.extend(pairs[position : match.start()])
        new = replacement if isinstance(replacement, str) else replacement(match)
        if match.end() > match.start():
            start, end = pairs[match.start()][1], pairs[match.end() - 1][2]
        else:
            start = end = (
                pairs[match.start()][1]
                if match.start() < len(pairs)
                else (pairs[-1][2] if pairs else 0)
            )
        same_length = len(new) == match.end() - match.start()
        for index, char in enumerate(new):
            span = pairs[match.start() + index][1:] if same_length else (start, end)
            out.append((char, span[0], span[1]))
        position = match.end()
    out.extend(pairs[position:])
    return out


def fold(text: str) -> Folded:
    """Fold with an offset map (slower than fold_key; use it for what is shown)."""
    pairs: list[Pair] = []
    for index, char in enumerate(text):
        pairs.extend((piece, index, index + 1) for piece in fold_char(char))
    for pattern, replacement in STEPS:
        pairs = _substitute(pairs, pattern, replacement)
    # Collapse and trim spaces exactly as fold_key does.
    cleaned: list[Pair] = []
    for pair in pairs:
        if pair[0] == " " and (not cleaned or cleaned[-1][0] == " "):
            continue
        cleaned.append(pair)
    while cleaned and cleaned[-1][0] == " ":
        cleaned.pop()
    return Folded(text, "".join(p[0] for p in cleaned), tuple((p[1], p[2]) for p in cleaned))
