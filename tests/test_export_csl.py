"""`kazsec export csl`: the sources as CSL-JSON, valid against the official CSL-JSON schema,
the same bytes every time (a golden file), filtered by --only, written whole with -o."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from kazsec.cli import main
from kazsec.export.csl import chosen, csl_date, csl_item, csl_json, csl_names, csl_type

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "csl_schema" / "csl-data.json"
GOLDEN = HERE / "golden" / "sources.csl.json"


def _export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _validate(items: object) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(items)


def _source(**fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "s1", "title": "A title", "publisher": "", "author": "", "date": "", "kind": "",
        "url": "", "language": "", "notes": "", "yours": False,
    }  # fmt: skip
    record.update(fields)
    return record


def test_the_bundled_sources_export_as_the_golden_file_and_are_valid_csl(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _export(capsys, "--store", str(built_store_path), "export", "csl")
    assert code == 0, err
    items = json.loads(out)
    _validate(items)
    assert [item["id"] for item in items] == sorted(item["id"] for item in items)
    assert len(items) == 5
    if os.environ.get("KAZSEC_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")
    # And the same bytes the second time.
    assert _export(capsys, "--store", str(built_store_path), "export", "csl")[1] == out


def test_each_field_maps_to_its_csl_variable_only_when_known() -> None:
    item = csl_item(
        _source(
            author="Georgiy Voloshin", publisher="CACI", date="2013-08", kind="field report",
            url="https://example.org/a", language="en", notes="Dated by\n its issue.",
        )
    )  # fmt: skip
    assert item == {
        "id": "s1",
        "type": "report",
        "title": "A title",
        "author": [{"family": "Voloshin", "given": "Georgiy"}],
        "publisher": "CACI",
        "issued": {"date-parts": [[2013, 8]]},
        "URL": "https://example.org/a",
        "language": "en",
        "note": "kazsec source s1 (bundled with kazsec). Dated by its issue.",
    }
    bare = csl_item(_source(title="", kind="academic article", id="x", yours=True))
    assert bare == {
        "id": "x",
        "type": "article-journal",
        "title": "untitled academic article (x)",
        "note": "kazsec source x (added by you)",
    }
    _validate([item, bare])


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("report", "report"),
        ("field report", "report"),
        ("academic article", "article-journal"),
        ("journal", "article-journal"),
        ("web page", "webpage"),
        ("interview", "interview"),
        ("analysis", "document"),
        ("", "document"),
    ],
)
def test_kinds_map_to_csl_types(kind: str, expected: str) -> None:
    assert csl_type(kind) == expected


def test_names_are_split_only_when_plainly_given_and_family() -> None:
    assert csl_names("Georgiy Voloshin") == [{"family": "Voloshin", "given": "Georgiy"}]
    assert csl_names("Anna Maria Smith; Jo Lee") == [
        {"family": "Smith", "given": "Anna Maria"},
        {"family": "Lee", "given": "Jo"},
    ]
    assert csl_names("Caspian Institute for Strategic Studies") == [
        {"literal": "Caspian Institute for Strategic Studies"}
    ]
    assert csl_names("van der Berg") == [{"literal": "van der Berg"}]
    assert csl_names("  ") == []


def test_dates_keep_only_the_parts_known() -> None:
    assert csl_date("2022-02-16") == {"date-parts": [[2022, 2, 16]]}
    assert csl_date("2022") == {"date-parts": [[2022]]}
    assert csl_date("") is None and csl_date("circa 2020") is None


def test_only_keeps_bundled_or_yours(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, theirs = _source(id="b", yours=True), _source(id="a")
    assert [s["id"] for s in chosen([mine, theirs], None)] == ["a", "b"]
    assert [s["id"] for s in chosen([mine, theirs], "yours")] == ["b"]
    assert [s["id"] for s in chosen([mine, theirs], "bundled")] == ["a"]
    assert json.loads(csl_json([mine, theirs], "yours"))[0]["id"] == "b"
    store = ["--store", str(built_store_path)]
    assert json.loads(_export(capsys, *store, "export", "csl", "--only", "yours")[1]) == []
    assert len(json.loads(_export(capsys, *store, "export", "csl", "--only", "bundled")[1])) == 5


def test_o_writes_the_file_and_bad_places_are_one_line(
    built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(built_store_path)]
    target = tmp_path / "sources.json"
    code, out, err = _export(capsys, *store, "export", "csl", "-o", str(target))
    assert (code, out) == (0, "") and str(target) in err
    assert target.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    for bad in (str(tmp_path), str(tmp_path / "no" / "such" / "x.json")):
        code, out, err = _export(capsys, *store, "export", "csl", "-o", bad)
        assert code == 2 and out == ""
        assert err.startswith("kazsec: error: ") and len(err.strip().splitlines()) == 1


def test_the_schema_check_bites() -> None:
    with pytest.raises(jsonschema.ValidationError):
        _validate([{"id": "x", "type": "not-a-csl-type"}])
    with pytest.raises(jsonschema.ValidationError):
        _validate([{"id": "x", "type": "report", "author": "Voloshin"}])
