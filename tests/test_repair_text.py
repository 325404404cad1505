"""Character-level repairs, one kind of damage at a time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazsec.corpus.repair_text import (
    decode_source_bytes,
    repair_cp1251_mojibake,
    repair_lost_spaces,
    repair_pdf_ligatures,
    repair_utf8_mojibake,
)
from kazsec.errors import SourceError
from kazsec.render.text import inert as make_control_chars_visible


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("16 ôåâðàëÿ 2022", "16 февраля 2022"),
        (
            "the Oriental tradition of òðàäèöèîííîå Oriental diligence",
            "the Oriental tradition of традиционное Oriental diligence",
        ),
        ("Kassym-Jomart Êàñûì-Tokayev", "Kassym-Jomart Касым-Tokayev"),
    ],
)
def test_cp1251_read_as_latin1_is_restored_to_cyrillic(damaged: str, repaired: str) -> None:
    assert repair_cp1251_mojibake(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    ["coup d’état", "Ardak Ashimbekuly", "résumé of the Œuvre", "naïve façade", "À la carte"],
)
def test_real_latin_accents_are_left_alone(clean: str) -> None:
    assert repair_cp1251_mojibake(clean) == clean


def test_ftfy_fixes_utf8_mojibake_but_keeps_typographic_quotes() -> None:
    assert repair_utf8_mojibake("cafÃ© in Almaty") == "café in Almaty"
    assert (
        repair_utf8_mojibake("“upon a single command” – d’état")
        == "“upon a single command” – d’état"
    )


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        (
            "the multifaceted inÀuence of regional elites",
            "the multifaceted influence of regional elites",
        ),
        ("a conÀict of interests", "a conflict of interests"),
        ("the key \U0003ffffgure", "the key figure"),
        ("of\U0003ffffcial status", "official status"),
    ],
)
def test_pdf_ligature_glyphs_become_letters(damaged: str, repaired: str) -> None:
    assert repair_pdf_ligatures(damaged) == repaired


def test_replacement_characters_were_spaces() -> None:
    assert repair_lost_spaces("the\ufffdcentral\ufffdfigure") == "the central figure"


def test_decoding_refuses_binary_and_non_utf8() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode_source_bytes(b"abc\x00def", "x.txt")
    with pytest.raises(SourceError, match="not UTF-8"):
        decode_source_bytes("Масимов".encode("cp1251"), "x.txt")
    assert decode_source_bytes("\ufeffa\r\nb".encode(), "x.txt") == "a\nb"


def test_control_characters_are_shown_not_obeyed() -> None:
    shown = make_control_chars_visible("a\x1b[31mred\x07\nline\tend\r")
    assert shown == "a␛[31mred␇\nline\tend␍"
    assert len(shown) == len("a\x1b[31mred\x07\nline\tend\r"), (
        "one for one, so highlights keep their place"
    )


@given(st.text())
def test_line_repairs_never_raise_and_keep_a_line_a_line(text: str) -> None:
    line = text.replace("\n", " ")
    for repair in (repair_cp1251_mojibake, repair_pdf_ligatures, repair_lost_spaces):
        out = repair(line)
        assert "\n" not in out
        assert repair(out) == out  # idempotent: repairing repaired text changes nothing


@given(st.text(alphabet=st.sampled_from("aBcDe,; .-/@xyzKLMNé\u00a0ЖжÃ©"), max_size=60))
def test_the_line_prefilters_change_nothing(line: str) -> None:
    """The quick whole-line checks give what the word-by-word repairs give."""
    import ftfy

    from kazsec.corpus import repair_text

    assert repair_text.repair_glued_words(line) == repair_text._TOKEN.sub(repair_text._unglue, line)
    assert repair_text.repair_utf8_mojibake(line) == ftfy.fix_text(
        line, config=repair_text._FTFY_CONFIG
    )
