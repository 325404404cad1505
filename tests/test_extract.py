"""Reading added documents (corpus/extract) and repairing them: formats, Word, web pages,
text, failures and fuzzing (PDFs: test_extract_pdf.py).

Every document is made by tests/documents.py; the assertions are word for word.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from documents import encrypted_pdf, repaired, scanned_pdf
from documents_office import (
    DOCX_NOTES,
    RU_ARTICLE,
    RU_BOILERPLATE,
    RU_TEXT,
    UK_TEXT,
    news_page,
    report_docx,
    zip_bomb_docx,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.corpus.extract import (
    DocumentMeta,
    document_metadata,
    document_text,
    format_of,
    read_document,
)
from kazsec.corpus.extract.html import _date_stated
from kazsec.corpus.language import language_of
from kazsec.errors import SourceError

# --- formats ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.pdf", b"%PDF-1.7\n", "pdf"),
        ("a.PDF", b"\n%PDF-1.4", "pdf"),
        ("a.pdf", b"<html>", None),
        ("a.docx", b"PK\x03\x04", "docx"),
        ("a.docx", b"%PDF-1.4", None),
        ("a.html", b"<!DOCTYPE html><html>", "html"),
        ("a.htm", b"\xef\xbb\xbf<html lang=ru>", "html"),
        ("a.html", b"just words", None),
        ("a.txt", "Масимов".encode("cp1251"), "text"),
        ("a.md", b"# Title", "text"),
        ("notes", b"plain words", "text"),
        ("a.txt", "Масимов".encode("utf-16"), "text"),
        ("a.txt", b"ab\x00cd", None),
        ("a.png", b"\x89PNG\r\n", None),
        ("a.doc", b"\xd0\xcf\x11\xe0", None),
        ("a.bin", b"PK\x03\x04", None),
    ],
)
def test_format_is_named_by_extension_and_confirmed_by_bytes(
    name: str, head: bytes, expected: str | None
) -> None:
    assert format_of(name, head) == expected


# --- DOCX ---------------------------------------------------------------------------------


def test_docx_text_marks_headings_and_footnotes() -> None:
    text = document_text(report_docx(), "report.docx")
    assert text.splitlines() == [
        "# Смена руководства КНБ",
        "Карим Масимов был освобождён от должности председателя КНБ 6 января 2022 года.[^1]",
        "Масимову предъявили обвинение в государственной измене.",
        "## Қазақша",
        "Кәрім Мәсімовтің ісі бойынша тергеу 2022 жылы басталды.",
        "## English summary",
        "Nurtai Abykayev chaired the National Security Committee long before Karim Massimov.[^2]",
        "Карім Масимов очолював Комітет національної безпеки до січня 2022 року.",
        f"[^1]: {DOCX_NOTES[1]}",
        f"[^2]: {DOCX_NOTES[2]}",
    ]
    assert document_metadata(report_docx(), "report.docx")[:3] == (
        "Смена руководства КНБ",
        "Айгерим Садыкова",
        "2022-02-16",
    )


def test_docx_repair_links_notes_and_knows_headings_and_languages() -> None:
    result = repaired(report_docx(), "report.docx")
    rows = [(p.kind, p.text, p.note_refs, p.language) for p in result.passages]
    assert rows[0] == ("heading", "Смена руководства КНБ", [], "")  # too short to tell
    assert rows[1][1].endswith("2022 года.[1]") and rows[1][2] == [1]
    assert rows[4][:2] == ("body", "Кәрім Мәсімовтің ісі бойынша тергеу 2022 жылы басталды.")
    assert rows[4][3] == "kk" and rows[7][3] == "uk" and rows[6][3] == "en"
    assert rows[6][2] == [2]
    assert rows[-2:] == [
        ("note", f"1. {DOCX_NOTES[1]}", [], ""),  # unsure: the document's own is mixed
        ("note", f"2. {DOCX_NOTES[2]}", [], "en"),
    ]
    assert [p.number for p in result.passages[-2:]] == [1, 2]
    assert result.passages[-1].section == "Notes"


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("windows-1251", None), ("windows-1251", "windows-1251"), ("utf-8", "utf-8"), ("utf-8", None)],
)
def test_html_keeps_the_article_and_drops_the_chrome(encoding: str, declared: str | None) -> None:
    page = news_page(charset=declared).encode(encoding)
    document = read_document(page, "page.html")
    assert document.text.splitlines() == ["Масимов освобождён от должности", *RU_ARTICLE]
    for chrome in RU_BOILERPLATE:
        assert chrome not in document.text
    assert document.meta == DocumentMeta(
        title="Масимов освобождён от должности",
        author="Айгерим Садыкова",
        date="2022-02-16",
        site="Vlast.kz",
        url="https://vlast.kz/politika/12345-masimov.html",
        language="ru",
    )


def test_html_repair_gives_a_title_and_paragraphs() -> None:
    result = repaired(news_page().encode("cp1251"), "page.htm")
    assert [(p.kind, p.text) for p in result.passages] == [
        ("heading", "Масимов освобождён от должности"),
        ("body", RU_ARTICLE[0]),
        ("body", RU_ARTICLE[1]),
    ]
    assert {p.language for p in result.passages[1:]} == {"ru"}


def test_html_date_is_no_more_precise_than_the_page() -> None:
    assert _date_stated("2022-02-16", "опубликовано 16 февраля 2022") == "2022-02-16"
    assert _date_stated("2022-02-16", "<time>16.02.2022</time>") == "2022-02-16"
    assert _date_stated("2022-02-01", "February 2022 issue") == "2022-02"
    assert _date_stated("2022-01-01", "© 2022") == "2022"
    assert _date_stated("", "anything") == ""


# --- text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r", "utf-16", "utf-8-sig"])
def test_text_in_any_cyrillic_encoding_comes_out_clean(encoding: str) -> None:
    assert document_text(RU_TEXT.encode(encoding), "notes.txt") == RU_TEXT
    ukrainian = "koi8-u" if encoding == "koi8-r" else encoding  # KOI8-R has no і, є, ї
    assert document_text(UK_TEXT.replace("\n", "\r\n").encode(ukrainian), "uk.md") == UK_TEXT


def test_a_cp1251_txt_source_is_repaired_into_clean_passages() -> None:
    result = repaired(RU_TEXT.encode("cp1251"), "notes.txt")
    assert [p.text for p in result.passages] == RU_TEXT.strip().splitlines()
    assert result.raw_text == RU_TEXT
    # A .txt in UTF-8 with no declared language is read as the bundled sources are: no language.
    assert {p.language for p in repaired(RU_TEXT.encode(), "notes.txt").passages} == {""}


def test_language_of_short_or_unsure_text_is_empty() -> None:
    assert language_of("Масимов") == ""
    assert language_of("Kazakhstan 2022") == ""
    assert language_of(UK_TEXT) == "uk" and language_of(RU_TEXT) == "ru"
    assert language_of("Кәрім Мәсімов Ұлттық қауіпсіздік комитетін басқарды.") == "kk"


# --- failures -----------------------------------------------------------------------------

FAILURES = [
    ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "damaged or unreadable PDF"),
    ("empty.txt", b"", "empty file"),
    ("empty.pdf", b"", "unknown or unsupported format"),
    ("binary.txt", b"\x00\x01\x02\x03" * 50, "unknown or unsupported format"),
    ("binary.dat", b"text\x00" * 50, "unknown or unsupported format"),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "unknown or unsupported format"),
    ("fake.docx", b"PK\x03\x04 not really a zip", "damaged Word document"),
    ("huge.docx", b"PK\x03\x04" + bytes(51 * 2**20), "over the 50 MB limit"),
]


@pytest.mark.parametrize(("name", "raw", "reason"), FAILURES, ids=[row[0] for row in FAILURES])
def test_every_failure_is_one_line_naming_the_file(name: str, raw: bytes, reason: str) -> None:
    with pytest.raises(SourceError) as failure:
        read_document(raw, name)
    message = str(failure.value)
    assert message.startswith(f"{name}: ") and reason in message and "\n" not in message


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("secret.pdf", encrypted_pdf, "encrypted"),
        ("scan.pdf", scanned_pdf, "no text layer"),
        ("bomb.docx", zip_bomb_docx, "zip bomb"),
    ],
)
def test_encrypted_scanned_and_bomb_files_are_refused(
    name: str, make: Callable[[], bytes], reason: str
) -> None:
    with pytest.raises(SourceError, match=reason) as failure:
        repaired(make(), name)
    assert str(failure.value).startswith(f"{name}: ") and "\n" not in str(failure.value)


# --- fuzz ---------------------------------------------------------------------------------

EXTENSIONS = [".pdf", ".docx", ".html", ".txt", ".md", ".dat"]
HEADS = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADS, st.binary(max_size=600), st.sampled_from(EXTENSIONS))
def test_random_bytes_give_passages_or_a_source_error(head: bytes, body: bytes, ext: str) -> None:
    """Whatever the bytes, reading and repairing ends in passages or in SourceError."""
    raw = head + body
    try:
        text = document_text(raw, f"fuzz{ext}")
        result = repaired(raw, f"fuzz{ext}")
    except SourceError as failure:
        assert "\n" not in str(failure) and str(failure).startswith(f"fuzz{ext}: ")
        return
    assert result.raw_text == text or ext == ".txt"
    for passage in result.passages:
        assert result.repaired_text[passage.start : passage.end] == passage.text
        assert all(0 <= s <= e <= len(result.raw_text) for s, e in passage.raw_spans)


def test_a_damaged_copy_of_a_real_pdf_or_docx_is_a_source_error(pdf: bytes) -> None:
    for name, whole in (("cut.pdf", pdf), ("cut.docx", report_docx())):
        for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 40):
            try:
                repaired(whole[:cut], name)
            except SourceError as failure:
                assert str(failure).startswith(f"{name}: ")


def test_an_odd_word_file_is_one_error_of_kazsec_not_a_library_warning() -> None:
    """A zip with a document.xml and none of Word's other parts: python-docx would warn on
    stderr with its own source line; the user is told once, by kazsec."""
    import io
    import warnings
    import zipfile

    from kazsec.corpus.extract.docx import read_docx
    from kazsec.errors import SourceError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foo.txt", "x")
        archive.writestr("word/document.xml", "<w:document/>")
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        with pytest.raises(SourceError):
            read_docx(buffer.getvalue(), "junk.docx")
    assert [str(w.message) for w in shown] == []
