"""New-name candidates: names in a researcher's documents that look like people or bodies
and that the knowledge base does not know.

Detected (pure functions over passage records; nothing is stored):

- capitalised names of two to four words, in Latin or Cyrillic script, hyphenated parts
  included ('Ivan Petrov', 'Иван Петров', 'Қасым-Жомарт ...');
- initials with a surname, before or after it ('К. К. Масимов', 'K.K. Massimov',
  'Масимов К.К.');
- a name after a title ('General Ivanov', 'генерал-майор Иванов', 'председатель КНБ
  Петров', 'төраға ...'): the title marks a person and is not part of the span;
- one capitalised word inside a sentence when it is shaped like a surname ('Петрову',
  'Sidorenko'), or when a longer name found elsewhere in the same passages ends in it
  ('Smith' after 'John Smith');
- bodies' names in English, Russian, Ukrainian and Kazakh (`candidate_bodies`) and
  acronyms of two to six capitals ('КНБ', 'NSC').

Left out: an ordinary word opening a sentence, months and weekdays, countries and big cities
(a short list, and the places the Russian dictionary knows), states' acronyms and roman
numerals, runs of five capitalised words or more (a headline), words in capitals three in a
row (a shout), and every span the Linker links to a known person or body.

Not detected: names written in lowercase, surnames alone that end like no surname (a
single 'Smith' with no 'John Smith' anywhere), given names alone, names split across a line
break, names after a word that no list here knows for a title, bodies written in lowercase
('министерство обороны') or cut by a comma ('Министерство цифрового развития, инноваций
...' ends at the comma in Russian; English lists closed by 'and' are whole). A name with a
word the passages also write in lowercase ('Bill Gates' beside 'the bill') counts only with
a title before it or a name the Russian or Ukrainian dictionary knows: that word is how
title-case headlines are kept out. So what is found depends on all the passages given at
once, as the joining of keys does.

Keys: case forms and spellings are joined as `candidate_keys` says (a woman's surname is
keyed as her family's); a lone surname, or initials and a surname, take the key of a full
name in the passages that ends in that surname, when exactly one does (and the initials
fit it); bodies named in two languages are two candidates.

Known: a person's span overlapping a Linker mention is known, except a given name before a
bare known surname that fits none of its people ('Ivan Petrov' when only N.I. Petrov is
known: the Linker's own rule for initials); initials that fit a known surname are known
('Масимов К.К.'); a body's span is known when one Linker mention covers half of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from kazsec.kb.candidate_bodies import body_spans
from kazsec.kb.candidate_keys import person_key, surname_shaped, word_key
from kazsec.kb.candidate_lexicon import LOWER
from kazsec.kb.candidate_spans import Found, name_spans
from kazsec.kb.mentions import Linker
from kazsec.names.fold import fold_key

Record = dict[str, Any]
_LOWERCASE_WORD = re.compile(rf"(?<![\w’'-]){LOWER}[\w’'-]*")


class CandidateMention(NamedTuple):
    """One name-like span of a passage the knowledge base does not know."""

    text: str  # as written: passage text[start:end]
    key: str  # groups case forms and spellings of one name ('p:…' people, 'b:…' bodies)
    kind: str  # "person", "body" or "unknown"
    passage: str  # the passage id
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A new name with everything written for it: `tally` makes one per key."""

    name: str  # its most frequent written form
    key: str
    kind: str
    count: int  # mentions
    passages: tuple[str, ...]  # passage ids, in first-seen order
    forms: tuple[str, ...]  # every written form, most frequent first


