"""The one way the app works off the UI thread: a ``Worker`` runs a piece of work in a thread
and reports back through Qt signals, on the UI thread.

In the spirit of Anki's ``aqt.operations`` (``QueryOp``): the work is a plain function of a
``Progress`` handle, run in a daemon thread (one that would not outlive the process, so a
process ending is never held up by it); its result comes back as ``finished(result)``, its
exception as ``failed(error)`` (never lost: with nothing connected to ``failed`` it goes to
``sys.excepthook``, the crash dialog), a ``Cancelled`` it raised as ``cancelled()``, and in
every case ``ended()`` follows. The thread hands its outcome over by a queued signal to the
worker, which lives on the UI thread, so nothing polls and nothing joins; the worker keeps
itself alive (``_Keeper``) until its outcome is delivered.

Progress and cancellation: the work calls ``progress.report(done, total)`` (delivered as
``progress(done, total)``) and checks ``progress.should_stop()`` or ``progress.check()``
between steps; ``Worker.cancel()`` sets that flag. ``should_stop`` is also the callable the
core's stoppable functions take.

``on_ui_thread``: what the work must have done on the UI thread mid-way (asking the person
for a backup's passphrase), the work waiting for its answer.

``run_modal``/``wait_modal``: a modal progress dialog over a worker, for what the window must
not be touched during (a rekey, a restore, writing a PDF), or must finish before it closes
(the day's backup, with a "Skip" button). ``run_waiting``/``wait_for``: the same without a
dialog, the person's input held back, for a short step the caller cannot go on without (an
unlock).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import NoReturn, TypeVar

from PySide6.QtCore import (
    SIGNAL,
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class Cancelled(Exception):
    """Raised by work that stopped because it was asked to (``Progress.check``)."""


class Progress:
    """What the work is handed: a way to say how far it is, and to learn it should stop."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._stop = threading.Event()  # a flag the work reads; nobody waits on it

    def report(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps (total 0: no measure, just busy)."""
        self._report(done, total)

    def should_stop(self) -> bool:
        """Whether ``Worker.cancel`` was called (for the core's ``should_stop`` arguments)."""
        return self._stop.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the work was asked to stop."""
        if self._stop.is_set():
            raise Cancelled

    def stop(self) -> None:
        self._stop.set()


class _Courier(QObject):
    """What the thread holds: two signals to the worker on the UI thread (queued), and
    nothing else. A child of the worker, so it is deleted with it, on the UI thread: the
    thread letting go of it deletes nothing."""

    outcome = Signal(object, object)  # result, exception
    step = Signal(int, int)


def _run(handed: list[Callable[[Progress], object]], progress: Progress, courier: _Courier) -> None:
    work = handed.pop()  # held by this frame only: let go of before the outcome is handed over
    try:
        result: object = work(progress)
    except BaseException as exc:  # handed to the UI thread, never lost here
        del work
        courier.outcome.emit(None, exc)
    else:
        del work
        courier.outcome.emit(result, None)


class _Call:
    """One function to run on the UI thread, and what came of it."""

    def __init__(self, function: Callable[[], object]) -> None:
        self.function = function
        self.result: object = None
        self.error: BaseException | None = None


class _Caller(QObject):
    """Runs a function handed from a worker's thread on the UI thread, the worker's thread
    waiting for it (a blocking queued call): for what only the UI thread may do mid-work,
    such as asking the person in a dialog."""

    call = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.call.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(object)
    def _run(self, call: _Call) -> None:
        try:
            call.result = call.function()
        except BaseException as exc:  # raised again on the worker's thread
            call.error = exc


class _Keeper(QObject):
    """Holds every worker until its outcome is delivered, and lets go of it afterwards from
    an event of its own: never from inside the worker's own delivery, where dropping the last
    reference would delete the worker in the middle of its own event."""

    _let_go = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.held: set[Worker] = set()
        self.caller = _Caller(self)
        self._let_go.connect(self._release, Qt.ConnectionType.QueuedConnection)

    def release(self, worker: Worker) -> None:
        self._let_go.emit(worker)

    @Slot(object)
    def _release(self, worker: Worker) -> None:
        self.held.discard(worker)


_keeper: _Keeper | None = None


def _kept() -> _Keeper:
    global _keeper  # one per process, made on the UI thread by the first worker started
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


def on_ui_thread(function: Callable[[], T]) -> T:
    """Run ``function`` on the UI thread and return its result (or raise its exception),
    from a worker's thread, which waits meanwhile; on the UI thread itself, just call it.

    For work that must ask the person mid-way (the passphrase of a backup being restored):
    the UI thread is then in the worker's progress dialog or ``wait_for``, whose event loop
    runs the call.
    """
    caller = None if _keeper is None else _keeper.caller
    if caller is None or QThread.currentThread() is caller.thread():
        return function()
    call = _Call(function)
    caller.call.emit(call)
    if call.error is not None:
        raise call.error
    return call.result  # type: ignore[return-value]  # what function returned: a T


def running_workers() -> int:
    """How many workers are held (started, and not yet let go of after their delivery)."""
    return 0 if _keeper is None else len(_keeper.held)


class Worker(QObject):
    """Run ``work(progress)`` in a thread once ``start`` is called; results come back as
    signals on the thread the worker was made on (the UI thread)."""

    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()  # it raised Cancelled after cancel()
    progress = Signal(int, int)  # done, total
    ended = Signal()  # after any of the three above

    def __init__(self, work: Callable[[Progress], object], *, name: str = "iltdesk-work") -> None:
        super().__init__()  # no Qt parent: a parent deleting it must not lose the outcome
        self._work: list[Callable[[Progress], object]] = [work]
        self._name = name
        self._courier = _Courier(self)  # deleted with the worker, on this thread
        self._progress = Progress(self._courier.step.emit)
        self._thread: threading.Thread | None = None
        self._delivered = False
        self._result: object = None
        self._error: BaseException | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._courier.outcome.connect(self._deliver, queued)
        self._courier.step.connect(self.progress, queued)

    @property
    def running(self) -> bool:
        """Started and its outcome not yet delivered."""
        return self._thread is not None and not self._delivered

    @property
    def done(self) -> bool:
        """Its outcome has been delivered (one of finished, failed, cancelled)."""
        return self._delivered

    def start(self) -> Worker:
        """Start the work (once); returns the worker, to chain after connecting."""
        if self._thread is not None:
            raise RuntimeError("A worker runs its work once.")
        _kept().held.add(self)
        self._thread = threading.Thread(
            target=_run,
            args=(self._work, self._progress, self._courier),
            name=self._name,
            daemon=True,
        )
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check; its outcome is still delivered."""
        self._progress.stop()

    def should_stop(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._progress.should_stop()

    @Slot(object, object)
    def _deliver(self, result: object, error: BaseException | None) -> None:
        if self._delivered:
            return
        self._delivered = True
        self._result, self._error = result, error
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        elif error is not None:
            if self.receivers(SIGNAL("failed(PyObject)")) > 0:
                self.failed.emit(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        else:
            self.finished.emit(result)
        self.ended.emit()
        _kept().release(self)

    def outcome(self) -> object:
        """The delivered result, or the delivered exception raised here."""
        if not self._delivered:
            raise RuntimeError("The work has not ended yet.")
        if self._error is not None:
            raise self._error
        return self._result

    def wait_ended(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for the work to end, and deliver its outcome now;
        True if it has. Only for a process that is ending (a signal, the session closing),
        where no event loop will run again to deliver it; anywhere else, connect to
        ``ended``."""
        if self._thread is None or self._delivered:
            return self._delivered
        self._thread.join(timeout)
        if self._thread.is_alive():
            return False
        # The thread has emitted its outcome: take it from the queue now, not at a next turn
        # of the event loop that may never come.
        QCoreApplication.sendPostedEvents(self, 0)
        return self._delivered


def wait_modal(
    parent: QWidget | None, label: str, worker: Worker, *, skip: str | None = None
) -> bool:
    """Show a modal progress dialog until ``worker`` has ended; True when it has.

    ``skip``: the label of a button (Escape too) that stops waiting; the work goes on (the
    caller decides whether to ``cancel`` it).
    """
    if worker.done:
        return True
    dialog = QProgressDialog(label, skip or "", 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("worker", "iltdesk"))
    if skip is None:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()

    def show_step(done: int, total: int) -> None:
        dialog.setRange(0, total)
        dialog.setValue(done)

    connections = [worker.ended.connect(loop.quit), worker.progress.connect(show_step)]
    if skip is not None:
        dialog.canceled.connect(loop.quit)
    dialog.show()
    if not worker.done:
        loop.exec()
    for connection in connections:
        QObject.disconnect(connection)
    dialog.close()
    dialog.deleteLater()
    return worker.done


class Interrupted(KeyboardInterrupt):
    """The app is ending (a signal, the session) while work behind a modal dialog runs.

    The work ends with the process, as a kill would end it: what it had not committed is
    not kept (each migration, a compaction and a copy are all-or-nothing). The app ends as
    on any signal (``ui.shell.app.launch``); elsewhere it is Ctrl+C's "interrupted"."""


_CUT_SHORT: list[Worker] = []  # work the app left running when it was asked to end


def cut_short() -> bool:
    """Whether ``Interrupted`` left work running in this process (it must end at once)."""
    return any(not worker.done for worker in _CUT_SHORT)


def leave_now(code: int) -> NoReturn:
    """End the process at once, work cut short by ``Interrupted`` still running: Python's
    finalization would stop its thread mid-call (a crash at exit). It ends as a kill would
    end it; each such job is all-or-nothing, and the next open finishes it."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    os._exit(code)


def run_modal(parent: QWidget | None, label: str, work: Callable[[Progress], T]) -> T:
    """Run ``work`` in a worker behind a modal progress dialog and return its result.

    The dialog is modal, so nothing else can touch the journal meanwhile; the exception the
    work raised, if any, is raised here, on the UI thread. ``Interrupted`` if the app is
    ending first (its event loops stopped: ``ui.shell.shutdown``).
    """
    failures: list[BaseException] = []
    worker = Worker(work, name="iltdesk-operation")
    worker.failed.connect(failures.append)  # raised below, not sent to the crash dialog
    worker.start()
    ended = wait_modal(parent, label, worker)
    if failures:
        raise failures[0]
    if not ended:
        _CUT_SHORT.append(worker)
        raise Interrupted
    return worker.outcome()  # type: ignore[return-value]  # what work returned: a T


def wait_for(worker: Worker) -> None:
    """Keep the event loop turning until ``worker`` has ended: painting, timers and signals
    go on; the person's input waits (so nothing can start meanwhile). For a short step the
    caller cannot go on without (an unlock), where a progress dialog would only flicker."""
    if worker.done:
        return
    loop = QEventLoop()
    connection = worker.ended.connect(loop.quit)
    if not worker.done:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    QObject.disconnect(connection)


def run_waiting(work: Callable[[Progress], T]) -> T:
    """Run ``work`` in a worker, ``wait_for`` it and return its result (or raise its error,
    here, on the UI thread)."""
    failures: list[BaseException] = []
    worker = Worker(work, name="iltdesk-step")
    worker.failed.connect(failures.append)  # raised below, not sent to the crash dialog
    wait_for(worker.start())
    if failures:
        raise failures[0]
    return worker.outcome()  # type: ignore[return-value]  # what work returned: a T
