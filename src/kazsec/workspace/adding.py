"""`kazsec add`: files, folders and globs into the workspace, each whole or not at all.

A document is added in two atomic steps under the workspace's lock: its bytes are written
into sources/ (named by its id), then its entry is appended to sources.toml (a batch of
entries at a time). Killed between the two, the workspace lists what it listed before; the
bytes left behind are written again by the next add of the same file. Ctrl+C lists what was
read before it. The same bytes twice are one document.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import msgspec

from kazsec.corpus.passages import passage_id
from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import SourceMeta, sha256_hex
from kazsec.errors import KazsecError
from kazsec.regular_files import read_file_bytes
from kazsec.store import atomic
from kazsec.workspace import catalogue
from kazsec.workspace.ids import document_id

if TYPE_CHECKING:
    from kazsec.corpus.extract import Document

MAX_BYTES = 200 * 2**20  # a document larger than this is refused before it is read
POOL_FROM = 8  # files from which worker processes read them
LIST_EVERY = 100  # documents listed in sources.toml at a time...
LIST_AFTER_S = 2.0  # ...or after this long, whichever comes first
Status = Literal["added", "already there", "failed"]


class Outcome(NamedTuple):
    """What became of one file."""

    path: str
    status: Status
    source_id: str = ""  # the document's id (added, or already there under it)
    reason: str = ""  # why it failed


class Added(NamedTuple):
    """What an add did: an outcome per file, and each document added as the repair made it
    (the build stores these instead of reading and repairing the files again)."""

    outcomes: list[Outcome]
    repaired: dict[str, RepairedSource]

    @property
    def failures(self) -> list[Outcome]:
        """The files that could not be added."""
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def failed(self) -> bool:
        """Whether any file could not be added."""
        return bool(self.failures)


def files_named(paths: Sequence[str]) -> tuple[list[Path], list[Outcome]]:
    """The files the arguments name: files as they are, folders searched through (hidden
    files and folders left out), globs expanded; an argument naming nothing is a failure."""
    found: list[Path] = []
    missing: list[Outcome] = []
    for argument in paths:
        path = Path(argument).expanduser()
        if path.is_dir():
            found += sorted(_files_under(path))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(argument):
            matches = sorted(Path(p) for p in glob.glob(argument, recursive=True))
            found += [p for p in matches if p.is_file()]
            if not matches:
                missing.append(Outcome(argument, "failed", reason="no file matches"))
        else:
            missing.append(Outcome(argument, "failed", reason="no such file or folder"))
    return list(dict.fromkeys(found)), missing


def _files_under(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (Path(root) / n for n in names if not n.startswith("."))


def add_documents(
    paths: Sequence[str],
    workspace: Path,
    bundled: Sequence[SourceMeta] = (),
    done: Callable[[Outcome], None] = lambda _: None,
) -> Added:
    """Add every file the arguments name to the workspace; `done` hears of each in turn."""
    files, outcomes = files_named(paths)
    for outcome in outcomes:
        done(outcome)
    repaired: dict[str, RepairedSource] = {}
    waiting: list[dict[str, Any]] = []  # entries whose bytes are written, not yet listed
    made_of: dict[str, RepairedSource] = {}

    def list_waiting() -> None:
        if waiting:
            catalogue.append(workspace, waiting)
            for entry in waiting:
                repaired[entry["id"]] = made_of[entry["id"]]
            waiting.clear()

    def finish(outcome: Outcome) -> None:
        outcomes.append(outcome)
        done(outcome)

    with catalogue.locked(workspace):
        atomic.sweep_leftovers(workspace / "sources")  # what killed adds left half-written
        taken, by_hash = catalogue.known(workspace)
        by_hash.update({m.sha256.lower(): m.id for m in bundled})
        taken.update(m.id for m in bundled)
        pending: list[tuple[Path, str, str]] = []
        for path in files:
            checked = _checked(path, by_hash)
            if isinstance(checked, Outcome):
                finish(checked)
            else:
                pending.append((path, *checked))
        listed = time.monotonic()
        try:
            for (path, sha, kind), document in zip(pending, _documents(pending), strict=True):
                outcome, entry, made = _admitted(
                    path, sha, kind, document, workspace, by_hash, taken
                )
                if entry is not None and made is not None:
                    waiting.append(entry)
                    made_of[entry["id"]] = made
                    by_hash[entry["sha256"]] = entry["id"]
                    taken.add(entry["id"])
                # Entries go into sources.toml a batch at a time (rewriting it per document
                # costs a thousand documents a thousand rewrites), each batch whole: a
                # document is listed with its bytes in place, or not at all.
                if len(waiting) >= LIST_EVERY or time.monotonic() - listed > LIST_AFTER_S:
                    list_waiting()
                    listed = time.monotonic()
                finish(outcome)
        finally:
            list_waiting()  # Ctrl+C: the documents read so far are kept
    return Added(outcomes, repaired)


def _checked(path: Path, by_hash: dict[str, str]) -> Outcome | tuple[str, str]:
    """A file's sha256 and format, or why it is not added (read, hashed, not parsed)."""
    from kazsec.corpus.extract import format_of

    shown = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return Outcome(shown, "failed", reason=f"larger than {MAX_BYTES >> 20} MB")
        raw = read_file_bytes(path)
    except OSError as exc:
        return Outcome(shown, "failed", reason=exc.strerror or str(exc))
    if not raw.strip():
        return Outcome(shown, "failed", reason="empty file")
    sha = sha256_hex(raw)
    if sha in by_hash:
        return Outcome(shown, "already there", by_hash[sha])
    kind = format_of(path.name, raw[:4096])
    if kind is None:
        suffix = path.suffix or "no extension"
        reason = f"not a file kazsec reads ({suffix}): binary, damaged or another format"
        return Outcome(shown, "failed", reason=reason)
    return sha, kind


