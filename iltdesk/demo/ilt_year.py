"""Writing the ILT's year: a meeting every school Tuesday up to today (and the next one,
planned, with the items members have already put on it), each with its agenda parts,
attendance, members' items, learning segment, evidence, decisions, team next steps and the
plus/delta the story gives it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from random import Random

from iltdesk.demo import charter, team
from iltdesk.demo.cast_others import CAST
from iltdesk.demo.ilt_story import (
    DECISIONS,
    DROPPED_MEETING,
    EVIDENCE,
    ME,
    MEMBER_ITEMS,
    PL_LEADS,
    PLUS_DELTA_NOTES,
    SECTIONS,
    STORY_MEETINGS,
    VISION_NOTES,
    IltDay,
    Item,
    Step,
)
from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import (
    ILT_WEEKDAY,
    Timeline,
    is_school_day,
    school_day_on_or_after,
    week,
)
from iltdesk.demo.whole_team import ilt_day
from iltdesk.models import ActionSource, Author, MeetingPart

ABSENT_SHARE = 0.06  # how often a member misses a meeting (never the one leading a part)
STALE_DAYS = 7  # an open step this long overdue, once the year ran past the story, got done
Feedback = tuple[str, str, str]  # plus, delta, response


@dataclass
class Year:
    """What the writer carries from one meeting to the next."""

    tl: Timeline
    rng: Random
    lead_ids: dict[str, int]  # the members this year, by story key
    names: dict[str, str]  # their first names
    story: dict[date | None, IltDay]  # by the meeting it is told of (None: not yet)
    feedback: dict[date | None, Feedback]
    carried: list[Item] = field(default_factory=list)
    last_closing: str = ""  # how the last meeting closed, when it left no plus/delta record
    last_feedback: Feedback | None = None
    decks: dict[str, list[int]] = field(default_factory=dict)

    def draw(self, bank: str, size: int) -> int:
        """The next entry of a bank, dealt from a shuffled deck so repeats come late."""
        deck = self.decks.setdefault(bank, [])
        if not deck:
            deck.extend(range(size))
            self.rng.shuffle(deck)
        return deck.pop()


def ilt_dates(tl: Timeline) -> list[date]:
    """Every ILT Tuesday of the year up to today, and the next one (a plan), less the one
    the team agreed to drop."""
    dropped = ilt_day(tl.at(DROPPED_MEETING))
    day = tl.start + timedelta(days=(ILT_WEEKDAY - tl.start.weekday()) % 7)
    dates = []
    while day <= tl.end:
        if is_school_day(day) and day != dropped:
            dates.append(day)
            if day > tl.now:
                break
        day += timedelta(weeks=1)
    return dates


def add_ilt_year(rows: Rows, tl: Timeline, lead_ids: dict[str, int], seed: int) -> None:
    """All of the year's ILT meetings; every plus/delta lands in the meeting it closed."""
    dates = ilt_dates(tl)
    story = _told(tl, dates)
    feedback: dict[date | None, Feedback] = {
        _placed(dates, tl.at(when)): (p, d, r) for when, p, d, r in team.MEETING_FEEDBACK
    }
    members = {p.key: lead_ids[p.key] for p in CAST if p.archived_on is None}
    names = {p.key: p.first for p in CAST}
    year = Year(tl, Random(seed), members, names, story, feedback)
    for held in dates:
        if tl.happened(held):
            _add_meeting(rows, year, held)
        else:
            _add_planned(rows, year, held)


def _told(tl: Timeline, dates: list[date]) -> dict[date | None, IltDay]:
    """The story's meetings by day: the recent stretch first, so that on a day two are told
    of, the recent one leads and the other's parts join it."""
    told: dict[date | None, IltDay] = {}
    for day in sorted(STORY_MEETINGS, key=lambda told_of: not told_of.when.from_today):
        held = _placed(dates, tl.at(day.when))
        if held is not None and day.next_one:
            later = dates.index(held) + 1
            held = dates[later] if later < len(dates) else None
        if held is not None:
            told[held] = _joined(told[held], day) if held in told else day
    return told


def _joined(first: IltDay, second: IltDay) -> IltDay:
    """Two story meetings told of one day, as one meeting."""
    evidence = first if first.artifacts else second
    return replace(
        first,
        title=first.title or second.title,
        items=first.items + second.items,
        artifacts=evidence.artifacts,
        protocol=evidence.protocol,
        questions=evidence.questions,
        decisions="\n".join(text for text in (first.decisions, second.decisions) if text),
        steps=first.steps + second.steps,
        private=first.private or second.private,
    )


