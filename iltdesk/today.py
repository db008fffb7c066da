"""Today: what needs the principal's attention, as rows that each open a record.

Read with plain SQL on the journal's connection, not the ORM: Today is the first page the app
shows, and it shows it while the ORM is still loading (the cold-start goal). The rules for
what is due come from ``iltdesk.due``, the same ones the ORM's records are judged by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from typing import Any, NamedTuple

from iltdesk.conversation import conversation_rows
from iltdesk.due import DUE_SOON_DAYS, is_due_soon, is_overdue, planned_end
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.teacher_team_today import team_rows
from iltdesk.today_words import (
    Section,
    coming,
    due_detail,
    last_one_on_one,
    overdue_detail,
    owner_word,
    past_plan,
    section,
    team_word,
    was_due,
)
from iltdesk.today_words import owner_words as owner_words  # team_action's words too
from iltdesk.translation import translate

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
    record_kind: RecordKind
    record_id: int
    lead_id: int | None
    lead_name: str | None
    when: date | None


class _Lead(NamedTuple):
    id: int
    name: str
    active: bool
    since: date  # on the ILT since, else added to the journal
    cadence_days: int


class _Item(NamedTuple):
    id: int
    lead_id: int
    text: str
    owner: str
    due_on: date | None
    done_on: date | None


class _Cycle(NamedTuple):
    id: int
    lead_id: int
    goal: str
    started_on: date
    planned_weeks: int


TodaySource = Callable[[Journal, date, dict[int, _Lead]], list["TodayRow"]]


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text[:10])


def _leads(journal: Journal) -> dict[int, _Lead]:
    rows = journal.execute(
        "SELECT id, name, archived_on, on_ilt_since, date(created_at / 1000, 'unixepoch'), "
        "cadence_days FROM lead"  # the moment's UTC day: ISO text, as a date is stored
    )
    return {
        r[0]: _Lead(r[0], r[1], r[2] is None, _day(r[3]) or _day(r[4]) or date.min, r[5])
        for r in rows
    }


def _action_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    rows = []
    # Open and due before the end of the coming week: overdue or due soon, nothing later.
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    found = journal.execute(
        "SELECT id, lead_id, text, owner, due_on, done_on FROM action_item "
        "WHERE done_on IS NULL AND due_on < ?",
        (horizon.isoformat(),),
    )
    for r in found:
        item = _Item(r[0], r[1], r[2], r[3], _day(r[4]), _day(r[5]))
        lead = leads.get(item.lead_id)
        if lead is None or not lead.active or item.due_on is None:
            continue
        if is_overdue(item, today):
            days = (today - item.due_on).days
            urgency, heading = Urgency.overdue, section(Section.overdue)
            detail = overdue_detail(days, owner_word(item.owner))
        elif is_due_soon(item, today):
            urgency, heading = Urgency.due_soon, section(Section.due_soon)
            detail = due_detail(item.due_on, today, owner_word(item.owner))
        else:
            continue
        rows.append(
            TodayRow(
                heading, urgency, item.text, detail, RecordKind.ACTION_ITEM, item.id,
                lead.id, lead.name, item.due_on,
            )
        )  # fmt: skip
    return rows


# -- team action items -------------------------------------------------------------------------
# A team item has no lead; the members who own it are rows of action_item_owner. The words for
# its owners are in ``iltdesk.today_words``, ORM-free, and ``iltdesk.team_action`` uses them too.


def _owner_names(
    journal: Journal, ids: Sequence[int], leads: dict[int, _Lead]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {item_id: [] for item_id in ids}
    owners = journal.execute(
        "SELECT action_item_id, lead_id FROM action_item_owner "
        f"WHERE action_item_id IN ({', '.join('?' * len(ids))}) ORDER BY created_at, lead_id",
        tuple(ids),
    )
    for item_id, lead_id in owners:
        lead = leads.get(lead_id)
        if lead is not None and lead.active:  # a member who left no longer carries it
            found[item_id].append(lead.name)
    return found


def _team_action_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    # A principal's own difficult conversation keeps its lead-less follow-ups to itself. The
    # unary + keeps SQLite off the conversation index, where nearly every item is NULL (a
    # scan of 136k rows at 100k entries, 125 ms cold, against 0.1 ms by the open items').
    found = journal.execute(
        "SELECT id, text, owner, due_on FROM action_item WHERE done_on IS NULL AND due_on < ? "
        "AND lead_id IS NULL AND +conversation_id IS NULL",
        (horizon.isoformat(),),
    )
    names = _owner_names(journal, [r[0] for r in found], leads)
    rows = []
    for item_id, text, owner, due_text in found:
        day = _day(due_text)
        if day is None:
            continue
        whose = owner_words(owner in ("principal", "both"), names[item_id])
        if day < today:
            days = (today - day).days
            urgency, heading = Urgency.overdue, section(Section.overdue)
            detail = overdue_detail(days, whose)
        else:
            urgency, heading = Urgency.due_soon, section(Section.due_soon)
            detail = due_detail(day, today, whose)
        rows.append(
            TodayRow(
                heading, urgency, text, detail, RecordKind.ACTION_ITEM, item_id, None,
                team_word(), day,
            )
        )  # fmt: skip
    return rows


# -- what counts as having met ---------------------------------------------------------------
# Here, not in ``one_on_one``, so that Today can judge meetings without loading the ORM.

Execute = Callable[[str, tuple[Any, ...]], Sequence[Sequence[Any]]]
_MEETINGS_BATCH = 4  # a lead's latest 1:1 nearly always counts: read a few at a time
_LEAD_MEETINGS = (
    "SELECT o.held_on, o.notes, o.feedback_given, "
    "EXISTS (SELECT 1 FROM agenda_item a WHERE a.one_on_one_id = o.id AND a.discussed) "
    "OR EXISTS (SELECT 1 FROM action_item i WHERE i.one_on_one_id = o.id) "
    "FROM one_on_one o WHERE o.lead_id = ? AND o.held_on <= ? "
    "ORDER BY o.held_on DESC, o.id DESC LIMIT ? OFFSET ?"
)


def notes_written(notes: str) -> bool:
    """The notes say something: a line that is neither blank nor a heading (a new 1:1's
    template is headings only)."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in notes.splitlines())


