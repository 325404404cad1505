"""The letters Kazakh Cyrillic adds to Russian's, and the Russian letters that stand for them.

One table for every module that tells a Kazakh word from a Russian one or writes a Kazakh
name the way a Russian text does ('Мәсімов' as 'Масимов').
"""

from __future__ import annotations

# Written by Kazakh alone among the Cyrillic scripts of the corpus (і is Ukrainian's too).
KAZAKH_SPECIFIC = "әғқңөұүһ"
KAZAKH_SPECIFIC_LETTERS = frozenset(KAZAKH_SPECIFIC + KAZAKH_SPECIFIC.upper())
# Every letter Kazakh adds to the Russian alphabet, і included, lower case.
KAZAKH_EXTRA = KAZAKH_SPECIFIC + "і"
KAZAKH_EXTRA_LETTERS = frozenset(KAZAKH_EXTRA + KAZAKH_EXTRA.upper())
# How a Russian text writes each of them: ә as а, ғ as г, ... і as и.
AS_RUSSIAN_LETTERS = "агкноуухи"
KAZAKH_TO_RUSSIAN = str.maketrans(KAZAKH_EXTRA, AS_RUSSIAN_LETTERS)

__all__ = [
    "AS_RUSSIAN_LETTERS",
    "KAZAKH_EXTRA",
    "KAZAKH_EXTRA_LETTERS",
    "KAZAKH_SPECIFIC",
    "KAZAKH_SPECIFIC_LETTERS",
    "KAZAKH_TO_RUSSIAN",
]
