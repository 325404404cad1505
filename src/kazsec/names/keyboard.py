"""TEMPORARY stub until the helper's module lands."""

from __future__ import annotations

_EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_RU = "йцукенгшщзхъфывапролджэячсмитьбюё"
_TO_RU = str.maketrans(_EN + _EN.upper(), _RU + _RU.upper())
_TO_EN = str.maketrans(_RU + _RU.upper(), _EN + _EN.upper())


def other_layout(text: str) -> list[tuple[str, str]]:
    out = []
    if any("a" <= c.lower() <= "z" for c in text):
        out.append((text.translate(_TO_RU), "typed with the English layout"))
    if any("а" <= c.lower() <= "я" for c in text):
        out.append((text.translate(_TO_EN), "typed with the Russian layout"))
    return out
