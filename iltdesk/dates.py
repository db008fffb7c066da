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


def weekday_day_month(day: date) -> str:
    """'Sunday 7 March'."""
    return f"{day:%A} {day.day} {day:%B}"


def long(day: date) -> str:
    """'7 March 2027'."""
    return f"{day.day} {day:%B %Y}"
