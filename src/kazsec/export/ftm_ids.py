"""Stable FollowTheMoney ids and the small vocabularies the FtM export maps onto.

An id is "kazsec-" + a kind + either a record's own id (people, bodies, events, sources:
readable, and already unique) or a sha1 of a natural key (posts, tenures, citations,
relations: things the store has no id of their own for, or whose id holds a slash).
The same store therefore always gives the same ids.
"""

from __future__ import annotations

import hashlib
import re

# FtM wants ids of letters, digits, dots and dashes; record ids are slugs of these already.
_SLUG = re.compile(r"^[a-z0-9][a-z0-9.-]{0,150}$")


def record_id(kind: str, kazsec_id: str) -> str:
    """The FtM id of a kazsec record: readable when the record's id is a plain slug."""
    if _SLUG.match(kazsec_id):
        return f"kazsec-{kind}-{kazsec_id}"
    return hashed_id(kind, kazsec_id)


def hashed_id(kind: str, *key: object) -> str:
    """The FtM id of something named by a natural key (a sha1 of its parts)."""
    joined = "\x1f".join(str(part) for part in key)
    return f"kazsec-{kind}-" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:24]


# Kinds of body that are part of a state (FtM's PublicBody); the rest are Organizations.
PUBLIC_KINDS = frozenset(
    {
        "security service",
        "state body",
        "ministry",
        "council",
        "law enforcement",
        "military",
        "court",
    }
)  # fmt: skip

# Person relations: (schema, the property of the record's person, of its target, relationship).
# A "replaced" relation is a Succession with the two roles swapped.
RELATION_SCHEMAS: dict[str, tuple[str, str, str]] = {
    "nephew_of": ("Family", "person", "relative"),
    "relative_of": ("Family", "person", "relative"),
    "close_to": ("Associate", "person", "associate"),
    "classmate_of": ("Associate", "person", "associate"),
    "proxy_of": ("Associate", "person", "associate"),
    "replaced_by": ("Succession", "predecessor", "successor"),
    "replaced": ("Succession", "successor", "predecessor"),
}
FALLBACK_RELATION = ("UnknownLink", "subject", "object")

# FtM languages are ISO 639-2/T three-letter codes; the store keeps ISO 639-1 codes.
LANGUAGES = {
    "en": "eng",
    "ru": "rus",
    "kk": "kaz",
    "uk": "ukr",
    "de": "deu",
    "fr": "fra",
    "zh": "zho",
    "ky": "kir",
    "uz": "uzb",
    "tr": "tur",
    "es": "spa",
    "be": "bel",
    "tg": "tgk",
    "tk": "tuk",
    "fa": "fas",
    "ar": "ara",
    "pl": "pol",
}

# FtM dates are ISO prefixes: a year, a month or a day (kazsec's own IsoDate).
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_values(value: str) -> list[str]:
    """A date as an FtM value list: the prefix as precise as it is, none when unknown."""
    return [value] if DATE_PREFIX.match(value) else []
