"""Facts from a selection: a person, a body, an alias, a post, an event, a relation or a
disagreement, cited by the words the user selected, into their workspace's kb/ files.

A fact is checked before it is written, as the build will check it: the bundled and the
user's knowledge base are compiled with the fact added, every quote anchored in its source's
repaired text. Then its table is appended as text to the file (what the user wrote there by
hand stays as it was), atomically and under the workspace's lock, so two kazsec processes
adding facts at once take turns and lose nothing; the undo journal keeps the file's bytes
before. The build makes the fact visible (`kazsec fact add` rebuilds the store at once).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.kb.anchor import StoredTexts, anchor
from kazsec.kb.loader import load_knowledge_base
from kazsec.kb.records import KbError
from kazsec.kb.tables import TABLE_KEYS, KnowledgeBase, Orphan, read_table
from kazsec.regular_files import read_file_bytes
from kazsec.store.atomic import atomic_write_bytes
from kazsec.workspace.catalogue import locked
from kazsec.workspace.fact_tables import (
    FACT_FIELDS,
    FACT_KINDS,
    FactError,
    checked_fields,
    compose,
)
from kazsec.workspace.texts import source_texts
from kazsec.workspace.undo import UndoError, forget_last, record, undo_last

if TYPE_CHECKING:
    from kazsec.store import Store

HEADER = """\
# Your own facts: [[{kind}]] tables in the format of kazsec's curated data/kb/{table}.toml
# (its README says what each field means). `kazsec fact add` appends to this file and
# `kazsec undo` takes its last addition back; edit it by hand as you like. A [[person]] or
# [[agency]] with the id of a known one adds its aliases, titles and relations to it.
"""


def add_fact(
    data_dir: Path,
    workspace: Path,
    kind: str,
    fields: Mapping[str, Any],
    citation: Mapping[str, Any],
    *,
    store: Store | None = None,
) -> str:
    """Add a fact of `kind` (one of FACT_KINDS) to the workspace, cited by `citation`
    ({"source": id, "quote": exact words, "start": offset if known}: the selection).

    `fields` are the kind's (FACT_FIELDS); `store`, if given, lends the sources' repaired
    texts (else they are repaired here). Checked first: KbError, AnchorError or FactError
    in one line and nothing written. Returns what was added, in one line.
    """
    values = checked_fields(kind, fields)
    texts = source_texts(data_dir, workspace, store)
    cited = anchor(_selection(citation), texts, f"{kind} fact")
    other = None
    if kind == "disagreement":
        asked = {"source": values["other_source"], "quote": values["other_quote"]}
        other = anchor(asked, texts, f"{kind} fact: other_quote")
    with locked(workspace):
        kb = load_knowledge_base(data_dir, texts, workspace)  # a mistake in it is named first
        composed = compose(kind, values, cited, other, kb.kinds_by_id(texts))
        if kind == "alias":
            _refuse_a_known_alias(kb, composed.entry, cited)
        table = composed.table
        path = workspace / "kb" / f"{table}.toml"
        before = _read_bytes(path)
        text = before.decode("utf-8") if before is not None else ""  # UTF-8: the kb read it
        if not text.strip():
            text = HEADER.format(kind=TABLE_KEYS[table], table=table)
        import tomli_w

        added = tomli_w.dumps({TABLE_KEYS[table]: [composed.entry]})
        # Appended after the file's last byte: what is there stays exactly as it was.
        if not text.endswith("\n"):
            text += "\n"
        text += f"\n# {composed.description}\n{added}"
        _refuse_if_orphaned(data_dir, workspace, texts, path, table, text)
        after = text.encode("utf-8")
        record(workspace, f"kb/{table}.toml", before, after, composed.description)
        try:
            atomic_write_bytes(path, after)
        except BaseException:
            forget_last(workspace)
            raise
    return composed.description


def orphaned_facts(store: Store) -> list[Orphan]:
    """The user's facts the store's build left out because their quotes are gone (their
    files keep them): file, table number, record, source, quote and why."""
    orphans = store.meta.get("orphans")
    return [Orphan.from_record(o) for o in orphans] if isinstance(orphans, list) else []


def _selection(citation: Mapping[str, Any]) -> dict[str, Any]:
    """The selection as a citation: its quote without the blanks around it."""
    quote = str(citation.get("quote", ""))
    start = citation.get("start")
    selection: dict[str, Any] = {"source": str(citation.get("source", "")), "quote": quote.strip()}
    if isinstance(start, int) and not isinstance(start, bool):
        selection["start"] = start + len(quote) - len(quote.lstrip())
    return selection


def _refuse_a_known_alias(
    kb: KnowledgeBase, entry: Mapping[str, Any], cited: Mapping[str, Any]
) -> None:
    """The same name of the same person or body cited by the same words (capitals aside) is
    not added twice; another quote for a name it has is more evidence, and is added."""
    (alias,) = entry["aliases"]
    name = str(alias["name"]).casefold()
    place = (cited["source"], cited["start"])
    for owner in (*kb.people, *kb.agencies):
        if owner["id"] != entry["id"]:
            continue
        for known in owner.get("aliases", []):
            same_place = any((c["source"], c["start"]) == place for c in known.get("cite", []))
            if same_place and str(known["name"]).casefold() == name:
                raise FactError(
                    f"{entry['id']} already has the name {alias['name']!r} from these words"
                )


def _refuse_if_orphaned(
    data_dir: Path, workspace: Path, texts: StoredTexts, path: Path, table: str, text: str
) -> None:
    """Compile everything with the file's new text; the new table must not be left out
    (it rests on a fact of the user's that is orphaned)."""
    number = len(read_table(path, str(path), table, text))
    kb = load_knowledge_base(data_dir, texts, workspace, {table: text})
    for orphan in kb.orphans:
        if orphan.file == str(path) and orphan.number == number:
            raise KbError(f"{orphan.file}: {orphan.record}: {orphan.reason}")


def _read_bytes(path: Path) -> bytes | None:
    try:
        return read_file_bytes(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KbError(f"{path}: cannot read it: {exc.strerror}") from None


__all__ = [
    "FACT_FIELDS",
    "FACT_KINDS",
    "FactError",
    "UndoError",
    "add_fact",
    "orphaned_facts",
    "undo_last",
]