def _placed(dates: list[date], day: date) -> date | None:
    """The meeting a story date belongs to: that school week's, else the last before it;
    None if it lies beyond the meetings so far and the next one (not in this demo yet)."""
    monday = day - timedelta(days=day.weekday())
    same_week = [held for held in dates if monday <= held < monday + timedelta(days=5)]
    if same_week:
        return same_week[0]
    if not dates or day > dates[-1]:
        return None
    earlier = [held for held in dates if held <= day]
    return earlier[-1] if earlier else dates[0]


def _composed(year: Year, held: date) -> IltDay:
    """A week the story does not tell: evidence and a decision from the banks."""
    rng = year.rng
    artifact, protocol, questions = EVIDENCE[year.draw("evidence", len(EVIDENCE))]
    who, text = MEMBER_ITEMS[year.draw("items", len(MEMBER_ITEMS))]
    day = IltDay(
        when=week(0),  # unused: the meeting is placed by ``held``
        title="",
        items=(Item(who, text, reached=rng.random() > 0.15),),
        artifacts=artifact,
        protocol=protocol,
        questions=questions,
    )
    if rng.random() < 0.5:  # not every week ends in a decision
        return day
    decision, step, owners = DECISIONS[year.draw("decisions", len(DECISIONS))]
    return replace(day, decisions=f"- {decision}", steps=(Step(step, owners, rng.randint(4, 9)),))


def _focus(held: date) -> str:
    """This period's overarching focus in the scope and sequence."""
    for month, focus, *_ in charter.SCOPE:
        if month == held.month:
            return focus
    return "Weekly ILT"


def _learning(held: date) -> str:
    """This period's professional-learning strand in the scope and sequence."""
    for month, *_, learning in charter.SCOPE:
        if month == held.month:
            return learning
    return ""


def _add_meeting(rows: Rows, year: Year, held: date) -> None:
    day = year.story.get(held) or _composed(year, held)
    pl_key = PL_LEADS.get(held.month, "yolanda")
    meeting_id = rows.add(
        "ilt_meeting",
        held,
        held_on=held,
        title=day.title or _focus(held),
        pl_topic=_learning(held),
        pl_lead_id=year.lead_ids[pl_key],
        artifacts=day.artifacts,
        protocol=day.protocol,
        guiding_questions=day.questions,
        private_notes=day.private,
    )
    items = [*year.carried, *day.items]
    leading = {pl_key, *(item.added_by for item in items)}
    _add_attendance(rows, year, meeting_id, held, leading, day.absent)
    year.carried = _add_items(rows, year, meeting_id, held, items, discussed=True)
    steps = _add_steps(rows, year, meeting_id, held, day.steps)
    notes = _notes(year, held, day, items, steps)
    _add_sections(rows, meeting_id, held, notes)
    year.last_closing = notes[MeetingPart.plus_delta]
    feedback = year.feedback.get(held)
    if feedback is not None:
        plus, delta, response = feedback
        rows.add(
            "meeting_feedback",
            held,
            meeting_id=meeting_id,
            met_on=held,
            plus=plus,
            delta=delta,
            response=response,
        )
    year.last_feedback = feedback


def _add_planned(rows: Rows, year: Year, held: date) -> None:
    """The next meeting: its parts, everyone expected, and the items already on it."""
    day = year.story.get(held)
    items = [*year.carried, *(day.items if day else ())]
    written = year.tl.now
    meeting_id = rows.add(
        "ilt_meeting",
        written,
        held_on=held,
        title=day.title if day and day.title else _focus(held),
        pl_topic=_learning(held),
        pl_lead_id=year.lead_ids[PL_LEADS.get(held.month, "yolanda")],
    )
    _add_attendance(rows, year, meeting_id, written, set(year.lead_ids), ())
    _add_items(rows, year, meeting_id, written, items, discussed=False)
    _add_sections(rows, meeting_id, written, {})


def _add_attendance(
    rows: Rows, year: Year, meeting_id: int, held: date, leading: set[str], absent: tuple[str, ...]
) -> None:
    for key, lead_id in year.lead_ids.items():
        away = key in absent or (key not in leading and year.rng.random() < ABSENT_SHARE)
        rows.add(
            "ilt_meeting_attendance", held, meeting_id=meeting_id, lead_id=lead_id, present=not away
        )


