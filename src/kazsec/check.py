"""`kazsec check`: prove a store sound, current and free of source damage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kazsec.build import is_current
from kazsec.corpus.damage import find_damage
from kazsec.corpus.sources import load_source_metadata, sha256_hex
from kazsec.errors import SourceError
from kazsec.store import Store


def check_sources(store: Store, data_dir: Path) -> list[str]:
    """Every pinned source is in the store and on disk with the pinned sha256."""
    problems: list[str] = []
    stored = {s["id"]: s for s in store.all("sources")}
    try:
        metadata = load_source_metadata(data_dir)
    except SourceError as exc:
        return [str(exc)]
    for meta in metadata:
        path = data_dir / "sources" / meta.file
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
    """Passages point at real sources, their offsets hold, and no damage or repeat remains."""
    problems: list[str] = []
    sources = {s["id"]: s for s in store.all("sources")}
    ids: Counter[str] = Counter()
    texts: Counter[tuple[str, str]] = Counter()
    for passage in store.all("passages"):
        pid = passage.get("id", "?")
        ids[pid] += 1
        source = sources.get(passage.get("source"))
        if source is None:
            problems.append(f"passage {pid}: refers to unknown source {passage.get('source')!r}")
            continue
        text = passage["text"]
        if source["repaired_text"][passage["start"] : passage["end"]] != text:
            problems.append(f"passage {pid}: offsets {passage['start']}-{passage['end']} do not hold its text")
        for start, end in passage["raw_spans"]:
            if not 0 <= start <= end <= len(source["raw_text"]):
                problems.append(f"passage {pid}: raw span {start}-{end} outside the raw text")
        for damage in find_damage(text):
            problems.append(f"passage {pid}: {damage.kind}: {damage.excerpt!r}")
        if passage["kind"] in ("body", "quote", "list_item") and len(text) >= 60:
            texts[(passage["source"], text)] += 1
    problems += [f"passage id {pid} used {n} times" for pid, n in ids.items() if n > 1]
    problems += [f"source {src}: paragraph repeated {n} times: {text[:50]!r}" for (src, text), n in texts.items() if n > 1]
    return problems


def check_store(store: Store, data_dir: Path) -> list[str]:
    """All problems found in a store; an empty list means it passes."""
    problems: list[str] = []
    if not is_current(store, data_dir):
        problems.append(f"store {store.path} is older than its inputs; rebuild it with `kazsec build`")
    return problems + check_sources(store, data_dir) + check_passages(store)
