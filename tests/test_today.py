"""Today's rows on real encrypted journals: overdue and due-soon action items, leads to meet."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk.action_item import add_action_item, set_done
from iltdesk.lead import add_lead, get_lead, set_archived
from iltdesk.models import ActionItem, Author
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from iltdesk.today import TodayRow, Urgency, today_rows

TODAY = date(2025, 3, 12)  # a Wednesday
OVERDUE = "Overdue action items"
DUE = "Due this week"
MEET = "Leads to meet"


def _days(n: int) -> date:
    return TODAY + timedelta(days=n)


def _lead(journal: Journal, name: str, *, since: date | None = TODAY, cadence: int = 14) -> int:
    """A lead who joined the ILT on ``since`` (by default today, so no 1:1 is due yet)."""
    lead = add_lead(journal, name, on_ilt_since=since, cadence_days=cadence)
    assert lead.id is not None
    return lead.id


def _item(
    journal: Journal, lead_id: int, text: str, due: date | None, owner: Author = Author.lead
) -> int:
    item = add_action_item(journal, lead_id, text, owner=owner, due_on=due)
    assert item.id is not None
    return item.id


def _met(journal: Journal, lead_id: int, on: date) -> None:
    # A 1:1 counts once it holds something (tests/test_empty_meeting.py): notes here.
    meeting = start_one_on_one(journal, lead_id, held_on=on)
    save_one_on_one(journal, meeting.id or 0, notes="We met.")


# -- action items -----------------------------------------------------------------------------


def test_overdue_open_items_show_with_their_day_count(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    one = _item(journal, lead_id, "Share SLO draft", _days(-1))
    three = _item(journal, lead_id, "Book coverage", _days(-3), Author.principal)

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            OVERDUE, Urgency.overdue, "Book coverage", "3 days overdue · yours",
            "action_item", three, lead_id, "Maria Lopez", _days(-3),
        ),
        TodayRow(
            OVERDUE, Urgency.overdue, "Share SLO draft", "1 day overdue · the lead's",
            "action_item", one, lead_id, "Maria Lopez", _days(-1),
        ),
    ]  # fmt: skip


def test_items_due_from_today_to_six_days_ahead_are_due_this_week(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    due_today = _item(journal, lead_id, "Send agenda", TODAY)
    due_tomorrow = _item(journal, lead_id, "Observe PLC", _days(1), Author.principal)
    due_sixth = _item(journal, lead_id, "Co-plan data meeting", _days(6), Author.both)
    _item(journal, lead_id, "Next week's thing", _days(7))
    _item(journal, lead_id, "Someday", None)

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            DUE, Urgency.due_soon, "Send agenda", "due today · the lead's",
            "action_item", due_today, lead_id, "Maria Lopez", TODAY,
        ),
        TodayRow(
            DUE, Urgency.due_soon, "Observe PLC", "due tomorrow · yours",
            "action_item", due_tomorrow, lead_id, "Maria Lopez", _days(1),
        ),
        TodayRow(
            DUE, Urgency.due_soon, "Co-plan data meeting", "due Tue 18 Mar · shared",
            "action_item", due_sixth, lead_id, "Maria Lopez", _days(6),
        ),
    ]  # fmt: skip
    # A day later the 7-days-ahead item enters the week and today's item is 1 day overdue.
    later = today_rows(journal, _days(1))
    assert [(r.section, r.title) for r in later] == [
        (OVERDUE, "Send agenda"),
        (DUE, "Observe PLC"),
        (DUE, "Co-plan data meeting"),
        (DUE, "Next week's thing"),
    ]
    assert later[0].detail == "1 day overdue · the lead's"
    assert later[1].detail == "due today · yours"


def test_done_items_never_appear(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    late_done = _item(journal, lead_id, "Late but done", _days(-5))
    soon_done = _item(journal, lead_id, "Done early", _days(2))
    set_done(journal, late_done, True, on=_days(-1))
    set_done(journal, soon_done, True, on=TODAY)
    _item(journal, lead_id, "Still open", _days(-2))

    rows = today_rows(journal, TODAY)

    assert [(r.section, r.title) for r in rows] == [(OVERDUE, "Still open")]
    # Reopening brings it back.
    set_done(journal, late_done, False)
    assert [r.title for r in today_rows(journal, TODAY)] == ["Late but done", "Still open"]


def test_archived_leads_never_appear(journal: Journal) -> None:
    gone = _lead(journal, "Archie Gone", since=_days(-100), cadence=7)
    _item(journal, gone, "Archived overdue", _days(-3))
    _item(journal, gone, "Archived due soon", _days(1))
    _met(journal, gone, _days(-60))
    never_met = _lead(journal, "Never Met Gone", since=_days(-100))
    active = _lead(journal, "Maria Lopez")
    _item(journal, active, "Active overdue", _days(-3))
    set_archived(journal, gone, True, on=_days(-10))
    set_archived(journal, never_met, True, on=_days(-10))

    rows = today_rows(journal, TODAY)

    assert [(r.section, r.title, r.lead_name) for r in rows] == [
        (OVERDUE, "Active overdue", "Maria Lopez")
    ]
    # Bringing the lead back makes all of them count again.
    set_archived(journal, gone, False)
    assert [(r.section, r.title) for r in today_rows(journal, TODAY)] == [
        (OVERDUE, "Archived overdue"),  # same day: "Archie Gone" sorts before "Maria Lopez"
        (OVERDUE, "Active overdue"),
        (DUE, "Archived due soon"),
        (MEET, "Archie Gone"),
    ]


# -- leads to meet ----------------------------------------------------------------------------


def test_leads_past_their_cadence_are_to_meet(journal: Journal) -> None:
    ana = _lead(journal, "Ana", since=_days(-200))
    ben = _lead(journal, "Ben", since=_days(-200))
    cal = _lead(journal, "Cal", since=_days(-200), cadence=7)
    dee = _lead(journal, "Dee", since=_days(-200), cadence=7)
    eve = _lead(journal, "Eve", since=_days(-200))
    _met(journal, ana, _days(-15))
    _met(journal, ben, _days(-14))  # exactly the cadence: not yet due
    _met(journal, cal, _days(-8))
    _met(journal, dee, _days(-7))
    _met(journal, eve, _days(-3))  # the latest 1:1 counts, not the older one
    _met(journal, eve, _days(-40))

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            MEET, Urgency.reminder, "Ana", "last 1:1 15 days ago (every 14 days planned)",
            "lead", ana, ana, "Ana", _days(-15),
        ),
        TodayRow(
            MEET, Urgency.reminder, "Cal", "last 1:1 8 days ago (every 7 days planned)",
            "lead", cal, cal, "Cal", _days(-8),
        ),
    ]  # fmt: skip


def test_leads_never_met_count_from_joining_the_ilt(journal: Journal) -> None:
    fay = _lead(journal, "Fay", since=_days(-15))
    _lead(journal, "Gus", since=_days(-14))  # exactly the cadence: not yet due
    hal = _lead(journal, "Hal", since=_days(-8), cadence=7)
    _lead(journal, "Ida", since=_days(-7), cadence=7)

    rows = today_rows(journal, TODAY)

    assert rows == [
        TodayRow(
            MEET, Urgency.reminder, "Fay", "no 1:1 recorded yet", "lead", fay, fay, "Fay", None
        ),
        TodayRow(
            MEET, Urgency.reminder, "Hal", "no 1:1 recorded yet", "lead", hal, hal, "Hal", None
        ),
    ]  # fmt: skip


def test_lead_without_join_date_counts_from_when_it_was_added(journal: Journal) -> None:
    _lead(journal, "Jo", since=None)
    now = date.today()

    assert today_rows(journal) == []
    assert today_rows(journal, now + timedelta(days=14)) == []
    assert [(r.title, r.detail) for r in today_rows(journal, now + timedelta(days=15))] == [
        ("Jo", "no 1:1 recorded yet")
    ]


# -- ordering and links -----------------------------------------------------------------------


def test_rows_sort_overdue_then_due_soon_then_reminders(journal: Journal) -> None:
    stale = _lead(journal, "Zed Stale", since=_days(-30))
    busy = _lead(journal, "Amy Busy")
    _item(journal, busy, "Soon later", _days(4))
    _item(journal, stale, "Soon first", _days(1))
    _item(journal, busy, "Slightly late", _days(-1))
    _item(journal, stale, "Very late", _days(-9))

    rows = today_rows(journal, TODAY)

    assert [(r.urgency, r.title) for r in rows] == [
        (Urgency.overdue, "Very late"),
        (Urgency.overdue, "Slightly late"),
        (Urgency.due_soon, "Soon first"),
        (Urgency.due_soon, "Soon later"),
        (Urgency.reminder, "Zed Stale"),
    ]
    assert [r.section for r in rows] == [OVERDUE, OVERDUE, DUE, DUE, MEET]


def test_each_row_points_at_its_real_record(journal: Journal) -> None:
    _lead(journal, "Filler One")
    _lead(journal, "Filler Two")
    lead_id = _lead(journal, "Maria Lopez", since=_days(-30))
    other_id = _lead(journal, "Dev Patel")
    _item(journal, other_id, "Dev's late item", _days(-2))
    late = _item(journal, lead_id, "Maria's late item", _days(-4))
    soon = _item(journal, lead_id, "Maria's soon item", _days(3))
    assert (lead_id, other_id) == (3, 4)

    rows = today_rows(journal, TODAY)

    assert [(r.record_kind, r.record_id, r.lead_id, r.lead_name) for r in rows] == [
        ("action_item", late, lead_id, "Maria Lopez"),
        ("action_item", 1, other_id, "Dev Patel"),
        ("action_item", soon, lead_id, "Maria Lopez"),
        ("lead", lead_id, lead_id, "Maria Lopez"),
    ]
    with journal.session() as s:
        for row in rows:
            if row.record_kind == "action_item":
                item = s.get(ActionItem, row.record_id)
                assert item is not None
                assert (item.text, item.lead_id, item.due_on) == (row.title, row.lead_id, row.when)
    lead = get_lead(journal, rows[-1].record_id)
    assert (lead.id, lead.name) == (rows[-1].lead_id, rows[-1].title)


def test_lists_show_dates_one_way() -> None:
    """One list-date format (iltdesk.dates.list_date): weekday, day and month this year,
    day, month and year for another year."""
    from iltdesk import dates

    assert dates.list_date(date(2025, 3, 18), TODAY) == "Tue 18 Mar"
    assert dates.list_date(date(2024, 12, 30), TODAY) == "30 Dec 2024"
    assert dates.DATE_FIELD_FORMAT == "ddd d MMM yyyy"
