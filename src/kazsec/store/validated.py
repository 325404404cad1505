"""Stores already checked, remembered by their content in the user's own cache folder.

Checking every record of a store by type (store/schema.py, msgspec) is what makes a
damaged or hostile store one clear line instead of a traceback; it also costs a command
that only searches more than the search (loading the checking machinery alone is ~30 ms).
So once a store's bytes have passed, their decoded tables are kept under the sha256 of
those bytes in the per-user cache (marshal: loading them back is a few C calls), and a
store with exactly those bytes is not checked again. Any change to the file, a single
byte, gives another digest and a full check. The cache lives in the user's folder, never
beside the store: a store handed over by someone else brings no claim to have passed.
A cache that cannot be read or written only costs the check.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

MAGIC = b"kazsec-validated-1\n"
KEPT = 8  # stores remembered (a user has a few: the bundled one, an archive or two)


def _folder() -> Path:
    from kazsec.paths import cache_dir

    return cache_dir() / "validated"


def _entry(raw: bytes) -> Path:
    return _folder() / (hashlib.sha256(raw).hexdigest() + ".marshal")


def recall(raw: bytes) -> dict[str, Any] | None:
    """The tables of a store whose exact bytes passed the check before, else None."""
    try:
        data = _entry(raw).read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    try:
        tables = marshal.loads(data[len(MAGIC) :])
    except (EOFError, ValueError, TypeError):
        return None
    return tables if isinstance(tables, dict) else None


def remember(raw: bytes, tables: dict[str, Any]) -> None:
    """Keep the checked tables of these bytes (the oldest beyond KEPT are dropped)."""
    from kazsec.errors import StoreError
    from kazsec.store.atomic import atomic_write_bytes

    with contextlib.suppress(OSError, StoreError, ValueError):
        atomic_write_bytes(_entry(raw), MAGIC + marshal.dumps(tables))
        entries = sorted(_folder().glob("*.marshal"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEPT]:
            with contextlib.suppress(OSError):
                os.unlink(old)


__all__ = ["recall", "remember"]
