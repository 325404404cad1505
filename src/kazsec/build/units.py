"""One source at a time: repair it, fold its passages, link its mentions (in worker processes).

A unit is keyed by the source's entry in sources.toml (its pinned sha256 included) and
the digest of the building code: any change to either makes a new unit, and an
unchanged source is never read again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import msgspec

from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import SourceMeta, read_pinned_source
from kazsec.errors import KazsecError, SourceError
from kazsec.kb.candidates import CandidateMention, find_candidates, tally
from kazsec.kb.mentions import Linker
from kazsec.model import Record
from kazsec.names.declension import lemma_key
from kazsec.names.fold import fold_key
from kazsec.store.corpus import connect
from kazsec.store.corpus_write import MentionRow, UnitData, unit_terms

POOL_FROM = 24  # units to do before worker processes pay for their start-up
# Jobs sent ahead of the writer, per worker: enough for the workers to go on while the
# writer stores a batch (compile.BATCH_UNITS, 150 units) and not wait for it, and still a
# bound on the results held in memory (~0.4 MB a unit).
IN_FLIGHT_PER_WORKER = 64
_ENCODE = msgspec.json.Encoder(order="deterministic").encode


def unit_key(meta: SourceMeta, code_digest: str) -> str:
    """What a unit is made from: the source's whole entry and the code that repairs it."""
    return hashlib.sha256(_ENCODE(meta) + code_digest.encode()).hexdigest()


def linker_key(people: Sequence[Record], agencies: Sequence[Record], code_digest: str) -> str:
    """What the mentions are found with: the people and bodies, and the linking code."""
    return hashlib.sha256(_ENCODE([people, agencies]) + code_digest.encode()).hexdigest()[:32]


def repair_unit(
    data_dir: Path, meta: SourceMeta, unit: str, repaired: RepairedSource | None = None
) -> UnitData:
    """Read one pinned source, repair it, and fold each passage into its index key
    (`repaired`: the source as `kazsec add` repaired it a moment ago, from the same bytes)."""
    if repaired is None or repaired.meta != meta:
        repaired = repair_source(meta, read_pinned_source(data_dir, meta))
    if not repaired.passages:
        raise SourceError(f"raw source {meta.file} has no text left after repair; check the file")
    passages = [p.to_record() for p in repaired.passages]
    keys = [fold_key(p["text"]) for p in passages]  # type: ignore[arg-type]
    words = fold_key(" ".join((meta.title, meta.publisher, meta.author, meta.id.replace("-", " "))))
    return UnitData(unit, meta.id, repaired.raw_text, repaired.repaired_text, passages, keys, words)


def packed(data: UnitData) -> UnitData:
    """A unit as a worker hands it to the writer: its passages encoded as the corpus stores
    them and its words gathered (work taken off the one writer), and no records to pickle."""
    rows = [(p["seq"], p["id"], _ENCODE(p)) for p in data.passages]
    return replace(data, passages=(), rows=rows, terms=unit_terms(data.keys))


def mention_rows(mentions: Sequence[Record]) -> list[MentionRow]:
    """Mentions as the corpus stores them, each with the entities it names (every candidate
    of an ambiguous one)."""
    return [
        (
            int(m["ambiguous"]),
            _ENCODE(m),
            tuple(c["id"] for c in m["candidates"]) if m["ambiguous"] else (m["entity"],),
        )
        for m in mentions
    ]


# A job: ("repair", data_dir, meta, unit, repaired, yours) repairs and links a new unit;
# ("repaired", data, yours) links a unit repaired already; ("link", corpus, num, yours) links
# a stored unit again, reading it from the corpus itself. `yours`: a user's document, whose
# new names are looked for too. Linking needs the worker's Linker, made
# by `_start_worker`.
Job = tuple[Any, ...]
# Done: the unit packed (None for a relink), its number (a relink's), its mentions, and for
# a user's document the new names it holds (encoded), else None.
Done = tuple[UnitData | None, int | None, list[MentionRow], bytes | None]
_linker: Linker | None = None
_readers: dict[Path, sqlite3.Connection] = {}


def _stored_passages(corpus: Path, num: int) -> list[Record]:
    if corpus not in _readers:
        _readers[corpus] = connect(corpus, readonly=True)
    rows = _readers[corpus].execute(
        "SELECT record FROM passages WHERE unit = ? ORDER BY seq", (num,)
    )
    return [msgspec.json.decode(blob) for (blob,) in rows]


