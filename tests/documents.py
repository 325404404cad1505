"""Test documents made by code: PDFs (Word files, pages and text: documents_office.py).

Nothing binary is checked in. The PDFs are laid out here word by word (fpdf2 draws each
word where this module puts it), so what pdfminer reads back is what a journal's PDF
gives: two justified columns, words hyphenated at line ends, a running header, a page
number in the footer, footnotes in small print at the foot of a page and references to
them as raised numbers.

Cyrillic needs a Unicode font: DejaVu Sans, as shipped inside matplotlib's wheel (a dev
dependency), so a clean machine gets it through pip alone; fpdf2's own core fonts are
Latin-1 only.
"""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

from kazsec.corpus.pipeline import RepairedSource, repair_source
from kazsec.corpus.sources import SourceMeta

SHY = "\u00ad"  # where a word may be hyphenated at a line end

HEADER = "Central Asian Security Review · Vol. 7, No. 2"

# (paragraph words, footnote number after the paragraph's last word or 0)
ARTICLE: list[tuple[str, int]] = [
    (
        "Karim Massimov headed the National Security Committee from 2016 until January 2022, "
        f"when he was dis{SHY}missed and arrested on a charge of high treason. The com{SHY}mission "
        f"that examined the events found the ﬁnal report of the agency ﬂawed in several "
        f"re{SHY}spects, and the well-balanced observers in Almaty agreed with its ﬁndings.",
        1,
    ),
    (
        f"Nurtai Abykayev, who chaired the committee before him, was never questioned by the "
        f"investigators. Under Abykayev the service had built its own intel{SHY}ligence network "
        f"abroad, and Massimov inherited it together with the agency's archives and staff.",
        0,
    ),
    (
        f"Карим Масимов возглавлял Комитет национальной безопас{SHY}ности до января 2022 года. "
        f"Масимова обвинили в государ{SHY}ственной измене, а Абыкаеву не задали ни одного "
        f"вопроса о деятельности службы.",
        2,
    ),
    (
        f"Кәрім Мәсімов Ұлттық қауіпсіздік комитетін басқарды. Мәсімовті 2022 жылы қамауға "
        f"алды, ал Нұртай Әбіқаев туралы тергеу{SHY}шілер ештеңе сұрамады.",
        0,
    ),
    (
        f"Observers in Astana de{SHY}scribed the reshuffle as the most significant since "
        f"independence. The new chairman of the committee replaced every deputy within a "
        f"fort{SHY}night and ordered a review of the archives that Massimov had kept.",
        3,
    ),
    (
        f"Аналитики считают, что реформа спецслужб затронет и Службу государственной охраны. "
        f"По их словам, пресс-служба комитета отказалась от коммента{SHY}риев.",
        0,
    ),
]
FOOTNOTES = {
    1: "See the decree of the President of 6 January 2022.",
    2: "Указ Президента Республики Казахстан от 6 января 2022 года.",
    3: "Interview with a former officer of the committee, Almaty, March 2022.",
}


