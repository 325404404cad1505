"""The name index kept on disk beside its store, so that a command need not build it again.

Building the index of every alias costs tens of milliseconds, more than the rest of a
`kazsec search`; loading it back is a few. The file names the store's input fingerprint:
a store rebuilt from other inputs or other code finds it stale and builds it anew. It is a
cache: a folder one may not write to, or a damaged file, only costs the build.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from kazsec.errors import StoreError
from kazsec.search.index import NameIndex
from kazsec.store.atomic import atomic_write_bytes, write_target

MAGIC = b"kazsec-names\n"


def cache_path(store_path: Path) -> Path:
    """Where a store's name index is kept: beside it, named after it."""
    target = write_target(store_path)
    return target.with_name(target.name + ".names")


def _not_ours(path: Path) -> str | None:
    try:
        with path.open("rb") as file:
            head = file.read(len(MAGIC))
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror}"
    return None if head in (b"", MAGIC) else f"{path} is not kazsec's name index"


def cached_names(store_path: Path, key: str, build: Callable[[], NameIndex]) -> NameIndex:
    """The name index saved for `key` (the store's fingerprint), else `build()` and save it."""
    path = cache_path(store_path)
    header = MAGIC + key.encode() + b"\n"
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if data.startswith(header) and (found := NameIndex.from_bytes(data[len(header) :])):
        return found
    index = build()
    # A read-only folder or somebody's file of that name: no cache, and no harm done.
    with contextlib.suppress(StoreError):
        atomic_write_bytes(path, header + index.to_bytes(), ownership=_not_ours)
    return index
