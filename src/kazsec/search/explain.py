"""How a query reached a name, said in one line: 'Масимова → Масимов (Russian genitive) → Massimov'.

A researcher must be able to tell a name found as written from one found through a case
ending, another language's spelling, the other gender of a surname or a typo, and judge
the match accordingly. The line is built from what the ranking already decided (which
query token landed on which name token, and by which reading), so it never says more
than the match did.
"""

from __future__ import annotations

from kazsec.names.gender import feminine_forms, masculine_forms
from kazsec.search.align import KEY_PREFIX, WHOLE_KEY, Indexed
from kazsec.search.readings import looks_like_patronymic
from kazsec.search.results import literal


def written_as_typed(alias: str, query: str) -> bool:
    """Whether every typed word is written in the alias with the same letters (capitals
    and punctuation aside), the last one perhaps only begun: exact mode's rule."""
    alias_words = [literal(word) for word in alias.split()]
    typed = [literal(word) for word in query.split()]
    typed = [word for word in typed if word]
    if not typed:
        return False
    *whole, last = typed
    return all(word in alias_words for word in whole) and any(
        word.startswith(last) for word in alias_words
    )


def _step(typed: str, token: str, name_token: str) -> str:
    """Why one typed word stands for one name word, when not by its own letters."""
    if name_token in feminine_forms(token):
        return f"{typed} (feminine form)"
    if name_token in masculine_forms(token):
        return f"{typed} (masculine form)"
    if name_token.startswith(token):
        return f"{typed}… (begun)"
    return f"{typed} (near spelling)"


def explain(
    query: str,
    words: list[str],
    item: Indexed,
    tokens: list[str],
    aligned: list[int],
    routes: list[dict[str, str]],
) -> str:
    """The route from the query to the alias it matched, as one line (`words`: the typed
    word behind each query token, readings.query_words)."""
    alias = item.entry.alias
    shown = " ".join(query.split())
    if aligned == [WHOLE_KEY]:
        how = "as typed" if literal(alias) == literal(query) else "same name, other script"
        return f"{shown} → {alias} ({how})"
    if aligned == [KEY_PREFIX]:
        return f"{shown} → {alias} (its beginning)"
    steps: list[str] = []
    for i, position in enumerate(aligned):
        typed = words[i] if i < len(words) and words[i] else tokens[i]
        if position < 0:
            if i and (len(tokens[i]) == 1 or looks_like_patronymic(tokens[i])):
                steps.append(f"{typed} (patronymic, not in the name)")
            continue
        name_token = item.tokens[position]
        route = routes[i].get(name_token) if i < len(routes) else None
        if route:
            steps.append(route)
        elif name_token != tokens[i] and position < item.base_count:
            steps.append(_step(typed, tokens[i], name_token))
    if not steps:
        how = "as typed" if written_as_typed(alias, query) else "same name, other script"
        return f"{shown} → {alias} ({how})"
    return " → ".join([shown, *steps, alias])


__all__ = ["explain", "written_as_typed"]
