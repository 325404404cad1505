"""The workspace's own knowledge base in the build: tables that extend bundled records, ids
unique across both, hand-made mistakes named in one line, a vanished quote kept and listed
as orphaned, a changed document's facts re-anchored, and the store stale after a hand edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, copy_store
from facts_helpers import MASSIMOV, NOTES, put_document, rewrite_document

from kazsec.build.compile import build_store
from kazsec.build.freshness import is_current
from kazsec.cli import main
from kazsec.kb.loader import KbError
from kazsec.store import Store
from kazsec.workspace.facts import orphaned_facts


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    (folder / "kb").mkdir(parents=True)
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(folder))
    return folder


@pytest.fixture()
def store_path(built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_store(built_store_path, tmp_path / "store.json")
    monkeypatch.setenv("KAZSEC_STORE", str(path))
    return path


def write(workspace: Path, table: str, text: str) -> Path:
    path = workspace / "kb" / f"{table}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def build(workspace: Path, store_path: Path) -> Store:
    build_store(DATA, store_path, workspace=workspace)
    return Store.open(store_path)


def test_a_table_with_a_known_id_extends_the_bundled_record(
    workspace: Path, store_path: Path
) -> None:
    write(workspace, "people", f"""
[[person]]
id = "karim-massimov"
name = "Karim Massimov"   # the same as the bundled record's: allowed
curator_aliases = ["Karim Kajymkanuly", "Karim Masimov"]
titles = [{{ title = "Lieutenant-General", source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}]
""")  # fmt: skip
    write(workspace, "agencies", """
[[agency]]
id = "nsc"
aliases = [{ name = "National Security", source = "ciss-2022-nsc", quote = "Lieutenant-General of National Security Karim" }]
""")  # fmt: skip
    bundled = Store.open(store_path).get("people", "karim-massimov")
    people = len(Store.open(store_path).all("people"))
    assert bundled is not None
    store = build(workspace, store_path)
    person = store.get("people", "karim-massimov")
    assert person is not None
    assert person["aliases"] == bundled["aliases"] and person["name"] == bundled["name"]
    assert person["titles"][: len(bundled["titles"])] == bundled["titles"]
    assert person["titles"][-1]["title"] == "Lieutenant-General"
    assert person["titles"][-1]["cite"][0]["exact"] == MASSIMOV
    assert person["curator_aliases"].count("Karim Masimov") <= 1
    assert "Karim Kajymkanuly" in person["curator_aliases"]
    nsc = store.get("agencies", "nsc")
    assert nsc is not None and nsc["aliases"][-1]["name"] == "National Security"
    assert len(store.all("people")) == people  # extended, not added


@pytest.mark.parametrize(
    ("table", "text", "why"),
    [
        ("people", '[[person]]\nid = "karim-massimov"\nname = "Someone Else"\n', "person 'karim-massimov': extends the record of that id, whose name is 'Karim Massimov'; leave name out"),
        ("events", '[[event]]\nid = "2022-01-06-massimov-dismissed"\ntitle = "x"\n', "event '2022-01-06-massimov-dismissed': the id is already used by an event"),
        ("agencies", '[[agency]]\nid = "karim-massimov"\nname = "x"\n', "agency 'karim-massimov': the id is already used by a person"),
        ("people", '[[person]\nid = "x"\n', "not valid TOML"),
        ("positions", f'[[position]]\nperson = "nobody"\npost = "x"\ncite = {{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}\n', "position #1 (nobody): unknown id 'nobody'"),
        ("events", f'[[event]]\nid = "e"\ntitle = "x"\npeople = ["nsc"]\ncite = {{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}\n', "event 'e': people: 'nsc' is a body, not a person"),
        ("people", '[[person]]\nid = "x"\nname = "X"\nalias = []\n', "person 'x': Object contains unknown field alias"),
        ("positions", f'[[position]]\nperson = "karim-massimov"\npost = "x"\nstart = "2022-01-06"\nend = "2021-12-31"\ncite = {{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}\n', "position #1 (karim-massimov): end 2021-12-31 is before the start 2022-01-06"),
        ("events", f'[[event]]\nid = "e"\ntitle = "x"\ndate = "2022"\ndate_end = "2021-12"\ncite = {{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}\n', "event 'e': date_end 2021-12 is before the date 2022"),
        ("agencies", f'[[agency]]\nid = "x-body"\nname = "X"\nparent = "x-body"\nparent_cite = {{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}\n', "agency 'x-body': parent 'x-body' is the agency itself"),
        ("people", f'[[person]]\nid = "karim-massimov"\nrelations = [{{ type = "replaced_by", target = "karim-massimov", source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}]\n', "person 'karim-massimov': relation replaced_by 'karim-massimov': the target is the person itself"),
    ],
    ids=["contradicts", "event id", "id of a person", "bad TOML", "unknown id", "wrong kind", "typo", "end before start", "event ends before", "its own parent", "replaces themself"],
)  # fmt: skip
def test_a_mistake_in_a_workspace_file_is_one_line_naming_it(
    workspace: Path,
    store_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    text: str,
    why: str,
) -> None:
    path = write(workspace, table, text)
    with pytest.raises(KbError) as failed:
        build_store(DATA, store_path, workspace=workspace)
    assert str(failed.value).startswith(f"{path}: ")
    assert why in str(failed.value)
    capsys.readouterr()
    assert main(["build", "--store", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kazsec: error: {path}: ") and err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == text


VANISHED = f"""# my facts
[[person]]
id = "jane-roe"
name = "Jane Roe"
aliases = [{{ name = "Jane Roe", source = "ciss-2022-nsc", quote = "Jane Roe was never in this text" }}]

[[person]]
id = "karim-massimov"
aliases = [
  {{ name = "Karim Massimov", source = "ciss-2022-nsc", quote = "{MASSIMOV}" }},
  {{ name = "Massimoff", source = "ciss-2022-nsc", quote = "Massimoff resigned" }},
]
"""


def test_a_vanished_quote_is_kept_in_its_file_and_listed_as_orphaned(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write(workspace, "people", VANISHED)
    events = write(workspace, "events", f"""
[[event]]
id = "2022-01-06-jane-roe-resigns"
title = "Jane Roe resigns"
people = ["jane-roe"]
cite = [{{ source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}]
""")  # fmt: skip
    assert main(["build", "--store", str(store_path)]) == 0
    assert "3 of your facts left out" in capsys.readouterr().err
    store = Store.open(store_path)
    assert store.get("people", "jane-roe") is None
    assert store.get("events", "2022-01-06-jane-roe-resigns") is None
    massimov = store.get("people", "karim-massimov")
    assert massimov is not None
    assert "Massimoff" not in {a["name"] for a in massimov["aliases"]}
    orphans = orphaned_facts(store)
    assert [(o.file, o.record, o.source, o.quote) for o in orphans] == [
        (str(people), "person 'jane-roe': alias 'Jane Roe'", "ciss-2022-nsc", "Jane Roe was never in this text"),
        (str(people), "person 'karim-massimov': alias 'Massimoff'", "ciss-2022-nsc", "Massimoff resigned"),
        (str(events), "event '2022-01-06-jane-roe-resigns'", "ciss-2022-nsc", MASSIMOV),
    ]  # fmt: skip
    assert orphans[2].reason == "it rests on a person 'jane-roe', itself orphaned"
    assert main(["check"]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "orphaned" in line]
    assert len(lines) == 3
    assert lines[1] == (
        f"orphaned fact: {people}: person 'karim-massimov': alias 'Massimoff': quote not found "
        "in ciss-2022-nsc: 'Massimoff resigned' (kept in the file, left out of the store)"
    )
    assert people.read_text(encoding="utf-8") == VANISHED


def test_a_hand_edit_of_a_workspace_file_makes_the_store_stale(
    workspace: Path, store_path: Path
) -> None:
    people = write(workspace, "people", f'[[person]]\nid = "karim-massimov"\naliases = [{{ name = "Karim Massimov", source = "ciss-2022-nsc", quote = "{MASSIMOV}" }}]\n')  # fmt: skip
    store = build(workspace, store_path)
    assert is_current(store, DATA, workspace)
    people.write_text(people.read_text(encoding="utf-8") + "# edited by hand\n", "utf-8")
    assert not is_current(store, DATA, workspace)
    store = build(workspace, store_path)
    assert is_current(store, DATA, workspace)
    (workspace / "kb" / "events.toml").write_text("# a new file\n", encoding="utf-8")
    assert not is_current(store, DATA, workspace)


def test_a_changed_document_moves_its_facts_or_orphans_them(
    workspace: Path, store_path: Path
) -> None:
    put_document(workspace, "border-notes", NOTES)
    quote = "She is a classmate of Karim Massimov"
    write(workspace, "people", f"""
[[person]]
id = "karim-massimov"
aliases = [{{ name = "Karim Massimov", source = "border-notes", quote = "{quote}", prefix = "the Steppe Border Directorate on 3 March 2023. ", suffix = ", according to a former colleague" }}]
""")  # fmt: skip

    def cited(store: Store) -> list[int]:
        person = store.get("people", "karim-massimov")
        assert person is not None
        return [c["start"] for a in person["aliases"] for c in a["cite"] if c["source"] == "border-notes"]  # fmt: skip

    store = build(workspace, store_path)
    (before,) = cited(store)
    assert store.corpus.texts("border-notes")[1][before:].startswith(quote)  # type: ignore[index]
    # A new paragraph before it, and the sentence written twice: the words around it tell.
    moved = NOTES.replace("Aigerim", f"Added later. {quote} too.\n\nAigerim", 1)
    rewrite_document(workspace, "border-notes", moved)
    store = build(workspace, store_path)
    (after,) = cited(store)
    text = store.corpus.texts("border-notes")[1]  # type: ignore[index]
    assert after > before and text[after:].startswith(quote + ", according")
    assert orphaned_facts(store) == []
    rewrite_document(workspace, "border-notes", moved.replace(quote, "She knows Karim Massimov"))
    store = build(workspace, store_path)
    assert cited(store) == []
    (orphan,) = orphaned_facts(store)
    assert (orphan.record, orphan.source, orphan.quote) == (
        "person 'karim-massimov': alias 'Karim Massimov'",
        "border-notes",
        quote,
    )
