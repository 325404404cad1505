"""notes.toml: a file the user owns. Appended and cut as text, locked, atomic, never
overwritten when it does not parse, every mistake one line naming the file and the line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kazsec.errors import LookupFailed
from kazsec.workspace.notebook import (
    Note,
    NotesError,
    add_note,
    notes_path,
    read_notes,
    remove_note,
)

HAND_WRITTEN = """\
# My notes on the NSC. Kept in git.

[[note]]   # the first one
id = "mine-1"
source = "ciss-2022-nsc"
quote = "Security Council"
text = "Look into this"
tags = ["nsc"]

# This one is about Massimov.
[[note]]
id = "mine-2"
source = "ciss-2022-nsc"
quote = "Massimov"
start = 10
end = 18
"""


def _add(workspace: Path, quote: str = "the quote", **changes: object) -> Note:
    fields: dict[str, object] = {
        "source": "ciss-2022-nsc",
        "quote": quote,
        "prefix": "before ",
        "suffix": " after",
        "start": 100,
        "end": 100 + len(quote),
        "text": "what I think",
        "tags": ["knb"],
    }
    fields.update(changes)
    return add_note(workspace, **fields)  # type: ignore[arg-type]


def test_a_note_added_reads_back_whole_from_plain_toml(tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    assert read_notes(workspace) == []
    note = _add(workspace, tags=[" KNB ", "knb", "", "2022", "2022 "])
    assert re.fullmatch(r"note-[0-9a-f]{8}", note.id)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", note.created)
    assert note.tags == ("KNB", "2022")  # stripped, each once, none empty
    assert read_notes(workspace) == [note]
    text = notes_path(workspace).read_text(encoding="utf-8")
    assert text.startswith("# Your notes")  # a file a person can read
    (table,) = tomllib.loads(text)["note"]
    assert table["quote"] == "the quote" and table["tags"] == ["KNB", "2022"]
    assert 'tags = ["KNB", "2022"]\n' in text


def test_what_the_user_wrote_survives_adding_and_removing(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    assert [n.id for n in read_notes(tmp_path)] == ["mine-1", "mine-2"]
    assert read_notes(tmp_path)[0].start == -1  # no offsets given: the quote alone
    new = _add(tmp_path)
    after_add = path.read_text(encoding="utf-8")
    assert after_add.startswith(HAND_WRITTEN)  # not one character of theirs changed
    assert [n.id for n in read_notes(tmp_path)] == ["mine-1", "mine-2", new.id]
    assert remove_note(tmp_path, "mine-1").quote == "Security Council"
    after_rm = path.read_text(encoding="utf-8")
    assert "# My notes on the NSC. Kept in git.\n" in after_rm
    assert "# This one is about Massimov.\n[[note]]\n" in after_rm
    assert "mine-1" not in after_rm and "the first one" not in after_rm
    first = HAND_WRITTEN[HAND_WRITTEN.index("[[note]]   #") : HAND_WRITTEN.index("# This one")]
    assert after_rm == after_add.replace(first, "")  # its table, and nothing else, cut out
    remove_note(tmp_path, new.id)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN.replace(first, "")
    with pytest.raises(LookupFailed, match="no note has the id 'mine-1'"):
        remove_note(tmp_path, "mine-1")


@pytest.mark.parametrize(
    ("content", "line", "says"),
    [
        ('[[note]]\nid = "a"\nsource = "s"\nquote = "q\n', 4, "not valid TOML"),
        ('[[note]]\nid = "a"\nsource = "s"\nquote = "q"\nquote = "r"\n', 5, "not valid TOML"),
        ('[[note]]\nid = "a"\nsource = "s"\nquote = "q"\n', None, None),  # fine
        (
            '[[note]]\nid = "a"\nsource = "s"\n\n[[note]]\nid = "b"\n',
            1,
            "note #1: quote: missing",
        ),
        (
            '[[note]]\nid = "a"\nsource = "s"\nquote = "q"\n\n[[note]]\nid = "b"\nsource = "s"\nquote = "q"\nstart = "ten"\n',
            6,
            "start: Expected int, got str",
        ),
        (
            '[[note]]\nid = "a"\nsource = "s"\nquote = "q"\n\n[[note]]\nid = "a"\nsource = "s"\nquote = "r"\n',
            6,
            "duplicate id 'a' (line 1 has it)",
        ),
        (
            '[[note]]\nid = "a"\nsource = "s"\nquote = "q"\ntext = "bell\\u0007"\n',
            1,
            "text: has a control character",
        ),
        (
            '[[note]]\nid = "a"\nsource = "s"\nquote = "q"\ncolour = "red"\n',
            1,
            "unknown field 'colour'; a note's fields are id, source",
        ),
        ('[[note]]\nid = "a b"\nsource = "s"\nquote = "q"\n', 1, "id 'a b': letters, digits"),
        ('[[note]]\nid = "a"\nsource = "s"\nquote = "  "\n', 1, "quote: empty"),
        (
            'title = "my notes"\n\n[[note]]\nid = "a"\nsource = "s"\nquote = "q"\n',
            1,
            "'title' is not a note",
        ),
        (
            '# notes\n[note]\nid = "a"\nsource = "s"\nquote = "q"\n',
            2,
            "[[note]] tables (two brackets",
        ),
        (
            '[[note]]\nid = "a"\nsource = "s"\nquote = "q"\ntags = "nsc"\n',
            1,
            "tags: Expected array, got str",
        ),
    ],
)
def test_a_hand_edited_mistake_is_one_line_naming_file_and_line(
    tmp_path: Path, content: str, line: int | None, says: str | None
) -> None:
    path = notes_path(tmp_path)
    path.write_text(content, encoding="utf-8")
    if line is None:
        assert [n.id for n in read_notes(tmp_path)] == ["a"]
        return
    with pytest.raises(NotesError) as caught:
        read_notes(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert says in message and "\n" not in message
    # Never written over: adding and removing refuse and leave every byte as it was.
    before = path.read_bytes()
    with pytest.raises(NotesError, match=re.escape(f"{path}:{line}: ")):
        _add(tmp_path)
    with pytest.raises(NotesError, match=re.escape(f"{path}:{line}: ")):
        remove_note(tmp_path, "a")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    path.write_bytes(b'[[note]]\nid = "a"\nquote = "\xff"\n')
    with pytest.raises(NotesError, match=re.escape(f"{path}:3: not UTF-8")):
        read_notes(tmp_path)


def test_the_users_own_words_with_a_control_character_are_refused_unwritten(
    tmp_path: Path,
) -> None:
    with pytest.raises(NotesError, match="the note was not added: text: has a control"):
        _add(tmp_path, text="clear \x1b[2J")
    with pytest.raises(NotesError, match=re.escape("tags[0]: has a control")):
        _add(tmp_path, tags=["\u202eevil"])
    assert not notes_path(tmp_path).exists()
    # A source's own words may hold anything: kept, written as escapes.
    note = _add(tmp_path, quote="met \x1b]52;c;x\x07 the \x9b NSC", suffix="\u202e")
    assert read_notes(tmp_path) == [note]
    written = notes_path(tmp_path).read_text(encoding="utf-8")
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", written) is None


ADD_MANY = """
import sys
from pathlib import Path
from kazsec.workspace.notebook import add_note
workspace, side = Path(sys.argv[1]), sys.argv[2]
for n in range(50):
    add_note(workspace, "ciss-2022-nsc", f"{side} quote {n}", "", "", n, n + 9, f"{side} {n}", [side])
