"""Learning cycles: a 3-5 week run at one goal, and the rule for when one may close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlmodel import Session, col, select

from iltdesk.due import planned_end as planned_end
from iltdesk.errors import UsageError
from iltdesk.models import (
    ActivityKind,
    CycleActivity,
    CyclePhase,
    LearningCycle,
    Observation,
    Outcome,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

USUAL_WEEKS = range(3, 6)
PHASES = (CyclePhase.intention, CyclePhase.learning, CyclePhase.practice, CyclePhase.evaluation)
PHASE_TITLES = {
    CyclePhase.intention: QT_TRANSLATE_NOOP("cycle", "Intention"),
    CyclePhase.learning: QT_TRANSLATE_NOOP("cycle", "Related learning"),
    CyclePhase.practice: QT_TRANSLATE_NOOP("cycle", "Practice, observation and feedback"),
    CyclePhase.evaluation: QT_TRANSLATE_NOOP("cycle", "Evaluation and reflection"),
    CyclePhase.closed: QT_TRANSLATE_NOOP("cycle", "Closed"),
}
ACTIVITY_TITLES = {
    ActivityKind.book_study: QT_TRANSLATE_NOOP("cycle", "Book or article study"),
    ActivityKind.co_observation: QT_TRANSLATE_NOOP("cycle", "Co-observing a teacher"),
    ActivityKind.modelling: QT_TRANSLATE_NOOP("cycle", "Modelling (I led, they watched)"),
    ActivityKind.co_planning: QT_TRANSLATE_NOOP("cycle", "Co-planning"),
    ActivityKind.real_time_coaching: QT_TRANSLATE_NOOP("cycle", "Real-time coaching"),
    ActivityKind.meta_coaching: QT_TRANSLATE_NOOP("cycle", "Meta-coaching"),
    ActivityKind.video: QT_TRANSLATE_NOOP("cycle", "Watching video together"),
    ActivityKind.other: QT_TRANSLATE_NOOP("cycle", "Other"),
}
OUTCOME_TITLES = {
    Outcome.met: QT_TRANSLATE_NOOP("cycle", "Met"),
    Outcome.partly: QT_TRANSLATE_NOOP("cycle", "Partly met"),
    Outcome.not_yet: QT_TRANSLATE_NOOP("cycle", "Not yet"),
}


def phase_title(phase: CyclePhase) -> str:
    """A phase's title (``PHASE_TITLES``) in the user's language."""
    return translate("cycle", PHASE_TITLES[phase])


def activity_title(kind: ActivityKind) -> str:
    """A kind of learning activity's title (``ACTIVITY_TITLES``) in the user's language."""
    return translate("cycle", ACTIVITY_TITLES[kind])


def outcome_title(outcome: Outcome) -> str:
    """An outcome's title (``OUTCOME_TITLES``) in the user's language."""
    return translate("cycle", OUTCOME_TITLES[outcome])


@dataclass(frozen=True)
class ClosureGap:
    """One thing a cycle needs before it may close: which part, and how to say it."""

    part: Literal["outcome", "evidence", "reflection"]
    words: str

    def __str__(self) -> str:
        return self.words


class CycleNotReady(UsageError):
    """A cycle cannot close yet; ``missing`` says what it still needs."""

    def __init__(self, missing: list[ClosureGap]) -> None:
        said = translate("cycle", "To close this cycle, add: {missing}.")
        super().__init__(said.format(missing="; ".join(map(str, missing))))
        self.missing = missing


def length_warning(weeks: int) -> str | None:
    """A gentle note when a planned length is outside the usual 3-5 weeks."""
    if weeks < 1:
        raise UsageError(translate("cycle", "A cycle lasts at least one week."))
    if weeks in USUAL_WEEKS:
        return None
    if weeks < USUAL_WEEKS.start:
        if weeks > 1:
            said = translate(
                "cycle", "{weeks} weeks is short for practice and feedback to take hold."
            )
        else:
            said = translate(
                "cycle", "{weeks} week is short for practice and feedback to take hold."
            )
        return said.format(weeks=weeks)
    return translate(
        "cycle", "{weeks} weeks is long: cycles usually run 3 to 5 weeks, then a new goal."
    ).format(weeks=weeks)


def weeks_run(cycle: LearningCycle, today: date) -> int:
    """Which week the cycle is in (1 in its first week); frozen at closing."""
    end = cycle.closed_on or today
    return max((end - cycle.started_on).days // 7 + 1, 1)


@dataclass(frozen=True)
class Standing:
    """Where a cycle stands, in words for a header."""

    phase: str
    week: int
    planned_weeks: int
    days_left: int  # negative once overrun
    overrun: bool


def standing(cycle: LearningCycle, today: date) -> Standing:
    """Phase, week and time left."""
    left = (planned_end(cycle) - today).days
    return Standing(
        phase_title(cycle.phase),
        weeks_run(cycle, today),
        cycle.planned_weeks,
        left,
        cycle.phase is not CyclePhase.closed and left < 0,
    )


def closure_problems(cycle: LearningCycle) -> list[ClosureGap]:
    """What a cycle still needs before it may close: outcome, evidence, a reflection."""
    missing = []
    if cycle.outcome is None:
        missing.append(
            ClosureGap("outcome", translate("cycle", "the outcome (met, partly, or not yet)"))
        )
    if not cycle.outcome_evidence.strip():
        missing.append(ClosureGap("evidence", translate("cycle", "the evidence for that outcome")))
    if not (cycle.lead_reflection.strip() or cycle.principal_reflection.strip()):
        missing.append(
            ClosureGap("reflection", translate("cycle", "a reflection (the lead's or yours)"))
        )
    return missing


def start_cycle(
    journal: Journal,
    lead_id: int,
    *,
    goal: str = "",
    planned_weeks: int = 4,
    started_on: date | None = None,
    previous: LearningCycle | None = None,
) -> LearningCycle:
    """Start a cycle, from scratch or from the previous cycle's next goal."""
    length_warning(planned_weeks)
    if previous is not None and previous.lead_id != lead_id:
        raise UsageError(
            translate("cycle", "A cycle follows on from one of the same lead's cycles.")
        )
    cycle = LearningCycle(
        lead_id=lead_id,
        goal=goal.strip() or (previous.next_goal.strip() if previous else ""),
        planned_weeks=planned_weeks,
        started_on=started_on or date.today(),
        previous_cycle_id=previous.id if previous else None,
    )
    with journal.write() as s:
        s.add(cycle)
        s.flush()
    return cycle


