"""A due date typed the way a principal says it: "fri", "tomorrow", "in 2 weeks", "12/10".

Typing a date in words takes one field and no Tabs through day, month and year sections. What
the words mean is decided here, without a screen, and the 1:1 shows the date it understood
before the item is added, so an unexpected reading is seen at once.

Rules, all counted from ``today``:
- empty: the default, a week after the 1:1 (``default_due``).
- "today", "tomorrow" (also "tmrw", "tom").
- a weekday or its first letters ("fri", "th", "tues"): the next one after today, never today;
  "this fri" allows today; "next fri" is the Friday of next week (a week starts on the locale's
  first day: Monday in the UK, Sunday in the US).
- "next week" and "a week": in 7 days; "next month": the same day next month.
- "in 3 days", "in 2 weeks", "in a month", "2 weeks", "3d", "2w", "+10".
- "end of week" / "eow": this Friday (next week's once the weekend has come);
  "end of month" / "eom": the month's last day.
- US month/day: "12/10", "12/10/26", "12/10/2026"; ISO "2026-12-10"; "Dec 10", "10 December",
  "December 10th, 2026". A date without a year is the next one on or after today.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from iltdesk import region
from iltdesk.due import next_step_due

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = tuple(name.casefold() for name in calendar.month_name[1:])
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNITS = {"d": "day", "day": "day", "w": "week", "wk": "week", "week": "week", "m": "month"}
_UNITS |= {"mo": "month", "month": "month"}
_SPAN = re.compile(r"^(?:in\s+)?\+?(\d+|[a-z]+)\s*([a-z]+?)s?$")
_PLUS_DAYS = re.compile(r"^\+(\d+)$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:\s+(\d{4}))?"
_MONTH_FIRST = re.compile(rf"^([a-z]+)\.?\s+{_DAY}{_YEAR}$")
_DAY_FIRST = re.compile(rf"^{_DAY}\s+([a-z]+)\.?{_YEAR}$")
_NAMED = {
    "today": 0,
    "tod": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tom": 1,
    "next week": 7,  # not shown: words a person types, matched here
    "a week": 7,
    "1 week": 7,
}


def default_due(held_on: date) -> date:
    """When an action item from a 1:1 is due if nobody says: a next step's usual week after
    the 1:1 (``iltdesk.due.next_step_due``)."""
    return next_step_due(held_on)


def parse_due(text: str, today: date) -> date | None:
    """The date ``text`` names, counted from ``today``; None if it names none (or is empty)."""
    words = " ".join(text.casefold().replace(",", " ").split()).rstrip(".")
    if not words:
        return None
    if words in _NAMED:
        return today + timedelta(days=_NAMED[words])
    for reader in (_weekday, _span, _period_end, _numeric, _month_name):
        found = reader(words, today)
        if found is not None:
            return found
    return None


def _weekday_index(word: str) -> int | None:
    """Monday=0 for a weekday's name or its first two or more letters ("th", "tues")."""
    if len(word) < 2:
        return None
    matches = [i for i, name in enumerate(_WEEKDAYS) if name.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def _weekday(words: str, today: date) -> date | None:
    first, _, rest = words.partition(" ")
    if first in ("this", "next", "on") and rest:
        day = _weekday_index(rest)
        if day is None:
            return None
        if first == "next":  # that day of the week after this one, weeks as the locale has them
            start = region.first_weekday()  # Monday in the UK, Sunday in the US
            next_week = today - timedelta(days=(today.weekday() - start) % 7 - 7)
            return next_week + timedelta(days=(day - start) % 7)
        ahead = (day - today.weekday()) % 7
        return today + timedelta(days=ahead if first == "this" else ahead or 7)
    day = _weekday_index(words)
    if day is None:
        return None
    return today + timedelta(days=(day - today.weekday()) % 7 or 7)


def _span(words: str, today: date) -> date | None:
    plus = _PLUS_DAYS.match(words)
    if plus:
        return today + timedelta(days=int(plus.group(1)))
    if words == "next month":  # not shown: typed words, matched
        return _add_months(today, 1)
    match = _SPAN.match(words)
    if match is None:
        return None
    count_text, unit_text = match.groups()
    count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
    unit = _UNITS.get(unit_text)
    if count is None or unit is None or count > 999:
        return None
    if unit == "month":
        return _add_months(today, count)
    return today + timedelta(days=count * (7 if unit == "week" else 1))


def _period_end(words: str, today: date) -> date | None:
    if words in ("end of week", "end of the week", "eow"):  # not shown: typed words, matched
        friday = today + timedelta(days=(4 - today.weekday()) % 7)
        return friday
    if words in ("end of month", "end of the month", "eom"):  # not shown: typed, matched
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return None


def _numeric(words: str, today: date) -> date | None:
    iso = _ISO.match(words)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _make(year, month, day)
    slashed = _SLASHED.match(words)
    if slashed is None:
        return None
    month, day = int(slashed.group(1)), int(slashed.group(2))
    year_text = slashed.group(3)
    if year_text is None:
        return _next_on_or_after(month, day, today)
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return _make(year, month, day)


def _month_name(words: str, today: date) -> date | None:
    for pattern, month_group, day_group in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        match = pattern.match(words)
        if match is None:
            continue
        month = _month_index(match.group(month_group))
        if month is None:
            return None
        day = int(match.group(day_group))
        year = match.group(3)
        return (
            _next_on_or_after(month, day, today) if year is None else _make(int(year), month, day)
        )
    return None


def _month_index(word: str) -> int | None:
    """January=1 for a month's name or its first three or more letters ("sept", "dec")."""
    if len(word) < 3:
        return None
    matches = [i for i, name in enumerate(_MONTHS, start=1) if name.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def _next_on_or_after(month: int, day: int, today: date) -> date | None:
    """``month``/``day`` this year, or next year once this year's has passed."""
    this_year = _make(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year
    return _make(today.year + 1, month, day)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Jan -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
