"""A corpus of a few hand-written passages, written through the real corpus writer."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from kazsec.names.fold import fold_key
from kazsec.search.passages import PassageDoc, PassageIndex
from kazsec.store.corpus import Corpus
from kazsec.store.corpus_write import CorpusWriter, UnitData, generation_id
from kazsec.store.fulltext import FullText


def passage_index(docs: list[PassageDoc], folder: Path | None = None) -> PassageIndex:
    """A PassageIndex over the docs (one source per doc source id), on a real SQLite corpus."""
    folder = folder or Path(tempfile.mkdtemp(prefix="kazsec-corpus-"))
    writer = CorpusWriter(folder / "test.corpus")
    by_source: dict[str, list[PassageDoc]] = {}
    for doc in docs:
        by_source.setdefault(doc.source, []).append(doc)
    units = []
    for source, group in by_source.items():
        passages = []
        position = 0
        for seq, doc in enumerate(group, start=1):
            kind, _, section = doc.label.partition(" · ")
            passages.append(
                {
                    "id": doc.id,
                    "source": source,
                    "seq": seq,
                    "kind": "body",
                    "text": doc.text,
                    "start": position,
                    "end": position + len(doc.text),
                    "raw_spans": [[position, position + len(doc.text)]],
                    "section": section or kind,
                    "number": None,
                    "note_refs": [],
                }
            )
            position += len(doc.text) + 2
        text = "\n\n".join(d.text for d in group)
        unit = f"{len(units):064x}"
        keys = [fold_key(str(p["text"])) for p in passages]
        units.append(UnitData(unit, source, text, text, passages, keys))
    numbers = writer.add_units(units)
    generation = generation_id("test", [u.unit for u in units])
    writer.add_generation(generation, "test", [numbers[u.unit] for u in units])
    writer.close()
    corpus = Corpus(folder / "test.corpus", generation, "rebuild it")
    return PassageIndex(FullText(corpus))


def store_data(path: Path) -> dict[str, Any]:
    """A store as one dict of tables, as the old one-file store was: the knowledge file's
    tables, plus the corpus's passages and mentions by row (and each source's texts)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    db = sqlite3.connect(f"{path}.corpus")
    data["passages"] = {
        str(r): json.loads(b)
        for r, b in db.execute("SELECT rowid, record FROM passages ORDER BY rowid")
    }
    data["mentions"] = {
        str(r): json.loads(b)
        for r, b in db.execute("SELECT rowid, record FROM mentions ORDER BY rowid")
    }
    texts = {
        u: (raw, rep)
        for u, raw, rep in db.execute("SELECT unit, raw_text, repaired_text FROM units")
    }
    for source in data["sources"].values():
        if source.get("unit") in texts:
            source["raw_text"], source["repaired_text"] = texts[source["unit"]]
    db.close()
    return data


def save_store_data(data: dict[str, Any], built: Path, target: Path) -> Path:
    """Write `data` (from store_data, altered) as a store at `target`, beside a copy of the
    corpus of `built` changed to match: records rewritten as given, texts as given."""
    if Path(built) != Path(target):
        shutil.copyfile(f"{built}.corpus", f"{target}.corpus")
    db = sqlite3.connect(f"{target}.corpus")
    with db:
        for table in ("passages", "mentions"):
            rows = data.pop(table, {})
            if not isinstance(rows, dict):
                continue
            for rowid, record in rows.items():
                db.execute(
                    f"UPDATE {table} SET record = ? WHERE rowid = ?",
                    (json.dumps(record, ensure_ascii=False), int(rowid)),
                )
        for source in (
            (data.get("sources") or {}).values() if isinstance(data.get("sources"), dict) else ()
        ):
            if not isinstance(source, dict):
                continue
            texts = {k: source.pop(k) for k in ("raw_text", "repaired_text") if k in source}
            for column, value in texts.items():
                db.execute(
                    f"UPDATE units SET {column} = ? WHERE unit = ?", (value, source.get("unit"))
                )
    db.close()
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target
