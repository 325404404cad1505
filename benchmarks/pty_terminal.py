"""Run a program in a pseudo-terminal and watch what it draws, as a terminal would show it.

`PtyProgram` starts a command as a fresh process whose stdin, stdout and stderr are the
slave side of a new pty (its controlling terminal, in a session of its own), with the
window size set before the child starts. Everything the child writes is read from the
master side, timestamped as it arrives, and fed to `Screen`, a small terminal emulator
that keeps the character grid (cursor moves, erases and text; colours are ignored). So a
benchmark can ask "when did the first character reach the screen?" or "when did the
bottom row first show this text?" and get the moment the bytes reached the terminal.

Every wait is bounded, and `close()` always ends the child (ctrl+q, then SIGTERM, then
SIGKILL to the process group it leads) and closes the pty.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Mapping, Sequence

from rich.cells import get_character_cell_size

ESC = "\x1b"


class Screen:
    """A character grid fed with a terminal's output stream (VT100/xterm subset)."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.grid = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0
        self.printed = 0  # printable characters drawn so far (spaces included)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # an escape sequence cut by a read boundary

    # -- the stream ---------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        self._pending = ""
        i, n = 0, len(text)
        while i < n:
            char = text[i]
            if char == ESC:
                end = self._escape_end(text, i)
                if end is None:  # incomplete: keep it for the next read
                    self._pending = text[i:]
                    return
                self._escape(text[i:end])
                i = end
                continue
            if char == "\r":
                self.column = 0
            elif char == "\n":
                self._line_feed()
            elif char == "\b":
                self.column = max(0, self.column - 1)
            elif char == "\t":
                self.column = min(self.columns - 1, (self.column // 8 + 1) * 8)
            elif char >= " " and char != "\x7f":
                self._print(char)
            i += 1

    @staticmethod
    def _escape_end(text: str, start: int) -> int | None:
        """Index just past the escape sequence starting at `start`, or None if it is cut off."""
        if start + 1 >= len(text):
            return None
        kind = text[start + 1]
        if kind == "[":  # CSI: parameters and intermediates, then a final byte 0x40-0x7e
            for j in range(start + 2, len(text)):
                if "\x40" <= text[j] <= "\x7e":
                    return j + 1
            return None
        if kind in "]P^_X":  # OSC, DCS, PM, APC, SOS: up to BEL or ST (ESC \)
            for j in range(start + 2, len(text)):
                if text[j] == "\x07":
                    return j + 1
                if text[j] == ESC:
                    if j + 1 >= len(text):
                        return None
                    if text[j + 1] == "\\":
                        return j + 2
            return None
        if kind in "()*+#%":  # charset designation and the like: one more character
            return start + 3 if start + 2 < len(text) else None
        return start + 2  # ESC 7, ESC 8, ESC =, ESC >, ESC M ...

    def _escape(self, sequence: str) -> None:
        if sequence[1] == "M":  # reverse index
            self.row = max(0, self.row - 1)
            return
        if sequence[1] != "[":
            return
        final, body = sequence[-1], sequence[2:-1]
        if body[:1] in "<=>?":  # private modes and queries: nothing drawn
            return
        try:
            numbers = [int(p) if p else 0 for p in body.split(";")] if body else []
        except ValueError:
            return

        def arg(index: int, default: int = 1) -> int:
            value = numbers[index] if index < len(numbers) else 0
            return value or default

        if final in "Hf":
            self.row = min(self.rows - 1, arg(0) - 1)
            self.column = min(self.columns - 1, arg(1) - 1)
        elif final == "A":
            self.row = max(0, self.row - arg(0))
        elif final == "B":
            self.row = min(self.rows - 1, self.row + arg(0))
        elif final == "C":
            self.column = min(self.columns - 1, self.column + arg(0))
        elif final == "D":
            self.column = max(0, self.column - arg(0))
        elif final == "G":
            self.column = min(self.columns - 1, arg(0) - 1)
        elif final == "d":
            self.row = min(self.rows - 1, arg(0) - 1)
        elif final == "J":
            mode = numbers[0] if numbers else 0
            if mode in (2, 3):
                self.grid = [[" "] * self.columns for _ in range(self.rows)]
            elif mode == 0:
                self.grid[self.row][self.column :] = [" "] * (self.columns - self.column)
                for r in range(self.row + 1, self.rows):
                    self.grid[r] = [" "] * self.columns
        elif final == "K":
            mode = numbers[0] if numbers else 0
            line = self.grid[self.row]
            if mode == 0:
                line[self.column :] = [" "] * (self.columns - self.column)
            elif mode == 1:
                line[: self.column + 1] = [" "] * (self.column + 1)
            else:
                self.grid[self.row] = [" "] * self.columns
        # 'm' (colours) and everything else: nothing to draw

    def _line_feed(self) -> None:
        if self.row < self.rows - 1:
            self.row += 1
        else:
            self.grid = [*self.grid[1:], [" "] * self.columns]

    def _print(self, char: str) -> None:
        width = get_character_cell_size(char)
        if width == 0:
            return
        # Line wrap is off in Textual apps (DECAWM reset): text past the edge overwrites the last cell.
        column = min(self.column, self.columns - width)
        line = self.grid[self.row]
        line[column] = char
        if width == 2:
            line[column + 1] = ""
        self.column = min(self.columns - 1, column + width)
        self.printed += 1

    # -- reading it ---------------------------------------------------------------

    def line(self, row: int) -> str:
        return "".join(self.grid[row])

    def lines(self) -> list[str]:
        return [self.line(r) for r in range(self.rows)]

    def text(self) -> str:
        return "\n".join(self.lines())


class PtyProgram:
    """One command running in its own pty, its output read and drawn as it arrives."""

    def __init__(
        self,
        argv: Sequence[str],
        columns: int = 120,
        rows: int = 40,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.argv = list(argv)
        self.columns, self.rows = columns, rows
        base = dict(os.environ if env is None else env)
        base.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)})
        for name in ("TEXTUAL", "TEXTUAL_DRIVER", "TEXTUAL_HEADLESS", "NO_COLOR"):
            base.pop(name, None)
        self.env = base
        self.cwd = cwd
        self.screen = Screen(columns, rows)
        self.process: subprocess.Popen[bytes] | None = None
        self.master: int | None = None
        self.started = 0.0  # perf_counter just before the spawn
        # Seconds from `started` to the first read that drew a character.
        self.first_draw: float | None = None
        self.output = bytearray()
        self.closed = False
        # Name -> seconds from `started` to the read after which its watched condition held.
        self.moments: dict[str, float] = {}
        self._watching: dict[str, Callable[[Screen], bool]] = {}

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> PtyProgram:
        master, slave = os.openpty()
        # The size is the slave's before the child exists: its first ioctl(TIOCGWINSZ) sees 120x40.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        os.set_blocking(master, False)
        self.master = master

        def controlling_terminal() -> None:  # runs in the child after setsid(): adopt the pty
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        try:
            self.started = time.perf_counter()
            self.process = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
                preexec_fn=controlling_terminal,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            self.master = None
            raise
        finally:
            os.close(slave)
        return self

    def __enter__(self) -> PtyProgram:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.close()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    # -- reading ------------------------------------------------------------------

    def pump(self, timeout: float) -> bool:
        """Read what has arrived, waiting at most `timeout` s for something; False once the pty is closed."""
        if self.master is None:
            return False
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        while True:
            try:
                data = os.read(self.master, 65536)
            except BlockingIOError:
                return True
            except OSError as exc:  # EIO: every slave fd is closed (the child has gone)
                if exc.errno == errno.EIO:
                    return False
                raise
            if not data:
                return False
            arrived = time.perf_counter() - self.started
            self.output += data
            printed = self.screen.printed
            self.screen.feed(data)
            if self.first_draw is None and self.screen.printed > printed:
                self.first_draw = arrived
            for name, condition in list(self._watching.items()):
                if condition(self.screen):
                    self.moments[name] = arrived
                    del self._watching[name]

    def watch(self, name: str, condition: Callable[[Screen], bool]) -> None:
        """From now on, note in `moments[name]` when `condition(screen)` first holds after a read."""
        if condition(self.screen):
            self.moments[name] = self.elapsed()
        else:
            self._watching[name] = condition

    def wait_for(self, name: str, timeout: float) -> float | None:
        """Read until the watched moment `name` has come; its time from the spawn, or None on timeout or exit."""
        deadline = time.perf_counter() + timeout
        while name not in self.moments:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self.pump(min(remaining, 0.05)):
                break
        return self.moments.get(name)

    def wait_for_first_draw(self, timeout: float) -> float | None:
        deadline = time.perf_counter() + timeout
        while self.first_draw is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self.pump(min(remaining, 0.05)):
                break
        return self.first_draw

    def send(self, data: bytes) -> None:
        """Type bytes at the terminal (bounded: never blocks for more than a second)."""
        assert self.master is not None
        deadline = time.perf_counter() + 1.0
        while data and time.perf_counter() < deadline:
            try:
                written = os.write(self.master, data)
            except BlockingIOError:
                self.pump(0.01)  # let the child drain its output so it can read its input
                continue
            data = data[written:]

    # -- ending -------------------------------------------------------------------

    def close(self, quit_keys: bytes = b"\x11", grace: float = 3.0) -> int | None:
        """End the child and close the pty: `quit_keys` (ctrl+q), then SIGTERM, then SIGKILL. Returns its exit code."""
        if self.closed:
            return self.process.returncode if self.process else None
        self.closed = True
        process = self.process
        try:
            if process is not None and process.poll() is None:
                if quit_keys and self.master is not None:
                    with contextlib.suppress(OSError):
                        self.send(quit_keys)
                    self._drain_until_exit(grace)
                for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
                    if process.poll() is not None:
                        break
                    self._signal_group(sig)
                    self._drain_until_exit(wait)
            if process is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5.0)
                # Anything the child left in its process group (it leads one of its own) goes too.
                self._signal_group(signal.SIGKILL)
        finally:
            if self.master is not None:
                os.close(self.master)
                self.master = None
        return process.returncode if process else None

    def _drain_until_exit(self, timeout: float) -> None:
        assert self.process is not None
        deadline = time.perf_counter() + timeout
        while self.process.poll() is None and time.perf_counter() < deadline:
            if not self.pump(0.02):  # pty closed: the child is leaving; wait for it without reading
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=max(0.0, deadline - time.perf_counter()))
                return

    def _signal_group(self, sig: int) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sig)