_EDITABLE = {
    "goal",
    "success_measure",
    "baseline_quantitative",
    "baseline_qualitative",
    "focus_indicator",
    "planned_weeks",
    "started_on",
    "phase",
    "outcome",
    "outcome_evidence",
    "lead_reflection",
    "principal_reflection",
    "next_goal",
}


def update_cycle(journal: Journal, cycle_id: int, **changes: object) -> LearningCycle:
    """Save changes to a cycle (the autosave path). Closing goes through ``close_cycle``."""
    if unknown := set(changes) - _EDITABLE:
        raise UsageError(
            translate("cycle", "Cannot change {fields} of a cycle.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    if "phase" in changes:
        changes["phase"] = CyclePhase(str(changes["phase"]))  # also refuses unknown phases
        if changes["phase"] is CyclePhase.closed:
            raise UsageError(
                translate("cycle", "Close a cycle with close_cycle, which checks it is complete.")
            )
    if isinstance(weeks := changes.get("planned_weeks"), int):
        length_warning(weeks)
    with journal.write() as s:
        cycle = _get(s, cycle_id)
        for name, value in changes.items():
            setattr(cycle, name, value)
        s.add(cycle)
    return cycle


def close_cycle(journal: Journal, cycle_id: int, *, on: date | None = None) -> LearningCycle:
    """Close a complete cycle; raise ``CycleNotReady`` naming what is missing."""
    with journal.write() as s:
        cycle = _get(s, cycle_id)
        if cycle.phase is CyclePhase.closed:
            raise UsageError(translate("cycle", "This cycle is already closed."))
        if missing := closure_problems(cycle):
            raise CycleNotReady(missing)
        cycle.phase = CyclePhase.closed
        cycle.closed_on = on or date.today()
        s.add(cycle)
    return cycle


def reopen_cycle(journal: Journal, cycle_id: int) -> LearningCycle:
    """Reopen a closed cycle at its evaluation phase."""
    with journal.write() as s:
        cycle = _get(s, cycle_id)
        cycle.phase, cycle.closed_on = CyclePhase.evaluation, None
        s.add(cycle)
    return cycle


def _get(s: Session, cycle_id: int) -> LearningCycle:
    cycle = fetch(s, LearningCycle, cycle_id, translate("cycle", "learning cycle"))
    return cycle


def cycles_for(journal: Journal, lead_id: int) -> list[LearningCycle]:
    """A lead's cycles, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(LearningCycle)
                .where(LearningCycle.lead_id == lead_id)
                .order_by(col(LearningCycle.started_on).desc(), col(LearningCycle.id).desc())
            )
        )


def current_cycle(journal: Journal, lead_id: int) -> LearningCycle | None:
    """The lead's open cycle, if any (the newest one not closed)."""
    return next((c for c in cycles_for(journal, lead_id) if c.phase is not CyclePhase.closed), None)


def log_activity(
    journal: Journal,
    cycle_id: int,
    kind: ActivityKind,
    *,
    title: str = "",
    notes: str = "",
    happened_on: date | None = None,
) -> CycleActivity:
    """Log a related-learning activity in a cycle."""
    activity = CycleActivity(
        cycle_id=cycle_id,
        kind=kind,
        title=title.strip(),
        notes=notes,
        happened_on=happened_on or date.today(),
    )
    with journal.write() as s:
        _get(s, cycle_id)
        s.add(activity)
        s.flush()
    return activity


def activities(journal: Journal, cycle_id: int) -> list[CycleActivity]:
    """A cycle's activities, in the order they happened."""
    with journal.session() as s:
        return list(
            s.exec(
                select(CycleActivity)
                .where(CycleActivity.cycle_id == cycle_id)
                .order_by(col(CycleActivity.happened_on), col(CycleActivity.id))
            )
        )


def observations_in(journal: Journal, cycle_id: int) -> list[Observation]:
    """Observations made during a cycle, oldest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(Observation)
                .where(Observation.cycle_id == cycle_id)
                .order_by(col(Observation.observed_on), col(Observation.id))
            )
        )