def _known_spans(
    passages: Sequence[Record], linker: Linker, mentions: Sequence[Record] | None
) -> dict[str, list[Record]]:
    """The Linker's mentions by passage id (`mentions` when the caller linked the passages
    already, else each source linked on its own, its contract), with their offsets made
    the passage's (the Linker's are the source's)."""
    by_source: dict[str, list[Record]] = defaultdict(list)
    offsets: dict[str, int] = {}
    for passage in passages:
        # The Linker reads a passage's source and offset; a bare record gets defaults.
        whole = {"source": "", "start": 0, **passage}
        by_source[whole["source"]].append(whole)
        offsets[whole["id"]] = whole["start"]
    if mentions is None:
        mentions = [m for group in by_source.values() for m in linker.link(group)]
    known: dict[str, list[Record]] = defaultdict(list)
    for mention in mentions:
        offset = offsets[mention["passage"]]
        known[mention["passage"]].append(
            {**mention, "start": mention["start"] - offset, "end": mention["end"] - offset}
        )
    return known


def _other_given_name(found: Found, text: str, mention: Record, linker: Linker) -> bool:
    """A given name before a known surname that fits none of its people ('Ivan Petrov' when
    only N.I. Petrov is known): the Linker's rule for initials, applied to a full name."""
    if mention.get("how") != "surname" or not mention["start"] > found.start:
        return False
    before = text[found.start : mention["start"]].split()
    if not before:
        return False
    letter = fold_key(before[-1])[:1]
    for candidate in mention.get("candidates", []):
        entity = linker.forms.entities.get((candidate["type"], candidate["id"]))
        if entity is None:
            return False
        if any(fold_key(full)[:1] == letter for full in entity.full_names or [entity.name]):
            return False
    return True


@lru_cache(maxsize=2)  # per Linker: a build links thousands of documents with one
def known_surnames(linker: Linker) -> dict[str, set[str]]:
    """Known people's surnames (fold keys) with the first letters of their given names."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for (kind, _), entity in linker.forms.entities.items():
        if kind == "person":
            letters = {fold_key(full)[:1] for full in entity.full_names}
            for surname in entity.surnames:
                surnames[fold_key(surname)] |= letters
    return surnames


class _MentionsNear:
    """A passage's known mentions, found by position: a name is checked against those that
    may overlap it, not all of them (a one-line document of 500 KB is one passage holding
    thousands of mentions, and checking each name against all took minutes)."""

    def __init__(self, mentions: Sequence[Record]) -> None:
        self._mentions = sorted(mentions, key=lambda m: m["start"])
        self._starts = [m["start"] for m in self._mentions]
        self._longest = max((m["end"] - m["start"] for m in self._mentions), default=0)

    def around(self, found: Found) -> list[Record]:
        """Every mention that may overlap `found`: those starting less than the longest
        mention's length before it, up to its end, in order."""
        low = bisect_left(self._starts, found.start - self._longest)
        return self._mentions[low : bisect_left(self._starts, found.end)]


def _is_known(
    found: Found, text: str, mentions: list[Record], linker: Linker, surnames: dict[str, set[str]]
) -> bool:
    """A person's name overlapping a known mention is known, and so are initials that fit a
    known surname ('Масимов К.К.', which the Linker reads only with one initial); a body's
    name is known when one known name covers half of it (so 'Пограничная служба КНБ' would
    be new were only 'КНБ' known)."""
    if found.role == "initials":
        initials = text[found.start : found.end].replace(found.words[0], "", 1)
        if fold_key(initials)[:1] in surnames.get(word_key(found.words[0]), ()):
            return True
    for mention in mentions:
        start, end = mention["start"], mention["end"]
        if start >= found.end or end <= found.start:
            continue
        if found.role == "body":
            if 2 * (min(end, found.end) - max(start, found.start)) >= found.end - found.start:
                return True
            continue
        if not _other_given_name(found, text, mention, linker):
            return True
    return False


def _lowercase_words(passages: Iterable[Record]) -> set[str]:
    words: set[str] = set()
    for passage in passages:
        words.update(_LOWERCASE_WORD.findall(passage["text"]))
    return words


def _spans(text: str, lowercase: set[str]) -> list[Found]:
    """The passage's bodies and the other names not inside a body, in reading order."""
    bodies = body_spans(text, lowercase)
    names = [
        found
        for found in name_spans(text, lowercase)
        if not any(b.start < found.end and found.start < b.end for b in bodies)
    ]
    return sorted([*bodies, *names])


