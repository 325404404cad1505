"""The build: raw sources and curated files in, a knowledge store and its corpus out.

Incremental: each source is a unit keyed by its entry and the building code, so a
rebuild after one new or changed document repairs, indexes and links that document only.
The knowledge store (TinyDB JSON) is written last, atomically, naming the corpus
generation it reads: until that moment readers see the previous store whole, and a
build killed at any point leaves it usable (the units it had finished are kept and
reused by the next build).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from filelock import FileLock, Timeout

from kazsec.build.fingerprint import Fingerprint, input_fingerprint
from kazsec.build.units import linker_key, repair_unit, run_jobs, unit_key
from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import SourceMeta, load_source_metadata, read_pinned_source
from kazsec.errors import SourceError, StoreError
from kazsec.kb.anchor import SourceText, StoredTexts
from kazsec.kb.loader import load_knowledge_base
from kazsec.model import Record
from kazsec.store import check_replaceable, write_store
from kazsec.store.corpus import CORPUS_SCHEMA, corpus_path
from kazsec.store.corpus_write import CorpusWriter, MentionRow, UnitData, generation_id
from kazsec.store.knowledge import previous_generation

# (sources.toml's reader is not among them: a unit is keyed by the entry it read.)
REPAIR_CODE = (
    "kazsec.corpus.boilerplate",
    "kazsec.corpus.damage",
    "kazsec.corpus.ftfy_guard",
    "kazsec.corpus.lines",
    "kazsec.corpus.passages",
    "kazsec.corpus.pdf_layout",
    "kazsec.corpus.pipeline",
    "kazsec.corpus.repair_text",
    "kazsec.corpus.web_layout",
    "kazsec.names",
    "kazsec.model",
    "kazsec.build.units",
)
LINK_CODE = ("kazsec.kb", "kazsec.names", "kazsec.model")
# Passages written per transaction: progress a killed build keeps. Each commit also ends a
# segment of the full-text index, and bigger segments mean less merging (a 1M-passage index
# took ~22 s of CPU at 25,000 a transaction, ~27 at 5,000); the batch waiting to be written
# is held in memory, hence not more.
BATCH_PASSAGES = 15_000
BATCH_UNITS = 150  # units written per transaction at most (relinking stores no passages)


def source_record(meta: SourceMeta, unit: str, passage_count: int, yours: bool = False) -> Record:
    """The catalogue record of one source (its texts live in the corpus); `yours`: added by
    the user (it is in their workspace), not bundled."""
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
        "unit": unit,
        "passage_count": passage_count,
        "language": meta.language,
        "yours": yours,
    }


def repair_all_sources(data_dir: Path) -> list[RepairedSource]:
    """Every pinned source repaired, in catalogue order (for tests and tools; the build
    repairs unit by unit instead)."""
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


def _source_metadata(
    data_dir: Path, writer: CorpusWriter, fingerprint: Fingerprint, kind: str = "sources"
) -> list[SourceMeta]:
    """sources.toml, read and checked; each [[source]] table parsed once and remembered by
    its text (a catalogue of 10,000 takes a second to parse whole, one more table nothing).
    `kind` names the memo: the bundled catalogue and the user's are remembered apart."""
    key = f"{kind}:{fingerprint.code_of('kazsec.corpus.sources')}:{data_dir}"
    parsed: dict[str, Any] = {}
    if (known := writer.memo(key)) is not None:
        with contextlib.suppress(msgspec.MsgspecError):
            parsed = msgspec.json.decode(known, type=dict[str, Any])
    before = set(parsed)
    metas = load_source_metadata(data_dir, parsed, allow_empty=kind == "workspace")
    if set(parsed) != before:
        writer.remember(kind, key, msgspec.json.encode(parsed))
    return metas


