"""Lines and blocks: the units the repair steps pass along, each tied to its raw text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    """One line of a source: its current (repaired) text and where it stood in the raw text."""

    text: str
    raw_start: int
    raw_end: int


@dataclass
class Block:
    """A paragraph-sized piece of repaired text with the raw spans it was made from."""

    text: str
    kind: str = "body"
    raw_spans: list[tuple[int, int]] = field(default_factory=list)
    number: int | None = None  # the note number, for notes

    def extend_raw(self, line: Line) -> None:
        """Record that `line` went into this block (merging touching spans)."""
        if self.raw_spans and self.raw_spans[-1][1] + 1 >= line.raw_start:
            self.raw_spans[-1] = (self.raw_spans[-1][0], line.raw_end)
        else:
            self.raw_spans.append((line.raw_start, line.raw_end))


def split_lines(raw: str) -> list[Line]:
    """Split raw text into lines that remember their offsets (the newline is not part of a line)."""
    lines: list[Line] = []
    position = 0
    for chunk in raw.split("\n"):
        lines.append(Line(chunk, position, position + len(chunk)))
        position += len(chunk) + 1
    return lines
