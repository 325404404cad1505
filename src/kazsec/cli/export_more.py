"""`kazsec export csl` and `kazsec export dossier`: the sources for a reference manager, and
an entry's dossier with its footnotes, on stdout or into a file (-o, written atomically)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.cli.commands import add_place_options, open_library
from kazsec.cli.output import say_error, write_export
from kazsec.errors import KazsecError

if TYPE_CHECKING:
    from kazsec.export.csl import Only

ONLY_CHOICES = ("bundled", "yours")


class ExportError(KazsecError):
    """An export cannot be written where it was asked to go."""


def write_out(text: str, args: argparse.Namespace, what: str) -> Path | None:
    """`text` on stdout (made inert) or into the file `args.output` (whole or not at all),
    never over a file kazsec keeps; the file written, if any."""
    output: str | None = args.output
    if not text:  # an empty export is no lines at all (a blank one is no JSON), and said
        say_error(f"kazsec: the {what} is empty: nothing of what was asked is in the store")
    if output is None or output == "-":
        if text:
            write_export(text)
        return None
    from kazsec.store.atomic import atomic_write_text, write_target

    path = Path(output).expanduser()
    if path.is_dir():
        raise ExportError(f"-o {output}: that is a folder; name a file to write the {what} to")
    target = write_target(path)  # a link is written through: its target's folder must be
    if not target.parent.is_dir():
        raise ExportError(f"-o {output}: no folder {target.parent}; make it first")
    kept = _kept_by_kazsec(target, args)
    if kept:
        raise ExportError(f"-o {output}: that is {kept}; write the {what} elsewhere")
    atomic_write_text(path, text, what=f"the {what}")
    say_error(f"wrote the {what} to {path}")  # on stderr: stdout stays the export's
    return path


def _kept_by_kazsec(target: Path, args: argparse.Namespace) -> str:
    """What of kazsec's own the file `target` is (the store, a file of the workspace or of
    the bundled data), or '' if none: an export must never replace it."""
    from kazsec.cli.commands import store_path_for, workspace_for
    from kazsec.paths import data_dir

    resolved = target.resolve()
    store = store_path_for(args).resolve()
    if resolved.parent == store.parent and (
        resolved.name == store.name or resolved.name.startswith(f"{store.name}.")
    ):
        return f"part of the store {store}"
    for folder, name in ((workspace_for(args), "your workspace"), (data_dir(), "the data")):
        if resolved.is_relative_to(folder.resolve()):
            return f"inside {name} ({folder}), which kazsec keeps"
    return ""


def _only(args: argparse.Namespace) -> Only:
    value = getattr(args, "only", None)
    return value if value in ONLY_CHOICES else None


def cmd_export_csl(args: argparse.Namespace) -> int:
    """The sources as CSL-JSON (Zotero, pandoc and citeproc read it)."""
    from kazsec.export.csl import csl_json

    library = open_library(args, strict_notes=True)
    write_out(csl_json(library.sources.values(), _only(args)), args, "CSL-JSON")
    return 0


def cmd_export_dossier(args: argparse.Namespace) -> int:
    """A person's, body's or event's dossier, in Markdown or HTML, every fact footnoted."""
    from kazsec.export.dossier import dossier_doc, markdown

    library = open_library(args, strict_notes=True)
    doc = dossier_doc(library, args.id, _only(args))
    if args.format == "html":
        from kazsec.export.dossier_html import html_page

        text = html_page(doc)
    else:
        text = markdown(doc)
    write_out(text, args, "dossier")
    return 0


def common_options(
    sub: Any, only_help: str = "only the bundled sources or only yours (the documents you added)"
) -> None:
    """What every export takes: --store and --workspace (after the kind too, as every
    command), -o FILE and --only."""
    add_place_options(sub)
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="write to this file (default: standard output)"
    )
    sub.add_argument("--only", choices=ONLY_CHOICES, help=only_help)


def add_csl_and_dossier(subparsers: Any, **parser_options: Any) -> None:
    """Register `csl` and `dossier` on an argparse subparsers object (that of `export`);
    `parser_options` are passed to each add_parser (a formatter_class, say)."""
    csl_help = "the sources as CSL-JSON, for Zotero, pandoc or any CSL reader"
    csl = subparsers.add_parser("csl", help=csl_help, description=csl_help, **parser_options)
    common_options(csl)
    csl.set_defaults(handler=cmd_export_csl)
    dossier_help = (
        "a person's, body's or event's dossier: every fact with a numbered footnote giving "
        "the exact quote, source, passage, date and URL; disagreements; your notes"
    )
    dossier = subparsers.add_parser(
        "dossier", help=dossier_help, description=dossier_help, **parser_options
    )
    dossier.add_argument("id", help="a person, body or event id, such as karim-massimov or nsc")
    dossier.add_argument(
        "--format", choices=("md", "html"), default="md", help="Markdown (default) or HTML"
    )
    common_options(dossier)
    dossier.set_defaults(handler=cmd_export_dossier)


__all__ = [
    "ONLY_CHOICES",
    "ExportError",
    "add_csl_and_dossier",
    "cmd_export_csl",
    "cmd_export_dossier",
    "common_options",
    "write_out",
]
