"""The curated knowledge base as compiled into the store: complete, cited, linked."""

from __future__ import annotations

import pytest

from kazsec.build.check import check_citations, check_references
from kazsec.kb.loader import iter_citations
from kazsec.store import Store

# Every dismissal and appointment in the Caspian Institute report's reshuffle timeline:
# (person, date as the report gives it).
RESHUFFLE = [
    ("murat-nurtleu", "2022-01-05"),
    ("murat-nurtleu", "2022-02-01"),
    ("karim-massimov", "2022-01-06"),
    ("ermek-sagimbayev", "2022-01-06"),
    ("chingis-arinov", "2022-01-06"),
    ("anuar-sadykulov", "2022-01-06"),
    ("berik-kunanbayev", "2022-01-06"),
    ("saken-issabekov", "2022-01-06"),
    ("aitkurman-omarbekov", "2022-01-06"),
    ("ardak-ashimbekuly", "2022-01-06"),
    ("azamat-abdymomunov", "2022-01-08"),
    ("marat-osipov", "2022-01-09"),
    ("daulet-yergozhin", "2022-01-09"),
    ("bakytbek-koszhanov", "2022-01-09"),
    ("askar-amerkhanov", "2022-01-09"),
    ("samat-abish", "2022-01-17"),
    ("murat-bektanov", "2022-01-19"),
    ("ruslan-zhaksylykov", "2022-01-19"),
    ("erkin-botakanov", "2022-01-19"),
    ("daryn-tuyakov", "2022-01-20"),
    ("arystanganni-zapparov", "2022-01-26"),
    ("yerzhan-sadenov", "2022-01-26"),
    ("bolat-zhurabayev", "2022-02-03"),
    ("askar-zholamanov", "2022-02-03"),
    ("marat-irmenov", "2022-01-13"),
    ("askar-mamin", "2022-01-05"),
    ("krymbek-kusherbayev", "2022-01-05"),
]


def test_every_citation_verifies_and_every_reference_resolves(store: Store) -> None:
    assert check_citations(store) == []
    assert check_references(store) == []


def test_every_fact_is_cited(store: Store) -> None:
    for table in ("positions", "events"):
        for record in store.all(table):
            assert record["cite"], f"{table} {record['id']} has no citation"
    for person in store.all("people"):
        for fact in person["aliases"] + person["titles"] + person["relations"]:
            assert fact["cite"], f"{person['id']}: {fact}"
    for conflict in store.all("conflicts"):
        assert sum(1 for r in conflict["readings"] if r["cite"]) >= 1


def test_the_knowledge_base_is_substantial(store: Store) -> None:
    counts = store.counts()
    assert counts["people"] >= 75
    assert sum(1 for p in store.all("people") if p["role"] == "author") >= 25
    assert counts["agencies"] >= 80
    assert counts["events"] >= 110
    assert counts["positions"] >= 55
    assert counts["conflicts"] >= 5


@pytest.mark.parametrize(("person", "date"), RESHUFFLE)
def test_the_january_2022_reshuffle_is_complete(store: Store, person: str, date: str) -> None:
    positions = [
        p
        for p in store.all("positions")
        if p["person"] == person and date in (p["start"], p["end"])
    ]
    events = [e for e in store.all("events") if person in e["people"] and e["date"] == date]
    assert positions or events, f"{person} on {date}"


def _aliases(store: Store, entity_id: str, table: str = "people") -> set[str]:
    record = store.get(table, entity_id)
    assert record is not None, entity_id
    return (
        {a["name"] for a in record["aliases"]} | set(record["curator_aliases"]) | {record["name"]}
    )


def test_one_man_under_every_spelling(store: Store) -> None:
    assert {"Massimov", "Masimov", "Karim Massimov", "Karim Masimov"} <= _aliases(
        store, "karim-massimov"
    )
    assert {"Sadykulov", "Sadykuov"} <= _aliases(store, "anuar-sadykulov")
    assert "Elbasy" in _aliases(store, "nursultan-nazarbayev")
    assert "Wild Arman" in _aliases(store, "arman-jumageldiyev")
    assert {"Syroyezhkin", "Syroezhkin"} <= {
        a.split()[-1] for a in _aliases(store, "konstantin-syroyezhkin")
    }
    dutbayev = store.get("people", "nartai-dutbayev")
    assert dutbayev is not None and dutbayev["standard_name"] == "Nartai Dutbayev"
    assert "Nartai Nutbayev" in {a["name"] for a in dutbayev["aliases"]}


