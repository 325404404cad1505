"""Web-page chrome removal and the dropping of a page's second copy of itself."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kazsec.corpus.lines import Line

# Chrome that web pages of every publisher carry: print links, read counters,
# comment forms, newsletter pleas, copyright and footer lines, photo credits.
GENERIC_WEB_BOILERPLATE: tuple[str, ...] = (
    r"^Print this page$",
    r"^Read \d[\d,\s]* times$",
    r"^\d+ comments?$",
    r"^(Add|Leave|Post) (a )?comment$",
    r"^Your e-mail (address )?will not be published",
    r"(?i)\bsign up\b.*\b(newsletter|website|twitter|facebook|telegram)\b",
    r"(?i)^subscribe to (our|the) newsletter",
    r"^Published in [A-Z][\w ]+$",
    r"^(©|\(c\)|Copyright)\s*\d{4}",
    r"^Legal footer$",
    r"^top$",
    r"^photo: ",
    r"^Ph\.(/Fax)?:? \+?[\d ()-]+$",
    r"^E-mail: \S+@\S+$",
)


def compile_boilerplate(extra: Iterable[str] = ()) -> list[re.Pattern[str]]:
    """The generic chrome patterns plus a source's own (from sources.toml)."""
    return [re.compile(p) for p in (*GENERIC_WEB_BOILERPLATE, *extra)]


def is_boilerplate(text: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether a whole line is site chrome rather than document text."""
    stripped = text.strip()
    return bool(stripped) and any(p.search(stripped) for p in patterns)


def remove_web_boilerplate(lines: list[Line], patterns: Sequence[re.Pattern[str]]) -> list[Line]:
    """Drop chrome lines; they stay visible in the raw text, never in passages."""
    return [line for line in lines if not is_boilerplate(line.text, patterns)]


def drop_duplicate_copy(lines: list[Line], min_run: int = 10, share: float = 0.9) -> list[Line]:
    """Cut a second copy of the document captured after the first (as the CISS page has).

    The copy starts at the first substantial line that repeats an earlier one, provided
    that at least `share` of the non-blank lines from there on repeat earlier lines and
    there are `min_run` or more of them. A line unique to the copy (such as a date that
    only the copy carries) goes with it: the first copy is the text of record.
    """
    texts = [line.text.strip() for line in lines]
    for start, text in enumerate(texts):
        if len(text) < 30 or text not in texts[:start]:
            continue
        earlier = set(texts[:start])
        tail = [t for t in texts[start:] if t]
        repeated = sum(1 for t in tail if t in earlier)
        if len(tail) >= min_run and repeated >= share * len(tail):
            return lines[:start]
    return lines
