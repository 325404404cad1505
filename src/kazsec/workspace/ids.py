"""Readable, typeable ids for added documents: `masimov-arestovan`, `2022-nsc-report`."""

from __future__ import annotations

import re
from collections.abc import Container

MAX_LETTERS = 48  # an id is typed (`kazsec open ID`): a title's first words are enough
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def document_id(title: str, stem: str, *taken: Container[str]) -> str:
    """An id from a document's title (else its file name), in Latin letters, words joined
    by '-', in none of the `taken` collections (a number is added: `-2`, `-3`...)."""
    from anyascii import anyascii  # romanizes Kazakh and Ukrainian letters too

    for text in (title, stem, "document"):
        words = _NOT_WORD.sub(" ", anyascii(text).lower()).split()
        base = ""
        for word in words:
            if base and len(base) + 1 + len(word) > MAX_LETTERS:
                break
            base = f"{base}-{word}" if base else word[:MAX_LETTERS]
        if base:
            break
    candidate, number = base, 1
    while any(candidate in ids for ids in taken):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
