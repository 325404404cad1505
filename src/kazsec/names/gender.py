"""Masculine and feminine forms of Russian and Kazakh surnames, on folded tokens.

Nazarbayev / Nazarbayeva, Masimov / Masimova, Karin / Karina, Dostoyevsky / Dostoyevskaya:
the same family name in its two grammatical genders. People cite a woman's surname in the
masculine form ('Nazarbayev Dariga', the family's name), so a search lets one form stand
for the other, a little below an equal token, so that when both a man and a woman of the
family are known the given name still decides. The endings are those of folded keys
(`kazsec.names.fold`): -ov/-ova, -ev/-eva (also -yev, -ёв), -in/-ina (also -yn),
-sky/-skiy/-ский (folded 'ski') / -skaya/-ская ('skaia', 'skaJa'), and -tsky ('Cki').
"""

from __future__ import annotations

from functools import lru_cache

# (masculine ending, feminine endings) of folded tokens.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ski", ("skaia", "skaJa")),
    ("Cki", ("Ckaia", "CkaJa")),
    ("ov", ("ova",)),
    ("ev", ("eva",)),
    ("in", ("ina",)),
)
# Letters a stem must keep before the ending: 'Ivanov' has 'ivan', but 'Eva' and 'Ova' no stem.
MIN_STEM = 3


@lru_cache(maxsize=65536)
def feminine_forms(token: str) -> tuple[str, ...]:
    """The feminine forms of a folded masculine surname token ('nazarbaev' -> 'nazarbaeva')."""
    for masculine, feminines in _ENDINGS:
        stem = token[: -len(masculine)]
        if token.endswith(masculine) and len(stem) >= MIN_STEM:
            return tuple(stem + feminine for feminine in feminines)
    return ()


@lru_cache(maxsize=65536)
def masculine_forms(token: str) -> tuple[str, ...]:
    """The masculine form of a folded feminine surname token ('nazarbaeva' -> 'nazarbaev')."""
    for masculine, feminines in _ENDINGS:
        for feminine in feminines:
            stem = token[: -len(feminine)]
            if token.endswith(feminine) and len(stem) >= MIN_STEM:
                return (stem + masculine,)
    return ()


__all__ = ["MIN_STEM", "feminine_forms", "masculine_forms"]
