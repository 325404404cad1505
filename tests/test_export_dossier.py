"""`kazsec export dossier`: Markdown and HTML from the same facts, every fact footnoted with
its exact quote, disagreements with every reading, the user's notes; golden files of the
bundled store; every data string escaped in the HTML (a store poisoned with markup)."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from corpus_helpers import save_store_data, store_data

from kazsec.build.compile import build_store
from kazsec.cli import main
from kazsec.export.dossier import dossier_filename, md
from kazsec.store import Store

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = [("karim-massimov", "md"), ("karim-massimov", "html"), ("massimov-arrested", "md")]
CASES += [("massimov-arrested", "html")]

PAYLOAD = "<script>alert(\"x\")</script><b onmouseover='y'>&amp; *bold* [^9] `code`</b>"
TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "span", "code", "ul",
    "ol", "li", "sup", "a", "q", "cite",
}  # fmt: skip
# Fields that hold references, dates or closed vocabularies: a store with others is refused.
STRUCTURAL = {
    "id", "source", "passage", "entity", "entity_type", "person", "body", "parent", "subject",
    "target", "type", "date", "date_end", "start", "end", "file", "sha256", "format",
    "raw_text", "repaired_text", "text", "seq", "candidates", "people", "bodies", "raw_spans",
    "how", "certainty", "date_precision", "date_end_precision", "start_precision",
    "end_precision", "passage_count", "number", "note_refs", "unit",
    "kind", "role", "end_reason", "status", "as_of",
}  # fmt: skip


def _export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key not in STRUCTURAL:
        return value + PAYLOAD
    return value


class _Tags(HTMLParser):
    """Every tag and attribute of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize(("entity", "form"), CASES)
