"""One timeline per lead: 1:1s, observations, cycle milestones, agreement versions, and the
team work they took part in (ILT meetings, teacher teams, difficult conversations, learning
with others).

Every source reads with plain SQL over indexed columns, and only the columns an entry
shows: a lead kept for years has thousands of records, and the timeline is read on every
switch to their page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from iltdesk import timeline_words as said
from iltdesk.cycle import OUTCOME_TITLES
from iltdesk.models import ObservationSetting, Outcome
from iltdesk.observation import SETTING_TITLES
from iltdesk.one_on_one import notes_summary
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

TEAM = QT_TRANSLATE_NOOP("timeline", "Team")
CONVERSATIONS = QT_TRANSLATE_NOOP("timeline", "Conversations")
LEARNING = QT_TRANSLATE_NOOP("timeline", "Learning")
# The kinds a timeline shows, with the name of each kind's filter (kinds may share one), in
# English: ``filter_label`` says it in the user's language.
KINDS: dict[RecordKind, str] = {
    RecordKind.ONE_ON_ONE: QT_TRANSLATE_NOOP("timeline", "1:1s"),
    RecordKind.OBSERVATION: QT_TRANSLATE_NOOP("timeline", "Observations"),
    RecordKind.CYCLE: QT_TRANSLATE_NOOP("timeline", "Cycles"),
    RecordKind.AGREEMENT: QT_TRANSLATE_NOOP("timeline", "Agreement"),
    # The team work the lead took part in: a few filters, each over several kinds.
    RecordKind.ILT_MEETING: TEAM,
    RecordKind.MEETING_AGENDA_ITEM: TEAM,
    RecordKind.ACTION_ITEM: TEAM,
    RecordKind.TEAM_INTERVENTION: TEAM,
    RecordKind.CONVERSATION: CONVERSATIONS,
    RecordKind.JOINT_PRACTICE: LEARNING,
    RecordKind.LEARNING_EVENT: LEARNING,
    RecordKind.LEAD_COACH: LEARNING,
}


def filter_label(kind: RecordKind) -> str:
    """The name of ``kind``'s filter ("Observations", "Team"), in the user's language."""
    return translate("timeline", KINDS[kind])


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event; ``kind`` and ``record_id`` open it (kinds as in the search index)."""

    kind: RecordKind
    record_id: int
    day: date
    title: str
    detail: str


