"""Dates as ISO prefixes whose length is their precision; shown as what is known, no more."""

from __future__ import annotations

import datetime as dt
import re

PRECISIONS = ("day", "month", "year", "unknown")
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_precision(value: str) -> str:
    """'2022-01-06' -> day, '2022-01' -> month, '2017' -> year, '' -> unknown.

    Raises ValueError for anything else, including impossible days (2022-02-30).
    """
    if value == "":
        return "unknown"
    if not _ISO_PREFIX.match(value):
        raise ValueError(f"date {value!r} is not an ISO prefix (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = value.split("-")
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


def sort_key(value: str) -> str:
    """Chronological sort key; unknown dates sort last."""
    return value or "9999"


def format_tenure(start: str, end: str) -> str:
    """A post held from start to end, an unknown end said in words: '5 Jan 2022 – end unknown',
    'start unknown – 6 Jan 2022' (never '?', which reads as a doubt about the date shown)."""
    if not start and not end:
        return "dates unknown"
    shown_start = format_date(start) if start else "start unknown"
    shown_end = format_date(end) if end else "end unknown"
    return f"{shown_start} – {shown_end}"
