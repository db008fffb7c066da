"""Every indexed record's day beside the search index (``iltdesk.search_days``): kept in step
by triggers as records and their parents change, what search orders by, and checked."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from iltdesk import search_days
from iltdesk.models import AgendaItem, Lead, OneOnOne, TeacherTeam
from iltdesk.search import search
from iltdesk.search_index import CURRENT_SOURCES, KIND_SLOTS
from iltdesk.store.backups.integrity import check
from iltdesk.store.journal import Journal

EPOCH = date(1970, 1, 1).toordinal()
ONE_ON_ONE, AGENDA_ITEM, LEAD = (
    next(s.code for s in CURRENT_SOURCES if s.table == t)
    for t in ("one_on_one", "agenda_item", "lead")
)


def day_of(journal: Journal, record_id: int, code: int) -> int | None:
    rows = journal.execute(
        "SELECT day FROM search_day WHERE rowid = ?", (record_id * KIND_SLOTS + code,)
    )
    assert len(rows) == 1, "the record has no row beside the index"
    return None if rows[0][0] is None else int(rows[0][0])


def number(day: date) -> int:
    return day.toordinal() - EPOCH


def out_of_step(journal: Journal) -> list[str]:
    with journal.raw() as conn:
        return search_days.out_of_step(conn, CURRENT_SOURCES)


@pytest.fixture
def meetings(journal: Journal) -> tuple[Lead, OneOnOne, OneOnOne]:
    """A lead and two 1:1s, each with an agenda item about the rubric."""
    with journal.write() as s:
        lead = Lead(name="Dana Whitfield")
        s.add(lead)
        s.flush()
        older = OneOnOne(lead_id=lead.id, held_on=date(2025, 9, 2), notes="")
        newer = OneOnOne(lead_id=lead.id, held_on=date(2025, 10, 7), notes="")
        s.add_all([older, newer])
        s.flush()
        s.add_all(
            [
                AgendaItem(one_on_one_id=older.id, text="Rubric calibration, round one"),
                AgendaItem(one_on_one_id=newer.id, text="Rubric calibration, round two"),
            ]
        )
    return lead, older, newer


def items(journal: Journal) -> dict[int, int]:
    """Each agenda item's 1:1."""
    with journal.session() as s:
        return {i.id or 0: i.one_on_one_id for i in s.exec(select(AgendaItem))}


def test_every_record_has_its_own_day_or_its_parents(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    lead, older, newer = meetings
    assert day_of(journal, older.id or 0, ONE_ON_ONE) == number(date(2025, 9, 2))
    for item, meeting in items(journal).items():
        held = older.held_on if meeting == older.id else newer.held_on
        assert day_of(journal, item, AGENDA_ITEM) == number(held)
    # A lead who has not joined the ILT yet has no day, and a row all the same.
    assert day_of(journal, lead.id or 0, LEAD) is None
    assert out_of_step(journal) == []


def test_a_1_1_moved_to_another_day_takes_its_agenda_and_its_place_in_search(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    _, older, _ = meetings
    before = [h.happened_on for h in search(journal, "rubric")]
    assert before == [date(2025, 10, 7), date(2025, 9, 2)]
    journal.execute("UPDATE one_on_one SET held_on = '2025-11-04' WHERE id = ?", (older.id,))
    hits = search(journal, "rubric")
    assert [h.happened_on for h in hits] == [date(2025, 11, 4), date(2025, 10, 7)]
    assert "round one" in hits[0].title
    assert out_of_step(journal) == []


def test_an_item_moved_to_another_1_1_takes_its_day(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    _, older, newer = meetings
    first = min(items(journal))
    journal.execute("UPDATE agenda_item SET one_on_one_id = ? WHERE id = ?", (older.id, first))
    assert day_of(journal, first, AGENDA_ITEM) == number(older.held_on)
    journal.execute("UPDATE agenda_item SET one_on_one_id = ? WHERE id = ?", (newer.id, first))
    assert day_of(journal, first, AGENDA_ITEM) == number(newer.held_on)
    assert out_of_step(journal) == []


def test_a_deleted_record_and_its_deleted_children_leave_no_day(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    lead, older, _ = meetings
    journal.execute("DELETE FROM one_on_one WHERE id = ?", (older.id,))
    rowids = [int(r[0]) for r in journal.execute("SELECT rowid FROM search_day")]
    assert (older.id or 0) * KIND_SLOTS + ONE_ON_ONE not in rowids
    assert len([r for r in rowids if r % KIND_SLOTS == AGENDA_ITEM]) == 1
    journal.execute("DELETE FROM lead WHERE id = ?", (lead.id,))  # its 1:1s go with it
    assert journal.execute("SELECT count(*) FROM search_day") == [(0,)]
    assert out_of_step(journal) == []


def test_typing_into_a_note_leaves_the_days_alone(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    _, older, _ = meetings
    rowid = (older.id or 0) * KIND_SLOTS + ONE_ON_ONE
    journal.execute("UPDATE search_day SET day = 7 WHERE rowid = ?", (rowid,))
    journal.execute("UPDATE one_on_one SET notes = 'Talked rubrics' WHERE id = ?", (older.id,))
    # Not rewritten: only a change to what the day is read from touches the table.
    assert day_of(journal, older.id or 0, ONE_ON_ONE) == 7
    journal.execute("UPDATE one_on_one SET held_on = held_on WHERE id = ?", (older.id,))
    assert day_of(journal, older.id or 0, ONE_ON_ONE) == number(older.held_on)


def test_the_check_finds_days_missing_wrong_stale_or_unkept(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    _, older, newer = meetings
    journal.execute(
        "DELETE FROM search_day WHERE rowid = ?", ((older.id or 0) * KIND_SLOTS + ONE_ON_ONE,)
    )
    journal.execute(
        "UPDATE search_day SET day = 1 WHERE rowid = ?",
        ((newer.id or 0) * KIND_SLOTS + ONE_ON_ONE,),
    )
    journal.execute("INSERT INTO search_day VALUES (?, 3)", (999 * KIND_SLOTS + AGENDA_ITEM,))
    journal.execute("INSERT INTO search_day VALUES (?, 3)", (999 * KIND_SLOTS,))
    journal.execute("DROP TRIGGER search_day_agenda_item_via_one_on_one")
    found = out_of_step(journal)
    assert found == [
        "search days: 1 trigger(s) lost: search_day_agenda_item_via_one_on_one",
        "search days: 2 one_on_one day(s) missing or wrong",
        "search days: 1 agenda_item day(s) whose record is gone",
        "search days: 1 day(s) of no kind of record",
    ]
    report = check(journal)
    assert set(found) <= set(report.problems)


def test_a_team_without_a_day_is_found_last_among_equals(journal: Journal) -> None:
    with journal.write() as s:
        s.add(TeacherTeam(name="Grade 7 math", notes="Looking at exit tickets"))
        s.add(Lead(name="Ana Exit", on_ilt_since=date(2024, 8, 1), notes="exit tickets"))
    hits = search(journal, "exit")
    assert [h.happened_on for h in hits] == [date(2024, 8, 1), None]


def test_warming_reads_every_day_a_step_at_a_time(
    journal: Journal, meetings: tuple[Lead, OneOnOne, OneOnOne]
) -> None:
    rowids = [int(r[0]) for r in journal.execute("SELECT rowid FROM search_day ORDER BY 1")]
    assert len(rowids) == 5  # the lead, two 1:1s, two agenda items
    steps, after = [], -1
    while (went := search_days.warm_step(journal, after, rows=2)) is not None:
        steps.append(went)
        after = went
    assert steps == [rowids[1], rowids[3], rowids[4]]
