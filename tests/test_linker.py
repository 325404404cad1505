"""The fast paths of mention linking give what the plain ones give.

The forms are found with a trie pattern (kb/matcher.py) instead of one alternation of every
form, longest first; passages without an office word skip the office reading; offices are
read from a window of the passage first; initials are looked for just before a name. Each is
compared here with the plain way on generated text, and the Linker with itself pickled, and
one source linked alone with the same source among others.
"""

from __future__ import annotations

import pickle
import random
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.kb import matcher as matcher_module
from kazsec.kb import mention_records, mentions
from kazsec.kb.forms import FormOwners, Forms, collect_forms
from kazsec.kb.matcher import FormMatcher
from kazsec.kb.mentions import Linker, link_mentions
from kazsec.kb.titles import office_at, office_starts, office_words
from kazsec.kb.tokens import OutsideWindow, Tokens, tokenize
from kazsec.store import Store


def _person(pid: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"id": pid, "name": name, "standard_name": "", "curator_aliases": [],
            "aliases": [{"name": a} for a in aliases]}  # fmt: skip


def _agency(aid: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"id": aid, "name": name, "curator_aliases": [], "aliases": [{"name": a} for a in aliases]}  # fmt: skip


PEOPLE = [
    _person("nursultan-nazarbayev", "Nursultan Nazarbayev", "Elbasy", "First President"),
    _person("dariga-nazarbayeva", "Dariga Nazarbayeva"),
    _person("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Tokayev"),
    _person("karim-massimov", "Karim Massimov", "Karim Masimov", "Massimov"),
    _person("ermek-sagimbayev", "Ermek Sagimbayev"),
    _person("b-k-sultanov", "B.K. Sultanov"),
    _person("samat-abish", "Samat Abish"),
    {**_person("marat-shibutov", "Marat Shibutov"), "curator_aliases": ["Марат Шибутов"]},
]
AGENCIES = [
    _agency(
        "nsc", "National Security Committee", "NSC", "National Security Committee (NSC)", "КНБ"
    ),
    _agency("nsc-jambyl", "NSC Department of Jambyl Region"),
    _agency("k20", "Kazakhstan 2.0"),
    _agency("government", "Government of the Republic of Kazakhstan", "the government"),
    _agency("security-council", "Security Council", "SC"),
    _agency("parliament", "Parliament", "parliament", "lower chamber"),
]
FORMS = collect_forms(PEOPLE, AGENCIES)
GLUE = [" ", " ", " ", ", ", ". ", "s’ ", "’s ", "ours", "K. ", "A.", "B. ", "(", ") ", "\n",
        "-", "–", "x", "Ы", "  ", "the ", "of "]  # fmt: skip
OFFICE_WORDS = ["President", "Chairman", "the NSC Chairman", "Prime Minister", "General",
                "Prosecutor", "Major-General", "Mr.", "appointed", "as", "First Deputy",
                "of the Security Council", "the position of", "Head", "elected"]  # fmt: skip


def _pieces(forms: list[str]) -> st.SearchStrategy[str]:
    prefixes = sorted({f[:n] for f in forms for n in (1, 3, len(f) - 1) if 0 < n < len(f)})
    return st.one_of(
        st.sampled_from(forms),
        st.sampled_from(prefixes),
        st.sampled_from(GLUE),
        st.text(alphabet="aAsS’'.- ЫыKk", max_size=3),
    )


TEXTS = st.lists(_pieces(sorted(FORMS.owners)), max_size=40).map("".join)


# ───────────────────── the forms, found as the plain alternation finds them ─────────────────────