def test_bodies_carry_abbreviations_in_every_script_and_their_parents(store: Store) -> None:
    assert {"NSC", "KNB", "КНБ", "ҰҚК"} <= _aliases(store, "nsc", "agencies")
    assert any(
        "Syrbar" in alias for alias in _aliases(store, "foreign-intelligence-service", "agencies")
    )
    for unit in ("special-service-a", "border-guard-service", "foreign-intelligence-service"):
        record = store.get("agencies", unit)
        assert record is not None and record["parent"] == "nsc" and record["parent_cite"], unit


def test_conflicts_keep_both_readings(store: Store) -> None:
    readings = {c["id"]: [r["reading"] for r in c["readings"]] for c in store.all("conflicts")}
    texts = " | ".join(" / ".join(r) for r in readings.values())
    assert "14" in texts and "15" in texts
    assert "Anuar Kunanbayev" in texts or any("kunanbayev" in c for c in readings)
    assert "202q" in texts or any(
        "202q" in cite["exact"] for c in store.all("conflicts") for cite in iter_citations(c)
    )


def test_mentions_cover_the_spellings_the_sources_use(store: Store) -> None:
    """Each cited spelling, where its quote stands, lies inside a mention of its entity."""
    by_passage: dict[str, list[dict]] = {}
    for mention in store.all("mentions"):
        by_passage.setdefault(mention["passage"], []).append(mention)
    covered, missing = 0, []
    for table in ("people", "agencies"):
        for record in store.all(table):
            for alias in record["aliases"]:
                for citation in alias["cite"]:
                    at = citation["start"] + citation["exact"].index(alias["name"])
                    if any(
                        m["start"] <= at < m["end"]
                        and record["id"] in {c["id"] for c in m["candidates"]}
                        for m in by_passage.get(citation["passage"], [])
                    ):
                        covered += 1
                    else:
                        missing.append((record["id"], alias["name"]))
    assert covered / (covered + len(missing)) >= 0.95, missing


def test_ambiguous_surnames_keep_every_candidate(store: Store) -> None:
    bare = [m for m in store.all("mentions") if m["text"] == "Nazarbayev" and m["ambiguous"]]
    assert bare
    for mention in bare:
        ids = [c["id"] for c in mention["candidates"]]
        assert ids[0] == "nursultan-nazarbayev" and "dariga-nazarbayeva" in ids
    # The audit (issue 9) found "Anuar Kunanbayev" wrongly on Berik Kunanbayev too: the text
    # names Sadykulov by it (he was deputy on 5 January; Berik became director on the 6th).
    anuar = [m for m in store.all("mentions") if m["text"] == "Anuar Kunanbayev"]
    assert anuar and all(m["entity"] == "anuar-sadykulov" for m in anuar)


def test_show_prints_an_entity_with_its_quotes(
    capsys: pytest.CaptureFixture[str], built_store_path: object
) -> None:
    from kazsec.cli import main

    assert main(["--store", str(built_store_path), "show", "karim-massimov"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "Karim Massimov",
        "Masimov",
        "Кәрім Мәсімов (kk, curator)",
        "(dismissed)",
        "[1] ciss-2022-nsc/p",
    ):
        assert expected in out
    assert main(["--store", str(built_store_path), "show", "nsc", "--json"]) == 0
    import json

    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "agency" and {u["id"] for u in shown["units"]} >= {
        "special-service-a",
        "border-guard-service",
    }
    assert main(["--store", str(built_store_path), "show", "nobody-at-all"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("kazsec: error: no person, body, event or source has the id 'nobody-at-all'")
        and err.count("\n") == 1
    )


def test_stats_reports_mentions_per_entity_and_source(
    capsys: pytest.CaptureFixture[str], built_store_path: object
) -> None:
    import json

    from kazsec.cli import main

    assert main(["--store", str(built_store_path), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["mentions_per_source"]) == {
        "kz20-security-council",
        "ciss-2022-nsc",
        "caci-2013-antiterror",
        "astana-times-2015-yermekbayev",
        "journal-2019-power-transit",
    }
    assert figures["mentions_per_entity"]["karim-massimov"] >= 20
    assert figures["ambiguous_mentions"] >= 1
