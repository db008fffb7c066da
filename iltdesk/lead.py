"""Finding leads and summarising where each one stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

# How often a lead meets: the lead's rule, kept in iltdesk.due so the app's preferences can
# offer it without loading the ORM.
from iltdesk.due import DEFAULT_CADENCE_DAYS as DEFAULT_CADENCE_DAYS
from iltdesk.due import MAX_CADENCE_DAYS as MAX_CADENCE_DAYS
from iltdesk.due import MIN_CADENCE_DAYS as MIN_CADENCE_DAYS
from iltdesk.errors import UsageError
from iltdesk.lead_names import normalise_name, pick_lead
from iltdesk.models import ActionItem, ActionItemOwner, Lead
from iltdesk.store.journal import Journal, fetch
from iltdesk.today import last_met
from iltdesk.translation import translate


def find_lead(session: Session, name: str) -> Lead:
    """The lead called ``name``: an exact match (any case or Unicode form), else the one name
    containing it (the rule ``iltdesk note`` applies too, in ``lead_names``).

    Raises ``UsageError`` naming the candidates when there is none or more than one.
    """
    return pick_lead(list(session.exec(select(Lead))), name, lambda lead: lead.name)


def last_met_by_lead(s: Session, today: date) -> dict[int, date]:
    """Each lead's latest 1:1 held on or before ``today`` that counts as having met.

    A 1:1 dated in the future is a planned meeting whose agenda is being gathered, and an
    empty one holds nothing (``iltdesk.today.meeting_counts``): neither counts.
    """
    connection = s.connection()
    return last_met(lambda sql, params: connection.exec_driver_sql(sql, params).all(), today)


@dataclass(frozen=True)
class LeadSummary:
    """A lead with the facts a principal scans first."""

    id: int
    name: str
    role: str
    team: str
    active: bool
    on_ilt_since: date | None
    last_one_on_one: date | None
    open_action_items: int


def _roster(s: Session, include_archived: bool) -> list[Lead]:
    query = select(Lead)
    if not include_archived:
        query = query.where(col(Lead.archived_on).is_(None))
    leads = list(s.exec(query))
    leads.sort(key=lambda lead: (not lead.active, lead.name.casefold()))
    return leads


def _open_item_counts(s: Session) -> dict[int, int]:
    """Each lead's open action items: their own and the team items they help own."""
    counts: dict[int, int] = {}
    own = (
        select(ActionItem.lead_id, func.count())
        .where(col(ActionItem.done_on).is_(None), col(ActionItem.lead_id).is_not(None))
        .group_by(col(ActionItem.lead_id))
    )
    shared = (
        select(ActionItemOwner.lead_id, func.count())
        .join(ActionItem, col(ActionItem.id) == col(ActionItemOwner.action_item_id))
        .where(col(ActionItem.done_on).is_(None))
        .group_by(col(ActionItemOwner.lead_id))
    )
    for query in (own, shared):
        for lead_id, count in s.exec(query).all():
            if lead_id is not None:
                counts[lead_id] = counts.get(lead_id, 0) + int(count)
    return counts


def lead_summaries(journal: Journal, *, include_archived: bool = False) -> list[LeadSummary]:
    """Leads, active first then by name, with their last 1:1 and open action items."""
    with journal.session() as s:
        last_met = last_met_by_lead(s, date.today())
        open_items = _open_item_counts(s)
        leads = _roster(s, include_archived)
    return [
        LeadSummary(
            id=lead.id or 0,
            name=lead.name,
            role=lead.role,
            team=lead.team,
            active=lead.active,
            on_ilt_since=lead.on_ilt_since,
            last_one_on_one=last_met.get(lead.id or 0),
            open_action_items=int(open_items.get(lead.id or 0, 0)),
        )
        for lead in leads
    ]


_LEAD_FIELDS = {"name", "role", "team", "on_ilt_since", "cadence_days", "notes"}


def add_lead(journal: Journal, name: str, **fields: object) -> Lead:
    """Add a lead to the ILT."""
    _check_lead_fields(name, fields)
    # One Unicode form in the journal, whatever form the keyboard or paste produced.
    lead = Lead(name=normalise_name(name), **fields)  # type: ignore[arg-type]
    with journal.write() as s:
        s.add(lead)
        s.flush()
    return lead


def update_lead(journal: Journal, lead_id: int, **fields: object) -> Lead:
    """Change a lead's details (name, role, team, on_ilt_since, cadence_days, notes)."""
    name = fields.get("name", "unchanged")
    _check_lead_fields(name if isinstance(name, str) else "", fields)
    with journal.write() as s:
        lead = _get(s, lead_id)
        for key, value in fields.items():
            if isinstance(value, str):
                value = normalise_name(value) if key == "name" else value.strip()
            setattr(lead, key, value)
        s.add(lead)
    return lead


def set_archived(journal: Journal, lead_id: int, archived: bool, *, on: date | None = None) -> Lead:
    """Archive a lead who has left the ILT (their records stay), or bring them back."""
    with journal.write() as s:
        lead = _get(s, lead_id)
        lead.archived_on = (on or date.today()) if archived else None
        s.add(lead)
    return lead


def get_lead(journal: Journal, lead_id: int) -> Lead:
    """One lead by id."""
    with journal.session() as s:
        return _get(s, lead_id)


def _get(s: Session, lead_id: int) -> Lead:
    lead = fetch(s, Lead, lead_id, translate("lead", "lead"))
    return lead


def _check_lead_fields(name: str, fields: dict[str, object]) -> None:
    if unknown := set(fields) - _LEAD_FIELDS:
        raise UsageError(
            translate("lead", "Unknown lead details: {fields}.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    if not name.strip():
        raise UsageError(translate("lead", "A lead needs a name."))
    cadence = fields.get("cadence_days")
    valid = (
        isinstance(cadence, int)
        and not isinstance(cadence, bool)
        and MIN_CADENCE_DAYS <= cadence <= MAX_CADENCE_DAYS
    )
    if cadence is not None and not valid:
        raise UsageError(
            translate("lead", "Meet every {least} to {most} days.").format(
                least=MIN_CADENCE_DAYS, most=MAX_CADENCE_DAYS
            )
        )
