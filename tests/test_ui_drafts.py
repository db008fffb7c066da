"""A dialog's typed text outlives a lock, a SIGTERM or a crash: it is kept as a draft inside
the encrypted journal and comes back when the dialog opens again for the same record.

Driven by keys: the observation dialog is opened as a person opens it (Ctrl+K, the lead's name,
Enter, Ctrl+Shift+O). The lock is the app's own idle lock (``lock_requested``), the unlock is
the passphrase typed and Enter. The SIGTERM case runs the real app in a process of its own
(``python -m tests.test_ui_drafts JSON``, below), which types into the dialog and is ended.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.drafts import draft_for
from iltdesk.lead import add_lead
from iltdesk.observation import observations_for
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO
from tests.keys import Key, Keys, Mod, wait_for_active
from ui.kit.context import AppContext
from ui.kit.unsaved import RESTORED
from ui.lead.observations.dialog import ObservationDialog
from ui.navigation.switcher import QuickSwitcher
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

LEAD = "Dr. Amara Okafor"
WORD = "Quokkaquorum"  # typed into the dialog; must never be found outside the journal
TYPED = f"{WORD} opened with the norms"


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def open_observation(keys: Keys, window: MainWindow, act: Callable[[ObservationDialog], None]):
    """Ctrl+K, the lead's name, Enter, then Ctrl+Shift+O; ``act`` runs in the dialog."""
    window.activateWindow()  # offscreen has no window manager to do it
    wait_for_active(MainWindow)
    keys.then_in(QuickSwitcher, lambda _s: (keys.type("Okafor"), keys.enter()))
    keys.shortcut("Ctrl+K")
    window.activateWindow()
    wait_for_active(MainWindow)
    assert window.lead_on_screen() is not None
    seen = keys.then_in(ObservationDialog, act)
    keys.shortcut("Ctrl+Shift+O")
    assert seen, "the observation dialog never came"
    return seen[0]


def discard_by_keys(keys: Keys) -> None:
    """Escape, then Discard (Alt+D) on the question."""
    keys.then_in(QMessageBox, lambda _b: keys.press(Key.Key_D, Mod.AltModifier))
    keys.escape()


def restored(dialog: ObservationDialog) -> tuple[str, str]:
    """(the evidence box's text, the restored note's text) as the dialog opened."""
    note = getattr(dialog, "restored_note", None)
    return dialog.evidence.markdown(), note.text() if note is not None else ""


