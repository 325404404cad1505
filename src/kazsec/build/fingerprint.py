"""What a store is built from, as one hash: the data files, the building code, the schema.

The building code is found from the code itself: the modules `kazsec.build.compile`
imports, followed import by import through kazsec's own packages. Moving or adding a
module therefore changes the fingerprint without anyone keeping a list of paths. A build
records the module names it hashed, so that checking freshness at start-up only hashes
those files again (no import, no parsing); a recorded module that can no longer be found
makes the store stale rather than being skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kazsec.errors import SourceError
from kazsec.kinds import SCHEMA_VERSION

if TYPE_CHECKING:
    import ast

BUILD_ENTRY = "kazsec.build.compile"
# Raw documents, bundled and the user's: each pinned by its sha256 in a sources.toml.
_PINNED = ("data/sources/", "workspace/sources/")
_PACKAGE = "kazsec"
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the kazsec folder


Hashes = dict[str, tuple[int, int, str]]  # file -> (size, mtime in ns, sha256 of its bytes)


class Fingerprint(NamedTuple):
    """The inputs' hash, and the building modules it covers (recorded in the store's meta).

    `code` is the building code's digest alone (units and linkers are keyed by it);
    `stats` covers the files' names, sizes and times: equal stats mean nothing changed,
    so opening a store of 10,000 documents need not read them all again.
    """

    digest: str
    modules: tuple[str, ...]
    code: str
    stats: str
    hashes: Hashes
    module_digests: dict[str, str]

    def code_of(self, *packages: str) -> str:
        """The digest of the building modules in these packages alone: a unit is keyed by
        the code that repairs and folds it, not by every line of kazsec."""
        import hashlib  # builds only: a start compares stats, never digests

        digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
        for name, sha in sorted(self.module_digests.items()):
            if name.startswith(packages):
                digest.update(f"{name} {sha}\n".encode())
        return digest.hexdigest()


def module_file(name: str) -> Path | None:
    """Where a kazsec module's source is, found without importing anything.

    None for a name that is not a module (an attribute: `kazsec.model.Location`). kazsec
    is plain source files in one folder, so a module's file is its dotted name as a path
    there (asking the import system instead cost every start a few milliseconds).
    """
    first, *rest = name.split(".")
    if first != _PACKAGE:
        return None
    base = os.path.join(_ROOT, *rest)
    for candidate in (*((base + ".py",) if rest else ()), os.path.join(base, "__init__.py")):
        if os.path.isfile(candidate):
            return Path(candidate)
    return None


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, and no expression: an import is a statement,
    and skipping expressions makes this ten times quicker than `ast.walk`."""
    for node in body:
        yield node
        for part in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, part, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def _imports_of(name: str, path: Path) -> set[str]:
    """The kazsec modules one module imports (absolute and relative), by name."""
    import ast  # only a build follows imports; every start checks stats alone

    tree = ast.parse(path.read_bytes(), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            # `from kazsec.corpus import repair_text` names a module, not an attribute.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {n for n in found if n == _PACKAGE or n.startswith(_PACKAGE + ".")}


def building_modules(entry: str = BUILD_ENTRY) -> tuple[str, ...]:
    """Every kazsec module the build runs, from its entry module's imports, transitively."""
    seen: dict[str, Path] = {}
    pending = [entry]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        path = module_file(name)
        if path is None:
            continue  # an attribute imported from a module, not a module of its own
        seen[name] = path
        # A submodule runs its package's __init__ first.
        parents = [name.rsplit(".", depth)[0] for depth in range(1, name.count(".") + 1)]
        pending += [*_imports_of(name, path), *parents]
    return tuple(sorted(seen))


def _walk(folder: str, label: str, suffix: str) -> Iterator[tuple[str, str]]:
    """(label, path) of every file under a folder, by os.scandir: an archive of 10,000
    documents is listed in milliseconds (Path.rglob would take a second)."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path, f"{label}/{entry.name}", suffix)
        elif entry.is_file() and entry.name.endswith(suffix):
            yield f"{label}/{entry.name}", entry.path


def _data_files(
    data_dir: Path, pinned: bool = True, workspace: Path | None = None
) -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    for name, root in (("data", data_dir), ("workspace", workspace)):
        if root is None:
            continue
        catalogue = root / "sources.toml"
        if name == "data" or catalogue.is_file():  # a workspace may have none yet
            files.append((f"{name}/sources.toml", str(catalogue)))
        for folder, suffix in (("sources", ""), ("kb", ".toml"))[0 if pinned else 1 :]:
            files += _walk(str(root / folder), f"{name}/{folder}", suffix)
    return sorted(files)


def _named_files(
    data_dir: Path, modules: Iterable[str], pinned: bool = True, workspace: Path | None = None
) -> list[tuple[str, str | None]]:
    named: list[tuple[str, str | None]] = [*_data_files(data_dir, pinned, workspace)]
    for name in modules:
        found = module_file(name)
        named.append((f"code/{name}", str(found) if found else None))
    return named


def _file_hash(path: str, cache: Hashes) -> tuple[int, int, str]:
    import hashlib

    try:
        info = os.stat(path)
        known = cache.get(path)
        if known and known[:2] == (info.st_size, info.st_mtime_ns):
            return known
        with open(path, "rb") as file:
            return info.st_size, info.st_mtime_ns, hashlib.sha256(file.read()).hexdigest()
    except OSError as exc:
        raise SourceError(
            f"cannot read {path}: {exc.strerror} (is the data folder right?)"
        ) from None


def _fingerprint(
    data_dir: Path, modules: tuple[str, ...], cache: Hashes, workspace: Path | None = None
) -> Fingerprint:
    import hashlib

    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    code = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    stats = [f"schema {SCHEMA_VERSION}\n"]
    hashes: Hashes = {}
    module_digests: dict[str, str] = {}
    for label, path in _named_files(data_dir, modules, workspace=workspace):
        line = f"{label}\n".encode()
        quick = not label.startswith(_PINNED)
        for part in (digest, *((code,) if label[:5] == "code/" else ())):
            part.update(line)
        if quick:
            stats.append(f"{label}\n")
        if path is None:  # a module the store was built with is gone: nothing can match
            for part in (digest, code):
                part.update(b"missing")
            stats.append("missing")
            continue
        size, mtime, sha = hashes[path] = _file_hash(path, cache)
        digest.update(bytes.fromhex(sha))
        if label.startswith("code/"):
            code.update(bytes.fromhex(sha))
            module_digests[label[5:]] = sha
        if quick:
            stats.append(f"{size} {mtime}\n")
    return Fingerprint(
        digest.hexdigest(), modules, code.hexdigest(), "".join(stats), hashes, module_digests
    )


def input_fingerprint(
    data_dir: Path, cache: Hashes | None = None, workspace: Path | None = None
) -> Fingerprint:
    """The fingerprint a build from `data_dir` (and the user's `workspace`, if any) with
    this code would record.

    `cache` holds hashes of files seen before: a file of the same size and time is not read.
    """
    return _fingerprint(data_dir, building_modules(), cache or {}, workspace)


def input_stats(data_dir: Path, modules: Iterable[str], workspace: Path | None = None) -> str:
    """The present inputs' names, sizes and times, one line each (no file is read).

    Kept as text, not hashed: a few kilobytes in the store's meta, compared at every start
    with no hashing module loaded (hashlib alone costs a command ~3 ms).

    The raw documents are left out: each is pinned by its sha256 in sources.toml, which is
    in, so a document changes the quick check only with its pin; one changed against its
    pin is damage, which the build refuses and `kazsec check` reports. An archive of
    10,000 documents is then checked with a dozen `stat` calls, not 10,000.
    """
    stats = [f"schema {SCHEMA_VERSION}\n"]
    for label, path in _named_files(data_dir, modules, pinned=False, workspace=workspace):
        stats.append(f"{label}\n")
        try:
            info = os.stat(path) if path is not None else None
        except OSError:
            info = None
        stats.append(f"{info.st_size} {info.st_mtime_ns}\n" if info else "missing")
    return "".join(stats)


def recorded_fingerprint(
    data_dir: Path, modules: Iterable[str], workspace: Path | None = None
) -> str:
    """The digest of the present inputs over the modules a store says it was built with."""
    return _fingerprint(data_dir, tuple(modules), {}, workspace).digest
