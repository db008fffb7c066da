"""When things fall due: the rules Today, the lists and the reports share.

Kept free of the ORM so Today can apply them to rows read with plain SQL while the app is
still loading; the ORM's records fit the same shapes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

DUE_SOON_DAYS = 7
# A next step written down without a date (an action item, an observation's next step) is
# due a week later: soon enough to keep it alive, long enough to try it once.
NEXT_STEP_DAYS = 7
# How often a lead is expected to meet for a 1:1 (Today says when it is past): every two weeks
# unless said otherwise, and between daily and about once a term. Here, ORM-free, because the
# app's preferences offer the default before any journal (or the ORM) is loaded.
DEFAULT_CADENCE_DAYS = 14
MIN_CADENCE_DAYS, MAX_CADENCE_DAYS = 1, 90


class Dated(Protocol):
    """Anything with an optional due date that can be done (an action item)."""

    @property
    def done_on(self) -> date | None: ...

    @property
    def due_on(self) -> date | None: ...


class Planned(Protocol):
    """Anything started on a day for a planned number of weeks (a learning cycle)."""

    @property
    def started_on(self) -> date: ...

    @property
    def planned_weeks(self) -> int: ...


def is_overdue(item: Dated, today: date) -> bool:
    """Open, with a due date before today."""
    return item.done_on is None and item.due_on is not None and item.due_on < today


def is_due_soon(item: Dated, today: date) -> bool:
    """Open, and due today or within the coming week."""
    return (
        item.done_on is None
        and item.due_on is not None
        and today <= item.due_on < today + timedelta(days=DUE_SOON_DAYS)
    )


def planned_end(cycle: Planned) -> date:
    """The day the cycle is planned to end."""
    return cycle.started_on + timedelta(weeks=cycle.planned_weeks)


def next_step_due(day: date) -> date:
    """When a next step written down on ``day`` is due if nobody names a date (the calendar's
    last day at the latest: a record dated at its very end must still open)."""
    return min(day, date.max - timedelta(days=NEXT_STEP_DAYS)) + timedelta(days=NEXT_STEP_DAYS)
