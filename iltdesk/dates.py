"""Dates in words, in the user's locale (``iltdesk.region``): 'Thursday, December 3, 2026' in
the US, 'Thursday 3 December 2026' in the UK, each locale its own order and names.

Every pattern is derived from the locale's long date format (QLocale, CLDR's data) by dropping
or shortening its parts, so a locale needs no table here. Two house rules keep English as the
app always wrote it: English month and day names are the US ones ("Sep", not en_GB's "Sept"),
and a day-first English date takes no comma after its weekday ("Thursday 3 December 2026").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from iltdesk import region

_TOKEN = re.compile(r"d+|M+|y+|'(?:[^']|'')*'|[^dMy']+")


@dataclass(frozen=True)
class Patterns:
    """Qt date patterns (``QLocale.toString``/``QDateTimeEdit.setDisplayFormat``) of a locale."""

    full: str  # 'Thursday 3 December 2026'
    long: str  # '3 December 2026'
    short: str  # '3 Dec 2026'
    with_weekday: str  # 'Thu 3 Dec 2026'
    day_month: str  # '3 Dec'
    weekday_day_month: str  # 'Thu 3 Dec'
    month_year: str  # 'December 2026'
    short_month_year: str  # 'Dec 2026'


def _is_field(token: str) -> bool:
    return token[0] in "dMy"


def _joins(token: str) -> bool:
    """A literal that only joins two parts (spaces, punctuation, quoted words like pt's 'de'),
    as opposed to a part's own suffix (ja's 年, 月, 日)."""
    bare = re.sub(r"'(?:[^']|'')*'", "", token)
    return not any(ch.isalnum() for ch in bare)


def _kind(token: str) -> str:
    if token[0] == "d":
        return "weekday" if len(token) >= 3 else "day"
    return {"M": "month", "y": "year"}.get(token[0], "")


def _drop(tokens: list[str], unwanted: str) -> list[str]:
    """``tokens`` without the fields that are ``unwanted`` ('weekday', 'day', 'year') and the
    literal that tied each one in: its own suffix (ja's 日) or trailing punctuation ('d,'),
    else the joiner before it."""
    kept = list(tokens)
    i = 0
    while i < len(kept):
        if not _is_field(kept[i]) or _kind(kept[i]) != unwanted:
            i += 1
            continue
        after = kept[i + 1] if i + 1 < len(kept) else ""
        before = kept[i - 1] if i > 0 else ""
        if i == 0 or (after and (not _joins(after) or after.strip())):
            del kept[i : i + 2 if after else i + 1]
        elif before and _joins(before):
            del kept[i - 1 : i + 1]
            i -= 1
        else:
            del kept[i]
    return kept


def _shorten(tokens: list[str]) -> list[str]:
    """Abbreviated names: 'dddd' -> 'ddd', 'MMMM' -> 'MMM'."""
    return [t[:3] if _is_field(t) and t[0] in "dM" and len(t) == 4 else t for t in tokens]


def _text(tokens: list[str]) -> str:
    return "".join(tokens).strip()


def derive(long_format: str, english: bool = False) -> Patterns:
    """Every pattern from a locale's long format, e.g. 'dddd, MMMM d, yyyy' (en_US)."""
    full: list[str] = []
    for token in _TOKEN.findall(long_format):  # one literal between two fields, not three
        if full and not _is_field(token) and not _is_field(full[-1]):
            full[-1] += token
        else:
            full.append(token)
    fields = [t[0] for t in full if _is_field(t) and not (t[0] == "d" and len(t) >= 3)]
    if english and fields.index("d") < fields.index("M") and len(full) > 1 and full[1] == ", ":
        full[1] = " "  # 'Thursday 3 December 2026', as the app always wrote it
    long = _drop(full, "weekday")
    month_year = _drop(long, "day")
    return Patterns(
        full=_text(full),
        long=_text(long),
        short=_text(_shorten(long)),
        with_weekday=_text(_shorten(full)),
        day_month=_text(_drop(_shorten(long), "year")),
        weekday_day_month=_text(_drop(_shorten(full), "year")),
        month_year=_text(month_year),
        short_month_year=_text(_shorten(month_year)),
    )


@cache
def _for(name: str) -> Patterns:
    """The patterns of locale ``name``."""
    long_format, english = region.long_date_format(name)
    return derive(long_format, english)


def patterns() -> Patterns:
    """The patterns of the locale in use."""
    return _for(region.current_name())


def _word(day: date, pick: str) -> str:
    return region.word(day, getattr(patterns(), pick))


def day_month(day: date) -> str:
    """'7 Mar' (en_GB), 'Mar 7' (en_US)."""
    return _word(day, "day_month")


def short(day: date) -> str:
    """'7 Mar 2027' (en_GB), 'Mar 7, 2027' (en_US)."""
    return _word(day, "short")


def with_weekday(day: date) -> str:
    """'Sun 7 Mar 2027' (en_GB), 'Sun, Mar 7, 2027' (en_US)."""
    return _word(day, "with_weekday")


def long(day: date) -> str:
    """'7 March 2027' (en_GB), 'March 7, 2027' (en_US)."""
    return _word(day, "long")


def full(day: date) -> str:
    """'Sunday 7 March 2027' (en_GB), 'Sunday, March 7, 2027' (en_US)."""
    return _word(day, "full")


def month_year(day: date) -> str:
    """'March 2027'."""
    return _word(day, "month_year")


def short_month_year(day: date) -> str:
    """'Mar 2027'."""
    return _word(day, "short_month_year")


def field_format() -> str:
    """Qt's display format for date fields, the parts a list shows: 'ddd d MMM yyyy' (en_GB,
    'Sun 7 Mar 2027'), 'ddd, MMM d, yyyy' (en_US)."""
    return patterns().with_weekday


def short_field_format() -> str:
    """A date field without the weekday: 'd MMM yyyy' (en_GB), 'MMM d, yyyy' (en_US)."""
    return patterns().short


def __getattr__(name: str) -> str:
    # DATE_FIELD_FORMAT was a constant; it now depends on the locale in use, so it is worked
    # out when read. Lists (1:1s, action items, Today, timelines) show dates one way: the
    # weekday helps place a date this year, the year tells an older one apart.
    if name == "DATE_FIELD_FORMAT":
        return field_format()
    raise AttributeError(name)


def list_date(day: date, today: date | None = None) -> str:
    """A date in a list: 'Sun 7 Mar' in ``today``'s year (by default this one), else
    '7 Mar 2026' (en_GB); 'Sun, Mar 7' and 'Mar 7, 2026' (en_US)."""
    year = (today or date.today()).year
    return _word(day, "weekday_day_month") if day.year == year else short(day)