def _surname_keys(found: Iterable[Found]) -> set[str]:
    """Keys of the words a lone capitalised word may be: the last word of a longer name,
    its words shaped like surnames, the surname after initials."""
    keys: set[str] = set()
    for name in found:
        if name.role == "name":
            keys.add(word_key(name.words[-1]))
            keys.update(word_key(w) for w in name.words if surname_shaped(w))
        elif name.role == "initials":
            keys.add(word_key(name.words[0]))
    return keys


def _key(found: Found) -> str:
    if found.key:
        return found.key
    if found.role == "acronym":
        return "b:" + fold_key(found.words[0])
    if found.role == "name":
        return "p:" + person_key(list(found.words))
    return "p:" + word_key(found.words[0])


def _joined(mentions: list[CandidateMention], found: list[Found]) -> list[CandidateMention]:
    """A lone surname (or initials and a surname) takes the key of the one full name in the
    passages that has it, if only one has; initials must fit that name's given name."""
    full: dict[str, set[str]] = defaultdict(set)
    for mention, name in zip(mentions, found, strict=True):
        if name.role == "name":
            for word in mention.key[2:].split():
                full[word].add(mention.key)
    joined = []
    for mention, name in zip(mentions, found, strict=True):
        keys = full.get(mention.key[2:], set()) if name.role != "name" else set()
        if len(keys) == 1 and mention.key.startswith("p:"):
            (key,) = keys
            initials = mention.text.replace(name.words[0], "", 1)
            letter = fold_key(initials)[:1]
            others = [w for w in key[2:].split() if w != mention.key[2:]]
            if name.role != "initials" or any(w.startswith(letter) for w in others):
                mention = mention._replace(key=key)
        joined.append(mention)
    return joined


def find_candidates(
    passages: Sequence[Record], linker: Linker, linked: Sequence[Record] | None = None
) -> list[CandidateMention]:
    """Name-like spans the knowledge base does not know, in the passages' order and reading
    order within each (see the module's docstring for what is found and what is not).
    `linked`: what `linker.link` found in these passages, when the caller has it (the
    build does: linking twice would double its cost)."""
    passages = list(passages)
    known = _known_spans(passages, linker, linked)
    lowercase = _lowercase_words(passages)
    surnames = known_surnames(linker)
    found: list[tuple[Record, Found]] = []
    for passage in passages:
        text = passage["text"]
        near = _MentionsNear(known.get(passage["id"], []))
        for name in _spans(text, lowercase):
            if not _is_known(name, text, near.around(name), linker, surnames):
                found.append((passage, name))
    lone = _surname_keys(name for _, name in found)
    mentions: list[CandidateMention] = []
    kept: list[Found] = []
    for passage, name in found:
        if name.role == "maybe":
            if word_key(name.words[0]) not in lone:
                continue
            name = name._replace(kind="person", role="single")
        text = passage["text"][name.start : name.end]
        mentions.append(
            CandidateMention(text, _key(name), name.kind, passage["id"], name.start, name.end)
        )
        kept.append(name)
    return _joined(mentions, kept)


def tally(mentions: Iterable[CandidateMention]) -> list[Candidate]:
    """One candidate per key: its most frequent form (then the longest, then the first
    seen), its kind (people and bodies outvote 'unknown'), its count and passages; the
    most mentioned first, then by name."""
    groups: dict[str, list[CandidateMention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    candidates = []
    for key, group in groups.items():
        forms = Counter(m.text for m in group)
        first = {form: index for index, form in reversed(list(enumerate(m.text for m in group)))}
        ranked = sorted(forms, key=lambda f: (-forms[f], -len(f), first[f]))
        kinds = Counter(m.kind for m in group if m.kind != "unknown")
        kind = kinds.most_common(1)[0][0] if kinds else "unknown"
        passages = tuple(dict.fromkeys(m.passage for m in group))
        candidates.append(Candidate(ranked[0], key, kind, len(group), passages, tuple(ranked)))
    candidates.sort(key=lambda c: (-c.count, c.name.casefold(), c.key))
    return candidates
