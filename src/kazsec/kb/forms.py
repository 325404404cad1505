"""The written forms of people and bodies: who each form can name, and how it names them.

A person's *full-name spellings* are the forms with a given name and a surname that agree
with the curated name ('Karim Masimov' for Karim Massimov): they give surnames ('Masimov')
and initials ('K. Massimov'). Title-like forms give neither (see `titles`): 'First
President' does not make 'President' a surname. Offices held in turn ('the NSC Chairman')
are not forms at all: the passage has to say who holds them (see `offices`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from kazsec.kb.declined import declined_forms
from kazsec.kb.titles import is_personal_title, is_title_like, words_of
from kazsec.model import Record

Key = tuple[str, str]  # (entity_type, id)

_FEMININE_SURNAME = re.compile(r"^(\w+?[vn])a$")  # Nazarbayeva -> Nazarbayev, Kalinina -> Kalinin
_INITIAL = r"(?:[A-ZА-ЯЁ]|Iu|Yu|Ia|Ya|Zh|Sh|Ch|Kh|Ts|Ye|Yo)\."
INITIALS = re.compile(rf"(?:{_INITIAL}(?:-{_INITIAL})?\s?){{1,3}}")
_INITIALS_NAME = re.compile(rf"^{INITIALS.pattern}\S+$")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def family_root(surname: str) -> str:
    """The shared family form of a surname: 'Nazarbayeva' -> 'Nazarbayev'."""
    match = _FEMININE_SURNAME.match(surname)
    return match.group(1) if match else surname


def usable(form: str) -> bool:
    """Forms worth matching in running text: capitalised or non-Latin, not a lone letter."""
    form = form.strip()
    if len(form) < 2 or (len(form) == 2 and not form.isupper()):
        return False
    return form[0].isupper() or not form[0].isascii()


def initials_shaped(form: str) -> bool:
    """'K.L. Syroezhkin', 'M. Karsakov': initials, then a surname."""
    return bool(_INITIALS_NAME.match(form.strip()))


@dataclass
class FormOwners:
    """Who a written form can refer to: entities naming it outright, and those it is derived for."""

    explicit: set[Key] = field(default_factory=set)
    derived: set[Key] = field(default_factory=set)

    def candidates(self) -> set[Key]:
        return self.explicit | self.derived

    def is_certain(self) -> bool:
        return len(self.candidates()) == 1


@dataclass
class EntityNames:
    """What the forms of one entity are made of."""

    key: Key
    name: str
    canonical: list[str]  # the curated name and the curator's spellings
    full_names: list[str] = field(default_factory=list)  # every full-name spelling
    surnames: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)  # first letters of given names
    titles: set[str] = field(default_factory=set)  # personal titles ('Elbasy')
    # Case forms and European spellings of the native names ('Ермека Сагимбаева').
    declined: set[str] = field(default_factory=set)

    @property
    def initials_named(self) -> bool:
        """Known only by initials and surname ('B.K. Sultanov')."""
        return initials_shaped(self.name)


@dataclass
class Forms:
    """Every form, its owners, and each entity's names."""

    owners: dict[str, FormOwners]
    entities: dict[Key, EntityNames]
    institutional: frozenset[str]


def _agency_words(agencies: Sequence[Record], people: Sequence[Record]) -> frozenset[str]:
    """Words of body names that are nobody's name: they make a form institutional, not personal."""
    personal = {w.lower() for p in people for w in words_of(p["name"])}
    found = {w.lower() for a in agencies for w in words_of(a["name"]) if w[:1].isupper()}
    return frozenset(found - personal)


def _full_name(form: str, canonical: Iterable[str], institutional: frozenset[str]) -> bool:
    """A given name and a surname agreeing with the curated name: 'Karim Masimov' (Karim
    agrees), 'Anuar Kunanbayev'; not a nickname ('Wild Arman') nor a slug ('marat-shibutov')."""
    words = form.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    if is_title_like(form, institutional):
        return False
    for name in canonical:
        parts = name.split()
        if len(parts) >= 2 and (
            parts[0].lower() == words[0].lower()
            or family_root(parts[-1]).lower() == family_root(words[-1]).lower()
        ):
            return True
    return False


