"""`kazsec check`: prove a store sound, current and free of source damage."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kazsec.build.freshness import is_current
from kazsec.corpus.damage import find_damage
from kazsec.corpus.sources import SourceMeta, load_source_metadata, sha256_hex
from kazsec.errors import SourceError
from kazsec.kb.anchor import StoredTexts, verify
from kazsec.kb.loader import iter_citations
from kazsec.kb.tables import Orphan
from kazsec.model import NO_CONTROLS
from kazsec.store import Store


def check_sources(store: Store, data_dir: Path, workspace: Path | None = None) -> list[str]:
    """Every pinned source, bundled or the user's, is in the store and on disk with the
    pinned sha256."""
    problems: list[str] = []
    stored = {s["id"]: s for s in store.all("sources")}
    metadata: list[tuple[Path, SourceMeta]] = []
    for folder in (data_dir, workspace):
        if folder is None or (folder is workspace and not (folder / "sources.toml").is_file()):
            continue
        try:
            found = load_source_metadata(folder, allow_empty=folder is workspace)
            metadata += [(folder, meta) for meta in found]
        except SourceError as exc:
            problems.append(str(exc))
    for folder, meta in metadata:
        path = folder / "sources" / meta.file
        if meta.id not in stored:
            problems.append(f"source {meta.id}: in sources.toml but not in the store")
        elif stored[meta.id]["sha256"] != meta.sha256:
            problems.append(f"source {meta.id}: store was built from another file version")
        if not path.is_file():
            problems.append(f"source {meta.id}: raw file missing: {path}")
        elif sha256_hex(path.read_bytes()) != meta.sha256:
            problems.append(f"source {meta.id}: {path} does not match its pinned sha256")
    return problems


def check_passages(store: Store) -> list[str]:
    """Passages point at real sources, their offsets hold, and no damage or repeat remains.

    Source by source: a corpus of a million passages is checked in bounded memory.
    """
    problems: list[str] = []
    ids: Counter[str] = Counter()
    for source in store.all("sources"):
        sid = source["id"]
        texts = store.corpus.texts(sid)
        if texts is None:
            problems.append(f"source {sid}: its texts are missing from the corpus")
            continue
        raw_text, repaired_text = texts
        repeats: Counter[str] = Counter()
        for passage in store.corpus.passages_of(sid):
            pid = passage["id"]
            ids[pid] += 1
            if passage["source"] != sid:
                problems.append(
                    f"passage {pid}: refers to source {passage['source']!r}, not {sid!r}"
                )
                continue
            text = passage["text"]
            if repaired_text[passage["start"] : passage["end"]] != text:
                problems.append(
                    f"passage {pid}: offsets {passage['start']}-{passage['end']} "
                    "do not hold its text"
                )
            for start, end in passage["raw_spans"]:
                if not 0 <= start <= end <= len(raw_text):
                    problems.append(f"passage {pid}: raw span {start}-{end} outside the raw text")
            for damage in find_damage(text):
                problems.append(f"passage {pid}: {damage.kind}: {damage.excerpt!r}")
            if passage["kind"] in ("body", "quote", "list_item") and len(text) >= 60:
                repeats[text] += 1
        problems += [
            f"source {sid}: paragraph repeated {n} times: {text[:50]!r}"
            for text, n in repeats.items()
            if n > 1
        ]
    problems += [f"passage id {pid} used {n} times" for pid, n in ids.items() if n > 1]
    return problems


def check_citations(store: Store) -> list[str]:
    """Every quote still stands at its offsets, with its context, in its source's repaired text."""

    def repaired(source_id: str) -> str:
        found = store.corpus.texts(source_id)
        if found is None:
            raise KeyError(source_id)
        return found[1]

    texts = StoredTexts(list(store.corpus.unit_of), repaired)
    problems: list[str] = []
    for table in ("people", "agencies", "positions", "events", "conflicts"):
        for record in store.all(table):
            for citation in iter_citations(record):
                why = verify(citation, texts)
                passage = store.corpus.passage(citation.get("passage", ""))
                if why is None and (
                    passage is None or not passage["start"] <= citation["start"] <= passage["end"]
                ):
                    where = citation.get("passage")
                    why = f"citation points at passage {where!r}, which does not hold it"
                if why:
                    problems.append(f"{table} {record['id']}: {why}")
    return problems


def check_mentions(store: Store) -> list[str]:
    """Mentions point at their passages, their offsets hold their words, candidates exist."""
    entity_ids = {
        "person": {r["id"] for r in store.all("people")},
        "agency": {r["id"] for r in store.all("agencies")},
    }
    problems: list[str] = []
    for sid in store.corpus.unit_of:
        texts = store.corpus.texts(sid)
        text = texts[1] if texts else ""
        passages = {p["id"] for p in store.corpus.passages_of(sid)}
        for mention in store.corpus.mentions_in(sid):
            if mention["source"] != sid:
                problems.append(f"mentions {mention['id']}: refers to source {mention['source']!r}")
            if mention["passage"] not in passages:
                problems.append(f"mentions {mention['id']}: unknown passage {mention['passage']!r}")
            if text[mention["start"] : mention["end"]] != mention.get("text"):
                problems.append(
                    f"mentions {mention['id']}: offsets {mention['start']}-{mention['end']} "
                    f"do not hold {mention.get('text')!r}"
                )
            for candidate in mention["candidates"]:
                if candidate["id"] not in entity_ids.get(candidate["type"], set()):
                    problems.append(
                        f"mentions {mention['id']}: unknown {candidate['type']} {candidate['id']!r}"
                    )
            top = mention["candidates"][0] if mention["candidates"] else None
            if top is None or (mention["entity_type"], mention["entity"]) != (
                top["type"],
                top["id"],
            ):
                problems.append(
                    f"mentions {mention['id']}: entity {mention['entity']!r} "
                    "is not its first candidate"
                )
    return problems