def test_dossiers_of_the_bundled_store_match_their_golden_files(
    built_store_path: Path, capsys: pytest.CaptureFixture[str], entity: str, form: str
) -> None:
    argv = ["--store", str(built_store_path), "export", "dossier", entity, "--format", form]
    code, out, err = _export(capsys, *argv)
    assert code == 0, err
    golden = GOLDEN / f"dossier-{entity}.{form}"
    if os.environ.get("KAZSEC_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert _export(capsys, *argv)[1] == out  # the same bytes every time


def test_every_fact_with_a_quote_has_a_footnote_with_the_quote_source_date_and_passage(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(built_store_path)]
    out = _export(capsys, *store, "export", "dossier", "massimov-arrested")[1]
    numbers = sorted({int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", out)})
    defined = [int(n) for n in re.findall(r"^\[\^(\d+)\]: ", out, flags=re.M)]
    assert numbers == defined == list(range(1, len(defined) + 1)) and len(defined) >= 3
    assert "[^3]: “immediately was arrested on a charge of treason” — National Security" in out
    assert "16 Feb 2022, passage ciss\\-2022\\-nsc/p011" not in out  # ids are not mangled
    assert "16 Feb 2022, passage ciss-2022-nsc/p011" in out
    # The disagreement lists every reading, each with its footnote.
    readings = re.findall(r"^  - reading (\d) of 3: .+\[\^\d+\]$", out, flags=re.M)
    assert readings == ["1", "2", "3"]
    assert "## Your notes\n\nNo notes on this entry." in out


def test_a_source_or_an_unknown_id_is_one_line_and_exit_2(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(built_store_path)]
    for entity, says in (("ciss-2022-nsc", "is a source"), ("no-such-id", "no person, body")):
        code, out, err = _export(capsys, *store, "export", "dossier", entity)
        assert (code, out) == (2, "") and says in err
        assert err.startswith("kazsec: error: ") and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as raised:  # argparse's own usage error
        main([*store, "export", "dossier", "nsc", "--format", "pdf"])
    assert raised.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_only_yours_leaves_out_the_facts_quoted_from_bundled_sources(
    built_store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(built_store_path)]
    argv = [*store, "export", "dossier", "karim-massimov"]
    everything = _export(capsys, *argv)[1]
    mine = _export(capsys, *argv, "--only", "yours")[1]
    assert "[^1]" in everything and "[^" not in mine and "## Sources" not in mine
    assert "Карим Масимов" in mine  # the curator's spellings stand on no source
    assert _export(capsys, *argv, "--only", "bundled")[1] == everything


@pytest.fixture(scope="module")
def poisoned_store(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    stored = store_data(built_store_path)
    for table, records in stored.items():
        if table != "_meta":
            stored[table] = {doc: _poison(record) for doc, record in records.items()}
    for record in stored["sources"].values():  # a link that would run code if followed
        record["url"] = "javascript:alert(1)//" if record["id"] == "ciss-2022-nsc" else PAYLOAD
    path = tmp_path_factory.mktemp("poisoned") / "store.json"
    return save_store_data(stored, built_store_path, path)


@pytest.mark.parametrize("entity", ["karim-massimov", "massimov-arrested", "nsc"])
def test_every_data_string_is_escaped_in_the_html(
    poisoned_store: Path, capsys: pytest.CaptureFixture[str], entity: str
) -> None:
    argv = ["--store", str(poisoned_store), "export", "dossier", entity, "--format", "html"]
    code, page, err = _export(capsys, *argv)
    assert code == 0, err
    assert page.startswith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    parsed = _Tags()
    parsed.feed(page)
    assert parsed.tags <= TAGS and "script" not in parsed.tags and "b" not in parsed.tags
    names = {name for name, _ in parsed.attributes}
    assert names <= {"lang", "charset", "name", "content", "class", "href", "id", "aria-label"}
    hrefs = [value for name, value in parsed.attributes if name == "href"]
    assert hrefs and all(h.startswith("#fn-") for h in hrefs)  # no javascript:, no payload
    # The payload is there, shown as the words it is, in names, quotes and footnotes.
    text = "".join(parsed.text)
    assert text.count(PAYLOAD) >= 3
    assert "<script" not in page and "onmouseover='" not in page


def test_every_data_string_is_inert_in_the_markdown(
    poisoned_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--store", str(poisoned_store), "export", "dossier", "karim-massimov"]
    code, out, err = _export(capsys, *argv)
    assert code == 0, err
    assert md(PAYLOAD) in out
    # Every < is escaped: no tag reaches a Markdown reader that passes HTML through.
    assert re.findall(r"(?<!\\)<", out) == []
    assert "javascript:" not in out.replace("javascript:alert(1)//", "")
    assert "<javascript" not in out


def test_md_escapes_markup_and_folds_lines() -> None:
    assert md("<b>*x*</b>\n[a](b)") == r"\<b\>\*x\*\</b\> \[a\](b)"
    assert md("Karim Massimov, 2022-01-06") == "Karim Massimov, 2022-01-06"


def test_the_users_notes_are_written_whole_with_their_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "workspace"
    monkeypatch.setenv("KAZSEC_WORKSPACE", str(workspace))
    path = tmp_path / "store.json"
    build_store(DATA, path, workspace=workspace)
    store = ["--store", str(path)]
    quote = "NSC Chairman Karim Massimov and his two First Deputies"
    text = "First line.\nSecond line <script>x</script> & more"
    argv = [*store, "note", "add", "ciss-2022-nsc", "--quote", quote, "--text", text]
    code, _, err = _export(capsys, *argv, "--tag", "leadership")
    assert code == 0, err
    out = _export(capsys, *store, "export", "dossier", "karim-massimov")[1]
    notes = out.split("## Your notes\n\n", 1)[1].split("\n\n", 1)[0]
    assert (
        notes.startswith(r"- First line. Second line \<script\>x\</script\> \& more, ")
        and "(\\#leadership)[^" in notes
    )
    number = re.findall(r"\[\^(\d+)\]$", notes)[0]
    assert re.search(rf"^\[\^{number}\]: “{quote}” — National Security", out, flags=re.M)
    page = _export(capsys, *store, "export", "dossier", "karim-massimov", "--format", "html")[1]
    assert "Second line &lt;script&gt;x&lt;/script&gt; &amp; more" in page
    assert (
        _export(capsys, *store, "export", "dossier", "karim-massimov", "--only", "yours")[1].count(
            "First line"
        )
        == 0
    )


async def test_e_in_the_explorer_writes_the_open_entrys_dossier_and_says_where(
    store: Store, tmp_path: Path
) -> None:
    from tui_helpers import make_app, settle

    app = make_app(store, open_id="massimov-arrested")
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.explorer.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("E")
        await settle(app, pilot)
    written = tmp_path / "share" / "kazsec" / "exports" / "massimov-arrested.dossier.md"
    assert said == [f"Dossier written to {written}"]
    assert written.read_text(encoding="utf-8") == (
        GOLDEN / "dossier-massimov-arrested.md"
    ).read_text(encoding="utf-8")


def test_dossier_file_names_hold_no_path() -> None:
    assert dossier_filename("karim-massimov") == "karim-massimov.dossier.md"
    assert dossier_filename("../a/b c", "html") == "a-b-c.dossier.html"
    assert dossier_filename("...") == "entry.dossier.md"


def test_only_a_plain_web_address_becomes_a_link() -> None:
    from kazsec.export.dossier import DossierDoc, Footnote, Line, markdown
    from kazsec.export.dossier_html import html_page

    def doc(url: str) -> DossierDoc:
        note = Footnote(1, "words", "s", "T", "P", "2022", "s/p001", url)
        return DossierDoc(
            "x", "person", "X", "", [Line("title", "t", marks=[1])], [], [], [], [note]
        )

    page = html_page(doc("https://example.org/a?b=1&c=2"))
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in page
    assert ", <https://example.org/a?b=1&c=2>" in markdown(doc("https://example.org/a?b=1&c=2"))
    for url in ("javascript:alert(1)", 'https://x.org/"><script>', "data:text/html,<b>"):
        page = html_page(doc(url))
        assert page.count("<a href") == 1 and "<script" not in page and "<b>" not in page
        assert "<" not in markdown(doc(url)).split("[^1]: ", 1)[1].replace("\\<", "")
