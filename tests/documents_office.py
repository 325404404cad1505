"""Test documents made by code: Word files, web pages and text files (PDFs: documents.py).

The Word report is written by python-docx, which writes no footnotes: footnotes.xml, its
relationship and its content type are added to the zip here, as Word writes them.
"""

from __future__ import annotations

import datetime
import io
import zipfile

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DOCX_NOTES = {
    1: "Указ Президента Республики Казахстан от 6 января 2022 года.",
    2: "See the list of chairmen on the committee's website.",
}


def _footnotes_xml() -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in DOCX_NOTES.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{notes}</w:footnotes>"
    ).encode()


def report_docx() -> bytes:
    """A Word report in Russian, Kazakh, Ukrainian and English, with headings and two
    footnotes (python-docx writes no footnotes: footnotes.xml is added to the zip here)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    properties = document.core_properties
    properties.title = "Смена руководства КНБ"
    properties.author = "Айгерим Садыкова"
    properties.created = datetime.datetime(2022, 2, 16, 10, 0)

    def reference(paragraph: object, number: int) -> None:
        run = parse_xml(
            f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
        paragraph._p.append(run)  # type: ignore[attr-defined]

    document.add_heading("Смена руководства КНБ", level=1)
    first = document.add_paragraph(
        "Карим Масимов был освобождён от должности председателя КНБ 6 января 2022 года."
    )
    reference(first, 1)
    document.add_paragraph("Масимову предъявили обвинение в государственной измене.")
    document.add_heading("Қазақша", level=2)
    document.add_paragraph("Кәрім Мәсімовтің ісі бойынша тергеу 2022 жылы басталды.")
    document.add_heading("English summary", level=2)
    second = document.add_paragraph(
        "Nurtai Abykayev chaired the National Security Committee long before Karim Massimov."
    )
    reference(second, 2)
    document.add_paragraph(
        "Карім Масимов очолював Комітет національної безпеки до січня 2022 року."
    )
    saved = io.BytesIO()
    document.save(saved)
    return _with_footnotes(saved.getvalue())


def _with_footnotes(docx_bytes: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                override = (
                    f'<Override PartName="/word/footnotes.xml" ContentType="{_FOOTNOTES_CONTENT}"/>'
                )
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                relation = (
                    f'<Relationship Id="rIdNotes" Type="{_FOOTNOTES_TYPE}" Target="footnotes.xml"/>'
                )
                data = data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", _footnotes_xml())
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A small .docx whose document.xml inflates a thousandfold (20 MB of zeros)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        with target.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(20):
                member.write(block)
    return out.getvalue()


# --- Web pages and text files -------------------------------------------------------------

RU_ARTICLE = (
    "Карим Масимов был освобождён от должности председателя Комитета национальной "
    "безопасности 6 января 2022 года. Об этом сообщила пресс-служба Акорды.",
    "Бывший председатель КНБ Нуртай Абыкаев прокомментировал решение. По словам Абыкаева, "
    "Масимову предъявлено обвинение в государственной измене.",
)
RU_BOILERPLATE = (
    "Главная",
    "Политика",
    "Поделиться: Facebook Twitter Telegram",
    "Читайте также",
    "Токаев принял отставку правительства",
    "Отправить комментарий",
    "Мы используем файлы cookie. Продолжая, вы соглашаетесь.",
    "tracking",
    "Все права защищены",
)


def news_page(
    paragraphs: tuple[str, ...] = RU_ARTICLE,
    title: str = "Масимов освобождён от должности",
    charset: str | None = "windows-1251",
    lang: str = "ru",
    published: str = "2022-02-16T10:00:00+06:00",
    byline: str = "Айгерим Садыкова",
) -> str:
    """A news page with its chrome: navigation, share bar, read-also list, comment form,
    cookie note, script and footer around the article (boilerplate in RU_BOILERPLATE)."""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    published_meta = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta_charset}<title>{title} | Vlast.kz</title>'
        '<meta property="og:site_name" content="Vlast.kz">'
        f'<meta name="author" content="{byline}">{published_meta}'
        '<link rel="canonical" href="https://vlast.kz/politika/12345-masimov.html"></head><body>'
        '<nav><ul><li><a href="/">Главная</a></li><li><a href="/politika">Политика</a></li></ul></nav>'
        '<div class="share">Поделиться: Facebook Twitter Telegram</div>'
        f"<article><h1>{title}</h1>{body}</article>"
        '<div class="read-also"><h3>Читайте также</h3><ul><li><a href="/a">Токаев принял '
        "отставку правительства</a></li></ul></div>"
        '<form class="comments"><textarea></textarea><button>Отправить комментарий</button></form>'
        '<div class="cookie">Мы используем файлы cookie. Продолжая, вы соглашаетесь.</div>'
        '<script>var x = "tracking";</script>'
        "<footer>© 2022 Vlast.kz Все права защищены</footer></body></html>"
    )


UK_TEXT = (
    "Карім Масимов очолював Комітет національної безпеки Казахстану до січня 2022 року.\n"
    "Масимова заарештували за підозрою в державній зраді, а Нуртая Абикаєва не допитували.\n"
)
RU_TEXT = (
    "Карим Масимов возглавлял Комитет национальной безопасности до января 2022 года.\n"
    "Масимова обвинили в государственной измене, а Нуртаю Абыкаеву не задали ни одного вопроса.\n"
)
