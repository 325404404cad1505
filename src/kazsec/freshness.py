"""Is a store current? A fingerprint of its inputs, cheap enough to check at every start.

Kept apart from the build so that opening the app never imports the repair pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from kazsec.errors import SourceError, StoreError
from kazsec.store import SCHEMA_VERSION, Store

_PACKAGE_DIR = Path(__file__).resolve().parent
# The code whose output lands in the store: a change here makes a built store stale.
_STORE_CODE = ("build.py", "store.py", "corpus", "kb")


def _fingerprint_files(data_dir: Path) -> list[tuple[str, Path]]:
    files = [("data/sources.toml", data_dir / "sources.toml")]
    for folder in ("sources", "kb"):
        base = data_dir / folder
        if base.is_dir():
            pattern = "*.toml" if folder == "kb" else "*"
            files += [(f"data/{p.relative_to(data_dir).as_posix()}", p) for p in base.rglob(pattern) if p.is_file()]
    for name in _STORE_CODE:
        target = _PACKAGE_DIR / name
        paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        files += [(f"code/{p.relative_to(_PACKAGE_DIR).as_posix()}", p) for p in paths if p.is_file()]
    return sorted(files)


def input_fingerprint(data_dir: Path) -> str:
    """A hash of everything a store is built from: data files, the building code, the schema."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for name, path in _fingerprint_files(data_dir):
        digest.update(f"{name}\n".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            raise SourceError(f"cannot read {path}: {exc.strerror} (is KAZSEC_DATA right?)") from None
    return digest.hexdigest()


def is_current(store: Store, data_dir: Path) -> bool:
    """Whether a store was built from exactly the present inputs and code."""
    return store.meta.get("inputs") == input_fingerprint(data_dir)


def open_or_build(data_dir: Path, path: Path, notify: Callable[[str], None]) -> Store:
    """Open the self-managed default store, (re)building it first when missing, damaged or stale."""
    wanted = input_fingerprint(data_dir)  # unreadable inputs fail here, before any "building" notice
    try:
        store = Store.open(path)
    except StoreError as exc:
        reason = "it does not exist yet" if not path.exists() else f"it is unusable: {exc}"
    else:
        if store.meta.get("inputs") == wanted:
            return store
        reason = "it is older than its inputs"
    notify(f"kazsec: building the store at {path} ({reason})")
    from kazsec.build import build_store

    build_store(data_dir, path)
    return Store.open(path)
