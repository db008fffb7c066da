"""Who else coaches a lead: besides the principal, a veteran lead on the ILT or an outside
partner, kept with what they work on and since when (and until when, once it ends)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from iltdesk.errors import UsageError
from iltdesk.models import CoachKind, Lead, LeadCoach
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

COACH_TITLES = {
    CoachKind.veteran_lead: QT_TRANSLATE_NOOP("coach", "A veteran lead on the ILT"),
    CoachKind.outside_partner: QT_TRANSLATE_NOOP("coach", "An outside partner"),
    CoachKind.other: QT_TRANSLATE_NOOP("coach", "Someone else"),
}


def coach_title(kind: CoachKind) -> str:
    """What kind of coach, in the user's language (``COACH_TITLES``)."""
    return translate("coach", COACH_TITLES[kind])


def add_coach(
    journal: Journal,
    lead_id: int,
    *,
    coach_lead_id: int | None = None,
    name: str = "",
    kind: CoachKind | None = None,
    focus: str = "",
    since: date | None = None,
    until: date | None = None,
) -> LeadCoach:
    """Someone besides the principal who coaches ``lead_id``: a veteran lead on the ILT
    (``coach_lead_id``) or a partner named in words. ``kind`` follows from which is given."""
    if kind is None:
        kind = CoachKind.veteran_lead if coach_lead_id is not None else CoachKind.outside_partner
    return save_coach(
        journal, lead_id, None, kind=kind, coach_lead_id=coach_lead_id, name=name, focus=focus,
        since=since, until=until,
    )  # fmt: skip


def save_coach(
    journal: Journal,
    lead_id: int,
    coach_id: int | None,
    *,
    kind: CoachKind,
    coach_lead_id: int | None,
    name: str,
    focus: str,
    since: date | None,
    until: date | None,
) -> LeadCoach:
    """Add a coach of ``lead_id`` (``coach_id`` None), or correct coach ``coach_id``: who
    they are, what they work on, from when until when."""
    with journal.write() as s:
        fetch(s, Lead, lead_id, translate("coach", "lead"))
        row = (
            LeadCoach(lead_id=lead_id)
            if coach_id is None
            else fetch(s, LeadCoach, coach_id, translate("coach", "coach"))
        )
        row.kind = kind
        if kind is CoachKind.veteran_lead:
            if coach_lead_id is None:
                raise UsageError(translate("coach", "Choose the veteran lead who coaches them."))
            if coach_lead_id == row.lead_id:
                raise UsageError(translate("coach", "A lead cannot be their own coach."))
            fetch(s, Lead, coach_lead_id, translate("coach", "lead"))
            name = ""  # the lead's own name is shown, and follows a change of it
        else:
            coach_lead_id = None
            if not name.strip():
                raise UsageError(
                    translate(
                        "coach", "Name who coaches them (a person or a partner organisation)."
                    )
                )
        if since is not None and until is not None and until < since:
            raise UsageError(translate("coach", "Coaching cannot end before it began."))
        row.coach_lead_id, row.name, row.focus = coach_lead_id, name.strip(), focus.strip()
        row.since, row.until = since, until
        s.add(row)
        s.flush()
    return row


def end_coach(journal: Journal, coach_id: int, on: date | None = None) -> LeadCoach:
    """The coaching ended on ``on`` (today by default); it stays on record."""
    with journal.write() as s:
        row = fetch(s, LeadCoach, coach_id, translate("coach", "coach"))
        on = on or date.today()
        if row.since is not None and on < row.since:
            raise UsageError(translate("coach", "Coaching cannot end before it began."))
        row.until = on
        s.add(row)
    return row


def delete_coach(journal: Journal, coach_id: int) -> None:
    """Remove a coach written by mistake (one whose coaching ended is ended, not deleted)."""
    with journal.write() as s:
        fetch(s, LeadCoach, coach_id, translate("coach", "coach"))
        trash_record(s, LeadCoach, coach_id)  # to the Trash, for 30 days


def coaches_of(journal: Journal, lead_id: int, *, today: date | None = None) -> list[LeadCoach]:
    """Who else coaches ``lead_id``: current ones first (the longest-standing first), then
    those whose coaching has ended, the latest ended first."""
    today = today or date.today()
    with journal.session() as s:
        rows = list(s.exec(select(LeadCoach).where(LeadCoach.lead_id == lead_id)))
    current = [r for r in rows if not ended(r, today)]
    over = [r for r in rows if ended(r, today)]
    current.sort(key=lambda r: (r.since or date.min, r.id or 0))
    over.sort(key=lambda r: (r.until or date.min, r.id or 0), reverse=True)
    return current + over


def ended(coach: LeadCoach, today: date | None = None) -> bool:
    """Whether the coaching is over: it ended on or before ``today`` (by default today)."""
    return coach.until is not None and coach.until <= (today or date.today())


def coach_name(journal: Journal, coach: LeadCoach) -> str:
    """Who the coach is, in words: the veteran lead's name, or the name written."""
    if coach.coach_lead_id is not None:
        with journal.session() as s:
            lead = s.get(Lead, coach.coach_lead_id)
        if lead is not None:
            return lead.name
    return coach.name or translate("coach", "a coach no longer on record")
