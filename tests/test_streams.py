"""Output streams and terminals: any encoding, closed pipes, dumb terminals, odd queries."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _kazsec(
    *argv: str, env: dict[str, str] | None = None, **options: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kazsec", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    "argv", [["show", "karim-massimov"], ["search", "Мәсімов"], ["sources"], ["stats"]]
)
def test_an_ascii_terminal_gets_replacements_not_a_traceback(
    argv: list[str], built_store_path: Path
) -> None:
    done = _kazsec("--store", str(built_store_path), *argv, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("ascii")  # nothing but ASCII reached the stream


def test_a_lone_surrogate_in_a_query_is_replaced(built_store_path: Path) -> None:
    query = os.fsdecode(b"Mas\xffimov")  # undecodable bytes arrive as lone surrogates
    done = _kazsec("--store", str(built_store_path), "search", query)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    done.stdout.decode("utf-8")
    for argv in (["show", query], ["source", query]):
        done = _kazsec("--store", str(built_store_path), *argv)
        assert done.returncode == 2 and done.stderr.count(b"\n") == 1
        done.stderr.decode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["stats"],
        ["sources"],
        ["show", "karim-massimov"],
        ["source", "ciss-2022-nsc"],
        ["search", "Massimov"],
        ["check"],
    ],
)
def test_a_pipe_closed_early_ends_the_command_quietly_with_0(
    argv: list[str], built_store_path: Path
) -> None:
    command = f"set -o pipefail; {sys.executable} -m kazsec --store {built_store_path} {' '.join(argv)} | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"" and done.stdout.count(b"\n") == 1


def _in_a_terminal(
    argv: list[str], env: dict[str, str], stderr_to_file: bool = False
) -> tuple[int, str]:
    main_fd, child_fd = os.openpty()
    log = open(os.devnull, "wb") if stderr_to_file else None  # noqa: SIM115
    child = subprocess.Popen(
        [sys.executable, "-m", "kazsec", *argv],
        stdin=child_fd,
        stdout=child_fd,
        stderr=log or child_fd,
        env={**os.environ, "COLUMNS": "100", "LINES": "30", **env},
        close_fds=True,
    )
    os.close(child_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        try:
            chunks.append(os.read(main_fd, 65536))
        except OSError:
            break
    if child.poll() is None:
        child.kill()
    code = child.wait()
    os.close(main_fd)
    if log:
        log.close()
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_a_dumb_terminal_gets_a_clear_line_and_the_summary(built_store_path: Path) -> None:
    code, shown = _in_a_terminal(["--store", str(built_store_path)], {"TERM": "dumb"})
    assert code == 0 and "TERM=dumb" in shown and "cannot draw the explorer" in shown
    assert "mentions per entity" in shown


def test_the_explorer_does_not_draw_into_a_redirected_stderr(built_store_path: Path) -> None:
    code, shown = _in_a_terminal(
        ["--store", str(built_store_path)], {"TERM": "xterm-256color"}, stderr_to_file=True
    )
    assert code == 0 and "standard error is not a terminal" in shown


def test_open_without_a_terminal_is_one_line(built_store_path: Path) -> None:
    done = _kazsec("--store", str(built_store_path), "open", "karim-massimov")
    assert (
        done.returncode == 2
        and done.stderr.count(b"\n") == 1
        and b"needs a terminal" in done.stderr
    )
