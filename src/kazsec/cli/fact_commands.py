"""`kazsec fact add` and `kazsec undo`: facts of the user's own, cited by a quote, into their
workspace's kb/ files, and the store brought up to date at once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.cli.commands import load_store, orphans_warning, store_path_for, workspace_for
from kazsec.cli.output import say, say_error
from kazsec.cli.workspace_commands import _data_of, _rebuild
from kazsec.errors import KazsecError, StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

    from kazsec.cli import Handler, TakesArguments
    from kazsec.store import Store


class FieldError(KazsecError):
    """A --field that is not NAME=VALUE, or a name given twice."""


def parsed_fields(given: list[str]) -> dict[str, Any]:
    """--field NAME=VALUE options as a mapping (lists stay text: `people=a,b`)."""
    fields: dict[str, Any] = {}
    for option in given:
        name, equals, value = option.partition("=")
        name = name.strip()
        if not equals or not name:
            raise FieldError(f"--field {option!r}: give NAME=VALUE, such as name=Karim Massimov")
        if name in fields:
            raise FieldError(f"--field {name} is given twice")
        fields[name] = value
    return fields


def _store_for_texts(args: argparse.Namespace) -> Store | None:
    """The store to read sources' texts from, if there is one to open (else they are
    repaired: a fact may be added before any store is built)."""
    try:
        return load_store(args, warn_if_stale=False)
    except StoreError:
        return None


def _refuse_an_unwritable_store(args: argparse.Namespace, nothing: str) -> None:
    """A change rebuilds the store after it is written: a store that cannot be written is
    said before, so that 'added' is never followed by an error with the change half made."""
    import os

    path = store_path_for(args)
    folder = path.resolve().parent
    if (path.exists() and not os.access(path, os.W_OK)) or (
        folder.is_dir() and not os.access(folder, os.W_OK)
    ):
        raise StoreError(f"cannot rebuild the store at {path}: it may not be written; {nothing}")


def cmd_fact(args: argparse.Namespace) -> int:
    """Add one fact cited by a quote of a source; the store is rebuilt to show it."""
    from kazsec.workspace.facts import add_fact

    _refuse_an_unwritable_store(args, "nothing added")
    workspace, data = workspace_for(args), _data_of(args)
    citation: dict[str, Any] = {"source": args.source, "quote": args.quote}
    if args.start is not None:
        citation["start"] = args.start
    fields = parsed_fields(args.field or [])
    added = add_fact(data, workspace, args.kind, fields, citation, store=_store_for_texts(args))
    say(added)
    _show_after_rebuild(args, data, workspace)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    """Take back the last fact added (its file as it was before); the store is rebuilt."""
    from kazsec.workspace.facts import undo_last

    _refuse_an_unwritable_store(args, "nothing undone")
    workspace = workspace_for(args)
    undone = undo_last(workspace)
    if undone is None:
        say("nothing to undo")
        return 0
    say(f"undone: {undone}")
    _show_after_rebuild(args, _data_of(args), workspace)
    return 0


def _show_after_rebuild(args: argparse.Namespace, data: Path, workspace: Path) -> None:
    from kazsec.store import Store

    _rebuild(args, data, workspace, {})
    path = store_path_for(args)
    orphans = Store.open(path).meta.get("orphans") or []
    if orphans:
        say_error(orphans_warning(len(orphans)))
    say(f"in the store now: {path}")


def _offset(text: str) -> int:
    """--start: a character offset in a source's text, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("an offset in the text counts from 0: give 0 or more")
    return value


def add_fact_commands(add: Callable[[str, Handler, str], TakesArguments]) -> None:
    """Register `fact` and `undo` with the command line's parser."""
    from kazsec.workspace.fact_tables import FACT_FIELDS, FACT_KINDS

    kinds = "; ".join(
        f"{kind}: {' '.join(need)}{' [' + ' '.join(may) + ']' if may else ''}"
        for kind, (need, may) in FACT_FIELDS.items()
    )
    fact = add(
        "fact",
        cmd_fact,
        "add a fact of your own (a person, body, alias, post, event, relation or "
        "disagreement), cited by a quote of a source, to your workspace's kb/ files",
    )
    fact.add_argument("action", choices=("add",), help="add: write the fact, then rebuild")
    fact.add_argument("kind", choices=FACT_KINDS, help="what the fact is")
    fact.add_argument("source", metavar="SOURCE_ID", help="the source the quote is from")
    fact.add_argument(
        "--quote", required=True, help="the exact words of the source's text that say it"
    )
    fact.add_argument(
        "--start",
        type=_offset,
        help="where the quote starts in the source's text, if it is written there more than once",
    )
    fact.add_argument(
        "--field",
        action="append",
        metavar="NAME=VALUE",
        help=f"the fact's fields, repeatable (lists: people=a,b). {kinds}",
    )
    add("undo", cmd_undo, "take back the last fact added with `kazsec fact add`")
