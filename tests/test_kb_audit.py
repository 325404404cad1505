"""The audit of the curated facts: each finding, checked the way a researcher would notice it.

One test (or a few) per point of the audit: a conflated name on the wrong man, years the
source never gives, dates a quote gives but a record leaves out, replacements the text does
not pair, two bodies merged into one, one sentence split into several events, web addresses
and leftovers shown as spellings, disagreements not recorded (and typos recorded as
disagreements), dated statements left out, and repair damage that quotes had to work around.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kazsec.build.compile import build_store
from kazsec.corpus.pipeline import RepairedSource
from kazsec.errors import KazsecError
from kazsec.kb.loader import iter_citations
from kazsec.store import Store

CISS = "ciss-2022-nsc"
ASTANA = "astana-times-2015-yermekbayev"
JOURNAL = "journal-2019-power-transit"
KZ20 = "kz20-security-council"
CACI = "caci-2013-antiterror"


def _record(store: Store, table: str, rid: str) -> dict:
    record = store.get(table, rid)
    assert record is not None, f"{table} {rid} is missing"
    return record


def _all_names(record: dict) -> set[str]:
    """Every form a record is shown under: its name, the cited spellings and the curator's."""
    return (
        {record["name"], record.get("standard_name", "")}
        | {a["name"] for a in record["aliases"]}
        | set(record["curator_aliases"])
    ) - {""}


def _quotes(record: dict) -> list[str]:
    return [c["exact"] for c in iter_citations(record)]


def _events_citing(store: Store, fragment: str) -> list[dict]:
    return [e for e in store.all("events") if any(fragment in q for q in _quotes(e))]


def _passage_of(store: Store, citation: dict) -> dict:
    found = store.corpus.passage(citation["passage"])
    assert found is not None, citation
    return dict(found)


# 1. 'Anuar Kunanbayev' --------------------------------------------------------------------


def test_the_conflated_name_anuar_kunanbayev_is_sadykulovs_only(store: Store) -> None:
    berik = _record(store, "people", "berik-kunanbayev")
    assert "Anuar Kunanbayev" not in _all_names(berik)
    sadykulov = _record(store, "people", "anuar-sadykulov")
    alias = next(a for a in sadykulov["aliases"] if a["name"] == "Anuar Kunanbayev")
    assert alias["cite"] and "Special Service “A”" in alias["cite"][0]["exact"]
    # Nobody else is given the name either.
    for table in ("people", "agencies"):
        owners = [r["id"] for r in store.all(table) if "Anuar Kunanbayev" in _all_names(r)]
        assert owners == (["anuar-sadykulov"] if table == "people" else [])


def test_the_conflict_says_why_the_name_is_sadykulovs(store: Store) -> None:
    conflict = _record(store, "conflicts", "special-service-a-head-anuar-kunanbayev")
    assert "Sadykulov" in conflict["summary"] and "6 January" in conflict["summary"]
    quotes = " | ".join(_quotes(conflict))
    for evidence in (
        "Anuar Kunanbayev (Special Service “A”)",
        "He was replaced by Berik Kunanbayev",
        "three out of seven Deputies Chairman",
    ):
        assert evidence in quotes
    line_up = _record(store, "events", "2022-01-05-nsc-leadership-at-crisis")
    assert "anuar-sadykulov" in line_up["people"]
    assert "berik-kunanbayev" not in line_up["people"]


# 2. Years the source never gives ----------------------------------------------------------

ASTANA_DAY_AND_MONTH = [
    "2015-06-29-astana-cve-conference",
    "2015-07-10-sco-ufa-summit",
    "2015-08-28-nazarbayev-xinhua-interview",
    "2015-09-nazarbayev-state-visit-china",
    "2015-09-15-csto-council-dushanbe",
]


