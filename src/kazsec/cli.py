"""The `kazsec` command: subcommands over the same domain code the TUI uses."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.errors import EXIT_PROBLEMS, EXIT_USAGE, KazsecError
from kazsec.model import SEARCH_KINDS
from kazsec.paths import data_dir, default_store_path, explicit_store_path

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.store import Store

Handler = Callable[[argparse.Namespace], int]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def store_path_for(args: argparse.Namespace) -> Path:
    """The store a command works on: --store, else KAZSEC_STORE, else the per-user default."""
    return explicit_store_path(args.store) or default_store_path()


def load_store(
    args: argparse.Namespace, warn_if_stale: bool = True, notify: Callable[[str], None] = _stderr
) -> Store:
    """Open the store: the default one is (re)built on demand (said through `notify`);
    a named one must exist."""
    from kazsec.build.freshness import is_current, open_or_build
    from kazsec.store import Store

    explicit = explicit_store_path(args.store)
    if explicit is None:
        return open_or_build(data_dir(), default_store_path(), notify=notify)
    store = Store.open(explicit)
    if warn_if_stale and not is_current(store, data_dir()):
        _stderr(
            f"kazsec: warning: store {explicit} is older than its inputs; "
            f"rebuild it with `kazsec build --store {explicit}`"
        )
    return store


def cmd_build(args: argparse.Namespace) -> int:
    """Compile the store from data/."""
    from kazsec.build.compile import build_store

    report = build_store(data_dir(), store_path_for(args))
    counts = ", ".join(f"{name} {count}" for name, count in report.counts.items())
    print(f"built {report.path}: {counts}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Verify the store; list every problem and exit 1 if there is any."""
    from kazsec.build.check import check_store

    store = load_store(args, warn_if_stale=False)
    problems = check_store(store, data_dir())
    for problem in problems:
        print(problem)
    if problems:
        _stderr(f"kazsec check: {len(problems)} problem(s) in {store.path}")
        return EXIT_PROBLEMS
    counts = store.counts()
    print(
        f"ok: {store.path} (schema {store.meta['schema_version']}, "
        f"{counts['sources']} sources, {counts['passages']} passages)"
    )
    return 0


def open_library(args: argparse.Namespace) -> Library:
    """The read model over the store a command works on."""
    from kazsec.library import Library

    return Library(load_store(args))


def _print(renderable: Any) -> None:
    from rich.console import Console

    Console().print(renderable)


def cmd_stats(args: argparse.Namespace) -> int:
    """Store path, record counts per table, and mentions per source and per entity."""
    stats = open_library(args).stats()
    if args.json:
        print(json.dumps(stats))
        return 0
    from kazsec.render.tables import stats_view

    _print(stats_view(stats))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    """The source documents as a table."""
    from kazsec.render.tables import sources_table

    _print(sources_table(load_store(args).all("sources")))
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    """Print one source, repaired (default) or raw."""
    from kazsec.render.text import inert

    source = load_store(args).source(args.id)
    text = source["raw_text"] if args.raw else source["repaired_text"]
    if sys.stdout.isatty():
        text = inert(text)  # a document may carry escape sequences
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One person, body, event or source with its facts and their quotes."""
    view = open_library(args).view(args.id)
    if args.json:
        print(json.dumps(view.dossier.to_json(), ensure_ascii=False, indent=1))
        return 0
    from kazsec.render.dossier import render_dossier

    _print(render_dossier(view))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Search names in any spelling and script, and passage text."""
    results = open_library(args).engine.search(args.query, types=args.type, limit=args.limit)
    if args.json:
        print(json.dumps([r.to_json() for r in results], ensure_ascii=False))
        return 0
    from kazsec.render.search import guesses_text, no_match_text, results_table

    confident = [r for r in results if r.confident]
    if not confident:
        _print(no_match_text(args.query))
        if results:
            _print(guesses_text(results))
        return 0
    _print(results_table(args.query, confident))
    return 0


