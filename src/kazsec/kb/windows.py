"""Where a passage's offices are read first: the text around its office words.

Reading offices (see `offices`) takes the passage's tokens, and tokens cost time in
proportion to the text read. Offices are read from words near their office word (the
words before it, 'appointed the First Deputy NSC'; the body and the name after it, 'of
the Security Council (SC) – Major-General Ermek Sagimbayev'), so they are first read from
a window around the office words: reading past it raises OutsideWindow (see Tokens), and
then the caller reads the whole passage. The answer is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from kazsec.kb.offices import Words
from kazsec.kb.titles import office_words

# How much text before and after its office words (and personal titles) a passage's offices
# are read from first (on the bundled sources and the benchmark's, no reading went past).
_BEFORE, _AFTER = 40, 80


def office_window(
    text: str, titles: Sequence[int] = (), words: Words | None = None
) -> tuple[int, int] | None:
    """The part of a passage around its office words and the titles starting at `titles`,
    ending on spaces, where its offices are likely read in full (see Tokens: reading past
    it raises, and the caller reads the whole passage). None: most of the passage anyway."""
    spans = [*(office_words(text) if words is None else words), *((t, t + 1) for t in titles)]
    if not spans:
        return None
    start = min(s for s, _ in spans) - _BEFORE
    end = max(e for _, e in spans) + _AFTER
    start = 0 if start <= 0 else text.rfind(" ", 0, start) + 1
    end = len(text) if end >= len(text) else text.find(" ", end)
    end = len(text) if end < 0 else end
    if (end - start) * 4 >= len(text) * 3:
        return None
    return start, end
