"""The build: raw sources and curated files in, one verified store out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kazsec.build.fingerprint import Fingerprint, input_fingerprint
from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import load_source_metadata, read_pinned_source
from kazsec.errors import SourceError
from kazsec.kb.anchor import SourceText
from kazsec.kb.loader import load_knowledge_base
from kazsec.kb.mentions import link_mentions
from kazsec.model import Record
from kazsec.store import check_replaceable, write_store


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
        "url": meta.url,
        "raw_text": repaired.raw_text,
        "repaired_text": repaired.repaired_text,
        "passage_count": len(repaired.passages),
    }


def repair_all_sources(data_dir: Path) -> list[RepairedSource]:
    """Read every pinned source and repair it; a source with no text left is refused."""
    repaired = [
        repair_source(meta, read_pinned_source(data_dir, meta))
        for meta in load_source_metadata(data_dir)
    ]
    for source in repaired:
        if not source.passages:
            raise SourceError(
                f"raw source {source.meta.file} has no text left after repair; check the file"
            )
    return repaired


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    path: Path
    counts: dict[str, int]


def build_store(
    data_dir: Path, path: Path, fingerprint: Fingerprint | None = None, force: bool = False
) -> BuildReport:
    """Compile the store; nothing is written unless the whole build succeeds.

    `fingerprint` is the inputs' fingerprint when the caller has just computed it. An
    existing file that is not a store is refused before any work, unless `force`.
    """
    check_replaceable(path, force)
    fingerprint = fingerprint or input_fingerprint(data_dir)
    repaired = repair_all_sources(data_dir)
    texts = {
        r.meta.id: SourceText(
            r.repaired_text, [p.start for p in r.passages], [p.id for p in r.passages]
        )
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
    meta = {
        "generator": "kazsec",
        "inputs": fingerprint.digest,
        "code_modules": list(fingerprint.modules),
    }
    write_store(path, tables, meta, force=force)
    return BuildReport(path=path, counts={name: len(records) for name, records in tables.items()})
