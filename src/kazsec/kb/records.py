"""Curated records one by one: each [[person]], [[agency]], [[position]], [[event]] and
[[conflict]] of data/kb/ checked and compiled into a store record with anchored citations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kazsec.dates import date_precision, period
from kazsec.errors import KazsecError
from kazsec.model import AGENCY_KINDS, PERSON_ROLES, Record

Anchor = Callable[[Mapping[str, Any], str], dict[str, Any]]

RELATION_TYPES = (
    "replaced",
    "replaced_by",
    "nephew_of",
    "classmate_of",
    "close_to",
    "proxy_of",
    "relative_of",
    "subordinate_of",
    "accused_by",
    "arrested_by",
    "cited_by",
)
END_REASONS = ("", "dismissed", "arrested", "retired", "moved", "resigned", "died")
POSITION_STATUSES = ("", "in office", "former")


class KbError(KazsecError):
    """A curated file that cannot be compiled; the message names file and record."""


def require(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KbError(f"{where}: missing {key!r}")
    return value


def one_of(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise KbError(f"{where}: {what} {value!r} is not one of {choices}")
    return value


def _date(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, str]:
    value = str(entry.get(key, ""))
    try:
        return value, date_precision(value)
    except ValueError as exc:
        raise KbError(f"{where}: {key}: {exc}") from None


def _not_before(later: tuple[str, str], earlier: tuple[str, str], where: str) -> None:
    """Refuse a range whose later end (`key`, `value`) lies wholly before its earlier one:
    compared as the days the prefixes may mean, so '2022' against '2022-05' is no error."""
    later_period, earlier_period = period(later[1]), period(earlier[1])
    if later_period and earlier_period and later_period.before(earlier_period):
        raise KbError(f"{where}: {later[0]} {later[1]} is before the {earlier[0]} {earlier[1]}")


def _citations(
    item: Mapping[str, Any], where: str, cite: Anchor, required: bool = True
) -> list[dict[str, Any]]:
    """A fact's citations: `cite = [...]`, or `source` + `quote` on the item itself."""
    raw = item.get("cite")
    if isinstance(raw, dict):
        raw = [raw]
    if raw is None and "quote" in item:
        context = {k: item[k] for k in ("prefix", "suffix") if k in item}
        raw = [{"source": item.get("source", ""), "quote": item["quote"], **context}]
    if not raw:
        if required:
            raise KbError(f"{where}: no citation (give source and quote)")
        return []
    return [cite(c, where) for c in raw]


def _curated_fields(entry: Mapping[str, Any], cited_aliases: list[Record]) -> Record:
    """What the curator supplies; a curator alias a source also uses is listed as cited only."""
    cited = {a["name"] for a in cited_aliases} | {str(entry.get("name", ""))}
    return {
        "description": str(entry.get("description", "")),
        "native_ru": str(entry.get("native_ru", "")),
        "native_kk": str(entry.get("native_kk", "")),
        "curator_aliases": [
            str(a) for a in entry.get("curator_aliases", []) if str(a) not in cited
        ],
    }


def _aliases(entry: Mapping[str, Any], where: str, cite: Anchor) -> list[Record]:
    aliases: list[Record] = []
    for alias in entry.get("aliases", []):
        name = require(alias, "name", f"{where}: alias")
        here = f"{where}: alias {name!r}"
        citations = _citations(alias, here, cite)
        for citation in citations:
            if name not in citation["exact"]:
                raise KbError(
                    f"{here}: the quote does not contain the alias: {citation['exact']!r}"
                )
        same = next((a for a in aliases if a["name"] == name), None)
        if same is None:
            aliases.append({"name": name, "cite": citations})
        else:  # one spelling cited twice is one alias with two citations
            same["cite"] += [c for c in citations if c not in same["cite"]]
    return aliases


def compile_person(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[person]]: names in every spelling, titles and relations, all cited."""
    pid = require(entry, "id", f"{label}: person")
    where = f"{label}: person {pid!r}"
    aliases = _aliases(entry, where, cite)
    record: Record = {
        "id": pid,
        "name": require(entry, "name", where),
        "role": one_of(str(entry.get("role", "other")), PERSON_ROLES, "role", where),
        "standard_name": str(entry.get("standard_name", "")),
        **_curated_fields(entry, aliases),
        "aliases": aliases,
        "titles": [],
        "relations": [],
    }
    for title in entry.get("titles", []):
        name = require(title, "title", f"{where}: title")
        record["titles"].append(
            {"title": name, "cite": _citations(title, f"{where}: title {name!r}", cite)}
        )
    for relation in entry.get("relations", []):
        kind = one_of(str(relation.get("type", "")), RELATION_TYPES, "relation type", where)
        target = require(relation, "target", f"{where}: relation {kind}")
        here = f"{where}: relation {kind} {target!r}"
        if target == pid:
            raise KbError(f"{here}: the target is the person itself")
        record["relations"].append(
            {"type": kind, "target": target, "cite": _citations(relation, here, cite)}
        )
    return record


def compile_agency(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[agency]]: names and abbreviations, kind, and the parent body a source states."""
    aid = require(entry, "id", f"{label}: agency")
    where = f"{label}: agency {aid!r}"
    parent = str(entry.get("parent", ""))
    parent_cite = entry.get("parent_cite")
    if parent == aid:
        raise KbError(f"{where}: parent {parent!r} is the agency itself")
    aliases = _aliases(entry, where, cite)
    return {
        "id": aid,
        "name": require(entry, "name", where),
        "kind": one_of(str(entry.get("kind", "other")), AGENCY_KINDS, "kind", where),
        **_curated_fields(entry, aliases),
        "aliases": aliases,
        "parent": parent,
        "parent_cite": _citations({"cite": parent_cite}, f"{where}: parent {parent!r}", cite)
        if parent
        else [],
    }


