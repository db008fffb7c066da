"""What an ILT meeting's shared summary holds: read from the journal, ready to be written out.

The summary is handed to the team, so it holds what the team said and decided, never the
principal's own notes on the meeting (``IltMeeting.private_notes`` is not read here at all).
The report (``iltdesk.report.meeting_report``) writes it as the cycle summary looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.ilt_meeting import previous_meeting
from iltdesk.meeting_template import default_part
from iltdesk.models import (
    ActionItem,
    ActionItemOwner,
    CharterVersion,
    IltMeeting,
    Lead,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingFeedback,
    MeetingPart,
    MeetingSection,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.team_action import principal_owns
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

LATEST = "latest"  # not shown: the command line's word for the latest meeting
# How the principal is named when the journal has no name for her.
PRINCIPAL = QT_TRANSLATE_NOOP("meeting_summary", "the principal")


@dataclass(frozen=True)
class SummaryPart:
    """One part of the meeting as its agenda names it, with the notes taken in it."""

    part: MeetingPart
    title: str
    notes: str  # Markdown


@dataclass(frozen=True)
class CharterWording:
    """The charter's purpose and vision as they read on the meeting's day."""

    made_on: date
    purpose: str
    vision_link: str


@dataclass(frozen=True)
class MemberItem:
    """An item a member (or the principal) put on the agenda."""

    text: str
    added_by: str
    notes: str  # Markdown
    discussed: bool


@dataclass(frozen=True)
class Feedback:
    """A plus/delta, and the response given to it at the next meeting."""

    plus: str
    delta: str
    response: str


@dataclass(frozen=True)
class NextStep:
    """A team action item from the meeting: who carries it and by when."""

    text: str
    owners: tuple[str, ...]
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class MeetingSummary:
    """Everything the shared summary shows, in the meeting's own order."""

    meeting_id: int
    held_on: date
    title: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    parts: tuple[SummaryPart, ...]  # in the agenda's order, then any part added for content
    charter: CharterWording | None
    last_feedback: tuple[Feedback, ...]  # the meeting before this one's plus/delta
    member_items: tuple[MemberItem, ...]
    pl_topic: str
    pl_led_by: str
    artifacts: str
    protocol: str
    guiding_questions: str
    next_steps: tuple[NextStep, ...]
    feedback: tuple[Feedback, ...]  # this meeting's closing plus/delta

    @property
    def discussed(self) -> tuple[MemberItem, ...]:
        return tuple(item for item in self.member_items if item.discussed)

    @property
    def carried(self) -> tuple[MemberItem, ...]:
        """Items not reached: they go on to the next meeting's agenda."""
        return tuple(item for item in self.member_items if not item.discussed)


def parse_meeting_choice(text: str) -> int | None:
    """The command line's ``--meeting``: ``latest`` (None) or a meeting's number (``7``, ``#7``)."""
    choice = text.strip().casefold()
    if choice == LATEST:
        return None
    number = choice.lstrip("#")
    # ASCII digits only, and few enough that SQLite takes the number (it refuses 2**63).
    if not (number.isascii() and number.isdigit() and len(number) <= 18):
        shown = text if len(text) <= 20 else f"{text[:20]}…"
        raise UsageError(
            translate(
                "meeting_summary", "Choose the meeting as latest or a meeting number, not '{text}'."
            ).format(text=shown)
        )
    return int(number)


def meeting_for_export(
    journal: Journal, meeting_id: int | None, *, today: date | None = None
) -> int:
    """The id of the meeting to summarise: ``meeting_id``; when None, the latest held by
    ``today`` (a meeting set up ahead, with members' items in, has not happened yet), or
    the first one planned if none has been held."""
    today = today or date.today()
    with journal.session() as s:
        if meeting_id is not None:
            return (
                fetch(s, IltMeeting, meeting_id, translate("meeting_summary", "ILT meeting")).id
                or meeting_id
            )
        held = s.exec(
            select(IltMeeting.id)
            .where(col(IltMeeting.held_on) <= today)
            .order_by(col(IltMeeting.held_on).desc(), col(IltMeeting.id).desc())
        ).first()
        planned = s.exec(
            select(IltMeeting.id).order_by(col(IltMeeting.held_on), col(IltMeeting.id))
        ).first()
    latest = held if held is not None else planned
    if latest is None:
        raise UsageError(
            translate("meeting_summary", "Nothing to export yet: no ILT meeting has been recorded.")
        )
    return latest


def meeting_summary(journal: Journal, meeting_id: int) -> MeetingSummary:
    """What the shared summary of meeting ``meeting_id`` holds (never its private notes)."""
    principal = journal.settings().get("principal", "").strip()
    principal = principal or translate("meeting_summary", PRINCIPAL)
    with journal.session() as s:
        meeting = fetch(s, IltMeeting, meeting_id, translate("meeting_summary", "ILT meeting"))
    before = previous_meeting(journal, meeting)
    with journal.session() as s:
        names = {lead.id: lead.name for lead in s.exec(select(Lead))}
        present, absent = _attendance(s, meeting_id, names)
        pl_led_by = names.get(meeting.pl_lead_id, "") if meeting.pl_lead_id else ""
        summary = MeetingSummary(
            meeting_id=meeting_id,
            held_on=meeting.held_on,
            title=meeting.title.strip(),
            present=present,
            absent=absent,
            parts=_parts(s, meeting),
            charter=_charter(s, meeting.held_on),
            last_feedback=_feedback(s, before.id or 0) if before else (),
            member_items=_member_items(s, meeting_id, names, principal),
            pl_topic=meeting.pl_topic.strip(),
            pl_led_by=pl_led_by or meeting.pl_led_by.strip(),
            artifacts=meeting.artifacts,
            protocol=meeting.protocol,
            guiding_questions=meeting.guiding_questions,
            next_steps=_next_steps(s, meeting_id, names, principal),
            feedback=_feedback(s, meeting_id),
        )
    return summary


