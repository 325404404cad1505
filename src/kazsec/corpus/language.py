"""The language a document is written in, by py3langid's offline model.

py3langid ships its model inside the package (no download, ever) and classifies a page
of text in about a millisecond. It is restricted to the languages researchers add:
Russian, Kazakh, Ukrainian, English and a few European ones. Restricting matters for
Kazakh: an unrestricted model reads short Kazakh Cyrillic as Mongolian or Kyrgyz.
"""

from __future__ import annotations

import re
from typing import Any

from kazsec.names.kazakh_letters import KAZAKH_SPECIFIC_LETTERS

LANGUAGES = ("ru", "kk", "uk", "en", "de", "fr", "es", "it", "pl", "cs", "tr")

# Fewer letters than this is a title or a caption: any guess would be a coin toss.
MIN_LETTERS = 20
# A guess below this probability is called unsure and not given (the model's normalised
# probabilities; Russian, Ukrainian and Kazakh prose of a few sentences scores above 0.99).
MIN_CONFIDENCE = 0.9
# The opening of a long document says its language as well as the whole, at a fraction of
# the cost (the model reads every character it is given).
SAMPLE_CHARS = 4000

_identifier: Any = None


def _model() -> Any:
    """The restricted identifier, made on first use. The package's model is LZMA-packed:
    unpacking it costs ~0.6 s, more than adding a document does; so the identifier, once
    made, is kept in the user's cache (a pickle there: ~50 ms to load) and made again
    only for another py3langid or another list of languages."""
    global _identifier
    if _identifier is None:
        _identifier = _cached_identifier()
    return _identifier


def _cached_identifier() -> Any:
    import contextlib
    import pickle
    from importlib.metadata import version

    from kazsec.paths import cache_dir
    from kazsec.store.atomic import atomic_write_bytes

    path = cache_dir() / f"langid-{version('py3langid')}-{'-'.join(LANGUAGES)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return pickle.loads(path.read_bytes())  # our own cache folder's file: trusted
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    with contextlib.suppress(Exception):  # a cache that cannot be written only costs time
        atomic_write_bytes(path, pickle.dumps(identifier, protocol=pickle.HIGHEST_PROTOCOL))
    return identifier


def language_of(text: str) -> str:
    """The ISO 639-1 code of the text's language ("ru", "kk", "en", ...).

    "" when the text has too few letters to tell, or when the model is unsure.
    """
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return ""
    language, confidence = _model().classify(sample)
    return str(language) if confidence >= MIN_CONFIDENCE else ""


# Letters that set a language apart within its script: Kazakh's and Ukrainian's own letters
# among Cyrillic ones. A passage whose letters tell the same story as its document's is in
# the document's language; only one that differs is asked of the model (~0.3 ms each).
# (і is Kazakh's as much as Ukrainian's: it tells neither.)
_OWN_LETTERS = {"kk": KAZAKH_SPECIFIC_LETTERS, "uk": frozenset("їєґЇЄҐ")}


def script_signature(text: str) -> tuple[str, ...]:
    """What a text's letters say of its language without a model: its main script (Latin,
    Cyrillic or other) and which languages' own letters it holds."""
    latin = len(_LATIN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    other = len(_LETTER.findall(text)) - latin - cyrillic
    main = max((latin, "latin"), (cyrillic, "cyrillic"), (other, "other"))[1]
    present = set(text)
    return (main, *(code for code, letters in _OWN_LETTERS.items() if present & letters))


# Counted by the regex engine: a page of passages is read a character at a time otherwise.
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
