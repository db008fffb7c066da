"""Where the demo's dates fall: a school year that began about thirty weeks before today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WEEKS_INTO_YEAR = 30  # late in the year, so closed cycles, trends and a recovery all show
YEAR_WEEKS = 52


@dataclass(frozen=True)
class When:
    """A story date, resolved against a timeline: weeks into the year, or days from today."""

    week: int = 0
    day: int = 0
    from_today: bool = False


def week(n: int, day: int = 0) -> When:
    """``n`` weeks into the school year, ``day`` days after that week's Monday."""
    return When(n, day)


def days(n: int) -> When:
    """``n`` days from today (negative: before today). Used where 'today' must see it."""
    return When(0, n, True)


def weekday_on_or_before(day: date) -> date:
    """The day itself, or the Friday before it if it falls on a weekend (schools meet Mon-Fri)."""
    return day - timedelta(days=max(0, day.weekday() - 4))


@dataclass(frozen=True)
class Timeline:
    """The demo's calendar: ``today`` and the Monday the school year started."""

    today: date
    start: date

    @classmethod
    def around(cls, today: date) -> Timeline:
        """The timeline whose year began on the Monday ``WEEKS_INTO_YEAR`` weeks before today."""
        monday = today - timedelta(days=today.weekday())
        return cls(today=today, start=monday - timedelta(weeks=WEEKS_INTO_YEAR))

    def w(self, week: int, day: int = 0) -> date:
        """A date in the story year: ``week`` weeks after the start, ``day`` 0 = Monday."""
        return self.start + timedelta(weeks=week, days=day)

    def at(self, when: When) -> date:
        """The date a story ``When`` falls on."""
        return self.t(when.day) if when.from_today else self.w(when.week, when.day)

    def t(self, days: int) -> date:
        """A date ``days`` from today (negative: in the past)."""
        return self.today + timedelta(days=days)

    def week_of(self, day: date) -> int:
        """How many whole weeks ``day`` is into the story year (negative before it)."""
        return (day - self.start).days // 7

    def years_back(self, years: int) -> Timeline:
        """The same calendar ``years`` school years earlier (starting on a Monday too)."""
        shift = timedelta(weeks=YEAR_WEEKS * years)
        return Timeline(today=self.today - shift, start=self.start - shift)

    @property
    def school_year(self) -> str:
        """The label of the school year today falls in on a real calendar, e.g. '2026–27'.

        The story always sits thirty weeks into its year whatever the date, so the label
        follows the calendar the user lives in rather than the story's own start.
        """
        first = self.today.year if self.today.month >= 7 else self.today.year - 1
        return f"{first}–{(first + 1) % 100:02d}"
