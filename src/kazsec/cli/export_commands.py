"""`kazsec export KIND`: the store written out in another format (ftm: FollowTheMoney).

Each kind is a subcommand of `export`, added in `add_export_commands` below; a new kind
adds its parser there (one `_add_...` function) and a handler beside `cmd_export_ftm`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kazsec.cli.commands import open_library
from kazsec.errors import KazsecError

if TYPE_CHECKING:
    from collections.abc import Callable

    from kazsec.cli import Handler, TakesArguments


class ExportError(KazsecError):
    """An export cannot be written where it was asked to go."""


def write_export(text: str, output: str | None) -> None:
    """The export on stdout, or written atomically to a file (never half a file)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from kazsec.store.atomic import atomic_write_text

    target = Path(output)
    if target.is_dir():
        raise ExportError(f"-o {output}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise ExportError(f"-o {output}: no folder {target.parent}")
    atomic_write_text(target, text)


def cmd_export_ftm(args: argparse.Namespace) -> int:
    """Everything in the store (or one side, or one entity and its neighbours) as FtM lines."""
    from kazsec.export.ftm_select import ftm_lines

    library = open_library(args)
    write_export(ftm_lines(library, args.only, args.entity), args.output)
    return 0


def _need_kind(args: argparse.Namespace) -> int:
    raise ExportError(
        "give what to export: kazsec export ftm, csl or dossier ID (see kazsec export --help)"
    )


def _common_options(parser: argparse.ArgumentParser) -> None:
    """What every kind takes: the store and workspace (also after the kind), and -o."""
    parser.add_argument(
        "--store", metavar="PATH", default=argparse.SUPPRESS, help="use this store file"
    )
    parser.add_argument(
        "--workspace", metavar="DIR", default=argparse.SUPPRESS, help="your documents' folder"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to this file (atomically); default stdout"
    )


def _add_ftm(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    help_text = "FollowTheMoney entities, one JSON object a line (for Aleph and friends)"
    ftm = kinds.add_parser("ftm", help=help_text, description=help_text)
    _common_options(ftm)
    ftm.add_argument(
        "--only",
        choices=("bundled", "yours"),
        help="only the bundled documents and facts, or only your documents, notes and facts",
    )
    ftm.add_argument(
        "--entity",
        metavar="ID",
        help="only this person, body, event, source or note and what it connects to",
    )
    ftm.set_defaults(handler=cmd_export_ftm)


def add_export_commands(add: Callable[[str, Handler, str], TakesArguments]) -> None:
    """Register `export` and its kinds with the parser's `add` (see kazsec.cli.build_parser)."""
    export = add("export", _need_kind, "write the store out: ftm, csl, or an entry's dossier")
    if not isinstance(export, argparse.ArgumentParser):
        return  # another command was named: nothing of export's is made
    kinds = export.add_subparsers(title="formats", metavar="KIND", prog="kazsec export")
    _add_ftm(kinds)
    from kazsec.cli.export_more import add_csl_and_dossier  # csl, dossier

    add_csl_and_dossier(kinds)
