"""Where a learning cycle stands, in the words its page shows under the goal."""

from __future__ import annotations

from datetime import date

from iltdesk import dates
from iltdesk.cycle import OUTCOME_TITLES, planned_end, standing
from iltdesk.models import CyclePhase, LearningCycle


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def status_line(cycle: LearningCycle, today: date) -> tuple[str, bool]:
    """Where the cycle stands in words, and whether it has run past its planned end."""
    now = standing(cycle, today)
    if cycle.phase is CyclePhase.closed and cycle.closed_on is not None:
        outcome = OUTCOME_TITLES[cycle.outcome] if cycle.outcome else "no outcome"
        ran = f"ran {_plural(now.week, 'week')}, {now.planned_weeks} planned"
        return f"Closed {dates.short(cycle.closed_on)} · {outcome} · {ran}", False
    week = f"Week {now.week} of {now.planned_weeks}"
    if now.overrun:
        return f"{week} · {_plural(-now.days_left, 'day')} past the plan", True
    if now.days_left == 0:
        return f"{week} · planned to end today", False
    return f"{week} · planned to end {dates.with_weekday(planned_end(cycle))}", False
