"""New-name candidates: names in a researcher's documents that look like people or bodies
and that the bundled knowledge base does not know, in Russian, Kazakh, Ukrainian and English.

The Linker is the real one, compiled from the bundled knowledge base (Karim Massimov, the
NSC / КНБ, ... and N.I. Petrov, an author cited in a note: a bare 'Petrov' is his)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.kb.candidates import CandidateMention, find_candidates, tally
from kazsec.kb.mentions import Linker
from kazsec.store import Store

TEXTS = {
    "ru1": "Арест Карима Масимова стал неожиданностью. Масимову предъявили обвинение, "
    "а Иван Петров дал показания.",
    "ru2": "Вчера Иван Петров встретился с генералом Сидоренко. В январе Петрову предъявили "
    "новое обвинение.",
    "en": "In March, Karim Massimov and Ivan Petrov met in Astana. Later Petrov said that "
    "General Sidorenko knew. However, the NSC declined to comment on Monday.",
    "ru3": "Министерство цифрового развития заявило, что генерал-майор Сидоренко уволен, "
    "а К. К. Масимов и Масимов К.К. молчат.",
    "kk": "Ақпарат министрлігі мәлімдеді: Мәсімовтің ісі сотқа жіберілді. Бүгін ҰҚК "
    "төрағасы Серікбаев сөйледі.",
    "uk": "Іван Петров, за словами Служби безпеки України, зустрічався з Масимовим у Києві.",
}


def _passages(texts: dict[str, str], start: int = 0) -> list[dict[str, Any]]:
    return [
        {"id": f"doc/{key}", "source": "doc", "start": start, "text": text}
        for key, text in texts.items()
    ]


@pytest.fixture(scope="module")
def linker(store: Store) -> Linker:
    return Linker(store.all("people"), store.all("agencies"))


@pytest.fixture(scope="module")
def found(linker: Linker) -> list[CandidateMention]:
    return find_candidates(_passages(TEXTS), linker)


def _span(key: str, written: str, nth: int = 0) -> tuple[str, int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXTS[key].index(written, at + 1)
    return f"doc/{key}", at, at + len(written)


def test_the_unknown_names_are_found_with_exact_spans(found: list[CandidateMention]) -> None:
    spans = {(m.passage, m.start, m.end): m for m in found}
    expected = [
        (_span("ru1", "Иван Петров"), "person"),
        (_span("ru2", "Иван Петров"), "person"),
        (_span("ru2", "Сидоренко"), "person"),  # after 'генералом'
        (_span("ru2", "Петрову"), "person"),  # a surname inside a sentence
        (_span("en", "Ivan Petrov"), "person"),
        (_span("en", "Sidorenko"), "person"),  # after 'General'
        (_span("ru3", "Министерство цифрового развития"), "body"),
        (_span("ru3", "Сидоренко"), "person"),  # after 'генерал-майор'
        (_span("kk", "Ақпарат министрлігі"), "body"),
        (_span("kk", "Серікбаев"), "person"),  # after 'ҰҚК төрағасы'
        (_span("uk", "Іван Петров"), "person"),
        (_span("uk", "Служби безпеки України"), "body"),
    ]
    for span, kind in expected:
        assert span in spans, span
        assert spans[span].kind == kind
    assert len(found) == len(expected), [m.text for m in found]


def test_every_span_is_the_written_text(found: list[CandidateMention]) -> None:
    for mention in found:
        assert TEXTS[mention.passage.split("/")[1]][mention.start : mention.end] == mention.text


def test_known_people_and_bodies_never_appear(found: list[CandidateMention]) -> None:
    written = " ".join(m.text for m in found)
    for known in ("Масимов", "Мәсімов", "Massimov", "Карим", "Karim", "NSC", "ҰҚК"):
        assert known not in written
    # A bare 'Petrov' is the known N.I. Petrov to the Linker; 'Ivan Petrov' is not (the
    # Linker's rule for initials that fit nobody, applied to a given name).
    assert _span("en", "Petrov", nth=1) not in {(m.passage, m.start, m.end) for m in found}


def test_sentence_openers_months_weekdays_and_places_never_appear(
    found: list[CandidateMention],
) -> None:
    words = {word for m in found for word in m.text.split()}
    for word in ("Вчера", "Later", "However", "Бүгін", "In", "March", "Monday", "Astana", "Києві"):
        assert word not in words


def test_case_forms_and_scripts_are_one_candidate(found: list[CandidateMention]) -> None:
    by_name = {c.name: c for c in tally(found)}
    petrov = by_name["Иван Петров"]
    assert petrov.kind == "person"
    assert petrov.count == 5  # twice 'Иван Петров', 'Ivan Petrov', 'Іван Петров', 'Петрову'
    assert set(petrov.forms) == {"Иван Петров", "Ivan Petrov", "Іван Петров", "Петрову"}
    assert petrov.passages == ("doc/ru1", "doc/ru2", "doc/en", "doc/uk")
    sidorenko = by_name["Сидоренко"]
    assert (sidorenko.count, sidorenko.forms) == (3, ("Сидоренко", "Sidorenko"))


def test_tally_sorts_by_count_then_name(found: list[CandidateMention]) -> None:
    candidates = tally(found)
    assert [c.name for c in candidates][:2] == ["Иван Петров", "Сидоренко"]
    ordered = [(-c.count, c.name.casefold()) for c in candidates]
    assert ordered == sorted(ordered)
    assert sum(c.count for c in candidates) == len(found)


def test_russian_case_forms_share_a_key(linker: Linker) -> None:
    texts = {"a": "Приказ подписал генерал Иванов, а генералу Иванову и генерала Иванова ждут."}
    found = find_candidates(_passages(texts), linker)
    assert [m.text for m in found] == ["Иванов", "Иванову", "Иванова"]
    assert len({m.key for m in found}) == 1


def test_initials_with_a_surname(linker: Linker) -> None:
    texts = {
        "a": "И. И. Петров и Петров И.И. встретились, а I.I. Sidorenko, K.K. Massimov, "
        "Масимов К.К. и К. К. Масимов молчали.",
    }
    found = find_candidates(_passages(texts), linker)
    assert [(m.text, m.kind) for m in found] == [
        ("И. И. Петров", "person"),
        ("Петров И.И.", "person"),
        ("I.I. Sidorenko", "person"),
    ]
    assert found[0].key == found[1].key


def test_acronyms_unknown_ones_only(linker: Linker) -> None:
    texts = {"a": "По данным ФСБ и ЦРУ, а также КНБ, NSC и США, в XXI веке ничего не изменилось."}
    assert [m.text for m in find_candidates(_passages(texts), linker)] == ["ФСБ", "ЦРУ"]


def test_a_new_body_naming_a_known_one_is_new(linker: Linker) -> None:
    texts = {"a": "Департамент КНБ по городу Алматы сообщил об аресте."}
    (body,) = find_candidates(_passages(texts), linker)
    assert (body.text, body.kind) == ("Департамент КНБ по городу Алматы", "body")


def test_bodies_in_english_and_their_case_forms(linker: Linker) -> None:
    texts = {
        "a": "The Ministry of Digital Development, Innovation and Aerospace Industry and the "
        "Agency for Civil Service Affairs signed it.",
        "b": "Министерства цифрового развития нет, а Министерству цифрового развития пишут.",
    }
    found = find_candidates(_passages(texts), linker)
    assert [m.text for m in found] == [
        "Ministry of Digital Development, Innovation and Aerospace Industry",
        "Agency for Civil Service Affairs",
        "Министерства цифрового развития",
        "Министерству цифрового развития",
    ]
    assert found[2].key == found[3].key


def test_offsets_are_the_passages_whatever_its_place_in_the_source(linker: Linker) -> None:
    passages = _passages({"a": "Вчера Иван Петров и Karim Massimov приехали."}, start=5000)
    (mention,) = find_candidates(passages, linker)
    assert (mention.text, mention.start, mention.end) == ("Иван Петров", 6, 17)


def test_a_title_case_headline_is_no_name(linker: Linker) -> None:
    texts = {
        "a": "Kazakhstan Boosts Its Security Policies Again",
        "b": "The security policies were discussed, and the political regime changed.",
        "c": "Analysts wrote about the Political Regime of the country.",
    }
    assert find_candidates(_passages(texts), linker) == []


# ───────────────────────────────── generated text ─────────────────────────────────

WORDS = st.sampled_from(
    ["Иван", "Петров", "Петрову", "Ivan", "Petrov", "Karim", "Massimov", "Масимова", "Қасым-",
     "Жомарт", "К.", "K.K.", "И.", "генерал", "General", "Министерство", "цифрового",
     "развития", "Ақпарат", "министрлігі", "Ministry", "of", "Defence", "КНБ", "NSC", "ЦРУ",
     "Вчера", "However", "March", "Astana", "ABCDEFG", "the", "и", "said", "сказал", ".",
     ",", ":", "\n", "«", "»", "’s", "-", "Ü", "Ёж", "ⅩⅡ", "1999", "O'Brien", "ұлы", "Ұ"]
)  # fmt: skip
TEXT = st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_spans_lie_inside_their_passage_and_random_text_never_raises(
    linker: Linker, texts: list[str]
) -> None:
    passages = _passages({str(i): text for i, text in enumerate(texts)}, start=7)
    found = find_candidates(passages, linker)
    for mention in found:
        text = texts[int(mention.passage.split("/")[1])]
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind in ("person", "body", "unknown")
    candidates = tally(found)
    assert sum(c.count for c in candidates) == len(found)


def test_bare_passage_records_are_read(linker: Linker) -> None:
    """A record with only an id and a text (no source, no offset) is linked as one source."""
    (mention,) = find_candidates([{"id": "x", "text": "Вчера Иван Петров приехал."}], linker)
    assert (mention.passage, mention.text) == ("x", "Иван Петров")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(1, 40)), max_size=60),
    st.integers(0, 520),
    st.integers(1, 40),
)
def test_the_mentions_near_a_name_hold_every_one_that_overlaps_it(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    """A name is checked only against the mentions near it (a 500 KB one-line document
    took minutes checking each name against all): none that overlaps it may be missed."""
    from kazsec.kb.candidate_spans import Found
    from kazsec.kb.candidates import _MentionsNear

    mentions = [{"start": s, "end": s + n} for s, n in spans]
    found = Found(start, start + length, "person", "single", ("X",))
    near = _MentionsNear(mentions).around(found)
    overlapping = [m for m in mentions if m["start"] < found.end and m["end"] > found.start]
    assert all(m in near for m in overlapping)