def plain_alternation(forms: list[str] | set[str]) -> re.Pattern[str]:
    """The pattern as first written: every form, longest first, after the start condition."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f) for f in ordered)
    start = r"(?:(?<!\w)|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ]))"
    return re.compile(rf"{start}(?P<form>{alternation})(?:s(?=[’']))?(?!\w)")


def plain_find(pattern: re.Pattern[str], forms: Forms, text: str) -> list[tuple[int, int, str]]:
    """Forms in a passage as first found: each inner form looked for in the passage itself."""

    def own_kind(inner: str, outer_names: list[str]) -> bool:
        letters = inner.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) >= 2:
            return False
        return any(name.startswith(inner + " ") for name in outer_names)

    def forms_at(start: int, end: int) -> list[re.Match[str]]:
        found, limit = [], end
        while (match := pattern.match(text, start, limit)) is not None:
            found.append(match)
            limit = match.end("form") - 1
            while limit > start and text[limit - 1].isalnum() and text[limit].isalnum():
                limit -= 1
            if limit <= start:
                break
        return found

    found = []
    for outer in pattern.finditer(text):
        start, end, form = outer.start("form"), outer.end("form"), outer.group("form")
        found.append((start, end, form))
        owners = forms.owners[form].candidates()
        outer_names = [form, *(forms.entities[k].name for k in owners)]
        for position in range(start, end):
            if position > start and (text[position - 1].isalnum() or not text[position].isalnum()):
                continue
            for inner in forms_at(position, end):
                span, inner_form = (inner.start("form"), inner.end("form")), inner.group("form")
                if span == (start, end) or forms.owners[inner_form].candidates() & owners:
                    continue
                if own_kind(inner_form, outer_names):
                    continue
                found.append((*span, inner_form))
                break
    return found


def _spans(matches: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span("form")) for m in matches]


VOCABULARY = [*sorted(FORMS.owners), "Kazakhstan", "Nazarbayevs", "lower", "Council", "NS", "Ka"]


@settings(max_examples=400, deadline=None)
@given(st.sets(st.sampled_from(VOCABULARY), min_size=1), st.data())
def test_the_trie_pattern_finds_what_the_alternation_finds(forms: set[str], data: Any) -> None:
    text = data.draw(st.lists(_pieces(sorted(forms)), max_size=30).map("".join))
    owners = {f: FormOwners(explicit={("agency", f)}) for f in forms}
    matcher = FormMatcher(Forms(owners, {}, frozenset()))
    expected = _spans(plain_alternation(forms).finditer(text))
    assert _spans(matcher.outer(text)) == expected
    with pytest.MonkeyPatch.context() as patch:  # many lowercase forms: their pattern always runs
        patch.setattr(matcher_module, "_FEW", -1)
        assert _spans(matcher.outer(text)) == expected


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_forms_and_the_forms_inside_them_are_found_as_before(text: str) -> None:
    matcher = FormMatcher(FORMS)
    assert matcher.find(text) == plain_find(plain_alternation(FORMS.owners), FORMS, text)


@pytest.fixture(scope="module")
def bundled(store: Store) -> tuple[list[dict[str, Any]], Linker]:
    return store.all("passages"), Linker(store.all("people"), store.all("agencies"))


def test_the_bundled_forms_are_found_as_before_in_every_passage(bundled: Any) -> None:
    passages, linker = bundled
    pattern = plain_alternation(linker.forms.owners)
    for passage in passages:
        expected = plain_find(pattern, linker.forms, passage["text"])
        assert linker.matcher.find(passage["text"]) == expected, passage["id"]


# ───────────────────────────────── tokens, whole or in a window ─────────────────────────────────

TOKEN_TEXT = st.text(alphabet=st.sampled_from("ab A.-’'(),\n\t\xa0ЫыsS0 –"), max_size=60)


def _triples(tokens: Any) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in tokens]


@settings(max_examples=400, deadline=None)
@given(st.one_of(TOKEN_TEXT, st.text(max_size=40)))
def test_tokens_are_those_tokenize_finds(text: str) -> None:
    tokens = Tokens(text)
    assert _triples(tokens[i] for i in range(len(tokens))) == _triples(tokenize(text))
    assert [t.word for t in tokenize(text)] == [tokens[i].word for i in range(len(tokens))]


@settings(max_examples=400, deadline=None)
@given(TOKEN_TEXT, st.integers(0, 60), st.integers(0, 60), st.integers(-3, 70))
def test_a_window_gives_the_whole_texts_tokens_or_says_it_cannot(
    text: str, one: int, other: int, offset: int
) -> None:
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == " ")]
    ends = [*(i for i, c in enumerate(text) if c == " "), len(text)]
    low, high = sorted((min(one, len(text)), min(other, len(text))))
    start = max(s for s in starts if s <= low)
    end = min(e for e in ends if e >= max(high, start))
    whole, window = tokenize(text), Tokens(text, (start, end))
    first = next((i for i, t in enumerate(whole) if t.start >= start), len(whole))
    for index in range(-2, len(window) + 2):
        try:
            found = window.get(index)
        except OutsideWindow:  # there may be a token there: never a wrong answer
            assert not 0 <= index < len(window)
            continue
        if found is None:
            assert not 0 <= first + index < len(whole)
        else:
            assert _triples([found]) == _triples([whole[first + index]])
    try:
        at = window.first_from(offset)
    except OutsideWindow:
        return
    expected = next((i for i, t in enumerate(whole) if t.start >= offset), None)
    assert (None if at is None else first + at) == expected


# ─────────────────── offices: prefilters and windows change nothing but the time ───────────────────

OFFICE_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(OFFICE_WORDS),
        st.sampled_from(sorted(FORMS.owners)),
        st.sampled_from([",", ".", "–", "(", ")", "said", "met", "the", "and", "Tokayev’s"]),
        st.sampled_from(["The report was published in the spring.", "Little is known."]),
    ),
    max_size=70,
).map(" ".join)


def _names_only(linker: Linker, passage: dict[str, Any]) -> list[dict[str, Any]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mentions, "with_offices", lambda passage, records: records)
        return linker.link([passage])


@settings(max_examples=300, deadline=None)
@given(OFFICE_TEXTS)
def test_offices_read_fast_are_the_offices_read_in_full(text: str) -> None:
    linker = Linker(PEOPLE, AGENCIES)
    passage = {"id": "s/p001", "source": "s", "start": 10, "text": text}
    names = _names_only(linker, passage)
    assert mention_records.with_offices(passage, names) == mention_records.read_offices(
        passage, names, Tokens(text)
    )


OFFICE_GLUE = st.sampled_from(["-", "ex-", "(", "’s", ".", "’s.", "al", "ial", " ", "Vice-",
                               "Commander-in-Chief", "Minister", "--", "Prime", "General"])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(OFFICE_WORDS), OFFICE_GLUE), max_size=20).map("".join))
def test_an_office_starts_only_at_an_office_word(text: str) -> None:
    tokens = Tokens(text)
    offices_at = [i for i in range(len(tokens)) if office_at(tokens, i)]
    assert set(offices_at) <= set(office_starts(tokens, office_words(text)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OFFICE_TEXTS, st.integers(0, 400), st.integers(0, 400))
def test_offices_read_in_any_window_are_right_or_read_again(
    text: str, one: int, other: int
) -> None:
    linker = Linker(PEOPLE, AGENCIES)
    passage = {"id": "s/p001", "source": "s", "start": 0, "text": text}
    names = _names_only(linker, passage)
    whole = mention_records.read_offices(passage, names, Tokens(text))
    start = text.rfind(" ", 0, min(one, other)) + 1
    end = text.find(" ", max(one, other, start))
    end = len(text) if end < 0 else end
    try:
        windowed = mention_records.read_offices(passage, names, Tokens(text, (start, end)))
    except OutsideWindow:
        return
    assert windowed == whole


# ─────────────────────────────────── initials, and the Linker ───────────────────────────────────

INITIALS_TEXT = st.lists(
    st.sampled_from(
        ["K.", "K.L.", "Iu.", "-", " ", "  ", "\n", "\t", "B.K. ", "a", "x.", "Massimov"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(INITIALS_TEXT, st.data())
def test_initials_are_looked_for_where_they_can_end(text: str, data: Any) -> None:
    at = data.draw(st.integers(0, len(text)))
    everywhere = mentions._INITIALS_BEFORE.search(text, 0, at)
    if not mentions._initials_may_end_at(text, at):
        assert everywhere is None
        return
    near = mentions._INITIALS_BEFORE.search(text, max(0, at - mentions._INITIALS_REACH), at)
    assert (near and near.span()) == (everywhere and everywhere.span())


def _generated(count: int, sources: int) -> list[dict[str, Any]]:
    rng = random.Random(3)
    names = [p["name"] for p in PEOPLE] + ["Nazarbayev", "NSC", "the government", "K. Massimov"]
    passages = []
    for n in range(count):
        words = [rng.choice([*names, *OFFICE_WORDS, "said", "and", ",", "."]) for _ in range(25)]
        source = f"s{n % sources}"
        passages.append({"id": f"{source}/p{n:03}", "source": source, "start": 100 * n,
                         "text": " ".join(words)})  # fmt: skip
    return passages


def test_a_pickled_linker_links_the_same() -> None:
    linker = Linker(PEOPLE, AGENCIES)
    passages = [p for p in _generated(40, 1)]
    again = pickle.loads(pickle.dumps(linker))
    assert again.link(passages) == linker.link(passages) != []


def test_a_source_links_the_same_alone_as_among_others() -> None:
    passages = _generated(60, 3)  # the sources' passages interleaved
    together = link_mentions(passages, PEOPLE, AGENCIES)
    linker = Linker(PEOPLE, AGENCIES)
    alone = [
        m
        for s in ("s0", "s1", "s2")
        for m in linker.link([p for p in passages if p["source"] == s])
    ]
    assert together == alone
    assert [m["source"] for m in together] == sorted(m["source"] for m in together)


def test_a_bare_surname_ranks_the_person_it_belongs_to_first() -> None:
    """Nobody in the source is named for certain: 'Nazarbayev' is Nursultan's own surname,
    and only Dariga Nazarbayeva's family name."""
    people = [_person("nursultan-nazarbayev", "Nursultan Nazarbayev"), _person("dariga-nazarbayeva", "Dariga Nazarbayeva")]  # fmt: skip
    passage = {"id": "s/p001", "source": "s", "start": 0, "text": "Nazarbayev spoke."}
    (mention,) = link_mentions([passage], people, [])
    assert mention["ambiguous"]
    assert [c["id"] for c in mention["candidates"]] == [
        "nursultan-nazarbayev",
        "dariga-nazarbayeva",
    ]
    (family,) = link_mentions([{**passage, "text": "Nazarbayeva spoke."}], people, [])
    assert family["entity"] == "dariga-nazarbayeva" and not family["ambiguous"]
