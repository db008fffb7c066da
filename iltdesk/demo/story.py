"""The story year: a third-year principal, six leads, and a hard year, written as rows.

Only what has happened by ``tl.now`` is written: a demo made in December holds the autumn,
one made in July the whole year.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from random import Random

from iltdesk.demo import cycles_a, cycles_b, cycles_c, meetings_a, meetings_b, text
from iltdesk.demo.cast_others import CAST
from iltdesk.demo.conversations import add_conversations
from iltdesk.demo.ilt_year import add_ilt_year
from iltdesk.demo.joint_work import add_joint_work
from iltdesk.demo.records import add_action, add_composed_observation
from iltdesk.demo.rows import Rows
from iltdesk.demo.schedule import add_meetings, meeting_dates
from iltdesk.demo.spec import Activity, Cycle, Meeting, Observed, Person
from iltdesk.demo.teacher_teams import TEAM_SETTINGS, add_team_pulse, add_teams, main_team
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import (
    Timeline,
    When,
    first_day,
    school_day_on_or_after,
    school_day_on_or_before,
)
from iltdesk.demo.whole_team import add_challenge, add_team
from iltdesk.models import ActionSource, Author, CyclePhase, TraitKind
from iltdesk.observation import follow_up_due

CYCLES: dict[str, tuple[Cycle, ...]] = {
    "yolanda": cycles_a.YOLANDA_CYCLES,
    "marcus": cycles_a.MARCUS_CYCLES,
    "priya": cycles_b.PRIYA_CYCLES,
    "tomas": cycles_b.TOMAS_CYCLES,
    "keisha": cycles_c.KEISHA_CYCLES,
    "grace": cycles_c.GRACE_CYCLES,
    "hal": (cycles_c.HAL_CYCLE,),
}

MEETINGS: dict[str, tuple[Meeting, ...]] = {
    "yolanda": meetings_a.YOLANDA_MEETINGS,
    "marcus": meetings_a.MARCUS_MEETINGS,
    "priya": meetings_a.PRIYA_MEETINGS,
    "tomas": meetings_b.TOMAS_MEETINGS,
    "keisha": meetings_b.KEISHA_MEETINGS,
    "grace": meetings_b.GRACE_MEETINGS,
}

ENERGY_EVERY_WEEKS = 3
DROP_IN_WEEK = 18  # an observation outside any cycle, just before the winter break
RESTART_DAYS = 3  # the least time between one cycle's close and the next one's start


def add_story(rows: Rows, rng: Random, tl: Timeline) -> dict[str, int]:
    """Write the whole story year; return each lead's id by story key."""
    lead_ids: dict[str, int] = {}
    cycle_ids: dict[str, list[int]] = {}
    team_ids = add_teams(rows, tl)
    for person in CAST:
        composer = Composer(rng.getrandbits(64))  # each lead's notes drawn from fresh decks
        lead_id = _add_lead(rows, tl, person)
        lead_ids[person.key] = lead_id
        _add_traits(rows, tl, lead_id, person)
        _add_energy(rows, composer, tl, lead_id, person)
        _add_agreements(rows, tl, lead_id, person, meeting_dates(tl, person))
        team_id = main_team(person.key, team_ids)
        cycle_ids[person.key] = _add_cycles(
            rows, tl, (lead_id, team_id), CYCLES.get(person.key, ())
        )
        add_meetings(rows, composer, tl, lead_id, person, MEETINGS.get(person.key, ()))
        seen = tl.w(DROP_IN_WEEK, composer.randint(0, 4))
        if person.archived_on is None and tl.happened(seen):
            ctx = text.context(composer, person.first, person.crew, person.topic)
            add_composed_observation(
                rows, composer, lead_id, None, seen, ctx, tl.now, team_id=team_id
            )
    add_team(rows, tl)
    add_challenge(rows, tl, lead_ids)
    _add_team_work(rows, rng, tl, lead_ids, (team_ids, cycle_ids))
    return lead_ids


def _add_team_work(
    rows: Rows,
    rng: Random,
    tl: Timeline,
    lead_ids: dict[str, int],
    made: tuple[dict[str, int], dict[str, list[int]]],
) -> None:
    """The ILT as a team: its meetings, the teacher teams, difficult conversations, and
    leads learning together."""
    team_ids, cycle_ids = made
    members = {p.key: lead_ids[p.key] for p in CAST if p.archived_on is None}
    add_team_pulse(rows, tl, team_ids, members)
    add_conversations(rows, tl, members, cycle_ids)
    add_joint_work(rows, tl, members)
    add_ilt_year(rows, tl, lead_ids, rng.getrandbits(64))