def run_app(args: argparse.Namespace, open_id: str | None = None) -> int:
    """Start the explorer at once; the store is opened (or built) in the app's loader thread.

    A missing or damaged store, or an unknown id, closes the app with the same one-line
    error and exit code as every other command.
    """
    from kazsec.tui.app import KazsecApp

    def say(message: str) -> None:  # the app owns the terminal: tell the user in the app
        app.call_from_thread(app.notify, message.removeprefix("kazsec: "), markup=False, timeout=6)

    def load() -> Library:
        from kazsec.library import Library

        library = Library(load_store(args, warn_if_stale=False, notify=say))
        if open_id is not None and library.passage_location(open_id) is None:
            library.record(open_id)  # raises LookupFailed naming the fix
        return library

    app = KazsecApp(load, open_id=open_id)
    app.run()
    if app.error:
        _stderr(app.error)
    return app.return_code or 0


def cmd_open(args: argparse.Namespace) -> int:
    """Start the explorer on one person, body, event, source or passage."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise KazsecError("kazsec open needs a terminal; use `kazsec show ID` in scripts")
    return run_app(args, args.id)


def cmd_default(args: argparse.Namespace) -> int:
    """No subcommand: the explorer in a terminal, a summary of the store otherwise."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return run_app(args)
    args.json = False
    return cmd_stats(args)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return value


class _VersionAction(argparse.Action):
    """--version, looked up only when asked: importlib.metadata costs every command 15-30 ms."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from kazsec import __version__

        print(f"kazsec {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="kazsec",
        description="Explore Kazakhstan's security apparatus through its cited sources.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="use this store file (default: $KAZSEC_STORE or a per-user cache, built on demand)",
    )
    parser.set_defaults(handler=cmd_default)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--store", metavar="PATH", default=argparse.SUPPRESS, help="use this store file"
        )
        sub.set_defaults(handler=handler)
        return sub

    add("build", cmd_build, "compile the store from the bundled sources and curated files")
    add(
        "check",
        cmd_check,
        "verify schema, references, source sha256 sums, offsets and repairs; exit 1 on problems",
    )
    add("stats", cmd_stats, "show the store path and the number of records per table").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    add("sources", cmd_sources, "list the source documents")
    search = add(
        "search",
        cmd_search,
        "find people, bodies, events, sources and passages by any spelling or script",
    )
    search.add_argument(
        "query",
        help="a name in any spelling or script (Masimov, Масимов, KNB), or words of a passage",
    )
    search.add_argument(
        "--type",
        action="append",
        choices=SEARCH_KINDS,
        help="only results of this type (repeatable)",
    )
    search.add_argument(
        "--limit", type=_positive_int, default=10, help="at most this many results (default 10)"
    )
    search.add_argument(
        "--json",
        action="store_true",
        help="print JSON: type, id, name, score, confident, matched, spans",
    )
    opener = add("open", cmd_open, "start the explorer on a person, body, event, source or passage")
    opener.add_argument(
        "id", help="an id such as karim-massimov, nsc, ciss-2022-nsc or ciss-2022-nsc/p015"
    )
    show = add(
        "show", cmd_show, "show a person, body, event or source with its facts and their quotes"
    )
    show.add_argument("id", help="an id such as karim-massimov, nsc or ciss-2022-nsc")
    show.add_argument("--json", action="store_true", help="print JSON")
    source = add("source", cmd_source, "print one source document, repaired or raw")
    source.add_argument("id", help="source id, as listed by `kazsec sources`")
    source.add_argument(
        "--raw", action="store_true", help="print the raw text as collected, damage and all"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kazsec` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KazsecError as exc:
        _stderr(f"kazsec: error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kazsec source x | head`
        sys.stderr.close()
        return 0
    except OSError as exc:  # a full disk, a folder we may not write: one line, never a traceback
        where = f" {exc.filename}" if exc.filename else ""
        _stderr(f"kazsec: error: {exc.strerror or exc}{where}")
        return EXIT_USAGE


__all__ = ["EXIT_USAGE", "main"]