@pytest.mark.parametrize("event_id", ASTANA_DAY_AND_MONTH)
def test_the_undated_interviews_events_say_their_year_is_inferred(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, store: Store, event_id: str
) -> None:
    from kazsec.cli import main

    event = _record(store, "events", event_id)
    assert event["year_inferred"] is True
    assert "2015" not in " ".join(_quotes(event)), "the interview never gives the year"
    assert main(["--store", str(built_store_path), "show", event_id]) == 0
    assert "(year inferred)" in capsys.readouterr().out


def test_no_event_claims_a_year_that_its_undated_source_never_states(store: Store) -> None:
    """From a source with no date of its own, an event's year must stand in a cited passage."""
    undated = {s["id"] for s in store.all("sources") if not s["date"]}
    offenders = []
    for event in store.all("events"):
        cites = event["cite"]
        if not event["date"] or event["year_inferred"]:
            continue
        if not all(c["source"] in undated for c in cites):
            continue
        year = event["date"][:4]
        if not any(year in _passage_of(store, c)["text"] for c in cites):
            offenders.append(event["id"])
    assert offenders == []


def test_the_dushanbe_readings_give_no_year_the_text_does_not(store: Store) -> None:
    conflict = _record(store, "conflicts", "dushanbe-csto-session-date")
    assert not any("2015" in r["reading"] for r in conflict["readings"])


# 3. Dates a quote gives -------------------------------------------------------------------


def test_dariga_nazarbayeva_became_senate_speaker_the_day_after_19_march_2019(
    store: Store,
) -> None:
    post = next(
        p
        for p in store.all("positions")
        if p["person"] == "dariga-nazarbayeva" and p["body"] == "senate"
    )
    assert post["start"] == "2019-03-20"
    quotes = _quotes(post)
    assert any("On the next day" in q for q in quotes)
    assert any("19 March, 2019" in q for q in quotes)


def test_nurtleus_first_deputy_post_ends_when_he_became_chief_of_staff(store: Store) -> None:
    post = next(
        p
        for p in store.all("positions")
        if p["person"] == "murat-nurtleu" and p["post"].startswith("First Deputy Chairman")
    )
    assert (post["end"], post["end_reason"]) == ("2022-02-01", "moved")
    assert any("on February 1" in q for q in _quotes(post))


# 4. Replacements the text does not pair ---------------------------------------------------

JANUARY_9 = {"marat-osipov", "daulet-yergozhin", "bakytbek-koszhanov", "askar-amerkhanov"}


def test_no_invented_pairing_among_the_january_9_deputies(store: Store) -> None:
    pairs = [
        (person["id"], relation["type"], relation["target"])
        for person in store.all("people")
        for relation in person["relations"]
        if person["id"] in JANUARY_9 and relation["target"] in JANUARY_9
    ]
    assert pairs == []


def test_the_january_9_replacement_is_kept_as_the_text_states_it(store: Store) -> None:
    (event,) = _events_citing(store, "Bakytbek Koszhanov and Askar Amerkhanov replaced them")
    assert event["date"] == "2022-01-09"
    assert set(event["people"]) == JANUARY_9
    assert "does not say which" in event["summary"]


# 5. Two bodies called Special Operations Forces -------------------------------------------


def test_the_guard_and_the_army_special_forces_are_two_bodies(store: Store) -> None:
    army = _record(store, "agencies", "special-operations-forces")
    guard = _record(store, "agencies", "presidential-guard-special-operations-forces")
    assert army["parent"] == "kazakhstan-army" and army["parent_cite"]
    assert guard["parent"] == "presidential-guard-service" and guard["parent_cite"]
    assert all("Kazakhstan Army" in q for q in _quotes(army) if "Special Operations" in q)
    assert not any("Kazakhstan Army" in q for q in _quotes(guard))
    (omarbekov,) = _events_citing(store, "replacing Ardak Ashimbekuly")
    assert "presidential-guard-special-operations-forces" in omarbekov["bodies"]
    assert "special-operations-forces" not in omarbekov["bodies"]
    (zhurabayev,) = _events_citing(store, "February 3. Bolat Zhurabayev")
    assert "special-operations-forces" in zhurabayev["bodies"]
    assert "presidential-guard-special-operations-forces" not in zhurabayev["bodies"]


