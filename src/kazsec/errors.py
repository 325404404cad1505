"""Errors that reach the user as one clear line and an exit code, never a traceback."""

from __future__ import annotations

import re

# Exit codes shared by every command: 1 means "ran, found problems" (kazsec check),
# 2 means "could not run as asked" (bad input, missing or damaged store, unknown id).
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class KazsecError(Exception):
    """A failure the user can act on; its message names the file and the fix."""

    exit_code: int = EXIT_USAGE


class StoreError(KazsecError):
    """The store is missing, unreadable, damaged or of another schema version."""


class SourceError(KazsecError):
    """A raw source file or its metadata is missing, altered or unreadable."""


class LookupFailed(KazsecError):
    """An id given by the user names nothing in the store."""


_AT = re.compile(r" - at `\$\.?([^`]*)`")


def describe_type_error(message: str) -> str:
    """A validation message (msgspec's) as 'field: what is wrong', in plain words."""
    found = _AT.search(message)
    where = found.group(1) if found else ""
    if "matching regex" in message:
        what = "has a control character (an escape, a bell, a bidi override); remove it"
    else:
        what = _AT.sub("", message).replace("`", "")
    return f"{where}: {what}" if where else what
