"""Text from sources and users on its way to a terminal: shown, never obeyed."""

from __future__ import annotations



def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "␡"
    return "␦"  # C1 controls have no pictures of their own


_VISIBLE = {code: _visible(chr(code)) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\n\t"}


def make_control_chars_visible(text: str) -> str:
    """Replace each control character (ESC, BEL, CR, C1…) by one visible picture of it, keeping \\n and \\t.

    One character for one character, so offsets of quotes and mentions still hold; used
    wherever source text reaches a terminal, so an escape sequence is shown, never obeyed.
    """
    return text.translate(_VISIBLE)
