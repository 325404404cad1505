"""No raw control byte reaches a terminal from the data or from the user, on any path.

A fixture source carries escape sequences in its text; every text field of every table of
the built store is then given the same payload. Every command and every screen must show
them as pictures, never pass them on.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import save_store_data, store_data
from tui_helpers import make_app, settle

from kazsec.build.compile import build_store
from kazsec.cli import main
from kazsec.render.text import inert, json_text
from kazsec.store import Store

PAYLOAD = "\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example\x1b\\x\x1b[2J\x07\x9b31m\u202eevil\u2028line\u2029para"
# What must never reach a terminal: C0 controls but newline and tab, DEL, C1, bidi overrides, line and paragraph separators.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
# Fields that hold references, dates or offsets rather than words shown as written.
STRUCTURAL = {
    "id", "source", "passage", "entity", "entity_type", "person", "body", "parent", "subject",
    "target", "type", "date", "date_end", "start", "end", "file", "sha256", "format",
    "raw_text", "repaired_text", "text", "seq", "candidates", "people", "bodies", "raw_spans",
    "how", "certainty", "date_precision", "date_end_precision", "start_precision",
    "end_precision", "passage_count", "number", "note_refs", "unit",
    "kind", "role", "end_reason", "status", "as_of",  # closed vocabularies: a store with others is refused
}  # fmt: skip


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key not in STRUCTURAL:
        return value + PAYLOAD
    return value


@pytest.fixture(scope="module")
def evil_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    folder = tmp_path_factory.mktemp("evil")
    data = folder / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    raw = (
        f"Evil page {PAYLOAD}\n\nKarim Massimov met {PAYLOAD} the NSC.\n\nA second paragraph {PAYLOAD}.\n"
    ).encode()
    (data / "sources" / "evil.txt").write_bytes(raw)
    with (data / "sources.toml").open("a", encoding="utf-8") as toml:
        toml.write(
            '\n[[source]]\nid = "evil-source"\nfile = "evil.txt"\n'
            f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\n'
            'title = "Evil"\npublisher = ""\nauthor = ""\ndate = ""\n'
            'kind = "test fixture"\nformat = "web"\nnotes = ""\n'
        )
    path = folder / "evil.json"
    build_store(data, path)
    stored = store_data(path)
    for table, records in stored.items():
        if table != "_meta":
            stored[table] = {doc: _poison(record) for doc, record in records.items()}
    return save_store_data(stored, path, path)


def _assert_inert(text: str, where: str) -> None:
    found = RAW_CONTROL.findall(text)
    assert not found, f"{where}: raw control characters {sorted(set(found))!r}"


def test_the_payload_is_in_the_store(evil_store_path: Path) -> None:
    store = Store.open(evil_store_path)
    assert PAYLOAD in store.all("people")[0]["name"]
    # The document's raw text keeps its escapes (shown as pictures by `source --raw` and the
    # reader's raw view); its repaired text, the words, holds none of them.
    assert "\x1b]52" in store.source("evil-source")["raw_text"]
    passages = [p["text"] for p in store.all("passages") if p["source"] == "evil-source"]
    escapes = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # bidi marks are a text's own
    assert passages and not any(escapes.search(text) for text in passages)


COMMANDS = [
    ["stats"],
    ["stats", "--json"],
    ["sources"],
    ["source", "evil-source"],
    ["source", "evil-source", "--raw"],
    ["show", "karim-massimov"],
    ["show", "karim-massimov", "--json"],
    ["show", "nsc"],
    ["show", "2022-01-06-massimov-dismissed"],
    ["show", "evil-source"],
    ["search", "Massimov"],
    ["search", "evil"],
    ["search", "Massimov", "--json"],
    ["search", "no such name at all"],
    ["check"],
    ["show", "nobody\x1b]52;c;ZXZpbA==\x07"],
    ["search", "\x1b[2J\u202e\x9b"],
    ["source", "nothing\x1b[2J"],
    ["timeline"],
    ["timeline", "--json"],
    ["timeline", "--entity", "Massimov"],
    ["career", "karim-massimov", "ermek-sagimbayev"],
    ["career", "karim-massimov", "--json"],
    ["succession", "nsc"],
    ["succession", "nsc", "--json"],
    ["succession", "--posts"],
    ["held", "nsc", "--on", "2022-01-07"],
    ["held", "nsc", "--on", "2022-01-07", "--json"],
    ["held", "nsc\x1b[2J", "--on", "2022-01"],
    ["held", "nsc", "--on", "\x1b[2J2022"],
    ["timeline", "--from", "\x9b31m"],
    ["notes"],
    ["notes", "--tag", "\x1b[2J", "--source", "\u202eevil"],
    ["note", "add", "evil-source", "--quote", "\x1b[2J"],
    ["note", "add", "evil-source", "--quote", "not \x1b]52;c;there"],
    ["note", "add", "nothing\x1b[2J", "--quote", "x"],
    ["note", "add", "evil-source", "--quote", "Karim Massimov met", "--text", "\x1b]52;c;x\x07"],
    ["note", "rm", "note-\x1b[2J"],
]


@pytest.mark.parametrize(
    "argv", COMMANDS, ids=lambda argv: " ".join(argv).encode("unicode_escape").decode()
)
def test_every_command_shows_controls_as_pictures(
    argv: list[str], evil_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--store", str(evil_store_path), *argv])
    out, err = capsys.readouterr()
    _assert_inert(out, "stdout")
    _assert_inert(err, "stderr")
    assert out or err
    if "--json" in argv:
        json.loads(out)  # still valid JSON
    if "--json" in argv and argv[0] != "stats":
        assert "\\u001b]52" in out and "\\u009b" in out, "every character kept, escaped"


def test_json_keeps_every_character_of_the_data() -> None:
    value = {"name": PAYLOAD + "\ud800 Мәсімов"}
    dumped = json_text(value)
    _assert_inert(dumped, "json")
    assert json.loads(dumped) == value and "Мәсімов" in dumped


def test_inert_is_one_for_one() -> None:
    for text in (PAYLOAD, "\ud800x", "a\u2066b\u2069c", "ok\ttab\nline"):
        assert len(inert(text)) == len(text)
        _assert_inert(inert(text), text)
    assert inert("ok\ttab\nline") == "ok\ttab\nline"


def _screen_text(app: Any) -> str:
    return str(app.export_screenshot())


async def test_every_screen_shows_controls_as_pictures(evil_store_path: Path) -> None:
    store = Store.open(evil_store_path)
    app = make_app(store)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        _assert_inert(_screen_text(app), "start (people list)")
        for tab in "234":
            await pilot.press(tab)
            await settle(app, pilot)
            _assert_inert(_screen_text(app), f"tab {tab}")
        for entity in ("karim-massimov", "nsc", "2022-01-06-massimov-dismissed", "evil-source"):
            app.open_entity(entity)
            await settle(app, pilot)
            _assert_inert(_screen_text(app), entity)
        app.open_entity("karim-massimov")
        await settle(app, pilot)
        await pilot.press("n", "c")
        await settle(app, pilot)
        assert copied and all(not RAW_CONTROL.search(text) for text in copied)
        for notification in app._notifications:
            _assert_inert(str(notification.message) + str(notification.title), "toast")
        await pilot.press("r")
        await settle(app, pilot)
        _assert_inert(_screen_text(app), "raw text")
        await pilot.press("slash", *"Massimov")
        await settle(app, pilot)
        _assert_inert(_screen_text(app), "search results")
        await pilot.press("escape", "ctrl+p", *"Massimov")
        await pilot.pause(0.5)
        _assert_inert(_screen_text(app), "palette")
        await pilot.press("escape", "escape", "f1")
        await settle(app, pilot)
        _assert_inert(_screen_text(app), "help")


async def test_controls_pasted_into_search_are_shown_as_pictures(evil_store_path: Path) -> None:
    from textual import events

    app = make_app(Store.open(evil_store_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        field = app.explorer.query_one("#search-input")
        field.post_message(events.Paste("\x1b[2JMassimov\u202e"))
        await settle(app, pilot)
        assert field.value == inert("\x1b[2JMassimov\u202e")  # type: ignore[attr-defined]
        _assert_inert(_screen_text(app), "pasted search")


def test_check_reports_control_characters_in_curated_words(
    evil_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(evil_store_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "people karim-massimov: name: holds a control character" in out
    assert "sources evil-source: title: holds a control character" in out


def test_notes_on_a_source_full_of_escapes_show_them_as_pictures(
    evil_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kazsec.workspace.notebook import notes_path

    store = ["--store", str(evil_store_path), "--workspace", str(tmp_path / "ws")]
    # What repair leaves of the payload: ftfy's reading of the C1 CSI, and the bidi override
    # and line separator, which a text may hold (and the app shows as pictures).
    quote = "Karim Massimov met x\u203a31m\u202eevil\u2028line"
    assert main([*store, "note", "add", "evil-source", "--quote", quote, "--tag", "evil"]) == 0
    note_id = capsys.readouterr().out.strip()
    written = notes_path(tmp_path / "ws").read_text(encoding="utf-8")
    _assert_inert(written, "notes.toml")  # `cat notes.toml` is harmless too
    for argv in (["notes"], ["notes", "--json"], ["notes", "--tag", "evil"]):
        assert main([*store, *argv]) == 0
        out, err = capsys.readouterr()
        _assert_inert(out + err, " ".join(argv))
        assert "Karim Massimov met" in out
    assert main([*store, "notes", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["quote"] == quote and listed["status"] == "exact"  # every character kept
    # A hand-edited file holding a raw escape: one line, inert.
    notes_path(tmp_path / "ws").write_text(written.replace("evil", "evil\x1b[2J"), encoding="utf-8")
    assert main([*store, "notes"]) == 2
    out, err = capsys.readouterr()
    _assert_inert(err, "notes.toml error")
    assert err.count("\n") == 1 and "notes.toml:" in err
    assert main([*store, "note", "rm", note_id]) == 2
