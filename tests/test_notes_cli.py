"""`kazsec note add`, `kazsec note rm`, `kazsec notes` and the notes part of `kazsec check`:
notes that follow their quotes when a document changes, orphans kept and named, and every
mistake in a hand-edited notes.toml one line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import copy_store

from kazsec.cli import main
from kazsec.library import Library
from kazsec.store import Store
from kazsec.workspace import catalogue
from kazsec.workspace.notebook import notes_path, read_notes

REPORT = (
    "Notes on the council\n\n"
    "The Security Council met on 5 January 2022 in Almaty. Karim Massimov was detained on "
    "8 January 2022 by the new leadership. The committee was then reorganised twice.\n\n"
    "A second paragraph about Nurtai Abykayev and the National Security Committee of "
    "Kazakhstan.\n"
)
# The same document edited: a sentence put in before the quotes, one taken out, a name
# spelt another way.
EDITED = (
    "Notes on the council\n\n"
    "An introduction written later. The Security Council met on 5 January 2022 in Almaty. "
    "Karim Massimov was detained on 8 January 2022 by the new leadership.\n\n"
    "A second paragraph about Nurtai Abykaev and the National Security Committee of "
    "Kazakhstan.\n"
)


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(folder))
    return folder


@pytest.fixture()
def store_path(built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = copy_store(built_store_path, tmp_path / "store.json")
    monkeypatch.setenv("KAZSEC_STORE", str(path))
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    code, out, err = _run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_a_note_is_added_to_a_quote_listed_and_removed(
    workspace: Path, built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(built_store_path)]
    quote = 'the "Golden Key" to power'  # typed with straight quotes; the text has “curly” ones
    code, out, err = _run(
        capsys, *store, "note", "add", "ciss-2022-nsc", "--quote", quote, "--text",
        "Transit of power", "--tag", "transit", "--tag", "KNB",
    )  # fmt: skip
    assert code == 0, err
    note_id = out.strip()
    (note,) = read_notes(workspace)
    assert note.id == note_id and note.quote == "the “Golden Key” to power"
    text = Store.open(built_store_path).source("ciss-2022-nsc")["repaired_text"]
    assert text[note.start : note.end] == note.quote
    assert (note.prefix, note.suffix) == (
        text[note.start - 32 : note.start],
        text[note.end : note.end + 32],
    )
    (listed,) = _json(capsys, *store, "notes")
    assert listed["id"] == note_id and listed["status"] == "exact"
    assert listed["passage"] == "ciss-2022-nsc/p007" and listed["tags"] == ["transit", "KNB"]
    assert (listed["current_start"], listed["found"]) == (note.start, note.quote)
    assert _json(capsys, *store, "notes", "--tag", "knb") == [listed]
    assert _json(capsys, *store, "notes", "--tag", "other") == []
    assert _json(capsys, *store, "notes", "--source", "kz20-security-council") == []
    code, out, _ = _run(capsys, *store, "notes")
    assert code == 0 and note_id in out and "Transit of power" in out and "#transit" in out
    assert _run(capsys, *store, "note", "rm", note_id) == (0, f"removed {note_id}\n", "")
    assert read_notes(workspace) == []
    code, out, _ = _run(capsys, *store, "notes")
    assert code == 0 and "no notes yet" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["note", "add", "ciss-2022-nsc", "--quote", "the"], "quote occurs"),
        (
            ["note", "add", "ciss-2022-nsc", "--quote", "nowhere in it at all"],
            "quote not found in ciss-2022-nsc",
        ),
        (["note", "add", "no-such-source", "--quote", "the"], "unknown source 'no-such-source'"),
        (["note", "add", "ciss-2022-nsc", "--quote", " "], "empty quote"),
        (
            ["note", "add", "ciss-2022-nsc", "--quote", "Golden Key", "--text", "\x1b[2J"],
            "text: has a control character",
        ),
        (["note", "rm", "note-00000000"], "no note has the id 'note-00000000'"),
        (["note"], "say what to do"),
    ],
)
def test_what_cannot_be_done_is_one_line_and_exit_2(
    workspace: Path,
    built_store_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    code, out, err = _run(capsys, "--store", str(built_store_path), *argv)
    assert code == 2
    assert err.startswith("kazsec: error: ") and err.count("\n") == 1 and says in err
    assert "Traceback" not in err and not notes_path(workspace).exists()


def test_notes_follow_their_quotes_when_a_document_changes_and_orphans_are_kept(
    workspace: Path, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "report.txt"
    document.write_text(REPORT, encoding="utf-8")
    assert main(["add", str(document)]) == 0
    capsys.readouterr()
    (meta,) = catalogue.entries(workspace)
    quotes = {
        "title": "Notes on the council",
        "moved": "Karim Massimov was detained on 8 January 2022",
        "orphan": "The committee was then reorganised twice.",
        "fuzzy": "Nurtai Abykayev and the National Security Committee",
    }
    ids = {}
    for what, quote in quotes.items():
        code, out, err = _run(capsys, "note", "add", meta.id, "--quote", quote, "--text", what)
        assert code == 0, err
        ids[what] = out.strip()
    assert main(["check"]) == 0
    capsys.readouterr()
    written = notes_path(workspace).read_bytes()

    # The document edited by hand, its pinned sha256 with it, and the store rebuilt.
    raw = workspace / "sources" / meta.file
    raw.write_text(EDITED, encoding="utf-8")
    catalogue_file = workspace / "sources.toml"
    catalogue_file.write_text(
        catalogue_file.read_text(encoding="utf-8").replace(
            meta.sha256, hashlib.sha256(raw.read_bytes()).hexdigest()
        ),
        encoding="utf-8",
    )
    assert main(["build"]) == 0
    capsys.readouterr()

    listed = {n["id"]: n for n in _json(capsys, "notes")}
    status = {what: listed[ids[what]]["status"] for what in quotes}
    assert status == {"title": "exact", "moved": "moved", "orphan": "orphan", "fuzzy": "fuzzy"}
    text = Store.open(store_path).source(meta.id)["repaired_text"]
    moved = listed[ids["moved"]]
    assert text[moved["current_start"] : moved["current_end"]] == quotes["moved"]  # type: ignore[index]
    assert moved["current_start"] == text.index(quotes["moved"])
    fuzzy = listed[ids["fuzzy"]]
    assert fuzzy["found"] == "Nurtai Abykaev and the National Security Committee"
    assert listed[ids["orphan"]]["current_start"] is None
    # The table says so; the orphan is listed, and kept in the file: nothing was rewritten.
    code, out, _ = _run(capsys, "notes")
    assert code == 0 and "moved" in out and "reworded" in out and "orphaned" in out
    assert "now: “Nurtai Abykaev" in out
    assert notes_path(workspace).read_bytes() == written
    code, out, err = _run(capsys, "check")
    assert code == 1
    assert out.splitlines() == [
        f"note {ids['orphan']}: its quote is no longer in {meta.id} (orphaned; kept in notes.toml)"
    ]
    # The explorer's read model sees the same.
    notebook = Library(Store.open(store_path)).notebook
    assert [n.id for n in notebook.orphans()] == [ids["orphan"]]
    assert notebook.get(ids["moved"]).status == "moved"  # type: ignore[union-attr]


def test_hand_edited_notes_each_say_what_is_wrong_in_one_line(
    workspace: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0  # the store knows the workspace: `check` reads its notes
    capsys.readouterr()
    workspace.mkdir()
    path = notes_path(workspace)
    path.write_text(
        '[[note]]\nid = "lost"\nsource = "ciss-2022-nsc"\nquote = "words that are nowhere"\n\n'
        '[[note]]\nid = "elsewhere"\nsource = "no-such-source"\nquote = "Massimov"\n\n'
        '[[note]]\nid = "kept"\nsource = "ciss-2022-nsc"\nquote = "Golden Key"\ntags = ["x"]\n',
        encoding="utf-8",
    )
    status = {n["id"]: n["status"] for n in _json(capsys, "notes")}
    assert status == {"lost": "orphan", "elsewhere": "no source", "kept": "exact"}
    code, out, _ = _run(capsys, "check")
    assert code == 1 and out.splitlines() == [
        "note lost: its quote is no longer in ciss-2022-nsc (orphaned; kept in notes.toml)",
        "note elsewhere: its source no-such-source is not in the store (kept in notes.toml)",
    ]
    # A wrong type: the notes commands stop at one line; the rest of kazsec goes on.
    path.write_text(path.read_text(encoding="utf-8") + 'start = "ten"\n', encoding="utf-8")
    before = path.read_bytes()
    line = f"{path}:11: note #3: start: Expected int, got str"
    for argv in (["notes"], ["notes", "--json"], ["note", "rm", "kept"],
                 ["note", "add", "ciss-2022-nsc", "--quote", "Golden Key"]):  # fmt: skip
        code, out, err = _run(capsys, *argv)
        assert (code, out, err) == (2, "", f"kazsec: error: {line}\n"), argv
    code, out, _ = _run(capsys, "check")
    assert code == 1 and out.splitlines() == [line]
    assert _run(capsys, "sources")[0] == 0
    assert _run(capsys, "show", "karim-massimov")[0] == 0
    assert path.read_bytes() == before  # never written over
    notebook = Library(Store.open(store_path)).notebook
    assert (notebook.problem, notebook.writable, notebook.notes) == (line, False, [])
