"""Folding names: every script and romanization meets; different names stay apart."""

from __future__ import annotations

import importlib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazsec.names.fold import STEPS, fold, fold_char, fold_key, fold_keys

SAME_NAME = [
    ("Massimov", "Masimov", "Масимов", "Мәсімов", "masimof", "Massimoff", "Mäsimov"),
    (
        "Kassym-Jomart Tokayev",
        "Kasym-Zhomart Tokaev",
        "Қасым-Жомарт Тоқаев",
        "Касым-Жомарт Токаев",
        "Qasym-Jomart Toqaev",
        "Qasym-Jomart To'qaev",
    ),
    ("Syroyezhkin", "Syroezhkin", "Сыроежкин"),
    ("Yermekbayev", "Ermekbaev", "Ермекбаев", "Yermekbaiev"),
    ("Zhumakanov", "Jumakanov", "Жумаканов", "Žumakanov"),
    ("Dzhaksybekov", "Jaksybekov", "Джаксыбеков", "Djaksybekov"),
    ("Nurtai Abykayev", "Nurtay Abykaev", "Нуртай Абыкаев"),
    (
        "Nursultan Nazarbayev",
        "Нұрсұлтан Назарбаев",
        "Nursu'ltan Nazarbaev",
        "Nursúltan Nazarbaev",
        "Nūrsūltan Nazarbaev",
    ),
    ("Khrushchev", "Hrushchev", "Хрущёв", "Xrushchev"),
    ("Tsoy", "Tsoi", "Цой"),
]
MUST_STAY_APART = [
    ("Kassymov", "Kassymbekov"),
    ("Tokayev", "Tokarev"),
    ("Nazarbayev", "Nazarov"),
    ("Masimov", "Maksimov"),
]


@pytest.mark.parametrize("spellings", SAME_NAME)
def test_spellings_of_one_name_fold_to_one_key(spellings: tuple[str, ...]) -> None:
    assert len({fold_key(s) for s in spellings}) == 1, {s: fold_key(s) for s in spellings}


@pytest.mark.parametrize(("one", "other"), MUST_STAY_APART)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert fold_key(one) != fold_key(other)


def test_hyphenated_names_are_two_tokens() -> None:
    assert fold_key("Kassym-Jomart").split() == ["kasim", "Jomart"]


def test_offsets_point_at_what_the_user_typed() -> None:
    folded = fold("Қасым-Жомарт Тоқаев")
    start, end = folded.key.index("Jomart"), folded.key.index("Jomart") + len("Jomart")
    s, e = folded.source_span(start, end)
    assert "Қасым-Жомарт Тоқаев"[s:e] == "Жомарт"
    shch = fold("Shchukin")
    assert shch.key.startswith("W") and shch.source_span(0, 1) == (0, 4), (
        "one key letter covers all of 'Shch'"
    )


# ───────────── fold_key, chunk by chunk, against the plain per-word folding ─────────────

NAMEISH = st.text(
    alphabet=st.one_of(
        st.sampled_from("abcdehijknoqstuvwxyzfABCDEHJKOSTYZ"),
        st.sampled_from("аеёжийкнохцчшщъыьюяАЖКМНОТХЦЧШ"),
        st.sampled_from("әғқңөұүһіÄäéžščıßæœøłþ"),
        st.sampled_from(" \t\n\xa0\u2009\u3000-–—.,;:'’‘`´ʼ\u0301()«»“”0123456789"),
        st.characters(),
    ),
    max_size=120,
)


def _per_word_key(text: str) -> str:
    """fold_key as first written: fold every character, then run the steps word by word."""
    words = "".join(map(fold_char, text)).split(" ")
    folded = []
    for word in words:
        if not word:
            continue
        for pattern, replacement in STEPS:
            word = pattern.sub(replacement, word)
        folded.append(word)
    return " ".join(folded)


@settings(max_examples=600, deadline=None)
@given(NAMEISH)
def test_fold_key_equals_folding_word_by_word(text: str) -> None:
    assert fold_key(text) == _per_word_key(text)
    assert fold_key(text) == fold_key(text)  # and again, from the caches


@settings(max_examples=400, deadline=None)
@given(st.lists(NAMEISH, max_size=12))
def test_words_folded_together_fold_as_one_by_one(texts: list[str]) -> None:
    # fold_keys folds the words it has not seen in one pass over them all (a page of search
    # hits met cold); every key must be the one a word gets alone. The chunks are the
    # texts' whitespace-free pieces, each repeated, as a passage repeats its words.
    chunks = [chunk for text in texts for chunk in text.split()] * 2
    assert fold_keys(chunks) == [_per_word_key(chunk) for chunk in chunks]


def test_every_whitespace_character_folds_to_a_space() -> None:
    """What lets fold_key fold a text chunk by chunk between whitespace."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert spaces and all(fold_char(c) == " " for c in spaces)


def test_a_full_cache_drops_its_older_half(monkeypatch: pytest.MonkeyPatch) -> None:
    folding = importlib.import_module("kazsec.names.fold")
    monkeypatch.setattr(folding, "_LIMIT", 8)
    names = [f"Nazarbay{'e' * (n % 3)}v{n}, Massimov{n}" for n in range(40)]
    for name in [*names, *names]:
        assert fold_key(name) == _per_word_key(name)
        assert len(folding._CHUNK_KEYS) <= 8 and len(folding._WORD_KEYS) <= 8