def _all_metadata(
    data_dir: Path, workspace: Path | None, writer: CorpusWriter, fingerprint: Fingerprint
) -> tuple[list[SourceMeta], dict[str, Path]]:
    """The bundled sources, then the user's (when their workspace has any), and the folder
    each one's raw file is in. An id used by both is refused: it names one document."""
    metas = _source_metadata(data_dir, writer, fingerprint)
    folders = dict.fromkeys((m.id for m in metas), data_dir)
    if workspace is not None and (workspace / "sources.toml").is_file():
        for meta in _source_metadata(workspace, writer, fingerprint, "workspace"):
            if meta.id in folders:
                raise SourceError(
                    f"{workspace / 'sources.toml'}: id {meta.id!r} is a bundled source's; "
                    "give your document another id"
                )
            folders[meta.id] = workspace
            metas.append(meta)
    return metas, folders


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and how much of it was new."""

    path: Path
    counts: dict[str, int]
    units_built: int = 0
    units_linked: int = 0
    orphans: int = 0  # the user's facts left out, their quotes gone (kazsec check lists them)


def build_store(
    data_dir: Path,
    path: Path,
    fingerprint: Fingerprint | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    workspace: Path | None = None,
    prepared: dict[str, RepairedSource] | None = None,
) -> BuildReport:
    """Build (or bring up to date) the store at `path` from `data_dir` and the user's
    `workspace` (their added documents), if given.

    `prepared`: documents `kazsec add` has just read and repaired, by source id, so that
    they are not read and repaired twice.

    Nothing the store names changes unless the whole build succeeds. An existing file
    that is not a store (or a corpus) is refused before any work, unless `force`.
    Two builds of one store take turns (a lock file beside it).
    """
    check_replaceable(path, force)
    lock = FileLock(str(corpus_path(path)) + ".lock")
    try:
        lock.acquire(timeout=600)
    except Timeout:
        raise StoreError(
            f"another build of {path} has run for ten minutes; try again later"
        ) from None
    try:
        return _build(
            data_dir, path, fingerprint, force, progress or (lambda _: None), workspace, prepared
        )
    finally:
        lock.release()


def _build(
    data_dir: Path,
    path: Path,
    fingerprint: Fingerprint | None,
    force: bool,
    progress: Callable[[str], None],
    workspace: Path | None = None,
    prepared: dict[str, RepairedSource] | None = None,
) -> BuildReport:
    writer = CorpusWriter(corpus_path(path), force)
    prepared = prepared or {}
    try:
        fingerprint = fingerprint or input_fingerprint(data_dir, writer.cached_hashes(), workspace)
        metas, folders = _all_metadata(data_dir, workspace, writer, fingerprint)
        # A unit is what the repair and folding code made of one source; the mentions are
        # what the linking code found. Other code changes redo neither.
        repairing = fingerprint.code_of(*REPAIR_CODE) + f"corpus {CORPUS_SCHEMA}"
        units = {meta.id: unit_key(meta, repairing) for meta in metas}
        numbers = writer.unit_numbers(units.values())
        # Citations are anchored in the texts they cite: a cited source that is new is
        # repaired now and kept in memory until its turn, so that units are still
        # stored in catalogue order (the order passages are found in on equal scores).
        early: dict[str, UnitData] = {}

        def cited_text(source_id: str) -> SourceText:
            num = numbers.get(units[source_id])
            if num is not None:
                text, passages = writer.texts(num)
            else:
                if source_id not in early:
                    meta = next(m for m in metas if m.id == source_id)
                    early[source_id] = repair_unit(folders[source_id], meta, units[source_id])
                text, passages = early[source_id].repaired_text, list(early[source_id].passages)
            return SourceText.of(text, passages)

        texts = StoredTexts([m.id for m in metas], cited_text)
        kb = load_knowledge_base(data_dir, texts, workspace)
        linker = linker_key(kb.people, kb.agencies, fingerprint.code_of(*LINK_CODE))
        linked = writer.linked_units(linker)
        jobs: list[tuple[object, ...]] = []
        for meta in metas:
            num = numbers.get(units[meta.id])
            yours = folders[meta.id] != data_dir
            if meta.id in early:
                jobs.append(("repaired", early.pop(meta.id), yours))
            elif num is None:
                made = prepared.get(meta.id)
                jobs.append(("repair", folders[meta.id], meta, units[meta.id], made, yours))
            elif num not in linked:
                jobs.append(("link", writer.path, num, yours))
        progress(f"{len(jobs)} of {len(metas)} sources to repair or link")
        pending: list[UnitData] = []
        found: list[tuple[str | int, list[MentionRow], bytes | None]] = []

        def flush() -> None:
            numbers.update(writer.add_units(pending))
            writer.add_mentions(
                linker, [(k if isinstance(k, int) else numbers[k], m, c) for k, m, c in found]
            )
            pending.clear()
            found.clear()

        size = built = 0
        # Every unit arrives as thousands of new tuples (its rows), all kept until written:
        # at the default threshold the collector would run ~10,000 times over the build's
        # live objects and find no garbage. Less often while the units stream in.
        thresholds = gc.get_threshold()
        gc.set_threshold(max(thresholds[0], 100_000), *thresholds[1:])
        try:
            for data, num, mentions, new_names in run_jobs(jobs, kb.people, kb.agencies):
                if data is not None:
                    pending.append(data)
                    built += 1
                    size += len(data.keys)
                key = data.unit if data is not None else num
                found.append((key, mentions, new_names))  # type: ignore[arg-type]
                if size >= BATCH_PASSAGES or len(found) >= BATCH_UNITS:
                    flush()
                    size = 0
            flush()
        finally:
            gc.set_threshold(*thresholds)
        ordered = [numbers[units[m.id]] for m in metas]
        generation = generation_id(linker, [units[m.id] for m in metas])
        writer.add_generation(generation, linker, ordered)
        counts = writer.counts(generation)
        catalogue = [
            source_record(
                meta,
                units[meta.id],
                counts["per_unit"].get(numbers[units[meta.id]], 0),
                yours=folders[meta.id] != data_dir,
            )
            for meta in metas
        ]
        tables: dict[str, list[Record]] = {
            "sources": catalogue,
            "people": kb.people,
            "agencies": kb.agencies,
            "positions": kb.positions,
            "events": kb.events,
            "conflicts": kb.conflicts,
        }
        store_meta: Record = {
            "generator": "kazsec",
            "inputs": fingerprint.digest,
            "input_stats": fingerprint.stats,
            "code_modules": list(fingerprint.modules),
            "data_dir": str(data_dir.resolve()),
            "workspace": str(workspace.resolve()) if workspace is not None else "",
            # The user's facts whose quotes are gone: kept in their files, listed here.
            "orphans": [orphan.to_record() for orphan in kb.orphans],
            "corpus": {
                "generation": generation,
                "linker": linker,
                "passages": counts["passages"],
                "mentions": counts["mentions"],
            },
        }
        before = previous_generation(path)
        write_store(path, tables, store_meta, force=force)  # the moment the new store is current
        writer.collect([generation, *([before] if before else [])])
        writer.remember_hashes(fingerprint.hashes)
        totals = {name: len(records) for name, records in tables.items()}
        totals.update(passages=counts["passages"], mentions=counts["mentions"])
        return BuildReport(path, totals, built, len(jobs), len(kb.orphans))
    finally:
        writer.close()
