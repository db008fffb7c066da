"""The dates a record gets when nobody names one: rules of the core, shared by UI, CLI and demo."""

from __future__ import annotations

from datetime import date

import pytest

from iltdesk.action_item import next_step_due
from iltdesk.agreement import revisit_date
from iltdesk.due import NEXT_STEP_DAYS
from iltdesk.due_dates import default_due
from iltdesk.errors import UsageError
from iltdesk.lead import DEFAULT_CADENCE_DAYS, MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, add_lead
from iltdesk.models import Lead
from iltdesk.observation import FOLLOW_UP_DAYS, follow_up_due
from iltdesk.store.journal import Journal

FRIDAY = date(2026, 12, 4)


def test_a_next_step_without_a_date_is_due_a_week_later() -> None:
    assert NEXT_STEP_DAYS == 7
    assert next_step_due(FRIDAY) == date(2026, 12, 11)


def test_a_next_step_written_at_the_calendars_end_is_due_on_its_last_day() -> None:
    assert next_step_due(date.max) == date.max
    assert next_step_due(date(9999, 12, 24)) == date.max


def test_an_observations_follow_up_is_when_its_next_step_is_due() -> None:
    assert FOLLOW_UP_DAYS == NEXT_STEP_DAYS
    assert follow_up_due(FRIDAY) == next_step_due(FRIDAY)
    assert follow_up_due(date(2026, 12, 28)) == date(2027, 1, 4)  # across the year's end


def test_an_agreement_is_revisited_about_a_term_later() -> None:
    assert revisit_date(FRIDAY) == date(2027, 3, 4)
    assert revisit_date(date(2026, 1, 1)) == date(2026, 4, 1)


def test_a_1_1s_action_item_without_a_date_is_a_next_step() -> None:
    assert default_due(FRIDAY) == next_step_due(FRIDAY) == date(2026, 12, 11)


def test_a_new_lead_meets_every_two_weeks_and_the_core_refuses_beyond_the_range(
    journal: Journal,
) -> None:
    assert (DEFAULT_CADENCE_DAYS, MIN_CADENCE_DAYS, MAX_CADENCE_DAYS) == (14, 1, 90)
    assert Lead(name="Maya").cadence_days == DEFAULT_CADENCE_DAYS  # the table's own default
    add_lead(journal, "Maya", cadence_days=MAX_CADENCE_DAYS)
    with pytest.raises(UsageError, match="Meet every 1 to 90 days"):
        add_lead(journal, "Ravi", cadence_days=MAX_CADENCE_DAYS + 1)
