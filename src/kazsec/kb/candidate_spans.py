"""Name-like spans in one passage: capitalised names, initials with a surname, names after a
title, and acronyms (bodies' names are found by `candidate_bodies`).

A passage is read as runs of capitalised words, initials and acronyms separated by single
spaces, found with one compiled pattern (a scan in C; only the runs are looked at in
Python). A run is then cut: acronyms stand alone, months, weekdays and places split it, a
title before it marks a person, an ordinary word opening a sentence is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from functools import lru_cache
from typing import NamedTuple

from kazsec.kb.candidate_keys import is_ordinary, is_stop, morph, surname_shaped
from kazsec.kb.candidate_lexicon import (
    INITIAL,
    LOWER,
    STOP_ACRONYMS,
    STOP_PHRASES,
    TITLE_WORD,
    UPPER,
)

WORD = rf"{UPPER}(?:['’]{UPPER})?{LOWER}+(?:{UPPER}{LOWER}+)?(?:-{UPPER}{LOWER}+)*"
_PIECE = re.compile(
    rf"(?<![\w’'-])(?:(?P<ini>{INITIAL}(?:[ \u00a0]?-?{INITIAL}){{0,2}})(?![\w’'])"
    rf"|(?P<acr>{UPPER}{{2,6}})(?![\w’']|-\d)|(?P<word>{WORD})(?![\w]))"
)
# Three words in capitals in a row: a headline or a shout, not acronyms.
_SHOUT = re.compile(rf"{UPPER}{{2,}}(?:[ \u00a0]+{UPPER}{{2,}}){{2,}}")
# Between a title and a name: a body's acronym or one word in the genitive ('председатель
# КНБ Сидоренко', 'министр обороны Петров').
_BETWEEN = re.compile(
    rf"{UPPER}{{2,6}}|{LOWER}+(?:ы|и|а|я|ого|его|ых|их|ой|ей|ов|ев|ий|і|ї|у|ю|ng)"
)
_REACH = 80  # characters before a name a title is looked for in
# Abbreviations a full stop follows inside a sentence ('Gen. Ivanov', 'ген. Иванов').
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt st sr jr vs no им г гг ген полк т е см ул".split()  # noqa: SIM905
)
_WORD_BEFORE_DOT = re.compile(r"(\w{1,4})\.$")
_OPENING = " \u00a0\t«\"“„‘'([—–-"


class Piece(NamedTuple):
    """A capitalised word, an acronym or initials, with its offsets."""

    start: int
    end: int
    kind: str  # "word", "acr" or "ini"
    text: str


class Found(NamedTuple):
    """A name-like span before its key is made: `words` are the name's words (a body's or
    an acronym's key is made where it is found, in `key`)."""

    start: int
    end: int
    kind: str  # "person", "body" or "unknown"
    role: str  # "name", "single", "maybe", "initials", "acronym", "body"
    words: tuple[str, ...]
    key: str = ""


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word at `start` opens a sentence (or the passage, a line, a quote after a
    colon); a full stop after an initial or an abbreviation ('Gen.', 'г.') ends none."""
    at = start
    while at > 0 and text[at - 1] in _OPENING:
        at -= 1
    if at == 0 or text[at - 1] in "!?…\n:;":
        return True
    if text[at - 1] != ".":
        return False
    before = _WORD_BEFORE_DOT.search(text, max(0, at - 6), at)
    if before is None:
        return True
    word = before.group(1)
    return not (len(word) == 1 and word.isupper()) and word.lower() not in _ABBREVIATIONS


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    """A title or rank ('General', 'генерал-майор', 'председателя', 'төрағасы')."""
    return bool(TITLE_WORD.match(word))


def _titled(text: str, start: int) -> bool:
    """Whether a title stands just before `start`, spaces between (see _BETWEEN)."""
    before = text[max(0, start - _REACH) : start]
    if not before.endswith((" ", "\u00a0")):
        return False
    words = before.split()[-2:]
    if words and is_title(words[-1]):
        return True
    return len(words) == 2 and is_title(words[0]) and bool(_BETWEEN.fullmatch(words[1]))


def runs(text: str) -> Iterator[list[Piece]]:
    """Runs of pieces separated by one or two spaces (no line break, no punctuation)."""
    run: list[Piece] = []
    end = -9
    for match in _PIECE.finditer(text):
        start = match.start()
        if run and not (
            0 < start - end <= 2 and text[end:start].isspace() and "\n" not in text[end:start]
        ):
            yield run
            run = []
        end = match.end()
        run.append(Piece(start, end, match.lastgroup or "word", match.group()))
    if run:
        yield run


def _stop_phrase(run: list[Piece], index: int) -> int:
    """How many pieces a place written in two words takes at `index` (0: none)."""
    first = run[index].text.lower()
    if (first, "") in STOP_PHRASES:
        return 1
    if index + 1 < len(run) and (first, run[index + 1].text.lower()) in STOP_PHRASES:
        return 2
    return 0


def _segments(run: list[Piece]) -> Iterator[tuple[list[Piece], bool]]:
    """A run cut at acronyms, places, months, weekdays and titles (those left out), each
    part with whether a title stands right before it ('Deputy Chairman Ivan Petrov')."""
    segment: list[Piece] = []
    titled = False
    index = 0
    while index < len(run):
        piece = run[index]
        skip = _stop_phrase(run, index) if piece.kind == "word" else 0
        title = piece.kind == "word" and is_title(piece.text)
        if piece.kind == "acr" or skip or title or (piece.kind == "word" and is_stop(piece.text)):
            if segment:
                yield segment, titled
            segment, titled = [], title
            index += skip or 1
            continue
        segment.append(piece)
        index += 1
    if segment:
        yield segment, titled


def _acronyms(run: list[Piece], shouts: list[tuple[int, int]]) -> Iterator[Found]:
    for piece in run:
        if piece.kind != "acr" or piece.text in STOP_ACRONYMS:
            continue
        if not any(start <= piece.start < end for start, end in shouts):
            yield Found(piece.start, piece.end, "body", "acronym", (piece.text,))


def _with_initials(segment: list[Piece]) -> Iterator[Found | list[Piece]]:
    """Initials and the surname after ('K.K. Massimov') or before them ('Масимов К.К.')
    make a person; the words around them are left as segments of their own."""
    words: list[Piece] = []
    index = 0
    while index < len(segment):
        piece = segment[index]
        if piece.kind != "ini":
            words.append(piece)
            index += 1
            continue
        after = segment[index + 1] if index + 1 < len(segment) else None
        if after is not None and after.kind == "word":
            if words:
                yield words
            words = []
            yield Found(piece.start, after.end, "person", "initials", (after.text,))
            index += 2
            continue
        if words:
            surname = words.pop()
            if words:
                yield words
            words = []
            yield Found(surname.start, piece.end, "person", "initials", (surname.text,))
        index += 1
    if words:
        yield words


def _person_like(
    words: list[Piece], titled: bool, opens: bool, lowercase: Set[str]
) -> Found | None:
    """Two to four words: a person after a title or with a name the dictionary knows; else,
    unless a word of it is one the corpus writes in lowercase (a title in title case:
    'Security Policies Again'), a person with a word shaped like a surname, or of unknown
    kind. One word: a person after a title, or a surname inside a sentence, else a maybe
    (a name if a longer one found elsewhere ends in it)."""
    texts = tuple(w.text for w in words)
    start, end = words[0].start, words[-1].end
    if len(words) > 4:
        return None  # a headline in title case, most likely
    common = any(w.lower() in lowercase for w in texts)
    if len(words) == 1:
        if titled or (not opens and not common and surname_shaped(texts[0])):
            return Found(start, end, "person", "single", texts)
        return Found(start, end, "unknown", "maybe", texts)
    if titled or any(morph(w).name for w in texts):
        return Found(start, end, "person", "name", texts)
    if common:
        return None
    person = any(surname_shaped(w) for w in texts)
    return Found(start, end, "person" if person else "unknown", "name", texts)


def name_spans(text: str, lowercase: Set[str]) -> Iterator[Found]:
    """Every name-like span of a passage but bodies' names; `lowercase` holds the words the
    corpus writes in lowercase (a capitalised one of them opening a sentence is no name)."""
    shouts = [m.span() for m in _SHOUT.finditer(text)]
    for run in runs(text):
        yield from _acronyms(run, shouts)
        first = run[0]
        opens = first.kind == "word" and sentence_initial(text, first.start)
        if opens and (is_ordinary(first.text) or first.text.lower() in lowercase):
            run, opens = run[1:], False
        for segment, titled in _segments(run):
            start = segment[0].start
            here = titled or _titled(text, start)
            initial = opens and start == first.start
            for part in _with_initials(segment):
                if isinstance(part, Found):
                    yield part
                elif (found := _person_like(part, here, initial, lowercase)) is not None:
                    yield found
                here = initial = False
