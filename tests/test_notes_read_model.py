"""The notebook the explorer reads: notes by source, by tag, by entity, by any spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazsec.kb.anchor import SourceText, anchor
from kazsec.library import Library
from kazsec.library.notes import Notebook, corpus_texts
from kazsec.store import Store
from kazsec.workspace.notebook import Note, add_note, notes_path

TEXT = (
    "Karim Massimov chaired the committee. The Security Council met in Almaty. "
    "Massimov was detained in January."
)
SOURCES = {"report": SourceText(TEXT, [0, 38], ["report/p001", "report/p002"])}


def _note(workspace: Path, quote: str, text: str = "", tags: tuple[str, ...] = ()) -> Note:
    found = anchor({"source": "report", "quote": quote}, SOURCES, "test")
    return add_note(
        workspace, "report", quote, found["prefix"], found["suffix"], found["start"],
        found["end"], text, tags,
    )  # fmt: skip


@pytest.fixture()
def notebook(tmp_path: Path) -> Notebook:
    _note(tmp_path, "Massimov was detained", "Арестован в январе", ("KNB", "2022"))
    _note(tmp_path, "Karim Massimov chaired", "Chair until 2022", ("knb",))
    _note(tmp_path, "The Security Council met", "Where?", ("council",))
    return Notebook(tmp_path, SOURCES.get)


def test_notes_by_source_in_reading_order_with_their_passages(notebook: Notebook) -> None:
    on = notebook.of_source("report")
    assert [n.found for n in on] == [
        "Karim Massimov chaired",
        "The Security Council met",
        "Massimov was detained",
    ]
    assert [n.passage for n in on] == ["report/p001", "report/p002", "report/p002"]
    assert all(TEXT[n.start : n.end] == n.found for n in on)  # type: ignore[misc]
    assert notebook.of_source("other") == []
    assert notebook.writable and notebook.problem is None and notebook.orphans() == []


def test_tags_are_one_each_and_found_whatever_their_case(notebook: Notebook) -> None:
    assert notebook.tags() == ["2022", "council", "KNB"]
    assert [n.note.text for n in notebook.tagged("knb")] == [
        "Арестован в январе",
        "Chair until 2022",
    ]
    assert [n.note.text for n in notebook.tagged(" COUNCIL ")] == ["Where?"]
    assert notebook.tagged("nothing") == []


def test_any_spelling_or_script_finds_a_note(notebook: Notebook) -> None:
    def texts(query: str) -> list[str]:
        return [n.note.text for n in notebook.matching(query)]

    assert texts("Масимов") == ["Арестован в январе", "Chair until 2022"]  # in their quotes
    assert texts("arestovan") == ["Арестован в январе"]  # its text, romanized
    assert texts("knb") == ["Арестован в январе", "Chair until 2022"]  # a tag
    assert texts("security council") == ["Where?"]
    assert texts("") == [] and texts("  ") == [] and texts("Tokayev") == []


def test_notes_about_an_entity_are_those_over_its_mentions(notebook: Notebook) -> None:
    mentions = [
        {"source": "report", "start": 0, "end": 14},
        {"source": "other", "start": 0, "end": 99},
    ]
    assert [n.found for n in notebook.about("karim-massimov", mentions)] == [
        "Karim Massimov chaired"
    ]
    assert notebook.about("karim-massimov", []) == []
    # A source's own notes are about it.
    assert len(notebook.about("report", [])) == 3


def test_a_notebook_reads_again_when_asked(notebook: Notebook, tmp_path: Path) -> None:
    assert len(notebook.notes) == 3
    added = _note(tmp_path, "met in Almaty")
    assert notebook.get(added.id) is None  # read once, as asked
    notebook.refresh()
    assert notebook.get(added.id) is not None and len(notebook.notes) == 4


def test_without_a_workspace_or_with_a_broken_file_it_is_empty_and_read_only(
    tmp_path: Path,
) -> None:
    nowhere = Notebook(None, SOURCES.get)
    assert (nowhere.notes, nowhere.writable, nowhere.problem, nowhere.tags()) == (
        [],
        False,
        None,
        [],
    )
    notes_path(tmp_path).write_text("[[note]\n", encoding="utf-8")
    broken = Notebook(tmp_path, SOURCES.get)
    assert broken.notes == [] and not broken.writable
    assert broken.problem is not None and broken.problem.startswith(f"{notes_path(tmp_path)}:1: ")


def test_a_note_on_a_mention_in_the_bundled_corpus_is_in_that_persons_notes(
    store: Store, tmp_path: Path
) -> None:
    library = Library(store)
    mention = next(
        m for m in library.mentions_of("karim-massimov") if m["source"] == "ciss-2022-nsc"
    )
    text = store.source("ciss-2022-nsc")["repaired_text"]
    passages = store.corpus.passages_of("ciss-2022-nsc")
    sources = {
        "ciss-2022-nsc": SourceText(
            text, [p["start"] for p in passages], [p["id"] for p in passages]
        )
    }
    quote = text[mention["start"] - 20 : mention["end"] + 20]
    found = anchor({"source": "ciss-2022-nsc", "quote": quote}, sources, "test")
    add_note(
        tmp_path,
        "ciss-2022-nsc",
        quote,
        found["prefix"],
        found["suffix"],
        found["start"],
        found["end"],
        "on him",
        (),
    )
    elsewhere = "the “Golden Key” to power"
    found = anchor({"source": "ciss-2022-nsc", "quote": elsewhere}, sources, "test")
    add_note(
        tmp_path,
        "ciss-2022-nsc",
        elsewhere,
        found["prefix"],
        found["suffix"],
        found["start"],
        found["end"],
        "not on him",
        (),
    )
    notebook = Notebook(tmp_path, corpus_texts(store.corpus))
    about = notebook.about("karim-massimov", library.mentions_of("karim-massimov"))
    assert [n.note.text for n in about] == ["on him"]
    assert about[0].passage == mention["passage"] and about[0].status == "exact"
    assert Library(store).notebook.notes == []  # a store built without a workspace has none
