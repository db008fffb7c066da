"""ui.kit.worker: work off the UI thread, reported back by signals on the UI thread."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.keys import Keys
from ui.kit import worker as worker_module
from ui.kit.worker import (
    Cancelled,
    Progress,
    Worker,
    on_ui_thread,
    run_modal,
    running_workers,
    wait_modal,
)

WAIT_MS = 5_000


@pytest.fixture
def no_timers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every timer the worker module starts while the test runs (nothing there may poll;
    the test's own waits use timers, so only the worker's are counted)."""
    made: list[str] = []
    original_init, original_single = QTimer.__init__, QTimer.singleShot

    def from_worker() -> bool:
        return sys._getframe(2).f_code.co_filename == worker_module.__file__

    def counting(self: QTimer, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)  # type: ignore[arg-type]
        if from_worker():
            made.append("QTimer()")

    def single(*args: object) -> None:
        if from_worker():
            made.append("QTimer.singleShot")
        original_single(*args)  # type: ignore[call-overload]

    monkeypatch.setattr(QTimer, "__init__", counting)
    monkeypatch.setattr(QTimer, "singleShot", single)
    yield made


def test_the_result_comes_back_by_signal_on_the_ui_thread(
    qtbot: QtBot, no_timers: list[str]
) -> None:
    ui_thread = threading.get_ident()
    ran_in: list[int] = []
    got: list[tuple[object, int]] = []

    def work(progress: Progress) -> int:
        ran_in.append(threading.get_ident())
        return 42

    worker = Worker(work)
    worker.finished.connect(lambda result: got.append((result, threading.get_ident())))
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        worker.start()
    assert ran_in and ran_in[0] != ui_thread
    assert got == [(42, ui_thread)]
    assert worker.done and not worker.running and worker.outcome() == 42
    assert no_timers == [] and worker.findChildren(QTimer) == []
    assert "QTimer" not in vars(worker_module)  # nothing there could poll


def test_an_exception_in_the_work_is_delivered_as_failed(qtbot: QtBot) -> None:
    failures: list[BaseException] = []
    finished: list[object] = []

    def work(progress: Progress) -> None:
        raise ValueError("no good")

    worker = Worker(work)
    worker.failed.connect(failures.append)
    worker.finished.connect(finished.append)
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        worker.start()
    assert [str(e) for e in failures] == ["no good"] and finished == []
    with pytest.raises(ValueError, match="no good"):
        worker.outcome()


def test_an_exception_nobody_listens_for_reaches_the_crash_handler(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: hooked.append(error))

    def work(progress: Progress) -> None:
        raise OSError("disk gone")

    worker = Worker(work)
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        worker.start()
    assert [str(e) for e in hooked] == ["disk gone"]


def test_progress_is_reported_in_order_on_the_ui_thread(qtbot: QtBot) -> None:
    ui_thread = threading.get_ident()
    steps: list[tuple[int, int, int]] = []

    def work(progress: Progress) -> str:
        for done in range(1, 4):
            progress.report(done, 3)
        return "done"

    worker = Worker(work)
    worker.progress.connect(lambda d, t: steps.append((d, t, threading.get_ident())))
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        worker.start()
    assert steps == [(1, 3, ui_thread), (2, 3, ui_thread), (3, 3, ui_thread)]


def test_cancelling_stops_the_work_at_its_next_check(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    steps: list[int] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(WAIT_MS / 1000)
        for step in range(1000):
            progress.check()
            steps.append(step)

    worker = Worker(work)
    cancelled: list[bool] = []
    worker.cancelled.connect(lambda: cancelled.append(True))
    worker.start()
    assert started.wait(WAIT_MS / 1000)
    worker.cancel()
    assert worker.should_stop()
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        release.set()
    assert cancelled == [True] and steps == []
    with pytest.raises(Cancelled):
        worker.outcome()


def test_the_core_can_stop_through_should_stop(qtbot: QtBot) -> None:
    """The flag is the ``should_stop`` callable the core's stoppable steps take."""
    go = threading.Event()

    def copy_in_steps(should_stop: object) -> int:
        assert callable(should_stop)
        go.wait(WAIT_MS / 1000)
        steps = 0
        while not should_stop() and steps < 10_000:
            steps += 1
        return steps

    worker = Worker(lambda progress: copy_in_steps(progress.should_stop))
    results: list[object] = []
    worker.finished.connect(results.append)
    worker.start()
    worker.cancel()
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        go.set()
    assert results == [0]


def test_a_worker_lives_until_its_outcome_is_delivered(qtbot: QtBot) -> None:
    """Nobody holds the worker: it is still there to deliver, and gone from the list after."""
    go = threading.Event()
    got: list[object] = []

    def start() -> None:
        worker = Worker(lambda progress: go.wait(WAIT_MS / 1000) and "kept")
        worker.finished.connect(got.append)
        worker.start()

    before = running_workers()
    start()
    assert running_workers() == before + 1
    go.set()
    qtbot.waitUntil(lambda: got == ["kept"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: running_workers() == before, timeout=WAIT_MS)  # let go of, after


def test_run_modal_returns_the_result_and_raises_the_error(
    qtbot: QtBot, no_timers: list[str]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert run_modal(parent, "Working…", lambda progress: 7) == 7

    def fails(progress: Progress) -> None:
        raise KeyError("missing")

    with pytest.raises(KeyError, match="missing"):
        run_modal(parent, "Working…", fails)
    assert no_timers == []


def test_wait_modal_skip_stops_waiting_and_the_work_goes_on(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    worker = Worker(lambda progress: release.wait(WAIT_MS / 1000))
    worker.start()
    keys = Keys()
    keys.then_in(QProgressDialog, lambda dialog: keys.escape())
    assert wait_modal(parent, "Taking today's backup…", worker, skip="Skip") is False
    assert worker.running
    with qtbot.waitSignal(worker.ended, timeout=WAIT_MS):
        release.set()
    assert worker.done and worker.outcome() is True


def test_wait_ended_delivers_when_no_event_loop_will(qtbot: QtBot) -> None:
    """A process ending: a bounded wait, and the outcome delivered at once."""
    got: list[object] = []
    worker = Worker(lambda progress: "finished")
    worker.finished.connect(got.append)
    worker.start()
    assert worker.wait_ended(WAIT_MS / 1000) is True
    assert got == ["finished"]


def test_work_can_ask_on_the_ui_thread_and_wait_for_the_answer(qtbot: QtBot) -> None:
    """What a restore's prompt does: the work asks, the UI thread answers, the work goes on;
    an exception raised there is raised in the work."""
    parent = QWidget()
    qtbot.addWidget(parent)
    ui_thread = threading.current_thread()
    asked_on: list[threading.Thread] = []

    def answer() -> str:
        asked_on.append(threading.current_thread())
        return "typed"

    def refuse() -> str:
        raise Cancelled

    def work(progress: Progress) -> str:
        typed = on_ui_thread(answer)
        try:
            on_ui_thread(refuse)
        except Cancelled:
            return f"{typed}, then cancelled"
        return "never"

    assert run_modal(parent, "Working…", work) == "typed, then cancelled"
    assert asked_on == [ui_thread]
    assert on_ui_thread(answer) == "typed" and asked_on[-1] is ui_thread  # on it: a plain call
