"""European spellings of names: read back to the fold key of the name, and written out."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kazsec.names.fold import fold_key
from kazsec.names.romanize import readings, spellings

# (as a European paper prints it, the name in Cyrillic, the system). Spellings seen in
# print, plus strict transliterations where the press varies (Polish Jermiekbajew).
SPELLED = [
    # Yermekbayev
    ("Jermekbajew", "Ермекбаев", "German"),
    ("Ermekbaïev", "Ермекбаев", "French"),
    ("Iermekbaïev", "Ермекбаев", "French"),
    ("Jermekbajew", "Ермекбаев", "Polish"),
    ("Jermiekbajew", "Ермекбаев", "Polish"),
    ("Jermekbajev", "Ермекбаев", "Czech"),
    ("Yermekbayev", "Ермекбаев", "Turkish"),
    # Nazarbayev, Nazarbayeva
    ("Nasarbajew", "Назарбаев", "German"),
    ("Nazarbaïev", "Назарбаев", "French"),
    ("Nazarbajew", "Назарбаев", "Polish"),
    ("Nazarbajev", "Назарбаев", "Czech"),
    ("Nazarbayev", "Назарбаев", "Turkish"),
    ("Nasarbajewa", "Назарбаева", "German"),
    ("Nazarbaïeva", "Назарбаева", "French"),
    ("Nazarbajewa", "Назарбаева", "Polish"),
    ("Nazarbajevová", "Назарбаева", "Czech"),
    ("Nazarbajeva", "Назарбаева", "Czech"),
    ("Nazarbayeva", "Назарбаева", "Turkish"),
    # Tokayev
    ("Tokajew", "Токаев", "German"),
    ("Tokaïev", "Токаев", "French"),
    ("Tokajew", "Токаев", "Polish"),
    ("Tokajev", "Токаев", "Czech"),
    ("Tokajevová", "Токаева", "Czech"),
    ("Tokayev", "Токаев", "Turkish"),
    # Massimov
    ("Massimow", "Масимов", "German"),
    ("Massimov", "Масимов", "French"),
    ("Masimow", "Масимов", "Polish"),
    ("Masimov", "Масимов", "Czech"),
    ("Masimov", "Масимов", "Turkish"),
    # Sagimbayev
    ("Sagimbajew", "Сагимбаев", "German"),
    ("Saguimbaïev", "Сагимбаев", "French"),
    ("Sagimbaïev", "Сагимбаев", "French"),
    ("Sagimbajew", "Сагимбаев", "Polish"),
    ("Sagimbajev", "Сагимбаев", "Czech"),
    ("Sagimbayev", "Сагимбаев", "Turkish"),
    # Sadykulov
    ("Sadykulow", "Садыкулов", "German"),
    ("Sadykoulov", "Садыкулов", "French"),
    ("Sadykułow", "Садыкулов", "Polish"),
    ("Sadykulov", "Садыкулов", "Czech"),
    ("Sadıkulov", "Садыкулов", "Turkish"),
    # Shamil
    ("Schamil", "Шамиль", "German"),
    ("Chamil", "Шамиль", "French"),
    ("Szamil", "Шамиль", "Polish"),
    ("Šamil", "Шамиль", "Czech"),
    ("Şamil", "Шамиль", "Turkish"),
    # Chingiz
    ("Tschingis", "Чингиз", "German"),
    ("Tchinguiz", "Чингиз", "French"),
    ("Czingiz", "Чингиз", "Polish"),
    ("Čingiz", "Чингиз", "Czech"),
    ("Çingiz", "Чингиз", "Turkish"),
    # Zhomart
    ("Schomart", "Жомарт", "German"),
    ("Jomart", "Жомарт", "French"),
    ("Żomart", "Жомарт", "Polish"),
    ("Žomart", "Жомарт", "Czech"),
    ("Jomart", "Жомарт", "Turkish"),
    ("Comart", "Жомарт", "Turkish"),
    # Kassym
    ("Kassym", "Касым", "German"),
    ("Kassym", "Касым", "French"),
    ("Kasym", "Касым", "Polish"),
    ("Kasym", "Касым", "Czech"),
    ("Kasım", "Касым", "Turkish"),
    ("KASIM", "Касым", "Turkish"),
    # Nurlan, Samat
    ("Nurlan", "Нурлан", "German"),
    ("Nourlan", "Нурлан", "French"),
    ("Nurłan", "Нурлан", "Polish"),
    ("Nurlan", "Нурлан", "Czech"),
    ("Nurlan", "Нурлан", "Turkish"),
    ("Samat", "Самат", "German"),
    ("Samat", "Самат", "French"),
    ("Samat", "Самат", "Polish"),
    ("Samat", "Самат", "Czech"),
    ("Samat", "Самат", "Turkish"),
    # Abish
    ("Abisch", "Абиш", "German"),
    ("Abich", "Абиш", "French"),
    ("Abisz", "Абиш", "Polish"),
    ("Abiš", "Абиш", "Czech"),
    ("Abiş", "Абиш", "Turkish"),
    # Zhakiyanov
    ("Schakijanow", "Жакиянов", "German"),
    ("Jakianov", "Жакиянов", "French"),
    ("Żakijanow", "Жакиянов", "Polish"),
    ("Žakijanov", "Жакиянов", "Czech"),
    ("Jakiyanov", "Жакиянов", "Turkish"),
    # Shchukin
    ("Schtschukin", "Щукин", "German"),
    ("Chtchoukine", "Щукин", "French"),
    ("Szczukin", "Щукин", "Polish"),
    ("Ščukin", "Щукин", "Czech"),
    ("Şçukin", "Щукин", "Turkish"),
    # Yuri
    ("Juri", "Юрий", "German"),
    ("Juri", "Юрий", "German"),
    ("Iouri", "Юрий", "French"),
    ("Jurij", "Юрий", "Polish"),
    ("Jurij", "Юрий", "Czech"),
    ("Yuriy", "Юрий", "Turkish"),
    # Khairat
    ("Chajrat", "Хайрат", "German"),
    ("Chairat", "Хайрат", "German"),
    ("Khaïrat", "Хайрат", "French"),
    ("Chajrat", "Хайрат", "Polish"),
    ("Chajrat", "Хайрат", "Czech"),
    ("Hayrat", "Хайрат", "Turkish"),
    # More of the same habits
    ("Kassym-Schomart Tokajew", "Касым-Жомарт Токаев", "German"),
    ("Kasym-Żomart Tokajew", "Касым-Жомарт Токаев", "Polish"),
    ("Gorbatschow", "Горбачёв", "German"),
    ("Gorbatchev", "Горбачёв", "French"),
    ("Gorbaczow", "Горбачёв", "Polish"),
    ("Gorbačov", "Горбачёв", "Czech"),
    ("Gorbaçov", "Горбачёв", "Turkish"),
    ("Miedwiediew", "Медведев", "Polish"),
    ("Breżniew", "Брежнев", "Polish"),
    ("Brejnev", "Брежнев", "French"),
    ("Ludmiła", "Людмила", "Polish"),
    ("Grigoriev", "Григорьев", "French"),
    ("Fiodor", "Фёдор", "French"),
    ("Pugaczowa", "Пугачёва", "Polish"),
    ("Ischakow", "Исхаков", "German"),
]


def _reached(typed: str) -> set[str]:
    return {fold_key(typed)} | {key for key, _ in readings(typed)}


@pytest.mark.parametrize(("typed", "cyrillic", "system"), SPELLED)
def test_a_european_spelling_reaches_the_name(typed: str, cyrillic: str, system: str) -> None:
    assert fold_key(cyrillic) in _reached(typed), (typed, fold_key(cyrillic), readings(typed))


@pytest.mark.parametrize(
    ("typed", "meant", "label"),
    [
        ("Jermekbajew", "Yermekbayev", "German spelling"),
        ("Sadykoulov", "Sadykulov", "French spelling"),
        ("Szamil", "Shamil", "Polish spelling"),
        ("Šamil", None, None),  # fold_key already reads the Czech letters
        ("Şamil", "Shamil", "Turkish spelling"),
        ("Çingiz", "Chingiz", "Turkish spelling"),
        ("Comart", "Zhomart", "Turkish spelling"),
        ("Nazarbajevová", "Nazarbayeva", "Czech spelling"),
        ("Tschingis", "Chingiz", "German spelling"),
        ("Chtchoukine", "Shchukin", "French spelling"),
        ("Czingiz", "Chingiz", "Polish spelling"),
    ],
)
def test_the_reading_is_labelled_with_its_system(
    typed: str, meant: str | None, label: str | None
) -> None:
    if meant is None:
        assert fold_key(typed) == fold_key("Shamil")
        return
    assert (fold_key(meant), label) in readings(typed)


def test_the_brief_example_reading() -> None:
    found = readings("Jermekbajew")
    assert (fold_key("Ermekbaev"), "German spelling") in found
    assert fold_key("Ermekbaev") == fold_key("Yermekbayev") == fold_key("Ермекбаев")


@pytest.mark.parametrize(
    "word", ["Jermekbajew", "Schamil", "Sagimbajew", "Nasarbajew", "Tokajew", "Comart"]
)
def test_readings_are_new_unique_and_stable(word: str) -> None:
    found = readings(word)
    keys = [key for key, _ in found]
    assert fold_key(word) not in keys, "the English reading is fold_key's own"
    assert len(keys) == len(set(keys))
    assert found == readings(word)
    found.append(("mutated", "by a caller"))
    assert ("mutated", "by a caller") not in readings(word), "the cached answer is a copy"


@pytest.mark.parametrize(
    "word", ["Назарбаев", "Nazarbayev", "Samat", "Nurlan", "", "123", "Kazakhstan", "北京"]
)
def test_words_with_nothing_to_read(word: str) -> None:
    # Cyrillic and other scripts are not read; plain English spellings gain nothing.
    if word in {"Назарбаев", "", "123", "北京"}:
        assert readings(word) == []
    else:
        assert all(label.endswith("spelling") for _, label in readings(word))
        assert len(readings(word)) <= 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Masimov", "Maksimov"),
        ("Tokayev", "Tokarev"),
        ("Nazarbayev", "Nazarov"),
        ("Kassymov", "Kassymbekov"),
        ("Massimow", "Maksimow"),
        ("Tokajew", "Tokarew"),
        ("Nasarbajew", "Nasarow"),
        ("Kassymow", "Kassymbekow"),
        ("Tokaïev", "Tokarev"),
        ("Nazarbaïev", "Nazarov"),
    ],
)
def test_different_names_stay_apart(one: str, other: str) -> None:
    for a, b in ((one, other), (other, one)):
        assert fold_key(b) not in _reached(a)
        assert not _reached(a) & _reached(b)


SPELLINGS_OF_YERMEKBAYEV = [
    ("Jermekbajew", "German spelling"),
    ("Ermekbaïev", "French spelling"),
    ("Jermiekbajew", "Polish spelling"),
    ("Jermekbajev", "Czech spelling"),
    ("Yermekbayev", "Turkish spelling"),
]


def test_spellings_of_a_name() -> None:
    assert spellings("Ермекбаев") == SPELLINGS_OF_YERMEKBAYEV
    assert [s for s, _ in spellings("Шамиль")] == ["Schamil", "Chamil", "Szamil", "Šamil", "Şamil"]
    assert [s for s, _ in spellings("Назарбаев")] == [
        "Nasarbajew",
        "Nazarbaïev",
        "Nazarbajew",
        "Nazarbajev",
        "Nazarbayev",
    ]
    assert [s for s, _ in spellings("Масимов")][:2] == ["Massimow", "Massimov"]
    assert spellings("Щукин")[1] == ("Chtchoukine", "French spelling")


def test_spellings_keep_case_and_what_is_not_cyrillic() -> None:
    assert spellings("Қасым-Жомарт Тоқаев")[0] == ("Kassym-Schomart Tokajew", "German spelling")
    assert spellings("ТОКАЕВ")[4] == ("TOKAYEV", "Turkish spelling")
    assert spellings("токаев")[0] == ("tokajew", "German spelling")
    assert spellings("Mr Токаев (2019)")[2] == ("Mr Tokajew (2019)", "Polish spelling")


# Names built from syllables of Russian and Kazakh names. Left out, as known gaps: clusters
# where a system's letters are ambiguous and readings do not guess (German 'tsch' for тш;
# 'ss' for зз or сс; Polish 'rz' for рз; 'sch' as с+х outside German; Turkish 'sh', 'kh'
# for с+х, к+х, which Turkish marks as English), Polish soft л (Lazzat) in a word showing
# nothing else Polish, what fold_key itself folds away (ы before a vowel: 'yev'), and three
# or more of ж, ш, з in a German spelling (each 'sch' or 's' is two or three guesses, and
# readings keeps 32 forms per system).
_ONSETS = [*"бвгдзклмнпрстхчшжц", "", "", "щ"]
_VOWELS = list("аеиоуыяю")
_CODAS = [*"нрлмсктзбшй", "", "", "", "", "", "", "", ""]
_SUFFIXES = ["", "ов", "ев", "ин", "бек", "ова", "ева", "ий", "баев", "улы"]
_GAPS = re.compile(
    r"[кстзгдп]х|[стдз][сшщцчжз]|[шжчц][сзшжтч]|рз|шх|л[яюё]|ии|йи"
    r"|[аеиоуыяюэ]ы|ы[аеиоуыяюэ]|[аеиоуыяюэ]у|ый|[ьй][еёюя]|ия"
)


@st.composite
def _names(draw: st.DrawFn) -> str:
    name = ""
    for index in range(draw(st.integers(1, 3))):
        onset = draw(st.sampled_from(_ONSETS))
        if index and not onset and name[-1] in "аеиоуыяю":
            onset = "н"
        vowel = draw(st.sampled_from(_VOWELS))
        if vowel == "ы" and (onset in "шжчщкгхц"):
            vowel = "и"  # Russian spelling: жи, ши, ки
        if vowel in "яю" and onset in "шжчщкгхц":
            vowel = "а"
        name += onset + vowel + draw(st.sampled_from(_CODAS))
    name += draw(st.sampled_from(_SUFFIXES))
    return name.capitalize()


@settings(max_examples=400, deadline=None)
@given(_names())
def test_every_spelling_reads_back_to_its_name(name: str) -> None:
    assume(not _GAPS.search(name.lower()) and len(re.findall("[жшз]", name.lower())) <= 2)
    target = fold_key(name)
    for spelled, label in spellings(name):
        assert target in _reached(spelled), (name, spelled, label, readings(spelled))
