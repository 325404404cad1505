"""Compiling curated files: citations anchored, verified, re-anchored, or the build fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazsec.build.compile import build_store
from kazsec.cli import main
from kazsec.dates import date_precision, format_date, format_span
from kazsec.kb.anchor import AnchorError, SourceText, anchor, verify
from kazsec.kb.loader import KbError
from kazsec.store import Store

TEXT = SourceText(
    "Alpha beta. Karim Massimov was dismissed. Gamma. Massimov again.",
    [0, 12, 42],
    ["s/p001", "s/p002", "s/p003"],
)
SOURCES = {"s": TEXT}


def test_a_quote_is_anchored_with_offsets_context_and_passage() -> None:
    citation = anchor({"source": "s", "quote": "Karim Massimov was dismissed"}, SOURCES, "f: r")
    assert (citation["start"], citation["end"], citation["passage"]) == (12, 40, "s/p002")
    assert citation["prefix"] == "Alpha beta. " and citation["suffix"].startswith(". Gamma.")
    assert verify(citation, {"s": TEXT.text}) is None


def test_a_moved_quote_is_re_anchored_by_quote_and_context() -> None:
    stale = {
        "source": "s",
        "quote": "Massimov",
        "start": 3,
        "prefix": "Gamma. ",
        "suffix": " again.",
    }
    assert anchor(stale, SOURCES, "f: r")["start"] == TEXT.text.index("Massimov again")


def test_missing_and_ambiguous_quotes_fail_naming_file_and_record() -> None:
    with pytest.raises(
        AnchorError,
        match=r"^data/kb/people.toml: person 'x': quote not found in s: 'Masimov resigned'$",
    ):
        anchor(
            {"source": "s", "quote": "Masimov resigned"}, SOURCES, "data/kb/people.toml: person 'x'"
        )
    with pytest.raises(AnchorError, match="occurs 2 times in s, lengthen it"):
        anchor({"source": "s", "quote": "Massimov"}, SOURCES, "f: r")
    with pytest.raises(AnchorError, match="unknown source 'nowhere'"):
        anchor({"source": "nowhere", "quote": "x"}, SOURCES, "f: r")


def test_verify_notices_a_changed_text() -> None:
    citation = anchor({"source": "s", "quote": "Gamma"}, SOURCES, "f: r")
    assert "quote not at" in str(verify(citation, {"s": TEXT.text.replace("Gamma", "Delta")}))


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        ("2022-01-06", "day", "6 Jan 2022"),
        ("2022-01", "month", "Jan 2022"),
        ("2017", "year", "2017"),
        ("", "unknown", "?"),
    ],
)
def test_dates_carry_their_precision(value: str, precision: str, shown: str) -> None:
    assert date_precision(value) == precision and format_date(value) == shown


def test_impossible_dates_are_refused_and_spans_are_honest() -> None:
    for bad in ("2022-02-30", "2022-13", "Jan 2022", "22-01-06"):
        with pytest.raises(ValueError):
            date_precision(bad)
    assert format_span("2012", "2014") == "2012 – 2014"
    assert format_span("", "2022-01-06") == "? – 6 Jan 2022"


FIXTURE_PEOPLE = """
[[person]]
id = "karim-massimov"
name = "Karim Massimov"
role = "official"
aliases = [{ name = "Massimov", source = "ciss-2022-nsc", quote = "in less than 24 hours the NSC Chairman Massimov was dismissed" }]

[[person]]
id = "nursultan-nazarbayev"
name = "Nursultan Nazarbayev"
role = "politician"
aliases = [{ name = "Elbasy", source = "ciss-2022-nsc", quote = "Elbasy (the title of Nazarbayev" }]

