"""Web-page chrome removal and the dropping of a page's second copy of itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

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


# Patterns come from hand-edited metadata: the `regex` module (unlike `re`) can stop a match
# that backtracks without end, so a pathological pattern fails the build instead of hanging it.
MATCH_SECONDS = 0.25


class PatternTooSlow(Exception):
    """A boilerplate pattern that took longer than MATCH_SECONDS on one line."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


def combine_generic(patterns: Sequence[str]) -> tuple[regex.Pattern[str], ...]:
    """Patterns that only match at the start of a line, as one ('^(?:a|b|...)' is tried once
    per line, each alone would be a search of its own), then the others one by one.

    For the generic patterns only, none of which has a '|' outside a group: tests check that
    the whole finds a line exactly when one of the patterns does.
    """
    anchored, loose = [], []
    for pattern in patterns:
        flags, body = ("i", pattern[4:]) if pattern.startswith("(?i)") else ("", pattern)
        if body.startswith("^"):
            anchored.append(f"(?{flags}:{body[1:]})")
        else:
            loose.append(regex.compile(pattern))
    return (regex.compile("^(?:" + "|".join(anchored) + ")"), *loose)


# Ours, and simple: searched without a timeout, which costs more than these searches do
# (the `regex` module reads the clock for it: ~1.2 µs a search, 14 searches a line).
_GENERIC = combine_generic(GENERIC_WEB_BOILERPLATE)


def compile_boilerplate(extra: Iterable[str] = ()) -> list[regex.Pattern[str]]:
    """The generic chrome patterns plus a source's own (from sources.toml)."""
    return [*_GENERIC, *(regex.compile(p) for p in extra)]


def is_boilerplate(text: str, patterns: Sequence[regex.Pattern[str]]) -> bool:
    """Whether a whole line is site chrome rather than document text."""
    stripped = text.strip()
    if not stripped:
        return False
    for pattern in patterns:
        try:
            timeout = None if pattern in _GENERIC else MATCH_SECONDS
            if pattern.search(stripped, timeout=timeout):
                return True
        except TimeoutError:
            raise PatternTooSlow(pattern.pattern) from None
    return False


def remove_web_boilerplate(lines: list[Line], patterns: Sequence[regex.Pattern[str]]) -> list[Line]:
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
