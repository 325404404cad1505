"""The commands that print: build, check, stats, sources, source, show, search."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kazsec.cli.output import print_json, say, say_error, show, to_terminal, write_text
from kazsec.errors import EXIT_PROBLEMS
from kazsec.paths import data_dir, default_store_path, explicit_store_path, workspace_dir

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.store import Store


def add_place_options(parser: argparse.ArgumentParser) -> None:
    """--store and --workspace on a command's own parser too, so they may follow its words
    (`note add X --store S`), as they may precede them."""
    parser.add_argument(
        "--store", metavar="PATH", default=argparse.SUPPRESS, help="use this store file"
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="your documents', notes' and facts' folder (default: $KAZSEC_WORKSPACE or a "
        "per-user folder)",
    )


def store_path_for(args: argparse.Namespace) -> Path:
    """The store a command works on: --store, else KAZSEC_STORE, else the per-user default."""
    return explicit_store_path(args.store) or default_store_path()


def load_store(
    args: argparse.Namespace, warn_if_stale: bool = True, notify: Callable[[str], None] = say_error
) -> Store:
    """Open the store: the default one is (re)built on demand (said through `notify`);
    a named one must exist."""
    from kazsec.build.freshness import is_current, open_or_build
    from kazsec.store import Store

    explicit = explicit_store_path(args.store)
    if explicit is None:
        return open_or_build(
            data_dir(), default_store_path(), notify=notify, workspace=workspace_for(args)
        )
    store = Store.open(explicit)
    if warn_if_stale and not is_current(store, built_from(store), built_with(store)):
        say_error(
            f"kazsec: warning: store {explicit} is older than its inputs; "
            f"rebuild it with `kazsec build --store {explicit}`"
        )
    named = getattr(args, "workspace", None)
    if warn_if_stale and named and built_with(store) != workspace_for(args).resolve():
        # Its documents are another workspace's (or only the bundled ones): say so, since
        # the notes and facts of the one named may quote documents it does not hold.
        say_error(
            f"kazsec: warning: store {explicit} was not built with the workspace {named}; "
            f"`kazsec build --store {explicit} --workspace {named}` brings in its documents"
        )
    return store


def built_from(store: Store) -> Path:
    """The data folder a store was built from (`build --data`), else the bundled data."""
    recorded = store.meta.get("data_dir")
    if isinstance(recorded, str) and recorded and "KAZSEC_DATA" not in os.environ:
        return Path(recorded)
    return data_dir()


def built_with(store: Store) -> Path | None:
    """The user's workspace a store took their documents from, if any."""
    recorded = store.meta.get("workspace")
    return Path(recorded) if isinstance(recorded, str) and recorded else None


def workspace_for(args: argparse.Namespace) -> Path:
    """The user's workspace: --workspace, else KAZSEC_WORKSPACE, else the per-user one."""
    return workspace_dir(getattr(args, "workspace", None))


def cmd_build(args: argparse.Namespace) -> int:
    """Compile the store from data/ (or --data DIR); only new or changed sources are redone."""
    from kazsec.build.compile import build_store
    from kazsec.errors import SourceError

    source = Path(args.data).expanduser() if args.data else data_dir()
    if args.data and not (source / "sources.toml").is_file():
        raise SourceError(
            f"--data {source}: no sources.toml there; name a folder laid out like data/"
        )
    # The bundled data comes with the user's documents; a folder named with --data alone.
    workspace = workspace_for(args) if not args.data or args.workspace else None
    report = build_store(source, store_path_for(args), force=args.force, workspace=workspace)
    counts = ", ".join(f"{name} {count}" for name, count in report.counts.items())
    say(f"built {report.path}: {counts}")
    if report.units_linked:
        say(f"{report.units_built} sources repaired, {report.units_linked} linked anew")
    if report.orphans:
        say_error(orphans_warning(report.orphans))
    return 0


