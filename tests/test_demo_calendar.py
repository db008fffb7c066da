"""The demo's calendar: a school year (August to June) around the day it is made, meetings on
school days, the ILT on one weekday, and texts that agree with the dates they sit on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from iltdesk.demo import build_demo
from iltdesk.demo.timeline import Timeline, is_school_day, year_of
from iltdesk.store.journal import Journal

PASS = "pass"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
# Days a meeting, a visit, a check-in or a piece of cycle work happened on (table, column).
EVENT_DATES = (
    ("one_on_one", "held_on"),
    ("observation", "observed_on"),
    ("learning_cycle", "started_on"),
    ("learning_cycle", "closed_on"),
    ("cycle_activity", "happened_on"),
    ("energy_check", "checked_on"),
    ("meeting_feedback", "met_on"),
    ("self_check", "taken_on"),
    ("coaching_agreement", "agreed_on"),
    ("charter_version", "made_on"),
    ("tension_note", "noted_on"),
    ("challenge", "opened_on"),
    ("challenge_log_entry", "logged_on"),
    ("principal_energy", "checked_on"),
    ("leadership_note", "noted_on"),
    ("ilt_meeting", "held_on"),
    ("team_data_value", "measured_on"),
    ("team_intervention", "happened_on"),
    ("difficult_conversation", "planned_on"),
    ("difficult_conversation", "rehearsed_on"),
    ("difficult_conversation", "held_on"),
    ("joint_practice", "happened_on"),
    ("learning_event", "held_on"),
    ("lead_coach", "since"),
)
# Dates that may lie ahead of today: they are plans, not events.
MAY_BE_AHEAD = {
    ("action_item", "due_on"),
    ("observation", "follow_up_on"),
    ("coaching_agreement", "revisit_on"),
    ("scope_item", "starts_on"),
    ("ilt_meeting", "held_on"),  # the next meeting, planned (see below)
}
# Tables whose rows are written as they happen (or are planned), never stamped after today.
WRITTEN_BY_TODAY = ("one_on_one", "agenda_item", "action_item", "observation", "scope_item",
                    "ilt_meeting", "ilt_meeting_section", "ilt_agenda_item",
                    "ilt_meeting_attendance", "meeting_feedback", "teacher_team",
                    "team_data_value", "team_intervention", "difficult_conversation",
                    "joint_practice", "calibration_rating", "lead_coach", "learning_event",
                    "learning_event_lead", "action_item_owner")  # fmt: skip
PAST_ONLY = (*EVENT_DATES, ("action_item", "done_on"), ("lead_trait", "noted_on"),
             ("lead_trait", "resolved_on"), ("lead", "on_ilt_since"))  # fmt: skip
DAYS = {
    "december": date(2026, 12, 3),
    "march": date(2027, 3, 15),
    "august": date(2026, 8, 20),
    "july": date(2027, 7, 10),
    "october": date(2027, 10, 5),
}
SEASON_OF_INTERIM = {"fall": (9, 10, 11), "winter": (12, 1, 2), "spring": (3, 4, 5)}
LABELS = {
    "december": "2026–27",
    "march": "2026–27",
    "august": "2026–27",
    "july": "2026–27",
    "october": "2027–28",
}


@pytest.fixture(scope="module", params=sorted(DAYS))
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Journal]]:
    """A story-only demo built as if on each of the days above."""
    name = str(request.param)
    journal = Journal.create(tmp_path_factory.mktemp(name) / "demo.iltdesk", PASS)
    build_demo(journal, today=DAYS[name])
    yield name, journal
    journal.close()


def _dates(journal: Journal, table: str, column: str) -> list[date]:
    rows = journal.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
    return [date.fromisoformat(str(value)[:10]) for (value,) in rows]


def test_the_school_year_is_the_one_around_today(demo: tuple[str, Journal]) -> None:
    name, journal = demo
    assert journal.settings()["school_year"] == LABELS[name]
    first = int(LABELS[name][:4])
    held = _dates(journal, "one_on_one", "held_on")
    this_year = [day for day in held if day >= date(first, 8, 1)]
    assert all(day <= date(first + 1, 6, 30) for day in this_year)
    assert this_year or DAYS[name] < Timeline.around(DAYS[name]).start + timedelta(days=7)


def test_every_event_falls_on_a_school_day(demo: tuple[str, Journal]) -> None:
    _, journal = demo
    for table, column in EVENT_DATES:
        for day in _dates(journal, table, column):
            assert day.weekday() < 5, (table, column, day)
            assert is_school_day(day), (table, column, day, "in a break or the summer")


def test_nothing_happens_after_today(demo: tuple[str, Journal]) -> None:
    name, journal = demo
    today = DAYS[name]
    for table, column in PAST_ONLY:
        if (table, column) in MAY_BE_AHEAD or table == "one_on_one":
            continue
        late = [day for day in _dates(journal, table, column) if day > today]
        assert not late, (table, column, late)
    for table in WRITTEN_BY_TODAY:
        written = _dates(journal, table, "date(created_at / 1000, 'unixepoch')")  # a moment
        assert not written or max(written) <= today, (table, "written after today")
    ahead = journal.execute(
        "SELECT o.notes, o.feedback_given, (SELECT count(*) FROM agenda_item a "
        "WHERE a.one_on_one_id = o.id AND a.discussed) FROM one_on_one o WHERE o.held_on > ?",
        (today.isoformat(),),
    )
    for notes, feedback, discussed in ahead:  # only planned 1:1s: an agenda, nothing held
        assert not notes and not feedback and discussed == 0
    assert len(ahead) <= 3


def test_only_the_next_ilt_meeting_lies_ahead_and_it_is_a_plan(
    demo: tuple[str, Journal],
) -> None:
    name, journal = demo
    today = DAYS[name].isoformat()
    ahead = journal.execute("SELECT id, held_on FROM ilt_meeting WHERE held_on > ?", (today,))
    assert len(ahead) <= 1
    for meeting_id, _ in ahead:
        held = (
            "SELECT (SELECT count(*) FROM ilt_meeting_section WHERE meeting_id = ? "
            "AND notes != ''), (SELECT count(*) FROM ilt_agenda_item WHERE meeting_id = ? "
            "AND discussed), (SELECT count(*) FROM meeting_feedback WHERE meeting_id = ?), "
            "(SELECT count(*) FROM action_item WHERE meeting_id = ?)"
        )
        assert journal.execute(held, (meeting_id,) * 4)[0] == (0, 0, 0, 0)
    held = _dates(journal, "ilt_meeting", "held_on")
    if DAYS[name] < Timeline.around(DAYS[name]).end:  # in term: the next one is planned
        assert len(ahead) == 1 and held
    for table, column in (("action_item", "done_on"), ("team_data_value", "measured_on")):
        late = [day for day in _dates(journal, table, column) if day > DAYS[name]]
        assert not late, (table, late)


def test_every_plus_delta_closes_a_meeting_on_its_day(demo: tuple[str, Journal]) -> None:
    _, journal = demo
    rows = journal.execute(
        "SELECT f.met_on, m.held_on FROM meeting_feedback f "
        "LEFT JOIN ilt_meeting m ON m.id = f.meeting_id"
    )
    assert rows and all(met == held for met, held in rows), rows


def test_the_ilt_meets_on_one_weekday_and_texts_say_so(demo: tuple[str, Journal]) -> None:
    _, journal = demo
    met = _dates(journal, "meeting_feedback", "met_on") + _dates(journal, "ilt_meeting", "held_on")
    team_checks = journal.execute("SELECT taken_on FROM self_check WHERE taken_by = 'team'")
    days = met + [date.fromisoformat(str(v)) for (v,) in team_checks]
    assert days and {day.weekday() for day in days} == {1}  # Tuesdays
    named = re.compile(r"(\w+day)'s ILT|ILT (?:meets )?on (\w+day)s?")
    for text in _all_texts(journal):
        for found in named.finditer(text):
            assert (found.group(1) or found.group(2)) == "Tuesday", text


def test_a_step_that_names_a_day_is_due_on_it(demo: tuple[str, Journal]) -> None:
    _, journal = demo
    for text, due in journal.execute("SELECT text, due_on FROM action_item"):
        named = [day for day in WEEKDAYS if day in text]
        if named:
            assert date.fromisoformat(due).weekday() == WEEKDAYS.index(named[0]), (text, due)


def test_an_activity_named_for_a_day_happened_on_it(demo: tuple[str, Journal]) -> None:
    _, journal = demo
    for title, happened in journal.execute("SELECT title, happened_on FROM cycle_activity"):
        named = [day for day in WEEKDAYS if title.startswith(day)]
        if named:
            assert date.fromisoformat(happened).weekday() == WEEKDAYS.index(named[0]), title


def test_each_lead_meets_on_the_weekday_their_agreement_names(
    demo: tuple[str, Journal],
) -> None:
    name, journal = demo
    agreed = journal.execute(
        "SELECT lead_id, meeting_cadence FROM coaching_agreement ORDER BY version"
    )
    day_of = {}
    for lead_id, cadence in agreed:
        named = [day for day in WEEKDAYS if day in cadence]
        if named:
            day_of[lead_id] = WEEKDAYS.index(named[0])
    assert len(day_of) >= 6 or DAYS[name].month == 8  # all agreed by September
    for lead_id, weekday in day_of.items():
        held = journal.execute("SELECT held_on FROM one_on_one WHERE lead_id = ?", (lead_id,))
        assert {date.fromisoformat(day).weekday() for (day,) in held} <= {weekday}


def test_scope_periods_run_through_the_school_months_in_order(
    demo: tuple[str, Journal],
) -> None:
    name, journal = demo
    rows = journal.execute(
        "SELECT period, starts_on, focus, data, observation_feedback, professional_learning "
        "FROM scope_item ORDER BY position"
    )
    starts = [date.fromisoformat(row[1]) for row in rows]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert [MONTHS[day.month - 1] for day in starts] == [row[0] for row in rows]
    assert all(day.month != 7 for day in starts)
    assert starts[0].month == 8 and starts[-1].month == 6
    assert starts[0].year == int(LABELS[name][:4])
    for period, _, focus, *strands in rows:
        assert focus and all(strands)
        month = MONTHS.index(period) + 1
        everything = " ".join([focus, *strands]).lower()
        if "year in review" in everything:
            assert month == 6
        for season, months in SEASON_OF_INTERIM.items():
            if f"{season} interim" in everything:  # the one this month is about
                assert month in months, (period, season)


def test_a_year_that_ran_past_the_story_closes_its_cycles(tmp_path: Path) -> None:
    """Made in the summer: the whole year, both cycles closed, and 1:1s into June."""
    with Journal.create(tmp_path / "july.iltdesk", PASS) as journal:
        build_demo(journal, today=DAYS["july"])
        open_cycles = "SELECT count(*) FROM learning_cycle WHERE closed_on IS NULL"
        assert journal.execute(open_cycles)[0][0] == 0
        closed = journal.execute(
            "SELECT l.name, count(*) FROM learning_cycle c JOIN lead l ON l.id = c.lead_id "
            "WHERE l.archived_on IS NULL AND c.outcome IS NOT NULL GROUP BY l.id"
        )
        assert len(closed) == 6 and all(count == 2 for _, count in closed)
        last = journal.execute(
            "SELECT max(held_on) FROM one_on_one o JOIN lead l ON l.id = o.lead_id "
            "WHERE l.archived_on IS NULL GROUP BY l.id"
        )
        end = Timeline.around(DAYS["july"]).end
        assert all(0 <= (end - date.fromisoformat(day)).days <= 14 for (day,) in last)


def test_the_calendar_itself() -> None:
    assert year_of(date(2026, 12, 3)) == 2026
    assert year_of(date(2027, 3, 15)) == 2026
    assert year_of(date(2027, 7, 10)) == 2026  # summer: the year just ended
    assert year_of(date(2026, 8, 3)) == 2025  # before the first day: still the summer
    assert not is_school_day(date(2026, 12, 28))  # winter break
    assert not is_school_day(date(2027, 3, 24))  # spring break
    assert not is_school_day(date(2027, 7, 1))
    assert is_school_day(date(2027, 3, 17))
    july = Timeline.around(date(2027, 7, 10))
    assert july.now == july.end and july.end.month == 6
    assert Timeline.around(date(2026, 12, 3)).start == date(2026, 8, 10)


def test_earlier_years_keep_to_school_days(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "big.iltdesk", PASS) as journal:
        build_demo(journal, entries=600, today=DAYS["march"])
        for table, column in EVENT_DATES[:5]:
            for day in _dates(journal, table, column):
                assert is_school_day(day), (table, column, day)


def _all_texts(journal: Journal) -> Iterator[str]:
    columns = {
        "one_on_one": ("notes", "feedback_given"),
        "agenda_item": ("text", "notes"),
        "action_item": ("text",),
        "observation": ("evidence", "feedback", "action_step"),
        "cycle_activity": ("title", "notes"),
        "challenge_log_entry": ("text",),
        "meeting_feedback": ("plus", "delta", "response"),
        "leadership_note": ("text",),
        "charter_version": ("norms", "commitments", "why"),
        "ilt_meeting": ("title", "artifacts", "private_notes"),
        "ilt_meeting_section": ("notes",),
        "ilt_agenda_item": ("text", "notes"),
        "difficult_conversation": ("goal", "opening_words", "debrief"),
        "team_intervention": ("what", "why", "what_followed"),
    }
    for table, names in columns.items():
        for row in journal.execute(f"SELECT {', '.join(names)} FROM {table}"):
            yield from (str(value) for value in row if value)
