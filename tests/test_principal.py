"""The principal's own page, without a screen: her energy, her leadership journal, search, and
that no export ever reads either."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.errors import UsageError
from iltdesk.models import LeadershipNoteKind
from iltdesk.principal import (
    add_note,
    delete_energy,
    delete_note,
    edit_energy,
    edit_note,
    energy_history,
    energy_trend,
    leadership_notes,
    log_energy,
)
from iltdesk.record_kinds import RecordKind
from iltdesk.records import locate
from iltdesk.search import search
from iltdesk.store.journal import Journal

Q, R = LeadershipNoteKind.question, LeadershipNoteKind.realisation
DAY = date(2026, 11, 3)


def test_energy_is_logged_corrected_and_removed_oldest_first(journal: Journal) -> None:
    later = log_energy(journal, 2, "  Report cards week  ", on=DAY)
    earlier = log_energy(journal, 4, on=DAY - timedelta(days=10))
    assert [(c.checked_on, c.level) for c in energy_history(journal)] == [
        (DAY - timedelta(days=10), 4),
        (DAY, 2),
    ]
    assert energy_history(journal)[-1].note == "Report cards week"
    edit_energy(journal, later.id or 0, level=3, note="Better after the weekend", checked_on=DAY)
    assert energy_history(journal)[-1].level == 3
    delete_energy(journal, earlier.id or 0)
    assert [c.note for c in energy_history(journal)] == ["Better after the weekend"]
    with pytest.raises(UsageError, match="1 \\(depleted\\) to 5"):
        log_energy(journal, 6)
    with pytest.raises(UsageError):
        edit_energy(journal, later.id or 0, level=0, note="", checked_on=DAY)
    with pytest.raises(UsageError, match="no energy check"):
        delete_energy(journal, 999)


def test_the_trend_compares_with_a_month_ago_and_speaks_up_when_it_stays_low(
    journal: Journal,
) -> None:
    assert energy_trend(energy_history(journal)) == "No energy logged yet."
    log_energy(journal, 4, on=DAY - timedelta(days=40))
    assert energy_trend(energy_history(journal)).startswith("Your first check: 4 of 5, good")
    log_energy(journal, 3, on=DAY - timedelta(days=35))
    log_energy(journal, 2, on=DAY - timedelta(days=7))
    log_energy(journal, 2, on=DAY)
    sentence = energy_trend(energy_history(journal))
    assert sentence.startswith(
        f"Lower than a month ago: 2 of 5, strained, on 3 Nov 2026 (it was 3 on "
        f"{(DAY - timedelta(days=35)).day} Sep 2026)."
    )
    assert "thought partner" not in sentence  # two low checks are not yet a run
    log_energy(journal, 1, on=DAY + timedelta(days=1))
    assert "Your last 3 checks were low" in energy_trend(energy_history(journal))


def test_the_trend_without_a_month_of_checks_compares_with_the_one_before(
    journal: Journal,
) -> None:
    log_energy(journal, 2, on=DAY - timedelta(days=6))
    log_energy(journal, 4, on=DAY)
    assert energy_trend(energy_history(journal)).startswith("Higher than your check before")
    log_energy(journal, 4, on=DAY + timedelta(days=1))
    assert energy_trend(energy_history(journal)).startswith("The same as your check before")


def test_questions_and_realisations_newest_first_filtered_edited_and_deleted(
    journal: Journal,
) -> None:
    asked = add_note(journal, Q, "How do I drive the team without taking over?", noted_on=DAY)
    seen = add_note(journal, R, "Ask “tell me more” before I propose anything.", noted_on=DAY)
    older = add_note(journal, Q, "What is possible this year?", noted_on=DAY - timedelta(days=9))
    assert [n.id for n in leadership_notes(journal)] == [seen.id, asked.id, older.id]
    assert [n.id for n in leadership_notes(journal, Q)] == [asked.id, older.id]
    assert [n.id for n in leadership_notes(journal, R)] == [seen.id]
    edit_note(journal, older.id or 0, kind=R, text="  Less, done well.  ", noted_on=DAY)
    # Now dated the same day as the other realisation, and written later: first.
    assert [n.text for n in leadership_notes(journal, R)] == ["Less, done well.", seen.text]
    delete_note(journal, asked.id or 0)
    assert [n.id for n in leadership_notes(journal, Q)] == []
    with pytest.raises(UsageError, match="Write the question or realisation"):
        add_note(journal, Q, "   ")
    with pytest.raises(UsageError):
        edit_note(journal, seen.id or 0, kind=R, text="", noted_on=DAY)
    with pytest.raises(UsageError, match="no note in your leadership journal"):
        delete_note(journal, 999)


def test_search_finds_her_notes_and_energy_and_they_open_on_no_lead(journal: Journal) -> None:
    note = add_note(journal, R, "Stay on the balcony during data meetings", noted_on=DAY)
    check = log_energy(journal, 2, "Drained by the budget cuts", on=DAY)
    [hit] = search(journal, "balcony")
    assert (hit.kind, hit.record_id) == (RecordKind.LEADERSHIP_NOTE, note.id)
    [energy] = search(journal, "budget cuts")
    assert (energy.kind, energy.record_id) == (RecordKind.OWN_ENERGY, check.id)
    where = locate(journal, RecordKind.LEADERSHIP_NOTE, note.id or 0)
    assert where.lead_id is None and where.record_id == note.id
    edit_note(journal, note.id or 0, kind=R, text="Listen first, then direct", noted_on=DAY)
    assert search(journal, "balcony") == []
    delete_energy(journal, check.id or 0)
    assert search(journal, "budget") == []


PRIVATE = ("Am I holding the floor too long", "Exhausted after the board meeting")


def test_no_export_reads_her_energy_or_her_leadership_journal(
    qtbot: QtBot, journal: Journal
) -> None:
    """The cycle summary and the self-check report are built with her notes present: neither
    touches their tables, and none of her words appear."""
    from iltdesk.report import (
        DEFAULT_SECTIONS,
        PRIVATE_SECTIONS,
        ReportRequest,
        build_html,
        build_self_check_html,
    )
    from iltdesk.self_check import record_check
    from iltdesk.self_check_items import CURRENT_SET
    from tests.test_report import make_rich

    rich = make_rich(journal)
    record_check(journal, dict.fromkeys(CURRENT_SET.item_keys, 2))
    add_note(journal, Q, PRIVATE[0])
    log_energy(journal, 1, PRIVATE[1])
    statements: list[str] = []
    journal.connection.set_trace_callback(statements.append)
    try:
        everything = DEFAULT_SECTIONS | PRIVATE_SECTIONS
        reports = (
            build_html(journal, ReportRequest(rich.lead_id, (rich.cycle_id,), everything)),
            build_self_check_html(journal),
        )
    finally:
        journal.connection.set_trace_callback(None)
    assert statements, "the trace saw nothing: it would prove nothing"
    assert not [s for s in statements if "leadership_note" in s or "principal_energy" in s]
    assert "Tired after report cards" in reports[0]  # the lead's own energy is in it
    for report in reports:
        for words in PRIVATE:
            assert words not in report
