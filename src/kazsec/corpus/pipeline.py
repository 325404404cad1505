"""The repair pipeline: raw bytes in, repaired passages out, every step in a fixed order."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from kazsec.corpus import (
    boilerplate,
    marked_layout,
    pdf_layout,
    pdf_pages,
    repair_text,
    web_layout,
)
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
        repair_text.remove_terminal_controls,
        repair_text.collapse_spaces,
    ),
    "pdf": (
        repair_text.repair_pdf_ligatures,
        repair_text.repair_lost_spaces,
        repair_text.repair_utf8_mojibake,
        repair_text.repair_cp1251_mojibake,
        repair_text.normalise_nonbreaking_spaces,
        repair_text.repair_glued_words,
        repair_text.remove_terminal_controls,
        repair_text.collapse_spaces,
    ),
    # Text pdfminer read from a real PDF: its ligatures are the Unicode ligature letters
    # and its justified lines come with doubled spaces; the bundled extraction's own
    # stand-ins (U+3FFFF, 'À', U+FFFD) are not expected here.
    "pdf-file": (
        repair_text.repair_ligature_letters,
        repair_text.repair_line_end_hyphen_marks,
        repair_text.repair_utf8_mojibake,
        repair_text.repair_cp1251_mojibake,
        repair_text.normalise_nonbreaking_spaces,
        repair_text.repair_glued_words,
        repair_text.remove_terminal_controls,
        repair_text.collapse_spaces,
    ),
}

# Added files of these kinds are read by corpus/extract and laid out by their own rules;
# a .txt file (every bundled source) is read and laid out as it always was.
MARKED_EXTENSIONS = (".docx", ".md", ".markdown")


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


def pdf_file_blocks(lines: list[Line]) -> list[Block]:
    """Text read from a PDF file: running heads, page numbers and footnotes off the
    pages, then paragraphs unwrapped and note references marked, as for the bundled
    article (pdf_layout.py)."""
    vocabulary = pdf_layout.PdfVocabulary.from_lines(lines)
    pages = pdf_pages.remove_running_lines(pdf_pages.split_pages(lines))
    pages, notes = pdf_pages.separate_page_notes(pages, vocabulary)
    blocks = pdf_layout.unwrap_pdf_paragraphs(pdf_pages.body_lines(pages), vocabulary)
    pdf_layout.mark_footnote_references(blocks)
    return blocks + notes


def _raw_text(meta: SourceMeta, raw_bytes: bytes, extension: str) -> str:
    """The raw text of a source: a .txt file as the bundled sources have always been read
    (UTF-8, else corpus/extract's decoder), any other file through corpus/extract."""
    if extension == ".txt":
        try:
            return repair_text.decode_source_bytes(raw_bytes, meta.file)
        except SourceError:
            pass
    from kazsec.corpus.extract import document_text

    return document_text(raw_bytes, meta.file)


def _layout(meta: SourceMeta, raw_text: str, extension: str) -> list[Block]:
    if extension == ".pdf":
        return pdf_file_blocks(repair_lines(split_lines(raw_text), LINE_REPAIRS["pdf-file"]))
    if extension in MARKED_EXTENSIONS:
        lines = repair_lines(split_lines(raw_text), LINE_REPAIRS["web"])
        return marked_layout.marked_paragraphs(lines)
    # HTML (trafilatura writes one paragraph a line), text files and the bundled sources.
    steps = LINE_REPAIRS["web" if extension in (".html", ".htm", ".xhtml") else meta.format]
    lines = repair_lines(split_lines(raw_text), steps)
    return pdf_blocks(lines) if steps is LINE_REPAIRS["pdf"] else web_blocks(lines, meta)


def _set_languages(passages: list[Passage], repaired_text: str, declared: str) -> None:
    """Each passage's language: its own text's, else the document's (declared, or the
    whole text's). Only for added files: a bundled or generated source never pays."""
    from kazsec.corpus.language import language_of, script_signature

    document = declared or language_of(repaired_text)
    usual = script_signature(repaired_text)
    for passage in passages:
        # Where its letters say what the document's say, a passage is in the document's
        # language; only one that differs (an English quote in a Russian page) is asked.
        differs = not document or script_signature(passage.text) != usual
        passage.language = (language_of(passage.text) if differs else "") or document


def repair_source(meta: SourceMeta, raw_bytes: bytes, text: str | None = None) -> RepairedSource:
    """Run the whole pipeline for one source.

    `text`: the document's raw text when the caller has already read it with
    corpus.extract (as `kazsec add` does), so the file is not parsed twice.
    """
    extension = os.path.splitext(meta.file)[1].lower()
    raw_text = _raw_text(meta, raw_bytes, extension) if text is None else text
    blocks = _layout(meta, raw_text, extension)
    passages, repaired_text = number_passages(meta.id, blocks)
    declared = str(getattr(meta, "language", "") or "")
    if extension != ".txt" or declared:
        _set_languages(passages, repaired_text, declared)
    return RepairedSource(
        meta=meta, raw_text=raw_text, passages=passages, repaired_text=repaired_text
    )
