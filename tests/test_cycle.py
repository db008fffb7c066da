"""Learning cycles on real encrypted journals: starting, lengths, standing, the closure gate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.cycle import (
    ClosureGap,
    CycleNotReady,
    Standing,
    activities,
    close_cycle,
    closure_problems,
    current_cycle,
    cycles_for,
    length_warning,
    log_activity,
    observations_in,
    planned_end,
    reopen_cycle,
    standing,
    start_cycle,
    update_cycle,
    weeks_run,
)
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import ActivityKind, CyclePhase, LearningCycle, Outcome
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.store.journal import Journal

DAY = date(2025, 3, 12)  # a Wednesday
# Each gap names its part, so the screen can mark that field without reading the words.
OUTCOME = ClosureGap("outcome", "the outcome (met, partly, or not yet)")
EVIDENCE = ClosureGap("evidence", "the evidence for that outcome")
REFLECTION = ClosureGap("reflection", "a reflection (the lead's or yours)")


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def _cycle(journal: Journal, lead_id: int, **kw: object) -> int:
    cycle = start_cycle(journal, lead_id, **kw)  # type: ignore[arg-type]
    assert cycle.id is not None
    return cycle.id


def _stored(journal: Journal, cycle_id: int) -> LearningCycle:
    with journal.session() as s:
        cycle = s.get(LearningCycle, cycle_id)
    assert cycle is not None
    return cycle


def _in_memory(**fields: object) -> LearningCycle:
    return LearningCycle(lead_id=1, started_on=DAY, **fields)  # type: ignore[arg-type]


# -- starting ---------------------------------------------------------------------------------


def test_start_cycle_defaults(journal: Journal) -> None:
    lead_id = _lead(journal)

    cycle = start_cycle(journal, lead_id, goal="  Every team meeting ends with a next step  ")

    stored = _stored(journal, cycle.id or 0)
    assert (
        stored.lead_id,
        stored.goal,
        stored.phase,
        stored.planned_weeks,
        stored.started_on,
        stored.previous_cycle_id,
        stored.outcome,
        stored.closed_on,
    ) == (
        lead_id,
        "Every team meeting ends with a next step",
        CyclePhase.intention,
        4,
        date.today(),
        None,
        None,
        None,
    )


def test_start_from_a_previous_cycle_copies_its_next_goal(journal: Journal) -> None:
    lead_id = _lead(journal)
    first = start_cycle(journal, lead_id, goal="Norms", started_on=DAY - timedelta(days=35))
    previous = update_cycle(
        journal, first.id or 0, next_goal="  Equity of voice in data meetings  "
    )

    follow_on = start_cycle(journal, lead_id, previous=previous, started_on=DAY, planned_weeks=3)

    stored = _stored(journal, follow_on.id or 0)
    assert (stored.goal, stored.previous_cycle_id, stored.planned_weeks, stored.started_on) == (
        "Equity of voice in data meetings",
        first.id,
        3,
        DAY,
    )
    # A goal written at the start wins over the previous cycle's next goal.
    own = start_cycle(journal, lead_id, previous=previous, goal="Something else")
    assert (own.goal, own.previous_cycle_id) == ("Something else", first.id)


def test_previous_cycle_of_another_lead_is_refused(journal: Journal) -> None:
    maria = _lead(journal, "Maria Lopez")
    dev = _lead(journal, "Dev Patel")
    devs = start_cycle(journal, dev, goal="Dev's goal")

    with pytest.raises(UsageError, match="one of the same lead's cycles"):
        start_cycle(journal, maria, previous=devs)

    assert cycles_for(journal, maria) == []
    assert [c.id for c in cycles_for(journal, dev)] == [devs.id]


def test_start_cycle_refuses_zero_weeks(journal: Journal) -> None:
    lead_id = _lead(journal)

    with pytest.raises(UsageError, match="at least one week"):
        start_cycle(journal, lead_id, planned_weeks=0)

    assert cycles_for(journal, lead_id) == []
    # An unusual but possible length starts (the warning is only advice).
    assert start_cycle(journal, lead_id, planned_weeks=8).planned_weeks == 8


# -- length -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "warning"),
    [
        (1, "1 week is short for practice and feedback to take hold."),
        (2, "2 weeks is short for practice and feedback to take hold."),
        (3, None),
        (4, None),
        (5, None),
        (6, "6 weeks is long: cycles usually run 3 to 5 weeks, then a new goal."),
        (10, "10 weeks is long: cycles usually run 3 to 5 weeks, then a new goal."),
    ],
)
def test_length_warning(weeks: int, warning: str | None) -> None:
    assert length_warning(weeks) == warning


@pytest.mark.parametrize("weeks", [0, -1])
def test_length_warning_refuses_less_than_a_week(weeks: int) -> None:
    with pytest.raises(UsageError, match="A cycle lasts at least one week"):
        length_warning(weeks)


# -- updating ---------------------------------------------------------------------------------


def test_update_cycle_saves_allowed_fields_and_refuses_others(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id, goal="Norms", started_on=DAY)

    update_cycle(
        journal,
        cycle_id,
        goal="Shared norms, revisited weekly",
        success_measure="4 of 5 meetings",
        baseline_quantitative="1 of 5",
        baseline_qualitative="Norms unread",
        focus_indicator="2b",
        planned_weeks=5,
        phase=CyclePhase.practice,
        next_goal="Equity of voice",
    )
    with pytest.raises(UsageError, match=r"Cannot change closed_on, lead_id of a cycle\."):
        update_cycle(journal, cycle_id, lead_id=99, closed_on=DAY, goal="sneaked in")
    with pytest.raises(UsageError, match="Close a cycle with close_cycle"):
        update_cycle(journal, cycle_id, phase=CyclePhase.closed, goal="sneaked in")
    with pytest.raises(UsageError, match="at least one week"):
        update_cycle(journal, cycle_id, planned_weeks=0)
    with pytest.raises(UsageError, match=r"There is no learning cycle #999\."):
        update_cycle(journal, 999, goal="x")

    stored = _stored(journal, cycle_id)
    assert (
        stored.goal,
        stored.success_measure,
        stored.baseline_quantitative,
        stored.baseline_qualitative,
        stored.focus_indicator,
        stored.planned_weeks,
        stored.phase,
        stored.next_goal,
        stored.lead_id,
        stored.closed_on,
    ) == (
        "Shared norms, revisited weekly",
        "4 of 5 meetings",
        "1 of 5",
        "Norms unread",
        "2b",
        5,
        CyclePhase.practice,
        "Equity of voice",
        lead_id,
        None,
    )


def test_update_cycle_refuses_closed_phase_given_as_text(journal: Journal) -> None:
    cycle_id = _cycle(journal, _lead(journal), goal="Norms", started_on=DAY)

    with pytest.raises(UsageError, match="Close a cycle with close_cycle"):
        update_cycle(journal, cycle_id, phase="closed")


# -- dates and standing -----------------------------------------------------------------------


def test_planned_end_is_the_planned_number_of_weeks_after_the_start() -> None:
    assert planned_end(_in_memory(planned_weeks=4)) == date(2025, 4, 9)
    assert planned_end(_in_memory(planned_weeks=1)) == date(2025, 3, 19)


@pytest.mark.parametrize(
    ("days_in", "week"),
    [(0, 1), (6, 1), (7, 2), (13, 2), (14, 3), (40, 6), (-3, 1)],
)
def test_weeks_run_counts_from_week_one(days_in: int, week: int) -> None:
    assert weeks_run(_in_memory(), DAY + timedelta(days=days_in)) == week


def test_weeks_run_is_frozen_at_closing() -> None:
    closed = _in_memory(phase=CyclePhase.closed, closed_on=DAY + timedelta(days=10))

    assert weeks_run(closed, DAY + timedelta(days=100)) == 2
    assert weeks_run(closed, DAY + timedelta(days=3)) == 2


def test_standing_counts_days_left_and_overrun() -> None:
    cycle = _in_memory(planned_weeks=4, phase=CyclePhase.practice)  # ends 9 April

    assert standing(cycle, DAY) == Standing("Practice, observation and feedback", 1, 4, 28, False)
    assert standing(cycle, date(2025, 4, 9)) == Standing(
        "Practice, observation and feedback", 5, 4, 0, False
    )
    assert standing(cycle, date(2025, 4, 12)) == Standing(
        "Practice, observation and feedback", 5, 4, -3, True
    )
    closed = _in_memory(planned_weeks=4, phase=CyclePhase.closed, closed_on=date(2025, 4, 20))
    assert standing(closed, date(2025, 5, 1)) == Standing("Closed", 6, 4, -22, False)
    assert standing(_in_memory(), DAY).phase == "Intention"


# -- the closure gate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({}, [OUTCOME, EVIDENCE, REFLECTION]),
        ({"outcome_evidence": "  \n", "lead_reflection": " "}, [OUTCOME, EVIDENCE, REFLECTION]),
        ({"outcome": Outcome.met}, [EVIDENCE, REFLECTION]),
        ({"outcome_evidence": "4 of 5 meetings"}, [OUTCOME, REFLECTION]),
        ({"lead_reflection": "I listen more"}, [OUTCOME, EVIDENCE]),
        ({"outcome": Outcome.not_yet, "outcome_evidence": "2 of 5"}, [REFLECTION]),
        ({"outcome": Outcome.partly, "lead_reflection": "Harder than I thought"}, [EVIDENCE]),
        ({"outcome_evidence": "2 of 5", "principal_reflection": "Model more"}, [OUTCOME]),
        ({"outcome": Outcome.met, "outcome_evidence": "5 of 5", "lead_reflection": "Yes"}, []),
        (
            {"outcome": Outcome.met, "outcome_evidence": "5 of 5", "principal_reflection": "Yes"},
            [],
        ),
    ],
)
def test_closure_problems_name_exactly_what_is_missing(
    fields: dict[str, object], missing: list[ClosureGap]
) -> None:
    assert closure_problems(_in_memory(**fields)) == missing


def test_close_cycle_refuses_an_incomplete_cycle_and_changes_nothing(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id, goal="Norms", started_on=DAY)
    update_cycle(journal, cycle_id, phase=CyclePhase.evaluation, outcome=Outcome.partly)

    with pytest.raises(CycleNotReady) as err:
        close_cycle(journal, cycle_id, on=DAY + timedelta(days=28))

    assert isinstance(err.value, UsageError)
    assert err.value.missing == [EVIDENCE, REFLECTION]
    assert str(err.value) == (
        "To close this cycle, add: the evidence for that outcome; "
        "a reflection (the lead's or yours)."
    )
    stored = _stored(journal, cycle_id)
    assert (stored.phase, stored.closed_on, stored.outcome) == (
        CyclePhase.evaluation,
        None,
        Outcome.partly,
    )
    assert current_cycle(journal, lead_id) is not None

    with pytest.raises(CycleNotReady) as empty:
        close_cycle(journal, _cycle(journal, lead_id, goal="Bare"))
    assert empty.value.missing == [OUTCOME, EVIDENCE, REFLECTION]
    assert str(empty.value).startswith("To close this cycle, add: the outcome")

    with pytest.raises(UsageError, match=r"There is no learning cycle #999\."):
        close_cycle(journal, 999)


def test_a_complete_cycle_closes_and_can_be_reopened(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id, goal="Norms", started_on=DAY)
    update_cycle(
        journal,
        cycle_id,
        outcome=Outcome.met,
        outcome_evidence="Norms revisited at 5 of 5 meetings",
        principal_reflection="Listening worked better than telling",
    )

    closed = close_cycle(journal, cycle_id, on=DAY + timedelta(days=27))

    assert (closed.phase, closed.closed_on) == (CyclePhase.closed, DAY + timedelta(days=27))
    stored = _stored(journal, cycle_id)
    assert (stored.phase, stored.closed_on) == (CyclePhase.closed, DAY + timedelta(days=27))
    assert current_cycle(journal, lead_id) is None

    reopened = reopen_cycle(journal, cycle_id)

    assert (reopened.phase, reopened.closed_on) == (CyclePhase.evaluation, None)
    stored = _stored(journal, cycle_id)
    assert (stored.phase, stored.closed_on, stored.outcome) == (
        CyclePhase.evaluation,
        None,
        Outcome.met,
    )
    current = current_cycle(journal, lead_id)
    assert current is not None and current.id == cycle_id

    # Closing without a date closes today.
    assert close_cycle(journal, cycle_id).closed_on == date.today()
    assert _stored(journal, cycle_id).closed_on == date.today()


# -- listing ----------------------------------------------------------------------------------


def test_cycles_for_is_newest_first_and_current_cycle_skips_closed_ones(
    journal: Journal,
) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    other = _lead(journal, "Dev Patel")
    oldest = _cycle(journal, lead_id, goal="A", started_on=DAY - timedelta(days=70))
    middle = _cycle(journal, lead_id, goal="B", started_on=DAY - timedelta(days=35))
    newest = _cycle(journal, lead_id, goal="C", started_on=DAY)
    same_day = _cycle(journal, lead_id, goal="D", started_on=DAY)
    _cycle(journal, other, goal="Dev's", started_on=DAY + timedelta(days=1))

    assert [c.id for c in cycles_for(journal, lead_id)] == [same_day, newest, middle, oldest]

    done = {"outcome": Outcome.met, "outcome_evidence": "e", "lead_reflection": "r"}
    for cycle_id in (same_day, newest):
        update_cycle(journal, cycle_id, **done)
        close_cycle(journal, cycle_id, on=DAY + timedelta(days=20))

    current = current_cycle(journal, lead_id)
    assert current is not None and current.id == middle
    assert [c.id for c in cycles_for(journal, lead_id)] == [same_day, newest, middle, oldest]
    assert current_cycle(journal, 999) is None


def test_activities_are_logged_in_date_order(journal: Journal) -> None:
    lead_id = _lead(journal)
    cycle_id = _cycle(journal, lead_id, goal="Norms", started_on=DAY)
    other_id = _cycle(journal, lead_id, goal="Other", started_on=DAY)
    later = log_activity(
        journal,
        cycle_id,
        ActivityKind.modelling,
        title="  I ran the PLC  ",
        notes="They watched",
        happened_on=DAY + timedelta(days=9),
    )
    first = log_activity(
        journal, cycle_id, ActivityKind.book_study, title="Ch. 3", happened_on=DAY + timedelta(1)
    )
    same_day = log_activity(
        journal, cycle_id, ActivityKind.video, title="Clip", happened_on=DAY + timedelta(1)
    )
    log_activity(journal, other_id, ActivityKind.co_planning, happened_on=DAY)
    undated = log_activity(journal, other_id, ActivityKind.other)

    found = activities(journal, cycle_id)

    assert [(a.id, a.kind, a.title, a.happened_on) for a in found] == [
        (first.id, ActivityKind.book_study, "Ch. 3", DAY + timedelta(1)),
        (same_day.id, ActivityKind.video, "Clip", DAY + timedelta(1)),
        (later.id, ActivityKind.modelling, "I ran the PLC", DAY + timedelta(days=9)),
    ]
    assert found[2].notes == "They watched"
    assert undated.happened_on == date.today()
    assert activities(journal, 999) == []


def test_log_activity_on_an_unknown_cycle_is_refused(journal: Journal) -> None:
    with pytest.raises(UsageError, match=r"There is no learning cycle #42\."):
        log_activity(journal, 42, ActivityKind.book_study, title="Ch. 1")

    assert journal.execute("SELECT count(*) FROM cycle_activity") == [(0,)]


def test_observations_in_lists_only_that_cycles_observations(journal: Journal) -> None:
    lead_id = _lead(journal)
    first = _cycle(journal, lead_id, goal="Norms", started_on=DAY - timedelta(days=40))
    second = _cycle(journal, lead_id, goal="Voice", started_on=DAY)
    late = add_observation(
        journal,
        lead_id,
        ObservationNotes(evidence="Late one", observed_on=DAY + timedelta(days=5)),
        cycle_id=second,
    )
    early = add_observation(
        journal, lead_id, ObservationNotes(evidence="Early one", observed_on=DAY), cycle_id=second
    )
    add_observation(journal, lead_id, ObservationNotes(evidence="In first"), cycle_id=first)
    add_observation(journal, lead_id, ObservationNotes(evidence="Outside"), cycle_id=None)

    assert [o.id for o in observations_in(journal, second)] == [early.id, late.id]
    assert [o.evidence for o in observations_in(journal, first)] == ["In first"]
    assert observations_in(journal, 999) == []
