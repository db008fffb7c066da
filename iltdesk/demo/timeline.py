"""Where the demo's dates fall: the school year (August to June) that today belongs to.

The year runs from the Monday on or after 10 August to the Friday on or after 9 June, with a
two-week winter break around Christmas and a spring break in late March. Aug-Dec: the year
that began this August; Jan-Jun: the one that began last August; in the summer (July, or the
first days of August before school starts) the year that has just ended.

The story is laid out on that calendar: ``week(n)`` is the n-th *school* week (breaks are not
counted), ``days(n)`` is n days from the story's *anchor* — today, or late November if today
is earlier in the year (so the story's recent stretch always comes after its early autumn),
or mid-April if later (the year then runs on past the story's today: its cycles close, 1:1s
go on).
Only what happened by ``now`` (today, or the last day of school in the summer) is written;
``Timeline.happened`` says which.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

ILT_WEEKDAY = 1  # the ILT meets on Tuesdays, every time
MIN_ANCHOR_WEEK = 15  # the story's recent stretch is never set before late November
MAX_ANCHOR_WEEK = 31  # nor after mid-April: later, the year runs on past it to today
DAY = timedelta(days=1)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class When:
    """A story date, resolved against a timeline: school weeks into the year, or days from
    the story's anchor (the story's 'today')."""

    week: int = 0
    day: int = 0
    from_today: bool = False
    weekday: int | None = None  # the day of the week its text names (0 = Monday), if any


def week(n: int, day: int = 0) -> When:
    """``n`` school weeks into the year, ``day`` days after that week's Monday (0..4)."""
    return When(n, day)


def days(n: int, weekday: int | None = None) -> When:
    """``n`` days from the story's today (negative: before it); with ``weekday``, the nearest
    such day on or before that (after it, if still to come), for texts that name the day."""
    return When(0, n, True, weekday)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


@lru_cache(maxsize=64)
def first_day(year: int) -> date:
    """The first day of the school year that begins in August of ``year`` (a Monday)."""
    return _monday_on_or_after(date(year, 8, 10))


@lru_cache(maxsize=64)
def last_day(year: int) -> date:
    """The last day of the school year that began in August of ``year`` (a Friday)."""
    june = date(year + 1, 6, 9)
    return june + timedelta(days=(4 - june.weekday()) % 7)


@lru_cache(maxsize=64)
def _breaks(year: int) -> tuple[tuple[date, date], ...]:
    """The winter and spring breaks of the year that began in August ``year`` (first, last)."""
    christmas_eve = date(year, 12, 24)
    winter = christmas_eve - timedelta(days=christmas_eve.weekday())
    spring = _monday_on_or_after(date(year + 1, 3, 22))
    return ((winter, winter + timedelta(days=13)), (spring, spring + timedelta(days=6)))


def year_of(day: date) -> int:
    """The August the school year ``day`` belongs to began in (summer: the year just ended)."""
    year = day.year if day.month >= 8 else day.year - 1
    return year if day >= first_day(year) else year - 1


def is_school_day(day: date) -> bool:
    """Monday to Friday, in term: not in the summer, the winter break or the spring break."""
    if day.weekday() > 4:
        return False
    year = year_of(day)
    if day > last_day(year):
        return False
    return not any(first <= day <= last for first, last in _breaks(year))


def school_day_on_or_before(day: date) -> date:
    """The day itself if school meets, else the last school day before it."""
    while not is_school_day(day):
        day -= DAY
    return day


def school_day_on_or_after(day: date) -> date:
    """The day itself if school meets, else the next school day."""
    while not is_school_day(day):
        day += DAY
    return day


@lru_cache(maxsize=64)
def school_mondays(year: int) -> tuple[date, ...]:
    """The Monday of every school week of the year that began in August ``year``."""
    mondays, monday = [], first_day(year)
    while monday <= last_day(year):
        if any(is_school_day(monday + timedelta(days=d)) for d in range(5)):
            mondays.append(monday)
        monday += timedelta(weeks=1)
    return tuple(mondays)


def school_week_of(day: date) -> int:
    """How many school weeks ``day`` is into its own school year."""
    return bisect_right(school_mondays(year_of(day)), day) - 1


@dataclass(frozen=True)
class Timeline:
    """The demo's calendar: ``today``, the school year around it, and the story's anchor."""

    today: date
    year: int  # the August the school year began in
    anchor: date = field(default=date.min)  # the story's 'today' (``days`` counts from it)

    @classmethod
    def around(cls, today: date) -> Timeline:
        """The school year ``today`` falls in (or, in the summer, the one just ended)."""
        year = year_of(today)
        plain = cls(today=today, year=year, anchor=today)
        earliest, latest = plain.w(MIN_ANCHOR_WEEK, 2), plain.w(MAX_ANCHOR_WEEK, 2)
        return cls(today=today, year=year, anchor=min(max(plain.now, earliest), latest))

    @property
    def start(self) -> date:
        """The first day of the school year."""
        return first_day(self.year)

    @property
    def end(self) -> date:
        """The last day of the school year."""
        return last_day(self.year)

    @property
    def now(self) -> date:
        """The latest day anything in the journal happened: today, or the last day of school."""
        return min(self.today, self.end)

    def happened(self, day: date | None) -> bool:
        """Whether an event on ``day`` is in the journal yet (nothing after ``now``)."""
        return day is not None and day <= self.now

    def w(self, week: int, day: int = 0) -> date:
        """A school date: ``week`` school weeks into the year, ``day`` 0 = Monday.

        Negative weeks count calendar weeks back into earlier years; weeks past the last one
        run on into the summer (a lead who left), unchanged.
        """
        mondays = school_mondays(self.year)
        if week < 0:
            return school_day_on_or_before(self.start + timedelta(weeks=week, days=day))
        if week >= len(mondays):
            return mondays[-1] + timedelta(weeks=week - len(mondays) + 1, days=day)
        return school_day_on_or_before(mondays[week] + timedelta(days=day))

    def at(self, when: When) -> date:
        """The school day a story ``When`` falls on (weekends and breaks slide: past dates to
        the school day before, dates still to come to the school day after)."""
        day = self.t(when.day) if when.from_today else self.w(when.week, when.day)
        if when.weekday is None:
            return day
        ahead = day > self.now
        day += timedelta(days=(when.weekday - day.weekday()) % 7 if ahead else 0)
        day -= timedelta(days=0 if ahead else (day.weekday() - when.weekday) % 7)
        while not is_school_day(day):
            day += timedelta(weeks=1 if ahead else -1)
        return day

    def t(self, days: int) -> date:
        """The school day ``days`` from the story's anchor."""
        day = self.anchor + timedelta(days=days)
        if day > self.now:
            return school_day_on_or_after(day)
        return school_day_on_or_before(day)

    def week_of(self, day: date) -> int:
        """How many school weeks ``day`` is into the year (negative before it)."""
        if day < self.start:
            return (day - self.start).days // 7
        return bisect_right(school_mondays(self.year), day) - 1

    def years_back(self, years: int) -> Timeline:
        """The school year ``years`` before this one, seen from its last day."""
        year = self.year - years
        return Timeline(today=last_day(year), year=year, anchor=last_day(year))

    @property
    def school_year(self) -> str:
        """The school year's label, e.g. '2026–27'."""
        return f"{self.year}–{(self.year + 1) % 100:02d}"