def orphans_warning(count: int) -> str:
    """The line saying that facts of the user's were left out of a build."""
    facts = "fact" if count == 1 else "facts"
    return (
        f"kazsec: warning: {count} of your {facts} left out: the quote is gone; "
        "`kazsec check` lists them"
    )


def cmd_check(args: argparse.Namespace) -> int:
    """Verify the store; list every problem and exit 1 if there is any."""
    from kazsec.build.check import check_store

    store = load_store(args, warn_if_stale=False)
    problems = check_store(store, built_from(store), built_with(store))
    for problem in problems:
        say(problem)
    if problems:
        say_error(f"kazsec check: {len(problems)} problem(s) in {store.path}")
        return EXIT_PROBLEMS
    counts = store.counts()
    say(
        f"ok: {store.path} (schema {store.meta['schema_version']}, "
        f"{counts['sources']} sources, {counts['passages']} passages)"
    )
    return 0


def open_library(args: argparse.Namespace, strict_notes: bool = False) -> Library:
    """The read model over the store a command works on, with the notes of the workspace
    named (--workspace or KAZSEC_WORKSPACE), else of the one the store was built with.

    `strict_notes` (an export): a notes file that cannot be read fails the command, which
    would otherwise go out without them; else they are left out with a warning."""
    from kazsec.library import Library

    store = load_store(args)
    named = getattr(args, "workspace", None) or os.environ.get("KAZSEC_WORKSPACE")
    return Library(store, workspace_for(args) if named else None, strict_notes=strict_notes)


def cmd_stats(args: argparse.Namespace) -> int:
    """Store path, record counts per table, and mentions per source and per entity."""
    stats = open_library(args).stats()
    if args.json:
        print_json(stats)
        return 0
    from kazsec.render.tables import stats_view

    show(stats_view(stats))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    """The source documents as a table."""
    from kazsec.render.tables import sources_table

    show(sources_table(load_store(args).all("sources")))
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    """Print one source, repaired (default) or raw.

    Control characters are shown as pictures, piped or not: a document may carry escape
    sequences, and `kazsec source ID | less -R` must not run them. The bytes as collected
    are in the source file itself (data/sources/).
    """
    source = load_store(args).source(args.id)
    write_text(source["raw_text"] if args.raw else source["repaired_text"])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One person, body, event or source with its facts and their quotes."""
    library = open_library(args)
    view = library.view(args.id)
    if library.notebook.problem:
        say_error(f"kazsec: warning: {library.notebook.problem} (your notes are left out)")
    if args.json:
        print_json(view.dossier.to_json(), indent=1)
        return 0
    from kazsec.render.dossier import render_dossier

    show(render_dossier(view))
    return 0


def cmd_mentions(args: argparse.Namespace) -> int:
    """Every mention of one person or body: source, passage, offsets, words, how linked."""
    library = open_library(args)
    library.record(args.id)  # an unknown id is one line naming the fix
    mentions = library.mentions_of(args.id)
    if args.json:
        print_json([{**m, "entity_name": library.names.get(m["entity"], "")} for m in mentions])
        return 0
    from kazsec.render.tables import mentions_table

    tally = library.mention_tally(args.id)
    title = f"{library.names.get(args.id, args.id)}: {tally.describe()}"
    show(mentions_table(args.id, title, mentions, library.names))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Search names in any spelling and script, and passage text."""
    engine = open_library(args).engine
    results = engine.search(args.query, types=args.type, limit=args.limit, mode=args.mode)
    if args.json:
        print_json([r.to_json() for r in results])
        return 0
    confident = [r for r in results if r.confident]
    if not to_terminal():  # a pipe or a file: tab-separated lines, one per result
        from kazsec.render.search_lines import no_match_lines, result_lines

        lines = result_lines(confident, args.explain) if confident else []
        write_text("\n".join(lines or no_match_lines(args.query, results)))
        return 0
    from kazsec.render.search import guesses_text, no_match_text, results_table

    if not confident:
        show(no_match_text(args.query))
        if results:
            show(guesses_text(results, explain=args.explain))
        return 0
    show(results_table(args.query, confident, explain=args.explain))
    return 0
