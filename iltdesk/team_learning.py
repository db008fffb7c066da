"""The ILT's own professional learning, and the year's balance across the three strands.

Outside its meetings the team learns in three ways: short, optional PD sessions led by
members in their strengths or by someone from outside; a quarterly gathering where members
walk the team through their most useful tools; and the principal's office hours, where
members drop in about whatever they need. Each is a ``LearningEvent`` with the members who
led it or came (and what each brought or came about).

The Team overview weighs the school year's learning against the scope and sequence's three
strands (``strand_balance``); which records count toward which strand is said there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.charter_scope import IMBALANCE, focus_title
from iltdesk.errors import UsageError
from iltdesk.models import (
    FocusKind,
    JointPractice,
    Lead,
    LearningEvent,
    LearningEventLead,
    LearningKind,
    LearningRole,
    PracticeKind,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

LEARNING_TITLES = {
    LearningKind.pd_session: QT_TRANSLATE_NOOP("team_learning", "PD session"),
    LearningKind.gathering: QT_TRANSLATE_NOOP("team_learning", "Tool-sharing gathering"),
    LearningKind.office_hours: QT_TRANSLATE_NOOP("team_learning", "Office hours"),
}
# What an event is called when no topic was written: a gathering and office hours are often
# known by what they are; a PD session is known by its topic, so it needs one.
UNNAMED = {
    LearningKind.gathering: QT_TRANSLATE_NOOP("team_learning", "Members share their tools"),
    LearningKind.office_hours: QT_TRANSLATE_NOOP("team_learning", "Office hours"),
}


def learning_title(kind: LearningKind) -> str:
    """A kind of learning event (``LEARNING_TITLES``) in the user's language."""
    return translate("team_learning", LEARNING_TITLES[kind])


YEAR_STARTS = 8  # the school year runs August to July (June's end, and July's planning)


@dataclass(frozen=True)
class Member:
    """A member at a learning event: led it or came, and what they brought (a tool, at a
    gathering) or came about (at office hours)."""

    lead_id: int
    role: LearningRole = LearningRole.came
    brought: str = ""


@dataclass(frozen=True)
class Event:
    """A learning event with its members, those who led first."""

    record: LearningEvent
    members: tuple[Member, ...]

    @property
    def id(self) -> int:
        return self.record.id or 0

    def led(self) -> tuple[int, ...]:
        return tuple(m.lead_id for m in self.members if m.role is LearningRole.led)

    def came(self) -> tuple[int, ...]:
        return tuple(m.lead_id for m in self.members if m.role is LearningRole.came)

    @property
    def title(self) -> str:
        unnamed = UNNAMED.get(self.record.kind)
        return self.record.topic or (translate("team_learning", unnamed) if unnamed else "")


def add_event(
    journal: Journal,
    kind: LearningKind,
    *,
    held_on: date | None = None,
    topic: str = "",
    led_by: str = "",
    goal: str = "",
    strand: FocusKind | str = "",
    notes: str = "",
    members: Iterable[Member] = (),
) -> LearningEvent:
    """Record a PD session, a gathering or office hours, with who led it (members, and
    ``led_by``, someone from outside, in words) and who came."""
    row = LearningEvent(kind=kind, held_on=held_on or date.today())
    _fill(row, topic, led_by, goal, strand, notes)
    with journal.write() as s:
        s.add(row)
        s.flush()
        _set_members(s, row.id or 0, members)
    return row


def _fill(
    row: LearningEvent, topic: str, led_by: str, goal: str, strand: FocusKind | str, notes: str
) -> None:
    if row.kind is LearningKind.pd_session and not topic.strip():
        raise UsageError(translate("team_learning", "Give the PD session its topic."))
    if strand and strand not in {kind.value for kind in FocusKind}:
        raise UsageError(
            translate("team_learning", "There is no strand called '{strand}'.").format(
                strand=strand
            )
        )
    row.topic, row.led_by, row.goal = topic.strip(), led_by.strip(), goal.strip()
    row.strand, row.notes = str(strand), notes.strip()


def _set_members(s: Session, event_id: int, members: Iterable[Member]) -> None:
    for old in s.exec(select(LearningEventLead).where(LearningEventLead.event_id == event_id)):
        s.delete(old)
    s.flush()
    chosen: dict[int, Member] = {}
    for member in members:
        known = chosen.get(member.lead_id)
        # Someone listed twice led it if either says so: leading includes being there.
        led = member.role is LearningRole.led or (known and known.role is LearningRole.led)
        brought = member.brought.strip() or (known.brought if known else "")
        role = LearningRole.led if led else LearningRole.came
        chosen[member.lead_id] = Member(member.lead_id, role, brought)
    for member in chosen.values():
        fetch(s, Lead, member.lead_id, translate("team_learning", "lead"))
        s.add(
            LearningEventLead(
                event_id=event_id, lead_id=member.lead_id, role=member.role, brought=member.brought
            )
        )


def update_event(
    journal: Journal,
    event_id: int,
    *,
    kind: LearningKind,
    held_on: date,
    topic: str,
    led_by: str,
    goal: str,
    strand: FocusKind | str,
    notes: str,
    members: Iterable[Member],
) -> LearningEvent:
    """Correct a learning event and who was there."""
    with journal.write() as s:
        row = fetch(s, LearningEvent, event_id, translate("team_learning", "learning event"))
        row.kind, row.held_on = kind, held_on
        _fill(row, topic, led_by, goal, strand, notes)
        s.add(row)
        _set_members(s, event_id, members)
    return row


