"""Reading the files a user keeps (notes, facts, the catalogue, documents) without ever
blocking on something that is not a file: a named pipe or a device put where notes.toml
or a document should be hung every command that read it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def read_file_bytes(path: Path) -> bytes:
    """The bytes of the regular file at `path`. A folder raises IsADirectoryError, a pipe,
    a device or a socket OSError (EINVAL), at once; a missing file FileNotFoundError."""
    # Opened without blocking: opening a pipe for reading would otherwise wait for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a file (a pipe, a device or a socket)", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # closed with the handle
            return handle.read()
    finally:
        if fd >= 0:
            os.close(fd)


def read_file_text(path: Path) -> str:
    """The UTF-8 text of the regular file at `path`, line ends made '\\n' as `open` does."""
    text = read_file_bytes(path).decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


__all__ = ["read_file_bytes", "read_file_text"]
