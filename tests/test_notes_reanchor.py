"""Re-anchoring a note's quote in a changed text: exact, moved, fuzzy or orphan, never out
of range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kazsec.kb.reanchor import reanchor

# The quote's letters and the text around it never meet: where the quote is, is certain.
QUOTE_LETTERS = "abcdefghijklmnopqrstuvwxyz "
OTHER_LETTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .,\n"
quotes = st.text(QUOTE_LETTERS, min_size=30, max_size=120).filter(lambda q: q.strip() == q)
around = st.text(OTHER_LETTERS, max_size=400)
CONTEXT = 32


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


@given(quotes, around, around)
def test_a_quote_where_it_was_is_exact(quote: str, before: str, after: str) -> None:
    text = before + quote + after
    prefix, suffix = _context(text, len(before), len(before) + len(quote))
    found = reanchor(quote, prefix, suffix, len(before), text)
    assert found == ("exact", len(before), len(before) + len(quote), quote)


@given(quotes, around, around, st.text(OTHER_LETTERS, min_size=1, max_size=200))
def test_a_quote_pushed_along_is_found_where_it_went(
    quote: str, before: str, after: str, inserted: str
) -> None:
    old = before + quote + after
    prefix, suffix = _context(old, len(before), len(before) + len(quote))
    new = inserted + old
    found = reanchor(quote, prefix, suffix, len(before), new)
    start = len(inserted) + len(before)
    assert found == ("moved", start, start + len(quote), quote)


@given(quotes, around, around, st.data())
def test_a_letter_or_two_changed_inside_the_quote_is_found_fuzzily(
    quote: str, before: str, after: str, data: st.DataObject
) -> None:
    changed = list(quote)
    for _ in range(data.draw(st.integers(1, 2))):
        at = data.draw(st.integers(1, len(quote) - 2))  # inside: its edges stay as they were
        changed[at] = data.draw(st.sampled_from("@#%"))  # a sign neither text nor quote has
    new_quote = "".join(changed)
    old = before + quote + after
    prefix, suffix = _context(old, len(before), len(before) + len(quote))
    found = reanchor(quote, prefix, suffix, len(before), before + new_quote + after)
    assert found.status == "fuzzy"
    assert found.found == new_quote
    assert (found.start, found.end) == (len(before), len(before) + len(new_quote))


@given(quotes, around, around)
def test_a_quote_taken_out_is_an_orphan(quote: str, before: str, after: str) -> None:
    old = before + quote + after
    prefix, suffix = _context(old, len(before), len(before) + len(quote))
    assert reanchor(quote, prefix, suffix, len(before), before + after) == (
        "orphan",
        None,
        None,
        "",
    )


@settings(max_examples=300)
@given(st.text(max_size=60), st.text(max_size=40), st.text(max_size=40), st.integers(), st.text())
def test_offsets_are_always_inside_the_text(
    quote: str, prefix: str, suffix: str, start: int, text: str
) -> None:
    found = reanchor(quote, prefix, suffix, start, text)
    if found.status == "orphan":
        assert (found.start, found.end, found.found) == (None, None, "")
    else:
        assert found.start is not None and found.end is not None
        assert 0 <= found.start <= found.end <= len(text)
        assert text[found.start : found.end] == found.found


def test_of_several_places_the_one_with_its_context_wins_then_the_nearest() -> None:
    text = "KNB chairman. Other words here. KNB chairman. The end of it."
    quote = "KNB chairman"
    # Context of the second occurrence, an old offset nearer the first: the context wins.
    found = reanchor(quote, "words here. ", ". The end", 0, "x" + text)
    assert (found.status, found.start) == ("moved", 33)
    # No context to go by: the nearest to where it was.
    assert reanchor(quote, "", "", 30, "x" + text).start == 33
    assert reanchor(quote, "", "", 3, "x" + text).start == 1


def test_a_word_put_in_is_found_with_the_whole_words_around_it() -> None:
    text = "Karim Massimov was detained on 8 January 2022 by the NSC."
    quote = "Massimov was detained on 8 January 2022"
    changed = text.replace("was detained", "was swiftly detained")
    found = reanchor(quote, "Karim ", " by the NSC.", 6, changed)
    assert found.status == "fuzzy"
    assert found.found == "Massimov was swiftly detained on 8 January 2022"
    # Too much rewritten: not the same words any more.
    rewritten = text.replace("was detained on 8 January", "was, after a long inquiry, held from")
    assert reanchor(quote, "Karim ", " by the NSC.", 6, rewritten).status == "orphan"


def test_a_note_written_by_hand_without_offsets_is_exact_where_its_quote_is() -> None:
    assert reanchor("the NSC", "", "", -1, "Then the NSC met.") == ("exact", 5, 12, "the NSC")


def test_a_text_shorter_than_the_quote_may_still_hold_it() -> None:
    quote = "the National Security Committee of Kazakhstan"
    assert reanchor(quote, "", "", 0, "Committee of Kazakhstan").status == "orphan"
    found = reanchor(quote, "", "", 0, quote.replace("Security", "Securty"))
    assert found == ("fuzzy", 0, len(quote) - 1, quote.replace("Security", "Securty"))