def plaintext_files_with(word: str, *folders: Path) -> list[Path]:
    """Files under ``folders`` whose bytes hold ``word`` (a journal and its backups are
    encrypted: the word is never in them as such)."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and word.encode() in path.read_bytes():
                found.append(path)
    return found


def test_the_idle_lock_keeps_the_dialog_text_and_reopening_restores_it(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    add_lead(journal, LEAD)
    controller = AppController()
    controller.show_main(journal)
    window = controller.window
    assert window is not None
    keys = Keys()

    def type_then_lock(dialog: ObservationDialog) -> None:
        keys.type(TYPED)  # and no pause: the lock must keep it at once
        keys.unlock_with(PASSPHRASE)
        window.lock_requested.emit()  # what the idle timer does

    try:
        first = open_observation(keys, window, type_then_lock)
        qtbot.waitUntil(lambda: not isValid(first) or not first.isVisible(), timeout=5000)
        assert journal.closed
        now = controller.window
        assert now is not None and now is not window
        seen: list[tuple[str, str]] = []

        def look_then_keep(dialog: ObservationDialog) -> None:
            seen.append(restored(dialog))
            keys.press(Key.Key_Return, Mod.ControlModifier)  # Ctrl+Enter saves

        open_observation(keys, now, look_then_keep)
        assert seen and TYPED in seen[0][0]
        assert seen[0][1].startswith(RESTORED.split("{}")[0])
        reopened = now.context.journal
        assert [TYPED in o.evidence for o in observations_for(reopened, 1)] == [True]
        assert draft_for(reopened, "observation", "lead:1") is None  # saved: no draft left
        assert plaintext_files_with(WORD, tmp_path) == []
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.context.journal.close()


def test_saving_drops_the_draft(qtbot: QtBot, journal: Journal) -> None:
    add_lead(journal, LEAD)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    keys = Keys()

    def type_wait_save(dialog: ObservationDialog) -> None:
        keys.type(TYPED)
        qtbot.waitUntil(
            lambda: draft_for(journal, "observation", "lead:1") is not None, timeout=3000
        )
        keys.press(Key.Key_Return, Mod.ControlModifier)

    open_observation(keys, window, type_wait_save)
    assert draft_for(journal, "observation", "lead:1") is None
    assert len(observations_for(journal, 1)) == 1


def test_discarding_drops_the_draft_and_keeping_editing_keeps_it(
    qtbot: QtBot, journal: Journal
) -> None:
    add_lead(journal, LEAD)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    keys = Keys()
    kept: list[dict[str, str] | None] = []

    def type_wait_discard(dialog: ObservationDialog) -> None:
        keys.type(TYPED)
        qtbot.waitUntil(
            lambda: draft_for(journal, "observation", "lead:1") is not None, timeout=3000
        )
        keys.then_in(QMessageBox, lambda _b: keys.enter())  # Keep editing, the default
        keys.escape()
        dialog.activateWindow()  # offscreen no window manager hands focus back after the question
        wait_for_active(ObservationDialog)
        kept.append(draft_for(journal, "observation", "lead:1"))
        discard_by_keys(keys)

    open_observation(keys, window, type_wait_discard)
    assert kept and kept[0] is not None and TYPED in "".join(kept[0].values())
    assert draft_for(journal, "observation", "lead:1") is None
    assert observations_for(journal, 1) == []


def test_erasing_what_was_typed_drops_the_draft(qtbot: QtBot, journal: Journal) -> None:
    add_lead(journal, LEAD)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    keys = Keys()

    def type_then_erase(dialog: ObservationDialog) -> None:
        keys.type("Brief")
        qtbot.waitUntil(lambda: draft_for(journal, "observation", "lead:1") is not None)
        keys.press(Key.Key_Backspace, times=len("Brief"))
        qtbot.waitUntil(lambda: draft_for(journal, "observation", "lead:1") is None)
        keys.escape()  # nothing left to lose: closes without asking

    dialog = open_observation(keys, window, type_then_erase)
    assert not dialog.isVisible()
    assert journal.execute("SELECT count(*) FROM draft") == [(0,)]


# -- the SIGTERM case: the real app in a process of its own ----------------------------------


def run_typist(journal: str, log: str) -> None:
    """Run the app on ``journal`` (TYPIST_PASSPHRASE unlocks it), open its first lead's
    observation dialog, type ``TYPED`` into it, write "typed" to ``log``, then wait to be
    ended. Keys go to the focused widget from a timer inside the process."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from ui.shell import app as ui_app

    # tests.conftest, imported with this module, clears ILTDESK_PASSPHRASE: it came under
    # another name.
    os.environ["ILTDESK_PASSPHRASE"] = os.environ.pop("TYPIST_PASSPHRASE", "")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    typed, asking = [False], [False]

    def open_dialog(window: MainWindow) -> None:
        # Returns when the dialog closes; a timer's handler is never re-entered, so this runs
        # from a timer of its own and ``tick`` goes on in the dialog meanwhile.
        mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_O, mods)
        asking[0] = False

    def tick() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ObservationDialog):
            if not typed[0] and QApplication.focusWidget() is modal.evidence:
                typed[0] = True
                QTest.keyClicks(modal.evidence, TYPED)
                Path(log).write_text("typed\n")
            return
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if typed[0] or asking[0] or modal is not None or window is None:
            return
        if not window.isActiveWindow():
            window.activateWindow()
        elif window.lead_on_screen() is None:
            window.sidebar.select_lead(1)
        else:
            asking[0] = True
            QTimer.singleShot(0, lambda: open_dialog(window))

    keys = QTimer()
    keys.timeout.connect(tick)
    keys.start(50)
    sys.exit(ui_app.launch(Path(journal)))


def test_sigterm_while_typing_in_the_dialog_keeps_the_text(
    qtbot: QtBot, journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    add_lead(journal, LEAD)
    journal.close()
    log = tmp_path / "typist.log"
    env = {**os.environ, "TYPIST_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    task = json.dumps({"journal": str(journal_path), "log": str(log)})
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.test_ui_drafts", task],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        give_up = time.monotonic() + 60
        while not log.exists():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < give_up, "the app never typed"
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)  # at once: well before the draft's own pause
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert not Path(f"{journal_path}-wal").exists()
    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        window = MainWindow(AppContext(reopened))
        qtbot.addWidget(window)
        window.show()
        keys = Keys()
        seen: list[tuple[str, str]] = []

        def look_then_discard(dialog: ObservationDialog) -> None:
            seen.append(restored(dialog))
            discard_by_keys(keys)

        open_observation(keys, window, look_then_discard)
        assert seen and TYPED in seen[0][0] and seen[0][1]
        assert draft_for(reopened, "observation", "lead:1") is None  # discarded
        assert plaintext_files_with(WORD, tmp_path) == []
        window.close()
    finally:
        reopened.close()


if __name__ == "__main__":
    run_typist(**json.loads(sys.argv[1]))
