"""Undoing PDF layout damage: hyphens, headings, footnotes, drop caps."""

from __future__ import annotations

from kazsec.corpus.lines import split_lines
from kazsec.corpus.pdf_layout import (
    PdfVocabulary,
    rejoin_line_end_hyphen,
    restore_letterspaced_heading,
    separate_footnotes,
)


def vocabulary(*lines: str) -> PdfVocabulary:
    return PdfVocabulary.from_lines(split_lines("\n".join(lines)))


def test_soft_hyphens_are_joined() -> None:
    assert (
        rejoin_line_end_hyphen("total democrati-", "zation as Kyrgyzstan", vocabulary())
        == "total democratization as Kyrgyzstan"
    )


def test_real_hyphens_survive_a_line_end() -> None:
    words = vocabulary("His well-balanced foreign policy")
    assert (
        rejoin_line_end_hyphen("continue his well-", "balanced foreign policy", words)
        == "continue his well-balanced foreign policy"
    )
    assert (
        rejoin_line_end_hyphen("President Kassym-", "Jomart Tokayev", vocabulary())
        == "President Kassym-Jomart Tokayev"
    )
    url = "[http://www.akorda.kz/en/address-of-the-president-"
    assert rejoin_line_end_hyphen(url, "of-kazakhstan]", vocabulary()).endswith(
        "president-of-kazakhstan]"
    )


def test_letterspaced_headings_are_restored() -> None:
    assert restore_letterspaced_heading("I n t r o d u c t i o n") == "Introduction"
    assert restore_letterspaced_heading(" A B S T R A C T") == "ABSTRACT"
    assert restore_letterspaced_heading("In Search of an Ideal Model") is None


def test_footnotes_leave_the_body_and_keep_their_numbers() -> None:
    text = "\n".join(
        [
            "a new parliament was elec-",
            "",
            "1 See: E.T. Seylekhanov, Politicheskaia systema, Almaty,",
            "2009, p. 62.",
            "2 See: R.N. Zhanguzhin, Kazakhstan postsovetskiy.",
            " ted at the same time. In 1995 there were 2 referendums.",
        ]
    )
    body, notes = separate_footnotes(split_lines(text), vocabulary())
    assert [line.text for line in body] == [
        "a new parliament was elec-",
        "",
        " ted at the same time. In 1995 there were 2 referendums.",
    ]
    assert [(n.number, n.text) for n in notes] == [
        (1, "1. See: E.T. Seylekhanov, Politicheskaia systema, Almaty, 2009, p. 62."),
        (2, "2. See: R.N. Zhanguzhin, Kazakhstan postsovetskiy."),
    ]
