"""Fuzzing the repair pipeline: any text, either format, yields sound passages."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.corpus.pipeline import repair_source
from kazsec.corpus.sources import SourceMeta

# Text made of the pieces the real damage is made of, so the fuzzer reaches the repairs.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        " ",
        "-",
        "—",
        "1 See: ",
        "12",
        ".",
        "“",
        "À",
        "\ufffd",
        "\U0003ffff",
        "ôåâðàëÿ",
        "I n t r o",
        "azakhstan",
        " Page",
        "word",
        "Kazakh-",
        "stan",
        "RUS",
        "Print this page",
        "• ",
        "2-1) ",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def meta(fmt: str) -> SourceMeta:
    return SourceMeta("fuzz", "fuzz.txt", "", "", "", "", "", "test", fmt, "")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, st.sampled_from(["web", "pdf"]))
def test_any_document_repairs_into_passages_that_tile_the_text(document: str, fmt: str) -> None:
    result = repair_source(meta(fmt), document.replace("\x00", "").encode("utf-8"))
    for passage in result.passages:
        assert result.repaired_text[passage.start : passage.end] == passage.text
        assert passage.text.strip() == passage.text and passage.text
        assert all(0 <= s <= e <= len(result.raw_text) for s, e in passage.raw_spans)
    if fmt == "pdf":
        assert "\ufffd" not in result.repaired_text and "\U0003ffff" not in result.repaired_text
