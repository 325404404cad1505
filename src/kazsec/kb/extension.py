"""A user's table that extends a known person or body: what it may say, and how it adds.

In a workspace's kb/ files, a [[person]] or [[agency]] whose id is one already adds to
that record (see kb.workspace_kb): its aliases, titles, relations and curator_aliases join
the record's as if its own file had listed them; the other fields it sets must say what
the record says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kazsec.kb.records import KbError, Record

EXTENDING = {"id", "aliases", "titles", "relations", "curator_aliases"}


def item_label(name: str, item: Mapping[str, Any]) -> str:
    """How a list's item is named in a message: alias 'X', title 'Y', relation T 'Z'."""
    if name == "relations":
        return f"relation {item.get('type', '')} {item.get('target', '')!r}"
    if name == "titles":
        return f"title {item.get('title', '')!r}"
    return f"alias {item.get('name', '')!r}"


def check_extension(entry: Mapping[str, Any], base: Record, where: str) -> None:
    """KbError unless every field but the lists is left out, empty, or the record's own."""
    for key, value in entry.items():
        if key in EXTENDING or value in ("", [], None):
            continue
        if key == "parent_cite":
            cites = [value] if isinstance(value, dict) else value
            same = [(c["source"], c["quote"]) for c in cites] == [
                (c["source"], c["exact"]) for c in base["parent_cite"]
            ]
        else:
            same = value == base.get(key)
        if not same:
            raise KbError(
                f"{where}: extends the record of that id, whose {key} is {base.get(key)!r}; "
                f"leave {key} out or make it the same"
            )


def extend(record: Record, name: str, added: Any) -> None:
    """Add one compiled item (or curator aliases) to a record, as its own file would have."""
    if name == "curator_aliases":
        cited = {a["name"] for a in record["aliases"]} | {record["name"]}
        record["curator_aliases"] += [
            a for a in dict.fromkeys(added) if a not in cited and a not in record["curator_aliases"]
        ]
    elif name == "aliases":
        same = next((a for a in record["aliases"] if a["name"] == added["name"]), None)
        if same is None:
            record["aliases"].append(added)
        else:  # one spelling cited twice is one alias with two citations
            same["cite"] += [c for c in added["cite"] if c not in same["cite"]]
        # A curator's form that a source now prints is listed as cited only.
        record["curator_aliases"] = [a for a in record["curator_aliases"] if a != added["name"]]
    elif added not in record[name]:
        record[name].append(added)
