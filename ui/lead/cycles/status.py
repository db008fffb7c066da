"""Where a learning cycle stands, in the words its page shows under the goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from iltdesk import dates
from iltdesk.cycle import outcome_title, planned_end, standing
from iltdesk.models import CyclePhase, LearningCycle


def status_line(cycle: LearningCycle, today: date) -> tuple[str, bool]:
    """Where the cycle stands in words, and whether it has run past its planned end."""
    now = standing(cycle, today)
    if cycle.phase is CyclePhase.closed and cycle.closed_on is not None:
        return _closed_line(cycle, cycle.closed_on, now.week, now.planned_weeks), False
    if now.overrun:
        days = -now.days_left
        line = (
            QCoreApplication.translate(
                "status", "Week {week} of {planned} · {days} day past the plan"
            )
            if days == 1
            else QCoreApplication.translate(
                "status", "Week {week} of {planned} · {days} days past the plan"
            )
        )
        return line.format(week=now.week, planned=now.planned_weeks, days=days), True
    if now.days_left == 0:
        line = QCoreApplication.translate(
            "status", "Week {week} of {planned} · planned to end today"
        )
    else:
        line = QCoreApplication.translate(
            "status", "Week {week} of {planned} · planned to end {day}"
        )
    end = dates.with_weekday(planned_end(cycle))
    return line.format(week=now.week, planned=now.planned_weeks, day=end), False


def _closed_line(cycle: LearningCycle, closed_on: date, weeks: int, planned: int) -> str:
    outcome = (
        outcome_title(cycle.outcome)
        if cycle.outcome
        else QCoreApplication.translate("status", "no outcome")
    )
    line = (
        QCoreApplication.translate(
            "status", "Closed {day} · {outcome} · ran {weeks} week, {planned} planned"
        )
        if weeks == 1
        else QCoreApplication.translate(
            "status", "Closed {day} · {outcome} · ran {weeks} weeks, {planned} planned"
        )
    )
    return line.format(day=dates.short(closed_on), outcome=outcome, weeks=weeks, planned=planned)
