"""The user's own knowledge base: their workspace's kb/*.toml, compiled onto the bundled one.

The files are in data/kb's format (see its README). How they join the bundled records:
- A [[person]] or [[agency]] whose id is one already (bundled, or earlier in the workspace)
  extends it: its aliases, titles, relations and curator_aliases are added, and any other
  field it sets must be empty or what the record says already.
- Every other table is a new record, after the bundled ones, with an id of its own. The
  user's positions are numbered apart (PERSON/your-position-N): no id of theirs can be a
  bundled one's.
- A fact whose quote cannot be anchored any more (its document changed or is gone) is an
  orphan: kept in the file, left out of the store and listed (KnowledgeBase.orphans), and so
  is a fact that rests on one. A fact is a new record, or one alias, title or relation of
  an extending table. A mistake only the user can put right (bad TOML, an unknown id, a
  field that contradicts the record it extends) is one KbError naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kazsec.kb.anchor import AnchorError
from kazsec.kb.extension import check_extension, extend, item_label
from kazsec.kb.records import (
    Anchor,
    KbError,
    Record,
    compile_agency,
    compile_conflict,
    compile_event,
    compile_person,
    compile_position,
    require,
)
from kazsec.kb.tables import SLUG, TABLE_KEYS, KnowledgeBase, Orphan, read_table
from kazsec.kinds import A_KIND

USER_POSITION = "your-position"  # the user's positions' ids: PERSON/your-position-N
_LISTS = {"person": ("aliases", "titles", "relations"), "agency": ("aliases",)}
_COMPILE = {"person": compile_person, "agency": compile_agency}
Need = tuple[tuple[str, ...], str, str]  # the kinds an id may be of, the id, where it is named


@dataclass
class _Fact:
    """One fact of the user's: a new record, or one item an extending table adds."""

    kind: str  # person, agency, position, event or conflict
    label: str  # its file, as a path
    number: int  # its table's place in the file
    record: str  # how an orphan list names it
    raw: Mapping[str, Any]
    provides: str = ""  # the id of the record it makes, if it makes one
    extends: tuple[str, str] = ("", "")  # the id it adds to and the list it adds to
    needs: list[Need] = field(default_factory=list)
    compiled: Any = None
    orphan: Orphan | None = None

    def attempt(self, make: Callable[[], Any]) -> None:
        """Compile it; a citation that cannot be anchored makes it an orphan."""
        try:
            self.compiled = make()
        except AnchorError as exc:
            # The place the error names ("person 'x': alias 'y'") is the most precise name.
            where = str(exc).removesuffix(f": {exc.reason}").removeprefix(f"{self.label}: ")
            record = where if where != str(exc) else self.record
            self.orphan = Orphan(self.label, self.number, record, exc.source, exc.quote, exc.reason)

    def orphaned(self, reason: str) -> None:
        source, quote = _first_citation(self.raw)
        self.orphan = Orphan(self.label, self.number, self.record, source, quote, reason)


def add_user_records(
    kb: KnowledgeBase,
    workspace: Path,
    cite: Anchor,
    source_ids: set[str],
    pending: Mapping[str, str],
) -> None:
    """Compile the workspace's kb/ files onto `kb` (its bundled records, checked already).

    `pending`: a file's text by table name, read instead of the file.
    """
    known = kb.kinds_by_id(source_ids)
    bases = {("person", r["id"]): r for r in kb.people}
    bases.update((("agency", r["id"]), r) for r in kb.agencies)
    facts: list[_Fact] = []
    for table, kind in TABLE_KEYS.items():
        path = workspace / "kb" / f"{table}.toml"
        label = str(path)
        for number, entry in enumerate(read_table(path, label, table, pending.get(table)), 1):
            if kind in _LISTS:
                facts += _named_facts(kind, entry, label, number, cite, known, bases)
            else:
                facts.append(_other_fact(kind, entry, label, number, cite, known))
    for fact in facts:
        for kinds, rid, where in fact.needs:
            if rid and known.get(rid) not in kinds:
                if rid not in known:
                    raise KbError(f"{where}: unknown id {rid!r}")
                wanted = " or ".join(A_KIND[k] for k in kinds)
                raise KbError(f"{where}: {rid!r} is {A_KIND[known[rid]]}, not {wanted}")
    _orphan_what_rests_on_orphans(facts)
    _merge(kb, facts, bases)


def _named_facts(
    kind: str,
    entry: Mapping[str, Any],
    label: str,
    number: int,
    cite: Anchor,
    known: dict[str, str],
    bases: dict[tuple[str, str], Record],
) -> list[_Fact]:
    """A [[person]] or [[agency]]: a new record, or the items it adds to a known one."""
    rid = require(entry, "id", f"{label}: {kind}")
    where = f"{label}: {kind} {rid!r}"
    if known.get(rid) != kind:
        return [_new_fact(kind, entry, label, number, cite, known, bases)]
    if (base := bases.get((kind, rid))) is not None:  # (none when it is an orphan of theirs)
        check_extension(entry, base, where)
    facts = []
    for name in _LISTS[kind]:
        for item in entry.get(name, []):
            fact = _Fact(kind, label, number, f"{kind} {rid!r}: {item_label(name, item)}", item)
            fact.extends, fact.needs = (rid, name), [((kind,), rid, where)]
            if name == "relations":
                fact.needs.append((("person", "agency"), str(item.get("target", "")), where))
            # The item compiled as its record's file would have it (the same checks, the
            # same messages), from a record holding it alone.
            stub = {"id": rid, "name": "-", name: [item]}
            fact.attempt(partial(_first_item, _COMPILE[kind], stub, name, label, cite))
            facts.append(fact)
    if entry.get("curator_aliases"):
        fact = _Fact(kind, label, number, f"{kind} {rid!r}: curator_aliases", entry)
        fact.extends, fact.needs = (rid, "curator_aliases"), [((kind,), rid, where)]
        fact.compiled = [str(a) for a in entry["curator_aliases"]]
        facts.append(fact)
    return facts


