"""One alias scored against a query: the key typed so far, or its tokens aligned one by one.

The key typed so far ('kasimJo') and the tokens aligned one by one are two readings of
the query; the better one counts. Words a name's aliases leave out (a patronymic after the
given name, its initial, a preposition copied with the name) are no evidence against it.
"""

from __future__ import annotations

from kazsec.search.align import KEY_PREFIX, WHOLE_KEY, Indexed, ends_in_other_gender
from kazsec.search.readings import FUNCTION_WORDS, looks_like_patronymic

LEFT_OUT = 75.0  # a patronymic (or its initial) the alias leaves out: neither there nor wrong


def score_alias(
    item: Indexed,
    query: list[str],
    compact: str,
    best: list[tuple[float, int]],
    typing: bool = True,
    feminine: bool = False,
) -> tuple[float, list[int]]:
    """Score one alias against the query's tokens; also return where each query token
    aligned.

    The key typed so far ('kasimJo') and the tokens aligned one by one are two readings
    of the query; the better one counts ('Xi' is a whole token of 'Xi Jinping').
    """
    if compact == item.compact:
        return 100.0, [WHOLE_KEY]
    prefix_score = 0.0
    if (
        typing
        and len(compact) >= 2
        and item.compact.startswith(compact)
        and not (feminine and ends_in_other_gender(item, query))
    ):
        prefix_score = 92.0 + 8.0 * len(compact) / len(item.compact)
        # Tokens can only do better through one token better than the prefix (initials
        # count 90, under any prefix score): most often there is none, and no work.
        if max(best)[0] <= prefix_score:
            return prefix_score, [KEY_PREFIX]
    total = weight_sum = left_out = 0.0
    given = initial_found = False  # a given name (an initial) of the alias was found
    used: set[int] = set()
    aligned: list[int] = []
    for i, token in enumerate(query):
        quality, position = best[i]
        if len(token) == 1:  # an initial: 'K. Massimov'
            position = next(
                (
                    p
                    for p in range(item.base_count)
                    if item.tokens[p].startswith(token) and p not in used
                ),
                -1,
            )
            quality = 90.0 if position >= 0 else 0.0
        if quality < 60.0:
            quality, position = 0.0, -1
        weight = 1.5 if position == item.surname and position >= 0 else 1.0
        last = i == len(query) - 1
        if position < 0 and token in FUNCTION_WORDS and not last:
            weight = 0.0  # 'о Кариме Масимове': the preposition is not part of the name
        elif position < 0 and (
            (len(token) == 1 and initial_found) or (looks_like_patronymic(token) and given)
        ):
            # 'Massimov Karim Kazhimkanovich', 'K.K. Massimov': a patronymic the aliases
            # leave out, after the given name (or its initial) was found, is weak evidence
            # against the name: worth LEFT_OUT, under a patronymic mistyped but there
            # ('Alekseveič' for an alias with 'Alekseevich'), once the surname is found too.
            quality = LEFT_OUT
            left_out += weight * LEFT_OUT
        if position >= 0 and position != item.surname:
            given = True
            initial_found = initial_found or len(token) == 1
        total += weight * quality
        weight_sum += weight
        aligned.append(position)
        if position >= 0:
            used.update(
                (position,)
                if position < item.base_count
                else (position - item.base_count, position - item.base_count + 1)
            )
    if item.surname < 0 or item.surname not in used:
        total -= left_out  # 'Karim Ivanovich' is not every Karim
    score = total / weight_sum if weight_sum else 0.0
    score *= 0.98 ** max(0, item.base_count - len(used))
    if prefix_score and prefix_score >= score:
        return prefix_score, [KEY_PREFIX]
    return score, aligned
