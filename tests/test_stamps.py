"""Moments stored as integer milliseconds (``iltdesk.stamps``, the ORM's ``Instant``): what is
written reads back the same, a naive time is refused, and rows kept from before migration
0008 (a Trash entry's JSON) come back stored as numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError
from sqlmodel import col, select

from iltdesk import stamps, trash
from iltdesk.lead import add_lead
from iltdesk.models import Lead, TrashEntry
from iltdesk.models.base import utcnow
from iltdesk.one_on_one import delete_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal


def test_a_moment_is_whole_milliseconds_since_1970_utc() -> None:
    moment = datetime(2026, 12, 5, 9, 30, 1, 234567, tzinfo=UTC)
    assert stamps.to_stored(moment) == 1796463001234  # the microseconds past dropped
    assert stamps.from_stored(1796463001234) == moment.replace(microsecond=234000)
    paris = moment.astimezone(timezone(timedelta(hours=1)))
    assert stamps.to_stored(paris) == stamps.to_stored(moment)
    assert stamps.as_text(1796463001234) == "2026-12-05 09:30:01.234000"
    assert stamps.text_to_stored("2026-12-05 09:30:01.234567") == 1796463001235  # nearest
    with pytest.raises(ValueError):
        stamps.to_stored(datetime(2026, 12, 5))
    end_of_day = datetime.combine(moment.date(), datetime.max.time(), UTC)
    assert stamps.from_stored(stamps.to_stored(end_of_day)).date() == moment.date()


def test_the_orm_writes_numbers_and_reads_aware_times(journal: Journal) -> None:
    before = utcnow()
    lead = add_lead(journal, "Maria Lopez")
    ((created, kind),) = journal.execute("SELECT created_at, typeof(created_at) FROM lead")
    assert kind == "integer"
    with journal.session() as s:
        stored = s.exec(select(Lead)).one()
        assert stored.created_at == lead.created_at  # to the millisecond, as utcnow gives
        assert stored.created_at.tzinfo is not None
        assert before <= stored.created_at == stamps.from_stored(created)
        # A column compared with a time binds it as a number too.
        found = s.exec(select(Lead).where(col(Lead.created_at) >= before)).all()
        assert [x.id for x in found] == [lead.id]


def test_a_naive_time_is_refused(journal: Journal) -> None:
    with pytest.raises(StatementError), journal.write() as s:
        s.add(Lead(name="Ana Ruiz", created_at=datetime(2026, 1, 1)))


def test_a_trash_entry_kept_before_0008_comes_back_with_numbers(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez").id or 0
    meeting = start_one_on_one(journal, lead).id or 0
    save_one_on_one(journal, meeting, notes="We spoke of the timetable")
    (made,) = journal.execute("SELECT created_at FROM one_on_one")[0]
    delete_one_on_one(journal, meeting)
    with journal.write() as s:  # as a 0007 journal held it: every moment as text
        entry = s.exec(select(TrashEntry)).one()
        held = json.loads(entry.rows)
        for row in held["rows"]:
            values = row["values"]
            for name in stamps.COLUMNS & set(values):
                values[name] = stamps.as_text(values[name])
        entry.rows = json.dumps(held)
        s.add(entry)
    trash.restore(journal, entry.id or 0)
    kinds = journal.execute("SELECT DISTINCT typeof(created_at) FROM one_on_one")
    assert kinds == [("integer",)]
    assert journal.execute("SELECT created_at FROM one_on_one") == [(made,)]
