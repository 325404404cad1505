"""Damaged stores: every command answers with one line or reads around the damage; none crashes.

Each case damages one field of one record of a real built store (a wrong type, null, a
missing field, an impossible value, a reference to nothing) and runs every command on it.
A damage the types catch is refused by every command with one line naming table, record
and field (exit 2); a dangling reference is read around by the commands and reported by
`kazsec check` (exit 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import save_store_data, store_data

from kazsec.cli import main
from kazsec.library import Library
from kazsec.model import Location
from kazsec.store import Store

Data = dict[str, Any]


def _first(data: Data, table: str) -> Data:
    return next(iter(data[table].values()))  # type: ignore[no-any-return]


def _set(table: str, field: str, value: Any) -> Callable[[Data], None]:
    def damage(data: Data) -> None:
        _first(data, table)[field] = value

    return damage


def _drop(table: str, field: str) -> Callable[[Data], None]:
    def damage(data: Data) -> None:
        del _first(data, table)[field]

    return damage


def _cite(field: str, value: Any) -> Callable[[Data], None]:
    def damage(data: Data) -> None:
        person = next(p for p in data["people"].values() if p["id"] == "karim-massimov")
        person["aliases"][0]["cite"][0][field] = value

    return damage


TYPE_DAMAGE: dict[str, Callable[[Data], None]] = {
    "people.titles null": _set("people", "titles", None),
    "people.name number": _set("people", "name", 42),
    "people.name empty": _set("people", "name", ""),
    "people.aliases string": _set("people", "aliases", "Zz"),
    "people.curator_aliases string": _set("people", "curator_aliases", "Zz"),
    "people.relations missing": _drop("people", "relations"),
    "people.role made up": _set("people", "role", "Chief Villain!"),
    "agencies.parent_cite null": _set("agencies", "parent_cite", None),
    "agencies.kind list": _set("agencies", "kind", ["x"]),
    "passages.section missing": _drop("passages", "section"),
    "passages.start float": _set("passages", "start", 1.5),
    "passages.start negative": _set("passages", "start", -3),
    "passages.start huge": _set("passages", "start", 10**20),
    "passages.raw_spans flat": _set("passages", "raw_spans", [1, 2]),
    "passages.text null": _set("passages", "text", None),
    "sources.title null": _set("sources", "title", None),
    "sources.passage_count string": _set("sources", "passage_count", "many"),
    "sources.unit not a unit key": _set("sources", "unit", "x"),
    "events.date yesterday": _set("events", "date", "yesterday"),
    "events.date impossible": _set("events", "date", "2022-02-30"),
    "events.date month 13": _set("events", "date", "2022-13"),
    "events.people string": _set("events", "people", "karim-massimov"),
    "events.cite dict": _set("events", "cite", {"source": "x"}),
    "positions.end number": _set("positions", "end", 2022),
    "positions.end_precision made up": _set("positions", "end_precision", "fortnight"),
    "conflicts.readings null": _set("conflicts", "readings", None),
    "conflicts.subject no kind": _set("conflicts", "subject", "karim-massimov"),
    "mentions.candidates empty": _set("mentions", "candidates", []),
    "mentions.ambiguous string": _set("mentions", "ambiguous", "no"),
    "mentions.how made up": _set("mentions", "how", "telepathy"),
    "mentions.start missing": _drop("mentions", "start"),
    "citation.start string": _cite("start", "ten"),
    "citation.exact empty": _cite("exact", ""),
    "citation.source null": _cite("source", None),
    "meta.inputs number": lambda data: _first(data, "_meta").update(inputs=5),
    "table is a list": lambda data: data.update(events=[]),
    "record is a string": lambda data: data["people"].update({"1": "karim"}),
}

REFERENCE_DAMAGE: dict[str, Callable[[Data], None]] = {
    "passage of no source": _set("passages", "source", "nowhere"),
    "mention of no passage": _set("mentions", "passage", "nowhere/p001"),
    "mention of no source": _set("mentions", "source", "nowhere"),
    "mention of no entity": _set("mentions", "entity", "nobody"),
    "citation of no source": _cite("source", "nowhere"),
    "citation of no passage": _cite("passage", "nowhere/p001"),
    "citation beyond the text": _cite("start", 10**9),
    "position of no person": _set("positions", "person", "nobody"),
    "position of no body": _set("positions", "body", "nobody"),
    "event of no person": _set("events", "people", ["nobody"]),
    "relation to nobody": lambda data: next(p for p in data["people"].values() if p["relations"])[
        "relations"
    ][0].update(target="nobody"),
    "conflict about nobody": _set("conflicts", "subject", "person:nobody"),
    "parent nobody": _set("agencies", "parent", "nobody"),
    "passage beyond the text": _set("passages", "end", 10**9),
    "passage ends before it starts": lambda data: _first(data, "passages").update(start=50, end=10),
    "mention beyond the text": lambda data: _first(data, "mentions").update(
        start=10**9, end=10**9 + 5
    ),
    "candidate nobody": lambda data: _first(data, "mentions")["candidates"].append(
        {"type": "person", "id": "nobody"}
    ),
}

COMMANDS = [
    ["stats"],
    ["stats", "--json"],
    ["sources"],
    ["source", "ciss-2022-nsc"],
    ["show", "karim-massimov"],
    ["show", "nsc", "--json"],
    ["show", "2022-01-06-massimov-dismissed"],
    ["show", "journal-2019-power-transit"],
    ["search", "Massimov"],
    ["search", "secret courts"],
]


def _damaged(built_store_path: Path, tmp_path: Path, damage: Callable[[Data], None]) -> Path:
    data = store_data(built_store_path)
    damage(data)
    return save_store_data(data, built_store_path, tmp_path / "damaged.json")


# The corpus is opened, not loaded: a damaged passage or mention is found when something
# reads it (that command refuses in one line) and by `kazsec check`, which reads them all.
CORPUS_DAMAGE = {case for case in TYPE_DAMAGE if case.startswith(("passages.", "mentions."))}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", sorted(TYPE_DAMAGE))
def test_a_store_of_the_wrong_types_is_refused_by_every_command_in_one_line(
    case: str, built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(built_store_path, tmp_path, TYPE_DAMAGE[case])
    refused = 0
    for argv in [*COMMANDS, ["check"]]:
        code, out, err = _run(capsys, "--store", str(path), *argv)
        if case in CORPUS_DAMAGE and code == 0:
            continue  # this command never read the damaged record
        refused += 1
        assert code == 2, (argv, out, err)
        assert err.startswith(("kazsec: error: store ", "kazsec: error: corpus ")), err
        assert err.count("\n") == 1 and "Traceback" not in err and out == ""
    assert refused >= (1 if case in CORPUS_DAMAGE else len(COMMANDS) + 1)
    _, _, err = _run(capsys, "--store", str(path), "check")
    assert err.count("\n") == 1, "check reads every record and must refuse this one"


def test_the_refusal_names_table_record_and_field(
    built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(built_store_path, tmp_path, _set("people", "name", 1.5))
    _, _, err = _run(capsys, "--store", str(path), "stats")
    assert "people record 1: name: Expected `str`, got `float`" in err
    path = _damaged(built_store_path, tmp_path, _set("passages", "start", 1.5))
    _, _, err = _run(capsys, "--store", str(path), "check")
    assert "damaged passage" in err and "start" in err and "Expected `int`, got `float`" in err


def _read_everything(path: Path) -> None:
    """What the explorer does with a store: every entity's view, every quote and mention opened."""
    library = Library(Store.open(path))
    passages = [p["id"] for s in library.sources for p in library.corpus.passages_of(s)]
    for entity_id in [*library.names, *passages]:
        if library.kind_of(entity_id):
            view = library.view(entity_id)
            for row in view.facts:
                for citation in row.citations:
                    library.reading(Location.of(citation))
                    library.citation_text(citation)
                if row.mention:
                    library.reading(Location.of(row.mention))
            library.mentions_of(entity_id)
    library.list_rows()
    library.engine.search("Massimov")


