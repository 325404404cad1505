"""Text from sources and users on its way to a terminal: shown, never obeyed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "␡"
    if 0x80 <= code < 0xA0:
        return "␦"  # C1 controls (U+009B is a one-character CSI) have no pictures of their own
    if 0xD800 <= code < 0xE000:
        return "\ufffd"  # a lone surrogate cannot be written out at all
    if code in _LINE_BREAKS:
        return _LINE_BREAKS[code]
    return "⇄"  # bidi embeddings, overrides and isolates would reorder the text around them


# Unicode's own line and paragraph separators: a table or a line of the TUI would break (or
# not) as each terminal pleases; shown as the pictures of a new line and a paragraph.
_LINE_BREAKS = {0x2028: "␤", 0x2029: "¶"}
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_SURROGATES = range(0xD800, 0xE000)
_VISIBLE = {
    code: _visible(chr(code))
    for code in [*_CONTROLS, *_BIDI, *_SURROGATES, *_LINE_BREAKS]
    if chr(code) not in "\n\t"
}
_UNSAFE_JSON = re.compile("[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def inert(text: str) -> str:
    """Make text safe to show: every control character shown as a picture of itself.

    C0 and C1 controls, DEL and ESC become visible pictures (␛ for ESC), bidi embeddings,
    overrides and isolates become ⇄, the line and paragraph separators ␤ and ¶, lone
    surrogates U+FFFD; \\n and \\t are kept. One character for one, so offsets of quotes
    and mentions still hold. Every string from the
    data or from the user goes through here on its way to a terminal or the clipboard, so
    an escape sequence is shown, never obeyed.
    """
    return text.translate(_VISIBLE)


def json_text(value: object, indent: int | None = None) -> str:
    """JSON that keeps every character of the data and is safe on a terminal and valid UTF-8.

    Letters of any script stay readable; characters a terminal would act on (C1 controls,
    bidi overrides, line separators) and lone surrogates are written as \\u escapes, which
    any JSON reader turns back into the same characters. (C0 controls are escaped by json.)
    """
    import json  # only --json needs it

    dumped = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def data_text(text: str, style: str = "", **options: object) -> Text:
    """A rich Text of data: inert, and never read as markup."""
    from rich.text import Text  # here: `inert` alone (a pipe's lines) needs no rich

    return Text(inert(text), style=style, **options)  # type: ignore[arg-type]