def test_no_body_stands_for_both_special_forces(store: Store) -> None:
    for agency in store.all("agencies"):
        quotes = " | ".join(_quotes(agency))
        assert not ("Kazakhstan Army" in quotes and "Ardak Ashimbekuly" in quotes), agency["id"]


# 6. One sentence, one event ---------------------------------------------------------------

# (the start of a CISS sentence that reports one act, its date, the people it names)
ONE_ACT_SENTENCES = [
    ("January 5. Murat Nurtleu was dismissed", "2022-01-05", {"murat-nurtleu"}),
    ("The Major-General Ermek Sagimbayev was appointed", "2022-01-06", {"ermek-sagimbayev"}),
    (
        "Aitkurman Omarbekov was appointed as Acting",
        "2022-01-06",
        {"aitkurman-omarbekov", "ardak-ashimbekuly"},
    ),
    (
        "January 9. Marat Osipov and Daulet Yergozhin",
        "2022-01-09",
        {"marat-osipov", "daulet-yergozhin"},
    ),
    (
        "Bakytbek Koszhanov and Askar Amerkhanov replaced",
        "2022-01-09",
        {"bakytbek-koszhanov", "askar-amerkhanov"},
    ),
    ("January 26. Arystanganni Zapparov was dismissed", "2022-01-26", {"arystanganni-zapparov"}),
    (
        "on January 5 Kassym-Jomart Tokayev dismissed the government",
        "2022-01-05",
        {"askar-mamin", "krymbek-kusherbayev"},
    ),
]


def _sentence(store: Store, opening: str) -> tuple[int, int]:
    """Where the CISS sentence that starts with `opening` stands in the repaired text."""
    text = store.source(CISS)["repaired_text"]
    start = text.index(opening)
    after = start + len(opening)
    end = min(i for i in (text.find(". ", after), text.find("\n", after), len(text)) if i >= 0)
    return start, end


@pytest.mark.parametrize(("opening", "date", "people"), ONE_ACT_SENTENCES)
def test_a_sentence_reporting_one_act_is_one_event(
    store: Store, opening: str, date: str, people: set[str]
) -> None:
    start, end = _sentence(store, opening)
    events = [
        e
        for e in store.all("events")
        if e["date"] == date
        and any(c["source"] == CISS and c["start"] < end and c["end"] > start for c in e["cite"])
    ]
    assert len(events) == 1, [e["id"] for e in events]
    assert people <= set(events[0]["people"])


def test_no_two_events_on_one_day_rest_on_the_same_statement(store: Store) -> None:
    """An event's first quote is its statement; later ones may share a date line."""
    seen: dict[tuple[str, str, int, int], str] = {}
    for event in store.all("events"):
        statement = event["cite"][0]
        key = (event["date"], statement["source"], statement["start"], statement["end"])
        assert key not in seen, (seen.get(key), event["id"])
        seen[key] = event["id"]


# 7. Spellings that are not names ----------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def _mixes_scripts(word: str) -> bool:
    return bool(re.search(r"[A-Za-z]", word)) and bool(re.search(r"[\u0400-\u04ff]", word))


def test_no_alias_is_a_web_address_slug_or_mixes_scripts_in_a_word(store: Store) -> None:
    offenders = [
        (record["id"], name)
        for table in ("people", "agencies")
        for record in store.all(table)
        for name in _all_names(record)
        if _SLUG.match(name) or any(_mixes_scripts(word) for word in name.split())
    ]
    assert offenders == []
    tokayev = _record(store, "people", "kassym-jomart-tokayev")
    assert not any("Касым-Tokayev" in name for name in _all_names(tokayev))


