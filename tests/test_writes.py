"""Writes never destroy what is not theirs: other files, links, devices; leftovers are cleaned."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kazsec.cli import main
from kazsec.store import Store


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_refuses_to_replace_a_file_that_is_not_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "p.txt"
    notes.write_text("my research notes, three years of them\n")
    code, _, err = _run(capsys, "build", "--store", str(notes))
    assert code == 2 and "not a kazsec store" in err and "--force" in err and err.count("\n") == 1
    assert notes.read_text() == "my research notes, three years of them\n"
    assert _run(capsys, "build", "--store", str(notes), "--force")[0] == 0
    assert Store.open(notes).counts()["sources"] >= 5


def test_build_replaces_its_own_store_an_empty_file_and_a_damaged_store(
    tmp_path: Path, built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own.json"
    own.write_bytes(built_store_path.read_bytes()[:5000])  # a store cut short: still ours
    empty = tmp_path / "empty.json"
    empty.touch()  # mktemp
    for path in (own, empty):
        assert _run(capsys, "build", "--store", str(path))[0] == 0
        Store.open(path)


@pytest.mark.parametrize("special", ["fifo", "device", "directory"])
def test_build_never_replaces_a_pipe_a_device_or_a_folder(
    special: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if special == "fifo":
        target = tmp_path / "fifo"
        os.mkfifo(target)
    elif special == "device":
        target = Path("/dev/null")
    else:
        target = tmp_path
    for force in ([], ["--force"]):
        code, _, err = _run(capsys, "build", "--store", str(target), *force)
        assert code == 2 and err.count("\n") == 1, err
    assert target.is_fifo() if special == "fifo" else target.exists()


def test_a_link_is_written_through_to_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "real" / "store.json"
    target.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert _run(capsys, "build", "--store", str(link))[0] == 0
    assert link.is_symlink() and target.is_file(), "the link stays a link; its target is the store"
    before = target.stat().st_mtime_ns
    time.sleep(0.01)
    assert _run(capsys, "build", "--store", str(link))[0] == 0
    assert link.is_symlink() and target.stat().st_mtime_ns != before


def test_a_killed_builds_leftovers_are_cleaned_by_the_next_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s.json"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f".s.json.{dead.pid}.abcd1234.tmp"
    leftover.write_text("half a store")
    alive = tmp_path / f".s.json.{os.getpid()}.zzzz.tmp"  # a writer still at work: left alone
    alive.write_text("in progress")
    assert _run(capsys, "build", "--store", str(store))[0] == 0
    assert not leftover.exists() and alive.exists()


def _add_documents(data: Path, count: int, seed: int) -> None:
    """Append generated documents (several paragraphs naming known people) to a data folder."""
    rng = random.Random(seed)
    names = ["Karim Massimov", "Масимов", "Nursultan Nazarbayev", "the NSC", "Samat Abish"]
    entries = []
    for n in range(count):
        paragraphs = [
            " ".join(
                rng.choice(["security", "council", "decree", "reform", "agency", rng.choice(names)])
                for _ in range(40)
            )
            + "."
            for _ in range(12)
        ]
        raw = ("\n\n".join(paragraphs) + "\n").encode()
        (data / "sources" / f"gen-{seed}-{n}.txt").write_bytes(raw)
        sha = hashlib.sha256(raw).hexdigest()
        entries.append(
            f'[[source]]\nid = "gen-{seed}-{n}"\nfile = "gen-{seed}-{n}.txt"\nsha256 = "{sha}"\n'
            f'title = "Generated {n}"\nformat = "web"\n'
        )
    with (data / "sources.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n" + "\n".join(entries))


def _usable(store_path: Path) -> dict[str, int]:
    """Open a store the way the explorer does and read from every part of it."""
    from kazsec.library import Library

    library = Library(Store.open(store_path))
    assert library.view("karim-massimov").dossier.mentions.total > 0
    assert library.engine.search("Massimov security", types={"passage"}, limit=5)
    for source in library.sources:
        assert library.corpus.passages_of(source), source
    return library.store.counts()


def test_kill_9_during_a_build_never_leaves_an_unusable_store(
    tmp_path: Path, data_copy: Path
) -> None:
    store = tmp_path / "s.json"
    build = [
        sys.executable,
        "-m",
        "kazsec",
        "build",
        "--data",
        str(data_copy),
        "--store",
        str(store),
    ]
    subprocess.run(build, check=True, capture_output=True)
    old = _usable(store)
    _add_documents(data_copy, 60, seed=1)  # enough to run the worker processes
    rng = random.Random(7)
    for _ in range(6):
        child = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 3.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        counts = _usable(store)  # the old store or the new one, never a mix
        assert counts == old or counts["sources"] == old["sources"] + 60
    done = subprocess.run(build, check=False)
    assert done.returncode == 0
    assert list(tmp_path.glob(".s.json.*.tmp")) == []
    assert _usable(store)["sources"] == old["sources"] + 60
