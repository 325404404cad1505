"""The sources as CSL-JSON, the bibliography format Zotero, pandoc and citeproc read.

One item per source, sorted by id so the same store always gives the same file. Only what
the catalogue knows is written: an unknown date has no `issued`, an unknown author no
`author`; a name is split into family and given only when it is plainly "Given Family".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from kazsec.kinds import source_label

Only = Literal["bundled", "yours"] | None

# The catalogue's kinds are free words ("field report", "academic article"): the first rule
# whose word appears in the kind decides the CSL type.
_TYPE_RULES = (
    ("interview", "interview"),
    ("report", "report"),
    ("journal", "article-journal"),
    ("article", "article-journal"),
    ("web page", "webpage"),
    ("webpage", "webpage"),
)
# A name given as "Given Family": two or three words of letters, each capitalised.
_PLAIN_NAME = re.compile(r"^(\w[\w'’.-]*)( \w[\w'’.-]*)? (\w[\w'’-]*)$")
_AUTHOR_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def csl_type(kind: str) -> str:
    """The CSL item type for a catalogue kind ('report', 'article-journal', … or 'document')."""
    words = kind.casefold()
    return next((csl for word, csl in _TYPE_RULES if word in words), "document")


def csl_names(author: str) -> list[dict[str, str]]:
    """Authors as CSL names: family and given when plainly split, else the name as written."""
    names = []
    for name in _AUTHOR_SEPARATORS.split(author.strip()):
        name = " ".join(name.split())
        if not name:
            continue
        plain = _PLAIN_NAME.match(name)
        if plain and all(word[0].isupper() for word in name.split()):
            given = name.rsplit(" ", 1)[0]
            names.append({"family": plain.group(3), "given": given})
        else:
            names.append({"literal": name})
    return names


def csl_date(iso: str) -> dict[str, list[list[int]]] | None:
    """An ISO prefix (2022, 2022-02, 2022-02-16) as CSL date-parts, only the parts known."""
    parts = iso.strip().split("-") if iso.strip() else []
    if not parts or not all(part.isdigit() for part in parts):
        return None
    return {"date-parts": [[int(part) for part in parts[:3]]]}


def csl_item(source: Mapping[str, Any]) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
    item: dict[str, Any] = {
        "id": source["id"],
        "type": csl_type(source.get("kind", "")),
        "title": source_label(source),
    }
    if source.get("author"):
        item["author"] = csl_names(source["author"])
    if source.get("publisher"):
        item["publisher"] = source["publisher"]
    issued = csl_date(source.get("date", ""))
    if issued is not None:
        item["issued"] = issued
    if source.get("url"):
        item["URL"] = source["url"]
    if source.get("language"):
        item["language"] = source["language"]
    # Where it came from and the curator's notes on it: the passage ids cited in a dossier
    # start with this id, so a reader can find the words again in kazsec.
    origin = "added by you" if source.get("yours") else "bundled with kazsec"
    note = f"kazsec source {source['id']} ({origin})"
    if source.get("notes"):
        note += ". " + " ".join(str(source["notes"]).split())
    item["note"] = note
    return item


def chosen(sources: Iterable[Mapping[str, Any]], only: Only) -> list[Mapping[str, Any]]:
    """The sources an --only filter keeps (all of them for None), sorted by id."""
    kept = [
        s
        for s in sources
        if only is None or bool(s.get("yours")) == (only == "yours")  # bool: old stores lack it
    ]
    return sorted(kept, key=lambda s: str(s["id"]))


def csl_json(sources: Iterable[Mapping[str, Any]], only: Only = None) -> str:
    """The CSL-JSON file for these sources: a JSON array, sorted by id, ending in a newline."""
    items = [csl_item(source) for source in chosen(sources, only)]
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


__all__ = ["Only", "chosen", "csl_date", "csl_item", "csl_json", "csl_names", "csl_type"]
