"""The build's shortcuts give exactly what the plain steps give.

Each quick path in the repair (a check that skips ftfy, a cheaper pre-check, a combined
pattern) is compared here with the slow path it stands in for, on generated text that
mixes the scripts and the damage the sources carry: Cyrillic and Kazakh, Latin-1 and cp1251
mojibake, ligatures, C1 controls, no-break spaces. (Speed itself is measured by benchmarks,
never asserted.)
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from re import _parser as sre_parse  # type: ignore[attr-defined]

import ftfy
import regex
from ftfy import fixes
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from kazsec.corpus import boilerplate, ftfy_guard
from kazsec.corpus.repair_text import (
    _FTFY_CONFIG,
    collapse_spaces,
    normalise_nonbreaking_spaces,
    repair_cp1251_mojibake,
    repair_glued_words,
    repair_utf8_mojibake,
)

WORDS = ["Масимов", "февраля", "Қасым-Жомарт", "Тоқаев", "ұлттық", "қауіпсіздік", "Nazarbayev"]
WORDS += ["café", "naïve", "Öl", "d’état", "résumé", "Ёлка", "ВГРС", "ГўВЂВ", "вЂ"]


def _mojibake(word: str) -> list[str]:
    """The ways the sources' words come out damaged: UTF-8 read as a single-byte code, and
    cp1251 read as Latin-1 (each only where the bytes decode at all)."""
    out = []
    for encoding, decoding in (
        ("utf-8", "cp1252"),
        ("utf-8", "latin-1"),
        ("utf-8", "cp1251"),
        ("cp1251", "latin-1"),
        ("utf-8", "macroman"),
    ):
        with contextlib.suppress(UnicodeError):
            out.append(word.encode(encoding).decode(decoding))
    return out


FRAGMENTS = sorted({m for w in WORDS for m in [w, *_mojibake(w)]})
FRAGMENTS += ["В«Р", "С“Р", "Р»С", "Ã©", "Â ", " Â«", "ﬁ", "ﬂ", "\u0085", "\x96", "\u00a0"]
FRAGMENTS += ["\u2007", "\u202f", "e\u0301", "Е\u0308", "Ґ", "Ђ", "ў", "½", "€", "№", "°"]
LETTERS = "aAzZ ,;.-'" + ftfy_guard.RUSSIAN[:8] + "ВГРС" + ftfy_guard.KAZAKH[:6]
LETTERS += ftfy_guard.PUNCTUATION + "\t\u00c0\u00c9\u00e0\u00ff\u00d7\u0080\u009fþ"

lines = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet=LETTERS, max_size=6),
        st.characters(exclude_categories=("Cs",), exclude_characters="\n"),
    ),
    max_size=14,
).map("".join)
safe_lines = st.lists(
    st.one_of(
        st.sampled_from(["В«Р", "С“Р", "Р»С", "РёРІ", "Р Р", "Р’С", "С”"]),
        st.text(alphabet=sorted(ftfy_guard.SAFE - {"\n"}), max_size=8),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=600)
@given(lines)
def test_the_ftfy_guard_agrees_with_ftfy(line: str) -> None:
    fixed = ftfy.fix_text(line, config=_FTFY_CONFIG)
    assert repair_utf8_mojibake(line) == fixed
    if ftfy_guard.ftfy_leaves_alone(line):
        assert fixed == line


@settings(max_examples=400)
@given(safe_lines)
def test_on_safe_text_the_cut_down_regex_finds_what_ftfys_finds(line: str) -> None:
    assert ftfy_guard._UNSAFE.search(line) is None
    assert bool(ftfy_guard._BAD_IF_SAFE.search(line)) == bool(BADNESS_RE.search(line))
    assert repair_utf8_mojibake(line) == ftfy.fix_text(line, config=_FTFY_CONFIG)


def test_the_alternatives_are_ftfys_own() -> None:
    pieces = ftfy_guard.split_alternatives(BADNESS_RE.pattern)
    assert "|".join(pieces) == BADNESS_RE.pattern
    [(branch, (_, alternatives))] = list(sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags))
    assert branch is sre_parse.BRANCH and len(pieces) == len(alternatives)
    assert 0 < len(ftfy_guard.split_alternatives(ftfy_guard._BAD_IF_SAFE.pattern)) < len(pieces)


def test_no_safe_character_is_one_the_other_fixes_change() -> None:
    # Each alone, and every pair for NFC (a composition needs two characters next to each other).
    safe = sorted(ftfy_guard.SAFE)
    for char in safe:
        assert fixes.fix_c1_controls(char) == char
        assert fixes.fix_latin_ligatures(char) == char
        assert fixes.fix_surrogates(char) == char
    for first in safe:
        for second in safe:
            pair = first + second
            assert unicodedata.is_normalized("NFC", pair), pair


def _glued_before(line: str) -> bool:
    return bool(re.search(r"[a-z]{2}[A-Z][a-z]{2}|[A-Za-z]{2}[,;][a-z]{2}", line))


@settings(max_examples=400)
@given(st.text(alphabet="abcXYZ,; .\u00e9Ж1", max_size=40))
def test_the_glued_words_precheck_is_the_plain_pattern(line: str) -> None:
    from kazsec.corpus import repair_text

    assert bool(repair_text._MAYBE_GLUED.search(line)) == _glued_before(line)
    if not _glued_before(line):
        assert repair_glued_words(line) == line


def _collapse_before(line: str) -> str:
    stripped = line.strip(" \t")
    if not stripped:
        return ""
    inner = re.sub(r"[ \t\u00a0]{2,}", " ", stripped)
    return line[: len(line) - len(line.lstrip(" \t"))] + inner


@settings(max_examples=400)
@given(st.text(alphabet=" \t\u00a0\u2007\u202fab\u0416", max_size=30) | lines)
def test_space_steps_match_their_plain_forms(line: str) -> None:
    assert collapse_spaces(line) == _collapse_before(line)
    table = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f", " "))
    assert normalise_nonbreaking_spaces(line) == line.translate(table)


@settings(max_examples=400)
@given(lines)
def test_cp1251_repair_with_its_precheck_is_the_plain_substitution(line: str) -> None:
    from kazsec.corpus import repair_text

    def restore(match: re.Match[str]) -> str:
        return match.group(0).encode("latin-1").decode("cp1251")

    assert repair_cp1251_mojibake(line) == repair_text._CP1251_AS_LATIN1_WORD.sub(restore, line)


CHROME = [
    "Print this page",
    "Read 1,234 times",
    "Read 7 times",
    "3 comments",
    "1 comment",
    "Add a comment",
    "Post comment",
    "Your e-mail address will not be published",
    "Sign up to our newsletter",
    "SIGN UP for the Telegram channel",
    "Subscribe to our newsletter",
    "subscribe to the NEWSLETTER",
    "Published in Foreign Affairs",
    "© 2022",
    "(c) 1999",
    "Copyright 2015",
    "Legal footer",
    "top",
    "photo: Akorda",
    "Ph./Fax: +7 (7172) 74-56-30",
    "Ph: 123",
    "E-mail: press@example.kz",
]


@settings(max_examples=600)
@given(
    st.sampled_from(["", " ", "x", "The ", "\t"]),
    st.sampled_from(CHROME) | st.text(alphabet="aPrt01 ©()+-@:.,", max_size=12),
    st.sampled_from(["", " ", "s", ".", " times", "\n", "!"]),
    st.booleans(),
)
def test_generic_chrome_patterns_combined_find_what_each_finds(
    before: str, middle: str, after: str, upper: bool
) -> None:
    line = before + (middle.upper() if upper else middle) + after
    one_by_one = [regex.compile(p) for p in boilerplate.GENERIC_WEB_BOILERPLATE]
    expected = bool(line.strip()) and any(p.search(line.strip()) for p in one_by_one)
    assert boilerplate.is_boilerplate(line, boilerplate.compile_boilerplate()) == expected


def test_a_sources_own_slow_pattern_still_fails_the_build() -> None:
    patterns = boilerplate.compile_boilerplate([r"^(a+)+$"])
    try:
        boilerplate.is_boilerplate("a" * 40 + "b", patterns)
    except boilerplate.PatternTooSlow as slow:
        assert slow.pattern == r"^(a+)+$"
    else:  # the `regex` module may answer this one quickly; then it must still answer right
        assert not boilerplate.is_boilerplate("a" * 40 + "b", patterns)
