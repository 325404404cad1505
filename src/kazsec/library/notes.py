"""The read model of the user's notes: each one anchored in its source's text as it is now.

Pure domain code (no Textual). notes.toml is read when first asked for and each note's
quote is found again in the current repaired text of its source (kb.reanchor): where it
was, moved, nearly word for word, or nowhere (an orphan, kept and listed). A notes file
that does not parse is no reason to stop: the notebook is then empty and read-only, and
`problem` says which line of which file is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kazsec.kb.anchor import SourceText
from kazsec.kb.reanchor import reanchor
from kazsec.names import fold_key
from kazsec.workspace.notebook import Note, NotesError, note_entry, notes_path, read_notes

if TYPE_CHECKING:
    from kazsec.store.corpus import Corpus

Texts = Callable[[str], SourceText | None]  # a source's repaired text and passages, or None
NO_SOURCE = "no source"


class AnchoredNote(NamedTuple):
    """A note and where its quote stands now: status "exact", "moved", "fuzzy", "orphan"
    or "no source" (its source is not in the store); start, end and passage are None when
    it stands nowhere, `found` the words at start:end."""

    note: Note
    status: str
    start: int | None
    end: int | None
    passage: str | None
    found: str

    @property
    def id(self) -> str:
        """The note's id."""
        return self.note.id

    def to_json(self) -> dict[str, Any]:
        """Every field of the note, and where its quote stands now."""
        written = note_entry(self.note)
        return {
            **written,
            "start": written.get("start"),  # null where the file gives none
            "end": written.get("end"),
            "status": self.status,
            "current_start": self.start,
            "current_end": self.end,
            "passage": self.passage,
            "found": self.found,
        }


def corpus_texts(corpus: Corpus) -> Texts:
    """What a notebook anchors in: each source's repaired text and passages, from a corpus."""

    def texts(source_id: str) -> SourceText | None:
        found = corpus.texts(source_id)
        if found is None:
            return None
        return SourceText.of(found[1], corpus.passages_of(source_id))

    return texts


def anchored(note: Note, source: SourceText | None) -> AnchoredNote:
    """One note anchored in its source's current text (None: not in the store)."""
    if source is None:
        return AnchoredNote(note, NO_SOURCE, None, None, None, "")
    where = reanchor(note.quote, note.prefix, note.suffix, note.start, source.text)
    passage = None
    if where.start is not None and source.passage_ids:
        passage = source.passage_at(where.start)
    return AnchoredNote(note, where.status, where.start, where.end, passage, where.found)


class Notebook:
    """The notes of a workspace (none without one), anchored once, when first asked for."""

    def __init__(self, workspace: Path | None, texts: Texts, strict: bool = False) -> None:
        self.workspace = workspace
        self.path = notes_path(workspace) if workspace is not None else None
        self._texts = texts
        # Strict (a command): a notes file that cannot be read fails what asks for the notes,
        # rather than an export or a dossier going out without them and saying nothing.
        self.strict = strict

    @cached_property
    def _read(self) -> tuple[list[Note], str | None]:
        if self.workspace is None:
            return [], None
        try:
            return read_notes(self.workspace), None
        except NotesError as exc:
            return [], str(exc)

    @property
    def problem(self) -> str | None:
        """Why notes.toml cannot be read ("<file>:<line>: …"), None when it can."""
        return self._read[1]

    @property
    def writable(self) -> bool:
        """Whether notes may be added and removed: a workspace, and a notes file that parses."""
        return self.workspace is not None and self.problem is None

    @cached_property
    def notes(self) -> list[AnchoredNote]:
        """Every note in file order, anchored in its source's current text (strict: a
        notes file that cannot be read raises NotesError)."""
        if self.strict and self.problem:
            raise NotesError(self.problem)
        sources: dict[str, SourceText | None] = {}
        found = []
        for note in self._read[0]:
            if note.source not in sources:  # each source's text is read once
                sources[note.source] = self._texts(note.source)
            found.append(anchored(note, sources[note.source]))
        return found

    @cached_property
    def _folded(self) -> dict[str, str]:
        return {
            n.id: fold_key(" ".join((n.note.text, *n.note.tags, n.note.quote))) for n in self.notes
        }

    def refresh(self) -> None:
        """Read notes.toml again (after a note was added or removed)."""
        for name in ("_read", "notes", "_folded"):
            self.__dict__.pop(name, None)

    def get(self, note_id: str) -> AnchoredNote | None:
        """One note by id, None if there is none."""
        return next((n for n in self.notes if n.id == note_id), None)

    def of_source(self, source_id: str) -> list[AnchoredNote]:
        """The notes on one source, in reading order (those standing nowhere last)."""
        on = [n for n in self.notes if n.note.source == source_id]
        return sorted(on, key=lambda n: (n.start is None, n.start or 0))

    def about(self, entity_id: str, mentions: Iterable[Mapping[str, Any]]) -> list[AnchoredNote]:
        """The notes whose quote, where it stands now, overlaps one of these mentions of an
        entity (as `Library.mentions_of` gives them), and for a source, the notes on it."""
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for mention in mentions:
            spans[mention["source"]].append((mention["start"], mention["end"]))
        return [
            n
            for n in self.notes
            if n.note.source == entity_id
            or (
                n.start is not None
                and n.end is not None
                and any(s < n.end and n.start < e for s, e in spans[n.note.source])
            )
        ]

    def matching(self, query: str) -> list[AnchoredNote]:
        """The notes whose text, tags or quote hold the query, in any spelling or script
        (as the search box matches names: 'Масимов' finds a note saying 'Massimov')."""
        key = fold_key(query)
        if not key:
            return []
        return [n for n in self.notes if key in self._folded[n.id]]

    def tagged(self, tag: str) -> list[AnchoredNote]:
        """The notes with a tag (its case aside)."""
        wanted = tag.strip().casefold()
        return [n for n in self.notes if any(t.casefold() == wanted for t in n.note.tags)]

    def tags(self) -> list[str]:
        """Every tag once, as first written, in alphabetical order."""
        seen: dict[str, str] = {}
        for n in self.notes:
            for tag in n.note.tags:
                seen.setdefault(tag.casefold(), tag)
        return [seen[key] for key in sorted(seen)]

    def orphans(self) -> list[AnchoredNote]:
        """The notes whose quote is no longer in their source's text (kept, never dropped)."""
        return [n for n in self.notes if n.status == "orphan"]
