"""A store as FollowTheMoney entities: documents, people, bodies, posts, tenures, events,
relations, citations and notes, one JSON object a line (`kazsec export ftm`).

Pure domain code, standard library only: followthemoney itself is heavy (it builds PyICU),
so the entities are made here as plain dicts and checked against the library in the tests.
FtM has no field for a quoted span, so each citation is a Documentation entity linking the
document to what it supports, the exact quote as its summary and the W3C selectors (prefix,
suffix, start, end over the document's bodyText, passage) as JSON in its description.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kazsec.export.ftm_ids import (
    FALLBACK_RELATION,
    LANGUAGES,
    PUBLIC_KINDS,
    RELATION_SCHEMAS,
    date_values,
    hashed_id,
    record_id,
)

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.model import (
        AgencyRecord,
        Citation,
        EventRecord,
        PersonRecord,
        PositionRecord,
        SourceRecord,
    )

Entity = dict[str, Any]  # {"id", "schema", "properties": {name: [values]}}
SIDES = ("bundled", "yours")


def ftm_props(**given: Iterable[str] | str) -> dict[str, list[str]]:
    """Properties with their values each once, in a fixed order; empty ones left out."""
    found: dict[str, list[str]] = {}
    for name, values in given.items():
        listed = [values] if isinstance(values, str) else list(values)
        kept = sorted({v for v in listed if v})
        if kept:
            found[name] = kept
    return found


class FtmGraph:
    """The entities of one store, and which side (bundled or yours) each one comes from."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.entities: dict[str, Entity] = {}
        self.sides: dict[str, set[str]] = {}  # empty: curated, no quote (counts as bundled)
        self.doc_ids = {sid: record_id("doc", sid) for sid in library.sources}
        self.of_record: dict[str, str] = {}  # kazsec id -> FtM id, for --entity

    def add(self, schema: str, entity_id: str, props: dict[str, list[str]]) -> str:
        """One entity (another with the same id gets its values merged in)."""
        found = self.entities.setdefault(
            entity_id, {"id": entity_id, "schema": schema, "properties": {}}
        )
        for name, values in props.items():
            found["properties"][name] = sorted({*found["properties"].get(name, []), *values})
        self.sides.setdefault(entity_id, set())
        return entity_id

    def cite(
        self, entity_id: str, cites: Iterable[Citation], role: str, side: str | None = None
    ) -> None:
        """A Documentation entity for each quote behind a fact about an entity; its side is
        its document's, unless given (a note of yours on a bundled document is yours)."""
        for cite in cites:
            source = self.library.sources.get(cite["source"])
            if source is None:  # a damaged store: `kazsec check` names it
                continue
            where = side or ("yours" if source["yours"] else "bundled")
            self.sides.setdefault(entity_id, set()).add(where)
            selectors = {
                "type": "TextQuoteSelector+TextPositionSelector",
                "exact": cite["exact"],
                "prefix": cite["prefix"],
                "suffix": cite["suffix"],
                "start": cite["start"],
                "end": cite["end"],
                "passage": cite["passage"],
            }
            key = (entity_id, cite["source"], cite["start"], cite["end"])
            made = self.add(
                "Documentation",
                hashed_id("cite", *key),
                ftm_props(
                    document=self.doc_ids[cite["source"]],
                    entity=entity_id,
                    role=role,
                    summary=cite["exact"],
                    description=json.dumps(selectors, ensure_ascii=False, sort_keys=True),
                ),
            )
            self.sides[made].add(where)

    # -- records ----------------------------------------------------------------------

    def source(self, record: SourceRecord) -> None:
        """A document: its catalogue fields and its repaired text as the body."""
        full = self.library.store.source(record["id"])
        schema = "HyperText" if record["format"] in ("web", "html") else "PlainText"
        made = self.add(
            schema,
            self.doc_ids[record["id"]],
            ftm_props(
                name=record["title"] or self.library.source_label(record["id"]),
                title=record["title"],
                fileName=record["file"] or record["id"],
                author=record["author"],
                publisher=record["publisher"],
                date=date_values(record["date"]),
                sourceUrl=record["url"],
                language=LANGUAGES.get(record["language"], ""),
                contentHash=record["sha256"],
                description=record["notes"],
                bodyText=full["repaired_text"] if full else "",
            ),
        )
        self.sides[made].add("yours" if record["yours"] else "bundled")
        self.of_record[record["id"]] = made

    def person(self, record: PersonRecord) -> None:
        """A person with every written form as an alias (cited ones and the curator's)."""
        made = record_id("person", record["id"])
        forms = [a["name"] for a in record["aliases"]]
        forms += [record["standard_name"], record["native_ru"], record["native_kk"]]
        forms += record["curator_aliases"]
        self.add(
            "Person",
            made,
            ftm_props(
                name=record["name"],
                alias=[f for f in forms if f != record["name"]],
                description=record["description"],
                position=[t["title"] for t in record["titles"]],
            ),
        )
        self.of_record[record["id"]] = made
        for alias in record["aliases"]:
            self.cite(made, alias["cite"], f"alias: {alias['name']}")
        for title in record["titles"]:
            self.cite(made, title["cite"], f"title: {title['title']}")

    def agency(self, record: AgencyRecord) -> None:
        """A body: a PublicBody when it is part of a state, else an Organization."""
        made = record_id("body", record["id"])
        forms = [a["name"] for a in record["aliases"]]
        forms += [record["native_ru"], record["native_kk"], *record["curator_aliases"]]
        self.add(
            "PublicBody" if record["kind"] in PUBLIC_KINDS else "Organization",
            made,
            ftm_props(
                name=record["name"],
                alias=[f for f in forms if f != record["name"]],
                description=record["description"],
                classification=record["kind"],
                parent=record_id("body", record["parent"]) if record["parent"] else "",
            ),
        )
        self.of_record[record["id"]] = made
        for alias in record["aliases"]:
            self.cite(made, alias["cite"], f"alias: {alias['name']}")
        self.cite(made, record["parent_cite"], "parent")

    def position(self, record: PositionRecord) -> None:
        """A tenure: an Occupancy of a Position (one per post and body) by its holder."""
        post = hashed_id("post", record["body"], record["post"])
        self.add(
            "Position",
            post,
            ftm_props(
                name=record["post"],
                organization=record_id("body", record["body"]) if record["body"] else "",
            ),
        )
        ended = f"ended: {record['end_reason']}" if record["end_reason"] else ""
        as_of = f"in office as of {record['as_of']}" if record["as_of"] else ""
        made = self.add(
            "Occupancy",
            record_id("tenure", record["id"]),
            ftm_props(
                holder=record_id("person", record["person"]),
                post=post,
                startDate=date_values(record["start"]),
                endDate=date_values(record["end"]),
                status=record["status"],
                description="; ".join(d for d in (ended, as_of) if d),
            ),
        )
        self.of_record[record["id"]] = made
        self.cite(made, record["cite"], "tenure")

    def event(self, record: EventRecord) -> None:
        """An event with the people and bodies it involves."""
        end = date_values(record["date_end"])
        made = self.add(
            "Event",
            record_id("event", record["id"]),
            ftm_props(
                name=record["title"] or record["id"],
                summary=record["summary"],
                startDate=date_values(record["date"]) if end else [],
                endDate=end,
                date=[] if end else date_values(record["date"]),
                involved=[record_id("person", p) for p in record["people"]]
                + [record_id("body", b) for b in record["bodies"]],
            ),
        )
        self.of_record[record["id"]] = made
        self.cite(made, record["cite"], "event")

    def relations(self, record: PersonRecord) -> None:
        """Each relation as the interval that fits it (Family, Associate, Succession ...)."""
        me = record_id("person", record["id"])
        for relation in record["relations"]:
            schema, mine, theirs = RELATION_SCHEMAS.get(relation["type"], FALLBACK_RELATION)
            target_kind = self.library.kind_of(relation["target"])
            if target_kind == "agency":  # arrested by a body: Family and Associate join people
                other = record_id("body", relation["target"])
                if schema != "Succession":
                    schema, mine, theirs = FALLBACK_RELATION
            else:
                other = record_id("person", relation["target"])
            ends = {mine: me, theirs: other}
            words = relation["type"].replace("_", " ")
            if schema == "Succession":
                key: tuple[str, ...] = (ends["predecessor"], ends["successor"])
                word_prop = "role"
            else:
                key = (me, relation["type"], other)
                word_prop = "role" if schema == "UnknownLink" else "relationship"
            made = self.add(
                schema,
                hashed_id("link", schema, *key),
                ftm_props(**ends, **{word_prop: words if schema != "Succession" else ""}),
            )
            self.cite(made, relation["cite"], f"relation: {words}")


# The properties whose values are ids of other entities (FtM's type "entity").
REFERENCE_PROPS = frozenset(
    {
        "document", "entity", "holder", "post", "organization", "involved", "parent",
        "person", "relative", "associate", "predecessor", "successor", "subject", "object",
    }
)  # fmt: skip


def references(entity: Mapping[str, Any]) -> list[str]:
    """The ids an entity points at."""
    props = entity["properties"]
    return [v for name in sorted(REFERENCE_PROPS & props.keys()) for v in props[name]]
