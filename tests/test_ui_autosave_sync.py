"""The autosave's writes and commits run on the journal's committer thread: handed over without
waiting, "All changes saved" only once the commit is done, a commit that fails keeps the text
and says so, and quitting waits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, words_for_new_pages
from ui.kit.context import AppContext
from ui.lead.one_on_ones.editor import OneOnOneEditor
from ui.lead.page import ONE_ON_ONES
from ui.shell.main_window import MainWindow

FULL = "Not saved: The disk is full, so the last change was not saved."
NO_LIMIT = 1_073_741_823


def _open(qtbot: QtBot, journal: Journal, meeting_lead: int) -> tuple[MainWindow, OneOnOneEditor]:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)  # closed (flushing and releasing) before the journal closes
    window.show()
    window.sidebar.select_lead(meeting_lead)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    editor = window.lead_page.one_on_ones.editor
    assert editor.meeting is not None
    return window, editor


def _a_one_on_one(journal: Journal) -> tuple[int, int]:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, lead).id or 0
    save_one_on_one(journal, meeting, notes="")
    return lead, meeting


def _type_at_end(qtbot: QtBot, editor: OneOnOneEditor, text: str) -> None:
    editor.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.notes, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.notes, text)


def test_a_save_is_announced_only_once_its_commit_is_done(qtbot: QtBot, journal: Journal) -> None:
    lead, meeting = _a_one_on_one(journal)
    window, editor = _open(qtbot, journal, lead)
    window.save_state.setText("")
    seen: list[tuple[bool, str]] = []
    # At the moment of saying so: no transaction left open, and the words in the journal.
    window.context.saved.connect(
        lambda: seen.append(
            (journal.connection.in_transaction, get_one_on_one(journal, meeting).notes)
        )
    )
    _type_at_end(qtbot, editor, "Release time for SLO data")
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=10_000)
    assert seen and seen[0][0] is False
    assert "Release time for SLO data" in seen[-1][1]
    assert not editor.autosaver.dirty


def test_a_commit_that_fails_keeps_the_text_dirty_says_so_and_the_retry_saves_it(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead, meeting = _a_one_on_one(journal)
    monkeypatch.setattr("ui.kit.context.RETRY_MS", 200)
    window, editor = _open(qtbot, journal, lead)
    journal.execute("VACUUM")  # no free page left for the index to take
    journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = journal.execute("PRAGMA page_count")[0][0]
    # The 1:1's row still fits, but the search index's new pages do not: the commit fails.
    journal.execute(f"PRAGMA max_page_count = {pages}")
    words = words_for_new_pages()
    last = words.split()[-1]
    editor.notes.moveCursor(QTextCursor.MoveOperation.End)
    editor.notes.textCursor().insertText(words)  # pasted
    qtbot.keyClicks(editor.notes, " typed")
    qtbot.waitUntil(lambda: window.save_state.text().startswith(FULL), timeout=10_000)
    assert editor.autosaver.dirty
    assert f"{last} typed" in editor.notes.markdown()
    assert last not in get_one_on_one(journal, meeting).notes
    journal.execute(f"PRAGMA max_page_count = {NO_LIMIT}")
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=10_000)
    assert not editor.autosaver.dirty
    assert f"{last} typed" in get_one_on_one(journal, meeting).notes


def test_quitting_right_after_a_save_waits_for_its_commit(
    qtbot: QtBot, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.create(journal_path, PASSPHRASE)
    lead, meeting = _a_one_on_one(journal)
    monkeypatch.setattr("ui.kit.context.SAVE_DELAY_MS", 1)
    window, editor = _open(qtbot, journal, lead)
    _type_at_end(qtbot, editor, "The last words before quitting")
    # The timer's save has handed its commit to the committer (perhaps not yet finished).
    qtbot.waitUntil(lambda: not editor.autosaver._edited, timeout=10_000)
    assert window.close()
    journal.close()
    assert not Path(f"{journal_path}-wal").exists()
    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert "The last words before quitting" in get_one_on_one(reopened, meeting).notes


def test_the_timer_save_writes_off_the_ui_thread_even_while_the_journal_is_held(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup (or anything else) holding the journal does not hold up typing: the save is
    handed over at once, written once the journal is free, and only then said to be saved."""
    lead, meeting = _a_one_on_one(journal)
    window, editor = _open(qtbot, journal, lead)
    written_on: list[str] = []
    write = save_one_on_one

    def recorded(*args: object, **kwargs: object) -> object:
        written_on.append(threading.current_thread().name)
        return write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("iltdesk.one_on_one.save_one_on_one", recorded)
    handed_while_held: list[bool] = []
    defer = journal.defer
    held, release, released = threading.Event(), threading.Event(), threading.Event()

    def handed(*args: object) -> object:
        handed_while_held.append(held.is_set() and not released.is_set())
        return defer(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(journal, "defer", handed)

    def hold() -> None:
        with journal.raw():
            held.set()
            release.wait(30)
        released.set()

    qtbot.wait(300)  # painted: the list reads its rows' previews from the journal once
    window.save_state.setText("")
    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        _type_at_end(qtbot, editor, "Typed while a backup holds the journal")
        qtbot.waitUntil(lambda: bool(handed_while_held), timeout=10_000)
        qtbot.keyClicks(editor.notes, ", and on")  # the window still takes keys
        assert window.save_state.text() != "All changes saved" and editor.autosaver.dirty
    finally:
        release.set()
        holder.join()
    assert handed_while_held[0] is True
    qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=10_000)
    qtbot.waitUntil(lambda: not editor.autosaver.dirty, timeout=10_000)
    notes = get_one_on_one(journal, meeting).notes
    assert "Typed while a backup holds the journal, and on" in notes
    assert written_on and set(written_on) == {"iltdesk-commit"}
    assert editor.meeting is not None and editor.meeting.notes == notes  # the saved record
