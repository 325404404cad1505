"""Reading added documents: kazsec's reader and repair against the bare library.

100 generated PDFs through `document_text` + `repair_source`, against pdfminer.six's
`extract_text` alone; 1,000 generated news pages through the same, against
`trafilatura.extract` alone. Each pair is timed in one run, interleaved; one JSON line a
pair with the ratio (the floor is 1.5x). Run: .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from documents import ARTICLE, article_pdf
from documents_office import news_page

from kazsec.corpus.extract import document_text
from kazsec.corpus.pipeline import repair_source
from kazsec.corpus.sources import SourceMeta


def pdfs(count: int) -> list[bytes]:
    """Distinct PDFs: the article set in columns of different heights (2-5 pages)."""
    return [article_pdf(lines_per_column=6 + n % 10, title=f"Report {n}") for n in range(count)]


def pages(count: int) -> list[bytes]:
    """Distinct pages: the article's paragraphs in rotation, cp1251 and UTF-8."""
    texts = [text.replace("\u00ad", "") for text, _ in ARTICLE]
    out = []
    for n in range(count):
        paragraphs = tuple(texts[(n + k) % len(texts)] for k in range(4))
        page = news_page(paragraphs=paragraphs, title=f"Статья номер {n}")
        out.append(page.encode("cp1251" if n % 2 else "utf-8", "replace"))
    return out


def kazsec(raw: bytes, name: str) -> None:
    meta = SourceMeta(id="bench", file=name, sha256="0" * 64)
    repair_source(meta, raw, text=document_text(raw, name))


def bare_pdf(raw: bytes) -> None:
    from pdfminer.high_level import extract_text

    extract_text(io.BytesIO(raw))


def bare_html(raw: bytes) -> None:
    import trafilatura

    trafilatura.extract(raw, with_metadata=True)


def timed(label: str, files: list[bytes], name: str, bare) -> dict[str, object]:  # type: ignore[no-untyped-def]
    kazsec(files[0], name)  # libraries, the language model and the regexes loaded once
    bare(files[0])
    ours = theirs = 0.0
    for raw in files:
        start = time.perf_counter()
        kazsec(raw, name)
        middle = time.perf_counter()
        bare(raw)
        ours += middle - start
        theirs += time.perf_counter() - middle
    return {
        "bench": label,
        "files": len(files),
        "kazsec_s": round(ours, 3),
        "library_s": round(theirs, 3),
        "ratio": round(ours / theirs, 2),
        "floor": 1.5,
    }


def main() -> None:
    print(json.dumps(timed("pdf", pdfs(100), "doc.pdf", bare_pdf)), flush=True)
    print(json.dumps(timed("html", pages(1000), "page.html", bare_html)), flush=True)


if __name__ == "__main__":
    main()
