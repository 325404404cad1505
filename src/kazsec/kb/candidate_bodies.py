"""Bodies' names in one passage: 'Ministry of Digital Development', 'State Guard Service',
'Министерство цифрового развития', 'Пограничная служба КНБ', 'Ақпарат министрлігі'.

- English: capitalised words around a head word ('Ministry', 'Service', 'Committee'...),
  with 'of', 'for', 'on', 'the' and 'and' between them, all in one pattern.
- Russian and Ukrainian: a capitalised head ('Министерство', 'Комитета') or a capitalised
  adjective and a head ('Национальная гвардия'), then the words in the genitive after it
  (and 'по' with words in the dative: 'Агентство по финансовому мониторингу'), as the
  dictionary reads them; a comma ends the name.
- Kazakh: a head with its possessive ending closes the name ('министрлігі', 'комитетінің');
  the name opens at the nearest capitalised word before it, and takes the capitalised
  words before that ('Қазақстан Республикасы Ішкі істер министрлігі').

The key of a body is the fold key of its name with the head (and a Russian adjective before
it) in the nominative, so 'Министерства цифрового развития' and 'Министерство цифрового
развития' are one body; a body named in two languages is two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from kazsec.kb.candidate_keys import is_ordinary, is_stop, morph, surname_shaped
from kazsec.kb.candidate_lexicon import (
    EN_HEADS,
    KAZAKH_HEAD,
    LOWER,
    OPENERS,
    SLAVIC_ADJ,
    SLAVIC_HEADS,
    STOP_PHRASES,
    UPPER,
)
from kazsec.kb.candidate_spans import WORD, Found, sentence_initial
from kazsec.names.fold import fold_key

_SP = r"[ \u00a0]+"
_W = rf"(?:{WORD}|{UPPER}{{2,6}})"
_WORDS = rf"{_W}(?:{_SP}{_W})*"
# Tail words: a list with commas must close with 'and' ('Digital Development, Innovation
# and Aerospace Industry'), so 'Ministry of Defence, Petrov said' stops at the comma; a
# head after 'and' opens another body ('Ministry of Defence and Ministry of Finance').
_TAIL = rf"{_WORDS}(?:(?:,{_SP}{_WORDS})*,?{_SP}and{_SP}(?!(?:{EN_HEADS})\b){_WORDS})?"
_ENGLISH = re.compile(
    rf"(?<![\w’'-])(?:{_W}{_SP}){{0,4}}(?:{EN_HEADS})(?!\w)"
    rf"(?:{_SP}(?:of|for|on)(?:{_SP}the)?{_SP}{_TAIL})*"
)
_SLAVIC = re.compile(
    rf"(?<![\w’'-])(?:{SLAVIC_ADJ}(?:{_SP}{LOWER}+)?{_SP}(?:{SLAVIC_HEADS.lower()})"
    rf"|(?:{SLAVIC_HEADS}))(?![\w-])"
)
# Whether a passage has an English head at all: a scan in C (~2 µs a passage) spares the
# pattern above, which tries every capital (~40 µs).
_ANY_ENGLISH_HEAD = re.compile(rf"(?:{EN_HEADS})(?!\w)")
_NEXT = re.compile(rf"{_SP}(?P<word>[\w’'-]+)")
_KAZAKH = re.compile(rf"(?<![\w-]){KAZAKH_HEAD}(?!\w)")
_WORD_BACK = re.compile(r"[\w’'-]+")
_BREAK = re.compile(r"[.,;:!?()«»\"“”\n]")
_GLUE = frozenset({"и", "і", "та", "й"})
_LONGEST = 12  # words after a Russian or Ukrainian head, at most


def _trim_opening(text: str, start: int, words: list[str], lowercase: Set[str]) -> int:
    """How many words to drop from a body's start: 'The', or an ordinary word opening a
    sentence ('Today State Guard Service...')."""
    if not words:
        return 0
    first = words[0]
    if first.lower() in OPENERS:
        return 1
    if sentence_initial(text, start) and (first.lower() in lowercase or is_ordinary(first)):
        return 1
    return 0


def _english(text: str, lowercase: Set[str]) -> Iterator[Found]:
    for match in _ENGLISH.finditer(text):
        start, end = match.span()
        words = match.group().split()
        if _trim_opening(text, start, words, lowercase):
            if len(words) < 3:
                continue
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if len(words) < 2 or tuple(w.lower() for w in words) in STOP_PHRASES:
            continue
        yield Found(start, end, "body", "body", tuple(words), "b:" + fold_key(" ".join(words)))


def _genitive_tail(text: str, end: int) -> tuple[int, list[str]]:
    """Where the words in the genitive after a Russian or Ukrainian head end, and the words."""
    taken: list[str] = []
    pending: list[str] = []
    dative = False
    at = end
    while len(taken) < _LONGEST and (match := _NEXT.match(text, at)) is not None:
        word = match.group("word")
        low = word.lower()
        if word in _GLUE or low == "по":
            dative = dative or low == "по"
            pending.append(word)
            at = match.end()
            continue
        if word.isupper() and 2 <= len(word) <= 6:
            fits = True
        elif word[:1].isupper():
            # A place ('Республики Казахстан', 'України', 'по городу Алматы'), never a person.
            reading = morph(word)
            fits = is_stop(word) or (reading.genitive and not reading.name)
        else:
            reading = morph(word)
            fits = reading.genitive or (dative and reading.dative)
        if not fits:
            break
        taken += [*pending, word]
        pending = []
        end = at = match.end()
    return end, taken


def _slavic(text: str) -> Iterator[Found]:
    for match in _SLAVIC.finditer(text):
        start, head_end = match.span()
        end, tail = _genitive_tail(text, head_end)
        if not tail and " " not in match.group():
            continue  # a head alone ('Министерство заявило') names no body
        named = [morph(w).lemma or w.lower() for w in match.group().split()]
        key = "b:" + fold_key(" ".join(named + tail))
        yield Found(start, end, "body", "body", tuple(text[start:end].split()), key)


def _kazakh(text: str, lowercase: Set[str]) -> Iterator[Found]:
    for match in _KAZAKH.finditer(text):
        head_start = match.start()
        reach = max(0, head_start - 80)
        breaks = list(_BREAK.finditer(text, reach, head_start))
        if breaks:
            reach = breaks[-1].end()
        words = list(_WORD_BACK.finditer(text, reach, head_start))[-8:]
        capitals = [i for i, w in enumerate(words) if w.group()[:1].isupper()]
        if not capitals or len(words) - capitals[-1] > 5:
            continue  # no capitalised word near: a common noun ('қызметі' is also 'work')
        first = capitals[-1]
        while first > 0 and words[first - 1].group()[:1].isupper():
            if surname_shaped(words[first - 1].group()):
                break
            first -= 1
        names = [w.group() for w in words[first:]]
        if _trim_opening(text, words[first].start(), names, lowercase):
            first += 1
            names = names[1:]
        if not names or not names[0][:1].isupper():
            continue
        start = words[first].start()
        key = "b:" + fold_key(" ".join([*names, match.group("head")]))
        found = (*names, match.group())
        yield Found(start, match.end(), "body", "body", found, key)


def body_spans(text: str, lowercase: Set[str]) -> list[Found]:
    """Every body's name in a passage, in reading order, none overlapping another."""
    found = list(_kazakh(text, lowercase))
    if _ANY_ENGLISH_HEAD.search(text):
        found += _english(text, lowercase)
    found += _slavic(text)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for body in found:
        if not kept or body.start >= kept[-1].end:
            kept.append(body)
    return kept
