"""When the app counts as idle: what input restarts the period, and a clock that keeps
counting while the computer sleeps. The main window locks the journal when the period passes
(tests patch ``ui.shell.main_window.idle_clock``, where the window looks it up)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}
IDLE_CHECK_MS = 5_000  # also catches time that passed while the computer slept


def idle_clock() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps.

    Qt's timers and Linux's monotonic clock stop during suspend, so a laptop closed for the
    night would otherwise come back with the journal open for the rest of the idle period.
    """
    if sys.platform.startswith("linux"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)  # counts sleep on macOS
    return time.monotonic()  # Windows: GetTickCount64 counts sleep