def _start_worker(people: Sequence[Record], agencies: Sequence[Record]) -> None:
    global _linker
    _linker = Linker(people, agencies)


def _run(job: Job) -> Done | KazsecError:
    """Do one job; a problem comes back as a value, to be raised by the build itself."""
    assert _linker is not None
    yours = bool(job[-1])
    try:
        if job[0] in ("repair", "repaired"):
            data = job[1] if job[0] == "repaired" else repair_unit(*job[1:-1])
            passages: Sequence[Record] = data.passages
            unit: UnitData | None = packed(data)
        else:
            passages, unit = _stored_passages(job[1], job[2]), None
        mentions = _linker.link(passages)
        names = new_names(passages, _linker, mentions) if yours else None
        return unit, None if unit is not None else job[2], mention_rows(mentions), names
    except KazsecError as exc:
        return exc


@lru_cache(maxsize=2)  # per Linker, which it holds on to (an id could be reused)
def _known_keys(linker: Linker) -> tuple[frozenset[str], frozenset[str]]:
    """Every form the knowledge base knows (its case forms too), folded, and every body's
    name of several words in dictionary forms: made once per Linker."""
    forms = linker.forms.owners
    bodies = [  # a body's name of several words (people's case forms are all listed)
        form
        for form, owners in forms.items()
        if " " in form.strip() and any(kind == "agency" for kind, _ in owners.candidates())
    ]
    return (
        frozenset(fold_key(form) for form in forms),
        frozenset(lemma_key(form) for form in bodies),
    )


def new_names(passages: Sequence[Record], linker: Linker, mentions: Sequence[Record]) -> bytes:
    """The names a user's document holds that the knowledge base does not know, tallied,
    each with where it is first written (kazsec candidates, the source's New names)."""
    known, bodies = _known_keys(linker)
    # A known name the Linker left unlinked here (a lone surname, a body's name in another
    # case: 'Комитета национальной безопасности') is still not new.
    found = [
        m
        for m in find_candidates(passages, linker, mentions)
        if fold_key(m.text) not in known and (m.kind != "body" or lemma_key(m.text) not in bodies)
    ]
    first: dict[str, CandidateMention] = {}
    for mention in found:
        first.setdefault(mention.key, mention)
    return _ENCODE(
        [
            {
                "name": c.name,
                "key": c.key,
                "kind": c.kind,
                "count": c.count,
                "forms": list(c.forms),
                "passages": list(c.passages),
                "written": first[c.key].text,
                "passage": first[c.key].passage,
                "start": first[c.key].start,
                "end": first[c.key].end,
            }
            for c in tally(found)
        ]
    )


def run_jobs(
    jobs: Sequence[Job], people: Sequence[Record], agencies: Sequence[Record]
) -> Iterator[Done]:
    """Results in the order of the jobs; in worker processes when there are many."""
    if not jobs:
        return  # nothing to link: no Linker to compile (~0.3 s)
    if len(jobs) < POOL_FROM:
        _start_worker(people, agencies)
        results: Iterator[Done | KazsecError] = map(_run, jobs)
        yield from _raised(results)
        return
    workers = max(1, min(os.cpu_count() or 1, 8))
    # fork starts workers without importing anything again; beside other threads (the
    # explorer building its store in a worker) fork is unsafe, and spawn is used.
    alone = threading.active_count() == 1 and sys.platform == "linux"
    context = get_context("fork" if alone else "spawn")
    # At most a few jobs ahead of what has been stored: results the writer has not taken
    # yet would otherwise pile up in memory (a million passages' worth, at worst).
    window = threading.BoundedSemaphore(IN_FLIGHT_PER_WORKER * workers)

    def gated() -> Iterator[Job]:
        for job in jobs:
            window.acquire()
            yield job

    with context.Pool(workers, _start_worker, (people, agencies)) as pool:
        for result in _raised(pool.imap(_run, gated())):
            window.release()
            yield result


def _raised(results: Iterator[Done | KazsecError]) -> Iterator[Done]:
    for result in results:
        if isinstance(result, KazsecError):
            raise result
        yield result
