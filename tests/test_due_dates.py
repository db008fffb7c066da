"""Due dates typed in words or numbers, read without a screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.due_dates import default_due, parse_due

WEDNESDAY = date(2026, 12, 9)
FRIDAY = date(2026, 12, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", WEDNESDAY),
        ("tomorrow", date(2026, 12, 10)),
        ("Tomorrow ", date(2026, 12, 10)),
        ("tmrw", date(2026, 12, 10)),
        ("fri", FRIDAY),
        ("Fri", FRIDAY),
        ("friday", FRIDAY),
        ("fr", FRIDAY),
        ("on friday", FRIDAY),
        ("th", date(2026, 12, 10)),
        ("tues", date(2026, 12, 15)),
        ("mon", date(2026, 12, 14)),
        ("wed", date(2026, 12, 16)),  # a weekday is never today...
        ("this wed", WEDNESDAY),  # ...unless said so
        ("next fri", date(2026, 12, 18)),  # the Friday of next week
        ("next monday", date(2026, 12, 14)),
        ("next week", date(2026, 12, 16)),
        ("a week", date(2026, 12, 16)),
        ("in 2 weeks", date(2026, 12, 23)),
        ("in two weeks", date(2026, 12, 23)),
        ("2 weeks", date(2026, 12, 23)),
        ("2w", date(2026, 12, 23)),
        ("in 3 days", date(2026, 12, 12)),
        ("3d", date(2026, 12, 12)),
        ("+10", date(2026, 12, 19)),
        ("in a month", date(2027, 1, 9)),
        ("next month", date(2027, 1, 9)),
        ("end of week", FRIDAY),
        ("eom", date(2026, 12, 31)),
        ("12/10", date(2026, 12, 10)),  # US: month/day
        ("1/5", date(2027, 1, 5)),  # passed this year: next year's
        ("12/9", WEDNESDAY),  # today counts as not passed
        ("12/10/26", date(2026, 12, 10)),
        ("12/10/2027", date(2027, 12, 10)),
        ("2026-12-10", date(2026, 12, 10)),
        ("Dec 10", date(2026, 12, 10)),
        ("december 10th, 2027", date(2027, 12, 10)),
        ("10 Jan", date(2027, 1, 10)),
        ("sept 3", date(2027, 9, 3)),
    ],
)
def test_words_and_dates_name_a_day(text: str, expected: date) -> None:
    assert parse_due(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "f", "t", "soon", "13/10", "2/30", "2026-13-01", "dec 40", "next", "ju 4"]
)
def test_what_names_no_day_is_none(text: str) -> None:
    assert parse_due(text, WEDNESDAY) is None


def test_end_of_week_after_the_weekend_is_next_friday() -> None:
    saturday = date(2026, 12, 12)
    assert parse_due("eow", saturday) == date(2026, 12, 18)
    assert parse_due("end of week", FRIDAY) == FRIDAY


def test_a_month_later_keeps_to_the_shorter_month() -> None:
    assert parse_due("in 1 month", date(2027, 1, 31)) == date(2027, 2, 28)


def test_the_default_is_a_week_after_the_one_on_one() -> None:
    assert default_due(WEDNESDAY) == WEDNESDAY + timedelta(days=7)