def meeting_counts(notes: str, feedback: str, *, discussed_or_agreed: bool) -> bool:
    """A 1:1 counts as having met only if it holds something: notes, feedback given, an
    agenda item discussed or a next step agreed. An empty one (an accidental Ctrl+N, an
    agenda gathered for later) does not take a lead off "Leads to meet"."""
    return notes_written(notes) or bool(feedback.strip()) or discussed_or_agreed


def last_met(
    execute: Execute, today: date, lead_ids: Iterable[int] | None = None
) -> dict[int, date]:
    """Each lead's (or each of ``lead_ids``') latest 1:1 that counts (``meeting_counts``),
    held on or before ``today``: a 1:1 dated in the future is a planned meeting. ``execute``
    runs SQL on the journal.

    Each lead's 1:1s are read newest first through ix_one_on_one_lead_id_held_on, a few at
    a time, until one counts: not a pass over every 1:1.
    """
    found: dict[int, date] = {}
    every = lead_ids is None
    chosen = (row[0] for row in execute("SELECT id FROM lead", ())) if every else lead_ids
    for lead_id in chosen or ():
        offset = 0
        while lead_id not in found:
            batch = execute(_LEAD_MEETINGS, (lead_id, today.isoformat(), _MEETINGS_BATCH, offset))
            for held_on, notes, feedback, something in batch:
                if meeting_counts(notes or "", feedback or "", discussed_or_agreed=bool(something)):
                    found[int(lead_id)] = _day(held_on) or today
                    break
            if len(batch) < _MEETINGS_BATCH:
                break
            offset += _MEETINGS_BATCH
    return found


def _cadence_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    # Only the active leads are reminded of: a long-kept journal's archived ones (hundreds,
    # over the years) are not read at every start.
    met = last_met(journal.execute, today, [lead.id for lead in leads.values() if lead.active])
    rows = []
    for lead in leads.values():
        if not lead.active:
            continue
        last = met.get(lead.id)
        gap = (today - (last or lead.since)).days
        if gap <= lead.cadence_days:
            continue
        detail = (
            last_one_on_one(gap, lead.cadence_days)
            if last
            else translate("today", "no 1:1 recorded yet")
        )
        rows.append(
            TodayRow(
                section(Section.leads), Urgency.reminder, lead.name, detail, RecordKind.LEAD,
                lead.id, lead.id, lead.name, last,
            )
        )  # fmt: skip
    return rows


