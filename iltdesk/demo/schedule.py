"""Each story lead's 1:1s over the year: hand-written ones where they belong, composed between."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk.demo import text
from iltdesk.demo.records import add_action, add_composed_one_on_one, add_one_on_one
from iltdesk.demo.rows import Rows
from iltdesk.demo.spec import Meeting, Person
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import (
    WEEKDAYS,
    Timeline,
    When,
    is_school_day,
    school_day_on_or_after,
    school_day_on_or_before,
    school_week_of,
)
from iltdesk.models import ActionSource

FORMER_WEEKS = (-48, -12)  # when a lead who has since left met the principal: last year
STALE_DAYS = 7  # a story step this long overdue, past the story's today, was done on time
OWN_TOPIC_SHARE = 0.6  # how often a composed 1:1 is about the lead's own cycle focus


def on_weekday(day: date, weekday: int) -> date:
    """The latest ``weekday`` (0 = Monday) on or before ``day``."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def meeting_dates(tl: Timeline, person: Person) -> list[date]:
    """The days the principal met this lead in the story, oldest first, all on the lead's
    agreed weekday and on school days.

    Counted back from the lead's last 1:1 (``last_met_days_ago`` before the story's today),
    every ``cadence_days``; a slot that falls in a break is skipped, not moved. Dates after
    ``tl.now`` are included here (the story's layout) and left out by the caller.
    """
    if person.archived_on is not None:
        first, last = tl.w(FORMER_WEEKS[0]), tl.w(FORMER_WEEKS[1])
    else:
        first, last = tl.w(0), tl.t(-person.last_met_days_ago)
    held = on_weekday(last, person.weekday)
    dates = []
    while held >= first:
        if is_school_day(held):
            dates.append(held)
        held -= timedelta(days=person.cadence_days)
    return dates[::-1]


def _later_dates(tl: Timeline, person: Person, dates: list[date]) -> list[date]:
    """1:1s after the story's today, up to the real one (a demo made in May or June)."""
    if person.archived_on is not None or not dates:
        return []
    later, held = [], dates[-1] + timedelta(days=person.cadence_days)
    while held <= tl.anchor:  # the story's own last 1:1s (one lead overdue) stay as they are
        held += timedelta(days=person.cadence_days)
    while held <= tl.now:
        if is_school_day(held):
            later.append(held)
        held += timedelta(days=person.cadence_days)
    return later


def place(tl: Timeline, dates: list[date], meetings: tuple[Meeting, ...]) -> dict[int, Meeting]:
    """Which date each hand-written meeting takes: its slot, or the date nearest its week."""
    placed: dict[int, Meeting] = {}
    for meeting in meetings:
        if meeting.slot is not None:
            placed[meeting.slot % len(dates)] = meeting
    story_week = tl.week_of(tl.anchor)
    for meeting in meetings:
        if meeting.week is not None and meeting.week < story_week:  # later ones: not yet
            target = meeting.week
            free = [i for i in range(len(dates)) if i not in placed]
            nearest = min(free, key=lambda i: abs(tl.week_of(dates[i]) - target))
            placed[nearest] = meeting
    return placed


def add_meetings(
    rows: Rows,
    rng: Composer,
    tl: Timeline,
    lead_id: int,
    person: Person,
    meetings: tuple[Meeting, ...],
) -> None:
    """All of a lead's 1:1s, plus the next one if the lead has already added agenda items."""
    dates = meeting_dates(tl, person)
    placed = place(tl, dates, meetings)
    dates += _later_dates(tl, person, dates)
    for index, held in enumerate(dates):
        if not tl.happened(held):
            break
        meeting = placed.get(index)
        if meeting is not None:
            _add_written(rows, tl, lead_id, held, meeting)
            continue
        topic = person.topic if rng.random() < OWN_TOPIC_SHARE else None
        ctx = text.context(rng, person.first, person.crew, topic)
        season = text.season_of(school_week_of(held))
        add_composed_one_on_one(rows, rng, lead_id, held, ctx, season, tl.now)
    if person.upcoming and dates and tl.happened(dates[-1]):
        # the next 1:1, planned: the lead has already put items on its shared agenda
        coming = dates[-1] + timedelta(days=person.cadence_days)
        while not is_school_day(coming) and coming <= tl.end:
            coming += timedelta(days=7)
        if coming > tl.end:
            return  # the year is over: nothing to plan until the next one
        agenda = [(a.section, a.added_by, a.text, a.notes, False) for a in person.upcoming]
        add_one_on_one(rows, lead_id, coming, "", "", agenda)


def _named_day(text: str, due: date) -> date:
    """A step that names a weekday ('to Tuesday's ILT') is due on that day, on or after."""
    for number, name in enumerate(WEEKDAYS[:5]):
        if name in text:
            due += timedelta(days=(number - due.weekday()) % 7)
            while not is_school_day(due):
                due += timedelta(weeks=1)
            return due
    return due


def _on(tl: Timeline, held: date, when: int | When) -> date:
    """A due or done date: days after the meeting, or a story date (school days either way)."""
    if not isinstance(when, int):
        return tl.at(when)
    day = held + timedelta(days=when)
    return school_day_on_or_after(day) if day > tl.now else school_day_on_or_before(day)


def _add_written(rows: Rows, tl: Timeline, lead_id: int, held: date, meeting: Meeting) -> None:
    agenda = [(a.section, a.added_by, a.text, a.notes, a.discussed) for a in meeting.agenda]
    meeting_id = add_one_on_one(rows, lead_id, held, meeting.notes, meeting.feedback, agenda)
    for action in meeting.actions:
        done = None if action.done is None else _named_day(action.text, _on(tl, held, action.done))
        due = _named_day(action.text, _on(tl, held, action.due))
        if done is None and tl.anchor < tl.now and due < tl.now - timedelta(days=STALE_DAYS):
            done = due  # the year ran on past the story's today: she caught up
        add_action(
            rows,
            lead_id,
            held,
            (action.text, action.owner),
            due,
            done if tl.happened(done) else None,
            ActionSource.one_on_one,
            one_on_one_id=meeting_id,
        )