Read = tuple["Document", RepairedSource] | str  # a document read and repaired, or why not


def _documents(pending: Sequence[tuple[Path, str, str]]) -> Iterator[Read]:
    """Each pending file read by its format's library and repaired (a reason where it
    cannot be), in order; many files are read by worker processes, one per core, as the
    build's units are (reading and repairing are most of what adding a document costs)."""
    jobs = [(str(path), sha, kind) for path, sha, kind in pending]
    alone = threading.active_count() == 1 and sys.platform == "linux"
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < POOL_FROM or workers < 2 or not alone:  # forking beside threads is unsafe
        yield from map(_read, jobs)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_read, jobs, chunksize=2)


def _read(job: tuple[str, str, str]) -> Read:
    """A file read again by its format's reader and repaired under a stand-in id (its own
    is given when it is admitted, in order), or why not: the file changed since it was
    hashed, the reader refused it (its one line, without the file's name), or nothing is
    left after repair. Repaired here, before anything is written: a document the build
    could not take in never enters the workspace (it would stop every later build)."""
    from kazsec.corpus.extract import read_document

    name, sha, kind = job
    path = Path(name)
    try:
        raw = read_file_bytes(path)
        if sha256_hex(raw) != sha:
            return "changed while it was being added; add it again"
        document = read_document(raw, path.name)
        if not document.text.strip():
            return "no text in it"
        stand_in = SourceMeta(
            id=STAND_IN,
            file=STAND_IN + path.suffix.lower(),
            sha256=sha,
            format="pdf" if kind == "pdf" else "web",
            language=_clean(document.meta.language),
        )
        made = repair_source(stand_in, raw, document.text)
    except OSError as exc:
        return exc.strerror or str(exc)
    except KazsecError as exc:
        return str(exc).removeprefix(f"{path.name}: ")
    if not made.passages:
        return "no text left after repair"
    return document, made


STAND_IN = "document-being-added"  # the id a document is repaired under, before it has one


def _renamed(made: RepairedSource, meta: SourceMeta) -> RepairedSource:
    """A repaired document given its own id: the id is in its passages' ids and nowhere
    else (repair reads the file's extension, format and language, which are the same)."""
    for passage in made.passages:
        passage.id = passage_id(meta.id, passage.seq)
        passage.source = meta.id
    return RepairedSource(meta, made.raw_text, made.passages, made.repaired_text)


def _admitted(
    path: Path,
    sha: str,
    kind: str,
    read: Read,
    workspace: Path,
    by_hash: dict[str, str],
    taken: set[str],
) -> tuple[Outcome, dict[str, Any] | None, RepairedSource | None]:
    """A document given its id, repaired and its bytes written (its entry is listed by the
    caller); or why not."""
    from kazsec.corpus.extract import DocumentMeta

    shown = str(path)
    if isinstance(read, str):
        return Outcome(shown, "failed", reason=read), None, None
    if sha in by_hash:  # the same bytes twice in one add
        return Outcome(shown, "already there", by_hash[sha]), None, None
    document, made = read
    try:
        raw = read_file_bytes(path)
    except OSError as exc:
        return Outcome(shown, "failed", reason=exc.strerror or str(exc)), None, None
    if sha256_hex(raw) != sha:
        return Outcome(shown, "failed", reason="changed while it was being added"), None, None
    meta = DocumentMeta(*map(_clean, document.meta))
    avoid: set[str] = set()  # ids whose file name is some other file's
    while True:  # a file already in sources/ that is not these bytes is never replaced
        # A text file's first line names it (its title is left empty: a guess), else the file.
        title = meta.title or _first_line(document.text)
        source_id = document_id(title, path.stem, taken, avoid)
        file = source_id + path.suffix.lower()
        target = workspace / "sources" / file
        if not target.exists() or _holds(target, raw):
            break
        avoid.add(source_id)
    entry = {
        "id": source_id,
        "file": file,
        "sha256": sha,
        "title": meta.title,
        "publisher": meta.site,
        "author": meta.author,
        "date": meta.date,
        "kind": "document",
        "format": "pdf" if kind == "pdf" else "web",
        "url": meta.url,
        "language": meta.language,
        "notes": f"added from {path.name}",
        "added": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    try:
        made = _renamed(made, msgspec.convert(entry, SourceMeta))
        atomic.atomic_write_bytes(target, raw, clean=False)  # swept once, above
    except (OSError, KazsecError, msgspec.ValidationError) as exc:
        return Outcome(shown, "failed", reason=str(exc)), None, None
    return Outcome(shown, "added", source_id), entry, made


def _holds(path: Path, raw: bytes) -> bool:
    try:
        return path.read_bytes() == raw
    except OSError:
        return False


def _clean(text: str) -> str:
    """Metadata as one line of at most 300 characters, with no control character or bidi
    override (a page's title is the page author's text, not ours to trust)."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return " ".join(kept.split())[:300]


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")[:200]
