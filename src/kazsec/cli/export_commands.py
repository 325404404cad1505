"""`kazsec export KIND`: the store written out in another format (ftm: FollowTheMoney).

Each kind is a subcommand of `export`, added in `add_export_commands` below; a new kind
adds its parser there (one `_add_...` function) and a handler beside `cmd_export_ftm`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kazsec.cli.commands import open_library
from kazsec.cli.export_more import ExportError, common_options, write_out

if TYPE_CHECKING:
    from collections.abc import Callable

    from kazsec.cli import Handler, TakesArguments


def cmd_export_ftm(args: argparse.Namespace) -> int:
    """Everything in the store (or one side, or one entity and its neighbours) as FtM lines."""
    from kazsec.export.ftm_select import ftm_lines

    library = open_library(args, strict_notes=True)
    write_out(ftm_lines(library, args.only, args.entity), args, "FtM export")
    return 0


def _need_kind(args: argparse.Namespace) -> int:
    raise ExportError(
        "give what to export: kazsec export ftm, csl or dossier ID (see kazsec export --help)"
    )


def _add_ftm(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser], formatter_class: Any
) -> None:
    help_text = "FollowTheMoney entities, one JSON object a line (for Aleph and friends)"
    ftm = kinds.add_parser(
        "ftm", help=help_text, description=help_text, formatter_class=formatter_class
    )
    common_options(
        ftm, "only the bundled documents and facts, or only your documents, notes and facts"
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
    _add_ftm(kinds, export.formatter_class)
    from kazsec.cli.export_more import add_csl_and_dossier  # csl, dossier

    add_csl_and_dossier(kinds, formatter_class=export.formatter_class)
