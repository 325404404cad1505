"""Text typed with the wrong keyboard layout is read as it was meant, and only then."""

from __future__ import annotations

import time

import pytest

from kazsec.names.keyboard import other_layout

RUSSIAN = "typed with the Russian layout"
ENGLISH = "typed with the English layout"
KAZAKH = "typed with the Kazakh layout"

# (what was typed, what was meant), every key worked out by hand on the two layouts.
LATIN_MEANT_RUSSIAN = [
    ("Cfubv,ftd", "Сагимбаев"),
    ("Yfpfh,ftd", "Назарбаев"),
    ("Njrftd", "Токаев"),
    ("Vfcbvjd", "Масимов"),
    ("Thvtr,ftd", "Ермекбаев"),
    ("Cflsrekjd", "Садыкулов"),
    ("Ifvbkm", "Шамиль"),
    ("Xbyubp", "Чингиз"),
    (";jvfhn", "жомарт"),
    ("Rfcsv", "Касым"),
    ("Rfhbv", "Карим"),
    ("Cthbr", "Серик"),
    ("Fcrfh", "Аскар"),
    ("{fqhfn", "Хайрат"),
    ("[fqhfn", "хайрат"),
    ("K.lvbkf", "Людмила"),
    ("Ntvbh", "Темир"),
    ("Ghtpbltyn", "Президент"),
    ("Rfpf[cnfy", "Казахстан"),
    ("Fkvfns", "Алматы"),
    ("Fcnfyf", "Астана"),
    ("'km,fcs", "эльбасы"),
    ("`krf", "ёлка"),
    ("Ryb;rf", "Книжка"),
    ("Rfhbv Vfcbvjd", "Карим Масимов"),
    ("Ghtpbltyn Yfpfh,ftd", "Президент Назарбаев"),
    ("CFUBV<FTD", "САГИМБАЕВ"),
    ("cFUBV,FTD", "сАГИМбАЕВ"),  # Caps Lock on: each key keeps its own case
    ("Rjvbntn yfwbjyfkmyjq ,tpjgfcyjcnb", "Комитет национальной безопасности"),
]
CYRILLIC_MEANT_ENGLISH = [
    ("Ыфвнлгдщм", "Sadykulov"),
    ("Тфяфкифнум", "Nazarbayev"),
    ("Ещлфнум", "Tokayev"),
    ("Ьфыышьщм", "Massimov"),
    ("Нукьулифнум", "Yermekbayev"),
    ("Ыфпшьифнум", "Sagimbayev"),
    ("Ырфьшд", "Shamil"),
    ("Срштпшя", "Chingiz"),
    ("Ярщьфке", "Zhomart"),
    ("Лфыынь", "Kassym"),
    ("Тгкдфт", "Nurlan"),
    ("Лрфшкфе", "Khairat"),
    ("Фдьфен", "Almaty"),
    ("Лфяфлрыефт", "Kazakhstan"),
    ("Вфкшпф", "Dariga"),
    ("Тгкыгдефт Тфяфкифнум", "Nursultan Nazarbayev"),
    ("ЫФВНЛГДЩМ", "SADYKULOV"),
    ("Ыщмуќ", None),  # ќ is on neither layout
]
KAZAKH_DIGITS = [
    ("Nj0ftd", "Тоқаев"),
    ("Rfcsv-;jvfhn Nj0ftd", "Касым-жомарт Тоқаев"),
    ("Y(hc(knfy", "НҰрсҰлтан"),  # Shift+9 is Ұ
    ("Y9hc9knfy", "Нұрсұлтан"),
    ("2ktv", "әлем"),
]
LOOKS_RIGHT = [
    "Sadykulov",
    "Сагимбаев",
    "Nazarbayev said",
    "Nursultan Nazarbayev",
    "Kazakhstan",
    "Комитет национальной безопасности",
    "Тоқаев",
    "Қасым-Жомарт",
    "Карим Massimov",  # both scripts: a mixed query, not one slip
    "Назаpбаев",  # a Latin p among Cyrillic letters: a homoglyph, not a slip
    "F-16",
    "Li",
    "",
    "2019",
    "KNB",
    "NSC",
    "КНБ",
    "Tokaev's",
    "Щукин",
    "北京",
]


@pytest.mark.parametrize(("typed", "meant"), LATIN_MEANT_RUSSIAN)
def test_latin_typed_on_the_russian_layout(typed: str, meant: str) -> None:
    assert other_layout(typed) == [(meant, RUSSIAN)]


@pytest.mark.parametrize(("typed", "meant"), CYRILLIC_MEANT_ENGLISH)
def test_cyrillic_typed_meaning_english(typed: str, meant: str | None) -> None:
    assert other_layout(typed) == ([(meant, ENGLISH)] if meant else [])


@pytest.mark.parametrize(("typed", "meant"), KAZAKH_DIGITS)
def test_digits_inside_a_word_are_the_kazakh_layout_letters(typed: str, meant: str) -> None:
    assert other_layout(typed) == [(meant, KAZAKH)], "and no Russian reading with digits left in"


@pytest.mark.parametrize("text", LOOKS_RIGHT)
def test_text_that_looks_right_has_no_other_reading(text: str) -> None:
    assert other_layout(text) == []


@pytest.mark.parametrize("meant", [meant for _, meant in LATIN_MEANT_RUSSIAN[:14]])
def test_what_was_meant_is_not_read_again(meant: str) -> None:
    assert other_layout(meant) == []


def test_it_is_fast() -> None:
    texts = [typed for typed, _ in LATIN_MEANT_RUSSIAN + CYRILLIC_MEANT_ENGLISH] + LOOKS_RIGHT
    start = time.perf_counter()
    for _ in range(50):
        for text in texts:
            other_layout(text)
    per_call = (time.perf_counter() - start) / (50 * len(texts))
    assert per_call < 200e-6, f"{per_call * 1e6:.1f} µs per call"
