"""Deferred commits (``Journal.defer``): the statements on the caller's thread, the commit on
the journal's committer thread, in order, told once, and nothing lost on close or failure."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from iltdesk.errors import DiskFull, UsageError
from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.committer import Ticket
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

WAIT_S = 30  # generous: the committer's fsync on a busy shared disk


def _meeting(journal: Journal) -> int:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    return start_one_on_one(journal, lead).id or 0


def _notes(journal: Journal, meeting: int) -> str:
    return get_one_on_one(journal, meeting).notes


def _defer(journal: Journal, meeting: int, text: str, told: list[Ticket]) -> Ticket:
    """Defer saving ``text``; while the journal is busy (the committer holds it for a moment
    after the last commit), finish what is owed and try again, as the autosave does."""
    for _ in range(10_000):
        ticket = journal.defer(lambda: save_one_on_one(journal, meeting, notes=text), told.append)
        if ticket is not None:
            return ticket
        journal.settle()
    raise AssertionError("the journal stayed busy")


def test_a_deferred_save_is_committed_on_the_committer_thread_and_told_once(
    journal: Journal, journal_path: Path
) -> None:
    meeting = _meeting(journal)
    told: list[Ticket] = []
    threads: list[str] = []

    def save() -> None:
        threads.append(threading.current_thread().name)
        save_one_on_one(journal, meeting, notes="Agreed on two goals")

    ticket = journal.defer(save, told.append)
    assert ticket is not None and threads == [threading.current_thread().name]
    assert ticket.wait(WAIT_S) and ticket.ok
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
    journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = journal.execute("PRAGMA page_count")[0][0]
    journal.execute(f"PRAGMA max_page_count = {pages}")  # no room for the search index's pages
    told: list[Ticket] = []
    many = "first words " + " ".join(f"w{i}x" for i in range(600))
    ticket = _defer(journal, meeting, many, told)  # the statement fits; the commit does not
    assert ticket.wait(WAIT_S)
    assert isinstance(ticket.error, DiskFull) and told == [ticket]
    assert _notes(journal, meeting) == "first words"
    journal.execute("PRAGMA max_page_count = 1073741823")
    again = _defer(journal, meeting, many, told)
    assert again.wait(WAIT_S) and again.ok
    assert _notes(journal, meeting) == many


def test_work_that_fails_changes_nothing_and_raises(journal: Journal) -> None:
    meeting = _meeting(journal)

    def half_done() -> None:
        save_one_on_one(journal, meeting, notes="half")
        raise UsageError("no such thing")

    before = _notes(journal, meeting)  # the agenda's headings
    with pytest.raises(UsageError):
        journal.defer(half_done, lambda ticket: None)
    assert not journal.connection.in_transaction
    assert _notes(journal, meeting) == before


def test_a_journal_held_elsewhere_defers_nothing(journal: Journal) -> None:
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
        assert journal.defer(lambda: ran.append(1), lambda ticket: None) is None
        assert ran == []
    finally:
        release.set()
        holder.join()
    assert _defer(journal, meeting, "now", []).wait(WAIT_S)


def test_closing_finishes_the_owed_commit(journal: Journal, journal_path: Path) -> None:
    meeting = _meeting(journal)
    ticket = _defer(journal, meeting, "Typed just before quitting", [])
    journal.close()
    assert ticket.ok
    assert not any(t.name == "iltdesk-commit" for t in threading.enumerate())
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert _notes(reopened, meeting) == "Typed just before quitting"
    assert not Path(f"{journal_path}-wal").exists()
