"""Stores already checked, remembered in the user's own cache folder.

Checking every record of a store by type (store/schema.py, msgspec) is what makes a
damaged or hostile store one clear line instead of a traceback; it also costs a command
that only searches more than the search (loading the checking machinery alone is ~30 ms).
So once a store file has passed, its decoded tables are kept (marshal: loading them back
is a few C calls) under the file's identity: its device, inode, size, modification and
change times, to the nanosecond. A file with exactly those is not read or checked again;
any write to it changes its times (its change time cannot be set back by a user), and a
rebuilt store is a new file. The cache lives in the user's folder, never beside the store:
a store handed over by someone else brings no claim to have passed. A cache that cannot
be read or written only costs the check.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import Any

MAGIC = b"kazsec-validated-1\n"
KEPT = 8  # stores remembered (a user has a few: the bundled one, an archive or two)


def _folder() -> Path:
    from kazsec.paths import cache_dir

    return cache_dir() / "validated"


def key_of(info: os.stat_result) -> str:
    """The identity a store file is remembered by."""
    return f"{info.st_dev}-{info.st_ino}-{info.st_size}-{info.st_mtime_ns}-{info.st_ctime_ns}"


def _entry(key: str) -> Path:
    return _folder() / (key + ".marshal")


def recall(key: str) -> dict[str, Any] | None:
    """The tables of the store file of this identity, if it passed the check before."""
    try:
        data = _entry(key).read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    try:
        tables = marshal.loads(data[len(MAGIC) :])
    except (EOFError, ValueError, TypeError):
        return None
    return tables if isinstance(tables, dict) else None


def remember(key: str, tables: dict[str, Any]) -> None:
    """Keep the checked tables of the store file of this identity (the oldest beyond KEPT
    are dropped)."""
    from kazsec.errors import StoreError
    from kazsec.store.atomic import atomic_write_bytes

    with contextlib.suppress(OSError, StoreError, ValueError):
        atomic_write_bytes(_entry(key), MAGIC + marshal.dumps(tables))
        entries = sorted(_folder().glob("*.marshal"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEPT]:
            with contextlib.suppress(OSError):
                os.unlink(old)


__all__ = ["key_of", "recall", "remember"]
