"""Character-level repairs: decoding, mojibake, PDF ligatures, lost and non-breaking spaces.

Each function takes and returns one line of text and keeps the line a line: the
layout steps that follow rely on every line still mapping to one raw line.
"""

from __future__ import annotations

import re

import ftfy

from kazsec.corpus.ftfy_guard import ftfy_leaves_alone
from kazsec.errors import SourceError

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,  # shown to the reader as text, never stripped from the data
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    fix_character_width=False,
    uncurl_quotes=False,  # the sources' typographic quotes are part of the exact quotes we cite
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization="NFC",
    explain=False,
)


def decode_source_bytes(data: bytes, name: str) -> str:
    """Decode a raw file as UTF-8 (BOM dropped, newlines normalised to \\n).

    The decoded string is the "raw text" every offset of the raw view refers to.
    """
    if b"\x00" in data:
        raise SourceError(f"{name}: binary file (NUL bytes), not a text source")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair_utf8_mojibake(line: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 or Latin-1 (ftfy's speciality).

    ftfy only recognises mis-decoded UTF-8. It cannot see single-byte Cyrillic read
    as Latin-1 ('ôåâðàëÿ'): every byte there is a valid Latin-1 letter and no UTF-8
    sequence is involved, so that damage has its own step below.
    """
    # Nothing ftfy fixes is ASCII (most lines of English), and a line of Russian or Kazakh
    # prose is told apart from mojibake in a few µs instead of ftfy's ~100 (ftfy_guard.py).
    if line.isascii() or ftfy_leaves_alone(line):
        return line
    return ftfy.fix_text(line, config=_FTFY_CONFIG)


# A whole word made only of Latin-1 letters from À to ÿ (× and ÷ excluded): in
# English text that is never a real word, but it is exactly what Windows-1251
# Cyrillic looks like when its bytes are read as Latin-1 (0xC0-0xFF = А-я).
_CP1251_AS_LATIN1_WORD = re.compile(
    r"(?<![A-Za-z\u00C0-\u00FF])[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]{3,}(?![A-Za-z\u00C0-\u00FF])"
)

_LATIN1_LETTER = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")


def repair_cp1251_mojibake(line: str) -> str:
    """Restore Cyrillic words whose Windows-1251 bytes were read as Latin-1.

    '16 ôåâðàëÿ 2022' becomes '16 февраля 2022', 'Êàñûì' becomes 'Касым'.
    """
    if line.isascii() or not _LATIN1_LETTER.search(line):  # a quick look for any such letter
        return line

    def restore(match: re.Match[str]) -> str:
        return match.group(0).encode("latin-1").decode("cp1251")

    return _CP1251_AS_LATIN1_WORD.sub(restore, line)


# The PDF's font mapped the 'fi' ligature to the noncharacter U+3FFFF and 'fl' to 'À'.
_FI_LIGATURE = "\U0003ffff"
_FL_LIGATURE_IN_WORD = re.compile(r"(?:(?<=[A-Za-z])|(?<![^\s\"“(‘]))À(?=[a-z])")


def repair_pdf_ligatures(line: str) -> str:
    """Turn the PDF's broken ligature glyphs back into letters: 'inÀuence' -> 'influence'."""
    return _FL_LIGATURE_IN_WORD.sub("fl", line.replace(_FI_LIGATURE, "fi"))


_LIGATURE_LETTERS = re.compile("[\ufb00-\ufb06]")


def repair_ligature_letters(line: str) -> str:
    """Ligature letters a PDF's text gives for its ligature glyphs become plain letters:
    'ﬁnal' -> 'final', 'ﬂawed' -> 'flawed' (ftfy's table, on the few lines that have one)."""
    if line.isascii() or not _LIGATURE_LETTERS.search(line):
        return line
    return ftfy.fixes.fix_latin_ligatures(line)


# A soft hyphen (U+00AD) or a Unicode hyphen (U+2010) ending a line is the line-end
# hyphen the layout step rejoins, spelled another way.
_LINE_END_HYPHEN_MARK = re.compile("[\u00ad\u2010]\\s*$")


def repair_line_end_hyphen_marks(line: str) -> str:
    """'безопас\\u00ad' at a line end -> 'безопас-'; a soft hyphen inside a line is invisible
    and dropped."""
    if line.isascii() or ("\u00ad" not in line and "\u2010" not in line):
        return line
    return _LINE_END_HYPHEN_MARK.sub("-", line).replace("\u00ad", "")


def repair_lost_spaces(line: str) -> str:
    """The PDF extraction wrote U+FFFD where a (justified) space stood; put the space back."""
    return line.replace("\ufffd", " ")


# Spaces a page uses to stop a line break: no-break (U+00A0), figure (U+2007) and narrow
# no-break (U+202F). In running text they are spaces; left in, a quote typed with a plain
# space would not be found.
_NONBREAKING_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f", " "))


def normalise_nonbreaking_spaces(line: str) -> str:
    """No-break spaces become plain: 'sinologist\\u00a0Konstantin' -> 'sinologist Konstantin'."""
    # Looking costs far less than translating (which copies every line), and few lines have one.
    if line.isascii() or ("\u00a0" not in line and "\u2007" not in line and "\u202f" not in line):
        return line
    return line.translate(_NONBREAKING_SPACES)


# Words whose space or comma-space was lost when the page was collected. Only two shapes, both
# never right in prose: a whole lowercase word run into a capitalised one ('oursKazakhstan';
# 'NurOtan' starts with a capital and stays), and a comma between two words with no space after
# it ('Bank,one'). Web addresses, e-mail addresses and file names are left as they are.
_GLUED_CAPITAL = re.compile(r"(?<!\w)([a-z]{2,})([A-Z][a-z]{2,})(?!\w)")
_GLUED_COMMA = re.compile(r"(?<=[A-Za-z]{2})([,;])(?=[a-z]{2})")
_ADDRESS_LIKE = re.compile(r"[/@_]|www\.|\.[a-z]{2,}\b")
_TOKEN = re.compile(r"\S+")
# Either shape anywhere in a line: without one, no token can change (checked once per line,
# instead of once per word). Written as [a-z]{2}[A-Z][a-z]{2}|[A-Za-z]{2}[,;][a-z]{2} reads
# more plainly, but this form starts with one character class, which `re` scans for in C
# (10x quicker on a line with nothing glued); tests/test_build_speed.py checks they agree.
_MAYBE_GLUED = re.compile(r"[A-Z,;](?:(?<=[a-z]{2}[A-Z])|(?<=[A-Za-z]{2}[,;]))(?=[a-z]{2})")


def _unglue(token: re.Match[str]) -> str:
    text = token.group(0)
    if _ADDRESS_LIKE.search(text):
        return text
    text = _GLUED_CAPITAL.sub(r"\1 \2", text)
    return _GLUED_COMMA.sub(r"\1 ", text)


def repair_glued_words(line: str) -> str:
    """Put back the lost space between glued words: 'oursKazakhstan' -> 'ours Kazakhstan',
    'Halyk Bank,one of' -> 'Halyk Bank, one of'."""
    if not _MAYBE_GLUED.search(line):
        return line
    return _TOKEN.sub(_unglue, line)


# A terminal's escape sequences (CSI such as colours, OSC such as links and the clipboard,
# and the two-character ones), then any control character left but tab and form feed.
_ESCAPE_SEQUENCE = re.compile(
    "\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|[@-Z\\\\-_])"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # form feed kept: a PDF page mark


def remove_terminal_controls(line: str) -> str:
    """Take out escape sequences and control characters: in a document they are never text
    (a page saved from a terminal, a hostile file), and `kazsec check` would call them damage.
    Runs after ftfy, which reads some C1 controls as mis-decoded Windows-1252 letters."""
    if line.isprintable():
        return line
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", line))


_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")


def collapse_spaces(line: str) -> str:
    """Fold runs of spaces and tabs inside a line into one space; keep the line's edges."""
    stripped = line.strip(" \t")
    if not stripped:
        return ""
    inner = stripped
    # A run of two or more holds a tab, a no-break space or two spaces in a row.
    if "  " in stripped or "\t" in stripped or "\u00a0" in stripped:
        inner = _SPACE_RUN.sub(" ", stripped)
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return lead + inner