def _first_item(
    compile_record: Callable[[Mapping[str, Any], str, Anchor], Record],
    stub: Mapping[str, Any],
    name: str,
    label: str,
    cite: Anchor,
) -> Any:
    return compile_record(stub, label, cite)[name][0]


def _new_fact(
    kind: str,
    entry: Mapping[str, Any],
    label: str,
    number: int,
    cite: Anchor,
    known: dict[str, str],
    bases: dict[tuple[str, str], Record],
) -> _Fact:
    rid = str(entry["id"])
    where = f"{label}: {kind} {rid!r}"
    _claim(rid, kind, where, known)
    fact = _Fact(kind, label, number, f"{kind} {rid!r}", entry, provides=rid)
    if kind == "person":
        fact.needs += [
            (("person", "agency"), str(r.get("target", "")), f"{where}: relation")
            for r in entry.get("relations", [])
        ]
    else:
        fact.needs.append((("agency",), str(entry.get("parent", "")), f"{where}: parent"))
    fact.attempt(lambda: _COMPILE[kind](entry, label, cite))
    if fact.compiled is not None:
        bases[(kind, rid)] = fact.compiled
    return fact


def _other_fact(
    kind: str,
    entry: Mapping[str, Any],
    label: str,
    number: int,
    cite: Anchor,
    known: dict[str, str],
) -> _Fact:
    """A [[position]], [[event]] or [[conflict]]: always a new record."""
    if kind == "position":
        person = require(entry, "person", f"{label}: position #{number}")
        where = f"{label}: position #{number} ({person})"
        fact = _Fact(kind, label, number, f"position #{number} ({person})", entry)
        fact.needs = [
            (("person",), person, where),
            (("agency",), str(entry.get("body", "")), where),
        ]
        fact.attempt(lambda: compile_position(entry, label, cite, number, USER_POSITION))
        return fact
    rid = require(entry, "id", f"{label}: {kind}")
    where = f"{label}: {kind} {rid!r}"
    _claim(rid, kind, where, known)
    fact = _Fact(kind, label, number, f"{kind} {rid!r}", entry, provides=rid)
    if kind == "event":
        fact.needs = [(("person",), str(p), f"{where}: people") for p in entry.get("people", [])]
        fact.needs += [(("agency",), str(b), f"{where}: bodies") for b in entry.get("bodies", [])]
        fact.attempt(lambda: compile_event(entry, label, cite))
        return fact
    subject = str(entry.get("subject", ""))
    subject_kind, _, subject_id = subject.partition(":")
    if subject_kind not in ("person", "agency", "event") or not subject_id:
        raise KbError(f"{where}: subject {subject!r} must be person:ID, agency:ID or event:ID")
    fact.needs = [((subject_kind,), subject_id, f"{where}: subject")]
    fact.attempt(lambda: compile_conflict(entry, label, cite))
    return fact


def _claim(rid: str, kind: str, where: str, known: dict[str, str]) -> None:
    """A new record's id: well formed, and no one else's (bundled or the user's)."""
    if kind != "event" and not SLUG.match(rid):
        raise KbError(f"{where}: use lowercase words joined by '-' for an id")
    if rid in known:
        raise KbError(f"{where}: the id is already used by {A_KIND[known[rid]]}")
    known[rid] = kind


def _orphan_what_rests_on_orphans(facts: list[_Fact]) -> None:
    """A fact naming an orphaned record (an event with an orphaned person) is one too."""
    gone = {(f.kind, f.provides) for f in facts if f.orphan and f.provides}
    changed = True
    while changed:
        changed = False
        for fact in facts:
            if fact.orphan is not None:
                continue
            hit = next(
                ((k, r) for kinds, r, _ in fact.needs for k in kinds if (k, r) in gone), None
            )
            if hit is not None:
                fact.orphaned(f"it rests on {A_KIND[hit[0]]} {hit[1]!r}, itself orphaned")
                if fact.provides:
                    gone.add((fact.kind, fact.provides))
                changed = True


def _merge(kb: KnowledgeBase, facts: list[_Fact], bases: dict[tuple[str, str], Record]) -> None:
    tables = {
        "person": kb.people,
        "agency": kb.agencies,
        "position": kb.positions,
        "event": kb.events,
        "conflict": kb.conflicts,
    }
    for fact in facts:
        if fact.orphan is not None:
            kb.orphans.append(fact.orphan)
        elif fact.extends == ("", ""):
            tables[fact.kind].append(fact.compiled)
        else:
            rid, name = fact.extends
            extend(bases[(fact.kind, rid)], name, fact.compiled)


def _first_citation(value: Any) -> tuple[str, str]:
    """The source and quote of the first citation in a raw table, or two empty strings."""
    return next(raw_citations(value), ("", ""))


def raw_citations(value: Any) -> Iterator[tuple[str, str]]:
    """The source and quote of every citation in a raw table, in the order written."""
    if isinstance(value, Mapping):
        if "quote" in value:
            yield str(value.get("source", "")), str(value["quote"])
            return
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from raw_citations(item)


def tables_citing(workspace: Path, source_id: str) -> int:
    """How many tables of the workspace's kb/ files cite `source_id` (each table counted
    once, however many of its quotes are from it); KbError as the build would raise it."""
    count = 0
    for table in TABLE_KEYS:
        path = workspace / "kb" / f"{table}.toml"
        for entry in read_table(path, str(path), table):
            count += any(source == source_id for source, _ in raw_citations(entry))
    return count
