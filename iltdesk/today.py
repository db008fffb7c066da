"""Today: what needs the principal's attention, as rows that each open a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from sqlmodel import Session, col, select

from iltdesk import dates
from iltdesk.action_item import is_due_soon, is_overdue
from iltdesk.lead import last_met_by_lead
from iltdesk.models import ActionItem, Lead
from iltdesk.store.journal import Journal


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
    for item in s.exec(select(ActionItem).where(col(ActionItem.done_on).is_(None))):
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


# Later features (cycles ending, observation follow-ups, agreements to revisit) add sources here.
SOURCES: list[TodaySource] = [_action_rows, _cadence_rows]


def today_rows(journal: Journal, today: date | None = None) -> list[TodayRow]:
    """Every row for Today, most urgent first, then by date and lead."""
    day = today or date.today()
    with journal.session() as s:
        rows = [row for source in SOURCES for row in source(s, day)]
    return sorted(rows, key=lambda r: (r.urgency, r.when or date.max, r.lead_name or "", r.title))