[[person]]
id = "dariga-nazarbayeva"
name = "Dariga Nazarbayeva"
role = "politician"
aliases = [{ name = "Dariga Nazarbayeva", source = "journal-2019-power-transit", quote = "suggested that Dariga Nazarbayeva would be appointed" }]
"""


def _kb(data_copy: Path, people: str) -> Path:
    kb = data_copy / "kb"
    for old in kb.glob("*.toml"):
        old.unlink()
    (kb / "people.toml").write_text(people, encoding="utf-8")
    return data_copy


def test_a_broken_quote_fails_the_build_with_one_clear_line(
    data_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = FIXTURE_PEOPLE.replace(
        "the NSC Chairman Massimov was dismissed", "the NSC Chairman Massimov resigned"
    )
    _kb(data_copy, broken)
    with pytest.raises(AnchorError) as caught:
        build_store(data_copy, tmp_path / "x.json")
    assert str(caught.value) == (
        "data/kb/people.toml: person 'karim-massimov': alias 'Massimov': quote not found in ciss-2022-nsc: "
        "'in less than 24 hours the NSC Chairman Massimov resigned'"
    )
    assert not (tmp_path / "x.json").exists()
    monkeypatch.setenv("KAZSEC_DATA", str(data_copy))
    assert main(["--store", str(tmp_path / "x.json"), "build"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("kazsec: error: data/kb/people.toml: person 'karim-massimov'")
        and err.count("\n") == 1
    )


def test_an_alias_must_stand_in_its_own_quote(data_copy: Path, tmp_path: Path) -> None:
    _kb(data_copy, FIXTURE_PEOPLE.replace('name = "Elbasy"', 'name = "Papa"'))
    with pytest.raises(KbError, match="alias 'Papa': the quote does not contain the alias"):
        build_store(data_copy, tmp_path / "x.json")


def test_unknown_references_fail(data_copy: Path, tmp_path: Path) -> None:
    people = (
        FIXTURE_PEOPLE
        + '\n[[person]]\nid = "x-y"\nname = "X Y"\nrelations = [{ type = "nephew_of", target = "nobody", source = "ciss-2022-nsc", quote = "Nazarbayev’s nephew Samat Abish" }]\n'
    )
    _kb(data_copy, people)
    with pytest.raises(KbError, match="person 'x-y': relation: unknown id 'nobody'"):
        build_store(data_copy, tmp_path / "x.json")


def test_mentions_keep_ambiguity_unless_the_passage_settles_it(
    data_copy: Path, tmp_path: Path
) -> None:
    _kb(data_copy, FIXTURE_PEOPLE)
    build_store(data_copy, tmp_path / "s.json")
    mentions = Store.open(tmp_path / "s.json").all("mentions")
    bare = [m for m in mentions if m["text"] == "Nazarbayev"]
    assert bare, "bare surnames are mentions"
    unsettled = [m for m in bare if m["ambiguous"]]
    assert unsettled and all(
        [c["id"] for c in m["candidates"]] == ["nursultan-nazarbayev", "dariga-nazarbayeva"]
        for m in unsettled
    )
    settled = [m for m in bare if not m["ambiguous"]]
    assert settled, "a passage that also says 'Elbasy' or the full name settles it"
    store = Store.open(tmp_path / "s.json")
    passages = {p["id"]: p for p in store.all("passages")}

    def followed_by(mention: dict, tail: str) -> bool:
        passage = passages[mention["passage"]]
        offset = mention["end"] - passage["start"]
        return passage["text"][offset : offset + len(tail)] == tail

    possessive = [m for m in mentions if m["text"] == "Massimov" and followed_by(m, "’s")]
    assert possessive and all(
        m["entity"] == "karim-massimov" and not m["ambiguous"] for m in possessive
    )
    assert any(m["text"] == "Nazarbayev" and followed_by(m, "s’") for m in mentions), (
        "the family's plural possessive"
    )


def test_bundled_records_with_impossible_ranges_fail(data_copy: Path, tmp_path: Path) -> None:
    people = FIXTURE_PEOPLE.replace(
        'id = "dariga-nazarbayeva"',
        'id = "dariga-nazarbayeva"\nrelations = [{ type = "replaced", target = "dariga-nazarbayeva", source = "journal-2019-power-transit", quote = "suggested that Dariga Nazarbayeva would be appointed" }]',
    )
    _kb(data_copy, people)
    with pytest.raises(KbError) as failed:
        build_store(data_copy, tmp_path / "x.json")
    assert str(failed.value) == (
        "data/kb/people.toml: person 'dariga-nazarbayeva': relation replaced "
        "'dariga-nazarbayeva': the target is the person itself"
    )
