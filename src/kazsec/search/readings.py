"""Other readings of what a user typed: case forms, European spellings, the wrong keyboard.

A researcher copies a name as the text they read it in wrote it: 'Масимова' (a Russian
genitive), 'Ермекбаевтың' (Kazakh), 'Jermekbajew' (German), 'Cfubv,ftd' (Russian typed
with the English layout on). Each reading is a folded token the name index may hold,
with the quality it is worth and the route that led to it, so a result can say how it
matched: 'Масимова → Масимов (Russian genitive)'.

Readings only ever add tokens to look up: a token the index holds as typed is still
worth more (100) than any reading of it, so a declension never beats an exact match.
The morphology, spelling and keyboard tables load on first use (see names/).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from kazsec.names.fold import fold_key

SearchMode = Literal["exact", "scripts", "fuzzy"]
SEARCH_MODES: tuple[SearchMode, ...] = ("exact", "scripts", "fuzzy")
MODE_LABELS: dict[SearchMode, str] = {
    "exact": "exact: as typed",
    "scripts": "all scripts",
    "fuzzy": "fuzzy: typos too",
}

# What each kind of reading is worth, under an equal token (100) and over the other
# gender of a surname (96) and every typo: the name is the same, only its form differs.
SPELLING = 98.0  # the same name as another language romanizes it
CASE_FORM = 97.0  # a grammatical case (or other gender) of the name
CASE_FORM_SPELLED = 96.5  # both: 'Jermekbajewa' (Polish genitive, Polish spelling)
WOMANS_FORM = 80.0  # a feminine case form read as the man's surname: a guess
WRONG_LAYOUT = 0.98  # a whole query read in the other keyboard layout: its scores, scaled
# Letters a word needs before its endings are worth reading: 'Ова' is no name's case form.
MIN_WORD_LETTERS = 4


# Letters and digraphs only Polish or Czech spelling writes a Russian name with.
_WEST_SLAVIC = re.compile(r"[wj]|sz|cz|rz", re.IGNORECASE)


class Reading(NamedTuple):
    """One folded token a query word may stand for, what it is worth, and why."""

    token: str
    quality: float
    route: str  # 'Масимов (Russian genitive)': the form read, and how


def _bare(word: str) -> str:
    """A word without the punctuation around it ('«Масимова»,' -> 'Масимова')."""
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


@lru_cache(maxsize=8192)
def word_readings(word: str) -> tuple[Reading, ...]:
    """Other tokens one typed word (one folded token) may stand for, best first.

    Its case forms (Russian, Ukrainian, Kazakh, Polish, Czech endings), its European
    spellings (German, French, Polish, Czech, Turkish), and both together.
    """
    from kazsec.names.declension import query_bases
    from kazsec.names.romanize import readings as spelled

    bare = _bare(word)
    own = fold_key(bare)
    if sum(char.isalpha() for char in bare) < MIN_WORD_LETTERS or " " in own:
        return ()
    found: dict[str, Reading] = {}

    def add(token: str, quality: float, route: str) -> None:
        better = token not in found or found[token].quality < quality
        if token and " " not in token and token != own and better:
            found[token] = Reading(token, quality, route)

    for key, system in spelled(bare):
        add(key, SPELLING, f"{bare} ({system})")
    latin_a = bare.isascii() and bare.endswith("a") and not _WEST_SLAVIC.search(bare)
    for base, case in query_bases(bare):
        # A woman's case form of a surname ('Маминой') stands for the man's only as a
        # guess, as the feminine nominative does (names/gender.py): another person. So
        # does a Latin '-a' in English spelling: 'Pushkina' is a woman before it is a
        # Polish genitive ('Puszkina', 'Jermekbajewa' show their Polish spelling).
        worth = WOMANS_FORM if "feminine" in case or latin_a else CASE_FORM
        add(fold_key(base), worth, f"{base} ({case})")
        for key, system in spelled(base):
            add(key, min(worth, CASE_FORM_SPELLED), f"{base} ({case}, {system})")
    return tuple(sorted(found.values(), key=lambda r: (-r.quality, r.token)))


def warm_up() -> None:
    """Load the morphology dictionaries now (about 0.15 s), off the UI thread, so that the
    first Cyrillic word typed into the explorer does not wait for them."""
    word_readings("Масимовой")
    word_readings("Jermekbajewa")


def layout_readings(query: str) -> list[tuple[str, str]]:
    """The query as meant when typed with the other keyboard layout, with the reason
    (from four letters on: 'bv' is no more 'им' than it is a typo for anything)."""
    from kazsec.names.keyboard import other_layout

    if sum(char.isalpha() for char in query) < MIN_WORD_LETTERS:
        return []
    return other_layout(query)


def query_words(query: str) -> list[str]:
    """The typed word behind each folded token of a query ('' where a word folds to more
    than one token, as 'Қасым-Жомарт' does: its parts are read as they are)."""
    owners: list[str] = []
    for chunk in query.split():
        parts = fold_key(chunk).split()
        owners.extend([chunk] if len(parts) == 1 else [""] * len(parts))
    return owners


# Folded endings of a patronymic a user may add that a name's aliases leave out:
# Russian -ovich/-evich/-ovna/-evna/-ichna (ch folds to X) and Kazakh -uly/-kyzy.
_PATRONYMIC_ENDINGS = ("oviX", "eviX", "iX", "ovna", "evna", "iXna", "uli", "ule", "kizi")


# Prepositions and conjunctions copied with a name ('о Кариме Масимове', 'для Токаева'),
# folded: when no name word answers them they say nothing about the name.
FUNCTION_WORDS = frozenset(
    [
        "o",
        "ob",
        "obo",
        "v",
        "vo",
        "s",
        "so",
        "u",
        "k",
        "ko",
        "ot",
        "dlia",
        "pri",
        "pro",
        "na",
        "po",
        "iz",
        "za",
        "do",
        "bez",
        "i",
        "ili",
        "z",
        "vid",
        "ta",
        "and",
        "of",
        "the",
        "von",
        "van",
        "de",
        "da",
        "del",
        "di",
        "le",
        "la",
        "und",
        "et",
    ]
)


def looks_like_patronymic(token: str) -> bool:
    """Whether a folded token reads as a patronymic ('kaJimkanoviX', 'abiXevna', 'uli')."""
    return (len(token) >= 5 and token.endswith(_PATRONYMIC_ENDINGS)) or token in ("uli", "kizi")


__all__ = [
    "CASE_FORM",
    "MODE_LABELS",
    "SEARCH_MODES",
    "SPELLING",
    "WRONG_LAYOUT",
    "Reading",
    "SearchMode",
    "layout_readings",
    "looks_like_patronymic",
    "query_words",
    "warm_up",
    "word_readings",
]
