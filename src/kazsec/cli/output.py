"""Everything the command line writes goes through here: inert text, safe JSON, sane pipes.

- Data and user input are made inert on the way out (render.text), in tables and in lines.
- `--json` keeps every character but escapes what a terminal would act on.
- A stream that cannot encode a character (PYTHONIOENCODING=ascii) never raises: JSON is
  written with escapes (every character kept), an export going to a file or a pipe as
  UTF-8 bytes (its format's encoding), other text with replacement characters; a pipe
  closed early (`kazsec stats | head -1`) ends the
  command quietly with exit 0.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from kazsec.render.text import inert, json_text

if TYPE_CHECKING:
    from rich.console import RenderableType


def prepare_streams() -> None:
    """Let stdout and stderr replace what their encoding cannot hold instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream that cannot change is left as it is.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def say(line: str) -> None:
    """One line on stdout, inert."""
    print(inert(line))


def say_error(line: str) -> None:
    """One line on stderr, inert (errors echo ids, paths and queries the user gave)."""
    print(inert(line), file=sys.stderr)


def _encodable(text: str) -> bool:
    """Whether stdout's encoding holds every character of `text`."""
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write_text(text: str) -> None:
    """A document's text on stdout, inert, ending with a newline."""
    sys.stdout.write(inert(text) if text.endswith("\n") else inert(text) + "\n")


def write_export(text: str) -> None:
    """An export (FtM, CSL-JSON, a dossier) on stdout, inert. Its format is UTF-8 whatever
    the stream was set to: to a file or a pipe that cannot hold a character it goes as UTF-8
    bytes, so no letter becomes '?' (a terminal gets a replacement, as for any text)."""
    shown = inert(text) if text.endswith("\n") else inert(text) + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None and not to_terminal() and not _encodable(shown):
        sys.stdout.flush()
        buffer.write(shown.encode("utf-8"))
        buffer.flush()
        return
    sys.stdout.write(shown)


def print_json(value: Any, indent: int | None = None) -> None:
    """JSON on stdout (see render.text.json_text); on a stream that cannot hold some of its
    characters, those are written as \\u escapes, which read back the same."""
    text = json_text(value, indent=indent)
    if not _encodable(text):
        import json

        text = json.dumps(value, ensure_ascii=True, indent=indent)
    print(text)


def to_terminal() -> bool:
    """Whether stdout is a terminal (a table for a reader) rather than a pipe or a file."""
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_width() -> int:
    """The columns `show` lays a renderable out in."""
    from rich.console import Console

    return Console().width


def show(renderable: RenderableType, crop: bool = True) -> None:
    """A rich renderable on stdout; a closed pipe raises BrokenPipeError for main to end quietly.

    `crop=False`: a line wider than the terminal is left for the terminal to wrap."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        # Rich's own handler exits 1 on a closed pipe, which breaks `set -o pipefail` scripts.
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    PipeAwareConsole().print(renderable, crop=crop)


def argument_as_utf8(word: str) -> str:
    """An argument as the UTF-8 it was typed in. Under a bare C locale (PYTHONUTF8=0) Python
    keeps each non-ASCII byte as a lone surrogate, so 'Сагимбаев' arrived as garbage."""
    try:
        return os.fsencode(word).decode("utf-8")
    except (UnicodeError, ValueError):
        return word  # not UTF-8 either: left as it is (shown as \ufffd, never obeyed)


ERROR_CHARS = 400  # an error line at most: it may repeat a 100,000-character argument


def error_text(message: str) -> str:
    """An error's message, its middle cut out when it is longer than a screenful: its start
    says what went wrong, its end what to do."""
    if len(message) <= ERROR_CHARS:
        return message
    keep = ERROR_CHARS // 2
    return f"{message[:keep]} … ({len(message) - 2 * keep} characters left out) … {message[-keep:]}"