def test_people_known_only_from_a_web_address_are_still_cited(store: Store) -> None:
    for person, address in (
        ("sergey-masaulov", "ia-centr.ru/experts/sergey-masaulov/"),
        ("gaziz-abishev", "ia-centr.ru/experts/gaziz-abishev/"),
    ):
        record = _record(store, "people", person)
        assert record["aliases"] == []
        events = [e for e in _events_citing(store, address) if person in e["people"]]
        assert events, person
    assert _events_citing(store, "iz.ru/1285029/marat-shibutov/stepnye-tolki")


# 8. Disagreements, and typos that are not -------------------------------------------------

NEW_CONFLICTS = {
    "massimov-prime-minister-terms": ("two terms", "several times"),
    "nurtleu-headed-nsc-during-crisis": ("he headed NSC", "Ermek Sagimbayev"),
    "nsc-deputies-dismissal-timing": (
        "immediately dismissed",
        "Osipov and Yergozhin – on January 9",
    ),
}


@pytest.mark.parametrize("conflict_id", sorted(NEW_CONFLICTS))
def test_the_recorded_disagreements_cite_every_reading(store: Store, conflict_id: str) -> None:
    conflict = _record(store, "conflicts", conflict_id)
    assert len(conflict["readings"]) >= 2
    assert all(reading["cite"] for reading in conflict["readings"])
    quotes = " | ".join(_quotes(conflict))
    for words in NEW_CONFLICTS[conflict_id]:
        assert words in quotes


TYPOS = [
    ("people", "anuar-sadykulov", "Sadykuov"),
    ("people", "nartai-dutbayev", "Nartai Nutbayev"),
    ("people", "r-n-zhanguzhin", "P.N. Zhanguzhin"),
    ("agencies", "csto", "CTSO"),
    ("agencies", "state-guard-service", "State Guard Service of Kazkahstan"),
]


@pytest.mark.parametrize(("table", "rid", "typo"), TYPOS)
def test_a_typo_is_an_alias_marked_as_a_typo_not_a_disagreement(
    store: Store, table: str, rid: str, typo: str
) -> None:
    record = _record(store, table, rid)
    assert typo in {a["name"] for a in record["aliases"]}
    assert "typo" in record["description"]
    kind = "person" if table == "people" else "agency"
    about = [c for c in store.all("conflicts") if c["subject"] == f"{kind}:{rid}"]
    assert not any(typo in " ".join(r["reading"] for r in c["readings"]) for c in about)


SPELLING_ONLY = [
    "sadykulov-spelling",
    "dutbayev-spelling",
    "zhanguzhin-initials",
    "csto-ctso-typo",
    "state-guard-service-kazkahstan-typo",
    "cica-name",
]


