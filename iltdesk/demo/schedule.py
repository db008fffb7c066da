"""Each story lead's 1:1s over the year: hand-written ones where they belong, composed between."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk.demo import text
from iltdesk.demo.records import add_action, add_composed_one_on_one, add_one_on_one
from iltdesk.demo.rows import Rows
from iltdesk.demo.spec import Meeting, Person
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import Timeline, When, weekday_on_or_before
from iltdesk.models import ActionSource

BREAK_WEEKS = frozenset({17, 18})  # the mid-year break: nobody meets
FORMER_WEEKS = (-44, -34)  # when a lead who has since left met the principal, the year before
OWN_TOPIC_SHARE = 0.6  # how often a composed 1:1 is about the lead's own cycle focus


def meeting_dates(tl: Timeline, person: Person) -> list[date]:
    """The days the principal met this lead, oldest first.

    Counted back from the lead's last 1:1 so that 'days since the last 1:1' is exact today;
    weekends slide to the Friday before.
    """
    if person.archived_on is not None:
        first, last = tl.w(FORMER_WEEKS[0], 1), tl.w(FORMER_WEEKS[1], 1)
    else:
        first, last = tl.w(0), tl.t(-person.last_met_days_ago)
    held = weekday_on_or_before(last)
    dates = []
    while held >= first:
        if tl.week_of(held) not in BREAK_WEEKS:
            dates.append(held)
        held = weekday_on_or_before(held - timedelta(days=person.cadence_days))
    return dates[::-1]


def place(tl: Timeline, dates: list[date], meetings: tuple[Meeting, ...]) -> dict[int, Meeting]:
    """Which date each hand-written meeting takes: its slot, or the date nearest its week."""
    placed: dict[int, Meeting] = {}
    for meeting in meetings:
        if meeting.slot is not None:
            placed[meeting.slot % len(dates)] = meeting
    for meeting in meetings:
        if meeting.week is not None:
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
    for index, held in enumerate(dates):
        meeting = placed.get(index)
        if meeting is not None:
            _add_written(rows, tl, lead_id, held, meeting)
            continue
        topic = person.topic if rng.random() < OWN_TOPIC_SHARE else None
        ctx = text.context(rng, person.first, person.crew, topic)
        season = text.season_of(tl.week_of(held))
        add_composed_one_on_one(rows, rng, lead_id, held, ctx, season, tl.today)
    if person.upcoming and dates:
        coming = weekday_on_or_before(dates[-1] + timedelta(days=person.cadence_days))
        agenda = [(a.section, a.added_by, a.text, a.notes, False) for a in person.upcoming]
        add_one_on_one(rows, lead_id, coming, "", "", agenda)


def _on(tl: Timeline, held: date, when: int | When) -> date:
    return held + timedelta(days=when) if isinstance(when, int) else tl.at(when)


def _add_written(rows: Rows, tl: Timeline, lead_id: int, held: date, meeting: Meeting) -> None:
    agenda = [
        (a.section, a.added_by, a.text, a.notes, a.discussed and held <= tl.today)
        for a in meeting.agenda
    ]
    meeting_id = add_one_on_one(rows, lead_id, held, meeting.notes, meeting.feedback, agenda)
    for action in meeting.actions:
        add_action(
            rows,
            lead_id,
            held,
            (action.text, action.owner),
            _on(tl, held, action.due),
            None if action.done is None else _on(tl, held, action.done),
            ActionSource.one_on_one,
            one_on_one_id=meeting_id,
        )
