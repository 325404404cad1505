"""The repaired texts of every source a fact may cite, for checking facts before they are written.

A fact is checked the way the build will check it: each quote is anchored in its source's
repaired text. A store that holds the source's very bytes (the same sha256) gives its text at
once; otherwise the source is repaired here, as the build would repair it. Only the sources
a citation asks for are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kazsec.corpus.sources import SourceMeta, load_source_metadata, read_pinned_source
from kazsec.kb.anchor import SourceText, StoredTexts
from kazsec.workspace import catalogue

if TYPE_CHECKING:
    from kazsec.store import Store


def source_texts(data_dir: Path, workspace: Path, store: Store | None = None) -> StoredTexts:
    """Every bundled and added source's repaired text by id, each read when first asked for
    (from `store` when it holds the same document, else repaired from its file)."""
    found: dict[str, tuple[Path, SourceMeta]] = {
        m.id: (data_dir, m) for m in load_source_metadata(data_dir)
    }
    for meta in catalogue.entries(workspace):
        found.setdefault(meta.id, (workspace, meta))  # one id twice: the build refuses it

    def load(source_id: str) -> SourceText:
        folder, meta = found[source_id]
        if store is not None:
            record = store.get("sources", source_id)
            same = record is not None and record["sha256"].lower() == meta.sha256.lower()
            texts = store.corpus.texts(source_id) if same else None
            if texts is not None:  # the store holds this very document
                return SourceText.of(texts[1], store.corpus.passages_of(source_id))
        from kazsec.corpus.pipeline import repair_source  # only when no store has it

        repaired = repair_source(meta, read_pinned_source(folder, meta))
        return SourceText(
            repaired.repaired_text,
            [p.start for p in repaired.passages],
            [p.id for p in repaired.passages],
        )

    return StoredTexts(list(found), load)
