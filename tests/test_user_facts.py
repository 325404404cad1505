"""Facts from a selection: each kind added to the workspace is in the store at once; a fact
that cannot be is refused in one line with the file untouched; undo takes back exactly the
last one; two processes adding at once lose nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import DATA, REPO, copy_store
from facts_helpers import MASSIMOV, NOTES, put_document

from kazsec.cli import main
from kazsec.errors import KazsecError
from kazsec.store import Store
from kazsec.workspace.facts import FACT_KINDS, UndoError, add_fact, undo_last


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    put_document(folder, "border-notes", NOTES)
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(folder))
    return folder


@pytest.fixture()
def store_path(built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_store(built_store_path, tmp_path / "store.json")
    monkeypatch.setenv("KAZSEC_STORE", str(path))
    return path


def fact(kind: str, source: str, quote: str, /, **fields: str) -> list[str]:
    argv = ["fact", "add", kind, source, "--quote", quote]
    for name, value in fields.items():
        argv += ["--field", f"{name}={value}"]
    return argv


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_every_kind_of_fact_is_in_the_store_at_once(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_json(capsys, "search", "Masimoff", "--mode", "exact", "--json") == []
    steps = [
        fact("person", "border-notes", "Aigerim Zhaksylykova was appointed", name="Aigerim Zhaksylykova", role="official"),
        fact("body", "border-notes", "the Steppe Border Directorate opened", name="Steppe Border Directorate", kind="state body"),
        fact("alias", "border-notes", "a former colleague, Karim Masimoff", entity="karim-massimov", name="Masimoff"),
        fact("post", "border-notes", "appointed head of the Steppe Border Directorate on 3 March 2023", person="aigerim-zhaksylykova", post="Head", body="steppe-border-directorate", start="2023-03-03"),
        fact("event", "border-notes", "On 5 March 2023 the Steppe Border Directorate opened a new office in Aktobe", title="Directorate opens an office in Aktobe", date="2023-03-05", bodies="steppe-border-directorate"),
        fact("relation", "border-notes", "She is a classmate of Karim Massimov", person="aigerim-zhaksylykova", type="classmate_of", target="karim-massimov"),
        fact("disagreement", "border-notes", "Directorate on 3 March 2023", subject="person:aigerim-zhaksylykova", reading="3 March 2023", other_reading="February 2023", other_source="border-notes", other_quote="dates her appointment to February 2023"),
    ]  # fmt: skip
    for argv in steps:
        capsys.readouterr()
        assert main(argv) == 0, capsys.readouterr().err
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith(f"added {argv[2]} ") and "citing border-notes/p" in out[0]
    assert {argv[2] for argv in steps} == set(FACT_KINDS)

    found = run_json(capsys, "search", "Masimoff", "--mode", "exact", "--json")
    assert [r["id"] for r in found if r["type"] == "person"] == ["karim-massimov"]
    found = run_json(capsys, "search", "Steppe Border Directorate", "--type", "agency", "--json")
    assert found[0]["id"] == "steppe-border-directorate"
    career = run_json(capsys, "career", "aigerim-zhaksylykova", "--json")
    (tenure,) = career["tenures"]
    assert (tenure["post"], tenure["body"], tenure["start"]) == (
        "Head",
        "steppe-border-directorate",
        "2023-03-03",
    )
    assert tenure["position"] == "aigerim-zhaksylykova/your-position-1"
    assert tenure["cite"][0]["source"] == "border-notes"
    timeline = run_json(capsys, "timeline", "--json")
    assert "2023-03-05-directorate-opens-an-office-in-aktobe" in {row["id"] for row in timeline}
    store = Store.open(store_path)
    person = store.get("people", "aigerim-zhaksylykova")
    assert person is not None and person["relations"][0]["target"] == "karim-massimov"
    (conflict,) = [c for c in store.all("conflicts") if c["subject"].endswith("zhaksylykova")]
    assert [r["reading"] for r in conflict["readings"]] == ["3 March 2023", "February 2023"]
    assert store.meta["orphans"] == []
    assert main(["check"]) == 0


def test_the_fact_is_appended_as_text_in_the_bundled_format(
    workspace: Path, store_path: Path
) -> None:
    people = workspace / "kb" / "people.toml"
    people.parent.mkdir()
    people.write_text("# my own notes, kept as written\r\n", encoding="utf-8")
    said = add_fact(
        DATA,
        workspace,
        "alias",
        {"entity": "karim-massimov", "name": "Lieutenant-General of National Security"},
        {"source": "ciss-2022-nsc", "quote": f"  {MASSIMOV} ", "start": 3000},
        store=Store.open(store_path),
    )
    assert said == (
        "added alias 'Lieutenant-General of National Security' of karim-massimov, "
        "citing ciss-2022-nsc/p015"
    )
    text = people.read_bytes().decode("utf-8")
    assert text.startswith("# my own notes, kept as written\r\n")
    (table,) = tomllib.loads(text)["person"]
    assert table["id"] == "karim-massimov" and set(table) == {"id", "aliases"}
    (alias,) = table["aliases"]
    assert alias["quote"] == MASSIMOV and alias["source"] == "ciss-2022-nsc"
    assert alias["prefix"].endswith("January 6. ") and alias["suffix"].startswith(" was dismissed")


BAD = [
    ("alias", {"entity": "karim-massimov"}, "Karim Masimov was never here", "quote not found in"),
    ("post", {"person": "no-such-person", "post": "Head"}, MASSIMOV, "position #1 (no-such-person): unknown id 'no-such-person'"),
    ("event", {"title": "Dismissal", "date": "2022-02-30"}, MASSIMOV, "date: day is out of range for month"),
    ("person", {"name": "Karim Massimov"}, MASSIMOV, "'karim-massimov' is a person's already"),
    ("event", {"title": "x", "id": "nsc"}, MASSIMOV, "'nsc' is a body's already"),
    ("relation", {"person": "karim-massimov", "type": "friend_of", "target": "nsc"}, MASSIMOV, "relation type 'friend_of'"),
    ("alias", {"entity": "karim-massimov", "name": "Nazarbayev"}, MASSIMOV, "does not contain the alias"),
    ("alias", {"person": "karim-massimov"}, MASSIMOV, "an alias fact has no field 'person'"),
    ("title", {}, MASSIMOV, "no kind of fact is called 'title'"),
    ("post", {"person": "karim-massimov", "post": "Head", "start": "2022-05", "end": "2021"}, MASSIMOV, "position #1 (karim-massimov): end 2021 is before the start 2022-05"),
    ("post", {"person": "karim-massimov", "post": "Head", "start": "2022-02", "status": "in office", "as_of": "2022-01-16"}, MASSIMOV, "as_of 2022-01-16 is before the start 2022-02"),
    ("event", {"title": "x", "date": "2022-01-06", "date_end": "2022-01-05"}, MASSIMOV, "date_end 2022-01-05 is before the date 2022-01-06"),
    ("event", {"title": "x", "date_end": "2022-01-05"}, MASSIMOV, "event 'x': date_end 2022-01-05 without a date"),
    ("relation", {"person": "karim-massimov", "type": "replaced", "target": "karim-massimov"}, MASSIMOV, "relation replaced 'karim-massimov': the target is the person itself"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "fields", "quote", "why"), BAD, ids=[b[3] for b in BAD])
def test_a_fact_that_cannot_be_is_refused_in_one_line_and_nothing_is_written(
    workspace: Path, store_path: Path, kind: str, fields: dict[str, str], quote: str, why: str
) -> None:
    store = Store.open(store_path)
    add_fact(DATA, workspace, "alias", {"entity": "nsc", "name": "NSC"}, {"source": "ciss-2022-nsc", "quote": "Chairman of the National Security Committee (NSC)"}, store=store)  # fmt: skip
    files = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    with pytest.raises(KazsecError) as refused:
        add_fact(DATA, workspace, kind, fields, {"source": "ciss-2022-nsc", "quote": quote}, store=store)  # fmt: skip
    assert why in str(refused.value) and "\n" not in str(refused.value)
    assert {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()} == files


def test_a_post_whose_end_only_overlaps_its_start_is_accepted(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '2022' is every day of 2022: a post from some day in it to May 2022 may well be.
    argv = fact("post", "ciss-2022-nsc", MASSIMOV, person="karim-massimov", post="Head", start="2022", end="2022-05")  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    career = run_json(capsys, "career", "karim-massimov", "--json")
    assert any((t["start"], t["end"]) == ("2022", "2022-05") for t in career["tenures"])


def test_the_command_refuses_in_one_line_with_exit_2(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(fact("event", "ciss-2022-nsc", MASSIMOV, title="x", date="2022-13")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kazsec: error: ")
    assert "events.toml: event '2022-13-x': date: " in err
    assert not (workspace / "kb" / "events.toml").exists()
    assert main(["fact", "add", "alias", "ciss-2022-nsc", "--quote", "x", "--field", "entity"]) == 2
    assert "give NAME=VALUE" in capsys.readouterr().err


def test_undo_takes_back_exactly_the_last_change(workspace: Path, store_path: Path) -> None:
    store = Store.open(store_path)
    cite = {"source": "ciss-2022-nsc", "quote": MASSIMOV}
    # Without a store to lend the texts, the source is repaired to check the quote.
    first = add_fact(DATA, workspace, "alias", {"entity": "karim-massimov", "name": "Karim Massimov"}, cite)  # fmt: skip
    people = workspace / "kb" / "people.toml"
    after_first = people.read_bytes()
    add_fact(DATA, workspace, "event", {"title": "Massimov dismissed again"}, cite, store=store)
    second = add_fact(DATA, workspace, "alias", {"entity": "karim-massimov", "name": "Lieutenant-General"}, cite, store=store)  # fmt: skip
    assert undo_last(workspace) == second
    assert people.read_bytes() == after_first
    assert (workspace / "kb" / "events.toml").is_file()
    assert undo_last(workspace).startswith("added event 'Massimov dismissed again'")  # type: ignore[union-attr]
    assert not (workspace / "kb" / "events.toml").exists()
    assert undo_last(workspace) == first and not people.exists()
    assert undo_last(workspace) is None


def test_undo_after_a_hand_edit_refuses_and_keeps_the_edit(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_fact(DATA, workspace, "alias", {"entity": "karim-massimov", "name": "Karim Massimov"}, {"source": "ciss-2022-nsc", "quote": MASSIMOV}, store=Store.open(store_path))  # fmt: skip
    people = workspace / "kb" / "people.toml"
    edited = people.read_text(encoding="utf-8") + "# my note\n"
    people.write_text(edited, encoding="utf-8")
    with pytest.raises(UndoError, match="was edited after 'added alias 'Karim Massimov'"):
        undo_last(workspace)
    assert people.read_text(encoding="utf-8") == edited
    assert main(["undo"]) == 2
    assert capsys.readouterr().err.startswith("kazsec: error: ")


def test_kazsec_undo_rebuilds_the_store(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(fact("alias", "border-notes", "a former colleague, Karim Masimoff", entity="karim-massimov", name="Masimoff")) == 0  # fmt: skip
    exact = ("search", "Masimoff", "--mode", "exact", "--json")
    names = [r["id"] for r in run_json(capsys, *exact, "--type", "person")]
    assert names == ["karim-massimov"]
    assert main(["undo"]) == 0
    assert "undone: added alias 'Masimoff'" in capsys.readouterr().out
    assert run_json(capsys, *exact, "--type", "person") == []
    # The document still says "Karim Masimoff": its passage is found as written.
    passages = [r["id"] for r in run_json(capsys, *exact, "--type", "passage")]
    assert passages == ["border-notes/p002"]
    assert main(["undo"]) == 0 and "nothing to undo" in capsys.readouterr().out


ADDER = """
import sys
from pathlib import Path
from kazsec.store import Store
from kazsec.workspace.facts import add_fact
data, workspace, store = (Path(a) for a in sys.argv[1:4])
for name in sys.argv[5:]:
    add_fact(data, workspace, "alias", {"entity": "karim-massimov", "name": name},
             {"source": "ciss-2022-nsc", "quote": sys.argv[4]}, store=Store.open(store))
