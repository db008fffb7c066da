"""Correcting and removing reflection records: challenge log entries, tension notes, check-ins.

Each change is checked after closing and reopening the real encrypted file, and in search.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.challenge import add_challenge, delete_log_entry, edit_log_entry, log, log_entries
from iltdesk.errors import UsageError
from iltdesk.models import LogKind
from iltdesk.search import search
from iltdesk.self_check import check_ins, delete_check, record_check, revise_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from iltdesk.tension import add_note, delete_note, edit_note, notes_on
from tests.conftest import PASSPHRASE


def reopen(journal: Journal, path: Path) -> Journal:
    journal.close()
    return Journal.open(path, PASSPHRASE)


def kinds_found(journal: Journal, text: str) -> list[str]:
    return [hit.kind for hit in search(journal, text)]


def test_a_log_entry_is_corrected_in_place_and_in_search(
    journal: Journal, journal_path: Path
) -> None:
    challenge = add_challenge(journal, "Attendance after winter break")
    first = log(journal, challenge.id or 0, LogKind.decision, "Call families of absentees")
    later = log(journal, challenge.id or 0, LogKind.change, "Tardies down", on=date(2026, 3, 2))
    edit_log_entry(
        journal, first.id or 0, LogKind.learning, "I moved before asking", on=date(2026, 3, 9)
    )
    journal = reopen(journal, journal_path)
    try:
        entries = log_entries(journal, challenge.id or 0)
        assert [(e.id, e.kind, e.text, e.logged_on) for e in entries] == [
            (first.id, LogKind.learning, "I moved before asking", date(2026, 3, 9)),
            (later.id, LogKind.change, "Tardies down", date(2026, 3, 2)),
        ]
        assert kinds_found(journal, "absentees") == []
        assert kinds_found(journal, "asking") != []
    finally:
        journal.close()


def test_a_log_entry_cannot_be_emptied_and_deleting_removes_it(
    journal: Journal, journal_path: Path
) -> None:
    challenge = add_challenge(journal, "Attendance")
    entry = log(journal, challenge.id or 0, LogKind.decision, "Start a morning greeter rota")
    with pytest.raises(UsageError, match=r"A log entry cannot be empty; delete it instead\."):
        edit_log_entry(journal, entry.id or 0, LogKind.decision, "  ", on=date.today())
    delete_log_entry(journal, entry.id or 0)
    with pytest.raises(UsageError, match=rf"There is no log entry #{entry.id}\."):
        delete_log_entry(journal, entry.id or 0)
    journal = reopen(journal, journal_path)
    try:
        assert log_entries(journal, challenge.id or 0) == []
        assert kinds_found(journal, "greeter") == []
    finally:
        journal.close()


def test_a_tension_note_is_corrected_and_deleted(journal: Journal, journal_path: Path) -> None:
    kept = add_note(journal, "fast_slow", -1, note="Pilot first", noted_on=date(2026, 1, 5))
    gone = add_note(journal, "fast_slow", 1, note="Rush the rollout", noted_on=date(2026, 2, 5))
    edit_note(
        journal,
        kept.id or 0,
        2,
        first_pole_serves="when safety is at stake",
        second_pole_serves="when trust is thin",
        evidence="Two grade teams stalled",
        note="Slow down and listen",
        noted_on=date(2026, 1, 6),
    )
    with pytest.raises(UsageError, match="A leaning runs from -2"):
        edit_note(
            journal,
            kept.id or 0,
            3,
            first_pole_serves="",
            second_pole_serves="",
            evidence="",
            note="",
            noted_on=date(2026, 1, 6),
        )
    delete_note(journal, gone.id or 0)
    journal = reopen(journal, journal_path)
    try:
        [note] = notes_on(journal, "fast_slow")
        assert (note.id, note.leaning, note.noted_on) == (kept.id, 2, date(2026, 1, 6))
        assert (note.first_pole_serves, note.second_pole_serves, note.evidence, note.note) == (
            "when safety is at stake",
            "when trust is thin",
            "Two grade teams stalled",
            "Slow down and listen",
        )
        assert kinds_found(journal, "rollout") == []
        assert kinds_found(journal, "Pilot") == []
        assert kinds_found(journal, "stalled") != []
    finally:
        journal.close()


def ratings(value: int) -> dict[str, int]:
    return dict.fromkeys(CURRENT_SET.item_area, value)


def test_a_check_in_is_revised_whole(journal: Journal, journal_path: Path) -> None:
    area = next(iter(CURRENT_SET.item_area.values()))
    check = record_check(
        journal, ratings(1), notes={area: "Agendas arrive late"}, taken_on=date(2026, 1, 10)
    )
    changed = ratings(3) | {next(iter(CURRENT_SET.item_area)): 0}
    revise_check(
        journal,
        check.id or 0,
        changed,
        notes={area: "Agendas go out on Fridays"},
        taken_on=date(2026, 1, 12),
        taken_by="team",
    )
    journal = reopen(journal, journal_path)
    try:
        [entry] = check_ins(journal)
        assert (entry.check.id, entry.check.taken_on, entry.check.taken_by) == (
            check.id,
            date(2026, 1, 12),
            "team",
        )
        assert entry.answers == changed
        assert entry.notes == {area: "Agendas go out on Fridays"}
        assert kinds_found(journal, "Fridays") != []
        assert kinds_found(journal, "late") == []
    finally:
        journal.close()


def test_a_revision_needs_every_rating_and_leaves_the_check_in_as_it_was(
    journal: Journal,
) -> None:
    check = record_check(journal, ratings(2), taken_on=date(2026, 1, 10))
    partial = dict(list(ratings(4).items())[:3])
    with pytest.raises(UsageError, match=r"Rate every action before saving \(\d+ left\)."):
        revise_check(
            journal, check.id or 0, partial, notes={}, taken_on=date(2026, 2, 1), taken_by="team"
        )
    [entry] = check_ins(journal)
    assert entry.answers == ratings(2)
    assert entry.check.taken_on == date(2026, 1, 10)


def test_deleting_a_check_in_removes_its_ratings_and_notes(
    journal: Journal, journal_path: Path
) -> None:
    area = next(iter(CURRENT_SET.item_area.values()))
    kept = record_check(journal, ratings(2), taken_on=date(2026, 1, 10))
    gone = record_check(journal, ratings(4), notes={area: "Norms revisited"})
    delete_check(journal, gone.id or 0)
    journal = reopen(journal, journal_path)
    try:
        assert [e.check.id for e in check_ins(journal)] == [kept.id]
        rows = journal.execute(
            "SELECT count(*) FROM self_check_answer WHERE self_check_id = ?", (gone.id,)
        )
        assert rows == [(0,)]
        assert kinds_found(journal, "Norms") == []
    finally:
        journal.close()
