"""Text typed with the wrong keyboard layout, read as it was meant.

A user in Almaty types 'Cfubv,ftd' with the English layout on while meaning 'Сагимбаев',
or 'Ыфвнлгдщм' with the Russian one on while meaning 'Sadykulov'. Each key stands for one
letter in each layout, so the slip is undone key by key (str.translate), and Shift carries
over: a capital stays a capital. The Kazakh layout puts its own letters on the digit row,
so 'Nj0ftd' is 'Тоқаев'.

Whether a text was a slip at all is judged by how odd it looks against how odd its other
reading looks: 'Cfubv,ftd' has a comma inside a word and hardly a vowel, 'Сагимбаев' looks
like a name; 'Sadykulov' already looks like one and is left alone.
"""

from __future__ import annotations

import math
import re

# The keys of the English (US) and Russian (ЙЦУКЕН) layouts, row by row, then with Shift.
_EN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,." + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>'
_RU_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю" + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"
_TO_RUSSIAN = str.maketrans(_EN_KEYS, _RU_KEYS)
_TO_ENGLISH = str.maketrans(_RU_KEYS, _EN_KEYS)
# The Kazakh layout is ЙЦУКЕН with Kazakh letters on the digit row. Only the digit keys are
# read as letters: the '-' and '=' keys (ө, һ) are far likelier a hyphen or an equals sign.
_TO_KAZAKH = str.maketrans(
    _EN_KEYS + "234589" + "0" + "@#$%*(" + ")", _RU_KEYS + "әіңғүұ" + "қ" + "ӘІҢҒҮҰ" + "Қ"
)

_EN_LETTER = re.compile(r"[A-Za-z]")
_RU_LETTER = re.compile(r"[А-Яа-яЁё]")
# A letter of neither layout: other scripts, and Kazakh ә, і, ң... (no English key gives
# them, and text with them was typed on the Kazakh layout on purpose).
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-zА-Яа-яЁё]")
_KAZAKH_DIGIT_IN_WORD = re.compile(r"(?<=[A-Za-z])[0234589@#$%*()]|[0234589@#$%*()](?=[A-Za-z])")

# Letter frequencies (per thousand) in names written in each script: Russian and Kazakh
# names in Cyrillic, their English romanizations in Latin. A slip reads as a run of rare
# letters (ф, щ, ш stand where English vowels were; x, b, j, f where Russian ones were).
# fmt: off
_PER_THOUSAND = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё" "әіңғүұқөһ" "aeioyunrstlkmbdvghzcjpfwxq",
    (97, 85, 110, 74, 67, 60, 52, 50, 45, 44, 40, 34, 30, 25, 27, 20, 19, 15, 19, 17, 26, 14,
     12, 10, 11, 8, 6, 5, 4, 3, 3, 1, 1,
     15, 15, 8, 6, 8, 8, 20, 6, 1,
     120, 90, 75, 65, 40, 40, 70, 60, 55, 50, 50, 50, 40, 30, 30, 25, 20, 30, 20, 15, 10, 12, 8,
     5, 2, 4),
    strict=True,
))
# fmt: on
_LOG = {letter: math.log(count / 1000) for letter, count in _PER_THOUSAND.items()}
_RARE = math.log(0.5 / 1000)

_VOWELS = frozenset("aeiouyаеёиоуыэюяәіөұү")
_CONSONANT_RUN = re.compile(r"[^\W\d_aeiouyаеёиоуыэюяәіөұү]{4,}", re.IGNORECASE)
# What Russian spelling never does: ы, ь, ъ opening a word; ь or ъ after a vowel; й after a
# consonant; щ beside a consonant. A word typed meaning English, read in Russian, does these
# constantly (ф, щ, ш, г, н are the keys of a, o, i, u, y).
_RUSSIAN_NEVER = re.compile(
    r"(?<![^\W\d_])[ыьъ]|[аеёиоуыэюя][ьъ]|[бвгджзклмнпрстфхцчшщ]й"
    r"|[бвгджзклмнпрстфхцчщ]щ|щ[бвгджзйклмнпстфхцчшщ]",
    re.IGNORECASE,
)
# What names in Latin never do, and Russian typed on the English layout does: j or q
# before anything but a vowel (о and й are those keys); a consonant opening a word before
# f, b or j (На, Ли, То...: а, и, о are those keys).
_LATIN_NEVER = re.compile(
    r"[jq](?![aeiouy])|(?<![^\W\d_])[bcdfghjklmnpqrstvwxyz][fbj]", re.IGNORECASE
)
# Punctuation inside a word, or a key like ~ { < glued to its start: б ю ж х ё typed in English.
_INNER_PUNCTUATION = re.compile(
    r"(?<=[^\W\d_])[^\w\s'’-]+(?=[^\W\d_])|(?<![^\s])[~`{}<>\[\]]+(?=[^\W\d_])"
)


