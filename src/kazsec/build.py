"""The build: raw sources and curated files in, one verified store out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import load_source_metadata, read_pinned_source
from kazsec.errors import StoreError
from kazsec.kb.anchor import SourceText
from kazsec.kb.loader import load_knowledge_base
from kazsec.kb.mentions import link_mentions
from kazsec.store import SCHEMA_VERSION, Record, Store, write_store

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
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def source_record(repaired: RepairedSource) -> Record:
    """The store record of one source, its texts included."""
    meta = repaired.meta
    return {
        "id": meta.id,
        "file": meta.file,
        "sha256": meta.sha256,
        "title": meta.title,
        "publisher": meta.publisher,
        "author": meta.author,
        "date": meta.date,
        "kind": meta.kind,
        "format": meta.format,
        "notes": meta.notes,
        "raw_text": repaired.raw_text,
        "repaired_text": repaired.repaired_text,
        "passage_count": len(repaired.passages),
    }


def repair_all_sources(data_dir: Path) -> list[RepairedSource]:
    """Read every pinned source and run the repair pipeline on it."""
    return [repair_source(meta, read_pinned_source(data_dir, meta)) for meta in load_source_metadata(data_dir)]


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    path: Path
    counts: dict[str, int]


def build_store(data_dir: Path, path: Path) -> BuildReport:
    """Compile the store; nothing is written unless the whole build succeeds."""
    repaired = repair_all_sources(data_dir)
    texts = {
        r.meta.id: SourceText(r.repaired_text, [p.start for p in r.passages], [p.id for p in r.passages])
        for r in repaired
    }
    kb = load_knowledge_base(data_dir, texts)
    passages = [p.to_record() for r in repaired for p in r.passages]
    tables: dict[str, list[Record]] = {
        "sources": [source_record(r) for r in repaired],
        "passages": passages,
        "people": kb.people,
        "agencies": kb.agencies,
        "positions": kb.positions,
        "events": kb.events,
        "conflicts": kb.conflicts,
        "mentions": link_mentions(passages, kb.people, kb.agencies),
    }
    write_store(path, tables, {"generator": "kazsec", "inputs": input_fingerprint(data_dir)})
    return BuildReport(path=path, counts={name: len(records) for name, records in tables.items()})


def is_current(store: Store, data_dir: Path) -> bool:
    """Whether a store was built from exactly the present inputs and code."""
    return store.meta.get("inputs") == input_fingerprint(data_dir)


def open_or_build(data_dir: Path, path: Path, notify: Callable[[str], None]) -> Store:
    """Open the self-managed default store, (re)building it first when missing, damaged or stale."""
    try:
        store = Store.open(path)
    except StoreError as exc:
        reason = "it does not exist yet" if not path.exists() else f"it is unusable: {exc}"
    else:
        if is_current(store, data_dir):
            return store
        reason = "it is older than its inputs"
    notify(f"kazsec: building the store at {path} ({reason})")
    build_store(data_dir, path)
    return Store.open(path)