def _attendance(
    s: Session, meeting_id: int, names: dict[int | None, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Who came and who could not, each by name in alphabetical order."""
    rows = s.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id))
    came: dict[bool, list[str]] = {True: [], False: []}
    for row in rows:
        if name := names.get(row.lead_id, ""):
            came[row.present].append(name)
    return _by_name(came[True]), _by_name(came[False])


def _by_name(names: list[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=str.casefold))


def _parts(s: Session, meeting: IltMeeting) -> tuple[SummaryPart, ...]:
    """The agenda's parts in the meeting's order, then a part for anything the meeting
    recorded that its agenda has no part for (so nothing shared is silently left out)."""
    meeting_id = meeting.id or 0
    sections = s.exec(
        select(MeetingSection)
        .where(MeetingSection.meeting_id == meeting.id)
        .order_by(col(MeetingSection.position), col(MeetingSection.id))
    )
    parts = [
        SummaryPart(row.part, row.title.strip() or default_part(row.part).title, row.notes)
        for row in sections
    ]
    have = {p.part for p in parts}
    recorded = {
        MeetingPart.professional_learning: bool(
            meeting.pl_topic.strip() or meeting.pl_led_by.strip() or meeting.pl_lead_id
        ),
        MeetingPart.data: any(
            text.strip()
            for text in (meeting.artifacts, meeting.protocol, meeting.guiding_questions)
        ),
        MeetingPart.member_items: _has(s, MeetingAgendaItem, meeting_id),
        MeetingPart.next_steps: _has_team_items(s, meeting_id),
        MeetingPart.plus_delta: _has(s, MeetingFeedback, meeting_id),
    }
    for part, there in recorded.items():
        if there and part not in have:
            parts.append(SummaryPart(part, default_part(part).title, ""))
    return tuple(parts)


def _has(s: Session, model: type[MeetingAgendaItem | MeetingFeedback], meeting_id: int) -> bool:
    return s.exec(select(model.id).where(model.meeting_id == meeting_id)).first() is not None


def _has_team_items(s: Session, meeting_id: int) -> bool:
    query = select(ActionItem.id).where(
        ActionItem.meeting_id == meeting_id, col(ActionItem.lead_id).is_(None)
    )
    return s.exec(query).first() is not None


def _charter(s: Session, held_on: date) -> CharterWording | None:
    """The charter as it read on the meeting's day (the version in force then), if any."""
    version = s.exec(
        select(CharterVersion)
        .where(col(CharterVersion.made_on) <= held_on)
        .order_by(col(CharterVersion.made_on).desc(), col(CharterVersion.id).desc())
    ).first()
    if version is None or not (version.purpose.strip() or version.vision_link.strip()):
        return None
    return CharterWording(version.made_on, version.purpose, version.vision_link)


def _feedback(s: Session, meeting_id: int) -> tuple[Feedback, ...]:
    rows = s.exec(
        select(MeetingFeedback)
        .where(MeetingFeedback.meeting_id == meeting_id)
        .order_by(col(MeetingFeedback.id))
    )
    return tuple(
        Feedback(row.plus, row.delta, row.response)
        for row in rows
        if row.plus.strip() or row.delta.strip() or row.response.strip()
    )


def _member_items(
    s: Session, meeting_id: int, names: dict[int | None, str], principal: str
) -> tuple[MemberItem, ...]:
    rows = s.exec(
        select(MeetingAgendaItem)
        .where(MeetingAgendaItem.meeting_id == meeting_id)
        .order_by(col(MeetingAgendaItem.position), col(MeetingAgendaItem.id))
    )
    return tuple(
        MemberItem(
            text=row.text.strip(),
            added_by=names.get(row.added_by_lead_id, "") if row.added_by_lead_id else principal,
            notes=row.notes,
            discussed=row.discussed,
        )
        for row in rows
        if row.text.strip() or row.notes.strip()
    )


def _next_steps(
    s: Session, meeting_id: int, names: dict[int | None, str], principal: str
) -> tuple[NextStep, ...]:
    """The meeting's team action items, soonest due first (undated last)."""
    items = list(
        s.exec(
            select(ActionItem).where(
                ActionItem.meeting_id == meeting_id, col(ActionItem.lead_id).is_(None)
            )
        )
    )
    ids = [item.id for item in items]
    owners: dict[int, list[str]] = {}
    for row in s.exec(select(ActionItemOwner).where(col(ActionItemOwner.action_item_id).in_(ids))):
        owners.setdefault(row.action_item_id, []).append(names.get(row.lead_id, ""))
    steps = []
    for item in sorted(items, key=lambda i: (i.due_on is None, i.due_on or date.min, i.id or 0)):
        members = _by_name([name for name in owners.get(item.id or 0, []) if name])
        with_principal = principal_owns(item)
        steps.append(
            NextStep(
                text=item.text.strip(),
                owners=(principal, *members) if with_principal else tuple(members),
                due_on=item.due_on,
                done_on=item.done_on,
            )
        )
    return tuple(steps)
