"""The repair pipeline: raw bytes in, repaired passages out, every step in a fixed order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kazsec.corpus import boilerplate, pdf_layout, repair_text, web_layout
from kazsec.corpus.lines import Block, Line, split_lines
from kazsec.corpus.passages import Passage, number_passages
from kazsec.corpus.sources import SourceMeta
from kazsec.errors import SourceError

LineRepair = Callable[[str], str]

# Character-level repairs per format, in the order they run. PDF glyph repairs go
# first so that ftfy never sees the extraction's stand-in characters; no-break spaces
# become plain only after ftfy, which reads some of them as halves of mojibake.
LINE_REPAIRS: dict[str, tuple[LineRepair, ...]] = {
    "web": (
        repair_text.repair_utf8_mojibake,
        repair_text.repair_cp1251_mojibake,
        repair_text.normalise_nonbreaking_spaces,
        repair_text.repair_glued_words,
        repair_text.collapse_spaces,
    ),
    "pdf": (
        repair_text.repair_pdf_ligatures,
        repair_text.repair_lost_spaces,
        repair_text.repair_utf8_mojibake,
        repair_text.repair_cp1251_mojibake,
        repair_text.normalise_nonbreaking_spaces,
        repair_text.repair_glued_words,
        repair_text.collapse_spaces,
    ),
}


@dataclass
class RepairedSource:
    """A source after repair: its raw text, its passages and the repaired text they tile."""

    meta: SourceMeta
    raw_text: str
    passages: list[Passage]
    repaired_text: str


def repair_lines(lines: list[Line], steps: tuple[LineRepair, ...]) -> list[Line]:
    """Apply the character-level steps to every line, keeping each line's raw offsets."""
    repaired = []
    for line in lines:
        text = line.text
        for step in steps:
            text = step(text)
        repaired.append(Line(text, line.raw_start, line.raw_end))
    return repaired


def web_blocks(lines: list[Line], meta: SourceMeta) -> list[Block]:
    """Web pages: drop chrome and a second copy, then one paragraph per line.

    In an interview, the interviewer's questions are paragraphs of their own kind.
    """
    patterns = boilerplate.compile_boilerplate(meta.boilerplate)
    try:
        lines = boilerplate.remove_web_boilerplate(lines, patterns)
    except boilerplate.PatternTooSlow as slow:
        raise SourceError(
            f"source {meta.id}: boilerplate pattern {slow.pattern!r} takes too long on a line "
            "of the text; make it simpler (see data/sources.toml)"
        ) from None
    lines = boilerplate.drop_duplicate_copy(lines)
    return web_layout.web_paragraphs(lines, interview=meta.kind == "interview")


def pdf_blocks(lines: list[Line]) -> list[Block]:
    """PDF extractions: footnotes out, paragraphs unwrapped, drop cap and note refs restored."""
    vocabulary = pdf_layout.PdfVocabulary.from_lines(lines)
    body_lines, notes = pdf_layout.separate_footnotes(lines, vocabulary)
    blocks = pdf_layout.unwrap_pdf_paragraphs(body_lines, vocabulary)
    pdf_layout.restore_lost_drop_cap(blocks, vocabulary)
    pdf_layout.mark_footnote_references(blocks)
    return blocks + notes


def repair_source(meta: SourceMeta, raw_bytes: bytes, text: str | None = None) -> RepairedSource:
    """Run the whole pipeline for one source. `text`: the document's text when the caller
    has read it from the bytes already (`kazsec add` does, for its metadata)."""
    raw_text = repair_text.decode_source_bytes(raw_bytes, meta.file) if text is None else text
    lines = repair_lines(split_lines(raw_text), LINE_REPAIRS[meta.format])
    blocks = pdf_blocks(lines) if meta.format == "pdf" else web_blocks(lines, meta)
    passages, repaired_text = number_passages(meta.id, blocks)
    return RepairedSource(
        meta=meta, raw_text=raw_text, passages=passages, repaired_text=repaired_text
    )