def dejavu_font() -> Path:
    """DejaVu Sans from matplotlib's package data, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations, "pip install matplotlib"
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


class _ColumnLayout:
    """Lays paragraphs into two justified columns of a fixed number of lines per page."""

    LEFT, WIDTH, GUTTER, TOP, LINE = 20.0, 80.0, 10.0, 30.0, 5.0

    def __init__(self, lines_per_column: int, header: str) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("DejaVu", fname=str(dejavu_font()))
        self.lines_per_column = lines_per_column
        self.header = header
        self.column = 1
        self.line = lines_per_column  # full: the first line opens a page
        self.notes: list[int] = []

    def _width(self, word: str, size: float = 10) -> float:
        self.pdf.set_font("DejaVu", size=size)
        return float(self.pdf.get_string_width(word.replace(SHY, "")))

    def _finish_page(self) -> None:
        pdf = self.pdf
        if pdf.page == 0:
            return
        if self.notes:
            top = self.TOP + self.lines_per_column * self.LINE + 12
            pdf.line(self.LEFT, top - 3, self.LEFT + 50, top - 3)
            pdf.set_font("DejaVu", size=8)
            for number in self.notes:
                pdf.text(self.LEFT, top, f"{number} {FOOTNOTES[number]}")
                top += 4
            self.notes = []
        pdf.set_font("DejaVu", size=9)
        footer = f"— {pdf.page} —"
        pdf.text(105 - self._width(footer, 9) / 2, 285, footer)

    def _next_line(self) -> tuple[float, float]:
        if self.line == self.lines_per_column:
            self.line = 0
            self.column += 1
            if self.column == 2:
                self._finish_page()
                self.pdf.add_page()
                self.column = 0
                self.pdf.set_font("DejaVu", size=9)
                self.pdf.text(105 - self._width(self.header, 9) / 2, 15, self.header)
        x = self.LEFT + self.column * (self.WIDTH + self.GUTTER)
        y = self.TOP + self.line * self.LINE
        self.line += 1
        return x, y

    def _draw(self, words: list[str], justify: bool, note: int) -> None:
        """One line: each word drawn with its space; a justified line spreads the rest of
        the column's width over the gaps, up to 2 mm each (as a typesetter would rather
        hyphenate than open wider gaps), which pdfminer reads back as doubled spaces."""
        x, y = self._next_line()
        texts = [word.replace(SHY, "") + " " for word in words[:-1]] + [words[-1].replace(SHY, "")]
        widths = [self._width(text) for text in texts]
        extra = (self.WIDTH - sum(widths)) / (len(words) - 1) if len(words) > 1 else 0.0
        extra = min(extra, 2.0) if justify else 0.0
        self.pdf.set_font("DejaVu", size=10)
        for text, width in zip(texts, widths, strict=True):
            self.pdf.text(x, y, text)
            x += width + extra
        if note:  # a raised number right after the last word, as journals set them
            self.pdf.set_font("DejaVu", size=6)
            self.pdf.text(x - extra, y - 1.8, str(note))
            self.notes.append(note)

    def paragraph(self, text: str, note: int) -> None:
        """Set one paragraph: greedy lines, a word broken at a soft hyphen when it helps."""
        words = text.split()
        line: list[str] = []
        while words:
            word = words.pop(0)
            candidate = [*line, word]
            if sum(map(self._width, candidate)) + self._width(" ") * len(line) <= self.WIDTH:
                line = candidate
                continue
            pieces = word.split(SHY)
            for cut in range(len(pieces) - 1, 0, -1):
                head = "".join(pieces[:cut]) + "-"
                trial = [*line, head]
                if sum(map(self._width, trial)) + self._width(" ") * len(line) <= self.WIDTH:
                    line = trial
                    words.insert(0, SHY.join(pieces[cut:]))
                    break
            else:
                words.insert(0, word)
            self._draw(line, justify=True, note=0)
            line = []
        self._draw(line, justify=False, note=note)
        if self.line < self.lines_per_column:
            self.line += 1  # a blank line between paragraphs, as the journal sets them

    def output(self) -> bytes:
        self._finish_page()
        return bytes(self.pdf.output())


def article_pdf(
    lines_per_column: int = 9,
    title: str = "Security services in transition",
    author: str = "Aigerim Sadykova",
) -> bytes:
    """The two-column article above as a PDF of several pages, with its document info."""
    layout = _ColumnLayout(lines_per_column, HEADER)
    layout.pdf.set_title(title)
    layout.pdf.set_author(author)
    layout.pdf.set_creation_date(datetime.datetime(2022, 3, 14, 9, 30, tzinfo=datetime.UTC))
    for text, note in ARTICLE:
        layout.paragraph(text, note)
    return layout.output()


def encrypted_pdf() -> bytes:
    """A one-page PDF that opens only with a password."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "Karim Massimov")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF whose page has no text layer (a drawing stands in for the scanned image)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    return bytes(pdf.output())


def repaired(raw: bytes, filename: str) -> RepairedSource:
    """A test document through the whole repair pipeline, as an added file."""
    meta = SourceMeta(id="added", file=filename, sha256="0" * 64)
    return repair_source(meta, raw)
