"""Today: what needs the principal's attention, as rows that each open a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from sqlmodel import Session, col, select

from iltdesk import dates
from iltdesk.action_item import DUE_SOON_DAYS, is_due_soon, is_overdue
from iltdesk.cycle import planned_end
from iltdesk.lead import last_met_by_lead
from iltdesk.models import (
    ActionItem,
    CoachingAgreement,
    CyclePhase,
    Lead,
    LearningCycle,
    Observation,
)
from iltdesk.store.journal import Journal

FOLLOW_UP_MEMORY_DAYS = 30  # an observation follow-up older than this has had its moment


class Urgency(IntEnum):
    """How soon a row needs attention; rows sort by it."""

    overdue = 0
    due_soon = 1
    reminder = 2


@dataclass(frozen=True)
class TodayRow:
    """One thing to attend to, and the record it opens."""

    section: str
    urgency: Urgency
    title: str
    detail: str
    record_kind: str
    record_id: int
    lead_id: int | None
    lead_name: str | None
    when: date | None


TodaySource = Callable[[Session, date], list[TodayRow]]


OWNER_WORDS = {"lead": "the lead's", "principal": "yours", "both": "shared"}


def _action_rows(s: Session, today: date) -> list[TodayRow]:
    leads = {lead.id: lead for lead in s.exec(select(Lead))}
    rows = []
    # Open and due before the end of the coming week: overdue or due soon, nothing later.
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    open_items = select(ActionItem).where(
        col(ActionItem.done_on).is_(None), col(ActionItem.due_on) < horizon
    )
    for item in s.exec(open_items):
        lead = leads.get(item.lead_id)
        if lead is None or not lead.active or item.due_on is None:
            continue
        if is_overdue(item, today):
            days = (today - item.due_on).days
            urgency, section = Urgency.overdue, "Overdue action items"
            detail = f"{days} day{'s' if days != 1 else ''} overdue · {OWNER_WORDS[item.owner]}"
        elif is_due_soon(item, today):
            urgency, section = Urgency.due_soon, "Due this week"
            detail = f"due {_relative(item.due_on, today)} · {OWNER_WORDS[item.owner]}"
        else:
            continue
        rows.append(
            TodayRow(
                section, urgency, item.text, detail, "action_item", item.id or 0,
                lead.id, lead.name, item.due_on,
            )
        )  # fmt: skip
    return rows


def _cadence_rows(s: Session, today: date) -> list[TodayRow]:
    last_met = last_met_by_lead(s, today)
    rows = []
    for lead in s.exec(select(Lead).where(col(Lead.archived_on).is_(None))):
        last = last_met.get(lead.id or 0)
        since = last or lead.on_ilt_since or lead.created_at.date()
        gap = (today - since).days
        if gap <= lead.cadence_days:
            continue
        detail = (
            f"last 1:1 {gap} days ago (every {lead.cadence_days} days planned)"
            if last
            else "no 1:1 recorded yet"
        )
        rows.append(
            TodayRow(
                "Leads to meet", Urgency.reminder, lead.name, detail, "lead", lead.id or 0,
                lead.id, lead.name, last,
            )
        )  # fmt: skip
    return rows


def _relative(day: date, today: date) -> str:
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    return dates.weekday_day_month(day)


def _active_leads(s: Session) -> dict[int, Lead]:
    return {lead.id or 0: lead for lead in s.exec(select(Lead)) if lead.active}


def _cycle_rows(s: Session, today: date) -> list[TodayRow]:
    leads, rows = _active_leads(s), []
    cycles = s.exec(select(LearningCycle).where(LearningCycle.phase != CyclePhase.closed))
    for cycle in cycles:
        lead = leads.get(cycle.lead_id)
        end = planned_end(cycle)
        if lead is None or (end - today).days >= DUE_SOON_DAYS:
            continue
        if end < today:
            late = (today - end).days
            urgency = Urgency.overdue
            detail = f"ran {late} day{'s' if late != 1 else ''} past its plan"
        else:
            urgency, detail = Urgency.due_soon, f"ends {_relative(end, today)}"
        title = f"Learning cycle: {cycle.goal or 'no goal written yet'}"
        rows.append(
            TodayRow(
                "Learning cycles to wrap up", urgency, title, detail, "cycle", cycle.id or 0,
                lead.id, lead.name, end,
            )
        )  # fmt: skip
    return rows


def _follow_up_rows(s: Session, today: date) -> list[TodayRow]:
    leads, rows = _active_leads(s), []
    window = select(Observation).where(
        col(Observation.follow_up_on).is_not(None),
        col(Observation.follow_up_on) < today + timedelta(days=DUE_SOON_DAYS),
        col(Observation.follow_up_on) >= today - timedelta(days=FOLLOW_UP_MEMORY_DAYS),
    )
    observations = list(s.exec(window))
    # The action steps of just these observations (a journal holds thousands of others).
    steps = s.exec(
        select(
            col(ActionItem.observation_id), col(ActionItem.done_on), col(ActionItem.due_on)
        ).where(col(ActionItem.observation_id).in_([obs.id for obs in observations]))
    ).all()
    # A dated open step is already on Today as an action item; a finished one needs nothing.
    shown = {obs for obs, done, due in steps if done is None and due is not None}
    finished = {obs for obs, _, _ in steps} - {obs for obs, done, _ in steps if done is None}
    for obs in observations:
        lead, due = leads.get(obs.lead_id), obs.follow_up_on
        if lead is None or due is None or obs.id in shown or obs.id in finished:
            continue
        urgency = Urgency.overdue if due < today else Urgency.due_soon
        detail = (
            f"follow up {_relative(due, today)}"
            if due >= today
            else f"was due {dates.day_month(due)}"
        )
        title = obs.action_step or "Follow up on an observation"
        rows.append(
            TodayRow(
                "Observation follow-ups", urgency, title, detail, "observation", obs.id or 0,
                lead.id, lead.name, due,
            )
        )  # fmt: skip
    return rows


def _revisit_rows(s: Session, today: date) -> list[TodayRow]:
    leads = _active_leads(s)
    newest: dict[int, CoachingAgreement] = {}
    for version in s.exec(select(CoachingAgreement).order_by(col(CoachingAgreement.version))):
        newest[version.lead_id] = version  # a later version replaces the one it revised
    rows = []
    for lead_id, version in newest.items():
        lead, revisit = leads.get(lead_id), version.revisit_on
        if lead is None or revisit is None or (revisit - today).days >= DUE_SOON_DAYS:
            continue
        urgency = Urgency.overdue if revisit < today else Urgency.due_soon
        detail = (
            f"revisit {_relative(revisit, today)}"
            if revisit >= today
            else f"was due {dates.day_month(revisit)}"
        )
        rows.append(
            TodayRow(
                "Agreements to revisit", urgency, f"Coaching agreement, version {version.version}",
                detail, "agreement", version.id or 0, lead.id, lead.name, revisit,
            )
        )  # fmt: skip
    return rows


SOURCES: list[TodaySource] = [
    _action_rows,
    _cycle_rows,
    _follow_up_rows,
    _revisit_rows,
    _cadence_rows,
]


def today_rows(journal: Journal, today: date | None = None) -> list[TodayRow]:
    """Every row for Today, most urgent first, then by date and lead."""
    day = today or date.today()
    with journal.session() as s:
        rows = [row for source in SOURCES for row in source(s, day)]
    return sorted(rows, key=lambda r: (r.urgency, r.when or date.max, r.lead_name or "", r.title))
