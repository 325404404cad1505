"""The repair pipeline on the real sources: before/after pairs and whole-corpus guarantees."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazsec.corpus.damage import find_damage
from kazsec.corpus.passages import PASSAGE_KINDS
from kazsec.corpus.pipeline import RepairedSource
from kazsec.corpus.repair_text import normalise_nonbreaking_spaces, repair_glued_words
from kazsec.corpus.web_layout import classify_web_line

PDF = "journal-2019-power-transit"
CISS = "ciss-2022-nsc"
KZ20 = "kz20-security-council"
ASTANA = "astana-times-2015-yermekbayev"

# (source, fragment of the raw file, what a reader sees after repair)
REAL_REPAIRS = [
    (PDF, "total democrati-\nzation as Kyrgyzstan", "total democratization as Kyrgyzstan"),
    (PDF, "the\ufffdmultifaceted\ufffdin\u00c0uence\ufffdof", "the multifaceted influence of"),
    (PDF, "the\ufffdcentral\ufffd\U0003ffffgure", "the central figure"),
    (PDF, "  azakhstan has been following its", "Kazakhstan has been following its own path"),
    (PDF, "I n t r o d u c t i o n", "Introduction"),
    (PDF, "C o n c l u s i o n", "Conclusion"),
    (PDF, "A B S T R A C T", "ABSTRACT"),
    (
        PDF,
        "suggested To-\n\nkayev as a presidential",
        "suggested Tokayev as a presidential candidate",
    ),
    (PDF, "Dariga Naz-\narbayeva", "Dariga Nazarbayeva would be appointed"),
    (PDF, "a new parliament was elec-\n", "a new parliament was elected at the same time"),
    (PDF, "the opposition parties1\ufffdor", "the opposition parties[1] or to limit"),
    (PDF, "the\ufffdrisk\ufffdof\ufffdcon\u00c0icts", "the risk of conflicts was very high"),
    (PDF, "concentrate it in \n\nthe hands", "concentrate it in the hands of the president"),
    (
        CISS,
        "the Oriental tradition of òðàäèöèîííîå",
        "the Oriental tradition of традиционное Oriental",
    ),
    (CISS, "Kassym-Jomart Êàñûì-Tokayev", "Kassym-Jomart Касым-Tokayev"),
    (
        CISS,
        "sinologist\u00a0Konstantin",
        "the prominent political analyst and sinologist Konstantin",
    ),
    (
        CISS,
        "Chairman of\u00a0 NSC",
        "to the position of the First Deputy Chairman of NSC (previously",
    ),
    (KZ20, "(text in bold oursKazakhstan 2.0)", "(text in bold ours Kazakhstan 2.0)"),
    (ASTANA, "the Halyk Bank,one of", "the Halyk Bank, one of Kazakhstan’s biggest"),
]


@pytest.mark.parametrize(("source_id", "raw_fragment", "repaired_fragment"), REAL_REPAIRS)
def test_real_damage_from_the_sources_is_repaired(
    repaired: dict[str, RepairedSource], source_id: str, raw_fragment: str, repaired_fragment: str
) -> None:
    source = repaired[source_id]
    assert raw_fragment in source.raw_text
    assert raw_fragment not in source.repaired_text
    assert repaired_fragment in source.repaired_text


def test_no_repaired_passage_carries_known_damage(repaired: dict[str, RepairedSource]) -> None:
    found = [
        (p.id, d.kind, d.excerpt)
        for r in repaired.values()
        for p in r.passages
        for d in find_damage(p.text)
    ]
    assert found == []


def test_real_hyphens_stay(repaired: dict[str, RepairedSource]) -> None:
    text = repaired[PDF].repaired_text
    for word in ("Kassym-Jomart", "well-balanced", "Post-Soviet", "off-year", "Nur-Sultan"):
        assert word in text
    assert "post-Soviet" in repaired[CISS].repaired_text


def test_the_caspian_article_appears_once(repaired: dict[str, RepairedSource]) -> None:
    ciss = repaired[CISS]
    assert ciss.raw_text.count("The determination of Kassym-Jomart Tokayev for purging") == 2
    assert ciss.repaired_text.count("The determination of Kassym-Jomart Tokayev for purging") == 1
    assert ciss.repaired_text.count("Quis custodiet ipsos custodes?") == 1
    assert sum(1 for p in ciss.passages if p.kind == "note") == 16


BOILERPLATE = [
    "Print this page",
    "Read 5752 times",
    "0 comments",
    "Add comment",
    "Your e-mail will not be published",
    "Sign up via the website",
    "Legal footer",
    "Global perspective through the lens",
    "photo: semeyainasy.media",
    "Savyolovsky City Business Center",
    "© 2022-2024",
    "Published in Field Reports",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_appears_nowhere(repaired: dict[str, RepairedSource], line: str) -> None:
    assert any(line in r.raw_text for r in repaired.values())
    assert not any(line in p.text for r in repaired.values() for p in r.passages)
    assert not any(
        re.fullmatch(r"RUS|Search|Reports|top", p.text)
        for r in repaired.values()
        for p in r.passages
    )


def test_footnotes_are_passages_of_their_own_linked_by_number(
    repaired: dict[str, RepairedSource],
) -> None:
    for source in (repaired[PDF], repaired[CISS]):
        notes = {p.number: p for p in source.passages if p.kind == "note"}
        assert sorted(notes) == list(range(1, len(notes) + 1))
        refs = [n for p in source.passages for n in p.note_refs]
        assert sorted(set(refs)) == sorted(notes), (
            "every note is referenced and every reference has its note"
        )
    assert len([p for p in repaired[PDF].passages if p.kind == "note"]) == 28
    first_note = next(p for p in repaired[PDF].passages if p.number == 1)
    assert first_note.text.startswith("1. See: E.T. Seylekhanov")
    assert "Seylekhanov" not in next(p for p in repaired[PDF].passages if 1 in p.note_refs).text


def test_passages_tile_the_repaired_text_and_point_into_the_raw(
    repaired: dict[str, RepairedSource],
) -> None:
    for source in repaired.values():
        for index, passage in enumerate(source.passages, start=1):
            assert passage.id == f"{source.meta.id}/p{index:03d}"
            assert source.repaired_text[passage.start : passage.end] == passage.text
            assert passage.raw_spans and all(
                0 <= s < e <= len(source.raw_text) for s, e in passage.raw_spans
            )
    dismissal = next(
        p for p in repaired[CISS].passages if p.text.startswith("January 6. The Lieutenant-General")
    )
    start, end = dismissal.raw_spans[0]
    assert repaired[CISS].raw_text[start:end].startswith("January 6. The Lieutenant-General")


def test_passage_kinds_follow_the_documents(repaired: dict[str, RepairedSource]) -> None:
    passages = [p for r in repaired.values() for p in r.passages]

    def kind_of(opening: str) -> str:
        return next(p.kind for p in passages if p.text.startswith(opening))

    assert kind_of("Timeline of events") == "heading"
    assert kind_of("Political Construction Kit") == "heading"
    assert kind_of("by Georgiy Voloshin") == "meta"
    assert kind_of("Tuesday, 27 August 2013") == "meta"
    assert kind_of("“Article 11. The Authorities") == "quote"
    assert kind_of("to determine the major directions") == "list_item"
    assert kind_of("1. Revise the functions") == "list_item"
    assert kind_of("KEYWORDS: Kazakhstan") == "meta"
    titles = {r.meta.id: r.passages[0].text for r in repaired.values() if r.meta.format == "web"}
    assert titles["caci-2013-antiterror"] == "Tuesday, 27 August 2013"
    assert (
        repaired["caci-2013-antiterror"].passages[1].text
        == "Kazakhstan Boosts Antiterrorist Policies in Response to Growing Threats"
    )
    assert repaired["caci-2013-antiterror"].passages[1].kind == "heading"


@pytest.mark.parametrize(
    ("glued", "separated"),
    [
        ("(text in bold oursKazakhstan 2.0).", "(text in bold ours Kazakhstan 2.0)."),
        ("the Halyk Bank,one of the biggest", "the Halyk Bank, one of the biggest"),
        ("“oursKazakhstan", "“ours Kazakhstan"),
    ],
)
def test_glued_words_are_separated(glued: str, separated: str) -> None:
    assert repair_glued_words(glued) == separated


@pytest.mark.parametrize(
    "written",
    [
        "the ruling party NurOtan, Erlan Karin",  # a capital first: a spelling, not glue
        "an iPhone and eBay",  # one lowercase letter before the capital
        "https://forbes.kz/process/appointments/someThing,else",
        "ia-centr.ru/experts/sergey-masaulov/",
        "mail@example.org,next",
        "1,000 people; 2,5 million",
        "Kassym-Jomart Касым-Tokayev",
    ],
)
def test_real_spellings_addresses_and_numbers_are_not_unglued(written: str) -> None:
    assert repair_glued_words(written) == written


def test_no_break_spaces_become_plain_spaces() -> None:
    assert normalise_nonbreaking_spaces("sinologist\u00a0Konstantin") == "sinologist Konstantin"
    assert normalise_nonbreaking_spaces("KZT\u202f433\u2007bn") == "KZT 433 bn"


@given(st.text())
def test_the_new_line_repairs_never_raise_keep_a_line_a_line_and_are_idempotent(
    text: str,
) -> None:
    line = text.replace("\n", " ")
    for repair in (normalise_nonbreaking_spaces, repair_glued_words):
        out = repair(line)
        assert "\n" not in out
        assert repair(out) == out


def test_interview_questions_are_their_own_kind(repaired: dict[str, RepairedSource]) -> None:
    assert "question" in PASSAGE_KINDS
    passages = repaired[ASTANA].passages

    def kind_of(opening: str) -> str:
        return next(p.kind for p in passages if p.text.startswith(opening))

    assert kind_of("How would you describe the level") == "question"
    assert kind_of("Some outside observers") == "question"
    assert kind_of("Kazakhstan considers the Shanghai") == "body"
    assert sum(1 for p in passages if p.kind == "question") == 4
    # Only an interview has an interviewer: elsewhere a question is the author's own text.
    essay = (
        "So, here are the obvious questions – why did the legislative draft “On the Security"
        " Council of the Republic of Kazakhstan” appear? On whose initiative was it prepared?"
    )
    assert classify_web_line(essay, first=False) == "body"
    assert classify_web_line(essay, first=False, interview=True) == "question"
    assert classify_web_line("Is coup d’état possible in Kazakhstan?", first=False) == "heading"


def test_a_passage_record_holds_every_field_as_asdict_would(
    repaired: dict[str, RepairedSource],
) -> None:
    from dataclasses import asdict

    for source in repaired.values():
        for passage in source.passages[:20]:
            expected = asdict(passage)
            expected["raw_spans"] = [list(span) for span in passage.raw_spans]
            # A bundled source's passages carry no language, and their records no such key.
            assert expected.pop("language") == ""
            assert passage.to_record() == expected
