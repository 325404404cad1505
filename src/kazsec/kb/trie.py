"""Many words as one regular expression the engine runs fast: a trie of their characters.

An alternation of hundreds of words makes the engine try each in turn at every place. As a
trie ('Nazarbayev' and 'Nazarbayeva' share 'Nazarbayev', ending there is tried after going
on), the engine follows one branch per character, and the pattern opens with a set of
first characters, which the engine scans a text for in C. The start condition of a word
(no word character before it, or a lowercase letter before a capital: 'oursKazakhstan')
is tested just after its first character, as lookbehinds over two characters, so that the
set of first characters still opens the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The start condition, tested just after a word's first character (`c`): the character
# before `c` is no word character, or a lowercase letter with `c` uppercase.
STARTS_WORD = r"(?:(?<!\w[\s\S])|(?<=[a-zа-яё][A-ZА-ЯЁ]))"

# Capitals by how often words start with them in English and Russian text: at a capital, the
# trie's first branches are tried in this order (any order finds the same; this is faster).
_COMMON_FIRST = "TAISCMPBDRHFNEGWLOKJUVYZQXСПКМНВАТДРОГБЕИЛШЖЧХФЦЭЮЯЁ"
_Trie = dict[str, "_Trie"]  # a character -> what follows it; "" -> {} where a word ends


def trie_alternation(words: Iterable[str]) -> str:
    """A pattern matching the same text as the alternation of `words` longest first, the
    start condition after each first character. Branches at a node start with distinct
    characters, so at most one can go on; ending at a node is tried after going on."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie, top: bool) -> str:
        ends = "" in node
        branches = sorted(char for char in node if char)
        if top:  # the engine tries branches in turn: the commonest capitals first
            branches.sort(key=lambda c: _COMMON_FIRST.find(c) % (len(_COMMON_FIRST) + 1))
        if not branches:
            return ""
        if len(branches) == 1 and not ends and not top:
            return re.escape(branches[0]) + emit(node[branches[0]], False)
        guard = STARTS_WORD if top else ""
        body = "|".join(re.escape(c) + guard + emit(node[c], False) for c in branches)
        return f"(?:{body})?" if ends else f"(?:{body})"

    return emit(root, True)