def _one_on_ones(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(s, "SELECT id, held_on, notes FROM one_on_one WHERE lead_id = ?", lead_id)
    return [
        TimelineEntry(
            RecordKind.ONE_ON_ONE,
            i,
            _day(d),
            translate("timeline", "1:1"),
            notes_summary(notes or ""),
        )
        for i, d, notes in rows
    ]


def _observations(s: Session, lead_id: int) -> list[TimelineEntry]:
    # An observation of the lead running a teacher team's meeting names the team.
    rows = _rows(
        s,
        "SELECT o.id, o.observed_on, o.setting, t.name, o.action_step, "
        "o.evidence FROM observation o LEFT JOIN teacher_team t ON t.id = o.team_id "
        "WHERE o.lead_id = ?",
        lead_id,
    )
    return [
        TimelineEntry(
            RecordKind.OBSERVATION,
            i,
            _day(d),
            _observed(setting, team),
            step or " ".join((evidence or "").split())[:120],
        )
        for i, d, setting, team, step, evidence in rows
    ]


def _observed(setting: str, team: str | None) -> str:
    """Where it was seen, as a title: 'Observed: teacher-team meeting, Grade 6'."""
    where = translate("observation", SETTING_TITLES[ObservationSetting(setting)]).lower()
    if team:
        return translate("timeline", "Observed: {setting}, {team}").format(setting=where, team=team)
    return translate("timeline", "Observed: {setting}").format(setting=where)


def _cycles(s: Session, lead_id: int) -> list[TimelineEntry]:
    entries = []
    rows = _rows(
        s,
        "SELECT id, started_on, goal, closed_on, outcome FROM learning_cycle WHERE lead_id = ?",
        lead_id,
    )
    for cycle_id, started_on, goal, closed_on, outcome in rows:
        entries.append(
            TimelineEntry(
                RecordKind.CYCLE,
                cycle_id,
                _day(started_on),
                translate("timeline", "Cycle started"),
                goal,
            )
        )
        if closed_on is not None:
            met = translate("cycle", OUTCOME_TITLES[Outcome(outcome)]) if outcome else ""
            title = translate("timeline", "Cycle closed: {outcome}").format(
                outcome=met or translate("timeline", "closed")
            )
            entries.append(TimelineEntry(RecordKind.CYCLE, cycle_id, _day(closed_on), title, goal))
    return entries


def _agreements(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT id, agreed_on, version, revision_note FROM coaching_agreement WHERE lead_id = ?",
        lead_id,
    )
    return [
        TimelineEntry(
            RecordKind.AGREEMENT,
            i,
            _day(d),
            translate("timeline", "Coaching agreement")
            if version == 1
            else translate("timeline", "Agreement revised (version {version})").format(
                version=version
            ),
            note,
        )
        for i, d, version, note in rows
    ]


# -- the team work a lead took part in ------------------------------------------------------


def _rows(s: Session, sql: str, *params: object) -> list[Any]:
    return list(s.connection().exec_driver_sql(sql, params).all())


def _day(text: str) -> date:
    """A stored date (ISO text; a moment is read as its day in SQL)."""
    return date.fromisoformat(str(text)[:10])


def _meetings(s: Session, lead_id: int) -> list[TimelineEntry]:
    # Attendance has a row for each lead active when the meeting was made; a member who led
    # the professional learning without such a row is listed too.
    rows = _rows(
        s,
        "SELECT m.id, m.held_on, m.title, m.pl_topic, m.pl_lead_id = ?1, a.present "
        "FROM ilt_meeting_attendance a JOIN ilt_meeting m ON m.id = a.meeting_id "
        "WHERE a.lead_id = ?1 "
        "UNION ALL SELECT m.id, m.held_on, m.title, m.pl_topic, 1, 1 FROM ilt_meeting m "
        "WHERE m.pl_lead_id = ?1 AND NOT EXISTS (SELECT 1 FROM ilt_meeting_attendance a "
        "WHERE a.meeting_id = m.id AND a.lead_id = ?1)",
        lead_id,
    )
    entries = []
    for meeting_id, held_on, title, topic, led, present in rows:
        if led and topic:
            detail = translate("timeline", "Led the professional learning: {topic}").format(
                topic=topic
            )
        elif led:
            detail = translate("timeline", "Led the learning")
        else:
            detail = title or topic
        entries.append(
            TimelineEntry(
                RecordKind.ILT_MEETING,
                meeting_id,
                _day(held_on),
                translate("timeline", "ILT meeting")
                if present
                else translate("timeline", "ILT meeting: missed"),
                detail,
            )
        )
    return entries


def _agenda_items(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT i.id, m.held_on, i.text FROM ilt_agenda_item i "
        "JOIN ilt_meeting m ON m.id = i.meeting_id WHERE i.added_by_lead_id = ?",
        lead_id,
    )
    put_on = translate("timeline", "Put on the ILT agenda")
    return [
        TimelineEntry(RecordKind.MEETING_AGENDA_ITEM, i, _day(d), put_on, text)
        for i, d, text in rows
    ]


def _team_action_items(s: Session, lead_id: int) -> list[TimelineEntry]:
    # Dated by the meeting (or conversation) that made the item, else by when it was written.
    rows = _rows(
        s,
        "SELECT a.id, coalesce((SELECT held_on FROM ilt_meeting WHERE id = a.meeting_id), "
        "(SELECT coalesce(held_on, planned_on) FROM difficult_conversation "
        "WHERE id = a.conversation_id), date(a.created_at / 1000, 'unixepoch')), a.text, a.done_on "
        "FROM action_item_owner o JOIN action_item a ON a.id = o.action_item_id "
        "WHERE o.lead_id = ? AND a.lead_id IS NULL",
        lead_id,
    )
    return [
        TimelineEntry(
            RecordKind.ACTION_ITEM,
            item_id,
            _day(made_on),
            translate("timeline", "Team action item, done")
            if done_on
            else translate("timeline", "Team action item"),
            text,
        )
        for item_id, made_on, text, done_on in rows
    ]


def _interventions(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT i.id, i.happened_on, i.kind, t.name, i.what FROM teacher_team_lead r "
        "JOIN teacher_team t ON t.id = r.team_id "
        "JOIN team_intervention i ON i.team_id = r.team_id WHERE r.lead_id = ?",
        lead_id,
    )
    return [
        TimelineEntry(
            RecordKind.TEAM_INTERVENTION,
            i,
            _day(d),
            said.intervention(kind, team),
            what,
        )
        for i, d, kind, team, what in rows
    ]


def _conversations(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT id, holder, with_whom, goal, planned_on, rehearsed_on, held_on "
        "FROM difficult_conversation WHERE lead_id = ?",
        lead_id,
    )
    entries = []
    for conversation_id, holder, with_whom, goal, *days in rows:
        # A lead's conversation is with teachers; the principal's own is with the lead.
        leads_it = holder == "lead"
        with_them = translate("timeline", "With {whom}: {goal}").format(whom=with_whom, goal=goal)
        detail = with_them if with_whom and leads_it else goal
        for step, day in zip(("planned", "rehearsed", "held"), days, strict=True):
            if day is not None:
                title = said.conversation_step(leads_it, step)
                entries.append(
                    TimelineEntry(
                        RecordKind.CONVERSATION, conversation_id, _day(day), title, detail
                    )
                )
    return entries


def _joint_practice(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT p.id, p.happened_on, p.kind, p.focus FROM joint_practice_lead r "
        "JOIN joint_practice p ON p.id = r.practice_id WHERE r.lead_id = ?",
        lead_id,
    )
    return [
        TimelineEntry(
            RecordKind.JOINT_PRACTICE,
            i,
            _day(d),
            said.practice(kind),
            focus,
        )
        for i, d, kind, focus in rows
    ]


def _learning_events(s: Session, lead_id: int) -> list[TimelineEntry]:
    rows = _rows(
        s,
        "SELECT e.id, e.held_on, e.kind, r.role, e.topic, r.brought FROM learning_event_lead r "
        "JOIN learning_event e ON e.id = r.event_id WHERE r.lead_id = ?",
        lead_id,
    )
    entries = []
    for event_id, held_on, kind, role, topic, brought in rows:
        title = said.learning_event(role == "led", kind)
        detail = " · ".join(part for part in (topic, brought) if part)
        entries.append(
            TimelineEntry(RecordKind.LEARNING_EVENT, event_id, _day(held_on), title, detail)
        )
    return entries


def _coaches(s: Session, lead_id: int) -> list[TimelineEntry]:
    # Both sides: who else coaches the lead, and whom the lead coaches as a veteran.
    rows = _rows(
        s,
        "SELECT c.id, c.lead_id = ?1, c.kind, coalesce(nullif(c.name, ''), coach.name, ''), "
        "coached.name, c.focus, coalesce(c.since, date(c.created_at / 1000, 'unixepoch')), c.until "
        "FROM lead_coach c "
        "LEFT JOIN lead coach ON coach.id = c.coach_lead_id "
        "JOIN lead coached ON coached.id = c.lead_id "
        "WHERE c.lead_id = ?1 OR c.coach_lead_id = ?1",
        lead_id,
    )
    entries = []
    for coach_id, coached_here, kind, coach, coached, focus, since, until in rows:
        if coached_here:
            who = coach or said.coach(kind)
            started = translate("timeline", "Coached by {who}").format(who=who)
            ended = translate("timeline", "No longer coached by {who}").format(who=who)
        else:
            started = translate("timeline", "Coaching {lead}").format(lead=coached)
            ended = translate("timeline", "No longer coaching {lead}").format(lead=coached)
        entries.append(TimelineEntry(RecordKind.LEAD_COACH, coach_id, _day(since), started, focus))
        if until is not None:
            entries.append(
                TimelineEntry(RecordKind.LEAD_COACH, coach_id, _day(until), ended, focus)
            )
    return entries


_SOURCES: dict[RecordKind, Callable[[Session, int], list[TimelineEntry]]] = {
    RecordKind.ONE_ON_ONE: _one_on_ones,
    RecordKind.OBSERVATION: _observations,
    RecordKind.CYCLE: _cycles,
    RecordKind.AGREEMENT: _agreements,
    RecordKind.ILT_MEETING: _meetings,
    RecordKind.MEETING_AGENDA_ITEM: _agenda_items,
    RecordKind.ACTION_ITEM: _team_action_items,
    RecordKind.TEAM_INTERVENTION: _interventions,
    RecordKind.CONVERSATION: _conversations,
    RecordKind.JOINT_PRACTICE: _joint_practice,
    RecordKind.LEARNING_EVENT: _learning_events,
    RecordKind.LEAD_COACH: _coaches,
}


def lead_timeline(
    journal: Journal, lead_id: int, kinds: set[RecordKind] | None = None
) -> list[TimelineEntry]:
    """The lead's events of the given kinds (all by default), newest first."""
    wanted = kinds if kinds is not None else set(KINDS)
    with journal.session() as s:
        entries = [e for kind in wanted & set(_SOURCES) for e in _SOURCES[kind](s, lead_id)]
    return sorted(entries, key=lambda e: (e.day, e.kind, e.record_id), reverse=True)