"""


def test_two_processes_adding_fifty_notes_each_at_once_lose_none(tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", ADD_MANY, str(workspace), side],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in ("left", "right")
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0], [r.stderr.read() for r in runs]  # type: ignore[union-attr]
    notes = read_notes(workspace)  # parses: a valid file
    assert len(notes) == 100
    assert len({n.id for n in notes}) == 100
    for side in ("left", "right"):  # each process's notes, all there, in its order
        assert [n.text for n in notes if n.tags == (side,)] == [f"{side} {n}" for n in range(50)]


def test_notes_written_as_an_inline_array_are_read_but_never_rewritten(tmp_path: Path) -> None:
    path = notes_path(tmp_path)
    path.write_text(
        '# by hand\nnote = [{ id = "a", source = "s", quote = "q" }, '
        '{ id = "b", source = "s", quote = "r" }]\n',
        encoding="utf-8",
    )
    assert [n.id for n in read_notes(tmp_path)] == ["a", "b"]
    before = path.read_bytes()
    with pytest.raises(NotesError, match=re.escape(f"{path}:1: a note cannot be appended")):
        _add(tmp_path)
    with pytest.raises(NotesError, match=r"could not be cut out alone.*take it out by hand"):
        remove_note(tmp_path, "a")
    assert path.read_bytes() == before


def test_tags_may_come_from_a_generator(tmp_path: Path) -> None:
    note = _add(tmp_path, tags=(t for t in ["a", "b"]))
    assert note.tags == ("a", "b") == read_notes(tmp_path)[0].tags
