"""`check` and `backup` with their progress: how long, how fast (MB of the journal a second),
what telling the progress costs, and how evenly the bar moves.

Each run opens a private copy of the journal in a fresh process and times, in alternating
order, the check without anyone listening and with a listener (as the command line and the
app listen), then the backup the same two ways. The cost is the run-by-run ratio of the two,
pairs measured in the same process a few seconds apart, in CPU time (the process's, every
thread's): on a busy machine the wall time of the same work varies by a third. The bar's
pace: the longest time it stood still, and how far it strayed from the share of the time gone
(the bar at 43 % when 43 % of the time is gone is on pace).

``python -m bench.check_progress '{"journal": PATH}'`` prints one line ``RESULT {json}``;
``measure(plan, ws)`` does that per repeat and size, and ``rows`` turns the results into the
report's rows. ``'{"journal": PATH, "calibrate": true}'`` prints instead the VM steps and the
bytes read per page in use (not free) of each phase, and each phase's seconds: the estimates
and weights of ``iltdesk.store.backups.progress``, measured again (after a migration changes
the schema).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import cold
from bench.journals import PASSPHRASE, REPO, cli_env
from bench.measure import Plan, Runs, Workspace, label, new_runs
from bench.rows import Results, Row
from bench.stats import Figure, ratios

COST_GOAL = 1.02  # telling the progress costs at most 2 %
AT_LEAST = 10_000  # smaller journals are checked in a blink: nothing to tell


def _timed(job: Any, listen: bool) -> tuple[float, float, list[tuple[float, float]]]:
    """Seconds ``job(report)`` took, the CPU seconds of the whole process meanwhile (every
    thread's: the watching one too), and (seconds, share done) at each report."""
    told: list[tuple[float, float]] = []
    start, cpu = time.perf_counter(), time.process_time()

    def report(done: int, total: int) -> None:
        told.append((time.perf_counter() - start, done / total))

    job(report if listen else None)
    return time.perf_counter() - start, time.process_time() - cpu, told


def _pace(seconds: float, told: list[tuple[float, float]]) -> tuple[float, float]:
    """The longest the bar stood still (s), and its widest gap from the time's share (points)."""
    moments = [0.0, *(t for t, _ in told), seconds]
    still = max(b - a for a, b in itertools.pairwise(moments))
    stray = max((abs(share - t / seconds) for t, share in told), default=1.0)
    return still, 100 * stray


def run_once(journal_path: Path, flip: bool = False) -> dict[str, Any]:
    """Check and back up ``journal_path``, each without and with a listener (the check
    unheard first, the backup heard first; ``flip``: the other way round, so that what comes
    first or second in a process weighs the same on both over the runs)."""
    from iltdesk.store.backups import backup, check
    from iltdesk.store.backups.progress import journal_bytes
    from iltdesk.store.journal import Journal

    result: dict[str, Any] = {}
    with Journal.open(journal_path, PASSPHRASE) as journal, tempfile.TemporaryDirectory() as tmp:
        with journal.raw() as conn:
            result["mb"] = journal_bytes(conn) / 2**20
        copies = iter(range(10))

        def backed(report: Any) -> None:
            backup(journal, Path(tmp) / f"copy-{next(copies)}.iltdesk", report)

        for name, job in (("check", lambda report: check(journal, report)), ("backup", backed)):
            for listen in (False, True) if (name == "check") != flip else (True, False):
                seconds, cpu, told = _timed(job, listen)
                for copy in Path(tmp).iterdir():  # not timed: the next copy needs the room
                    copy.unlink()
                result[f"{name}_{'told' if listen else 'quiet'}_s"] = seconds
                result[f"{name}_{'told' if listen else 'quiet'}_cpu_s"] = cpu
                if listen:
                    result[f"{name}_still_s"], result[f"{name}_stray_pts"] = _pace(seconds, told)
    return result


def calibrate(journal_path: Path) -> dict[str, Any]:
    """Steps and bytes read per page, and seconds, of each phase of a check and a backup."""
    from iltdesk.search_index import INDEX_TABLE
    from iltdesk.store.backups.copy import export
    from iltdesk.store.backups.integrity import index_out_of_step
    from iltdesk.store.connection import open_connection

    conn = open_connection(journal_path, PASSPHRASE)
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    used = pages - int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    stats = Path(f"/proc/self/task/{threading.get_native_id()}/io")
    calls = [0]

    def read() -> int:
        return next(int(x.split()[1]) for x in stats.read_text().splitlines() if "rchar" in x)

    def counted() -> int:
        calls[0] += 1
        return 0

    conn.set_progress_handler(counted, 1000)
    phases: dict[str, Callable[[], object]] = {
        "cipher": lambda: conn.execute("PRAGMA cipher_integrity_check").fetchall(),
        "integrity": lambda: conn.execute("PRAGMA integrity_check").fetchall(),
        "foreign keys": lambda: conn.execute("PRAGMA foreign_key_check").fetchall(),
        "index": lambda: conn.execute(
            f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES ('integrity-check', 1)"
        ),
        "index rows": lambda: index_out_of_step(conn),
    }
    out: dict[str, Any] = {"pages": pages, "used": used}
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "export.iltdesk"
        target.touch()
        phases["export"] = lambda: export(conn, target, None)
        for name, run in phases.items():
            calls[0], before, start = 0, read(), time.perf_counter()
            run()
            out[name] = {
                "seconds": round(time.perf_counter() - start, 2),
                "steps_per_page": round(calls[0] * 1000 / used, 1),
                "reads_per_byte": round((read() - before) / (used * 4096), 2),
            }
    conn.close()
    return out


def measure(plan: Plan, ws: Workspace) -> Runs:
    """``plan.backup_repeat`` runs at each size of 10k entries or more."""
    runs = new_runs()
    for r in range(max(1, min(plan.repeat, plan.backup_repeat))):
        for size in (s for s in plan.sizes if s >= AT_LEAST):
            journal = ws.copy(ws.cache.demo(size))
            result = _probe({"journal": str(journal), "flip": r % 2 == 1}, ws.home)
            out = runs[label(size)]
            for key, value in result.items():
                out[key].append(value)
            check_s, backup_s = result["check_told_s"], result["backup_told_s"]
            plan.say(
                f"  check/backup run {r + 1}, {label(size)}: check {check_s:.1f} s "
                f"({result['check_quiet_s']:.1f} s unheard), backup {backup_s:.1f} s "
                f"({result['backup_quiet_s']:.1f} s unheard)"
            )
    return runs


def _probe(args: dict[str, Any], home: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.check_progress", json.dumps(args)],
        env=cli_env(home),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=cold.TIMEOUT_SECONDS * 10,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return result
    raise cold.CommandFailed(f"check_progress failed: {proc.stderr.strip().splitlines()[-4:]}")


def rows(section: Results, sizes: list[str]) -> list[Row]:
    """Per size: each job's time and rate with its progress told, what telling costs, and
    how evenly the bar moved."""
    found = []
    for size in sizes:
        runs = section.get(size) or {}
        for job, did in (("check", "check"), ("backup", "backup (copy and its check)")):
            told, quiet = runs.get(f"{job}_told_s"), runs.get(f"{job}_quiet_s")
            if not told or not quiet:
                continue
            rate = Figure.of([mb / s for mb, s in zip(runs["mb"], told, strict=True)])
            # CPU time: on a busy machine the wall time of the same work varies by a third.
            cost = ratios(runs[f"{job}_told_cpu_s"], runs[f"{job}_quiet_cpu_s"])
            still = Figure.of(runs[f"{job}_still_s"])
            stray = Figure.of(runs[f"{job}_stray_pts"])
            found.append(
                Row(
                    f"{did} with progress",
                    size,
                    f"{Figure.of(told).show('s', 1)}, {rate.show('MB/s', 0)}; CPU with progress "
                    f"÷ without {cost.show('×', 3)}; bar still ≤ {still.show('s', 2)}, off pace "
                    f"≤ {stray.show('points', 0)}",
                    "progress costs ≤ 2 %",
                    "met" if cost.median <= COST_GOAL else "missed",
                )
            )
    return found


def main() -> int:
    args = json.loads(sys.argv[1])
    path = Path(args["journal"])
    result = calibrate(path) if args.get("calibrate") else run_once(path, args.get("flip", False))
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
