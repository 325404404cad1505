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
import sys
from pathlib import Path
from typing import Any

MAGIC = b"kazsec-validated-2\n"
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
        return {name: _rows(table) for name, table in tables.items()}
    except (EOFError, ValueError, TypeError, AttributeError):
        return None


# A table whose records all have the same fields (a catalogue of 10,000 sources) is kept as
# columns: marshal then makes one list per field instead of a dict per record, and writes a
# value that repeats (a publisher, a kind) once. Loading 10,000 sources: 30 ms -> 17.
_COLUMNS = "columns"


def _columns(table: Any) -> Any:
    if not isinstance(table, dict):
        return table
    records = list(table.values())
    fields = list(records[0]) if records and isinstance(records[0], dict) else None
    if fields is None or any(not isinstance(r, dict) or list(r) != fields for r in records):
        return table
    values = [[_shared(record[field]) for record in records] for field in fields]
    return (_COLUMNS, list(table), fields, values)


def _shared(value: Any) -> Any:
    return sys.intern(value) if isinstance(value, str) and len(value) < 64 else value


def _rows(table: Any) -> Any:
    if isinstance(table, tuple) and table[0] == _COLUMNS:
        _, ids, fields, values = table
        rows = zip(ids, zip(*values, strict=True), strict=True)
        return {doc: dict(zip(fields, row, strict=True)) for doc, row in rows}
    return table


def remember(key: str, tables: dict[str, Any]) -> None:
    """Keep the checked tables of the store file of this identity (the oldest beyond KEPT
    are dropped)."""
    from kazsec.errors import StoreError
    from kazsec.store.atomic import atomic_write_bytes

    with contextlib.suppress(OSError, StoreError, ValueError):
        columns = {name: _columns(table) for name, table in tables.items()}
        atomic_write_bytes(_entry(key), MAGIC + marshal.dumps(columns))
        entries = sorted(_folder().glob("*.marshal"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEPT]:
            with contextlib.suppress(OSError):
                os.unlink(old)


__all__ = ["key_of", "recall", "remember"]
