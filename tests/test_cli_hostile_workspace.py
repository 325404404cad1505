"""What a command does with a notes file it cannot read, a workspace other than the store's,
and an empty path: one line and a non-zero exit, never an export that silently lacks notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_store

from kazsec.cli import main

QUOTE = "Golden Key"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def noted(
    built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path]:
    """A store built with a workspace holding one note on a bundled source."""
    workspace, store = tmp_path / "workspace", copy_store(built_store_path, tmp_path / "s.json")
    where = ("--store", str(store), "--workspace", str(workspace))
    assert main(["build", *where]) == 0
    argv = ["note", "add", "ciss-2022-nsc", "--quote", QUOTE, "--text", "transit", *where]
    assert run(capsys, *argv)[0] == 0
    return store, workspace


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "ftm", "--only", "yours"],
        ["export", "ftm"],
        ["export", "dossier", "karim-massimov"],
        ["notes"],
    ],
)
def test_a_broken_notes_file_fails_what_needs_the_notes_in_one_line(
    noted: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    store, workspace = noted
    notes = workspace / "notes.toml"
    kept = notes.read_bytes() + b"text = 5\n"
    notes.write_bytes(kept)
    code, out, err = run(capsys, *argv, "--store", str(store), "--workspace", str(workspace))
    assert code == 2 and out == "", "no export without the notes it should hold"
    assert err.startswith("kazsec: error: ") and err.count("\n") == 1 and "notes.toml" in err
    assert notes.read_bytes() == kept, "the file is left as the user wrote it"
    # What does not need the notes still works.
    assert run(capsys, "stats", "--store", str(store), "--workspace", str(workspace))[0] == 0


def test_the_notes_exported_are_those_of_the_workspace_named(
    noted: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, workspace = noted
    code, out, _ = run(capsys, "export", "ftm", "--only", "yours", "--store", str(store))
    assert code == 0 and '"Note"' in out, "unnamed: the store's own workspace's notes"
    other = tmp_path / "other"
    argv = ("export", "ftm", "--only", "yours", "--store", str(store), "--workspace", str(other))
    code, out, err = run(capsys, *argv)
    assert code == 0 and '"Note"' not in out, "another workspace's notes are not yours here"
    assert "was not built with the workspace" in err
    code, out, _ = run(capsys, "notes", "--store", str(store), "--workspace", str(other))
    assert code == 0 and "no notes yet" in out, "notes and exports agree"


@pytest.mark.parametrize("option", ["--store", "--workspace"])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_path_is_refused_not_taken_for_the_default(
    option: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["note", "add", "ciss-2022-nsc", "--quote", QUOTE, "--text", "x", option, value]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{option}: an empty path" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "csl"],
        ["export", "ftm", "--entity", "karim-massimov"],
        ["timeline", "--json"],
        ["show", "karim-massimov", "--json"],
        ["search", "Масимов", "--json"],
    ],
)
def test_an_ascii_stdout_loses_no_character_of_json_or_an_export(
    built_store_path: Path, argv: list[str]
) -> None:
    """PYTHONIOENCODING=ascii (an old terminal setting carried into a script): the data that
    reaches the file is the data, not '?' for every Cyrillic letter."""
    import json
    import os
    import subprocess
    import sys

    def data(encoding: str) -> list[object]:
        env = {**os.environ, "PYTHONIOENCODING": encoding}
        command = [sys.executable, "-m", "kazsec", "--store", str(built_store_path), *argv]
        done = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")
        return (
            [json.loads(line) for line in text.splitlines() if line.strip()]
            if "ftm" in argv
            else [json.loads(text)]
        )

    wanted = data("utf-8")
    assert data("ascii") == wanted


def test_an_export_never_writes_over_a_file_kazsec_keeps(
    noted: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, workspace = noted
    where = ("--store", str(store), "--workspace", str(workspace))
    kept = {p: p.read_bytes() for p in (store, Path(f"{store}.corpus"), workspace / "notes.toml")}
    link = tmp_path / "innocent.json"
    link.symlink_to(workspace / "notes.toml")
    (workspace / "kb").mkdir(exist_ok=True)
    for target in (*kept, link, workspace / "kb" / "people.toml"):
        code, out, err = run(capsys, "export", "csl", "-o", str(target), *where)
        assert code == 2 and err.startswith("kazsec: error: -o ") and err.count("\n") == 1
        assert "write the CSL-JSON elsewhere" in err
    assert all(path.read_bytes() == data for path, data in kept.items())
    assert not (workspace / "kb" / "people.toml").exists()
    # A link into a folder that is not there makes no folders.
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "no" / "such" / "x.json")
    code, _, err = run(capsys, "export", "csl", "-o", str(dangling), *where)
    assert code == 2 and "no folder" in err and not (tmp_path / "no").exists()
    # An export's own file is written, and written over.
    mine = tmp_path / "out" / "sources.json"
    mine.parent.mkdir()
    for _ in range(2):
        assert run(capsys, "export", "csl", "-o", str(mine), *where)[0] == 0
    assert mine.read_text(encoding="utf-8").startswith("[")


@pytest.mark.parametrize(
    ("fifo", "argv"),
    [
        ("notes.toml", ["notes"]),
        ("notes.toml", ["note", "add", "ciss-2022-nsc", "--quote", QUOTE, "--text", "x"]),
        ("kb/people.toml", ["build"]),
        ("sources.toml", ["add", "ciss-2022-nsc.txt"]),
        (".undo/00000001.json", ["undo"]),
    ],
)
def test_a_pipe_in_place_of_a_workspace_file_is_one_line_not_a_hang(
    noted: tuple[Path, Path], tmp_path: Path, fifo: str, argv: list[str]
) -> None:
    """A named pipe where a file of the workspace belongs: reading it would wait for a writer
    for ever. It is said at once, in one line, naming the file."""
    import os
    import subprocess
    import sys

    store, workspace = noted
    path = workspace / fifo
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    if argv[0] == "add":
        argv = ["add", str(tmp_path / "report.txt")]
        (tmp_path / "report.txt").write_text("Karim Massimov was detained.\n", encoding="utf-8")
    command = [sys.executable, "-m", "kazsec", *argv, "--store", str(store)]
    command += ["--workspace", str(workspace)]
    done = subprocess.run(command, capture_output=True, timeout=60, check=False)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.startswith("kazsec: error: ") and err.count("\n") == 1 and path.name in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["succession", ""], "an empty id"),
        (["succession", "   "], "an empty id"),
        (["notes", "--source", "no-such-source"], "no such source"),
        (["notes", "--tag", ""], "an empty tag"),
        (
            ["note", "add", "ciss-2022-nsc", "--quote", QUOTE, "--text", "x", "--tag", " "],
            "an empty tag",
        ),
    ],
)
def test_an_empty_or_unknown_argument_is_said_not_taken_for_all(
    noted: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    store, workspace = noted
    before = (workspace / "notes.toml").read_bytes()
    code, out, err = run(capsys, *argv, "--store", str(store), "--workspace", str(workspace))
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err
    assert (workspace / "notes.toml").read_bytes() == before
    # A source that is there is listed with its notes.
    code, out, _ = run(
        capsys,
        "notes",
        "--source",
        "ciss-2022-nsc",
        "--store",
        str(store),
        "--workspace",
        str(workspace),
    )
    assert code == 0 and "transit" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["note", "add", "ciss-2022-nsc", "--quote", "HUGE", "--text", "x"],
        ["note", "rm", "HUGE"],
        ["export", "dossier", "HUGE"],
        ["export", "ftm", "--entity", "HUGE"],
        ["timeline", "--from", "HUGE"],
        ["career", "HUGE"],
    ],
)
def test_an_error_about_a_huge_argument_is_one_short_line(
    noted: tuple[Path, Path], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    store, workspace = noted
    huge = "Жқфыв " * 20_000  # no name of anyone
    argv = [huge if word == "HUGE" else word for word in argv]
    code, out, err = run(capsys, *argv, "--store", str(store), "--workspace", str(workspace))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("kazsec: error: ") and len(err) < 600


def test_a_bare_c_locale_still_reads_a_cyrillic_argument(built_store_path: Path) -> None:
    """LC_ALL=C with Python's UTF-8 mode and locale coercion off: the bytes of 'Сагимбаев'
    arrive as lone surrogates; they are read back as the UTF-8 they were typed in."""
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env |= {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONIOENCODING", None)
    command = [sys.executable, "-m", "kazsec", "--store", str(built_store_path)]
    command += ["career", "Сагимбаев", "--json"]
    done = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["person"] == "ermek-sagimbayev"


def test_a_document_full_of_escape_sequences_is_added_as_its_words(
    built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escapes and controls are no text: the repaired document holds its words without them,
    and `kazsec check` finds nothing wrong with a store that took it in."""
    store = copy_store(built_store_path, tmp_path / "s.json")
    where = ("--store", str(store), "--workspace", str(tmp_path / "w"))
    page = tmp_path / "captured.txt"
    page.write_bytes(
        b"Captured\n\nKarim Massimov \x1b[1;31mwas\x1b[0m arrested\x07 on 8 January "
        b"\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example\x1b\\2022.\x7f\n"
    )
    assert run(capsys, "add", str(page), *where)[0] == 0
    assert run(capsys, "check", *where)[0] == 0
    code, out, _ = run(capsys, "source", "captured", *where)
    assert code == 0 and "Karim Massimov was arrested on 8 January 2022." in out


def test_an_empty_export_is_no_lines_and_says_so(
    built_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing of yours in a store of bundled data alone: no blank line (no JSON), and said."""
    where = ("--store", str(built_store_path), "--workspace", str(tmp_path / "empty"))
    code, out, err = run(capsys, "export", "ftm", "--only", "yours", *where)
    assert code == 0 and out == "" and "is empty" in err
