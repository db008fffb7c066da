"""A backup (and the check of its copy) behind a modal bar that says how far it is and how
fast it goes, then how fast it went: "Backing up… 43% (175 of 407 MB, 19 MB/s)".

The work runs on a ``ui.kit.worker`` worker behind ``wait_modal``'s progress dialog, as every
long job of the app does; here its label follows the bar. The core tells bytes of the journal
(``iltdesk.store.backups.progress``); a Qt signal carries 32-bit ints, so they travel as KiB.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from iltdesk.store.backups.progress import Report, progress_text, took_text
from ui.kit.worker import Progress, Worker, wait_modal

T = TypeVar("T")
KIB = 1024  # the unit bytes travel in, from the worker's thread to the dialog


class Rate:
    """What a measured job has told: its total, and since when it runs."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.ended: float | None = None
        self.total = 0  # bytes in all, as last told

    def telling(self, progress: Progress) -> Report:
        """The core's ``progress(done, total)`` (bytes), handed on to the worker's bar."""

        def told(done: int, total: int) -> None:
            self.total = total
            progress.report(done // KIB, max(1, total // KIB))

        return told

    @property
    def seconds(self) -> float:
        return (self.ended if self.ended is not None else time.monotonic()) - self.started

    def label(self, doing: str, done_kib: int, total_kib: int) -> str:
        """'Backing up… 43% (175 of 407 MB, 19 MB/s)'."""
        return progress_text(doing, done_kib * KIB, total_kib * KIB, self.seconds)

    def summary(self) -> str:
        """'407 MB in 21.6 s, 19 MB/s' (nothing if the job told no total)."""
        return took_text(self.total, self.seconds) if self.total else ""

    def follow(self, parent: QWidget, doing: str, worker: Worker) -> None:
        """Keep the label of ``parent``'s progress dialog (``wait_modal``'s) saying how far
        ``worker`` is; the worker's end stops the clock."""

        def show(done: int, total: int) -> None:
            # Its own dialog only: another job's (Settings' backup, over the window while
            # the day's backup runs) has another parent or another label.
            direct = Qt.FindChildOption.FindDirectChildrenOnly
            for dialog in parent.findChildren(QProgressDialog, options=direct):
                if dialog.isVisible() and dialog.labelText().startswith(f"{doing}…"):
                    dialog.setLabelText(self.label(doing, done, total))

        def stop() -> None:
            self.ended = time.monotonic()

        worker.progress.connect(show)
        worker.ended.connect(stop)


def run_measured(parent: QWidget, doing: str, work: Callable[[Report], T]) -> tuple[T, Rate]:
    """Run ``work(report)`` behind a modal bar labelled with how far and how fast it goes;
    return its result and its ``Rate``. Its exception, if any, is raised here."""
    rate = Rate()
    failures: list[BaseException] = []
    worker = Worker(lambda progress: work(rate.telling(progress)), name="iltdesk-operation")
    worker.failed.connect(failures.append)  # raised below, not sent to the crash dialog
    rate.follow(parent, doing, worker)
    worker.start()
    wait_modal(parent, f"{doing}…", worker)
    if failures:
        raise failures[0]
    return worker.outcome(), rate  # type: ignore[return-value]  # what work returned: a T
