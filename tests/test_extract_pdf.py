"""Reading added PDFs (corpus/extract/pdf.py) and repairing them (corpus/pdf_pages.py).

The PDF is made by tests/documents.py; the assertions are word for word.
"""

from __future__ import annotations

from documents import FOOTNOTES, HEADER, repaired

from kazsec.corpus.extract import document_metadata, document_text
from kazsec.corpus.pipeline import repair_source
from kazsec.corpus.sources import SourceMeta

# --- PDF ----------------------------------------------------------------------------------


def test_pdf_text_reads_both_columns_in_order_page_by_page(pdf: bytes) -> None:
    text = document_text(pdf, "article.pdf")
    assert text.count("\f") == 2  # three pages
    assert text.startswith(HEADER + "\n\nKarim  Massimov  headed  the  National\n")
    assert "dis" in text and "the  ﬁnal" in text and "several  re-\nspects" in text
    # The left column's paragraph comes before the right column's, page 2 after page 1.
    assert (
        text.index("Nurtai  Abykayev") < text.index("Карим  Масимов") < text.index("Кәрім  Мәсімов")
    )
    assert "\r" not in text and text == document_text(pdf, "article.pdf")


def test_pdf_metadata_comes_from_the_document_info(pdf: bytes) -> None:
    meta = document_metadata(pdf, "article.pdf")
    assert meta.title == "Security services in transition"
    assert meta.author == "Aigerim Sadykova"
    assert meta.date == "2022-03-14"
    assert (meta.site, meta.url) == ("", "")


def test_pdf_repair_removes_page_furniture_and_rejoins_words(pdf: bytes) -> None:
    result = repaired(pdf, "article.pdf")
    texts = [p.text for p in result.passages]
    assert texts[0] == (
        "Karim Massimov headed the National Security Committee from 2016 until January 2022, "
        "when he was dismissed and arrested on a charge of high treason. The commission that "
        "examined the events found the final report of the agency flawed in several respects, "
        "and the well-balanced observers in Almaty agreed with its findings.[1]"
    )
    # A paragraph broken across a page (its footnote box read between) is one passage again.
    assert texts[2] == (
        "Карим Масимов возглавлял Комитет национальной безопасности до января 2022 года. "
        "Масимова обвинили в государственной измене, а Абыкаеву не задали ни одного вопроса "
        "о деятельности службы.[2]"
    )
    assert "intelligence network" in texts[1] and "пресс-служба комитета" in texts[5]
    assert "комментариев" in texts[5] and "тергеушілер" in texts[3]
    for gone in (HEADER, "— 1 —", "— 2 —", "— 3 —", "ﬁ", "ﬂ", "  ", "dis- missed"):
        assert gone not in result.repaired_text
    assert [p.kind for p in result.passages] == ["body"] * 6 + ["note"] * 3


def test_pdf_footnotes_are_separated_and_linked(pdf: bytes) -> None:
    result = repaired(pdf, "article.pdf")
    notes = [p for p in result.passages if p.kind == "note"]
    assert [(p.number, p.text) for p in notes] == [
        (n, f"{n}. {text}") for n, text in FOOTNOTES.items()
    ]
    referring = {n: p.seq for p in result.passages for n in p.note_refs}
    assert referring == {1: 1, 2: 3, 3: 5}
    for passage in result.passages:  # raw spans still point at the extracted text
        assert all(0 <= s <= e <= len(result.raw_text) for s, e in passage.raw_spans)
        raw = "".join(result.raw_text[s:e] for s, e in passage.raw_spans)
        assert passage.text.split()[1].strip(".,") in raw.replace("\n", " ")


def test_pdf_passages_carry_their_language(pdf: bytes) -> None:
    languages = [p.language for p in repaired(pdf, "article.pdf").passages[:6]]
    assert languages == ["en", "en", "ru", "kk", "en", "ru"]


def test_pdf_given_text_is_not_extracted_again(pdf: bytes) -> None:
    text = document_text(pdf, "article.pdf")
    meta = SourceMeta(id="added", file="article.pdf", sha256="0" * 64)
    assert repair_source(meta, b"", text=text).passages == repaired(pdf, "article.pdf").passages
