"""The app around the journal: create, unlock, lock, idle lock and the crash hook."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from iltdesk import crash_log, keychain
from iltdesk.errors import DiskFull
from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, start_one_on_one
from iltdesk.store.backups import check, rotation
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.dialogs import Shown, record_boxes
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.unlock import UnlockDialog
from ui.kit.context import AppContext
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.worker import Interrupted
from ui.lead.page import ONE_ON_ONES
from ui.shell import crash
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

TYPED = "maple river quiet lantern 42"  # ASCII: QTest cannot type anything else
TODAY = date.today()


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Message boxes answer at once and are recorded."""
    return record_boxes(monkeypatch)


def _disk_full(*_: object, **__: object) -> None:
    raise DiskFull("The disk is full, so the last change was not saved.")


def _type_into_unlock(passphrase: str) -> Callable[[UnlockDialog], int]:
    """UnlockDialog.exec as a person would use it: type the passphrase, press Unlock."""

    def unlock(self: UnlockDialog) -> int:
        self.passphrase.setText(passphrase)
        self.try_unlock()
        return self.result()

    return unlock


def _account(path: Path) -> tuple[str, str]:
    return ("iltdesk", str(path.resolve()))


def _labels(widget: QWidget) -> str:
    """Every label's text (the strength hint moves between helper widgets)."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- creating a journal ------------------------------------------------------------------------


def test_create_dialog_checks_the_passphrase_and_remembers_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = CreateJournalDialog()
    qtbot.addWidget(dialog)
    dialog.location.setText("made/riverside.iltdesk")  # relative: remembered by absolute path
    qtbot.keyClicks(dialog.school, "Riverside Middle")
    qtbot.keyClicks(dialog.principal, "A. Rivera")
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.again, "short")
    assert not dialog.create_button.isEnabled()  # the same, but too easy to guess
    assert "Too easy to guess" in _labels(dialog)
    dialog.passphrase.clear()
    dialog.again.clear()
    qtbot.keyClicks(dialog.passphrase, TYPED)
    assert not dialog.create_button.isEnabled()  # not typed again yet
    qtbot.keyClicks(dialog.again, TYPED[:-1])
    assert not dialog.create_button.isEnabled()
    assert "differ" in _labels(dialog)
    qtbot.keyClicks(dialog.again, TYPED[-1])
    assert dialog.create_button.isEnabled()
    assert dialog.remember.isEnabled() and dialog.remember.text().startswith("Remember")
    dialog.remember.setChecked(True)

    dialog.try_create()
    path = tmp_path / "made" / "riverside.iltdesk"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.journal is not None and not dialog.journal.closed
    try:
        assert path.is_file() and _mode(path) == 0o600
        assert dialog.journal.settings()["school"] == "Riverside Middle"
        assert dialog.journal.verify_passphrase(TYPED)
        assert dialog.passphrase.text() == "" and dialog.again.text() == ""
        assert memory_keyring.secrets == {_account(path): TYPED}
        assert Path(_account(path)[1]).is_absolute()
    finally:
        dialog.journal.close()


@pytest.mark.usefixtures("no_keychain")
def test_without_a_keychain_remember_is_disabled_and_says_so(qtbot: QtBot) -> None:
    for dialog in (CreateJournalDialog(), UnlockDialog(Path("x.iltdesk"))):
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled()
        assert "No system keychain is available" in dialog.remember.text()


# -- unlocking ---------------------------------------------------------------------------------


@pytest.fixture
def typed_journal(tmp_path: Path) -> Path:
    """A closed journal whose passphrase can be typed with QTest."""
    path = tmp_path / "typed" / "school.iltdesk"
    Journal.create(path, TYPED).close()
    return path


def test_wrong_passphrase_says_so_and_selects_it_for_retyping(
    qtbot: QtBot, typed_journal: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = UnlockDialog(typed_journal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.error.isVisible()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    dialog.try_unlock()
    assert dialog.error.isVisible()
    assert "does not unlock" in dialog.error.text()
    assert dialog.journal is None
    assert dialog.passphrase.selectedText() == "not the passphrase"
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.remember.setChecked(True)
    qtbot.keyClicks(dialog.passphrase, TYPED)  # replaces the selected attempt
    dialog.try_unlock()
    assert dialog.journal is not None and not dialog.journal.closed
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.passphrase.text() == ""
        assert memory_keyring.secrets == {_account(typed_journal): TYPED}
    finally:
        dialog.journal.close()


def test_a_journal_open_elsewhere_is_reported_as_already_open(
    qtbot: QtBot, typed_journal: Path
) -> None:
    holder = Journal.open(typed_journal, TYPED)
    try:
        dialog = UnlockDialog(typed_journal)
        qtbot.addWidget(dialog)
        dialog.passphrase.setText(TYPED)
        dialog.try_unlock()
        assert dialog.journal is None
        assert "open in another iltdesk window" in dialog.error.text()
    finally:
        holder.close()


# -- locking -----------------------------------------------------------------------------------


def test_lock_closes_the_journal_and_unlocking_returns_to_the_same_place(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    add_lead(journal, "Daniel Kim")
    older = start_one_on_one(journal, maya, held_on=TODAY - timedelta(14)).id or 0
    start_one_on_one(journal, maya, held_on=TODAY - timedelta(7))
    keychain.remember(journal.path, PASSPHRASE)  # locking must still ask
    asked: list[str] = []

    def type_passphrase(self: UnlockDialog) -> int:
        self.passphrase.setText("a wrong guess")
        self.try_unlock()
        asked.append(self.error.text())
        self.passphrase.setText(PASSPHRASE)
        self.try_unlock()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", type_passphrase)
    controller = AppController()
    controller.show_main(journal)
    old = controller.window
    assert old is not None and old.isVisible()
    gone: list[bool] = []
    old.destroyed.connect(lambda *_: gone.append(True))
    try:
        old.sidebar.select_lead(maya)
        old.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
        old.lead_page.one_on_ones.select(older)
        qtbot.keyClicks(old.lead_page.one_on_ones.editor.notes, "typed just before locking")
        controller.lock()

        assert journal.closed
        assert gone or not old.isVisible()  # the unlock's wait may already have deleted it
        assert len(asked) == 1 and "does not unlock" in asked[0]
        new = controller.window
        assert new is not None and new is not old and new.isVisible()
        assert new.context.journal is not journal and not new.context.journal.closed
        assert new.pages.currentWidget() is new.lead_page
        assert new.lead_page.lead is not None and new.lead_page.lead.id == maya
        assert new.sidebar.current_lead_id() == maya
        assert new.lead_page.tabs.currentIndex() == ONE_ON_ONES
        meeting = new.lead_page.one_on_ones.current()
        assert meeting is not None and meeting.id == older
        assert "typed just before locking" in get_one_on_one(new.context.journal, older).notes
        qtbot.waitUntil(lambda: bool(gone), timeout=2000)  # thrown away, not just hidden
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.context.journal.close()


def test_locking_while_a_save_fails_keeps_the_text_until_it_is_saved(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya).id or 0
    words = "words typed while the disk was full"
    monkeypatch.setattr("ui.kit.context.RETRY_MS", 100)
    monkeypatch.setattr(UnlockDialog, "exec", _type_into_unlock(PASSPHRASE))
    controller = AppController()
    controller.show_main(journal)
    try:
        with monkeypatch.context() as disk:
            disk.setattr("ui.lead.one_on_ones.editor.one_on_one.save_one_on_one", _disk_full)
            window = controller.window
            assert window is not None
            window.sidebar.select_lead(maya)
            window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
            qtbot.keyClicks(window.lead_page.one_on_ones.editor.notes, words)
            qtbot.waitUntil(lambda: window.save_state.text().startswith("Not saved"), timeout=2000)
            controller.lock()
            now = controller.window
            assert now is not None  # still open, or unlocked again: the words must be kept
            on_screen = now.lead_page.one_on_ones.editor.notes.markdown()
            assert words in on_screen + get_one_on_one(now.context.journal, meeting).notes
        if not journal.closed:  # it stayed open: with space back, locking now goes ahead
            controller.lock()
        assert journal.closed and controller.window is not None
        assert words in get_one_on_one(controller.window.context.journal, meeting).notes
        with qtbot.capture_exceptions() as stale:
            qtbot.wait(300)  # RETRY_MS is 100: a retry from a thrown-away editor would fire
        assert not stale
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.context.journal.close()


def test_idle_timer_asks_to_lock_and_input_restarts_it(qtbot: QtBot, journal: Journal) -> None:
    window = MainWindow(AppContext(journal), idle_minutes=1)
    qtbot.addWidget(window)
    window.show()
    assert window.idle_timer.interval() == 60_000 and window.idle_timer.isActive()
    window.idle_timer.setInterval(50)
    window.idle_timer.start()
    with qtbot.waitSignal(window.lock_requested, timeout=2000):
        pass

    window.idle_timer.setInterval(600)
    window.idle_timer.start()
    qtbot.wait(300)
    assert window.idle_timer.remainingTime() < 400
    qtbot.keyClick(window.sidebar.filter, "a")
    assert window.idle_timer.remainingTime() > 500  # the key press started it over
    window.release()
    assert not window.idle_timer.isActive()
    qtbot.keyClick(window.sidebar.filter, "b")
    assert not window.idle_timer.isActive()  # no longer watching input


# -- the crash hook ----------------------------------------------------------------------------


def test_crash_report_names_the_error_but_never_its_message(
    private_home: Path, boxes: Shown
) -> None:
    def fail(note: str) -> None:
        raise ValueError(note)

    try:
        fail("secret note text")
    except ValueError as exc:
        crash.handle(ValueError, exc, exc.__traceback__)
    log = crash_log.log_path()
    assert log.is_relative_to(private_home)
    text = log.read_text(encoding="utf-8")
    assert "ValueError" in text and "in fail" in text
    assert "secret note text" not in text
    assert _mode(log) == 0o600
    assert len(boxes) == 1
    kind, title, message = boxes[0]
    assert kind == "warning" and "ValueError" in message and str(log) in message
    assert "secret note text" not in message and title == "Something went wrong"


def test_work_cut_short_by_a_signal_is_no_crash(private_home: Path, boxes: Shown) -> None:
    """A signal ending the app while work ran behind a dialog (ui.kit.worker.Interrupted,
    raised in the slot that waited for it) shows nothing and writes no report."""
    try:
        raise Interrupted
    except Interrupted as exc:
        crash.handle(Interrupted, exc, exc.__traceback__)
    assert boxes == [] and not crash_log.log_path().exists()


# -- a dependency bug --------------------------------------------------------------------------


def test_typing_does_not_leak_references_to_true(qtbot: QtBot) -> None:
    # PySide6 6.12.0 lost a reference to True per Signal.emit() and aborted the app after some
    # thousands of keystrokes ("bool_dealloc"); pyproject.toml keeps it out. This guards that.
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(True)
    qtbot.keyClicks(edit, "x" * 50)
    assert sys.getrefcount(True) > before - 25


# -- a short session still leaves the day's backup ------------------------------------------------


def test_quitting_seconds_after_unlock_takes_the_days_backup_first(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.shell.automatic_backup.DELAY_MS", 60_000)  # quit long before it starts
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya).id or 0
    controller = AppController()
    controller.show_main(journal, PASSPHRASE)
    window = controller.window
    assert window is not None and controller.backup is not None
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    notes = window.lead_page.one_on_ones.editor.notes
    window.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes, timeout=2000)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    progress_seen: list[str] = []
    watch = QTimer()
    watch.timeout.connect(
        lambda: progress_seen.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog)
            if w.isVisible()
        )
    )
    watch.start(5)
    QTest.keyClicks(QApplication.focusWidget(), "jotted")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    watch.stop()
    assert not window.isVisible() and controller.backup.state == "done"
    assert any("today's backup" in text for text in progress_seen)
    folder = rotation.backup_folder(journal)
    backups = rotation.automatic_backups(folder, journal.path.stem)
    assert len(backups) == 1 and list(folder.glob(".iltdesk-*")) == []
    controller.close_journal(False)
    assert journal.closed and not Path(f"{journal.path}-wal").exists()
    with Journal.open(backups[0][1], PASSPHRASE) as copy:
        assert check(copy).ok
    with Journal.open(journal.path, PASSPHRASE) as again:
        assert "jotted" in get_one_on_one(again, meeting).notes
