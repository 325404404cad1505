"""Passages: the repaired text cut into numbered, typed paragraphs with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazsec.corpus.lines import Block

# "question": an interviewer's question, set apart from the answers (web_layout.py).
PASSAGE_KINDS = ("heading", "body", "quote", "question", "list_item", "note", "meta")
PASSAGE_SEPARATOR = "\n\n"
_NOTE_REF = re.compile(r"\[(\d{1,3})\]")


@dataclass
class Passage:
    """One paragraph of a repaired source, addressable as `source/pNNN`."""

    id: str
    source: str
    seq: int
    kind: str
    text: str
    start: int  # offsets into the source's repaired text
    end: int
    raw_spans: list[tuple[int, int]]  # offsets into the source's raw (decoded) text
    section: str = ""  # the nearest heading above, for orientation
    number: int | None = None  # a note's own number
    note_refs: list[int] = field(default_factory=list)  # notes this passage points to
    language: str = ""  # ISO 639-1, for passages of added documents only ("" = not known)

    def to_record(self) -> dict[str, object]:
        """The passage as a JSON-ready store record (spelled out: `asdict` deep-copies, and a
        build makes a million of these)."""
        return {
            "id": self.id,
            "source": self.source,
            "seq": self.seq,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "raw_spans": [list(span) for span in self.raw_spans],
            "section": self.section,
            "number": self.number,
            "note_refs": list(self.note_refs),
            **({"language": self.language} if self.language else {}),
        }


def passage_id(source_id: str, seq: int) -> str:
    """Stable, typeable passage ids: `ciss-2022-nsc/p042`."""
    return f"{source_id}/p{seq:03d}"


def number_passages(source_id: str, blocks: list[Block]) -> tuple[list[Passage], str]:
    """Give blocks ids and offsets; return the passages and the repaired text they tile."""
    passages: list[Passage] = []
    section = ""
    position = 0
    for seq, block in enumerate(blocks, start=1):
        if block.kind == "heading":
            section = block.text
        elif block.kind == "note" and section != "Notes":
            section = "Notes"
        start = position + (len(PASSAGE_SEPARATOR) if passages else 0)
        end = start + len(block.text)
        refs = [int(n) for n in _NOTE_REF.findall(block.text)] if block.kind != "note" else []
        passages.append(
            Passage(
                id=passage_id(source_id, seq),
                source=source_id,
                seq=seq,
                kind=block.kind,
                text=block.text,
                start=start,
                end=end,
                raw_spans=list(block.raw_spans),
                section=section,
                number=block.number,
                note_refs=refs,
            )
        )
        position = end
    repaired = PASSAGE_SEPARATOR.join(p.text for p in passages)
    return passages, repaired
