"""The real desktop app, typing without a pause, for the shutdown tests (T1, T13).

``python -m tests.reliability.app_typist JSON`` runs ``ui.shell.app.launch`` in a process of its own
and types into a 1:1 from a timer inside it; the test ends the process from outside (SIGKILL,
SIGTERM, SIGHUP, the X server killed) and compares the journal with the log of keys taken.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.reliability.workers import LEAD, REPO

TYPING_EVERY_MS = 25  # a fast typist: 40 keys a second, never a pause as long as the debounce


def typed_text(count: int) -> str:
    """The first ``count`` letters the app typist types (checkable against what was saved)."""
    return ("abcdefghij" * (count // 10 + 1))[:count]


def run_app_typist(journal: str, log: str, quit_after: float | None = None) -> None:
    """Run the real app (``ui.shell.app.launch``) on ``journal`` (unlocked by ILTDESK_PASSPHRASE),
    open its first lead's 1:1, and type into it from a timer inside the process, writing
    "COUNT MONOTONIC" to ``log`` after each key the editor has taken. With ``quit_after``,
    press Ctrl+Q that many seconds after the first key.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.lead.page import ONE_ON_ONES
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    typed = 0
    started = 0.0

    def press() -> None:
        nonlocal typed, started
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or window.context.journal.closed or not window.isVisible():
            return  # not up yet, or quitting: a key now would have nowhere to go
        notes = window.lead_page.one_on_ones.editor.notes
        if QApplication.focusWidget() is not notes:
            window.sidebar.select_lead(window.sidebar.current_lead_id() or _first_lead(window))
            window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
            window.activateWindow()
            notes.setFocus()
            return
        if quit_after is not None and typed and time.monotonic() - started > quit_after:
            keys.stop()
            QTest.keyClick(notes, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
            return
        QTest.keyClick(notes, typed_text(typed + 1)[-1])
        typed += 1
        started = started or time.monotonic()
        os.write(fd, f"{typed} {time.monotonic():.4f}\n".encode())

    keys = QTimer()
    keys.timeout.connect(press)
    keys.start(TYPING_EVERY_MS)
    code = ui_app.launch(Path(journal))
    os.write(fd, f"exit {code}\n".encode())
    os.close(fd)
    sys.exit(code)


class AppTypist:
    """The test's handle on a ``run_app_typist`` process."""

    def __init__(self, journal: Path, log: Path, env: dict[str, str], **options: object) -> None:
        self.journal, self.log = journal, log
        task = json.dumps({"journal": str(journal), "log": str(log), **options})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.app_typist", task],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def keys(self) -> list[tuple[int, float]]:
        """(count, monotonic time) of every key the app's editor has taken so far."""
        lines = self.log.read_text().splitlines() if self.log.exists() else []
        return [(int(n), float(t)) for n, t in (x.split() for x in lines if x[0].isdigit())]

    def wait_for_keys(self, count: int, timeout: float = 60) -> None:
        give_up = time.monotonic() + timeout
        while len(self.keys()) < count:
            if self.proc.poll() is not None or time.monotonic() > give_up:
                raise RuntimeError(f"the app never typed (exit {self.proc.poll()})")
            time.sleep(0.05)

    def signal(self, signum: int) -> float:
        """Send ``signum``; return the monotonic time just before."""
        sent = time.monotonic()
        self.proc.send_signal(signum)
        return sent

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Wait for the process; (exit status, stderr)."""
        _, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, err.decode(errors="replace")

    def __enter__(self) -> AppTypist:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def saved_typing(journal: Path, passphrase: str, meeting: int) -> int:
    """How many of the typist's letters the journal holds (they must be its first ones)."""
    from iltdesk.one_on_one import get_one_on_one
    from iltdesk.store.journal import Journal

    with Journal.open(journal, passphrase) as opened:
        notes = get_one_on_one(opened, meeting).notes.strip()
    if notes != typed_text(len(notes)):
        raise AssertionError("the saved note is not what was typed")
    return len(notes)


def typing_journal(path: Path, passphrase: str) -> int:
    """A journal with one lead and an empty 1:1 for the typist; the 1:1's id."""
    from iltdesk.lead import add_lead
    from iltdesk.one_on_one import save_one_on_one, start_one_on_one
    from iltdesk.store.journal import Journal

    with Journal.create(path, passphrase) as journal:
        lead = add_lead(journal, LEAD).id or 0
        meeting = start_one_on_one(journal, lead).id or 0
        save_one_on_one(journal, meeting, notes="")
    return meeting


def _first_lead(window: Any) -> int:
    from iltdesk.lead import lead_summaries

    return lead_summaries(window.context.journal)[0].id or 0


TYPE_FOR_S = (1.5, 4.0)  # when the signal comes, after the first key


def app_env() -> dict[str, str]:
    from tests.conftest import PASSPHRASE  # test side only: the conftest clears the variable

    return {**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}


def typing_then(
    signum: int, folder: Path, rng: random.Random
) -> tuple[float, dict[int, float], int, int]:
    """Type in a fresh app until ``signum`` comes, at a random moment; (when it was sent,
    when each key was taken, letters saved, exit status). The journal is in ``folder``."""
    from tests.conftest import PASSPHRASE

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "typing.iltdesk"
    meeting = typing_journal(path, PASSPHRASE)
    with AppTypist(path, folder / "keys.log", app_env()) as app:
        app.wait_for_keys(1)
        at = app.keys()[0][1] + rng.uniform(*TYPE_FOR_S)  # one clock for all processes
        time.sleep(max(0.0, at - time.monotonic()))
        sent = app.signal(signum)
        status, _ = app.finish()
        keys = dict(app.keys())
    return sent, keys, saved_typing(path, PASSPHRASE, meeting), status


def signalled_while_typing(signum: int, folder: Path, runs: int) -> tuple[int, int]:
    """``runs`` fresh apps each typed into until ``signum`` comes: (how many lost typing, how
    many did not close cleanly: a non-zero exit or a ``-wal`` left beside the journal)."""
    rng = random.Random()
    lost = unclean = 0
    for _ in range(runs):
        _, keys, saved, status = typing_then(signum, folder, rng)
        lost += saved < len(keys)
        unclean += status != 0 or Path(folder / "typing.iltdesk-wal").exists()
    return lost, unclean


if __name__ == "__main__":
    run_app_typist(**json.loads(sys.argv[1]))
