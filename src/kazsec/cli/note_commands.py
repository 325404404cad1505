"""`kazsec note add`, `kazsec note rm` and `kazsec notes`: the user's notes, each anchored
to a quote of a source, kept in the workspace's notes.toml."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from kazsec.cli.commands import add_place_options, load_store, workspace_for
from kazsec.cli.output import print_json, say, show

if TYPE_CHECKING:
    from collections.abc import Callable

    from kazsec.cli import Handler, TakesArguments

# Marks a person types one way and a document prints another: "straight" or “curly” quotes,
# a hyphen for a dash, one space for a line break.
_ALIKE = {
    **dict.fromkeys('"“”„«»', '["“”„«»]'),
    **dict.fromkeys("'‘’‚", "['‘’‚]"),
    **dict.fromkeys("-‐‑–—", "[-‐‑–—]"),
}


def as_written(text: str, quote: str) -> str:
    """The quote in the text's own characters: as typed when the text holds it so, else the
    one passage that differs from it only in quote marks, dashes and spaces."""
    if not quote.strip() or quote in text:
        return quote
    pattern = "".join(
        r"\s+" if part.isspace() else "".join(_ALIKE.get(c, re.escape(c)) for c in part)
        for part in re.split(r"(\s+)", quote.strip())
    )
    found = [m.group(0) for m in re.finditer(pattern, text)]
    return found[0] if len(set(found)) == 1 else quote


def cmd_note_add(args: argparse.Namespace) -> int:
    """Anchor a note to a quote found once in a source's text; print the new note's id."""
    from kazsec.kb.anchor import SourceText, anchor
    from kazsec.workspace.notebook import add_note

    store = load_store(args)
    text = store.source(args.source)["repaired_text"]  # an unknown id: one line
    sources = {args.source: SourceText.of(text, store.corpus.passages_of(args.source))}
    quote = as_written(text, args.quote)
    found = anchor({"source": args.source, "quote": quote}, sources, "--quote")
    note = add_note(
        workspace_for(args),
        args.source,
        found["exact"],
        found["prefix"],
        found["suffix"],
        found["start"],
        found["end"],
        args.text,
        _tags(args.tag),
    )
    say(note.id)
    return 0


def cmd_note_rm(args: argparse.Namespace) -> int:
    """Take one note out of notes.toml."""
    from kazsec.workspace.notebook import remove_note

    note = remove_note(workspace_for(args), args.id)
    say(f"removed {note.id}")
    return 0


def _tags(given: list[str] | None) -> list[str]:
    """The tags given with --tag; an empty one is refused rather than dropped unsaid."""
    for tag in given or []:
        if not tag.strip():
            from kazsec.workspace.notebook import NotesError

            raise NotesError("--tag: an empty tag; give a word, or leave --tag out")
    return list(given or [])


def cmd_notes(args: argparse.Namespace) -> int:
    """The notes (of a tag, of a source), each with where its quote stands now."""
    from kazsec.library.notes import Notebook, corpus_texts
    from kazsec.workspace.notebook import NotesError, read_notes

    workspace = workspace_for(args)
    read_notes(workspace)  # a mistake in the file: one line naming it, before any store is read
    store = load_store(args)
    notebook = Notebook(workspace, corpus_texts(store.corpus))
    if notebook.problem:  # changed in between
        raise NotesError(notebook.problem)
    if args.tag is not None:
        _tags([args.tag])
    shown = notebook.tagged(args.tag) if args.tag else notebook.notes
    if args.source is not None:
        known = {n.note.source for n in notebook.notes}
        if args.source not in known and store.get("sources", args.source) is None:
            raise NotesError(f"--source {args.source[:60]!r}: no such source, nor a note on one")
        shown = [n for n in shown if n.note.source == args.source]
    if args.json:
        print_json([n.to_json() for n in shown], indent=1)
    elif not notebook.notes:
        say("no notes yet: `kazsec note add SOURCE_ID --quote WORDS --text NOTE` adds one")
    else:
        from kazsec.render.notes import notes_table

        asked = " ".join(f for f in (args.tag and f"tagged {args.tag}", args.source) if f)
        title = f"{len(shown)} of {len(notebook.notes)} notes" if asked else "Notes"
        show(notes_table(shown, f"{title} {asked}".strip() + f" ({notebook.path})"))
    return 0


def add_note_commands(add: Callable[[str, Handler, str], TakesArguments]) -> None:
    """Register `note add`, `note rm` and `notes` with the parser's `add`."""
    listing = add("notes", cmd_notes, "list your notes, each with where its quote stands now")
    listing.add_argument("--tag", metavar="TAG", help="only notes with this tag")
    listing.add_argument("--source", metavar="ID", help="only notes on this source")
    listing.add_argument("--json", action="store_true", help="print JSON")
    note = add("note", _no_action, "add or remove a note anchored to a quote of a source")
    if not isinstance(note, argparse.ArgumentParser):
        return  # another command was named: nothing more to make
    actions = note.add_subparsers(title="actions", metavar="ACTION", prog="kazsec note")
    made = note.formatter_class  # the house's (argparse's own would load shutil)
    adder = _action(
        actions, made, "add", cmd_note_add, "add a note to a quote found once in a source"
    )
    adder.add_argument("source", metavar="SOURCE_ID", help="the source, as `kazsec sources` lists")
    adder.add_argument(
        "--quote",
        required=True,
        help="words of the source, as in `kazsec source ID`; long enough to occur once",
    )
    adder.add_argument("--text", default="", help="your note")
    adder.add_argument(
        "--tag", action="append", metavar="TAG", help="a tag (repeatable): --tag knb --tag 2022"
    )
    remover = _action(actions, made, "rm", cmd_note_rm, "take a note out of notes.toml")
    remover.add_argument("id", metavar="NOTE_ID", help="the note's id, as `kazsec notes` lists")


def _action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    formatter: Any,  # argparse's own type for it is private
    name: str,
    handler: Handler,
    help_text: str,
) -> argparse.ArgumentParser:
    parser = actions.add_parser(
        name, help=help_text, description=help_text, formatter_class=formatter
    )
    add_place_options(parser)
    parser.set_defaults(handler=handler)
    return parser


def _no_action(args: argparse.Namespace) -> int:
    from kazsec.errors import KazsecError

    raise KazsecError(
        "say what to do: `kazsec note add SOURCE_ID --quote …` or `kazsec note rm NOTE_ID`"
    )
