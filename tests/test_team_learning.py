"""The ILT's learning events and the school year's balance across the three strands, on real
encrypted journals that are closed and opened again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import FocusKind, LearningKind, LearningRole, PracticeKind
from iltdesk.practice import add_practice
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from iltdesk.team_learning import (
    Member,
    add_event,
    delete_event,
    event_strand,
    events,
    get_event,
    school_year,
    strand_balance,
    update_event,
    year_name,
)
from tests.conftest import PASSPHRASE

DAY = date(2026, 10, 14)


def test_a_pd_session_and_a_gathering_come_back_from_a_reopened_file(
    journal: Journal, journal_path: Path
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    jo = add_lead(journal, "Jo Park").id or 0
    sam = add_lead(journal, "Sam Lee").id or 0
    session = add_event(
        journal,
        LearningKind.pd_session,
        held_on=DAY,
        topic="Writing a dated reteach plan",
        led_by="Dr. Ames, district coach",
        goal="Every team leaves its data meeting with a reteach plan",
        strand=FocusKind.data,
        members=[Member(jo), Member(maya, LearningRole.led), Member(sam), Member(jo)],
    )
    gathering = add_event(
        journal,
        LearningKind.gathering,
        held_on=date(2026, 12, 3),
        members=[Member(maya, brought="Follow-through tracker"), Member(jo, brought="Calendar")],
    )
    journal.close()
    journal = Journal.open(journal_path, PASSPHRASE)
    try:
        newest, oldest = events(journal)
        assert (newest.id, oldest.id) == (gathering.id, session.id)
        assert oldest.led() == (maya,) and oldest.came() == (jo, sam)
        assert oldest.record.led_by == "Dr. Ames, district coach"
        assert oldest.record.strand == "data"
        assert newest.title == "Members share their tools"  # a gathering needs no topic
        assert {m.lead_id: m.brought for m in newest.members} == {
            maya: "Follow-through tracker",
            jo: "Calendar",
        }
        hits = search(journal, "reteach")
        assert [(h.kind, h.record_id) for h in hits] == [(RecordKind.LEARNING_EVENT, session.id)]
        assert events(journal, since=date(2026, 11, 1))[0].id == gathering.id
    finally:
        journal.close()


def test_a_pd_session_needs_a_topic_and_events_can_be_corrected(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    with pytest.raises(UsageError, match="topic"):
        add_event(journal, LearningKind.pd_session, topic=" ")
    with pytest.raises(UsageError, match="strand"):
        add_event(journal, LearningKind.office_hours, strand="gardening")
    row = add_event(journal, LearningKind.office_hours, members=[Member(maya, brought="x")])
    update_event(
        journal,
        row.id or 0,
        kind=LearningKind.office_hours,
        held_on=DAY,
        topic="",
        led_by="",
        goal="",
        strand="",
        notes="Drop-in",
        members=[Member(maya, brought="How to open a hard conversation")],
    )
    kept = get_event(journal, row.id or 0)
    assert kept.members == (Member(maya, LearningRole.came, "How to open a hard conversation"),)
    assert kept.title == "Office hours" and event_strand(kept.record) is None
    delete_event(journal, row.id or 0)
    assert events(journal) == []


def test_the_school_year_runs_august_to_july() -> None:
    assert school_year(date(2026, 8, 1)) == (date(2026, 8, 1), date(2027, 7, 31))
    assert school_year(date(2027, 7, 31)) == (date(2026, 8, 1), date(2027, 7, 31))
    assert year_name(date(2027, 3, 2)) == "2026–27"


def test_the_balance_counts_the_years_events_and_joint_practice_by_strand(
    journal: Journal,
) -> None:
    add_event(journal, LearningKind.pd_session, held_on=DAY, topic="Questioning")  # PL
    add_event(journal, LearningKind.gathering, held_on=DAY)  # PL
    add_event(journal, LearningKind.pd_session, held_on=DAY, topic="Trackers", strand="data")
    add_event(journal, LearningKind.office_hours, held_on=DAY)  # counts for none
    add_event(journal, LearningKind.pd_session, held_on=date(2026, 7, 31), topic="Last year")
    add_practice(journal, PracticeKind.calibration, happened_on=DAY, focus="Video")  # O&F
    add_practice(journal, PracticeKind.other, happened_on=DAY, focus="Lunch")  # none
    balance = strand_balance(journal, date(2027, 2, 1))
    assert (balance.start, balance.end) == (date(2026, 8, 1), date(2027, 7, 31))
    assert balance.counts == {
        FocusKind.data: 1,
        FocusKind.observation_feedback: 1,
        FocusKind.professional_learning: 2,
    }
    assert balance.hint is None  # a difference of one is balance enough
    add_event(journal, LearningKind.gathering, held_on=DAY)
    hint = strand_balance(journal, DAY).hint
    assert hint is not None
    assert hint.startswith("This year's learning leans on professional learning (3)")
    assert "gives data only 1" in hint
    assert strand_balance(journal, date(2026, 7, 1)).counts[FocusKind.professional_learning] == 1
    assert strand_balance(journal, date(2030, 1, 1)).hint is None
