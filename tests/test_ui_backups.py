"""Automatic backups in the app: taken after unlock, listed in Settings, restored from there."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead, lead_summaries
from iltdesk.store.backups import backups_dir, check, rotation
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.dialogs import Shown, record_boxes
from tests.keys import Keys, press_button
from tests.test_rotation import read_only_folder
from ui.journal import measured
from ui.journal.settings_dialog import SettingsDialog
from ui.kit.context import AppContext
from ui.kit.roles import RECORD
from ui.shell.app import AppController
from ui.shell.automatic_backup import AutomaticBackup
from ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Message boxes answer at once and are recorded."""
    return record_boxes(monkeypatch)


def _confirm_restores(monkeypatch: pytest.MonkeyPatch, boxes: Shown) -> None:
    """ "Restore the backup…?" is answered Yes (and recorded with the other boxes)."""

    def question(_parent: object, title: str, text: str, *_: object) -> object:
        boxes.append(("question", title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)


def _names(journal: Journal) -> list[str]:
    return sorted(s.name for s in lead_summaries(journal))


def _automatic(journal: Journal) -> list[Path]:
    folder = rotation.backup_folder(journal)
    return [path for _, path in rotation.automatic_backups(folder, journal.path.stem)]


def _unlocked(
    qtbot: QtBot, journal: Journal, secret: str | None = PASSPHRASE
) -> tuple[AppController, MainWindow, AutomaticBackup]:
    """The window as an unlock shows it: with the passphrase that unlocked the journal, so the
    day's backup is keyed ahead and copied in steps (``secret=None``: the fallback)."""
    controller = AppController()
    controller.show_main(journal, secret)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    job = window.findChild(AutomaticBackup)
    assert job is not None
    return controller, window, job


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day's backup starts at the next turn of the event loop instead of 45 s later."""
    monkeypatch.setattr("ui.shell.automatic_backup.DELAY_MS", 0)


def _settle(qtbot: QtBot, job: AutomaticBackup) -> None:
    qtbot.waitUntil(lambda: job.state not in ("idle", "waiting", "running"), timeout=60_000)


def test_after_unlock_a_backup_is_taken_when_the_last_is_from_an_earlier_day(
    qtbot: QtBot, journal: Journal, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    old = rotation.take(journal, datetime.now() - timedelta(days=2)).path
    _, window, job = _unlocked(qtbot, journal)
    _settle(qtbot, job)
    assert job.state == "done"
    said = window.statusBar().currentMessage()
    assert re.search(r"written and checked \([\d.,]+ MB in \d+\.\d s, [\d.,]+ MB/s\)\.", said)
    newest = _automatic(journal)[0]
    assert newest != old and old.exists()
    assert boxes == []  # quietly: nothing modal
    window.close()
    journal.close()
    with Journal.open(newest, PASSPHRASE) as copy:
        assert _names(copy) == ["Maya Ortiz"]


def test_after_unlock_no_backup_when_one_is_from_today_or_they_are_off(
    qtbot: QtBot, journal: Journal
) -> None:
    rotation.take(journal, datetime.now())
    _, window, job = _unlocked(qtbot, journal)
    _settle(qtbot, job)
    assert job.state == "not due"
    window.close()
    rotation.set_enabled(journal, False)
    for path in _automatic(journal):
        path.unlink()
    _, window, job = _unlocked(qtbot, journal)
    _settle(qtbot, job)
    assert job.state == "not due" and _automatic(journal) == []
    window.close()


def test_the_backup_waits_for_the_window_to_settle_and_not_for_a_locked_journal(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.shell.automatic_backup.DELAY_MS", 300)
    add_lead(journal, "Maya Ortiz")
    _, window, job = _unlocked(qtbot, journal)
    assert job.state == "waiting" and _automatic(journal) == []  # unlocking is not slowed
    _settle(qtbot, job)
    assert job.state == "done" and len(_automatic(journal)) == 1
    window.close()

    for path in _automatic(journal):
        path.unlink()
    folder = rotation.backup_folder(journal)
    _, window, job = _unlocked(qtbot, journal)
    window.close()  # quit before the backup was due to start: it is taken then
    journal.close()
    assert job.state == "done" and len(rotation.automatic_backups(folder, journal.path.stem)) == 1
    assert list(folder.glob(".iltdesk-*")) == []


def test_a_read_only_backup_folder_says_so_and_the_app_keeps_working(
    qtbot: QtBot, journal: Journal, tmp_path: Path, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    with read_only_folder(tmp_path / "locked") as locked:
        rotation.set_folder(journal, locked)
        _, window, job = _unlocked(qtbot, journal)
        _settle(qtbot, job)
        assert job.state == "failed"
        message = window.statusBar().currentMessage()
        assert "Automatic backup not written" in message and str(locked) in message
        assert "journal is unchanged" in message
        assert boxes == [] and QApplication.activeModalWidget() is None
        assert not window.context.journal.closed
        daniel = add_lead(window.context.journal, "Daniel Kim").id or 0
        window.sidebar.reload()
        window.sidebar.select_lead(daniel)
        assert window.lead_page.lead is not None and window.lead_page.lead.name == "Daniel Kim"
        dialog = SettingsDialog(window.context, window)
        dialog.backups.back_up_now()  # asked for by hand: a warning, the panel says why
        assert [b[:2] for b in boxes] == [("warning", "Backup failed")]
        assert "Not backed up" in dialog.backups.status.text()
        assert list(locked.iterdir()) == []
    assert check(journal).ok and _names(journal) == ["Daniel Kim", "Maya Ortiz"]
    window.close()


def test_back_up_now_lists_a_checked_backup(qtbot: QtBot, journal: Journal) -> None:
    dialog = SettingsDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    panel = dialog.backups
    assert panel.list.topLevelItemCount() == 0 and "No backups yet" in panel.status.text()
    assert panel.automatic.isChecked() and not panel.restore_button.isEnabled()
    assert panel.folder.text() == str(backups_dir(journal.path))
    panel.back_up_now()
    assert panel.list.topLevelItemCount() == 1
    item = panel.list.topLevelItem(0)
    assert item is not None and item.text(0).startswith("Today, ") and item.text(2) == "Automatic"
    assert item.isSelected() and panel.restore_button.isEnabled()
    assert "Backed up and checked" in panel.status.text()
    assert Path(item.data(0, RECORD)) == _automatic(journal)[0]
    panel.automatic.setChecked(False)
    assert not rotation.is_enabled(journal)


def test_back_up_now_from_the_keyboard_shows_how_far_and_then_how_fast(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels: list[str] = []  # what the bar's label said, as it said it
    told = measured.progress_text

    def said(*args: Any) -> str:
        labels.append(told(*args))
        return labels[-1]

    monkeypatch.setattr(measured, "progress_text", said)
    dialog = SettingsDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press_button(Keys(), "Back up now")  # the bar comes and goes by itself
    assert labels and labels[-1].startswith("Writing and checking the backup… 100% (")
    assert all(re.match(r"Writing and checking the backup… \d+% \([\d.,]+ of ", t) for t in labels)
    status = dialog.backups.status.text()
    assert re.fullmatch(
        r"Backed up and checked \([\d.,]+ MB in \d+\.\d s, [\d.,]+ MB/s\)\.", status
    )
    assert dialog.backups.list.topLevelItemCount() == 1


def test_a_refused_backup_setting_is_said_in_the_status_bar_and_the_box_goes_back(
    qtbot: QtBot, journal_path: Path, journal: Journal, boxes: Shown
) -> None:
    journal.close()
    read_only = Journal.open(journal_path, PASSPHRASE, read_only=True)  # every write refused
    window = MainWindow(AppContext(read_only))
    qtbot.addWidget(window)
    window.show()
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    panel = dialog.backups
    assert f"last {rotation.KEEP_DAILY} days and {rotation.KEEP_WEEKLY} weeks" in " ".join(
        label.text().replace("\n", " ") for label in panel.findChildren(QLabel)
    )
    was = panel.automatic.isChecked()
    for _ in range(60):
        if QApplication.focusWidget() is panel.automatic:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(panel.automatic, Qt.Key.Key_Space)
    assert window.save_state.text().startswith("Not changed: ")
    assert panel.automatic.isChecked() == was and boxes == []  # the one way: no box
    dialog.close()
    window.close()
    read_only.close()


def test_restoring_from_the_list_brings_back_the_old_journal(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    rotation.take(journal, datetime.now() - timedelta(days=3))
    add_lead(journal, "Daniel Kim")  # written after the backup: the restore takes it away
    path = journal.path
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []

    def passphrase(_parent: QWidget, _title: str, label: str, *_: object) -> tuple[str, bool]:
        asked.append(label)
        return PASSPHRASE, True

    def choose_and_restore(dialog: SettingsDialog) -> int:
        panel = dialog.backups
        rows = [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())]
        automatic = next(r for r in rows if r is not None and r.text(2) == "Automatic")
        panel.list.setCurrentItem(automatic)
        panel.restore_selected()
        return int(dialog.result())

    monkeypatch.setattr(QInputDialog, "getText", passphrase)
    monkeypatch.setattr(SettingsDialog, "exec", choose_and_restore)
    _confirm_restores(monkeypatch, boxes)
    window.open_settings()

    assert len(asked) == 1 and "(automatic)" in asked[0]  # nothing remembered: asked once
    assert [b[:2] for b in boxes] == [
        ("question", "Restore a backup?"),
        ("information", "Restored"),
    ]
    assert "(automatic)" in boxes[0][2] and "Before a restore" in boxes[0][2]
    assert journal.closed and window.context.journal is not journal
    assert _names(window.context.journal) == ["Maya Ortiz"]
    window.close()
    window.context.journal.close()
    with Journal.open(path, PASSPHRASE) as reopened:
        assert _names(reopened) == ["Maya Ortiz"]
    kept = [e for e in rotation.list_backups(path) if e.kind == "before-restore"]
    assert len(kept) == 1
    with Journal.open(kept[0].path, PASSPHRASE) as before:
        assert _names(before) == ["Daniel Kim", "Maya Ortiz"]


def test_a_wrong_passphrase_for_a_backup_changes_nothing_and_the_journal_stays_open(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    rotation.take(journal, datetime.now() - timedelta(days=1))
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    locks: list[bool] = []
    window.lock_requested.connect(lambda: locks.append(True))
    asked: list[str] = []

    def wrong(_parent: QWidget, _title: str, label: str, *_: object) -> tuple[str, bool]:
        asked.append(label)
        return "not the passphrase", True

    monkeypatch.setattr(QInputDialog, "getText", wrong)
    _confirm_restores(monkeypatch, boxes)
    dialog = SettingsDialog(window.context, window)
    dialog.journal_replaced.connect(window.replace_journal)
    dialog.needs_unlock.connect(window.lock_requested.emit)
    first = dialog.backups.list.topLevelItem(0)
    assert first is not None
    dialog.backups.list.setCurrentItem(first)
    dialog.backups.restore_selected()
    assert [b[:2] for b in boxes[1:]] == [("warning", "Not restored")]
    assert "passphrase the journal had when the backup was made" in boxes[1][2]
    assert "not changed" in boxes[1][2]
    assert len(asked) == 3 and "try again" in asked[1]  # asked as often as a terminal asks
    # The backup never opened, so the journal was never closed: no need to unlock again.
    assert locks == [] and not journal.closed and window.context.journal is journal
    assert [e.kind for e in rotation.list_backups(journal.path)] == ["automatic"]  # none set aside
    assert _names(journal) == ["Maya Ortiz"]
    window.close()
    journal.close()


def test_a_damaged_backup_is_refused_and_the_journal_carries_on_open(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, boxes: Shown
) -> None:
    add_lead(journal, "Maya Ortiz")
    damaged = rotation.take(journal, datetime.now() - timedelta(days=1)).path
    with damaged.open("r+b") as copy:
        copy.seek(PAGE_SIZE + 200)
        copy.write(b"\x00" * 32)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    locks: list[bool] = []
    window.lock_requested.connect(lambda: locks.append(True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_: (PASSPHRASE, True))
    _confirm_restores(monkeypatch, boxes)
    dialog = SettingsDialog(window.context, window)
    dialog.journal_replaced.connect(window.replace_journal)
    dialog.needs_unlock.connect(window.lock_requested.emit)
    first = dialog.backups.list.topLevelItem(0)
    assert first is not None
    dialog.backups.list.setCurrentItem(first)
    dialog.backups.restore_selected()
    assert [b[:2] for b in boxes[1:]] == [("warning", "Not restored")]
    assert "is damaged" in boxes[1][2] and "This backup was not restored" in boxes[1][2]
    assert "not changed" in boxes[1][2]
    assert locks == []  # refused before the journal was closed: no need to unlock again
    reopened = window.context.journal
    assert reopened is journal and not reopened.closed
    assert _names(reopened) == ["Maya Ortiz"]
    assert [e.kind for e in rotation.list_backups(reopened.path)] == ["automatic"]
    window.close()
    reopened.close()


def _names_in_newest_backup(window: MainWindow, journal: Journal) -> list[str]:
    """Close the window and the journal, as quitting does, and read the newest backup."""
    newest = _automatic(journal)[0]
    window.close()
    journal.close()
    with Journal.open(newest, PASSPHRASE) as copy:
        return _names(copy)


def test_without_the_passphrase_the_backup_is_still_taken(qtbot: QtBot, journal: Journal) -> None:
    add_lead(journal, "Maya Ortiz")
    _, window, job = _unlocked(qtbot, journal, secret=None)  # e.g. a journal just created
    _settle(qtbot, job)
    assert job.state == "done"
    assert _names_in_newest_backup(window, journal) == ["Maya Ortiz"]


def _slow_copy(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, journal: Journal) -> None:
    """One page per step, 20 ms between steps: the copy of even a small journal lasts long
    enough to act during (~1.5 s), also on a loaded machine (2 ms ran out once under load)."""
    monkeypatch.setattr("iltdesk.store.journal.COPY_STEP_PAGES", 1)
    monkeypatch.setattr("iltdesk.store.journal.COPY_TURN_S", 0.02)
    for n in range(40):
        add_lead(journal, f"Lead {n:02}", role="Team lead", notes="Background. " * 200)


def _skip_while_copying(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, MainWindow, AutomaticBackup]:
    """Unlock, wait for the day's copy to run, then lock: the window lets go and its backup
    window comes up, where the principal skips (Escape)."""
    _slow_copy(monkeypatch, qtbot, journal)
    folder = rotation.backup_folder(journal)
    _, window, job = _unlocked(qtbot, journal)
    qtbot.waitUntil(lambda: journal._copying, timeout=30_000)
    QTimer.singleShot(50, lambda: qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape))
    window.release()
    return folder, window, job


def test_writing_goes_on_while_the_days_backup_is_copied(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_copy(monkeypatch, qtbot, journal)
    _, window, job = _unlocked(qtbot, journal)
    qtbot.waitUntil(lambda: journal._copying, timeout=30_000)
    add_lead(window.context.journal, "Added During The Copy")  # a step's wait, not the copy's
    assert job.state == "running" and journal._copying
    _settle(qtbot, job)
    assert job.state == "done"
    assert "Added During The Copy" in _names_in_newest_backup(window, journal)


def test_locking_during_the_copy_stops_it_quietly_and_leaves_nothing(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, window, job = _skip_while_copying(qtbot, journal, monkeypatch)
    journal.close()  # what locking does after the window lets go
    qtbot.waitUntil(lambda: job.state != "running", timeout=30_000)
    assert job.state == "idle" and "backup" not in window.statusBar().currentMessage()
    assert list(folder.glob(".iltdesk-*")) == []
    assert rotation.automatic_backups(folder, journal.path.stem) == []
    window.close()
    with Journal.open(journal.path, PASSPHRASE) as reopened:
        assert len(_names(reopened)) == 40


def test_skipping_the_days_backup_stops_its_copy_and_the_next_unlock_takes_it(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, window, job = _skip_while_copying(qtbot, journal, monkeypatch)
    # ...and the copy stops there, the journal still open: skipping cancelled it.
    qtbot.waitUntil(lambda: job.state != "running", timeout=30_000)
    assert not journal.closed and not journal._copying
    assert job.state == "idle" and "backup" not in window.statusBar().currentMessage()
    assert list(folder.glob(".iltdesk-*")) == []
    assert rotation.automatic_backups(folder, journal.path.stem) == []
    assert rotation.due(journal, datetime.now())
    window.close()
    _, again, next_job = _unlocked(qtbot, journal)  # the next unlock
    _settle(qtbot, next_job)
    assert next_job.state == "done"
    assert len(_names_in_newest_backup(again, journal)) == 40


def test_a_signal_before_the_backup_starts_drops_the_keyed_file(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.shell.automatic_backup.DELAY_MS", 60_000)
    monkeypatch.setattr("ui.shell.automatic_backup.PREPARE_AFTER_MS", 0)
    monkeypatch.setattr("ui.shell.automatic_backup.QUICK_WAIT_S", 0)  # no time left at all
    _slow_copy(monkeypatch, qtbot, journal)
    folder = rotation.backup_folder(journal)
    controller, window, _ = _unlocked(qtbot, journal)
    qtbot.waitUntil(lambda: len(list(folder.glob(".iltdesk-*.tmp"))) == 1, timeout=10_000)
    controller.close_journal(True)  # what SIGTERM does: save, a bounded wait, close
    assert journal.closed and list(folder.glob(".iltdesk-*")) == []
    assert rotation.automatic_backups(folder, journal.path.stem) == []
    window.close()
