"""Writes that readers see whole or not at all: a temp file beside the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kazsec.errors import StoreError


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that readers see the old content or the new, never a mix."""
    if path.is_dir():
        raise StoreError(f"store path is a directory, not a file: {path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise StoreError(
            f"cannot write the store at {path}: {exc.strerror}; choose another path with --store"
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)  # mkstemp's 0600 would surprise a user sharing the file
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise StoreError(
            f"cannot write the store at {path}: {exc.strerror}; the old store is untouched"
        ) from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
