"""A reading typed wrong is corrected in place: its number, day and note change, the data
point keeps its other readings in date order, and nonsense is refused."""

from __future__ import annotations

import math
from datetime import date

import pytest

from iltdesk.errors import UsageError
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import add_team
from iltdesk.teacher_team_data import add_data_point, add_value, update_value, values_of


def test_a_reading_is_corrected_in_place(journal: Journal) -> None:
    team = add_team(journal, "Grade 6")
    point = add_data_point(journal, team.id or 0, "Reteach plans", "of 5")
    first = add_value(journal, point.id or 0, 3, date(2026, 10, 1))
    typo = add_value(journal, point.id or 0, 44, date(2026, 10, 20), "typo")
    fixed = update_value(journal, typo.id or 0, 4, date(2026, 9, 20), "  the first week  ")
    assert (fixed.value, fixed.measured_on, fixed.note) == (
        4.0,
        date(2026, 9, 20),
        "the first week",
    )
    readings = values_of(journal, point.id or 0)
    assert [(r.id, r.value) for r in readings] == [(typo.id, 4.0), (first.id, 3.0)]


def test_a_correction_must_be_a_number_of_a_reading_that_exists(journal: Journal) -> None:
    team = add_team(journal, "Grade 6")
    point = add_data_point(journal, team.id or 0, "Plans")
    reading = add_value(journal, point.id or 0, 3, date(2026, 10, 1))
    with pytest.raises(UsageError):
        update_value(journal, reading.id or 0, math.nan, date(2026, 10, 1))
    with pytest.raises(UsageError):
        update_value(journal, 9999, 2, date(2026, 10, 1))
    assert values_of(journal, point.id or 0)[0].value == 3.0
