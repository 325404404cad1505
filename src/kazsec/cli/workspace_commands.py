"""`kazsec add` and `kazsec remove`: the user's own documents in and out of their workspace."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kazsec.cli.commands import built_from, built_with, store_path_for, workspace_for
from kazsec.cli.output import say, say_error, show
from kazsec.errors import EXIT_PROBLEMS, EXIT_USAGE, KazsecError
from kazsec.paths import data_dir, explicit_store_path

if TYPE_CHECKING:
    from kazsec.corpus.pipeline import RepairedSource
    from kazsec.workspace.adding import Added, Outcome


SHOWN_WHOLE = 50  # files an add lists one by one; past that, only those that failed


def cmd_add(args: argparse.Namespace) -> int:
    """Add files, folders and globs to the workspace, then bring the store up to date so
    that they are searchable; exit 1 if any file could not be added."""
    from kazsec.render.tables import added_table

    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("adding", total=None)
            added = add_paths(args, args.paths, lambda _: bar.update(task, advance=1))
    else:
        added = add_paths(args, args.paths)
    # Every file when there are a few; past that the failures alone (a thousand rows of
    # "added" say less than the count, and `kazsec sources` lists them).
    many = len(added.outcomes) > SHOWN_WHOLE
    if not many or added.failed:
        show(added_table(added.failures if many else added.outcomes))
    say(summary(added))
    if added.repaired:
        say(f"searchable now in {store_path_for(args)}")
    return EXIT_PROBLEMS if added.failed else 0


def add_paths(
    args: argparse.Namespace, paths: list[str], done: Callable[[Outcome], None] = lambda _: None
) -> Added:
    """Add what the paths name to the workspace and build it into the store (the explorer's
    "Add documents" runs this too)."""
    from kazsec.corpus.sources import load_source_metadata
    from kazsec.workspace.adding import add_documents

    workspace = workspace_for(args)
    data = _data_of(args)
    added = add_documents(paths, workspace, load_source_metadata(data), done)
    if added.repaired:
        _rebuild(args, data, workspace, added.repaired)
    return added


def summary(added: Added) -> str:
    """'2 added, 1 already there, 1 failed', with the first failure's reason."""
    counts = {s: sum(o.status == s for o in added.outcomes) for s in ("added", "already there")}
    failed = added.failures
    line = f"{counts['added']} added, {counts['already there']} already there, {len(failed)} failed"
    return line + (f" ({failed[0].path}: {failed[0].reason})" if failed else "")


def cmd_remove(args: argparse.Namespace) -> int:
    """Take a document out of the workspace (its entry and its raw file), after asking."""
    from kazsec.workspace import catalogue

    workspace = workspace_for(args)
    known = {m.id: m for m in catalogue.entries(workspace)}
    if args.id not in known:
        say_error(f"kazsec: error: your workspace {workspace} has no document {args.id!r}")
        return EXIT_USAGE
    meta = known[args.id]
    if not args.yes:
        if not sys.stdin.isatty():
            say_error("kazsec: error: say --yes to remove a document without being asked")
            return EXIT_USAGE
        answer = input(f"Remove {meta.id} ({meta.title or meta.file}) and its file? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            say("nothing removed")
            return 0
    with catalogue.locked(workspace):
        file, still_used = catalogue.remove(workspace, meta.id)
        if file not in still_used:
            (workspace / "sources" / file).unlink(missing_ok=True)
    _rebuild(args, _data_of(args), workspace, {})
    say(f"removed {meta.id}")
    if (warning := _left_quoting(workspace, meta.id)) is not None:
        say_error(warning)
    return 0


def _left_quoting(workspace: Path, source_id: str) -> str | None:
    """The line telling the user that notes and facts of theirs quote a document just
    removed (they stay in their files, orphaned), or None when none does."""
    from kazsec.kb.workspace_kb import tables_citing
    from kazsec.workspace.notebook import read_notes

    said, where, count = [], [], 0
    try:
        notes = sum(note.source == source_id for note in read_notes(workspace))
    except KazsecError:  # a broken notes.toml: `kazsec notes` and `kazsec check` say so
        notes = 0
    try:
        facts = tables_citing(workspace, source_id)
    except KazsecError:
        facts = 0
    for number, kind, lister in (
        (notes, "notes", "kazsec notes"),
        (facts, "facts", "kazsec check"),
    ):
        if number:
            said.append(f"{number} of your {kind}")
            where.append(lister)
            count += number
    if not said:
        return None
    one = count == 1
    return (
        f"kazsec: warning: {' and '.join(said)} {'quotes' if one else 'quote'} {source_id}; "
        f"{'it is' if one else 'they are'} kept and listed by {' / '.join(where)} as orphaned"
    )


def _data_of(args: argparse.Namespace) -> Path:
    """The bundled data the store beside the workspace is built from."""
    explicit = explicit_store_path(args.store)
    if explicit is not None and explicit.is_file():
        from kazsec.store import Store

        try:
            return built_from(Store.open(explicit))
        except KazsecError:
            pass
    return data_dir()


def _rebuild(
    args: argparse.Namespace, data: Path, workspace: Path, prepared: dict[str, RepairedSource]
) -> None:
    from kazsec.build.compile import build_store

    path = store_path_for(args)
    explicit = explicit_store_path(args.store) is not None
    if explicit and path.is_file():
        from kazsec.store import Store

        if built_with(Store.open(path)) not in (None, workspace.resolve()):
            say_error(f"kazsec: warning: {path} was built with another workspace")
    build_store(data, path, force=not explicit, workspace=workspace, prepared=prepared)


def cmd_candidates(args: argparse.Namespace) -> int:
    """New names in your documents (or one source): people and bodies the knowledge base
    does not know, with how often and where they are written."""
    from kazsec.cli.commands import open_library
    from kazsec.cli.output import print_json
    from kazsec.library.new_names import all_new_names
    from kazsec.render.tables import new_names_table

    library = open_library(args)
    if args.source:
        library.record(args.source)  # an unknown id: one line naming the way to find one
        sources = [args.source]
    else:
        sources = [sid for sid, s in library.sources.items() if s.get("yours")]
    found = all_new_names(library.corpus, sources)
    if args.json:
        print_json(found)
    elif not sources:
        say("no documents of yours yet: `kazsec add PATH` adds some")
    else:
        show(new_names_table(found))
    return 0
