"""`kazsec add` and `kazsec remove`: the user's own documents, whole or not at all."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from conftest import DATA, copy_store

from kazsec.cli import main
from kazsec.store import Store
from kazsec.workspace import catalogue
from kazsec.workspace.adding import add_documents

RUSSIAN = (
    "Масимов арестован\n\nБывший председатель КНБ Карим Масимов задержан 8 января 2022 года.\n"
)
ENGLISH = "Notes on the KNB\n\nNurtai Abykayev chaired the National Security Committee.\n"


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(folder))
    return folder


@pytest.fixture()
def store_path(built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A copy of the bundled store, named as the one to bring up to date: each add builds
    # only its own documents into it.
    path = copy_store(built_store_path, tmp_path / "store.json")
    monkeypatch.setenv("KAZSEC_STORE", str(path))
    return path


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "deeper").mkdir(parents=True)
    (folder / "news.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "deeper" / "notes.md").write_text(ENGLISH, encoding="utf-8")
    (folder / ".hidden.txt").write_text("not mine to add\n", encoding="utf-8")
    return folder


def _sources(store_path: Path) -> dict[str, dict[str, object]]:
    return {s["id"]: dict(s) for s in Store.open(store_path).all("sources")}


def test_a_folder_is_added_byte_for_byte_searchable_and_marked_yours(
    workspace: Path, store_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled_before = sorted((p.name, p.stat().st_mtime_ns) for p in DATA.rglob("*"))
    assert main(["add", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "2 added, 0 already there, 0 failed" in out
    entries = {m.id: m for m in catalogue.entries(workspace)}
    assert set(entries) == {"masimov-arestovan", "notes-on-the-knb"}
    news = entries["masimov-arestovan"]
    raw = (workspace / "sources" / news.file).read_bytes()
    assert raw == (inbox / "news.txt").read_bytes()
    assert news.sha256 == hashlib.sha256(raw).hexdigest()
    sources = _sources(store_path)
    assert sources["masimov-arestovan"]["yours"] is True
    assert sources["ciss-2022-nsc"]["yours"] is False
    assert main(["search", "Масимов задержан", "--type", "passage", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any(h["id"].startswith("masimov-arestovan/") for h in hits)
    assert main(["mentions", "karim-massimov", "--json"]) == 0
    assert "masimov-arestovan/p002" in capsys.readouterr().out
    assert sorted((p.name, p.stat().st_mtime_ns) for p in DATA.rglob("*")) == bundled_before


def test_the_same_bytes_twice_are_one_document(
    workspace: Path, store_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = inbox / "copy-of-news.txt"
    copy.write_bytes((inbox / "news.txt").read_bytes())
    assert main(["add", str(inbox / "news.txt"), str(copy)]) == 0
    assert main(["add", str(inbox / "news.txt")]) == 0
    out = capsys.readouterr().out
    assert "already there" in out
    assert [m.id for m in catalogue.entries(workspace)] == ["masimov-arestovan"]


def test_bad_files_are_named_skipped_and_the_rest_added(
    workspace: Path,
    store_path: Path,
    inbox: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # every reason on one line of the table
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blob.bin").write_bytes(b"\x00\x01\x02")
    (inbox / "nul.txt").write_bytes(b"text\x00with a NUL")
    code = main(["add", str(inbox), str(inbox / "absent.txt"), str(inbox / "no-such-*.pdf")])
    assert code == 1
    out = capsys.readouterr().out
    for reason in ("empty file", "(.bin): binary", "(.txt): binary",
                   "no such file or folder", "no file matches"):  # fmt: skip
        assert reason in out
    assert len(catalogue.entries(workspace)) == 2
    assert "masimov-arestovan" in _sources(store_path)


def test_an_add_killed_before_its_entry_leaves_the_workspace_as_it_was(
    workspace: Path,
    store_path: Path,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["add", str(inbox / "deeper" / "notes.md")]) == 0
    before = (workspace / "sources.toml").read_bytes()

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(catalogue, "append", killed)
        assert main(["add", str(inbox / "news.txt")]) == 130
    assert (workspace / "sources.toml").read_bytes() == before
    assert "masimov-arestovan" not in _sources(store_path)
    assert main(["add", str(inbox / "news.txt")]) == 0  # the bytes left behind are reused
    assert {m.id for m in catalogue.entries(workspace)} == {"notes-on-the-knb", "masimov-arestovan"}


def test_a_file_in_the_workspace_that_is_not_the_document_is_never_replaced(
    workspace: Path, store_path: Path, inbox: Path
) -> None:
    (workspace / "sources").mkdir(parents=True)
    stranger = workspace / "sources" / "masimov-arestovan.txt"
    stranger.write_bytes(b"someone else's file\n")
    assert main(["add", str(inbox / "news.txt")]) == 0
    assert stranger.read_bytes() == b"someone else's file\n"
    assert [m.id for m in catalogue.entries(workspace)] == ["masimov-arestovan-2"]


def test_an_id_a_bundled_source_has_is_not_given_again(
    workspace: Path, store_path: Path, tmp_path: Path
) -> None:
    clash = tmp_path / "ciss.txt"
    clash.write_text("CISS 2022 NSC\n\nAbout the council.\n", encoding="utf-8")
    assert main(["add", str(clash)]) == 0
    assert [m.id for m in catalogue.entries(workspace)] == ["ciss-2022-nsc-2"]


def test_a_hand_edited_entry_is_what_the_store_shows(
    workspace: Path, store_path: Path, inbox: Path
) -> None:
    assert main(["add", str(inbox / "news.txt")]) == 0
    path = workspace / "sources.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('author = ""', 'author = "Reuters desk"'),
        encoding="utf-8",
    )
    assert main(["build"]) == 0
    assert _sources(store_path)["masimov-arestovan"]["author"] == "Reuters desk"


def test_remove_asks_takes_out_entry_and_file_and_the_store_follows(
    workspace: Path, store_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(inbox)]) == 0
    assert main(["remove", "masimov-arestovan"]) == 2  # stdin is no terminal: --yes needed
    assert "--yes" in capsys.readouterr().err
    assert main(["remove", "no-such-document", "--yes"]) == 2
    assert main(["remove", "masimov-arestovan", "--yes"]) == 0
    assert [m.id for m in catalogue.entries(workspace)] == ["notes-on-the-knb"]
    assert not (workspace / "sources" / "masimov-arestovan.txt").exists()
    assert "masimov-arestovan" not in _sources(store_path)
    assert main(["remove", "notes-on-the-knb", "--yes"]) == 0
    assert catalogue.entries(workspace) == []
    assert main(["check"]) == 0


def test_two_processes_adding_at_once_lose_nothing(
    workspace: Path, store_path: Path, tmp_path: Path
) -> None:
    folders = []
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for n in range(6):
            text = f"{side} report {n}\n\nNurtai Abykayev, {side} {n}.\n"
            (folder / f"{side}-{n}.txt").write_text(text, encoding="utf-8")
        folders.append(folder)
    env = {**os.environ, "KAZSEC_WORKSPACE": str(workspace), "KAZSEC_STORE": str(store_path)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "kazsec", "add", str(folder)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for folder in folders
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    ids = {m.id for m in catalogue.entries(workspace)}
    assert len(ids) == 12
    assert ids <= set(_sources(store_path))


def test_a_catalogue_edited_by_hand_into_one_table_is_still_read(
    workspace: Path, store_path: Path, inbox: Path
) -> None:
    # Not a plain list of [[source]] tables any more (an inline array): the ids and hashes
    # come from parsing the whole file, and the same bytes are still recognised.
    assert main(["add", str(inbox / "news.txt")]) == 0
    (entry,) = catalogue.entries(workspace)
    fields = ", ".join(f"{k} = {json.dumps(v)}" for k, v in msgspec.structs.asdict(entry).items())
    (workspace / "sources.toml").write_text(f"source = [{{ {fields} }}]\n", encoding="utf-8")
    assert catalogue.known(workspace) == ({entry.id}, {entry.sha256: entry.id})
    assert main(["add", str(inbox / "news.txt")]) == 0
    assert len(catalogue.entries(workspace)) == 1


NEW_NAMES = (
    "Масимов арестован\n\nБывший председатель КНБ Карим Масимов задержан. Генерал Сидоренко и "
    "Иван Петров дали показания. Петрову предъявили обвинение.\n\nМинистерство цифрового "
    "развития сообщило, что Иван Петров уволен из Совета безопасности.\n"
)


def test_new_names_in_your_documents_are_listed_and_known_ones_never(
    workspace: Path, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(NEW_NAMES, encoding="utf-8")
    assert main(["add", str(page)]) == 0
    capsys.readouterr()
    assert main(["candidates", "--json"]) == 0
    found = {n["name"]: n for n in json.loads(capsys.readouterr().out)}
    assert found["Иван Петров"]["count"] == 3  # Петрову is his dative
    assert found["Иван Петров"]["kind"] == "person"
    assert found["Министерство цифрового развития"]["kind"] == "body"
    assert "Сидоренко" in found
    # Known in any case form: Совета безопасности is the genitive of a known body's name.
    for known in ("Карим Масимов", "Масимов", "КНБ", "Совета безопасности"):
        assert known not in found
    assert main(["show", "masimov-arestovan"]) == 0
    shown = capsys.readouterr().out
    assert "new name: Иван Петров (person, 3 mentions)" in shown
    assert "…Иван Петров…" in shown  # the place it is first written, quoted
    assert main(["candidates", "--source", "ciss-2022-nsc", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # bundled sources: the curator's
    assert main(["candidates", "--source", "no-such-source"]) == 2


def test_many_files_are_read_by_workers_with_the_same_outcomes(
    workspace: Path, store_path: Path, tmp_path: Path
) -> None:
    # From eight files on, worker processes read them: every outcome is as for a few.
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(12):
        text = f"Report number {n}\n\nNurtai Abykayev met the council, session {n}.\n"
        (folder / f"report-{n:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "report-copy.txt").write_bytes((folder / "report-03.txt").read_bytes())
    (folder / "blob.txt").write_bytes(b"\x00\x01 binary")
    added = add_documents([str(folder)], workspace, [])
    statuses = sorted(o.status for o in added.outcomes)
    assert statuses == ["added"] * 12 + ["already there", "failed"]
    assert len(added.repaired) == 12
    ids = [m.id for m in catalogue.entries(workspace)]
    assert ids == [f"report-number-{n}" for n in range(12)]  # in the files' order
    # Read and repaired by a worker under a stand-in id, then given its own.
    made = added.repaired["report-number-3"]
    assert made.meta.id == "report-number-3"
    assert [(p.id, p.source) for p in made.passages][:2] == [
        ("report-number-3/p001", "report-number-3"),
        ("report-number-3/p002", "report-number-3"),
    ]


def test_removing_a_document_warns_of_the_notes_and_facts_that_quote_it(
    workspace: Path, store_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(inbox)]) == 0
    for quote in ("Бывший председатель КНБ", "задержан 8 января 2022 года"):
        assert main(["note", "add", "masimov-arestovan", "--quote", quote, "--text", "mine"]) == 0
    alias = ["fact", "add", "alias", "masimov-arestovan", "--quote", "Карим Масимов задержан"]
    assert main([*alias, "--field", "entity=karim-massimov", "--field", "name=Карим Масимов"]) == 0
    notes, facts = (workspace / "notes.toml").read_bytes(), (workspace / "kb").iterdir()
    kept = {p: p.read_bytes() for p in facts}
    capsys.readouterr()

    assert main(["remove", "masimov-arestovan", "--yes"]) == 0
    said = capsys.readouterr()
    assert "removed masimov-arestovan" in said.out
    assert said.err.splitlines() == [
        "kazsec: warning: 2 of your notes and 1 of your facts quote masimov-arestovan; "
        "they are kept and listed by kazsec notes / kazsec check as orphaned"
    ]
    # Nothing of the user's is taken with the document.
    assert (workspace / "notes.toml").read_bytes() == notes
    assert {p: p.read_bytes() for p in kept} == kept
    main(["check"])
    listed = capsys.readouterr()
    assert "orphaned fact: " in listed.out + listed.err
    assert (listed.out + listed.err).count("its source masimov-arestovan is not in the store") == 2

    assert main(["remove", "notes-on-the-knb", "--yes"]) == 0
    assert capsys.readouterr().err == ""