def delete_event(journal: Journal, event_id: int) -> None:
    """Move a learning event, with who was there, to the Trash."""
    with journal.write() as s:
        fetch(s, LearningEvent, event_id, translate("team_learning", "learning event"))
        trash_record(s, LearningEvent, event_id)


def events(
    journal: Journal, *, since: date | None = None, until: date | None = None
) -> list[Event]:
    """Learning events between ``since`` and ``until`` (both included), newest first."""
    with journal.session() as s:
        query = select(LearningEvent)
        if since is not None:
            query = query.where(col(LearningEvent.held_on) >= since)
        if until is not None:
            query = query.where(col(LearningEvent.held_on) <= until)
        rows = list(s.exec(query))
        links = list(s.exec(select(LearningEventLead).order_by(col(LearningEventLead.created_at))))
    by_event: dict[int, list[Member]] = {}
    for link in links:
        by_event.setdefault(link.event_id, []).append(Member(link.lead_id, link.role, link.brought))
    rows.sort(key=lambda r: (r.held_on, r.id or 0), reverse=True)
    return [Event(r, _led_first(by_event.get(r.id or 0, []))) for r in rows]


def _led_first(members: list[Member]) -> tuple[Member, ...]:
    return tuple(sorted(members, key=lambda m: m.role is not LearningRole.led))


def get_event(journal: Journal, event_id: int) -> Event:
    """One learning event with its members."""
    with journal.session() as s:
        row = fetch(s, LearningEvent, event_id, translate("team_learning", "learning event"))
        links = s.exec(select(LearningEventLead).where(LearningEventLead.event_id == event_id))
        members = [Member(link.lead_id, link.role, link.brought) for link in links]
    return Event(row, _led_first(members))


# -- the school year and its balance ------------------------------------------------------------


def _start_year(day: date) -> int:
    return day.year if day.month >= YEAR_STARTS else day.year - 1


def school_year(day: date) -> tuple[date, date]:
    """The school year ``day`` falls in: 1 August to 31 July. The first and last years a date
    can hold are cut at the calendar's ends (a date field lets a person type 9999)."""
    start_year = _start_year(day)
    start = date(start_year, YEAR_STARTS, 1) if start_year >= date.min.year else date.min
    end = date(start_year + 1, YEAR_STARTS - 1, 31) if start_year < date.max.year else date.max
    return start, end


def year_name(day: date) -> str:
    """'2026–27' for the school year ``day`` falls in."""
    start_year = _start_year(day)
    return f"{start_year}–{(start_year + 1) % 100:02d}"


# Which strand each kind of joint practice serves: watching teaching or coaching together and
# norming on the rubric are observation and feedback; a data meeting is data.
PRACTICE_STRANDS: dict[PracticeKind, FocusKind | None] = {
    PracticeKind.joint_observation: FocusKind.observation_feedback,
    PracticeKind.calibration: FocusKind.observation_feedback,
    PracticeKind.team_meeting_visit: FocusKind.observation_feedback,
    PracticeKind.peer_observation: FocusKind.observation_feedback,
    PracticeKind.data_meeting: FocusKind.data,
    PracticeKind.other: None,
}


def event_strand(event: LearningEvent) -> FocusKind | None:
    """The strand a learning event counts toward: the one chosen for it; with none chosen,
    a PD session or a gathering is professional learning, and office hours count toward none
    (members come about anything)."""
    if event.strand:
        return FocusKind(event.strand)
    if event.kind is LearningKind.office_hours:
        return None
    return FocusKind.professional_learning


@dataclass(frozen=True)
class Balance:
    """The school year's learning, counted per strand (in FocusKind order)."""

    start: date
    end: date
    counts: dict[FocusKind, int]
    hint: str | None


def strand_balance(journal: Journal, day: date | None = None) -> Balance:
    """How the school year of ``day`` (today by default) spreads over the three strands.

    What counts, one each: every learning event (``event_strand``: its chosen strand, else a
    PD session or gathering is professional learning and office hours count for none) and
    every joint practice (``PRACTICE_STRANDS``: observing, visiting and calibrating are
    observation and feedback, a data meeting is data, "other" counts for none). ILT meetings'
    own learning segments are the meetings' and are not counted here.
    """
    start, end = school_year(day or date.today())
    counts = dict.fromkeys(FocusKind, 0)
    with journal.session() as s:
        for event in s.exec(
            select(LearningEvent).where(col(LearningEvent.held_on).between(start, end))
        ):
            if (strand := event_strand(event)) is not None:
                counts[strand] += 1
        for practice in s.exec(
            select(JointPractice).where(col(JointPractice.happened_on).between(start, end))
        ):
            if (strand := PRACTICE_STRANDS[practice.kind]) is not None:
                counts[strand] += 1
    return Balance(start, end, counts, balance_words(counts))


def balance_words(counts: dict[FocusKind, int]) -> str | None:
    """A hint when one strand's learning runs ahead of another's by ``IMBALANCE`` or more."""
    if not any(counts.values()):
        return None
    order = list(FocusKind)
    most = max(order, key=lambda k: (counts[k], -order.index(k)))
    least = min(order, key=lambda k: (counts[k], order.index(k)))
    if counts[most] - counts[least] < IMBALANCE:
        return None
    if counts[least]:
        said = translate(
            "team_learning",
            "This year's learning leans on {most} ({count}) and gives {least} only {least_count}: "
            "the three strands work best in roughly equal measure.",
        )
    else:
        said = translate(
            "team_learning",
            "This year's learning leans on {most} ({count}) and gives {least} nothing yet: the "
            "three strands work best in roughly equal measure.",
        )
    return said.format(
        most=focus_title(most).lower(),
        count=counts[most],
        least=focus_title(least).lower(),
        least_count=counts[least],
    )
