"""Dates as ISO prefixes whose length is their precision; shown as what is known, no more."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

PRECISIONS = ("day", "month", "year", "unknown")
_ISO_PREFIX = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_precision(value: str) -> str:
    """'2022-01-06' -> day, '2022-01' -> month, '2017' -> year, '' -> unknown.

    Raises ValueError for anything else, including impossible days (2022-02-30).
    """
    if value == "":
        return "unknown"
    if not _ISO_PREFIX.fullmatch(value):
        raise ValueError(f"date {value!r} is not an ISO prefix (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = value.split("-")
    if int(parts[0]) == 0:
        raise ValueError(f"date {value!r}: there is no year 0 (years run from 0001)")
    if len(parts) >= 2 and not 1 <= int(parts[1]) <= 12:
        raise ValueError(f"date {value!r} has no such month")
    if len(parts) == 3:
        dt.date.fromisoformat(value)  # raises on 2022-02-30
    return PRECISIONS[3 - len(parts)]


def format_date(value: str) -> str:
    """A date as precisely as it is known: '5 Jan 2022', 'Jan 2022', '2017', or '?'."""
    precision = date_precision(value)
    if precision == "unknown":
        return "?"
    parts = value.split("-")
    if precision == "year":
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    if precision == "month":
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def format_span(start: str, end: str) -> str:
    """A range of two ISO prefixes ('2012 – 2014', '? – 6 Jan 2022'); one date if no end."""
    if not end:
        return format_date(start) if start else "?"
    if start == end:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


# -- dates as the days they may mean ----------------------------------------------------------
#
# '2022-01' is not a day before or after '2022-01-06': it is every day of January 2022, and
# contains it. A Period is an ISO prefix read as the first and last day it may mean; every
# view that sorts, overlaps or draws dates goes through it, so none of them can claim a
# precision the prefix does not have.


class Period(NamedTuple):
    """An ISO prefix as the span of days it may mean: '2017' is 1 Jan to 31 Dec 2017."""

    iso: str
    first: dt.date
    last: dt.date

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year'; 'unknown' for a span no prefix names (two years)."""
        return date_precision(self.iso)

    def order(self) -> tuple[int, int]:
        """Sort key: earlier first; of two starting the same day, the wider (the containing)
        first, so '2022-01' comes before '2022-01-01' and '2022-01-06' after both."""
        return self.first.toordinal(), -self.last.toordinal()

    def contains(self, other: Period) -> bool:
        """Every day `other` may mean is one this may mean ('2022-01' contains '2022-01-06')."""
        return self.first <= other.first and other.last <= self.last

    def overlaps(self, other: Period) -> bool:
        """Some day may be meant by both (two different days never overlap)."""
        return self.first <= other.last and other.first <= self.last

    def before(self, other: Period) -> bool:
        """Certainly earlier: every day this may mean is before every day `other` may mean."""
        return self.last < other.first

    def __str__(self) -> str:
        return format_date(self.iso)


def sort_key(value: str) -> tuple[int, int, int]:
    """Chronological sort key of an ISO prefix, as `Period.order` sorts: the containing
    before the contained ('2022' before '2022-01' before '2022-01-06'); unknown dates last."""
    found = period(value)
    return (0, *found.order()) if found is not None else (1, 0, 0)


def period(value: str) -> Period | None:
    """An ISO prefix as a Period; None for '' (unknown). ValueError as `date_precision`."""
    precision = date_precision(value)
    if precision == "unknown":
        return None
    parts = [int(p) for p in value.split("-")]
    if precision == "year":
        return Period(value, dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31))
    if precision == "month":
        year, month = parts
        if month == 12:  # the month after December may be past the calendar's last year
            return Period(value, dt.date(year, 12, 1), dt.date(year, 12, 31))
        following = dt.date(year, month + 1, 1)
        return Period(value, dt.date(year, month, 1), following - dt.timedelta(days=1))
    day = dt.date(*parts)
    return Period(value, day, day)


class Dating(NamedTuple):
    """When something happened as the sources give it: one reading, several (the sources
    disagree: every reading is kept), or none (with why)."""

    readings: tuple[str, ...]  # ISO prefixes; empty when no source dates it
    end: str = ""  # the end of a range ("" for a single date)
    inferred: bool = False  # the year is the curator's inference (the text gives day and month)
    reason: str = ""  # why there is no date

    @property
    def disputed(self) -> bool:
        """Sources give more than one date."""
        return len(self.readings) > 1

    @property
    def periods(self) -> list[Period]:
        """The readings as periods, in time order."""
        found = [p for p in map(period, self.readings) if p is not None]
        return sorted(found, key=Period.order)

    def order(self) -> tuple[int, int, int]:
        """Sort key: by the earliest reading (undated last)."""
        periods = self.periods
        if not periods:
            return 1, 0, 0
        return 0, *periods[0].order()

    def text(self) -> str:
        """'5 Jan 2022', 'Jan 2022', '2017', '2017/2018 disputed', '15 Sep 2015 (year
        inferred)', '4 Jan 2022 – 6 Jan 2022', or 'undated'."""
        periods = self.periods
        if not periods:
            return "undated"
        if self.disputed:
            shown = "/".join(str(p) for p in periods) + " disputed"
        else:
            shown = format_span(periods[0].iso, self.end) if self.end else str(periods[0])
        return f"{shown} (year inferred)" if self.inferred else shown
