"""Dates in words, the same on every platform (strftime's "%-d" fails on Windows)."""

from __future__ import annotations

from datetime import date


def day_month(day: date) -> str:
    """'7 Mar'."""
    return f"{day.day} {day:%b}"


def short(day: date) -> str:
    """'7 Mar 2027'."""
    return f"{day.day} {day:%b %Y}"


def with_weekday(day: date) -> str:
    """'Sun 7 Mar 2027'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def long(day: date) -> str:
    """'7 March 2027'."""
    return f"{day.day} {day:%B %Y}"


# Lists (1:1s, action items, Today, timelines) show dates one way: the weekday helps place a
# date this year, the year tells an older one apart. Date fields show the same parts.
DATE_FIELD_FORMAT = "ddd d MMM yyyy"  # Qt's display format for date fields: 'Sun 7 Mar 2027'


def list_date(day: date, today: date | None = None) -> str:
    """A date in a list: 'Sun 7 Mar' in ``today``'s year (by default this one), else
    '7 Mar 2026'."""
    year = (today or date.today()).year
    return f"{day:%a} {day_month(day)}" if day.year == year else short(day)
