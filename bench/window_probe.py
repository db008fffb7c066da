"""Cold start to the unlocked main window: ``python -m bench.window_probe JOURNAL``.

Runs ``iltdesk open JOURNAL`` in this process, as the command does, and prints
``SHOWN <time.monotonic()>`` once the main window has been exposed and painted, then exits
at once. The parent notes ``time.monotonic()`` just before starting this process (the clock
is system-wide), so the difference is process start to window shown.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

GIVE_UP_MS = 120_000


class ShownWatch(QObject):
    """Reports when the main window is first exposed, after Qt has painted it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow):
            for widget in QApplication.topLevelWidgets():
                if type(widget).__name__ == "MainWindow" and widget.windowHandle() is watched:
                    # Posted: runs once this expose (and the paint it triggers) is handled.
                    QTimer.singleShot(0, _shown)
        return False


def _shown() -> None:
    print(f"SHOWN {time.monotonic()!r}", flush=True)
    os._exit(0)  # no teardown: only the time to the window counts


def main() -> int:
    """Start the app on the journal in argv[1] and report when its window is up."""
    app: Any = QApplication(sys.argv[:1])
    watch = ShownWatch()
    app.installEventFilter(watch)
    QTimer.singleShot(GIVE_UP_MS, lambda: os._exit(3))
    from iltdesk.cli.main import main as iltdesk_main

    return iltdesk_main(["open", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
