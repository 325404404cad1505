"""Text from sources and users on its way to a terminal: shown, never obeyed."""

from __future__ import annotations

from rich.text import Text


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "␡"
    return "␦"  # C1 controls have no pictures of their own


_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
_VISIBLE = {code: _visible(chr(code)) for code in _CONTROLS if chr(code) not in "\n\t"}


def inert(text: str) -> str:
    """Replace each control character (ESC, BEL, CR, C1…) by one visible picture of it.

    \\n and \\t are kept. One character for one character, so offsets of quotes and
    mentions still hold; every string from data or from the user goes through here on
    its way to a terminal, so an escape sequence is shown, never obeyed.
    """
    return text.translate(_VISIBLE)


def data_text(text: str, style: str = "", **options: object) -> Text:
    """A rich Text of data: inert, and never read as markup."""
    return Text(inert(text), style=style, **options)  # type: ignore[arg-type]
