"""Text from sources and users on its way to a terminal: shown, never obeyed."""

from __future__ import annotations

import unicodedata


def make_control_chars_visible(text: str) -> str:
    """Show C0/C1 control characters (ESC and friends) as visible escapes, keeping \\n and \\t.

    Used wherever source text reaches a terminal, so an escape sequence inside a
    document is displayed instead of being obeyed by the terminal.
    """
    out = []
    for char in text:
        if char in "\n\t" or unicodedata.category(char) != "Cc":
            out.append(char)
        else:
            out.append(f"\\x{ord(char):02x}")
    return "".join(out)