def check_references(store: Store) -> list[str]:
    """Ids that records point to exist: people, bodies, events, passages."""
    ids = {table: {r["id"] for r in store.all(table)} for table in ("people", "agencies", "events")}
    entity_ids = {"person": ids["people"], "agency": ids["agencies"], "event": ids["events"]}
    problems: list[str] = []

    def need(table: str, value: str, where: str) -> None:
        if value and value not in ids[table]:
            problems.append(
                f"{where}: unknown {table[:-1] if table != 'people' else 'person'} {value!r}"
            )

    for person in store.all("people"):
        for relation in person["relations"]:
            if relation["target"] not in ids["people"] | ids["agencies"]:
                problems.append(
                    f"people {person['id']}: relation to unknown {relation['target']!r}"
                )
    for agency in store.all("agencies"):
        need("agencies", agency["parent"], f"agencies {agency['id']}: parent")
    for position in store.all("positions"):
        need("people", position["person"], f"positions {position['id']}")
        need("agencies", position["body"], f"positions {position['id']}")
    for event in store.all("events"):
        for pid in event["people"]:
            need("people", pid, f"events {event['id']}")
        for aid in event["bodies"]:
            need("agencies", aid, f"events {event['id']}")
    for conflict in store.all("conflicts"):
        kind, _, rid = conflict["subject"].partition(":")
        if rid not in entity_ids.get(kind, set()):
            problems.append(f"conflicts {conflict['id']}: unknown subject {conflict['subject']!r}")
    return problems


# Source text may hold anything a document held (shown inert); curated words may not.
_SOURCE_WORDS = {"exact", "prefix", "suffix", "raw_text", "repaired_text", "text", "section"}
_CONTROL = re.compile(NO_CONTROLS)


def _controls(value: object, field: str = "") -> list[str]:
    if isinstance(value, dict):
        return [
            f
            for key, item in value.items()
            if key not in _SOURCE_WORDS
            for f in _controls(item, key)
        ]
    if isinstance(value, list):
        return [f for item in value for f in _controls(item, field)]
    if isinstance(value, str) and not _CONTROL.match(value):
        return [field]
    return []


def check_control_characters(store: Store) -> list[str]:
    """Curated words and source metadata hold no control character or bidi override."""
    problems: list[str] = []
    for table in ("sources", "people", "agencies", "positions", "events", "conflicts"):
        for record in store.all(table):
            for field in dict.fromkeys(_controls(record)):
                problems.append(f"{table} {record['id']}: {field}: holds a control character")
    return problems


def check_notes(store: Store, workspace: Path) -> list[str]:
    """The user's notes: each quote still found in its source's text (moved or reworded is
    fine; nowhere is an orphan, kept in the file and named here), and a file that parses."""
    from kazsec.kb.reanchor import reanchor
    from kazsec.workspace.notebook import NotesError, read_notes

    try:
        notes = read_notes(workspace)
    except NotesError as exc:
        return [str(exc)]
    problems: list[str] = []
    texts: dict[str, str | None] = {}
    for note in notes:
        if note.source not in texts:  # each source's text read once
            found = store.corpus.texts(note.source)
            texts[note.source] = found[1] if found is not None else None
        text = texts[note.source]
        if text is None:
            problems.append(
                f"note {note.id}: its source {note.source} is not in the store (kept in notes.toml)"
            )
        elif reanchor(note.quote, note.prefix, note.suffix, note.start, text).status == "orphan":
            problems.append(
                f"note {note.id}: its quote is no longer in {note.source} "
                "(orphaned; kept in notes.toml)"
            )
    return problems


def check_orphans(store: Store) -> list[str]:
    """The user's facts the build left out because their quotes could not be anchored: kept in
    their files, for the user to mend or remove (a fact is never dropped unsaid)."""
    orphans = store.meta.get("orphans")
    if not isinstance(orphans, list):
        return []
    return [f"orphaned fact: {Orphan.from_record(o).describe()}" for o in orphans]


def check_store(store: Store, data_dir: Path, workspace: Path | None = None) -> list[str]:
    """All problems found in a store (and in the notes of the workspace it was built with);
    an empty list means it passes."""
    problems: list[str] = []
    if not is_current(store, data_dir, workspace):
        problems.append(
            f"store {store.path} is older than its inputs; "
            f"rebuild it with `kazsec build --store {store.path}`"
        )
    return (
        problems
        + check_sources(store, data_dir, workspace)
        + check_passages(store)
        + check_citations(store)
        + check_references(store)
        + check_mentions(store)
        + check_control_characters(store)
        + (check_notes(store, workspace) if workspace is not None else [])
        + check_orphans(store)
    )