def _add_lead(rows: Rows, tl: Timeline, person: Person) -> int:
    since = tl.at(person.on_ilt_since)
    return rows.add(
        "lead",
        since,
        name=person.name,
        role=person.role,
        team=person.team,
        on_ilt_since=since,
        archived_on=tl.at(person.archived_on) if person.archived_on else None,
        cadence_days=person.cadence_days,
        notes=person.notes,
    )


def _add_traits(rows: Rows, tl: Timeline, lead_id: int, person: Person) -> None:
    for trait in person.traits:
        noted = tl.at(trait.noted_on)
        resolved = tl.at(trait.resolved_on) if trait.resolved_on else None
        if not tl.happened(noted):
            continue
        resolved = resolved if tl.happened(resolved) else None
        rows.add(
            "lead_trait",
            noted,
            updated_at=rows.stamp(resolved or noted),
            lead_id=lead_id,
            kind=TraitKind.strength if trait.strength else TraitKind.growth,
            title=trait.title,
            evidence=trait.evidence,
            noted_on=noted,
            resolved_on=resolved,
        )


def _add_energy(rows: Rows, rng: Composer, tl: Timeline, lead_id: int, person: Person) -> None:
    for index, level in enumerate(person.energy):
        checked = tl.w(1 + ENERGY_EVERY_WEEKS * index, 1 + index % 3)
        if not tl.happened(checked):
            break
        note = person.energy_notes.get(index) or text.energy_note(rng, level)
        rows.add(
            "energy_check", checked, lead_id=lead_id, checked_on=checked, level=level, note=note
        )


def _add_agreements(
    rows: Rows, tl: Timeline, lead_id: int, person: Person, met: list[date]
) -> None:
    """Each version of the lead's agreement: the first made at their first 1:1 of the year,
    a revision on its own date once the story has reached it."""
    for version, agreement in enumerate(person.agreements, start=1):
        agreed = met[0] if version == 1 and met else tl.at(agreement.agreed_on)
        reached = version == 1 or tl.week_of(agreed) < tl.week_of(tl.anchor)
        if not (tl.happened(agreed) and reached):
            break
        agreement_id = rows.add(
            "coaching_agreement",
            agreed,
            lead_id=lead_id,
            version=version,
            agreed_on=agreed,
            revisit_on=_revisit(tl, agreement.revisit_on),
            meeting_cadence=agreement.meeting_cadence,
            feedback_approach=agreement.feedback_approach,
            coaching_approach=agreement.coaching_approach,
            revision_note=agreement.revision_note,
        )
        for position, (kind, expectation) in enumerate(agreement.expectations):
            rows.add(
                "agreement_expectation",
                agreed,
                agreement_id=agreement_id,
                position=position,
                kind=kind,
                text=expectation,
            )


def _revisit(tl: Timeline, when: When | None) -> date | None:
    """When to revisit an agreement; once the year has run past the story's today and that
    date, at the start of the next year (where a principal would put it in May or June)."""
    if when is None:
        return None
    revisit = tl.at(when)
    if tl.anchor < tl.now and revisit <= tl.now:
        return first_day(tl.year + 1)
    return revisit


