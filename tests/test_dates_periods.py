"""Dates as ISO prefixes: periods, their order, and text that never claims more than is known.

Property tests draw a day and a precision, cut the day's ISO form to that precision, and check
what a reader of the timeline, a career or a succession relies on: that '2022-01' is every day
of January 2022 and sorts before them, that a year is shown as a year and nothing finer, and
that a date the sources disagree on shows every reading.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kazsec.dates import (
    Dating,
    Period,
    date_precision,
    format_date,
    period,
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_WORD = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
CUT = {"year": 4, "month": 7, "day": 10}

days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 31))
precisions = st.sampled_from(("day", "month", "year"))


@st.composite
def prefixes(draw: st.DrawFn) -> str:
    """An ISO prefix cut from a random day at a random precision: '1987', '1987-03', ..."""
    day = draw(days)
    return day.isoformat()[: CUT[draw(precisions)]]


def as_period(iso: str) -> Period:
    found = period(iso)
    assert found is not None, iso
    return found


# -- precision and parsing --------------------------------------------------------------------


@given(days, precisions)
def test_the_length_of_a_prefix_is_its_precision(day: dt.date, precision: str) -> None:
    iso = day.isoformat()[: CUT[precision]]
    assert date_precision(iso) == precision
    found = as_period(iso)
    assert found.iso == iso and found.precision == precision
    assert found.first <= day <= found.last


def test_empty_is_unknown_not_a_period() -> None:
    assert date_precision("") == "unknown"
    assert period("") is None
    assert format_date("") == "?"


@pytest.mark.parametrize(
    "bad",
    [
        "2022-13",
        "2022-00",
        "2022-02-30",
        "2023-02-29",
        "2022-04-31",
        "22",
        "2022-1",
        "2022-01-6",
        "202",
        "20222",
        "2022/01/06",
        "2022-01-06T00:00",
        " 2022",
        "2022 ",
        "Jan 2022",
        "yesterday",
        "２０２２",  # full-width digits: `\d` would take them, the calendar must not
        "0000",  # no year 0 in the calendar: it would pass the pattern and break every view
        "0000-05",
        "0000-01-01",
    ],
)
def test_invalid_prefixes_raise_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        date_precision(bad)
    with pytest.raises(ValueError):
        period(bad)
    with pytest.raises(ValueError):
        format_date(bad)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-/ Tx", max_size=12))
def test_any_text_is_a_period_nothing_or_a_value_error(text: str) -> None:
    # What a user types after --on / --from: never any other exception.
    try:
        found = period(text)
    except ValueError:
        return
    if text == "":
        assert found is None
    else:
        assert found is not None and found.iso == text
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text)


@given(days)
def test_a_one_digit_month_or_day_is_refused(day: dt.date) -> None:
    bad = [f"{day.year % 100:02d}", f"{day.year:04d}-{day.month:02d}-{day.day:02d}-"]
    if day.month < 10:
        bad.append(f"{day.year:04d}-{day.month}")
    if day.day < 10:
        bad.append(f"{day.year:04d}-{day.month:02d}-{day.day}")
    for text in bad:
        with pytest.raises(ValueError):
            period(text)


@given(st.integers(min_value=1000, max_value=9998))
def test_february_ends_on_the_last_day_of_february(year: int) -> None:
    february = as_period(f"{year:04d}-02")
    assert february.first == dt.date(year, 2, 1)
    assert february.last.day == (29 if calendar.isleap(year) else 28)
    if calendar.isleap(year):
        assert as_period(f"{year:04d}-02-29").first == dt.date(year, 2, 29)
    else:
        with pytest.raises(ValueError):
            period(f"{year:04d}-02-29")


def test_leap_years_by_name() -> None:
    assert as_period("2024-02").last == dt.date(2024, 2, 29)
    assert as_period("2023-02").last == dt.date(2023, 2, 28)
    assert as_period("2000-02").last == dt.date(2000, 2, 29)  # divisible by 400
    assert as_period("1900-02").last == dt.date(1900, 2, 28)  # divisible by 100 only
    assert as_period("2024").last == dt.date(2024, 12, 31)
    assert as_period("2022-12").last == dt.date(2022, 12, 31)  # the month that turns the year


def test_december_of_the_last_year_the_calendar_has() -> None:
    # date_precision accepts '9999-12' (and format_date shows 'Dec 9999'), so period must too:
    # it is every day of December 9999, which Python's calendar holds.
    assert format_date("9999-12") == "Dec 9999"
    assert as_period("9999-12") == Period("9999-12", dt.date(9999, 12, 1), dt.date(9999, 12, 31))


# -- order, containment, overlap --------------------------------------------------------------


@settings(max_examples=300)
@given(prefixes(), prefixes())
def test_order_is_a_total_order_on_distinct_prefixes(a: str, b: str) -> None:
    pa, pb = as_period(a), as_period(b)
    if a != b:
        assert pa.order() != pb.order(), "two different prefixes never tie"
    else:
        assert pa.order() == pb.order()
    assert (pa.order() < pb.order()) + (pb.order() < pa.order()) + (a == b) == 1


@settings(max_examples=300)
@given(prefixes(), prefixes())
def test_order_agrees_with_containment_and_before(a: str, b: str) -> None:
    pa, pb = as_period(a), as_period(b)
    if pa.contains(pb):
        assert pa.order() <= pb.order(), f"{a} contains {b}, so it sorts first"
        assert pa.overlaps(pb) and pb.overlaps(pa)
    if pa.before(pb):
        assert pa.order() < pb.order(), f"{a} is certainly before {b}"
        assert not pa.overlaps(pb) and not pb.before(pa)
    if pa.contains(pb) and pb.contains(pa):
        assert a == b
    # Exactly one of: overlapping, a certainly before b, b certainly before a.
    assert pa.overlaps(pb) + pa.before(pb) + pb.before(pa) == 1


@settings(max_examples=200)
@given(st.lists(prefixes(), min_size=2, max_size=12, unique=True))
def test_sorting_never_puts_a_period_after_one_it_contains_or_precedes(isos: list[str]) -> None:
    ordered = sorted(map(as_period, isos), key=Period.order)
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            assert not later.before(earlier), f"{later.iso} sorted after {earlier.iso}"
            assert not (later.contains(earlier) and later != earlier), (
                f"{later.iso} contains {earlier.iso} yet sorts after it"
            )


@given(days, days)
def test_two_different_days_never_overlap(one: dt.date, other: dt.date) -> None:
    assume(one != other)
    a, b = as_period(one.isoformat()), as_period(other.isoformat())
    assert not a.overlaps(b) and not b.overlaps(a)
    assert not a.contains(b)
    assert a.before(b) != b.before(a)


@given(days)
def test_a_day_overlaps_and_contains_itself(day: dt.date) -> None:
    same = as_period(day.isoformat())
    assert same.overlaps(same) and same.contains(same) and not same.before(same)


@given(days)
def test_a_month_contains_each_of_its_days_and_no_other(day: dt.date) -> None:
    month = as_period(day.isoformat()[:7])
    year = as_period(day.isoformat()[:4])
    assert year.contains(month)
    length = calendar.monthrange(day.year, day.month)[1]
    assert (month.last - month.first).days + 1 == length
    for number in range(1, length + 1):
        inside = as_period(f"{day.isoformat()[:7]}-{number:02d}")
        assert month.contains(inside) and year.contains(inside)
        assert month.order() < inside.order(), "the month sorts before each of its days"
    before_month = month.first - dt.timedelta(days=1)
    after_month = month.last + dt.timedelta(days=1)
    for outside in (before_month, after_month):
        if 1000 <= outside.year <= 9998:
            found = as_period(outside.isoformat())
            assert not month.contains(found) and not month.overlaps(found)


def test_the_examples_the_docstrings_give() -> None:
    january, sixth = as_period("2022-01"), as_period("2022-01-06")
    assert january.contains(sixth) and not sixth.contains(january)
    ordered = sorted([sixth, as_period("2022-01-01"), january], key=Period.order)
    assert [p.iso for p in ordered] == ["2022-01", "2022-01-01", "2022-01-06"]
    assert as_period("2017").before(as_period("2018-01-01"))
    assert not as_period("2017").before(as_period("2017-12-31"))


# -- round trips and text ---------------------------------------------------------------------


@given(prefixes())
def test_first_and_last_day_give_back_the_prefix(iso: str) -> None:
    found = as_period(iso)
    # The period's days are exactly those the prefix names: one day fewer on either side
    # and it would be another (or no) prefix.
    assert found.iso == iso and period(iso) == found
    assert found.first <= found.last
    if found.precision == "day":
        assert found.first == found.last
    elif found.precision == "month":
        assert found.first.day == 1 and (found.last + dt.timedelta(days=1)).day == 1
    else:
        assert (found.first.month, found.first.day, found.last.month, found.last.day) == (
            1,
            1,
            12,
            31,
        )


@given(days)
def test_a_year_is_shown_as_the_year_and_nothing_finer(day: dt.date) -> None:
    iso = f"{day.year:04d}"
    shown = format_date(iso)
    assert shown == iso
    assert not MONTH_WORD.search(shown)
    assert str(as_period(iso)) == shown
    text = Dating((iso,)).text()
    assert text == iso and not MONTH_WORD.search(text)
    inferred = Dating((iso,), inferred=True).text()
    assert not MONTH_WORD.search(inferred) and inferred.startswith(iso)


@given(days)
def test_a_month_is_shown_without_a_day(day: dt.date) -> None:
    iso = day.isoformat()[:7]
    shown = format_date(iso)
    assert shown == f"{MONTHS[day.month - 1]} {day.year:04d}"
    digits = re.findall(r"\d+", shown)
    assert digits == [f"{day.year:04d}"], f"{shown!r} shows a number that is not the year"
    assert Dating((iso,)).text() == shown


@given(days)
def test_a_day_is_shown_with_its_day_month_and_year(day: dt.date) -> None:
    shown = format_date(day.isoformat())
    assert shown == f"{day.day} {MONTHS[day.month - 1]} {day.year:04d}"
    assert Dating((day.isoformat(),)).text() == shown


def test_format_examples() -> None:
    assert format_date("2022-01-05") == "5 Jan 2022"
    assert format_date("2022-01") == "Jan 2022"
    assert format_date("2017") == "2017"
    assert Dating(("2015-09-15",), inferred=True).text() == "15 Sep 2015 (year inferred)"
    assert Dating((), reason="no source gives a date").text() == "undated"


# -- datings: several readings, none ----------------------------------------------------------


@settings(max_examples=200)
@given(prefixes(), prefixes())
def test_two_readings_are_disputed_and_both_are_shown(a: str, b: str) -> None:
    assume(a != b)
    dating = Dating((a, b))
    text = dating.text()
    assert dating.disputed
    assert text.endswith(" disputed")
    shown = text.removesuffix(" disputed").split("/")
    assert sorted(shown) == sorted([format_date(a), format_date(b)])
    # In time order: the reading that sorts first is shown first.
    first = min(as_period(a), as_period(b), key=Period.order)
    assert shown[0] == str(first)
    assert dating.order() == (0, *first.order())


def test_a_disputed_year_says_both_years() -> None:
    assert Dating(("2018", "2017")).text() == "2017/2018 disputed"


def test_a_disputed_date_whose_year_is_inferred_still_says_so() -> None:
    # The sources give 14 and 15 September with no year; 2015 is the curator's inference.
    # Showing '14 Sep 2015/15 Sep 2015 disputed' would present the year as the sources'.
    text = Dating(("2015-09-14", "2015-09-15"), inferred=True).text()
    assert "14 Sep 2015" in text and "15 Sep 2015" in text and "disputed" in text
    assert "year inferred" in text


def test_one_reading_is_not_disputed() -> None:
    dating = Dating(("2022-01-06",))
    assert not dating.disputed and "disputed" not in dating.text()


@given(st.lists(prefixes(), min_size=1, max_size=5, unique=True))
def test_undated_sorts_after_every_dated(readings: list[str]) -> None:
    undated = Dating((), reason="no source gives a date")
    dated = Dating(tuple(readings))
    assert dated.order() < undated.order()
    assert undated.text() == "undated" and not undated.periods and not undated.disputed


def test_a_period_without_a_prefix_claims_no_precision() -> None:
    from kazsec.dates import Period

    span = Period("", dt.date(2017, 1, 1), dt.date(2018, 12, 31))
    assert span.precision == "unknown" and str(span) == "?"


def test_a_range_shows_both_ends() -> None:
    text = Dating(("2022-01-03",), end="2022-01-05").text()
    assert "3" in text and "5 Jan 2022" in text and "–" in text
    assert Dating(("2007",), end="2010").text() == "2007 – 2010"
