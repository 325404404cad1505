"""New names: people and bodies a user's document names that the knowledge base does not
know (found by the build, kb/candidates.py), as facts of the source and as one list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kazsec.library.facts import FactRow

if TYPE_CHECKING:
    from kazsec.model import Citation, PassageRecord
    from kazsec.store.corpus import Corpus


def new_name_rows(
    corpus: Corpus, source_id: str, passages: Sequence[PassageRecord]
) -> list[FactRow]:
    """A user's document's new names, most frequent first, each opening the place it is
    first written (`passages`: the source's, read already by the caller)."""
    found = corpus.new_names(source_id)
    if not found:
        return []
    starts = {p["id"]: p["start"] for p in passages}
    rows = []
    for name in found:
        at = starts.get(str(name.get("passage")))
        quote: Citation = {
            "source": source_id,
            "exact": str(name.get("written") or name.get("name")),
            "prefix": "",
            "suffix": "",
            "start": (at or 0) + int(name.get("start", 0)),
            "end": (at or 0) + int(name.get("end", 0)),
            "passage": str(name.get("passage")),
        }
        count = int(name.get("count", 0))
        rows.append(
            FactRow(
                "new name",
                str(name.get("name")),
                note=f"{name.get('kind')}, {count} mention{'' if count == 1 else 's'}",
                note_kind="count",
                citations=[quote] if at is not None else [],
            )
        )
    return rows


def all_new_names(corpus: Corpus, source_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The new names of these sources together, one per name (its forms and case forms
    joined by their key): the most written form, kind, mentions in all, and each source
    with its count and first passage; most mentioned first."""
    merged: dict[str, dict[str, Any]] = {}
    for source_id in source_ids:
        for name in corpus.new_names(source_id):
            key = str(name.get("key"))
            entry = merged.setdefault(
                key,
                {"name": name.get("name"), "kind": name.get("kind"), "count": 0, "sources": []},
            )
            count = int(name.get("count", 0))
            if count > max((s["count"] for s in entry["sources"]), default=0):
                entry["name"] = name.get("name")
            entry["count"] += count
            entry["sources"].append(
                {"source": source_id, "count": count, "passage": name.get("passage")}
            )
    return sorted(merged.values(), key=lambda e: (-e["count"], str(e["name"])))