def compile_position(
    entry: Mapping[str, Any], label: str, cite: Anchor, seq: int, kind: str = "position"
) -> Record:
    """One [[position]]: who held which post in which body, from when to when, how it ended.

    Its id is `PERSON/KIND-SEQ`: the user's positions are another kind, so that their ids
    never collide with the bundled ones'."""
    person = require(entry, "person", f"{label}: position #{seq}")
    where = f"{label}: position #{seq} ({person})"
    start, start_precision = _date(entry, "start", where)
    end, end_precision = _date(entry, "end", where)
    if end and entry.get("status"):
        raise KbError(f"{where}: status is for a post whose end is not dated; this one ends {end}")
    as_of, _ = _date(entry, "as_of", where)
    if as_of and entry.get("status") != "in office":
        raise KbError(f"{where}: as_of dates an 'in office' status; give status = \"in office\"")
    _not_before(("end", end), ("start", start), where)
    _not_before(("as_of", as_of), ("start", start), where)
    return {
        "id": f"{person}/{kind}-{seq}",
        "person": person,
        "post": require(entry, "post", where),
        "body": str(entry.get("body", "")),
        "start": start,
        "start_precision": start_precision,
        "end": end,
        "end_precision": end_precision,
        "end_reason": one_of(str(entry.get("end_reason", "")), END_REASONS, "end_reason", where),
        # What the cited text says of an end it does not date: still held when written
        # ("in office"), no longer held ("former"), or nothing ("").
        "status": one_of(str(entry.get("status", "")), POSITION_STATUSES, "status", where),
        # When the quoted text has them in office: the date it speaks of ("as of today" in a
        # report of 16 Feb 2022), or "" when it gives none.
        "as_of": as_of,
        "cite": _citations(entry, where, cite),
    }


def _flag(entry: Mapping[str, Any], key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise KbError(f"{where}: {key} must be true or false, not {value!r}")
    return value


def compile_event(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[event]]: a dated happening, summarised in the curator's words, cited."""
    eid = require(entry, "id", f"{label}: event")
    where = f"{label}: event {eid!r}"
    date, precision = _date(entry, "date", where)
    date_end, end_precision = _date(entry, "date_end", where)
    if date_end and not date:
        raise KbError(f"{where}: date_end {date_end} without a date; give date, when it began")
    _not_before(("date_end", date_end), ("date", date), where)
    return {
        "id": eid,
        "date": date,
        "date_precision": precision,
        "date_end": date_end,
        "date_end_precision": end_precision,
        # The text gives day and month only; the year is the curator's reading of the context.
        "year_inferred": _flag(entry, "year_inferred", where),
        "title": require(entry, "title", where),
        "summary": str(entry.get("summary", "")),
        "people": [str(p) for p in entry.get("people", [])],
        "bodies": [str(b) for b in entry.get("bodies", [])],
        "cite": _citations(entry, where, cite),
    }


def compile_conflict(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[conflict]]: two or more readings of one matter, each with its quote."""
    cid = require(entry, "id", f"{label}: conflict")
    where = f"{label}: conflict {cid!r}"
    readings = []
    for reading in entry.get("readings", []):
        text = require(reading, "reading", f"{where}: reading")
        # A reading that is a date ('2017' against '2018') says so: the timeline shows
        # every reading of a disputed date.
        date, _ = _date(reading, "date", f"{where}: reading {text!r}")
        readings.append(
            {
                "reading": text,
                "date": date,
                "cite": _citations(reading, f"{where}: reading {text!r}", cite, required=False),
            }
        )
    if len(readings) < 2:
        raise KbError(f"{where}: a conflict needs at least two readings")
    if not any(r["cite"] for r in readings):
        raise KbError(f"{where}: no reading is cited")
    return {
        "id": cid,
        "subject": require(entry, "subject", where),
        "summary": str(entry.get("summary", "")),
        "readings": readings,
    }
