"""T12 idle lock: a fake clock drives the idle lock of the real app.

The main window asks an injectable clock how long the user has been idle (``idle_clock``
in ``ui.shell.main_window``, which keeps counting while the computer sleeps). Here it is a
fake the test moves forward, and the periodic idle check runs every 10 ms, so no test waits for
real minutes.
Each trial unlocks through the unlock dialog, changes the passphrase in Settings (so both the
old and the new one have passed through the app), types into a 1:1 and goes idle.
"""

from __future__ import annotations

import gc
import secrets
import types
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.one_on_one import get_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import run_cli
from tests.reliability.conftest import Figure, Trials
from ui.journal.passphrase_dialog import ChangePassphraseDialog
from ui.journal.settings_dialog import SettingsDialog
from ui.journal.unlock import UnlockDialog
from ui.lead.page import ONE_ON_ONES
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

LIMIT_MINUTES = 10


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


HANDLED = "iltdesk-test-handled"


class Modals(QObject):
    """Answers modal dialogs as a person would: each kind by its handler, anything else is
    recorded and closed (so that an unexpected dialog fails the test instead of hanging it)."""

    def __init__(self, handlers: dict[type[QWidget], Callable[[QWidget], None]]) -> None:
        super().__init__()
        self.handlers = handlers
        self.seen: list[str] = []
        self.unexpected: list[str] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._poll)
        self.timer.start(20)

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or isinstance(modal, QProgressDialog) or modal.property(HANDLED):
            return
        # Marked on the dialog itself: the id() of a Python wrapper, made afresh at each
        # call, can be reused for another dialog's, which was then never answered (a hang
        # in a long run of the suite).
        modal.setProperty(HANDLED, True)
        for kind, handler in self.handlers.items():
            if isinstance(modal, kind):
                self.seen.append(kind.__name__)
                handler(modal)
                return
        self.unexpected.append(type(modal).__name__)
        modal.close()


def _secret(prefix: str) -> bytes:
    # Kept as bytes: the test itself never holds the passphrase as a str between uses.
    return f"{prefix}-{secrets.token_hex(12)}".encode()


def _holders(roots: list[object], secret: bytes) -> list[str]:
    """Python objects reachable from ``roots`` that hold ``secret`` in a str or bytes."""
    needle = secret[-12:].decode()
    skip = (types.ModuleType, type, types.FrameType)
    seen: set[int] = set()
    todo = list(roots)
    found: list[str] = []
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, skip):
            continue
        seen.add(id(obj))
        if isinstance(obj, types.FunctionType):
            todo += [c.cell_contents for c in obj.__closure__ or () if _filled(c)]
            todo += list(obj.__defaults__ or ())
            continue  # not its globals: the whole program hangs off them
        for ref in gc.get_referents(obj):
            if isinstance(ref, str) and needle in ref and secret in ref.encode():
                found.append(f"str in {type(obj).__name__}")
            elif isinstance(ref, bytes) and ref is not secret and secret in ref:
                found.append(f"bytes in {type(obj).__name__}")
            elif not isinstance(ref, str | bytes | int | float):
                todo.append(ref)
    return found


def _filled(cell: types.CellType) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:
        return False
    return True


def _undo_history(field: QLineEdit) -> str:
    """Everything a field's undo history can bring back (it survives ``clear()``, even in a
    passphrase field). Leaves the field empty: call it only on fields that should be."""
    texts = [field.text()]
    mode = field.echoMode()
    field.setEchoMode(QLineEdit.EchoMode.Normal)  # passphrase fields refuse to undo
    for _ in range(500):
        if not field.isUndoAvailable():
            break
        field.undo()
        texts.append(field.text())
    field.setText("")
    field.setEchoMode(mode)
    return "\n".join(texts)


def _widgets_holding(secrets_: list[bytes]) -> list[str]:
    """Live text fields anywhere in the app whose text or undo history holds a secret."""
    found = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit):
            text = _undo_history(widget) if widget.echoMode() != widget.EchoMode.Normal else ""
            text += widget.text()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            text = widget.toPlainText()
        else:
            continue
        if any(secret in text.encode() for secret in secrets_):
            found.append(f"{type(widget).__name__} in {type(widget.window()).__name__}")
    return found


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr("ui.shell.main_window.idle_clock", fake)
    monkeypatch.setattr("ui.shell.main_window.IDLE_CHECK_MS", 10)
    monkeypatch.setattr("ui.shell.main_window.preferences.idle_minutes", lambda: LIMIT_MINUTES)
    for kind in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    return fake


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Path, bytes, int, int]]:
    """A journal with a lead and a 1:1 today: its path, passphrase (bytes), lead, meeting."""
    first = _secret("idle")
    path = tmp_path / "journals" / "school.iltdesk"
    with Journal.create(path, first.decode()) as journal:
        lead = add_lead(journal, "Maya Ortiz").id or 0
        meeting = start_one_on_one(journal, lead, held_on=date.today()).id or 0
    yield path, first, lead, meeting


