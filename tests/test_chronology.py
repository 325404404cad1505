"""Tenures, careers, successions and the timeline: on the bundled store, and on records made
by hand for the cases the bundled data does not have (gaps, overlaps, two terms).

Every date a view shows must be the one the quotes give, no more precise, and every quote it
cites must be the source's own words at the offsets it names.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pytest

from kazsec.chronology.holding import held_on, holding
from kazsec.chronology.succession import (
    heads_body,
    post_id,
    replacements,
    succession,
)
from kazsec.chronology.tenures import Tenure, tenure_of
from kazsec.chronology.timeline import (
    KINDS,
    ZOOMS,
    TimelineEvent,
    event_kind,
    filtered,
    group_label,
    grouped,
    within,
)
from kazsec.dates import Period, format_date, period
from kazsec.library import Library
from kazsec.store import Store

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def day(iso: str) -> Period:
    found = period(iso)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def library(store: Store) -> Library:
    return Library(store)


@pytest.fixture(scope="module")
def texts(library: Library) -> dict[str, str]:
    return {sid: library.store.source(sid)["repaired_text"] for sid in library.sources}


@pytest.fixture(scope="module")
def records(library: Library) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in library.store.all("positions")}


def tenure_for(library: Library, person: str, post: str) -> Tenure:
    found = [t for t in library.chronology.career(person).tenures if t.post == post]
    assert len(found) == 1, f"{person} holds {post!r} {len(found)} times"
    return found[0]


def quotes(cites: list[dict[str, Any]]) -> str:
    return "\n".join(c["exact"] for c in cites)


def assert_cites_hold(cites: list[dict[str, Any]], texts: dict[str, str], what: str) -> None:
    assert cites, f"{what} cites nothing"
    for cite in cites:
        text = texts[cite["source"]]
        assert text[cite["start"] : cite["end"]] == cite["exact"], (
            f"{what}: the quote {cite['exact'][:60]!r} is not at {cite['start']}:{cite['end']} "
            f"of {cite['source']}"
        )


def mentions_date(iso: str, text: str) -> bool:
    """Whether a quote states the date an ISO prefix gives, as precisely as the prefix."""
    parts = iso.split("-")
    year = parts[0]
    if len(parts) == 1:
        # '2007', or the second year of a range written short: '2010-12', '2012-14'.
        return bool(re.search(rf"\b{year}\b|\b\d{{4}}-{year[2:]}\b", text))
    month = MONTH_NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return bool(re.search(rf"\b(?:{month}|{month[:3]}\.?)\s+{year}\b", text))
    number = int(parts[2])
    return bool(re.search(rf"\b{month}\s+{number}\b|\b{number}\s+{month}\b", text))


# -- the NSC around January 2022 --------------------------------------------------------------


def test_nsc_succession_massimov_then_sagimbayev(library: Library) -> None:
    found = library.chronology.succession("nsc")
    assert found.label == "Head of National Security Committee"
    assert [t.person for t in found.holders] == ["karim-massimov", "ermek-sagimbayev"]
    assert len(found.changes) == len(found.holders)
    first, change = found.changes
    assert first.before is None and first.after.person == "karim-massimov"
    assert change.before is not None and change.before.person == "karim-massimov"
    assert change.after.person == "ermek-sagimbayev"
    assert change.date is not None and change.date.iso == "2022-01-06"
    assert change.gap is None and not change.overlap
    assert change.to_json()["date"] == "2022-01-06"
    assert "Sagimbayev was appointed to the position of NSC Chairman" in quotes(change.cite)


def test_nsc_holders_cite_the_words_that_date_them(library: Library) -> None:
    massimov, sagimbayev = library.chronology.succession("nsc").holders
    assert massimov.start is None and massimov.end == day("2022-01-06")
    assert massimov.end_reason == "dismissed"
    said = quotes(massimov.cite)
    assert "dismissed from his position of NSC Chairman" in said and "January 6." in said
    assert sagimbayev.start == day("2022-01-06") and sagimbayev.end_state == "in office"
    said = quotes(sagimbayev.cite)
    assert "appointed to the position of NSC Chairman" in said and "January 6." in said


def test_undated_nsc_heads_are_listed_apart(library: Library) -> None:
    found = library.chronology.succession("nsc")
    undated = {t.person for t in found.undated}
    assert {"nartai-dutbayev", "nurtai-abykayev", "vladimir-zhumakanov"} <= undated
    assert undated.isdisjoint(t.person for t in found.holders)
    assert all(t.start is None and t.end is None and t.as_of is None for t in found.undated)
    assert all(c.after.anchor() is not None for c in found.changes)


def test_who_headed_the_nsc_on_7_january_2022(library: Library) -> None:
    label, holdings, undated = library.chronology.held("nsc", day("2022-01-07"))
    assert label == "Head of National Security Committee"
    assert [h.tenure.person for h in holdings] == ["ermek-sagimbayev"]
    assert holdings[0].certainty == "certain" and holdings[0].reasons == ()
    assert "karim-massimov" not in {t.person for t in undated}
    assert {"nartai-dutbayev", "vladimir-zhumakanov"} <= {t.person for t in undated}


def test_before_a_dated_start_the_holder_is_not_counted(library: Library) -> None:
    _, holdings, _ = library.chronology.held("nsc", day("2022-01-05"))
    people = {h.tenure.person: h for h in holdings}
    assert "ermek-sagimbayev" not in people
    assert people["karim-massimov"].certainty == "possible"
    assert "start not given" in people["karim-massimov"].reasons
    _, holdings, _ = library.chronology.held("nsc", day("2021"))
    assert "ermek-sagimbayev" not in {h.tenure.person for h in holdings}


def test_on_the_day_of_the_change_both_may_have_held_it(library: Library) -> None:
    _, holdings, _ = library.chronology.held("nsc", day("2022-01-06"))
    people = {h.tenure.person: h for h in holdings}
    assert people["ermek-sagimbayev"].certainty == "certain"
    assert people["karim-massimov"].certainty == "possible"
    assert any("6 Jan 2022" in reason for reason in people["karim-massimov"].reasons)
    assert holdings[0].tenure.person == "ermek-sagimbayev", "the certain come first"


DAYS = ["1990", "2013-08", "2019-03-19", "2019-03-20", "2022", "2022-01", "2022-01-05"]
DAYS += ["2022-01-06", "2022-01-07", "2022-01-19", "2022-02-01", "2022-02-16", "2022-03"]


def test_certain_only_when_both_ends_are_covered(library: Library) -> None:
    chronology = library.chronology
    checked = 0
    for subject, _, _ in chronology.post_list():
        for iso in DAYS:
            on = day(iso)
            _, holdings, _ = chronology.held(subject, on)
            for found in holdings:
                tenure = found.tenure
                assert tenure.start is None or not on.before(tenure.start)
                assert tenure.end is None or not tenure.end.before(on)
                start_covered = tenure.start is not None and tenure.start.last <= on.first
                if tenure.end is not None:
                    end_covered = on.last < tenure.end.first
                else:
                    end_covered = (
                        tenure.end_state == "in office"
                        and tenure.as_of is not None
                        and on.last <= tenure.as_of.first
                    )
                # A post a source disputes is never certain.
                end_covered = end_covered and not tenure.disputed_by
                if found.certainty == "certain":
                    checked += 1
                    assert start_covered and end_covered, (subject, iso, tenure.position_id)
                    assert found.reasons == ()
                else:
                    assert found.certainty == "possible" and found.reasons
                    assert not (start_covered and end_covered), (subject, iso, found.reasons)
    assert checked > 5


def test_a_reason_never_says_within_a_single_day(library: Library) -> None:
    # 'left within Jan 2022' is right for a month; for a day the reason says 'left on'.
    # 'took it within 6 Jan 2022' reads as if the day were a span.
    chronology = library.chronology
    offending = []
    for subject, _, _ in chronology.post_list():
        for iso in DAYS:
            for found in chronology.held(subject, day(iso))[1]:
                for reason in found.reasons:
                    if re.search(r"within \d{1,2} [A-Z][a-z]{2} \d{4}", reason):
                        offending.append((subject, iso, reason))
    assert not offending, offending[:5]


# -- careers, each against its quotes ---------------------------------------------------------

# (person, post, start, end, words of the quotes that date it)
CAREER_FACTS = [
    ("karim-massimov", "Chairman of the National Security Committee", "", "2022-01-06", ["January 6.", "dismissed from his position of NSC Chairman"]),
    ("karim-massimov", "Prime Minister", "", "", ["several times held the position of the RK Prime Minister"]),
    ("ermek-sagimbayev", "Chairman of the National Security Committee", "2022-01-06", "", ["January 6.", "appointed to the position of NSC Chairman"]),
    ("ermek-sagimbayev", "Head of State Guard Service", "", "2022-01-06", ["January 6.", "after dismissal from the position of the Head of State Guard Service"]),
    ("ermek-sagimbayev", "Officer in national security agencies and State Guard Service", "1994", "2021", ["(1994-2021)"]),
    ("nurlan-yermekbayev", "Assistant to the President – Secretary of the Security Council", "2014-11", "", ["since Nov. 2014"]),
    ("nurlan-yermekbayev", "Deputy Foreign Minister", "2007", "2010", ["In 2007-2010"]),
    ("nurlan-yermekbayev", "Assistant to the President for foreign policy", "2010", "2012", ["in 2010-12"]),
    ("nurlan-yermekbayev", "Ambassador to China", "2012", "2014", ["in 2012-14"]),
    ("nurlan-yermekbayev", "Soviet military staff officer – analyst", "", "1991", ["until retiring in 1991"]),
    ("marat-irmenov", "Director of the NSC Department in Almaty", "2022-01-13", "", ["on January 13", "was appointed to the position of NSC Department Director"]),
    ("marat-irmenov", "Head of the NSC Department of Jambyl Region", "", "", ["previously headed NSC Department of Jambyl Region"]),
    ("ruslan-zhaksylykov", "Minister of Defense", "2022-01-19", "", ["January 19.", "Ruslan Zhaksylykov was appointed instead"]),
    ("saken-issabekov", "Head of State Guard Service", "2022-01-06", "", ["January 6.", "to the position of Head of State Guard Service"]),
    ("saken-issabekov", "Deputy Head of State Guard Service – Head of Presidential Guard Service", "", "2022-01-06", ["January 6.", "Saken Issabekov was moved from his position"]),
    ("kassym-jomart-tokayev", "Speaker of the Senate", "", "2019-03-19", ["on 19 March, 2019", "speaker of the Senate"]),
    ("kassym-jomart-tokayev", "President of Kazakhstan", "2019-03-19", "", ["on 19 March, 2019", "was appointed president"]),
    ("kassym-jomart-tokayev", "Chairman of the Security Council", "2022-01-05", "", ["on January 5", "assuming the responsibilities of the Security Council Chairman"]),
]  # fmt: skip
PEOPLE = sorted({fact[0] for fact in CAREER_FACTS})


@pytest.mark.parametrize(
    ("person", "post", "start", "end", "words"), CAREER_FACTS, ids=lambda v: str(v)[:40]
)
def test_a_tenure_is_dated_as_its_quotes_date_it(
    library: Library, person: str, post: str, start: str, end: str, words: list[str]
) -> None:
    tenure = tenure_for(library, person, post)
    shown = tenure.to_json()
    assert (shown["start"], shown["end"]) == (start, end)
    said = quotes(tenure.cite)
    for phrase in words:
        assert phrase in said, f"{person} / {post}: no quote says {phrase!r}"
    assert tenure.start_text() == (format_date(start) if start else "start not given")
    if end:
        assert tenure.end_text().startswith(format_date(end))


@pytest.mark.parametrize("person", PEOPLE)
def test_every_dated_end_of_a_tenure_is_stated_in_a_quote(library: Library, person: str) -> None:
    for tenure in library.chronology.career(person).tenures:
        said = quotes(tenure.cite)
        for end in (tenure.start, tenure.end):
            if end is not None:
                assert mentions_date(end.iso, said), (
                    f"{tenure.post}: no quote gives {end} ({end.iso}):\n{said}"
                )


def _placed(tenure: Tenure) -> tuple[dt.date, int]:
    """When a tenure is known to be held first: its start; one known only by its end or by
    the date it was reported held began before that day, so it comes first on a tie."""
    if tenure.start is not None:
        return tenure.start.first, 1
    anchor = tenure.end or tenure.as_of
    assert anchor is not None
    return anchor.first, 0


@pytest.mark.parametrize("person", PEOPLE)
def test_a_career_is_in_time_order_undated_last(library: Library, person: str) -> None:
    tenures = library.chronology.career(person).tenures
    dated = [t for t in tenures if t.anchor() is not None]
    assert tenures[: len(dated)] == dated, "undated tenures come after every dated one"
    for earlier, later in itertools.pairwise(dated):
        assert _placed(earlier) <= _placed(later), (
            f"{later.post} ({later.span_text()}) is listed after "
            f"{earlier.post} ({earlier.span_text()})"
        )


def test_sagimbayev_left_the_guard_service_before_heading_the_nsc(library: Library) -> None:
    posts = [t.post for t in library.chronology.career("ermek-sagimbayev").tenures]
    assert posts.index("Head of State Guard Service") < posts.index(
        "Chairman of the National Security Committee"
    ), posts


@pytest.mark.parametrize("person", PEOPLE)
def test_a_career_says_how_each_tenure_ended_and_no_more_precisely(
    library: Library, records: dict[str, dict[str, Any]], person: str
) -> None:
    for tenure in library.chronology.career(person).tenures:
        record = records[tenure.position_id]
        shown = tenure.to_json()
        assert shown["start"] == record["start"] and shown["end"] == record["end"]
        assert tenure.start_text() == (
            format_date(record["start"]) if record["start"] else "start not given"
        )
        end_text = tenure.end_text()
        if record["end"]:
            assert tenure.end_state == "ended"
            assert end_text.startswith(format_date(record["end"]))
        elif record.get("status") == "in office":
            # As of the date the curated record gives (the day the quoted text speaks of),
            # never guessed from the sources' dates.
            if record.get("as_of"):
                assert end_text == f"in office (as of {format_date(record['as_of'])})"
            else:
                assert end_text == "in office when written"
        elif record.get("status") == "former":
            assert end_text.startswith("former, end not dated")
        else:
            assert end_text == "end not given"
        if tenure.end_state != "in office" and all(
            len(iso) <= 4 for iso in (record["start"], record["end"])
        ):
            assert not MONTH_WORD.search(tenure.span_text()), tenure.span_text()


def test_in_office_as_of_the_day_the_quote_speaks_of(library: Library) -> None:
    sagimbayev = tenure_for(
        library, "ermek-sagimbayev", "Chairman of the National Security Committee"
    )
    assert sagimbayev.as_of == day("2022-02-16")
    assert sagimbayev.span_text() == "6 Jan 2022 – in office (as of 16 Feb 2022)"
    irmenov = tenure_for(library, "marat-irmenov", "Head of the NSC Department of Jambyl Region")
    assert irmenov.end_text() == "former, end not dated (moved)"
    # The interview that dates Yermekbayev's appointment has no date of its own.
    secretary = tenure_for(
        library,
        "nurlan-yermekbayev",
        "Assistant to the President – Secretary of the Security Council",
    )
    assert secretary.span_text() == "Nov 2014 – in office when written"
    # A sentence looking back ('During Massimov's chairmanship, NSC arrested ... Baglan
    # Mailybayev, the top-ranking official') does not put him in office at the report's date.
    mailybayev = tenure_for(
        library,
        "baglan-mailybayev",
        "Top-ranking official of the Presidential Executive Office",
    )
    assert mailybayev.end_state == "unknown" and mailybayev.as_of is None


def test_two_careers_are_separate(library: Library) -> None:
    one = library.chronology.career("karim-massimov")
    other = library.chronology.career("ermek-sagimbayev")
    assert one.name == "Karim Massimov" and other.name == "Ermek Sagimbayev"
    assert {t.person for t in one.tenures} == {"karim-massimov"}
    assert one.to_json()["person"] == "karim-massimov"


def test_a_career_of_a_non_person_is_refused(library: Library) -> None:
    from kazsec.errors import LookupFailed

    with pytest.raises(LookupFailed, match="no person has the id 'nsc'"):
        library.chronology.career("nsc")


# -- every quote is the source's own words ----------------------------------------------------


def test_every_tenure_and_change_cites_the_source_exactly(
    library: Library, texts: dict[str, str]
) -> None:
    chronology = library.chronology
    for tenure in chronology.tenures:
        assert_cites_hold(tenure.cite, texts, tenure.position_id)
    changes = 0
    for subject, _, _ in chronology.post_list():
        found = chronology.succession(subject)
        assert len(found.changes) == len(found.holders), subject
        for change in found.changes:
            assert_cites_hold(change.cite, texts, f"{subject}: change to {change.after.person}")
            changes += 1
    assert changes > 40


def test_every_timeline_event_cites_the_source_exactly(
    library: Library, texts: dict[str, str]
) -> None:
    for row in library.chronology.timeline:
        assert_cites_hold(row.cite, texts, row.id)
        assert list(row.sources) == list(dict.fromkeys(c["source"] for c in row.cite))


# -- disputes ---------------------------------------------------------------------------------


def test_the_service_span_conflict_marks_the_guard_service_not_the_nsc(library: Library) -> None:
    guard = tenure_for(library, "ermek-sagimbayev", "Head of State Guard Service")
    nsc = tenure_for(library, "ermek-sagimbayev", "Chairman of the National Security Committee")
    officer = tenure_for(
        library, "ermek-sagimbayev", "Officer in national security agencies and State Guard Service"
    )
    assert "sagimbayev-service-span" in guard.disputed_by
    assert "sagimbayev-service-span" in officer.disputed_by
    assert "sagimbayev-service-span" not in nsc.disputed_by
    assert nsc.disputed_by == ()


def test_the_prime_minister_terms_conflict_marks_massimov(library: Library) -> None:
    premier = tenure_for(library, "karim-massimov", "Prime Minister")
    assert premier.disputed_by == ("massimov-prime-minister-terms",)
    assert (
        tenure_for(
            library, "karim-massimov", "Chairman of the National Security Committee"
        ).disputed_by
        == ()
    )


# -- the timeline -----------------------------------------------------------------------------


def row_of(library: Library, event_id: str) -> TimelineEvent:
    return next(r for r in library.chronology.timeline if r.id == event_id)


def test_the_security_council_law_is_dated_2017_or_2018(library: Library) -> None:
    row = row_of(library, "security-council-law-adopted")
    assert row.dating.text() == "2017/2018 disputed"
    shown = row.to_json(library.names)
    assert shown["readings"] == ["2017", "2018"] and shown["disputed"] and shown["date"] == ""
    assert group_label(row, "year") == "2017"
    assert group_label(row, "day") == "2017 (no month given)"


def test_the_dushanbe_session_keeps_both_days_and_the_inferred_year(library: Library) -> None:
    row = row_of(library, "2015-09-15-csto-council-dushanbe")
    text = row.dating.text()
    assert "14 Sep 2015" in text and "15 Sep 2015" in text and "disputed" in text
    assert row.dating.inferred
    assert "year inferred" in text, f"{text!r} presents 2015 as a year the sources give"


def test_the_timeline_is_in_time_order_undated_last(library: Library) -> None:
    rows = library.chronology.timeline
    keys = [r.dating.order() for r in rows]
    assert keys == sorted(keys)
    undated = [r for r in rows if not r.dating.readings]
    assert undated and rows[-len(undated) :] == undated


def test_undated_events_stand_apart_with_a_reason(library: Library) -> None:
    rows = library.chronology.timeline
    undated = [r for r in rows if not r.dating.readings]
    assert {"massimov-arrested", "sadykulov-arrested"} <= {r.id for r in undated}
    for row in undated:
        assert row.dating.reason and row.dating.text() == "undated"
        assert all(group_label(row, zoom) == "Undated" for zoom in ZOOMS)
    assert row_of(library, "massimov-arrested").dating.reason == (
        "the sources disagree and give no date"
    )
    for zoom in ZOOMS:
        groups = grouped(rows, zoom)
        assert groups[-1][0] == "Undated" and groups[-1][1] == undated


@pytest.mark.parametrize("zoom", ZOOMS)
def test_grouping_never_claims_more_than_the_date(library: Library, zoom: str) -> None:
    rows = library.chronology.timeline
    groups = grouped(rows, zoom)
    labels = [label for label, _ in groups]
    assert len(labels) == len(set(labels)), "each heading appears once"
    assert [r for _, members in groups for r in members] == rows
    for label, members in groups:
        for row in members:
            if not row.dating.periods:
                continue
            first = row.dating.periods[0]
            year = str(first.first.year)
            if zoom == "decade":
                assert label == f"{first.first.year // 10 * 10}s"
            elif first.precision == "year" or zoom == "year":
                assert label == year + ("" if zoom == "year" else " (no month given)")
            elif first.precision == "month" or zoom == "month":
                month = format_date(first.iso[:7])
                assert label == month + (" (no day given)" if zoom == "day" else "")
            else:
                assert label == format_date(first.iso)
            if first.precision == "year":
                assert not MONTH_WORD.search(label)


def test_at_the_zoom_of_days_a_year_only_event_stands_under_its_year(library: Library) -> None:
    groups = dict(grouped(library.chronology.timeline, "day"))
    ids = {label: [r.id for r in rows] for label, rows in groups.items()}
    assert "2012-national-security-law" in ids["2012 (no month given)"]
    assert "2022-02-nur-otan-chairmanship-due-to-pass" in ids["Feb 2022 (no day given)"]
    assert "2022-01-06-massimov-dismissed" in ids["6 Jan 2022"]


def test_filtered_by_person(library: Library) -> None:
    rows = library.chronology.timeline
    mine = filtered(rows, {"ermek-sagimbayev"})
    assert {r.id for r in mine} == {r.id for r in rows if "ermek-sagimbayev" in r.people}
    assert "2022-01-06-sagimbayev-appointed-nsc-chairman" in {r.id for r in mine}
    by_body = filtered(rows, {"nsc"})
    assert by_body and all("nsc" in r.bodies or "nsc" in r.people for r in by_body)
    assert [r.id for r in filtered(rows, {"security-council-law-adopted"})] == [
        "security-council-law-adopted"
    ]


def test_filtered_by_kind(library: Library) -> None:
    rows = library.chronology.timeline
    assert {r.kind for r in rows} <= set(KINDS)
    dismissals = filtered(rows, kinds={"dismissal"})
    assert dismissals and all(r.kind == "dismissal" for r in dismissals)
    assert "2022-01-06-massimov-dismissed" in {r.id for r in dismissals}
    both = filtered(rows, {"karim-massimov"}, {"arrest"})
    assert both and all(r.kind == "arrest" and "karim-massimov" in r.people for r in both)


def _may_fall_in(row: TimelineEvent, low: Period | None, high: Period | None) -> bool:
    end = period(row.dating.end)
    for found in row.dating.periods:
        last = end.last if end is not None else found.last
        if (low is None or last >= low.first) and (high is None or found.first <= high.last):
            return True
    return False


RANGES = [
    ("2022-01-05", "2022-01-06"),
    ("2022-01", "2022-01"),
    ("2018", "2018"),
    ("2019", ""),
    ("", "2016"),
    ("2015-09-15", "2015-09-15"),
]


@pytest.mark.parametrize(("low", "high"), RANGES)
def test_filtered_by_range(library: Library, low: str, high: str) -> None:
    rows = library.chronology.timeline
    lo, hi = period(low), period(high)
    kept = filtered(rows, low=lo, high=hi)
    kept_ids = {r.id for r in kept}
    assert kept
    for row in rows:
        if not row.dating.periods:
            assert row.id not in kept_ids, "an undated event falls in no range"
        else:
            assert (row.id in kept_ids) == _may_fall_in(row, lo, hi), row.id
    for row in kept:
        assert within(row, lo, hi)


def test_range_examples(library: Library) -> None:
    rows = library.chronology.timeline
    january = {r.id for r in filtered(rows, low=day("2022-01-05"), high=day("2022-01-06"))}
    assert "2022-01-06-massimov-dismissed" in january
    assert "2022-01-03-security-agencies-absent" in january, "3–5 Jan reaches into the range"
    assert "2022-01-07" not in " ".join(january)
    assert "2022-01-13-irmenov-appointed-almaty-nsc" not in january
    assert "massimov-arrested" not in january
    assert "security-council-law-adopted" in {
        r.id for r in filtered(rows, low=day("2018"), high=day("2018"))
    }
    assert "security-council-law-adopted" not in {r.id for r in filtered(rows, low=day("2019"))}


def test_event_kinds_from_titles() -> None:
    assert event_kind("Karim Massimov dismissed as NSC Chairman") == "dismissal"
    assert event_kind("Ermek Sagimbayev appointed NSC Chairman") == "appointment"
    assert event_kind("Massimov arrested on a charge of treason") == "arrest"
    assert event_kind("Azamat Ibbrayev commits suicide") == "death"
    assert event_kind("Something else entirely") == "other"


# -- records made by hand ---------------------------------------------------------------------

BOARD = "widget-board"
BOARD_NAMES = ["Widget Board"]


def cite(at: int = 0, source: str = "src") -> dict[str, Any]:
    return {
        "source": source,
        "exact": f"quote {at}",
        "start": at,
        "end": at + 7,
        "passage": f"{source}/p001",
    }


def made(
    person: str,
    start: str = "",
    end: str = "",
    status: str = "",
    post: str = "Chairman of the Widget Board",
    number: int = 0,
    as_of: str = "",
) -> Tenure:
    record = {
        "id": f"{person}/position-{number}",
        "person": person,
        "post": post,
        "body": BOARD,
        "start": start,
        "end": end,
        "end_reason": "",
        "status": status,
        "as_of": as_of,
        "cite": [cite(100 * number)],
    }
    return tenure_of(record)


def chain(*tenures: Tenure, people: list[dict[str, Any]] | None = None) -> Any:
    return succession(BOARD, "Head of Widget Board", list(tenures), replacements(people or []), [])


def test_a_gap_between_an_end_and_a_start_more_than_a_day_apart() -> None:
    found = chain(made("ann", "2019", "2020-01-10", number=1), made("bob", "2020-01-15", number=2))
    change = found.changes[1]
    assert change.gap == (day("2020-01-10"), day("2020-01-15"))
    assert not change.overlap and change.date == day("2020-01-15")
    assert change.to_json()["gap"] == ["2020-01-10", "2020-01-15"]


@pytest.mark.parametrize("start", ["2020-01-10", "2020-01-11"])
def test_no_gap_when_the_next_starts_the_same_or_the_next_day(start: str) -> None:
    found = chain(made("ann", "2019", "2020-01-10", number=1), made("bob", start, number=2))
    assert found.changes[1].gap is None and not found.changes[1].overlap


def test_an_overlap_when_the_next_starts_before_the_previous_end() -> None:
    found = chain(made("ann", "2019", "2020-01-10", number=1), made("bob", "2020-01-05", number=2))
    assert [t.person for t in found.holders] == ["ann", "bob"]
    assert found.changes[1].overlap and found.changes[1].gap is None


def test_no_gap_or_overlap_claimed_within_a_month() -> None:
    # Ann left some day in January, Bob started on the 20th: neither can be told.
    found = chain(made("ann", "2019", "2020-01", number=1), made("bob", "2020-01-20", number=2))
    assert found.changes[1].gap is None and not found.changes[1].overlap
    # Ann left in January; Bob started in March: certainly a gap, whatever the days.
    found = chain(made("ann", "2019", "2020-01", number=1), made("bob", "2020-03", number=2))
    assert found.changes[1].gap == (day("2020-01"), day("2020-03"))


def test_no_gap_without_both_dates() -> None:
    found = chain(made("ann", "2019", number=1), made("bob", "2021", number=2))
    assert found.changes[1].gap is None and not found.changes[1].overlap
    assert found.changes[1].how == "took the post (the sources do not say from whom)"


def test_a_replacement_orders_holders_the_dates_cannot() -> None:
    # Both took the post some time in 2020: the dates alone cannot order them.
    amy, zed = made("amy", "2020", number=1), made("zed", "2020", number=2)
    assert [t.person for t in chain(amy, zed).holders] == ["amy", "zed"]
    people = [
        {"id": "amy", "relations": []},
        {"id": "zed", "relations": [{"type": "replaced", "target": "amy", "cite": [cite(7)]}]},
    ]
    # Here the source says the other way round: Zed was replaced by Amy.
    people_reversed = [
        {"id": "zed", "relations": [{"type": "replaced_by", "target": "amy", "cite": [cite(9)]}]}
    ]
    assert replacements(people) == {("amy", "zed"): [cite(7)]}
    assert replacements(people_reversed) == {("zed", "amy"): [cite(9)]}
    found = chain(amy, zed, people=people_reversed)
    assert [t.person for t in found.holders] == ["zed", "amy"]
    assert found.changes[1].how == "replaced" and found.changes[1].cite == [cite(9)]
    found = chain(zed, amy, people=people)
    assert [t.person for t in found.holders] == ["amy", "zed"]
    assert found.changes[1].how == "replaced"


def test_a_replacement_does_not_override_dates_that_order_two_terms() -> None:
    # Ann held it twice; Bob replaced her after her first term. The dates order all three.
    first = made("ann", "2007-01-10", "2012-09-24", number=1)
    bob = made("bob", "2012-09-24", "2014-04-02", number=2)
    second = made("ann", "2014-04-02", "2016-09-08", number=3)
    people = [
        {"id": "bob", "relations": [{"type": "replaced", "target": "ann", "cite": [cite(5)]}]}
    ]
    found = chain(first, bob, second, people=people)
    assert [t.position_id for t in found.holders] == [
        first.position_id,
        bob.position_id,
        second.position_id,
    ]
    assert not any(c.overlap for c in found.changes)


def test_an_undated_holder_is_not_placed() -> None:
    found = chain(made("ann", "2019", number=1), made("old", status="former", number=2))
    assert [t.person for t in found.holders] == ["ann"]
    assert [t.person for t in found.undated] == ["old"]
    assert found.changes[0].before is None


def test_holding_a_tenure_dated_to_the_month_and_the_day() -> None:
    tenure = made("ann", "2020-03", "2021-06-15", number=1)
    assert holding(tenure, day("2020-02-29")) is None
    inside_month = holding(tenure, day("2020-03-10"))
    assert inside_month is not None and inside_month.certainty == "possible"
    assert inside_month.reasons == ("took it within Mar 2020",)
    sure = holding(tenure, day("2020-04-01"))
    assert sure is not None and sure.certainty == "certain" and sure.reasons == ()
    last_day = holding(tenure, day("2021-06-15"))
    assert last_day is not None and last_day.certainty == "possible"
    assert last_day.reasons == ("left on 15 Jun 2021",)
    assert holding(tenure, day("2021-06-16")) is None


def test_holding_an_office_last_reported_held() -> None:
    tenure = made("ann", "2022-01-06", status="in office", number=1, as_of="2022-02-16")
    assert tenure.as_of == day("2022-02-16")
    assert holding(tenure, day("2022-02-01")).certainty == "certain"  # type: ignore[union-attr]
    later = holding(tenure, day("2022-03-01"))
    assert later is not None and later.certainty == "possible"
    assert later.reasons == ("in office as of 16 Feb 2022, not reported after",)
    assert holding(tenure, day("2022-01-05")) is None


def test_in_office_with_no_dated_source_is_never_certain() -> None:
    record = {
        "id": "ann/position-1",
        "person": "ann",
        "post": "Chairman",
        "body": BOARD,
        "start": "2014-11",
        "end": "",
        "end_reason": "",
        "status": "in office",
        "cite": [cite(0, "undated-src")],
    }
    tenure = tenure_of(record)
    assert tenure.as_of is None and tenure.end_text() == "in office when written"
    found = holding(tenure, day("2015"))
    assert found is not None and found.certainty == "possible"


def test_held_on_puts_the_certain_first() -> None:
    sure = made("bob", "2019", "2021", number=2)
    maybe = made("ann", "", "2020-06-30", number=1)
    found = held_on([maybe, sure], day("2020-02-02"))
    assert [(h.tenure.person, h.certainty) for h in found] == [
        ("bob", "certain"),
        ("ann", "possible"),
    ]
    assert held_on([made("old", status="former", number=3)], day("2020")) == []


def test_end_states_in_words() -> None:
    assert made("a", "2019", status="former").end_text() == "former, end not dated"
    assert made("a", "2019").end_text() == "end not given"
    assert made("a", "2019").end_state == "unknown"
    assert made("a", "2019", "2020-02").span_text() == "2019 – Feb 2020"
    assert made("a").start_text() == "start not given"


# -- who heads a body -------------------------------------------------------------------------


def test_a_minister_heads_the_ministry() -> None:
    assert heads_body("Minister of Defense", ["Ministry of Defense"])
    assert heads_body("Acting Minister of Defense", ["Ministry of Defense"])
    assert not heads_body("Deputy Minister of Defense", ["Ministry of Defense"])
    assert not heads_body("Minister of Defense", ["Ministry of Internal Affairs"])


def test_a_department_head_does_not_head_the_committee(library: Library) -> None:
    nsc = library.chronology.body_names("nsc")
    assert heads_body("Chairman of the National Security Committee", nsc)
    assert heads_body("Head of the National Security Committee", nsc)
    assert heads_body("Chairman", nsc)
    assert not heads_body("Head of the NSC Department of Jambyl Region", nsc)
    assert not heads_body("First Deputy Chairman of the National Security Committee", nsc)
    assert not heads_body("Deputy Chairman of the NSC (counter-intelligence)", nsc)


def test_a_double_title_heads_only_the_body_it_names(library: Library) -> None:
    post = "Deputy Head of State Guard Service – Head of Presidential Guard Service"
    assert heads_body(post, library.chronology.body_names("presidential-guard-service"))
    assert not heads_body(post, library.chronology.body_names("state-guard-service"))
    assert heads_body(
        "Head of State Guard Service", library.chronology.body_names("state-guard-service")
    )


def test_the_real_successions_of_defence_and_guard_service(library: Library) -> None:
    defence = library.chronology.succession("ministry-of-defense")
    assert [t.person for t in defence.holders] == ["murat-bektanov", "ruslan-zhaksylykov"]
    assert defence.changes[1].date == day("2022-01-19")
    assert "nurlan-yermekbayev" in {t.person for t in defence.undated}
    guard = library.chronology.succession("state-guard-service")
    assert [t.person for t in guard.holders] == ["ermek-sagimbayev", "saken-issabekov"]
    assert "anuar-sadykulov" in {t.person for t in guard.undated}


def test_a_post_id_names_a_post(library: Library) -> None:
    assert post_id("Deputy Minister of Defense") == "deputy-minister-of-defense"
    assert post_id("Chairman", "nsc") == "nsc/chairman", "two bodies' Chairman are two posts"
    pid = post_id("Chairman of the National Security Committee", "nsc")
    # The title alone finds it too, while one body alone has such a post.
    assert library.chronology.post_named("Chairman of the National Security Committee") == pid
    found = library.chronology.succession(pid)
    assert found.label == "Chairman of the National Security Committee"
    assert [t.person for t in found.holders] == ["karim-massimov", "ermek-sagimbayev"]
    ids = [row[0] for row in library.chronology.post_list()]
    assert "nsc" in ids and pid in ids and len(ids) == len(set(ids))
