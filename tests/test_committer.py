"""Deferred saves (``Journal.defer``): the writes and the commit on the journal's committer
thread, handed over without waiting, in order, told once, and nothing lost on close or
failure."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from iltdesk.errors import DiskFull, JournalError, UsageError
from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.committer import Ticket
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, words_for_new_pages

WAIT_S = 30  # generous: the committer's fsync on a busy shared disk


def _meeting(journal: Journal) -> int:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    return start_one_on_one(journal, lead).id or 0


def _notes(journal: Journal, meeting: int) -> str:
    return get_one_on_one(journal, meeting).notes


def _defer(journal: Journal, meeting: int, text: str, told: list[Ticket]) -> Ticket:
    return journal.defer(lambda: save_one_on_one(journal, meeting, notes=text), told.append)


def test_a_deferred_save_is_written_and_committed_on_the_committer_thread_and_told_once(
    journal: Journal, journal_path: Path
) -> None:
    meeting = _meeting(journal)
    told: list[Ticket] = []
    threads: list[str] = []

    def save() -> str:
        threads.append(threading.current_thread().name)
        return save_one_on_one(journal, meeting, notes="Agreed on two goals").notes

    ticket = journal.defer(save, told.append)
    assert ticket.wait(WAIT_S) and ticket.ok
    assert threads == ["iltdesk-commit"] and ticket.result == "Agreed on two goals"
    assert told == [ticket]
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert _notes(reopened, meeting) == "Agreed on two goals"


def test_commits_stay_in_order(journal: Journal) -> None:
    meeting = _meeting(journal)
    told: list[Ticket] = []
    tickets = []
    for i in range(40):
        tickets.append(_defer(journal, meeting, f"edit {i}", told))
    journal.settle()
    assert all(t.ok for t in tickets)
    assert [t.number for t in told] == sorted(t.number for t in told)
    assert told == tickets
    assert _notes(journal, meeting) == "edit 39"


def test_the_next_use_of_the_journal_finishes_an_owed_commit_first(journal: Journal) -> None:
    meeting = _meeting(journal)
    ticket = _defer(journal, meeting, "Read back at once", [])
    assert _notes(journal, meeting) == "Read back at once"
    assert ticket.done and not journal.connection.in_transaction


def test_a_failed_commit_is_rolled_back_told_and_the_journal_goes_on(journal: Journal) -> None:
    meeting = _meeting(journal)
    save_one_on_one(journal, meeting, notes="first words")
    journal.execute("VACUUM")  # no free page left for the index to take
    journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = journal.execute("PRAGMA page_count")[0][0]
    journal.execute(f"PRAGMA max_page_count = {pages}")  # no room for the search index's pages
    told: list[Ticket] = []
    many = "first words " + words_for_new_pages()
    ticket = _defer(journal, meeting, many, told)  # the statement fits; the commit does not
    assert ticket.wait(WAIT_S)
    assert isinstance(ticket.error, DiskFull) and told == [ticket]
    assert _notes(journal, meeting) == "first words"
    journal.execute("PRAGMA max_page_count = 1073741823")
    again = _defer(journal, meeting, many, told)
    assert again.wait(WAIT_S) and again.ok
    assert _notes(journal, meeting) == many


def test_work_that_fails_changes_nothing_and_is_told(journal: Journal) -> None:
    meeting = _meeting(journal)

    def half_done() -> None:
        save_one_on_one(journal, meeting, notes="half")
        raise UsageError("no such thing")

    def faulty() -> None:
        save_one_on_one(journal, meeting, notes="half")
        raise KeyError("a bug")

    before = _notes(journal, meeting)  # the agenda's headings
    refused, crashed = (
        journal.defer(half_done, lambda t: None),
        journal.defer(faulty, lambda t: None),
    )
    assert refused.wait(WAIT_S) and isinstance(refused.error, UsageError) and not refused.ok
    assert crashed.wait(WAIT_S) and isinstance(crashed.crash, KeyError) and not crashed.ok
    assert not journal.connection.in_transaction
    assert _notes(journal, meeting) == before
    assert _defer(journal, meeting, "then this", []).wait(WAIT_S)
    assert _notes(journal, meeting) == "then this"


def test_a_journal_held_elsewhere_takes_the_save_at_once_and_writes_it_after(
    journal: Journal,
) -> None:
    meeting = _meeting(journal)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with journal.raw():
            held.set()
            release.wait(WAIT_S)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(WAIT_S)
        ran: list[int] = []
        ticket = journal.defer(lambda: ran.append(1), lambda ticket: None)  # never waits
        assert not ticket.wait(0.2) and ran == []
    finally:
        release.set()
        holder.join()
    assert ticket.wait(WAIT_S) and ticket.ok and ran == [1]
    assert _defer(journal, meeting, "now", []).wait(WAIT_S)


def test_work_runs_only_outside_another_transaction(journal: Journal) -> None:
    """Handed over while this thread is inside a transaction, the save waits for its end
    instead of running inside it (nested uses of the journal do not run owed work)."""
    meeting = _meeting(journal)
    with journal.transaction():
        journal.execute("UPDATE one_on_one SET notes = 'inside' WHERE id = ?", (meeting,))
        ticket = _defer(journal, meeting, "after", [])
        assert journal.execute("SELECT notes FROM one_on_one WHERE id = ?", (meeting,)) == [
            ("inside",)
        ]
    assert ticket.wait(WAIT_S) and ticket.ok
    assert _notes(journal, meeting) == "after"


def test_a_save_handed_over_as_the_journal_closes_is_told_it_was_not_kept(
    journal: Journal,
) -> None:
    meeting = _meeting(journal)
    journal.close()
    with pytest.raises(JournalError):
        _defer(journal, meeting, "too late", [])


def test_closing_finishes_the_owed_commit(journal: Journal, journal_path: Path) -> None:
    meeting = _meeting(journal)
    ticket = _defer(journal, meeting, "Typed just before quitting", [])
    journal.close()
    assert ticket.ok
    assert not any(t.name == "iltdesk-commit" for t in threading.enumerate())
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert _notes(reopened, meeting) == "Typed just before quitting"
    assert not Path(f"{journal_path}-wal").exists()