class Trial:
    """One unlock, passphrase change, typing and idle period, checked while locked."""

    def __init__(self, qtbot: QtBot, clock: FakeClock, path: Path, old: bytes) -> None:
        self.qtbot, self.clock, self.path = qtbot, clock, path
        self.old, self.new = old, _secret("new")
        self.words = f"typed before idling {secrets.token_hex(4)}"
        self.locked_checks: dict[str, object] = {}
        self.controller = AppController()
        self.window: MainWindow | None = None
        self.unlocks = 0

    def unlock(self, dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        self.unlocks += 1
        if self.unlocks == 1:
            self.qtbot.keyClicks(dialog.passphrase, self.old.decode())
            dialog.try_unlock()
            return
        self.locked_checks.update(self.while_locked())
        dialog.reject()

    def settings(self, dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        QTimer.singleShot(0, lambda: (dialog.change_passphrase(), dialog.reject()))

    def change(self, dialog: QWidget) -> None:
        assert isinstance(dialog, ChangePassphraseDialog)
        self.qtbot.keyClicks(dialog.current, self.old.decode())
        self.qtbot.keyClicks(dialog.new, self.new.decode())
        self.qtbot.keyClicks(dialog.again, self.new.decode())
        dialog.check()

    def while_locked(self) -> dict[str, object]:
        """What is true while the app shows the unlock prompt after idling."""
        window = self.window
        assert window is not None
        roots: list[object] = [self.controller, window, window.context]
        held = [*_holders(roots, self.old), *_holders(roots, self.new)]
        fields = _widgets_holding([self.old, self.new])
        return {
            "closed": window.context.journal.closed,
            "window_gone": self.controller.window is None and not window.isVisible(),
            "held": held,
            "fields": fields,
        }


def _run_trial(
    qtbot: QtBot, clock: FakeClock, path: Path, old: bytes, place: tuple[int, int]
) -> Trial:
    trial = Trial(qtbot, clock, path, old)
    modals = Modals(
        {
            UnlockDialog: trial.unlock,
            SettingsDialog: trial.settings,
            ChangePassphraseDialog: trial.change,
        }
    )
    try:
        trial.controller.unlock(path, automatic=False)
        window = trial.window = trial.controller.window
        assert window is not None and trial.unlocks == 1
        window.open_settings()
        assert modals.seen == ["UnlockDialog", "SettingsDialog", "ChangePassphraseDialog"]
        window.sidebar.select_lead(place[0])
        window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
        window.lead_page.one_on_ones.select(place[1])
        limit = LIMIT_MINUTES * 60
        clock.now += limit - 1  # a second short of the limit: nothing happens
        qtbot.wait(60)
        trial.locked_checks["early"] = trial.controller.window is not window
        qtbot.keyClicks(window.lead_page.one_on_ones.editor.notes, trial.words)  # input: restart
        dirty = any(s.dirty for s in window.context._savers)
        clock.now += limit - 1  # would be past the first limit, but the typing restarted it
        qtbot.wait(60)
        trial.locked_checks["early"] = trial.locked_checks["early"] or (
            trial.controller.window is not window
        )
        trial.locked_checks["dirty_before"] = dirty
        clock.now += 1  # the limit, to the second
        qtbot.waitUntil(lambda: trial.unlocks == 2, timeout=5000)
        assert not modals.unexpected, modals.unexpected
    finally:
        modals.timer.stop()
        if trial.controller.window is not None:
            trial.controller.window.close()
            trial.controller.window.context.journal.close()
        if trial.controller.welcome is not None:
            trial.controller.welcome.close()
    return trial


def test_idle_lock_saves_closes_and_forgets(
    qtbot: QtBot,
    clock: FakeClock,
    school: tuple[Path, bytes, int, int],
    trials: Trials,
    figure: Figure,
) -> None:
    path, passphrase, lead, meeting = school
    count = trials(1, 20)
    results: dict[str, int] = {"on_time": 0, "saved": 0, "closed": 0, "released": 0, "forgotten": 0}
    held: list[str] = []
    for _ in range(count):
        trial = _run_trial(qtbot, clock, path, passphrase, (lead, meeting))
        checks = trial.locked_checks
        passphrase = trial.new  # the journal now opens with the new passphrase
        results["on_time"] += bool(not checks["early"] and checks["window_gone"])
        results["closed"] += bool(checks["closed"])
        held += [*checks["held"], *checks["fields"]]  # type: ignore[misc]
        results["forgotten"] += not (checks["held"] or checks["fields"])
        env = {"ILTDESK_PASSPHRASE": passphrase.decode()}
        # Checked by the other process while this one still holds the old window's objects.
        found = run_cli("check", str(path), env=env)
        results["released"] += found.returncode == 0  # so the EXCLUSIVE lock was given up
        with Journal.open(path, passphrase.decode()) as journal:
            notes = get_one_on_one(journal, meeting).notes
        results["saved"] += bool(checks["dirty_before"]) and trial.words in notes
    ok = all(value == count for value in results.values())
    figure(
        "T12",
        "idle lock",
        f"{count} idle periods on a fake clock: locked on time {results['on_time']}/{count} "
        f"(never a second early, input restarts the period), unsaved typing saved first "
        f"{results['saved']}/{count}, journal closed {results['closed']}/{count}, file opened "
        f"by another process {results['released']}/{count}, old and new passphrase held by "
        f"no app object or text field {results['forgotten']}/{count}"
        + (f" (held: {', '.join(sorted(set(held)))})" if held else ""),
        ok,
    )
    assert ok, (results, held)