def _person(record: Record, institutional: frozenset[str]) -> tuple[EntityNames, list[str]]:
    key = ("person", record["id"])
    curated = [record["name"], record.get("standard_name", ""), *record.get("curator_aliases", [])]
    curated = [n for n in curated if n and usable(n)]
    cited = [a["name"] for a in record.get("aliases", []) if len(a["name"].strip()) >= 2]
    names = EntityNames(key, record["name"], curated)
    forms: list[str] = []
    for form in [*curated, *cited]:
        if is_title_like(form, institutional):
            if is_personal_title(form, institutional):
                names.titles.add(form)
                forms.append(form)
            continue  # an office held in turn: the passage must say who holds it
        forms.append(form)
        if initials_shaped(form) or _full_name(form, curated, institutional):
            names.full_names.append(form)
    for full in names.full_names:
        surname = full.split()[-1].strip(".,")
        if len(surname) > 2 and usable(surname):
            names.surnames |= {surname, family_root(surname)}
        names.initials.add(full[0].upper())
    native = [record.get("native_ru", ""), record.get("native_kk", "")]
    names.declined = declined_forms(n for n in native if n and usable(n))
    return names, forms


def _agency(record: Record) -> tuple[EntityNames, list[str]]:
    curated = [record["name"], *record.get("curator_aliases", [])]
    cited = [a["name"] for a in record.get("aliases", []) if len(a["name"].strip()) >= 2]
    names = EntityNames(("agency", record["id"]), record["name"], [record["name"]])
    forms = [n for n in curated if n and usable(n)] + cited
    for form in cited:
        if form[:1].islower():  # 'the government' opens a sentence as 'The government'
            forms.append(form[0].upper() + form[1:])
    return names, forms


def collect_forms(people: Sequence[Record], agencies: Sequence[Record]) -> Forms:
    """Every written form that names a person or body, with its owners.

    Forms a source itself uses for an entity (cited aliases) are matched however they
    are written ('the government', 'lower chamber'); names the curator supplies only
    when they look like names, so a lowercase common word never becomes a mention.
    """
    institutional = _agency_words(agencies, people)
    owners: dict[str, FormOwners] = defaultdict(FormOwners)
    entities: dict[Key, EntityNames] = {}
    for record in people:
        names, forms = _person(record, institutional)
        entities[names.key] = names
        for form in forms:
            owners[form].explicit.add(names.key)
        for surname in names.surnames | names.declined:
            owners[surname].derived.add(names.key)
    for record in agencies:
        names, forms = _agency(record)
        entities[names.key] = names
        for form in forms:
            owners[form].explicit.add(names.key)
    for form_owners in owners.values():
        form_owners.derived -= form_owners.explicit
    return Forms(dict(owners), entities, institutional)


def _plain(form: str) -> str:
    form = _PARENTHESIS.sub("", form.replace("’", "'").replace("“", '"').replace("”", '"'))
    form = re.sub(r"^the\s+", "", form.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s\-]+", " ", form).lower()


def how_named(form: str, entity: EntityNames, forms: Forms) -> str:
    """How a written form names an entity: one of model.MENTION_HOWS (but 'title' for offices,
    which `offices` links)."""
    if entity.key[0] == "agency":
        plain, name = _plain(form), _plain(entity.name)
        similar = SequenceMatcher(None, plain, name).ratio() >= 0.9
        if plain == name or plain.startswith(name + " of ") or similar:
            return "name"
        return "alias"
    if form in entity.titles or is_title_like(form, forms.institutional):
        return "title"
    if form in entity.full_names or form in entity.canonical:
        # 'K.L. Syroezhkin' abbreviates Konstantin Syroyezhkin; 'B.K. Sultanov' is all we know
        return "initials" if initials_shaped(form) and not entity.initials_named else "name"
    if initials_shaped(form):
        return "initials"
    if " " not in form.strip() and (
        form in entity.surnames or family_root(form) in entity.surnames
    ):
        return "surname"
    return "alias"
