"""The `kazsec` command: subcommands over the same read model and renderer the TUI uses."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, Protocol

from kazsec.cli.commands import (
    add_place_options,
    cmd_build,
    cmd_check,
    cmd_mentions,
    cmd_search,
    cmd_show,
    cmd_source,
    cmd_sources,
    cmd_stats,
)
from kazsec.cli.explorer import cmd_default, cmd_open
from kazsec.cli.output import argument_as_utf8, error_text, prepare_streams, say_error
from kazsec.cli.workspace_commands import cmd_add, cmd_candidates, cmd_remove
from kazsec.errors import EXIT_USAGE, KazsecError
from kazsec.kinds import SEARCH_KINDS

Handler = Callable[[argparse.Namespace], int]
COMMANDS = (
    "build", "check", "stats", "sources", "search", "open", "show", "mentions", "source",
    "add", "remove", "candidates", "timeline", "career", "succession", "held", "note", "notes",
    "fact", "undo", "export",
)  # fmt: skip


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


class _Formatter(argparse.HelpFormatter):
    """argparse's own help layout, given the terminal's width without shutil: argparse makes
    a formatter for every argument added, help asked or not, and its default one loads
    shutil (and with it bz2 and lzma) for the width, a few milliseconds of every command."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    # As shutil.get_terminal_size: $COLUMNS, else the terminal's, else 80.
    with contextlib.suppress(ValueError):
        if (columns := int(os.environ.get("COLUMNS", ""))) > 0:
            return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class TakesArguments(Protocol):
    def add_argument(self, *args: Any, **kwargs: Any) -> object: ...


class _NotMade:
    """A subcommand's parser not made, because the command line names another: the
    arguments it is given are never read (an ArgumentParser costs ~0.6 ms to make)."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        """Nothing to add to."""


def _command_named(argv: Sequence[str]) -> str | None:
    """The subcommand argv names, if any: its first word that is not an option or the value
    of the top-level --store or --workspace (None when help is asked before it: the help
    lists every subcommand)."""
    words = iter(argv)
    for word in words:
        if word in ("--store", "--workspace"):
            next(words, None)
        elif word in ("-h", "--help"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: with `argv`, only the subcommand it names is added (each one costs
    a command's start a little; the whole set is made for help and for a wrong name)."""
    named = _command_named(argv) if argv is not None else None
    parser = argparse.ArgumentParser(
        prog="kazsec",
        description="Explore Kazakhstan's security apparatus through its cited sources.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="use this store file (default: $KAZSEC_STORE or a per-user cache, built on demand)",
    )
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="your documents' folder (default: $KAZSEC_WORKSPACE or a per-user folder)",
    )
    parser.set_defaults(handler=cmd_default)
    # prog given: argparse would otherwise make a help formatter just to work it out.
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", prog="kazsec")
    wanted = named if named in COMMANDS else None

    def add(name: str, handler: Handler, help_text: str) -> TakesArguments:
        if wanted is not None and name != wanted:
            return _NotMade()
        sub = commands.add_parser(
            name, help=help_text, description=help_text, formatter_class=_Formatter
        )
        add_place_options(sub)
        sub.set_defaults(handler=handler)
        return sub

    build = add("build", cmd_build, "compile the store from the bundled sources and curated files")
    build.add_argument(
        "--data",
        metavar="DIR",
        help="build from this folder laid out like data/ (sources/, sources.toml, kb/); "
        "default: the bundled data or $KAZSEC_DATA",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="replace the --store file even if it is not a kazsec store (regular files only)",
    )
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
        "--mode",
        choices=("exact", "scripts", "fuzzy"),
        default="scripts",
        help="exact: the letters as typed; scripts (default): any script, spelling, case form "
        "or keyboard layout; fuzzy: typos looked for further",
    )
    search.add_argument(
        "--explain",
        action="store_true",
        help="under each result, how the query reached it (Масимова → Масимов (Russian "
        "genitive) → Massimov)",
    )
    search.add_argument(
        "--json",
        action="store_true",
        help="print JSON: type, id, name, score, confident, matched, spans, how",
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
    mentions = add(
        "mentions",
        cmd_mentions,
        "list every mention of a person or body: source, passage, offsets, words, how linked",
    )
    mentions.add_argument("id", help="a person or body id, such as karim-massimov or nsc")
    mentions.add_argument("--json", action="store_true", help="print JSON")
    adder = add(
        "add",
        cmd_add,
        "add your own documents (HTML, PDF, DOCX, text; files, folders, globs) to your "
        "workspace, repaired and linked; exit 1 if any could not be added",
    )
    adder.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a glob")
    remover = add("remove", cmd_remove, "take one of your documents out of your workspace")
    remover.add_argument("id", help="the document's id, as `kazsec sources` lists it")
    remover.add_argument("--yes", action="store_true", help="do not ask first")
    candidates = add(
        "candidates",
        cmd_candidates,
        "new names in your documents: people and bodies the knowledge base does not know",
    )
    candidates.add_argument("--source", metavar="ID", help="only in this source")
    candidates.add_argument("--json", action="store_true", help="print JSON")
    if wanted is None or wanted in ("timeline", "career", "succession", "held"):
        from kazsec.cli.time_commands import add_time_commands

        add_time_commands(add)
    if wanted is None or wanted in ("note", "notes"):
        from kazsec.cli.note_commands import add_note_commands

        add_note_commands(add)
    if wanted is None or wanted in ("fact", "undo"):
        from kazsec.cli.fact_commands import add_fact_commands

        add_fact_commands(add)
    if wanted is None or wanted == "export":
        from kazsec.cli.export_commands import add_export_commands

        add_export_commands(add)
    source = add("source", cmd_source, "print one source document, repaired or raw")
    source.add_argument("id", help="source id, as listed by `kazsec sources`")
    source.add_argument(
        "--raw", action="store_true", help="print the raw text as collected, damage and all"
    )
    return parser


def _silence_stdout() -> None:
    # Python flushes stdout once more at exit; into a closed pipe that would print an error.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kazsec` command; returns the exit code."""
    prepare_streams()
    try:
        words = [argument_as_utf8(word) for word in sys.argv[1:]] if argv is None else argv
        args = build_parser(words).parse_args(words)
        return int(args.handler(args))
    except KazsecError as exc:
        say_error(f"kazsec: error: {error_text(str(exc))}")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kazsec stats | head -1`: the reader has all it wanted
        _silence_stdout()
        return 0
    except OSError as exc:  # a full disk, a folder we may not write: one line, never a traceback
        where = f" {exc.filename}" if exc.filename else ""
        say_error(f"kazsec: error: {error_text(f'{exc.strerror or exc}{where}')}")
        return EXIT_USAGE


def run() -> NoReturn:
    """The `kazsec` command: `main`, then out without tearing the interpreter down.

    A command that read a catalogue of 10,000 sources would spend ~10 ms freeing it at
    exit, object by object. Nothing is lost by leaving at once: the output is flushed
    here, every file kazsec writes is closed by then (atomic writes), and a build killed
    half-way is safe by design.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


__all__ = ["EXIT_USAGE", "main", "run"]