@pytest.mark.parametrize("case", sorted(REFERENCE_DAMAGE))
def test_a_dangling_reference_is_read_around_and_reported_by_check(
    case: str, built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(built_store_path, tmp_path, REFERENCE_DAMAGE[case])
    for argv in COMMANDS:
        code, out, err = _run(capsys, "--store", str(path), *argv)
        assert code == 0, (argv, err)
        assert "Traceback" not in err
    code, out, err = _run(capsys, "--store", str(path), "check")
    assert code == 1 and out, f"check must report {case}"
    _read_everything(path)


@pytest.mark.parametrize(
    "content",
    [
        b'{"_meta": {"1": {"schema_version": 3, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}}",
        b'{"_meta": {"1": {"schema_version": ' + b"9" * 5000 + b"}}}",
        b'{"_meta": {"1": {"schema_version": NaN}}}',
        b"\xff\xfe\x00garbage",
    ],
    ids=["nested 100k deep", "5000-digit number", "NaN", "binary"],
)
def test_a_hostile_store_file_is_one_line(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    for argv in (["stats"], ["check"], ["show", "nsc"]):
        code, out, err = _run(capsys, "--store", str(path), *argv)
        assert code == 2 and err.count("\n") == 1 and str(path) in err, err
    assert path.read_bytes() == content, "never overwritten"


def test_a_damaged_default_store_is_rebuilt_whatever_the_damage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kazsec.paths import default_store_path

    assert _run(capsys, "stats", "--json")[0] == 0
    cached = default_store_path()
    corpus = Path(f"{cached}.corpus")

    def knowledge() -> None:
        data = json.loads(cached.read_text(encoding="utf-8"))
        _set("events", "date", "yesterday")(data)
        cached.write_text(json.dumps(data), encoding="utf-8")

    def truncate() -> None:
        corpus.write_bytes(corpus.read_bytes()[:5000])

    damages = {
        "a record of the wrong type": knowledge,
        "the corpus gone": corpus.unlink,
        "the corpus garbage": lambda: corpus.write_bytes(b"not a database at all" * 100),
        "the corpus cut short": truncate,
    }
    for name, damage in damages.items():
        for leftover in (Path(f"{corpus}-wal"), Path(f"{corpus}-shm")):
            leftover.unlink(missing_ok=True)
        damage()
        code, out, err = _run(capsys, "stats", "--json")
        assert code == 0 and "building the store" in err and "unusable" in err, (name, err)
        assert json.loads(out)["counts"]["sources"] >= 5