def _add_cycles(
    rows: Rows, tl_year: Timeline, lead: tuple[int, int | None], cycles: tuple[Cycle, ...]
) -> list[int]:
    """The lead's cycles that have begun (``lead``: the lead's id and main team's); returns
    their ids, oldest first."""
    lead_id, team_id = lead
    ids: list[int] = []
    previous: tuple[int, Cycle] | None = None
    ended: date | None = None
    for cycle in cycles:
        tl = _after(tl_year, cycle, ended)
        started = tl.at(cycle.started_on)
        if not tl.happened(started):
            break  # not begun yet, nor any cycle after it
        closed = tl.at(cycle.closed_on) if cycle.closed_on else None
        seen = [o for o in cycle.observations if tl.happened(tl.at(o.observed_on))]
        done = [a for a in cycle.activities if tl.happened(tl.at(a.happened_on))]
        events = [tl.at(o.observed_on) for o in seen] + [tl.at(a.happened_on) for a in done]
        finished = tl.happened(closed)
        cycle_id = rows.add(
            "learning_cycle",
            started,
            updated_at=rows.stamp(closed if finished else max([started, *events])),
            lead_id=lead_id,
            previous_cycle_id=previous[0] if previous else None,
            started_on=started,
            planned_weeks=cycle.planned_weeks,
            phase=_phase(tl, cycle, finished, (seen, done)),
            goal=cycle.goal or (previous[1].next_goal if previous else ""),
            **_cycle_texts(cycle, finished),
            outcome=cycle.outcome if finished else None,
            closed_on=closed if finished else None,
        )
        for activity in done:
            happened = tl.at(activity.happened_on)
            rows.add(
                "cycle_activity",
                happened,
                cycle_id=cycle_id,
                kind=activity.kind,
                happened_on=happened,
                title=activity.title,
                notes=activity.notes,
            )
        for observed in seen:
            on_team = team_id if observed.setting in TEAM_SETTINGS else None
            _add_observation(rows, tl, (lead_id, on_team), cycle_id, observed)
        previous, ended = (cycle_id, cycle), closed
        ids.append(cycle_id)
    return ids


def _after(tl: Timeline, cycle: Cycle, ended: date | None) -> Timeline:
    """The timeline a cycle is laid out on: a recent cycle (dated from the story's today)
    that would begin before the previous one closed, as when today is early in the year,
    moves later with all its work, to begin a few days after the close."""
    if ended is None or not cycle.started_on.from_today:
        return tl
    earliest = school_day_on_or_after(ended + timedelta(days=RESTART_DAYS))
    late = (earliest - tl.at(cycle.started_on)).days
    return replace(tl, anchor=tl.anchor + timedelta(days=late)) if late > 0 else tl


def _phase(
    tl: Timeline, cycle: Cycle, finished: bool, work: tuple[list[Observed], list[Activity]]
) -> CyclePhase:
    """Closed once closed; else the phase the story gives it on its today, or (today being
    earlier than that) where its work so far puts it."""
    if finished:
        return CyclePhase.closed
    if cycle.phase is not CyclePhase.closed and tl.now >= tl.anchor:
        return cycle.phase
    seen, done = work
    if seen:
        return CyclePhase.practice
    return CyclePhase.learning if done else CyclePhase.intention


PLANNED = ("success_measure", "baseline_quantitative", "baseline_qualitative", "focus_indicator")
LOOKED_BACK = ("outcome_evidence", "lead_reflection", "principal_reflection", "next_goal")


def _cycle_texts(cycle: Cycle, finished: bool) -> dict[str, str]:
    """The cycle's texts; the looking-back ones only once it has come to its end."""
    texts = {name: str(getattr(cycle, name)) for name in PLANNED}
    for name in LOOKED_BACK:
        texts[name] = str(getattr(cycle, name)) if finished else ""
    return texts


def _add_observation(
    rows: Rows, tl: Timeline, lead: tuple[int, int | None], cycle_id: int, observed: Observed
) -> None:
    """An observation (``lead``: the lead's id, and the team whose meeting it was, if one)."""
    lead_id, team_id = lead
    seen = tl.at(observed.observed_on)
    follow_up = tl.at(observed.follow_up_on) if observed.follow_up_on else None
    observation_id = rows.add(
        "observation",
        seen,
        lead_id=lead_id,
        cycle_id=cycle_id,
        observed_on=seen,
        setting=observed.setting,
        evidence=observed.evidence,
        feedback=observed.feedback,
        action_step=observed.action_step,
        follow_up_on=follow_up,
        team_id=team_id,
    )
    due = follow_up or follow_up_due(seen)
    done = _step_done(tl, observed, due)
    add_action(
        rows,
        lead_id,
        seen,
        (observed.action_step, Author.lead),
        due,
        done if tl.happened(done) else None,
        ActionSource.observation,
        observation_id=observation_id,
        cycle_id=cycle_id,
    )


def _step_done(tl: Timeline, observed: Observed, due: date) -> date | None:
    """Steps are done by their follow-up, except those still due (or a day late) today."""
    if observed.step_done_on is not None:
        return tl.at(observed.step_done_on)
    if due < tl.now - timedelta(days=3):
        return school_day_on_or_before(due - timedelta(days=1))
    return None
