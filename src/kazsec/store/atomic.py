"""Writes that readers see whole or not at all, and that never replace what is not theirs.

A write goes to a temporary file beside the target, then `os.replace` puts it in place.
A link is written through (its target is replaced, the link stays a link). Only a regular
file is ever replaced: a folder, a pipe or a device never. Temporary files carry the
writer's process id, so the next write removes those a killed writer left behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from kazsec.errors import StoreError

STALE_WITHOUT_OWNER_SECONDS = 3600  # a temporary file with no live writer is this old at most

Ownership = Callable[[Path], str | None]  # why an existing file is not ours to replace, or None


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: a link's target, else the path itself."""
    return path.resolve() if path.is_symlink() else path


def _refuse_unreplaceable(target: Path) -> None:
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"store path is a directory, not a file: {target}")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"refusing to replace {target}: it is a pipe or a device, not a file")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def clean_leftovers(target: Path) -> None:
    """Remove temporary files a killed write to `target` left: their writer is gone."""
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        middle = leftover.name[len(target.name) + 2 : -len(".tmp")]  # 'PID.RANDOM'
        _remove_if_stale(leftover, middle.split(".", 1)[0])


def sweep_leftovers(folder: Path) -> None:
    """Remove what killed writes left anywhere in a folder (once for a thousand files: each
    sweep reads the whole folder)."""
    for leftover in folder.glob(".*.tmp"):
        # '.NAME.PID.RANDOM.tmp' (atomic_write_bytes); NAME may hold dots, RANDOM not.
        parts = leftover.name[1 : -len(".tmp")].rsplit(".", 2)
        _remove_if_stale(leftover, parts[1] if len(parts) == 3 else "")


def _remove_if_stale(leftover: Path, pid_text: str) -> None:
    """A leftover goes when its writer is dead (or, with no writer named, an hour old)."""
    with contextlib.suppress(OSError):
        if pid_text.isdigit():
            if _alive(int(pid_text)):
                return
        elif time.time() - leftover.stat().st_mtime < STALE_WITHOUT_OWNER_SECONDS:
            return
        leftover.unlink()


def atomic_write_text(
    path: Path, text: str, ownership: Ownership | None = None, what: str = "the store"
) -> None:
    """Replace `path` (or a link's target) with `text`, whole or not at all.

    `ownership` may say why an existing file is not ours to replace (StoreError then);
    `what` the file is, for the error ("the store", "the export").
    """
    atomic_write_bytes(path, text.encode("utf-8"), ownership, what=what)


def atomic_write_bytes(
    path: Path,
    data: bytes,
    ownership: Ownership | None = None,
    clean: bool = True,
    what: str = "the store",
) -> None:
    """Replace `path` (or a link's target) with `data`, whole or not at all. `clean=False`:
    the caller removes killed writes' leftovers itself (`sweep_leftovers`)."""
    target = write_target(path)
    _refuse_unreplaceable(target)
    if ownership is not None and target.exists():
        why = ownership(target)
        if why:
            raise StoreError(why)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if clean:
            clean_leftovers(target)
        import tempfile  # here: reading a store (most commands) never writes one

        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as exc:
        hint = "choose another path with --store" if what == "the store" else "choose another path"
        raise StoreError(f"cannot write {what} at {path}: {exc.strerror}; {hint}") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)  # mkstemp's 0600 would surprise a user sharing the file
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise StoreError(
            f"cannot write {what} at {path}: {exc.strerror}; the old file is untouched"
        ) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
