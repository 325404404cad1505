"""Is a store current? Checked at every start, so it hashes files and imports no pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kazsec.build.fingerprint import input_fingerprint, input_stats, recorded_fingerprint
from kazsec.errors import StoreError
from kazsec.store import Store


def is_current(store: Store, data_dir: Path, workspace: Path | None = None) -> bool:
    """Whether a store was built from exactly the present inputs and code.

    Files of the same names, sizes and times as at the build are taken as unchanged (as
    make and git do), so this costs a `stat` per file; only when one differs are the
    contents hashed to decide.
    """
    modules = store.meta.get("code_modules")
    if not isinstance(modules, list) or not all(isinstance(m, str) for m in modules):
        return False
    if store.meta.get("input_stats") == input_stats(data_dir, modules, workspace):
        return True
    return store.meta.get("inputs") == recorded_fingerprint(data_dir, modules, workspace)


def open_or_build(
    data_dir: Path, path: Path, notify: Callable[[str], None], workspace: Path | None = None
) -> Store:
    """Open the self-managed default store, (re)building it first when missing, damaged or
    stale; `workspace`: the user's added documents, built in beside the bundled ones."""
    try:
        store = Store.open(path)
    except StoreError as exc:
        reason = "it does not exist yet" if not path.exists() else f"it is unusable: {exc}"
    else:
        if is_current(store, data_dir, workspace):
            return store
        reason = "it is older than its inputs"
    # Unreadable inputs fail here, before any "building" notice; the build reuses this hash.
    fingerprint = input_fingerprint(data_dir, workspace=workspace)
    notify(f"kazsec: building the store at {path} ({reason})")
    from kazsec.build.compile import build_store

    # The cache file is kazsec's own: replaced whatever is there.
    build_store(data_dir, path, fingerprint, force=True, workspace=workspace)
    return Store.open(path)
