"""Earlier years, for a large demo: leads who have left, each with a year of coaching records."""

from __future__ import annotations

from datetime import date, timedelta
from math import ceil

from iltdesk.agreement import revisit_date
from iltdesk.demo import bank_agenda, bank_practice, text
from iltdesk.demo.cast import SHARED
from iltdesk.demo.records import add_composed_observation, add_composed_one_on_one
from iltdesk.demo.rows import Rows
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import (
    Timeline,
    is_school_day,
    school_day_on_or_after,
    school_day_on_or_before,
)
from iltdesk.models import ActivityKind, CyclePhase, Outcome, TraitKind

PER_LEAD_YEAR = 34  # 1:1s + observations one former lead's year yields, on average
MAX_YEARS = 15  # spread over at most this many earlier years, however large the demo
MIN_LEADS_PER_YEAR = 6
WEEKS_MET = 38  # 1:1s run from the first week to about here
CYCLE_STARTS = (3, 13, 24)  # three cycles a year, in weeks
OUTCOMES = (Outcome.met, Outcome.met, Outcome.partly, Outcome.partly, Outcome.not_yet)


def add_history(rows: Rows, rng: Composer, tl: Timeline, entries: int) -> int:
    """Add former leads until about ``entries`` 1:1s and observations exist; return the count."""
    lead_years = max(1, ceil(entries / PER_LEAD_YEAR))
    per_year = max(MIN_LEADS_PER_YEAR, ceil(lead_years / MAX_YEARS))
    names: set[str] = set()
    made = index = 0
    while made < entries:
        year = tl.years_back(1 + index // per_year)
        made += _add_former_lead(rows, rng, year, tl.today, names, entries - made)
        index += 1
    return made


def _unique_name(rng: Composer, taken: set[str]) -> str:
    first, last = rng.choice(bank_agenda.FIRST_NAMES), rng.choice(bank_agenda.LAST_NAMES)
    name = f"{first} {last}"
    while name in taken:  # a big demo outgrows the name banks: add a middle initial
        name = f"{first} {chr(ord('A') + rng.randrange(26))}. {last}"
    taken.add(name)
    return name


def _add_former_lead(
    rows: Rows, rng: Composer, year: Timeline, today: date, names: set[str], budget: int
) -> int:
    role, team, crew = rng.choice(bank_agenda.ROLES_AND_TEAMS)
    name = _unique_name(rng, names)
    cadence = 7 if rng.random() < 0.25 else 14
    lead_id = rows.add(
        "lead",
        year.w(0),
        updated_at=rows.stamp(year.w(WEEKS_MET + 3)),
        name=name,
        role=role,
        team=team,
        on_ilt_since=year.w(-52 * rng.randint(0, 2)),
        archived_on=year.w(WEEKS_MET + 3, rng.randint(0, 4)),
        cadence_days=cadence,
        notes=rng.choice(bank_agenda.LEAVING),
    )
    first = name.split()[0]
    _add_profile(rows, rng, year, lead_id, first, crew)
    _add_agreement(rows, year, lead_id, cadence)
    made = _add_cycles(rows, rng, year, today, lead_id, (first, crew), budget)
    meetings = _one_on_one_dates(year, cadence)[: max(0, budget - made)]
    for held in meetings:
        ctx = text.context(rng, first, crew)
        season = text.season_of(year.week_of(held))
        add_composed_one_on_one(rows, rng, lead_id, held, ctx, season, today)
    return made + len(meetings)


def _one_on_one_dates(year: Timeline, cadence: int) -> list[date]:
    held, last, dates = year.w(0, 2), year.w(WEEKS_MET), []
    while held <= last:
        if is_school_day(held):  # same weekday every time; a slot in a break is skipped
            dates.append(held)
        held += timedelta(days=cadence)
    return dates


def _add_profile(
    rows: Rows, rng: Composer, year: Timeline, lead_id: int, first: str, crew: str
) -> None:
    """A strength, a growth area, and the lead's energy every six weeks of the year."""
    for strength in (True, False):
        title, evidence = text.trait(rng, text.context(rng, first, crew), strength)
        noted = year.w(rng.randint(1, 12))
        resolved = year.w(rng.randint(20, 36)) if not strength and rng.random() < 0.5 else None
        kind = TraitKind.strength if strength else TraitKind.growth
        rows.add(
            "lead_trait",
            noted,
            lead_id=lead_id,
            kind=kind,
            title=title,
            evidence=evidence,
            noted_on=noted,
            resolved_on=resolved,
        )
    level = rng.randint(3, 5)
    for week in range(1, WEEKS_MET, 6):
        level = min(5, max(1, level + rng.choice((-1, 0, 0, 1))))
        checked = year.w(week, 2)
        note = text.energy_note(rng, level)
        rows.add(
            "energy_check", checked, lead_id=lead_id, checked_on=checked, level=level, note=note
        )


def _add_agreement(rows: Rows, year: Timeline, lead_id: int, cadence: int) -> None:
    """A single first-year agreement holding the shared non-negotiables."""
    agreed = year.w(0, 3)
    agreement = rows.add(
        "coaching_agreement",
        agreed,
        lead_id=lead_id,
        version=1,
        agreed_on=agreed,
        revisit_on=revisit_date(agreed),
        meeting_cadence="Weekly, 30 minutes." if cadence == 7 else "Every two weeks, 45 minutes.",
        feedback_approach="Written after observations, talked through at the 1:1.",
        coaching_approach="One cycle at a time, one goal per cycle.",
        revision_note="",
    )
    for position, (kind, expectation) in enumerate(SHARED):
        rows.add(
            "agreement_expectation",
            agreed,
            agreement_id=agreement,
            position=position,
            kind=kind,
            text=expectation,
        )


def _add_cycles(
    rows: Rows,
    rng: Composer,
    year: Timeline,
    today: date,
    lead_id: int,
    who: tuple[str, str],
    budget: int,
) -> int:
    """Three closed, chained cycles with activities and observations; returns observations."""
    made, previous, carried = 0, None, ""
    goal = rng.draw(bank_practice.CYCLE_GOALS)
    for start_week in CYCLE_STARTS:
        ctx = text.context(rng, *who)
        outcome = rng.choice(OUTCOMES)
        fields, following = text.cycle(rng, ctx, outcome, goal)
        started = year.w(start_week, rng.randint(0, 2))
        planned = rng.randint(3, 5)
        closed = school_day_on_or_after(started + timedelta(weeks=planned, days=rng.randint(0, 10)))
        cycle = rows.add(
            "learning_cycle",
            started,
            updated_at=rows.stamp(closed),
            lead_id=lead_id,
            previous_cycle_id=previous,
            started_on=started,
            planned_weeks=planned,
            phase=CyclePhase.closed,
            **{**fields, "goal": carried or fields["goal"]},  # word for word the last next goal
            outcome=outcome,
            closed_on=closed,
        )
        count = min(rng.randint(2, 4), budget - made)
        made += _add_cycle_work(rows, rng, today, lead_id, who, (cycle, started, planned), count)
        previous, carried, goal = cycle, fields["next_goal"], following
    return made


def _add_cycle_work(
    rows: Rows,
    rng: Composer,
    today: date,
    lead_id: int,
    who: tuple[str, str],
    cycle: tuple[int, date, int],
    observations: int,
) -> int:
    """One or two learning activities and ``observations`` observations within a cycle."""
    cycle_id, started, planned = cycle
    ctx = text.context(rng, *who)
    for _ in range(rng.randint(1, 2)):
        kind, title, notes = text.activity(rng, ctx)
        happened = school_day_on_or_before(started + timedelta(days=rng.randint(2, 12)))
        _add_activity(rows, cycle_id, kind, happened, title, notes)
    for _ in range(observations):
        seen = school_day_on_or_before(started + timedelta(days=rng.randint(7, planned * 7)))
        ctx = text.context(rng, *who)
        add_composed_observation(rows, rng, lead_id, cycle_id, seen, ctx, today)
    return max(0, observations)


def _add_activity(
    rows: Rows, cycle: int, kind: ActivityKind, happened: date, title: str, notes: str
) -> None:
    rows.add(
        "cycle_activity",
        happened,
        cycle_id=cycle,
        kind=kind,
        happened_on=happened,
        title=title,
        notes=notes,
    )