def test_no_conflict_is_only_two_spellings(store: Store) -> None:
    """Readings that differ only in case, spaces or punctuation are one fact, not two."""

    def shape(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", text.lower())

    for conflict in store.all("conflicts"):
        readings = [r["reading"] for r in conflict["readings"]]
        assert len({shape(r) for r in readings}) == len(readings), conflict["id"]
    ids = {c["id"] for c in store.all("conflicts")}
    assert ids.isdisjoint(SPELLING_ONLY)


# 9. Dated statements ----------------------------------------------------------------------


def test_sentencing_figures_are_dated_by_year(store: Store) -> None:
    by_year = {
        e["date"]: " ".join(_quotes(e))
        for e in store.all("events")
        if any("sentenced to prison terms" in q or "in 2012" in q for q in _quotes(e))
        or any("56 in 2008" in q for q in _quotes(e))
    }
    assert "27 in 2008" in by_year["2008"] and "56 in 2008" in by_year["2008"]
    assert "171 last year" in by_year["2012"] and "almost 170 in 2012" in by_year["2012"]


def test_the_scheduled_election_and_the_end_of_the_term_are_events(store: Store) -> None:
    (election,) = _events_citing(store, "should be carried out in December 2020")
    assert election["date"] == "2020-12"
    (term,) = _events_citing(store, "until April 2020, when the presidential term")
    assert term["date"] == "2020-04" and "nursultan-nazarbayev" in term["people"]


def _cited_passages(store: Store) -> set[str]:
    return {
        c["passage"]
        for table in ("people", "agencies", "positions", "events", "conflicts")
        for record in store.all(table)
        for c in iter_citations(record)
    }


def test_every_dated_work_in_the_notes_is_cited(store: Store) -> None:
    cited = _cited_passages(store)
    missing = []
    for passage in store.all("passages"):
        if passage["kind"] != "note":
            continue
        text = passage["text"]
        dated_article = passage["source"] == CISS and re.search(r"\b\d\d\.\d\d\.\d{4}\b", text)
        dated_work = (
            passage["source"] == JOURNAL
            and re.match(r"\d+\. (See|Quoted from):", text)
            and re.search(r"\b(19|20)\d\d\b", text)
        )
        if (dated_article or dated_work) and passage["id"] not in cited:
            missing.append(text[:60])
    assert missing == []
    forbes = _events_citing(store, "Forbes Kazakhstan, 06.01.2022")
    assert forbes and forbes[0]["date"] == "2022-01-06"


# 10. Repair --------------------------------------------------------------------------------


def test_glued_words_come_out_separated(repaired: dict[str, RepairedSource]) -> None:
    for source in repaired.values():
        for passage in source.passages:
            assert "oursKazakhstan" not in passage.text, passage.id
            assert "Bank,one" not in passage.text, passage.id
    assert repaired[KZ20].repaired_text.count("text in bold ours Kazakhstan 2.0") == 2
    assert "the Halyk Bank, one of Kazakhstan’s" in repaired[ASTANA].repaired_text
    assert "the ruling party NurOtan" in repaired[CACI].repaired_text, "a real spelling stays"


def test_no_repaired_passage_and_no_curated_quote_carries_a_no_break_space(
    repaired: dict[str, RepairedSource], store: Store, data_dir: Path
) -> None:
    assert "\u00a0" in repaired[CISS].raw_text, "the damage is in the raw file"
    for source in repaired.values():
        assert "\u00a0" not in source.repaired_text, source.meta.id
    for table in ("people", "agencies", "positions", "events", "conflicts"):
        for record in store.all(table):
            assert not any("\u00a0" in q for q in _quotes(record)), record.get("id")
        toml = (data_dir / "kb" / f"{table}.toml").read_text(encoding="utf-8")
        assert "\\u00a0" not in toml and "\u00a0" not in toml, table


def test_a_quote_typed_with_a_no_break_space_no_longer_anchors(
    data_copy: Path, tmp_path: Path
) -> None:
    events = data_copy / "kb" / "events.toml"
    text = events.read_text(encoding="utf-8")
    plain = "sinologist Konstantin Syroyezhkin"
    assert plain in text
    events.write_text(text.replace(plain, "sinologist\\u00a0Konstantin Syroyezhkin"), "utf-8")
    with pytest.raises(KazsecError, match="syroyezhkin-arrested"):
        build_store(data_copy, tmp_path / "store.json")


def test_the_interviewers_questions_are_typed_as_questions(
    repaired: dict[str, RepairedSource],
) -> None:
    interview = repaired[ASTANA].passages
    questions = [p for p in interview if p.kind == "question"]
    assert [q.text.split()[0] for q in questions] == ["How", "Some", "Current", "You"]
    assert all(q.text.endswith("?") for q in questions)
    answer = next(p for p in interview if p.text.startswith("On Sept. 15, Dushanbe hosted"))
    assert answer.kind == "body"
    essays = [p for r in repaired.values() if r.meta.id != ASTANA for p in r.passages]
    assert not any(p.kind == "question" for p in essays), "rhetorical questions are the author's"
