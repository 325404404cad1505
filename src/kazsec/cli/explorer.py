"""The commands that open the explorer: `kazsec` in a terminal, and `kazsec open ID`."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from kazsec.cli.commands import cmd_stats, load_store
from kazsec.cli.output import say, say_error
from kazsec.errors import KazsecError

if TYPE_CHECKING:
    from kazsec.library import Library


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

    from kazsec.cli.researcher import Researcher

    researcher = Researcher(args, load)
    app = KazsecApp(load, open_id=open_id, adder=researcher.add, researcher=researcher)
    app.run()
    if app.error:
        say_error(app.error)
    return app.return_code or 0


def why_no_explorer() -> str | None:
    """Why the explorer cannot draw here, or None when it can.

    It reads keys from stdin and draws on stdout and stderr (Textual writes its frames to
    stderr): all three must be a terminal, and the terminal must be able to move the cursor.
    """
    if not sys.stdin.isatty():
        return "standard input is not a terminal"
    if not sys.stdout.isatty():
        return "standard output is not a terminal"
    if not sys.stderr.isatty():
        return "standard error is not a terminal (the explorer draws there)"
    term = os.environ.get("TERM", "")
    if term in ("dumb", "unknown"):
        return f"this terminal (TERM={term}) cannot draw the explorer"
    return None


def cmd_open(args: argparse.Namespace) -> int:
    """Start the explorer on one person, body, event, source or passage."""
    reason = why_no_explorer()
    if reason is not None:
        raise KazsecError(f"kazsec open needs a terminal: {reason}; use `kazsec show ID` instead")
    return run_app(args, args.id)


def cmd_default(args: argparse.Namespace) -> int:
    """No subcommand: the explorer in a terminal, a summary of the store otherwise."""
    reason = why_no_explorer()
    if reason is None:
        return run_app(args)
    if sys.stdout.isatty():  # a person reads this: say why there is no explorer
        say(f"kazsec: {reason}; here is a summary of the store instead (see `kazsec --help`)")
    args.json = False
    return cmd_stats(args)
