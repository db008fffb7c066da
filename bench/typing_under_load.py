"""Typing into a 1:1 while another process writes heavily to the same disk: does a save block?

The real main window on a copy of the 100k demo journal; a new 1:1 of a lead; keys typed with
``QTest.keyClick`` into the focused notes editor in bursts (40 keys a second for 2–5 s, then
a pause of 1–2 s, so both the pause and the one-second maximum wait trigger saves). Beside it a
shell loop writes 256 MB with ``dd … conv=fsync`` again and again into the journal's folder.

Two figures per run:

- **blocked per save**: the time the UI thread spends inside the Autosaver's timer save
  (``Autosaver.save_in_background``), for each save that had something to write, split (from
  Linux's schedstat) into the thread's own CPU time, its wait for a CPU, and the time it
  slept (the disk, a lock): on a shared machine the first two are other people's doing;
- **event-loop stalls**: a 2 ms heartbeat timer's lateness (every late tick, not only saves).

``mode`` ``"deferred"`` is the app as it is (the editor read on the UI thread; the writes, the
COMMIT and its fsync on the journal's committer thread); ``"inline"`` makes the timer's save
write and commit on the UI thread as before (``Autosaver.flush``), for the before/after pair. After
typing the journal must hold exactly the editor's text (nothing lost).

Run alone: ``python -m bench.typing_under_load '{"journal": PATH, "seconds": 60, "mode":
"deferred"}'`` (PATH: a copy the run may change) prints ``RESULT {json}``; ``measure(plan, ws)``
runs both modes per repeat and ``rows`` turns the results into the report's rows.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import cold
from bench.journals import PASSPHRASE
from bench.measure import Plan, Runs, Workspace, label, new_runs
from bench.rows import Results, Row
from bench.stats import Figure, percentile

AT = 100_000
GOAL_MS = 4.0  # the UI thread blocked per save, p99
KEY_EVERY_MS = 25
BURST_S = (2.0, 5.0)
PAUSE_S = (1.0, 2.0)
HEARTBEAT_MS = 2
MODES = ("inline", "deferred")
LOAD = "while :; do dd if=/dev/zero of={big} bs=1M count=256 conv=fsync 2>/dev/null; done"
PCTS = (50, 95, 99, 100)
WHAT = {
    "blocked": "UI blocked per save",
    "blocked_cpu": "UI thread's CPU per save",
    "slept": "UI thread asleep per save (disk, locks)",
    "stalls": "event-loop stall",
}


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def start_load(folder: Path) -> subprocess.Popen[bytes]:
    """The other process: ``dd`` writing 256 MB and syncing it, over and over, in ``folder``."""
    big = folder / "typing-under-load.BIG"
    return subprocess.Popen(
        ["sh", "-c", LOAD.format(big=big)], start_new_session=True, stdout=subprocess.DEVNULL
    )


def stop_load(load: subprocess.Popen[bytes], folder: Path) -> None:
    os.killpg(load.pid, signal.SIGTERM)  # its own session: the shell and its dd
    load.wait()
    (folder / "typing-under-load.BIG").unlink(missing_ok=True)


def _scheduled() -> tuple[float, float]:
    """This thread's time on a CPU and waiting for one, in ms (Linux's schedstat)."""
    with open("/proc/thread-self/schedstat") as stat:
        ran, queued, _ = stat.read().split()
    return int(ran) / 1e6, int(queued) / 1e6


def _timed_saves(mode: str, times: dict[str, list[float]]) -> None:
    """Time every timer save that wrote something: wall time, the UI thread's own CPU
    time, and the time it slept (neither on a CPU nor waiting for one: the disk, a lock),
    which is what a busy machine does not inflate; ``inline``: commit it here."""
    from ui.kit.context import Autosaver

    original = Autosaver.flush if mode == "inline" else Autosaver.save_in_background

    def timed(self: Autosaver) -> None:
        edited = self._edited
        start, (ran, queued) = time.perf_counter(), _scheduled()
        original(self)
        if edited and not self._edited:  # handed over (not "busy, try again" in 15 ms)
            wall, (ran_after, queued_after) = _ms(start), _scheduled()
            times["blocked"].append(wall)
            times["blocked_cpu"].append(ran_after - ran)
            times["slept"].append(max(0.0, wall - (ran_after - ran) - (queued_after - queued)))

    Autosaver.save_in_background = timed  # type: ignore[method-assign]


def _open_one_on_one(app: Any, window: Any) -> Any:
    from iltdesk.lead import lead_summaries
    from ui.lead.page import ONE_ON_ONES

    lead = lead_summaries(window.context.journal)[0].id or 0
    window.sidebar.select_lead(lead)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    app.processEvents()
    # A new 1:1 each run (as on the day of the meeting): every run types into the same
    # text, not into one that earlier runs made longer (saving tokenizes the whole note).
    window.lead_page.new_one_on_one()
    app.processEvents()
    editor = window.lead_page.one_on_ones.editor
    window.activateWindow()
    editor.notes.setFocus()
    app.processEvents()
    return editor


def _type(app: Any, seconds: float, rng: random.Random) -> int:
    """Type letters in bursts into the focused widget for ``seconds``; the keys typed."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    typed = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        burst_end = time.perf_counter() + rng.uniform(*BURST_S)
        while time.perf_counter() < min(burst_end, end):
            focused = QApplication.focusWidget()
            if focused is None:
                raise RuntimeError("the 1:1's notes lost the focus")
            QTest.keyClick(focused, "abcdefghij "[typed % 11])
            typed += 1
            QTest.qWait(KEY_EVERY_MS)
        QTest.qWait(int(rng.uniform(*PAUSE_S) * 1000))
    return typed


