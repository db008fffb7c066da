"""Writing 1:1s, action items and observations as rows; shared by the story and the history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from iltdesk.demo import text
from iltdesk.demo.bank_practice import GROUP_SETTINGS, PAIR_SETTINGS
from iltdesk.demo.rows import Rows
from iltdesk.demo.text import Composer
from iltdesk.demo.timeline import (
    WEEKDAYS,
    is_school_day,
    school_day_on_or_after,
    school_day_on_or_before,
)
from iltdesk.models import ActionSource, AgendaSection, Author, ObservationSetting

# (section, added by, text, notes, discussed)
AgendaRow = tuple[AgendaSection, Author, str, str, bool]
DAY = timedelta(days=1)
# Composed observations: mostly meetings the lead runs, sometimes a talk with one teacher.
COMPOSED_SETTINGS = (*GROUP_SETTINGS, *GROUP_SETTINGS, *PAIR_SETTINGS)
TEAM_MEETINGS = {ObservationSetting.team_meeting, ObservationSetting.data_meeting}


def add_one_on_one(
    rows: Rows, lead_id: int, held: date, notes: str, feedback: str, agenda: Iterable[AgendaRow]
) -> int:
    """A 1:1 and its agenda; items the lead added are stamped the day before (shared agenda)."""
    meeting = rows.add(
        "one_on_one", held, lead_id=lead_id, held_on=held, notes=notes, feedback_given=feedback
    )
    for position, (section, added_by, item, item_notes, discussed) in enumerate(agenda):
        rows.add(
            "agenda_item",
            held - DAY if added_by is Author.lead else held,
            one_on_one_id=meeting,
            position=position,
            section=section,
            added_by=added_by,
            text=item,
            notes=item_notes,
            discussed=discussed,
        )
    return meeting


def add_action(
    rows: Rows,
    lead_id: int,
    written: date,
    item: tuple[str, Author],
    due_on: date,
    done_on: date | None,
    source: ActionSource,
    **links: int | None,
) -> int:
    """An action item written on ``written``; ``links`` names the 1:1/observation/cycle ids."""
    values: dict[str, object] = {"one_on_one_id": None, "observation_id": None, "cycle_id": None}
    values.update(links)
    if done_on is not None:  # ticking it off was its last edit
        values["updated_at"] = rows.stamp(done_on)
    return rows.add(
        "action_item",
        written,
        lead_id=lead_id,
        text=item[0],
        owner=item[1],
        due_on=due_on,
        done_on=done_on,
        source=source,
        **values,
    )


def finished_on(rng: Composer, written: date, due: date, today: date) -> date | None:
    """When a composed action item got done: mostly on time, sometimes a little late.

    Items due from today on stay open; composed items never go overdue, so the overdue list
    shows only the story's own (a principal clears the rest as she goes).
    """
    if due >= today:
        return None
    if rng.random() < 0.85:
        done = written + timedelta(days=rng.randint(1, max(1, (due - written).days)))
    else:
        done = min(due + timedelta(days=rng.randint(1, 4)), today - DAY)
    return school_day_on_or_before(done)


def due_after(held: date, wait: int, day_name: str | None) -> date:
    """A next step's due date about ``wait`` days on, on a school day; on the weekday its
    text names, if it names one (the first such day at least four days on)."""
    due = held + timedelta(days=wait)
    if day_name in WEEKDAYS:
        named = WEEKDAYS.index(day_name)
        due = held + timedelta(days=4)
        due += timedelta(days=(named - due.weekday()) % 7)
        while not is_school_day(due):
            due += timedelta(weeks=1)
        return due
    return school_day_on_or_after(due)


def add_composed_one_on_one(
    rows: Rows, rng: Composer, lead_id: int, held: date, ctx: text.Context, season: str, today: date
) -> int:
    """A 1:1 written from the phrase banks, with 3-5 agenda items and 1-2 next steps."""
    discussed = held < today
    agenda = [
        (section, who, item, notes, discussed and rng.random() > 0.1)
        for section, who, item, notes in text.agenda(rng, ctx, rng.randint(3, 5))
    ]
    meeting = add_one_on_one(
        rows,
        lead_id,
        held,
        text.one_on_one_note(rng, ctx, season),
        text.feedback_given(rng, ctx),
        agenda,
    )
    for item in text.actions(rng, ctx, rng.randint(1, 2)):
        named = ctx["day"] if ctx["day"] in item[0] else None
        due = due_after(held, rng.randint(4, 10), named)
        done = finished_on(rng, held, due, today)
        add_action(
            rows, lead_id, held, item, due, done, ActionSource.one_on_one, one_on_one_id=meeting
        )
    return meeting


def add_composed_observation(
    rows: Rows,
    rng: Composer,
    lead_id: int,
    cycle_id: int | None,
    seen: date,
    ctx: text.Context,
    today: date,
    team_id: int | None = None,
) -> int:
    """An observation written from the phrase banks, and its action step as an action item;
    ``team_id``: the team the lead runs, linked when the visit was to a team or data meeting."""
    setting = rng.choice(COMPOSED_SETTINGS)
    on_team = team_id if setting in TEAM_MEETINGS else None
    evidence, feedback, step = text.observation(rng, ctx, setting)
    follow_up = school_day_on_or_after(seen + timedelta(days=rng.randint(5, 10)))
    observation = rows.add(
        "observation",
        seen,
        lead_id=lead_id,
        cycle_id=cycle_id,
        observed_on=seen,
        setting=setting,
        evidence=evidence,
        feedback=feedback,
        action_step=step,
        follow_up_on=follow_up,
        team_id=on_team,
    )
    add_action(
        rows,
        lead_id,
        seen,
        (step, Author.lead),
        follow_up,
        finished_on(rng, seen, follow_up, today),
        ActionSource.observation,
        observation_id=observation,
        cycle_id=cycle_id,
    )
    return observation