def _oddness(text: str) -> int:
    """Signs that a text is not a name or word: 0 for 'Сагимбаев', high for 'Cfubv,ftd'."""
    score = 0
    for word in text.split():
        letters = [char for char in word if char.isalpha()]
        # Acronyms (КНБ, NSC) have no vowels and are none the odder for it.
        if len(letters) >= 3 and not word.isupper():
            vowels = sum(char.lower() in _VOWELS for char in letters)
            if vowels == 0:
                score += 3
            elif vowels * 4 < len(letters):
                score += 1
        score += sum(len(run) - 3 for run in _CONSONANT_RUN.findall(word))
        score += 2 * len(_INNER_PUNCTUATION.findall(word))
        score += 2 * len(_RUSSIAN_NEVER.findall(word))
        score += 2 * len(_LATIN_NEVER.findall(word))
    return score


# A key that is a letter in one layout and punctuation in the other costs the punctuation
# side this much, as if it were a letter rarer than any: 'F,bi' pays for its comma.
_KEY_AS_PUNCTUATION = math.log(2 / 1000)


def _likelihood(text: str, twin: str) -> float:
    """How name-like a text is beside its other reading: log letter frequencies, less 2 for
    each sign of oddness."""
    total = 0.0
    for char, other in zip(text.lower(), twin.lower(), strict=True):
        if char.isalpha():
            total += _LOG.get(char, _RARE)
        elif other.isalpha():
            total += _KEY_AS_PUNCTUATION
    return total - 2.0 * _oddness(text)


# How much likelier the other reading must be: a slip of a 5-letter word gains 4 to 10. Rare
# Russian letters make a right word look a little like a slip (Щукин against 'Oerby' loses
# 3.0), so Cyrillic needs the wider margin before it is read as English.
_MARGIN_TO_CYRILLIC = 2.5
_MARGIN_TO_LATIN = 3.2


def _better(original: str, other: str, margin: float) -> bool:
    """Whether the other reading is clearly the one meant."""
    return _likelihood(other, original) - _likelihood(original, other) > margin


def other_layout(text: str) -> list[tuple[str, str]]:
    """What a text typed with the wrong keyboard layout was meant to say, labelled.

    Latin typed on the Russian layout by key position gives ('Сагимбаев', 'typed with the
    Russian layout') for 'Cfubv,ftd' (the , . ; ' [ ] ` keys are б ю ж э х ъ ё there);
    Cyrillic typed meaning English gives ('Sadykulov', 'typed with the English layout') for
    'Ыфвнлгдщм'. Digits inside a Latin word may be the Kazakh layout's letters: 'Nj0ftd' gives
    ('Тоқаев', 'typed with the Kazakh layout'). Case is kept key by key. Nothing is returned
    when the text already looks right, mixes in letters no layout slip produces (Kazakh
    Cyrillic for an English reading, other scripts), or has letters of both layouts.
    """
    has_en = _EN_LETTER.search(text) is not None
    has_ru = _RU_LETTER.search(text) is not None
    if has_en == has_ru or _OTHER_LETTER.search(text):
        return []  # no letters, or both scripts at once: not one slip of the layout switch
    if sum(char.isalpha() for char in text) < 3:
        return []  # 'F-16', 'Li': too short to tell a slip from what was meant
    found: list[tuple[str, str]] = []
    if has_en:
        russian = text.translate(_TO_RUSSIAN)
        if _KAZAKH_DIGIT_IN_WORD.search(text):
            kazakh = text.translate(_TO_KAZAKH)
            if _better(text, kazakh, _MARGIN_TO_CYRILLIC):
                found.append((kazakh, "typed with the Kazakh layout"))
        # То0аев is no reading beside Тоқаев.
        if not found and _better(text, russian, _MARGIN_TO_CYRILLIC):
            found.append((russian, "typed with the Russian layout"))
    else:
        english = text.translate(_TO_ENGLISH)
        if _better(text, english, _MARGIN_TO_LATIN):
            found.append((english, "typed with the English layout"))
    return found