def _cycle_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    rows = []
    found = journal.execute(
        "SELECT id, lead_id, goal, started_on, planned_weeks FROM learning_cycle "
        "WHERE phase != 'closed'"
    )
    for r in found:
        cycle = _Cycle(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4])
        lead = leads.get(cycle.lead_id)
        end = planned_end(cycle)
        if lead is None or not lead.active or (end - today).days >= DUE_SOON_DAYS:
            continue
        if end < today:
            late = (today - end).days
            urgency = Urgency.overdue
            detail = past_plan(late)
        else:
            urgency, detail = Urgency.due_soon, coming("ends", end, today)
        goal = cycle.goal or translate("today", "no goal written yet")
        title = translate("today", "Learning cycle: {goal}").format(goal=goal)
        rows.append(
            TodayRow(
                section(Section.cycles), urgency, title, detail, RecordKind.CYCLE, cycle.id,
                lead.id, lead.name, end,
            )
        )  # fmt: skip
    return rows


def _follow_up_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    rows = []
    observations = journal.execute(
        "SELECT id, lead_id, follow_up_on, action_step FROM observation "
        "WHERE follow_up_on IS NOT NULL AND follow_up_on < ? AND follow_up_on >= ?",
        (
            (today + timedelta(days=DUE_SOON_DAYS)).isoformat(),
            (today - timedelta(days=FOLLOW_UP_MEMORY_DAYS)).isoformat(),
        ),
    )
    # The action steps of just these observations (a journal holds thousands of others).
    ids = [r[0] for r in observations]
    steps = journal.execute(
        "SELECT observation_id, done_on, due_on FROM action_item "
        f"WHERE observation_id IN ({', '.join('?' * len(ids))})",
        tuple(ids),
    )
    # A dated open step is already on Today as an action item; a finished one needs nothing.
    shown = {obs for obs, done, due in steps if done is None and due is not None}
    finished = {obs for obs, _, _ in steps} - {obs for obs, done, _ in steps if done is None}
    for obs_id, lead_id, follow_up_on, action_step in observations:
        lead, due = leads.get(lead_id), date.fromisoformat(follow_up_on)
        if lead is None or not lead.active or obs_id in shown or obs_id in finished:
            continue
        urgency = Urgency.overdue if due < today else Urgency.due_soon
        detail = coming("follow_up", due, today) if due >= today else was_due(due, today)
        title = action_step or translate("today", "Follow up on an observation")
        rows.append(
            TodayRow(
                section(Section.follow_ups), urgency, title, detail, RecordKind.OBSERVATION,
                obs_id, lead.id, lead.name, due,
            )
        )  # fmt: skip
    return rows


def _revisit_rows(journal: Journal, today: date, leads: dict[int, _Lead]) -> list[TodayRow]:
    newest: dict[int, tuple[int, int, str | None]] = {}
    found = journal.execute(
        "SELECT lead_id, id, version, revisit_on FROM coaching_agreement ORDER BY version"
    )
    for lead_id, version_id, version, revisit_on in found:
        newest[lead_id] = (version_id, version, revisit_on)  # a later version replaces it
    rows = []
    for lead_id, (version_id, version, revisit_on) in newest.items():
        lead, revisit = leads.get(lead_id), _day(revisit_on)
        if lead is None or not lead.active or revisit is None:
            continue
        if (revisit - today).days >= DUE_SOON_DAYS:
            continue
        urgency = Urgency.overdue if revisit < today else Urgency.due_soon
        detail = coming("revisit", revisit, today) if revisit >= today else was_due(revisit, today)
        title = translate("today", "Coaching agreement, version {version}").format(version=version)
        rows.append(
            TodayRow(
                section(Section.revisits), urgency, title, detail, RecordKind.AGREEMENT,
                version_id, lead.id, lead.name, revisit,
            )
        )  # fmt: skip
    return rows


SOURCES: list[TodaySource] = [
    _action_rows,
    _team_action_rows,
    _cycle_rows,
    _follow_up_rows,
    _revisit_rows,
    _cadence_rows,
    conversation_rows,
    team_rows,
]


def has_leads(journal: Journal) -> bool:
    """The journal has a lead, even an archived one: a journal without is just starting."""
    return bool(journal.execute("SELECT EXISTS (SELECT 1 FROM lead)")[0][0])


def today_rows(journal: Journal, today: date | None = None) -> list[TodayRow]:
    """Every row for Today, most urgent first, then by date and lead."""
    day = today or date.today()
    with journal.raw():  # one consistent reading, even with a backup waiting for its turn
        leads = _leads(journal)
        rows = [row for source in SOURCES for row in source(journal, day, leads)]
    return sorted(rows, key=lambda r: (r.urgency, r.when or date.max, r.lead_name or "", r.title))