def probe(args: dict[str, Any]) -> dict[str, Any]:
    """Type for ``seconds`` into a 1:1 of ``journal`` under the dd load, in ``mode``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from iltdesk.one_on_one import get_one_on_one
    from iltdesk.store.journal import Journal
    from ui.kit.context import AppContext
    from ui.shell.main_window import MainWindow

    times: dict[str, list[float]] = {"blocked": [], "blocked_cpu": [], "slept": []}
    _timed_saves(args["mode"], times)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = Path(args["journal"])
    window = MainWindow(AppContext(Journal.open(path, PASSPHRASE)))
    window.resize(1280, 800)
    window.show()
    editor = _open_one_on_one(app, window)
    saved: list[float] = []
    window.context.saved.connect(lambda: saved.append(time.perf_counter()))
    stalls: list[float] = []
    beat = QTimer()
    beat.setInterval(HEARTBEAT_MS)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(max(0.0, (now - last[0]) * 1000 - HEARTBEAT_MS))
        last[0] = now

    beat.timeout.connect(tick)
    load = start_load(path.parent) if args.get("load", True) else None
    try:
        time.sleep(2.0 if load else 0)  # the load under way first
        last[0] = time.perf_counter()
        beat.start()
        typed = _type(app, float(args["seconds"]), random.Random(args.get("seed", 7)))
        beat.stop()
        assert editor.autosaver.flush(), "the last save failed"
    finally:
        if load is not None:
            stop_load(load, path.parent)
    meeting = editor.meeting.id
    kept = get_one_on_one(window.context.journal, meeting).notes == editor.notes.markdown()
    window.close()
    window.context.journal.close()
    return {
        "mode": args["mode"],
        **times,
        "stalls": stalls,
        "load_average": os.getloadavg()[0],
        "typed": typed,
        "announced": len(saved),
        "kept": kept,
    }


def _run_probe(args: dict[str, Any], home: Path) -> dict[str, Any]:
    """``probe(args)`` in a fresh process."""
    from bench.measure import run_module

    return run_module(
        "bench.typing_under_load",
        [json.dumps(args)],
        home,
        timeout=cold.TIMEOUT_SECONDS + float(args["seconds"]) * 2,
        what="typing probe",
    )


def _metric(mode: str, what: str, pct: int) -> str:
    return f"{mode}|{what}|p{pct}"


def measure(plan: Plan, ws: Workspace) -> Runs:
    """Per repeat, one fresh process per mode (inline, then deferred) typing for
    ``plan.typing_seconds`` (default 60) under the dd load: p50/p95/p99/max (p100) of the time
    blocked per save and of the event loop's stalls, keyed ``"MODE|blocked|p99"``."""
    runs = new_runs()
    size = AT if AT in plan.sizes else max(plan.sizes)
    journal = ws.copy(ws.cache.demo(size))  # a copy in the run's folder, on the bench's disk
    seconds = float(getattr(plan, "typing_seconds", 60))
    for r in range(plan.repeat):
        out = runs[label(size)]
        for mode in MODES:
            args = {"journal": str(journal), "seconds": seconds, "mode": mode, "seed": r}
            result = _run_probe(args, ws.home)
            if not result["kept"]:
                raise cold.CommandFailed(f"typing in {mode} mode lost text")
            for what in WHAT:
                for pct in PCTS:
                    out[_metric(mode, what, pct)].append(percentile(result[what], pct))
            out[f"{mode}|saves"].append(len(result["blocked"]))
            out["load_average"].append(result["load_average"])
            plan.say(
                f"  typing under load run {r + 1}, {label(size)}, {mode}: blocked per save p99 "
                f"{out[_metric(mode, 'blocked', 99)][-1]:.1f} ms "
                f"({len(result['blocked'])} saves), stall p99 "
                f"{out[_metric(mode, 'stalls', 99)][-1]:.1f} ms"
            )
    return runs


def rows(section: Results, sizes: list[str]) -> list[Row]:
    """Per mode: blocked per save and event-loop stalls, p50/p95/p99/max."""
    out = []
    for size, runs in section.items():
        for mode in MODES:
            saves = int(sum(runs[f"{mode}|saves"]))
            for what, name in WHAT.items():
                figs = {pct: Figure.of(runs[_metric(mode, what, pct)]) for pct in PCTS}
                shown = ", ".join(
                    f"{'max' if pct == 100 else f'p{pct}'} {figs[pct].show('ms', 1)}"
                    for pct in PCTS
                )
                judged = mode == "deferred" and what == "blocked"
                out.append(
                    Row(
                        f"typing under a dd load ({mode} commit): {name} ({saves} saves)",
                        size,
                        shown,
                        f"p99 ≤ {GOAL_MS:g} ms" if judged else "—",
                        ("met" if figs[99].median <= GOAL_MS else "missed") if judged else "info",
                    )
                )
    return out


def main() -> int:
    """Run ``probe`` with the JSON arguments in argv[1]."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = probe(json.loads(sys.argv[1]))
    for what in WHAT:
        figures = "  ".join(f"p{p} {percentile(result[what], p):7.2f}" for p in PCTS)
        print(f"{result['mode']:8} {what:8} {figures} ms (n={len(result[what])})", file=sys.stderr)
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