def _add_items(
    rows: Rows, year: Year, meeting_id: int, held: date, items: list[Item], *, discussed: bool
) -> list[Item]:
    """Members' items, entered the day before; returns those not reached (carried on)."""
    carried = []
    for position, item in enumerate(items):
        reached = discussed and item.reached
        rows.add(
            "ilt_agenda_item",
            min(held - timedelta(days=1), year.tl.now),
            meeting_id=meeting_id,
            position=position,
            added_by_lead_id=year.lead_ids.get(item.added_by),
            text=item.text,
            notes=item.notes if reached else "",
            discussed=reached,
        )
        if discussed and not item.reached:
            carried.append(Item(item.added_by, item.text, "Carried from last week."))
    return carried


def _add_steps(
    rows: Rows, year: Year, meeting_id: int, held: date, steps: tuple[Step, ...]
) -> list[str]:
    """Team action items (no one lead's) with their owners; returns them as lines."""
    tl, lines = year.tl, []
    for step in steps:
        due = school_day_on_or_after(held + timedelta(days=step.due))
        done = _done_on(tl, held, due, step)
        members = [key for key in step.owners if key != ME]
        owner = (
            Author.principal if not members else Author.both if ME in step.owners else (Author.lead)
        )
        values = {"updated_at": rows.stamp(done)} if done else {}
        item_id = rows.add(
            "action_item",
            held,
            lead_id=None,
            text=step.text,
            owner=owner,
            due_on=due,
            done_on=done,
            source=ActionSource.meeting,
            meeting_id=meeting_id,
            **values,
        )
        for key in members:
            rows.add("action_item_owner", held, action_item_id=item_id, lead_id=year.lead_ids[key])
        names = ", ".join("me" if key == ME else year.names[key] for key in step.owners)
        lines.append(f"- {step.text} — {names}, by {due:%-d %B}")
    return lines


def _done_on(tl: Timeline, held: date, due: date, step: Step) -> date | None:
    """Done the school day before it was due (or ``step.done`` days on), once that is past;
    an open step long overdue when the year ran past the story's today was done by then."""
    if step.done is None:
        if tl.anchor < tl.now and due < tl.now - timedelta(days=STALE_DAYS):
            return due
        return None
    done = held + timedelta(days=step.done) if step.done else due - timedelta(days=1)
    while not is_school_day(done) and done > held:
        done -= timedelta(days=1)
    return done if done < tl.now and due < tl.now else None


def _notes(
    year: Year, held: date, day: IltDay, items: list[Item], steps: list[str]
) -> dict[MeetingPart, str]:
    """Each agenda part's notes for a meeting that was held."""
    names = year.names
    previous = year.last_feedback
    last = (
        f"Plus: {previous[0]}\nDelta: {previous[1]}\nWhat we changed: {previous[2]}"
        if previous
        else f"Last week's round: {year.last_closing} Nothing we needed to change."
        if year.last_closing
        else "Our first meeting of the year: nothing to look back on yet."
    )
    closing = year.feedback.get(held)
    return {
        MeetingPart.vision: year.rng.choice(VISION_NOTES).format(
            who=names[year.rng.choice(sorted(year.lead_ids))]
        ),
        MeetingPart.last_plus_delta: last,
        MeetingPart.member_items: "\n".join(
            f"- {names.get(item.added_by, 'Me')}: {item.text}"
            + ("" if item.reached else " (not reached: next week)")
            for item in items
        ),
        MeetingPart.professional_learning: f"{_learning(held)} Led by "
        f"{names[PL_LEADS.get(held.month, 'yolanda')]}.",
        MeetingPart.data: f"{day.artifacts}\nProtocol: {day.protocol}" if day.artifacts else "",
        MeetingPart.decisions: day.decisions,
        MeetingPart.next_steps: "\n".join(steps),
        MeetingPart.plus_delta: f"Plus: {closing[0]}\nDelta: {closing[1]}"
        if closing
        else year.rng.choice(PLUS_DELTA_NOTES),
    }


def _add_sections(
    rows: Rows, meeting_id: int, written: date, notes: dict[MeetingPart, str]
) -> None:
    for position, (part, title, prompt) in enumerate(SECTIONS):
        rows.add(
            "ilt_meeting_section",
            written,
            meeting_id=meeting_id,
            position=position,
            part=part,
            title=title,
            prompt=prompt,
            notes=notes.get(part, ""),
        )
