"""An entity's dossier: everything the store says about one id, gathered for display.

Both the CLI (`kazsec show`) and the TUI's detail pane render from this, so what
one shows the other shows too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kazsec.errors import LookupFailed
from kazsec.facts import source_label
from kazsec.kb.dates import sort_key
from kazsec.store import Record, Store

ENTITY_TABLES = {"person": "people", "agency": "agencies", "event": "events", "source": "sources"}


def find_entity(store: Store, entity_id: str) -> tuple[str, Record]:
    """The kind and record of an id, whatever table it lives in."""
    for kind, table in ENTITY_TABLES.items():
        record = store.get(table, entity_id)
        if record is not None:
            return kind, record
    raise LookupFailed(f"no person, body, event or source has the id {entity_id!r}; try `kazsec search`")


def names_of(store: Store) -> dict[str, str]:
    """Display names of every person, body, event and source by id."""
    names = {r["id"]: r["name"] for table in ("people", "agencies") for r in store.all(table)}
    names.update({e["id"]: e["title"] for e in store.all("events")})
    names.update({s["id"]: source_label(s) for s in store.all("sources")})
    return names


def mentioned_entities(mention: Record) -> list[str]:
    """Whom a mention may name: its one entity when settled, every candidate when ambiguous."""
    return [c["id"] for c in mention["candidates"]] if mention["ambiguous"] else [mention["entity"]]


def _mentions(store: Store, entity_id: str) -> tuple[dict[str, int], dict[str, Record]]:
    """Mentions per source, and the first one in each, in reading order."""
    counts: Counter[str] = Counter()
    first: dict[str, Record] = {}
    for mention in store.all("mentions"):
        if entity_id in mentioned_entities(mention):
            counts[mention["source"]] += 1
            if mention["source"] not in first or mention["start"] < first[mention["source"]]["start"]:
                first[mention["source"]] = mention
    return dict(sorted(counts.items())), first


def _involving(records: list[Record], entity_id: str, *keys: str) -> list[Record]:
    return [r for r in records if any(entity_id == r.get(k) or entity_id in (r.get(k) or []) for k in keys)]


def dossier(store: Store, entity_id: str, names: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything known about an id: the record plus what points at it, each fact with its citations.

    `names` (from names_of) may be passed in by a caller that keeps it, instead of rebuilt.
    """
    kind, record = find_entity(store, entity_id)
    result: dict[str, Any] = {"kind": kind, "record": record, "names": names if names is not None else names_of(store)}
    if kind == "source":
        result["record"] = {k: v for k, v in record.items() if k not in ("raw_text", "repaired_text")}
        return result
    events = sorted(_involving(store.all("events"), entity_id, "people", "bodies"), key=lambda e: sort_key(e["date"]))
    subject = f"{kind}:{entity_id}"
    result["conflicts"] = [c for c in store.all("conflicts") if c["subject"] == subject]
    result["mentions_by_source"], result["first_mention_by_source"] = _mentions(store, entity_id)
    if kind == "event":
        return result
    result["events"] = events
    key = "person" if kind == "person" else "body"
    result["positions"] = sorted(
        _involving(store.all("positions"), entity_id, key), key=lambda p: (sort_key(p["start"] or p["end"]), p["id"])
    )
    result["related_from"] = [
        {"from": person["id"], **relation}
        for person in store.all("people")
        for relation in person["relations"]
        if relation["target"] == entity_id
    ]
    if kind == "agency":
        result["units"] = [a for a in store.all("agencies") if a["parent"] == entity_id]
    return result
