"""What each kind of fact becomes: the [[table]] `kazsec fact add` appends to a workspace file.

A fact's citation is the user's selection: `{source, quote}` as data/kb writes it, with the
words around the quote (`prefix`, `suffix`) that tell it apart if its document changes and
the quote is then found twice. A fact about a known person or body (an alias, a relation)
is a table of just its id and that one item, which extends the record (kb.workspace_kb).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kazsec.errors import KazsecError
from kazsec.kinds import A_KIND
from kazsec.workspace.ids import document_id

FACT_KINDS = ("person", "body", "alias", "post", "event", "relation", "disagreement")
# Each kind's fields: those it needs, and those it may be given.
FACT_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "person": ((), ("name", "role", "description", "id", "alias")),
    "body": ((), ("name", "kind", "description", "id", "alias")),
    "alias": (("entity",), ("name",)),
    "post": (("person", "post"), ("body", "start", "end", "end_reason", "status", "as_of")),
    "event": (("title",), ("date", "date_end", "summary", "people", "bodies", "id")),
    "relation": (("person", "type", "target"), ()),
    "disagreement": (
        ("subject", "reading", "other_reading", "other_source", "other_quote"),
        ("summary", "id", "date", "other_date"),
    ),
}
LIST_FIELDS = ("people", "bodies")  # lists of ids: a list, or one string of ids and commas
# The order their fields are written in, as data/kb writes them.
_POST = ("person", "post", "body", "start", "end", "end_reason", "status", "as_of")
_EVENT = ("date", "date_end", "title", "summary", "people", "bodies")


class FactError(KazsecError):
    """A fact asked for in a way that cannot be: an unknown kind or field, a missing one."""


@dataclass(frozen=True)
class Composed:
    """A fact as a table for one of the workspace's files."""

    table: str  # the file's name: people, agencies, positions, events or conflicts
    entry: dict[str, Any]
    description: str  # "added alias 'Масимову' of karim-massimov, citing ciss-2022-nsc/p015"


def checked_fields(kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a fact of `kind`, each a string (a list of ids for people and bodies);
    FactError names what is unknown, missing or of the wrong type."""
    if kind not in FACT_KINDS:
        raise FactError(f"no kind of fact is called {kind!r}; say one of {', '.join(FACT_KINDS)}")
    needed, optional = FACT_FIELDS[kind]
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in needed + optional:
            allowed = ", ".join(needed + optional)
            raise FactError(f"{_an(kind)} fact has no field {name!r}; its fields are {allowed}")
        if name in LIST_FIELDS and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if name in LIST_FIELDS:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise FactError(f"{kind} fact: {name} is a list of ids")
            values[name] = list(value)
        elif not isinstance(value, str):
            raise FactError(f"{kind} fact: {name} is text, not {type(value).__name__}")
        elif value.strip():
            values[name] = value.strip()
    for name in needed:
        if name not in values:
            raise FactError(f"{_an(kind)} fact needs {name}=...")
    return values


def written(anchored: Mapping[str, Any]) -> dict[str, str]:
    """A citation as the user's file keeps it: source and quote, and the words around it."""
    return {
        "source": anchored["source"],
        "quote": anchored["exact"],
        "prefix": anchored["prefix"],
        "suffix": anchored["suffix"],
    }


def compose(
    kind: str,
    values: Mapping[str, Any],
    cited: Mapping[str, Any],
    other: Mapping[str, Any] | None,
    known: Mapping[str, str],
) -> Composed:
    """The table a fact becomes. `cited`: the selection, anchored; `other`: a disagreement's
    other reading's citation, anchored; `known`: every id's kind (person, agency, ...)."""
    cite, quote, passage = written(cited), str(cited["exact"]), str(cited["passage"])
    citing = f"citing {passage}"
    if kind in ("person", "body"):
        record = "person" if kind == "person" else "agency"
        name = values.get("name", " ".join(quote.split()))
        rid = values.get("id") or document_id(name, kind)
        _new(rid, known)
        entry = {"id": rid, "name": name}
        entry |= {k: values[k] for k in ("role", "kind", "description") if k in values}
        # The selection is how the source writes the name: the name itself if it is in the
        # quote, else the words selected.
        alias = values.get("alias") or (name if name in quote else quote)
        entry["aliases"] = [{"name": alias, **cite}]
        table = "people" if record == "person" else "agencies"
        return Composed(table, entry, f"added {kind} {name!r} ({rid}), {citing}")
    if kind == "alias":
        entity = values["entity"]
        record = _one_of(entity, ("person", "agency"), known, "alias: entity")
        name = values.get("name", quote)
        entry = {"id": entity, "aliases": [{"name": name, **cite}]}
        table = "people" if record == "person" else "agencies"
        return Composed(table, entry, f"added alias {name!r} of {entity}, {citing}")
    if kind == "relation":
        person, target = values["person"], values["target"]
        _one_of(person, ("person",), known, "relation: person")
        item = {"type": values["type"], "target": target, **cite}
        said = f"added relation {person} {values['type']} {target}, {citing}"
        return Composed("people", {"id": person, "relations": [item]}, said)
    if kind == "post":
        entry = {k: values[k] for k in _POST if k in values} | {"cite": [cite]}
        body = f" in {values['body']}" if "body" in values else ""
        said = f"added post {values['post']!r} of {values['person']}{body}, {citing}"
        return Composed("positions", entry, said)
    if kind == "event":
        title, date = values["title"], values.get("date", "")
        eid = values.get("id") or "-".join(p for p in (date, document_id(title, "event")) if p)
        _new(eid, known)
        entry = {"id": eid} | {k: values[k] for k in _EVENT if k in values} | {"cite": [cite]}
        return Composed("events", entry, f"added event {title!r} ({eid}), {citing}")
    assert other is not None  # a disagreement: its other reading is cited too
    subject = values["subject"]
    about = document_id(subject.partition(":")[2], "subject")
    cid = values.get("id") or _free(f"{about}-disagreement", known)
    _new(cid, known)
    readings = [
        {"reading": values["reading"], **_date(values.get("date")), **cite},
        {"reading": values["other_reading"], **_date(values.get("other_date")), **written(other)},
    ]
    entry = {"id": cid, "subject": subject} | {k: values[k] for k in ("summary",) if k in values}
    entry["readings"] = readings
    said = f"added disagreement about {subject} ({cid}), {citing} and {other['passage']}"
    return Composed("conflicts", entry, said)


def _an(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _date(value: str | None) -> dict[str, str]:
    return {"date": value} if value else {}


def _new(rid: str, known: Mapping[str, str]) -> None:
    if rid in known:
        raise FactError(f"the id {rid!r} is {A_KIND[known[rid]]}'s already; give the fact id=...")


def _free(base: str, known: Mapping[str, str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever no record has."""
    candidate, number = base, 1
    while candidate in known:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _one_of(rid: str, kinds: tuple[str, ...], known: Mapping[str, str], what: str) -> str:
    """The kind of a record the fact is about, which must be one of `kinds`."""
    kind = known.get(rid)
    wanted = " or ".join(A_KIND[k] for k in kinds)
    if kind is None:
        raise FactError(f"{what}: no record has the id {rid!r}; give {wanted}'s id")
    if kind not in kinds:
        raise FactError(f"{what}: {rid!r} is {A_KIND[kind]}, not {wanted}")
    return kind
