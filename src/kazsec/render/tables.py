"""The command line's tables: the store's figures and its source documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kazsec.model import source_label
from kazsec.render.text import data_text


def stats_view(stats: Mapping[str, Any]) -> RenderableType:
    """`kazsec stats`: records per table, mentions per source and per entity, the store path."""
    tables = Table(title="records")
    tables.add_column("table")
    tables.add_column("records", justify="right")
    for name, count in stats["counts"].items():
        tables.add_row(name, str(count))
    sources = Table(title="mentions per source")
    sources.add_column("source")
    sources.add_column("mentions", justify="right")
    for source, count in stats["mentions_per_source"].items():
        sources.add_row(data_text(source), str(count))
    entities = Table(title=f"mentions per entity ({stats['ambiguous_mentions']} ambiguous)")
    entities.add_column("entity")
    entities.add_column("mentions", justify="right")
    entities.add_column("of them ambiguous", justify="right")
    ambiguous = stats["ambiguous_mentions_per_entity"]
    for entity, count in stats["mentions_per_entity"].items():
        entities.add_row(data_text(entity), str(count), str(ambiguous.get(entity, "")))
    where = data_text(f"store: {stats['store']} (schema {stats['schema_version']})")
    return Group(Columns([tables, sources]), entities, where)


def sources_table(sources: Iterable[Mapping[str, Any]]) -> Table:
    """`kazsec sources`: id, title with publisher, date and kind, and passages."""
    table = Table(title="Sources", expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("title · publisher · date", ratio=1)
    table.add_column("passages", justify="right")
    for source in sources:
        described = data_text(source_label(source), "bold")
        facts = " · ".join(f for f in (source["publisher"], source["date"], source["kind"]) if f)
        described.append_text(data_text(f"\n{facts}", "dim"))
        if source.get("yours"):
            described.append(" · yours", "green")
        table.add_row(data_text(source["id"]), described, Text(str(source["passage_count"])))
    return table


def added_table(outcomes: Iterable[Any]) -> Table:
    """`kazsec add`: each file, what became of it, its id and why it failed."""
    table = Table(title="Added to your workspace", expand=True)
    table.add_column("file", ratio=1)
    table.add_column("result", no_wrap=True)
    table.add_column("id or reason", ratio=1)
    styles = {"added": "green", "already there": "dim", "failed": "red"}
    for outcome in outcomes:
        table.add_row(
            data_text(outcome.path),
            Text(outcome.status, styles[outcome.status]),
            data_text(outcome.source_id or outcome.reason),
        )
    return table


def mentions_table(
    entity_id: str, title: str, mentions: Iterable[Mapping[str, Any]], names: Mapping[str, str]
) -> Table:
    """`kazsec mentions ID`: where an entity is named, in what words, how linked, how sure,
    and whom else the words could name (best first)."""
    table = Table(title=data_text(title), expand=True)
    table.add_column("passage", no_wrap=True)
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("as written", ratio=1)
    table.add_column("how", no_wrap=True)
    table.add_column("certainty", no_wrap=True)
    table.add_column("other candidates", ratio=1)
    for mention in mentions:
        others = [c["id"] for c in mention["candidates"] if c["id"] != entity_id]
        table.add_row(
            data_text(mention["passage"]),
            f"{mention['start']}-{mention['end']}",
            data_text(mention["text"], "bold"),
            data_text(mention["how"]),
            data_text(
                mention["certainty"], "yellow" if mention["certainty"] == "ambiguous" else ""
            ),
            data_text(", ".join(names.get(o, o) for o in others), "dim"),
        )
    return table


def new_names_table(found: Iterable[Mapping[str, Any]]) -> Table:
    """`kazsec candidates`: each new name, its kind, mentions and the sources it is in."""
    table = Table(title="New names (not in the knowledge base)", expand=True)
    table.add_column("name", ratio=1)
    table.add_column("kind", no_wrap=True)
    table.add_column("mentions", justify="right")
    table.add_column("first written in", ratio=1)
    for name in found:
        where = ", ".join(f"{s['passage']} ({s['count']})" for s in name["sources"][:3])
        more = len(name["sources"]) - 3
        table.add_row(
            data_text(str(name["name"])),
            data_text(str(name["kind"])),
            Text(str(name["count"])),
            data_text(where + (f" and {more} more sources" if more > 0 else "")),
        )
    return table
