"""Plain text files (.txt, .md, anything textual) in whatever encoding they were saved.

UTF-8 is tried first, exactly as the bundled sources are read (so they give the same
text, byte for byte); a file with a byte-order mark is read by it (UTF-16 and UTF-32
carry NUL bytes, so the mark is checked before NULs count as binary); anything else is
left to charset-normalizer, which honours a declared charset (`<meta charset=...>`,
`coding:`) and otherwise measures which single-byte code page makes the most sense of
the bytes: Windows-1251 and KOI8-R Cyrillic come out clean.
"""

from __future__ import annotations

import codecs

from kazsec.corpus.repair_text import decode_source_bytes
from kazsec.errors import SourceError

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _by_bom(raw: bytes, filename: str) -> str | None:
    """The text a byte-order mark names, or None when the file has no mark."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"{filename}: starts with a {encoding} byte-order mark but is not "
                    f"{encoding} text (byte {exc.start})"
                ) from None
    return None


def decode_text(raw: bytes, filename: str) -> str:
    """The text of a file's bytes, decoded by the rules above, with `\\n` newlines.

    Raises SourceError for an empty file, a binary one, or bytes no encoding explains.
    """
    if not raw.strip():
        raise SourceError(f"{filename}: empty file, no text to read")
    if raw.startswith(codecs.BOM_UTF8) or b"\x00" not in raw:
        try:
            # The bundled sources' own reader: the same text for every UTF-8 file.
            return decode_source_bytes(raw, filename)
        except SourceError:
            pass
    by_bom = _by_bom(raw, filename)
    if by_bom is not None:
        return _normalise_newlines(by_bom)
    if b"\x00" in raw:
        raise SourceError(f"{filename}: binary file (NUL bytes), not a text document")
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(f"{filename}: binary file, no text encoding explains its bytes")
    return _normalise_newlines(str(best))