"""


def test_two_processes_adding_at_once_lose_nothing(
    workspace: Path, store_path: Path, tmp_path: Path
) -> None:
    names = [["Lieutenant-General", "National Security", "Karim"], ["Massimov", "Karim Massimov", "General"]]  # fmt: skip
    env = {"PYTHONPATH": str(REPO / "src"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = [sys.executable, "-c", ADDER, str(DATA), str(workspace), str(store_path), MASSIMOV]
    runs = [subprocess.Popen([*argv, *group], env=env, stderr=subprocess.PIPE) for group in names]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
    tables = tomllib.loads((workspace / "kb" / "people.toml").read_text(encoding="utf-8"))
    added = [t["aliases"][0]["name"] for t in tables["person"]]
    assert sorted(added) == sorted(names[0] + names[1])
    assert len(list((workspace / ".undo").glob("*.json"))) == 6


@pytest.mark.parametrize(("start", "end"), [("0001", ""), ("9999", ""), ("0001-01-01", "9999-12")])
def test_a_post_at_the_calendar_edges_is_drawn_not_a_traceback(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str], start: str, end: str
) -> None:
    dates = {"start": start} | ({"end": end} if end else {"status": "in office"})
    argv = fact("post", "border-notes", "a former colleague, Karim Masimoff", person="karim-massimov", post="Keeper", body="nsc", **dates)  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    for command in (["career", "karim-massimov"], ["succession", "nsc"], ["timeline"]):
        capsys.readouterr()
        assert main(command) == 0, (command, capsys.readouterr().err)
    assert main(["held", "nsc", "--on", start]) == 0


def test_year_0000_is_refused_in_one_line_and_nothing_is_written(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = fact(
        "event", "border-notes", "a former colleague, Karim Masimoff", title="X", date="0000"
    )
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("kazsec: error: ") and "no year 0" in err and len(err.splitlines()) == 1
    assert not (workspace / "kb" / "events.toml").exists()


def test_an_offset_outside_the_text_is_refused_or_ignored_never_read_from_the_end(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kazsec.kb.anchor import SourceText, anchor

    argv = fact("alias", "border-notes", "a former colleague, Karim Masimoff", entity="karim-massimov", name="Masimoff")  # fmt: skip
    capsys.readouterr()
    with pytest.raises(SystemExit) as refused:
        main([*argv, "--start", "-95"])
    assert refused.value.code == 2 and "counts from 0" in capsys.readouterr().err
    assert not (workspace / "kb" / "people.toml").exists()
    text = "one two three two one"
    sources = {"s": SourceText(text, [0], ["s/p1"])}
    for start in (8 - len(text), -4, -1, len(text) + 1, 10**30, True):
        found = anchor({"source": "s", "quote": "three", "start": start}, sources, "test")
        assert (found["start"], found["end"]) == (8, 13)
        assert found["prefix"] == "one two " and found["suffix"] == " two one"


def test_the_same_name_from_the_same_words_is_not_added_twice(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quote = "a former colleague, Karim Masimoff"
    assert main(fact("alias", "border-notes", quote, entity="karim-massimov", name="Masimoff")) == 0
    people = workspace / "kb" / "people.toml"
    before = people.read_bytes()
    capsys.readouterr()
    again = fact("alias", "border-notes", quote, entity="karim-massimov", name="MASIMOFF")
    assert main(again) == 2
    assert "already has the name 'MASIMOFF' from these words" in capsys.readouterr().err
    assert people.read_bytes() == before
    # The same name from other words is more evidence for it: added.
    other = fact(
        "alias", "border-notes", "Karim Masimoff.", entity="karim-massimov", name="Masimoff"
    )
    assert main(other) == 0


def test_a_store_that_may_not_be_written_is_said_before_anything_is_added(
    workspace: Path,
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    # A read-only store (a mount, another user's file); faked, since root may write anyway.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: Path(p) != store_path and real_access(p, mode)
    )
    argv = fact("alias", "border-notes", "a former colleague, Karim Masimoff", entity="karim-massimov", name="Masimoff")  # fmt: skip
    for command in (argv, ["undo"]):
        capsys.readouterr()
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "may not be written" in err
    assert not (workspace / "kb" / "people.toml").exists()
