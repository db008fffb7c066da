"""Today's coaching rows on real encrypted journals: cycles, observation follow-ups, revisits."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk.action_item import set_done
from iltdesk.agreement import AgreementTerms, record_version
from iltdesk.cycle import close_cycle, reopen_cycle, start_cycle, update_cycle
from iltdesk.lead import add_lead, set_archived
from iltdesk.models import ActionItem, Outcome
from iltdesk.observation import ObservationNotes, add_observation, update_observation
from iltdesk.store.journal import Journal
from iltdesk.today import TodayRow, Urgency, today_rows

TODAY = date(2025, 3, 12)  # a Wednesday
CYCLES = "Learning cycles to wrap up"
FOLLOW_UPS = "Observation follow-ups"
REVISITS = "Agreements to revisit"
DUE = "Due this week"


def _days(n: int) -> date:
    return TODAY + timedelta(days=n)


def _lead(journal: Journal, name: str = "Maria Lopez") -> int:
    """A lead who joined today, so no 'Leads to meet' row gets in the way."""
    lead = add_lead(journal, name, on_ilt_since=TODAY)
    assert lead.id is not None
    return lead.id


def _cycle_ending(journal: Journal, lead_id: int, end: date, goal: str = "Norms") -> int:
    """A 4-week cycle whose planned end is ``end``."""
    cycle = start_cycle(journal, lead_id, goal=goal, started_on=end - timedelta(weeks=4))
    assert cycle.id is not None
    return cycle.id


def _observe(
    journal: Journal, lead_id: int, follow_up: date | None, step: str = "", on: date = TODAY
) -> int:
    notes = ObservationNotes(
        evidence="Scripted notes", action_step=step, follow_up_on=follow_up, observed_on=on
    )
    observation = add_observation(journal, lead_id, notes, cycle_id=None)
    assert observation.id is not None
    return observation.id


def _step_of(journal: Journal, observation_id: int) -> int:
    rows = journal.execute("SELECT id FROM action_item WHERE observation_id = ?", (observation_id,))
    assert len(rows) == 1
    return int(rows[0][0])


def _section(journal: Journal, section: str) -> list[TodayRow]:
    return [r for r in today_rows(journal, TODAY) if r.section == section]


# -- learning cycles --------------------------------------------------------------------------


def test_open_cycles_ending_within_six_days_are_due_soon(journal: Journal) -> None:
    lead_id = _lead(journal)
    today_end = _cycle_ending(journal, lead_id, TODAY, goal="Norms")
    tomorrow_end = _cycle_ending(journal, lead_id, _days(1), goal="Voice")
    sixth = _cycle_ending(journal, lead_id, _days(6), goal="")
    _cycle_ending(journal, lead_id, _days(7), goal="Next week")
    _cycle_ending(journal, lead_id, _days(20), goal="Later")

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            CYCLES, Urgency.due_soon, "Learning cycle: Norms", "ends today", "cycle", today_end,
            lead_id, "Maria Lopez", TODAY,
        ),
        TodayRow(
            CYCLES, Urgency.due_soon, "Learning cycle: Voice", "ends tomorrow", "cycle",
            tomorrow_end, lead_id, "Maria Lopez", _days(1),
        ),
        TodayRow(
            CYCLES, Urgency.due_soon, "Learning cycle: no goal written yet",
            "ends Tue 18 Mar", "cycle", sixth, lead_id, "Maria Lopez", _days(6),
        ),
    ]  # fmt: skip
    # A day later the 7-days-ahead cycle enters the window.
    assert [r.title for r in today_rows(journal, _days(1)) if r.section == CYCLES][-1] == (
        "Learning cycle: Next week"
    )


def test_cycles_past_their_planned_end_are_overdue(journal: Journal) -> None:
    lead_id = _lead(journal)
    late = _cycle_ending(journal, lead_id, _days(-3), goal="Norms")
    very_late = start_cycle(
        journal, lead_id, goal="Data", started_on=_days(-40), planned_weeks=3
    )  # ended 19 days ago

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            CYCLES, Urgency.overdue, "Learning cycle: Data", "ran 19 days past its plan",
            "cycle", very_late.id or 0, lead_id, "Maria Lopez", _days(-19),
        ),
        TodayRow(
            CYCLES, Urgency.overdue, "Learning cycle: Norms", "ran 3 days past its plan",
            "cycle", late, lead_id, "Maria Lopez", _days(-3),
        ),
    ]  # fmt: skip


def test_a_cycle_one_day_past_its_plan_says_one_day(journal: Journal) -> None:
    _cycle_ending(journal, _lead(journal), _days(-1))

    assert [r.detail for r in _section(journal, CYCLES)] == ["ran 1 day past its plan"]


def test_closed_cycles_and_archived_leads_cycles_never_appear(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    gone = _lead(journal, "Archie Gone")
    closed = _cycle_ending(journal, lead_id, _days(-2), goal="Closed late")
    update_cycle(journal, closed, outcome=Outcome.met, outcome_evidence="e", lead_reflection="r")
    close_cycle(journal, closed, on=_days(-1))
    closed_soon = _cycle_ending(journal, lead_id, _days(2), goal="Closed early")
    update_cycle(
        journal, closed_soon, outcome=Outcome.met, outcome_evidence="e", lead_reflection="r"
    )
    close_cycle(journal, closed_soon, on=TODAY)
    _cycle_ending(journal, gone, _days(-5), goal="Archived late")
    _cycle_ending(journal, gone, _days(3), goal="Archived soon")
    set_archived(journal, gone, True, on=_days(-1))

    assert today_rows(journal, TODAY) == []

    # Bringing the lead back, or reopening the cycle, makes them count again.
    set_archived(journal, gone, False)
    reopen_cycle(journal, closed)
    assert [(r.title, r.lead_name) for r in today_rows(journal, TODAY)] == [
        ("Learning cycle: Archived late", "Archie Gone"),
        ("Learning cycle: Closed late", "Maria Lopez"),
        ("Learning cycle: Archived soon", "Archie Gone"),
    ]


# -- observation follow-ups -------------------------------------------------------------------


def test_follow_ups_without_an_action_step_show_this_week_and_recent_past(
    journal: Journal,
) -> None:
    lead_id = _lead(journal)
    tomorrow = _observe(journal, lead_id, _days(1))
    sixth = _observe(journal, lead_id, _days(6))
    late = _observe(journal, lead_id, _days(-7), on=_days(-10))
    thirty = _observe(journal, lead_id, _days(-30), on=_days(-31))
    _observe(journal, lead_id, _days(-31), on=_days(-35))  # older than 30 days: had its moment
    _observe(journal, lead_id, _days(7))  # next week
    _observe(journal, lead_id, None)  # no follow-up date at all

    rows = today_rows(journal, TODAY)

    title = "Follow up on an observation"
    assert rows == [
        TodayRow(
            FOLLOW_UPS, Urgency.overdue, title, "was due Mon 10 Feb", "observation", thirty,
            lead_id, "Maria Lopez", _days(-30),
        ),
        TodayRow(
            FOLLOW_UPS, Urgency.overdue, title, "was due Wed 5 Mar", "observation", late,
            lead_id, "Maria Lopez", _days(-7),
        ),
        TodayRow(
            FOLLOW_UPS, Urgency.due_soon, title, "follow up tomorrow", "observation", tomorrow,
            lead_id, "Maria Lopez", _days(1),
        ),
        TodayRow(
            FOLLOW_UPS, Urgency.due_soon, title, "follow up Tue 18 Mar", "observation",
            sixth, lead_id, "Maria Lopez", _days(6),
        ),
    ]  # fmt: skip


def test_follow_up_with_a_dated_open_step_shows_once_as_an_action_item(journal: Journal) -> None:
    lead_id = _lead(journal)
    observation = _observe(journal, lead_id, _days(2), step="Use wait time")

    rows = today_rows(journal, TODAY)

    assert [(r.section, r.record_kind, r.record_id, r.title) for r in rows] == [
        (DUE, "action_item", _step_of(journal, observation), "Use wait time")
    ]


def test_follow_up_whose_step_is_done_does_not_appear(journal: Journal) -> None:
    lead_id = _lead(journal)
    done = _observe(journal, lead_id, _days(2), step="Use wait time")
    late_done = _observe(journal, lead_id, _days(-2), step="Name the norm")
    set_done(journal, _step_of(journal, done), True, on=TODAY)
    set_done(journal, _step_of(journal, late_done), True, on=_days(-3))

    assert today_rows(journal, TODAY) == []

    # Reopened, the step is back, as an action item (not twice).
    set_done(journal, _step_of(journal, late_done), False)
    assert [(r.section, r.record_kind, r.title) for r in today_rows(journal, TODAY)] == [
        ("Overdue action items", "action_item", "Name the norm")
    ]


def test_moving_a_follow_up_moves_its_step_and_shows_it_once(journal: Journal) -> None:
    lead_id = _lead(journal)
    observation = _observe(journal, lead_id, None, step="Use wait time")
    update_observation(journal, observation, follow_up_on=_days(3))

    rows = today_rows(journal, TODAY)

    step = _step_of(journal, observation)
    assert [(r.section, r.record_kind, r.record_id, r.when) for r in rows] == [
        ("Due this week", "action_item", step, _days(3))
    ]
    with journal.session() as s:
        item = s.get(ActionItem, step)
    assert item is not None and item.due_on == _days(3)


def test_follow_ups_of_archived_leads_never_appear(journal: Journal) -> None:
    gone = _lead(journal, "Archie Gone")
    _observe(journal, gone, _days(1))
    _observe(journal, gone, _days(-2))
    set_archived(journal, gone, True, on=TODAY)

    assert today_rows(journal, TODAY) == []


# -- agreements to revisit --------------------------------------------------------------------


def test_only_the_newest_agreement_versions_revisit_date_counts(journal: Journal) -> None:
    lead_id = _lead(journal)
    record_version(
        journal,
        lead_id,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-60), revisit_on=_days(-10)),
    )
    record_version(
        journal,
        lead_id,
        AgreementTerms(meeting_cadence="Biweekly", agreed_on=_days(-5), revisit_on=_days(30)),
    )

    assert today_rows(journal, TODAY) == []
    # Without a revisit date the newest version asks for nothing either.
    record_version(journal, lead_id, AgreementTerms(meeting_cadence="Monthly", agreed_on=TODAY))
    assert today_rows(journal, TODAY) == []


def test_agreements_revisited_soon_or_overdue_appear(journal: Journal) -> None:
    maria = _lead(journal, "Maria Lopez")
    dev = _lead(journal, "Dev Patel")
    gone = _lead(journal, "Archie Gone")
    nobody = _lead(journal, "Zoe Later")
    record_version(
        journal,
        maria,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-90), revisit_on=_days(-80)),
    )
    maria_v2 = record_version(
        journal,
        maria,
        AgreementTerms(meeting_cadence="Biweekly", agreed_on=_days(-40), revisit_on=_days(5)),
    )
    dev_v1 = record_version(
        journal,
        dev,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-40), revisit_on=_days(-2)),
    )
    record_version(
        journal,
        gone,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-40), revisit_on=TODAY),
    )
    record_version(
        journal,
        nobody,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-40), revisit_on=_days(7)),
    )
    set_archived(journal, gone, True, on=_days(-1))

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            REVISITS, Urgency.overdue, "Coaching agreement, version 1", "was due Mon 10 Mar",
            "agreement", dev_v1.agreement.id or 0, dev, "Dev Patel", _days(-2),
        ),
        TodayRow(
            REVISITS, Urgency.due_soon, "Coaching agreement, version 2",
            "revisit Mon 17 Mar", "agreement", maria_v2.agreement.id or 0, maria,
            "Maria Lopez", _days(5),
        ),
    ]  # fmt: skip
    assert [(r.detail, r.lead_name) for r in _section(journal, REVISITS)] == [
        ("was due Mon 10 Mar", "Dev Patel"),
        ("revisit Mon 17 Mar", "Maria Lopez"),
    ]


# -- all together -----------------------------------------------------------------------------


def test_coaching_rows_point_at_their_records_and_leads(journal: Journal) -> None:
    maria = _lead(journal, "Maria Lopez")
    dev = _lead(journal, "Dev Patel")
    _cycle_ending(journal, maria, _days(40), goal="Far off")
    cycle = _cycle_ending(journal, dev, _days(2), goal="Voice")
    _observe(journal, dev, None)
    _observe(journal, dev, _days(20))
    observation = _observe(journal, maria, _days(-1))
    version = record_version(
        journal,
        dev,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-30), revisit_on=TODAY),
    )
    assert (version.agreement.id, cycle, observation) == (1, 2, 3)

    rows = today_rows(journal, TODAY)

    assert [
        (r.section, r.urgency, r.record_kind, r.record_id, r.lead_id, r.lead_name) for r in rows
    ] == [
        (FOLLOW_UPS, Urgency.overdue, "observation", observation, maria, "Maria Lopez"),
        (REVISITS, Urgency.due_soon, "agreement", version.agreement.id, dev, "Dev Patel"),
        (CYCLES, Urgency.due_soon, "cycle", cycle, dev, "Dev Patel"),
    ]
