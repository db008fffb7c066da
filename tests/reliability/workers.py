"""Subprocess workers for the crash tests (T1, T11): real processes that the tests kill -9.

Importing iltdesk costs a second or more, far longer than the operations being interrupted, so
``python -m tests.reliability.workers serve`` imports it once and then forks one child per task
read from stdin (one JSON object a line). Each child is an ordinary process doing the real work
through the core API; the test kills it with SIGKILL, and the OS releases its locks as after any
crash. Nothing is faked: the fork happens before any journal is opened.

Every line on stdout is a JSON object written with one ``os.write`` (atomic on a pipe):
``{"child": PID}`` and ``{"exit": PID, "status": N}`` from the server; ``{"event": ...}`` from
the child, and ``{"event": "ack", ...}`` only after the commit it reports has returned.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
LEAD = "Rosa Delgado"
EDITS_PER_MEETING = 8
PROBE_REVISION = "0900"


def emit(**fields: object) -> None:
    os.write(1, (json.dumps(fields) + "\n").encode())


def note_text(run: int, meeting: int, edit: int) -> str:
    """The exact notes the T1 writer saves for (run, meeting, edit): checkable byte for byte."""
    rng = random.Random(f"{run}/{meeting}/{edit}")
    words = rng.randint(20, 300)
    filler = " ".join(rng.choice(("norms", "data", "agenda", "trust")) for _ in range(words))
    return f"run {run} meeting {meeting} edit {edit}\n{filler}"


def parse_note(text: str) -> tuple[int, int, int] | None:
    """(run, meeting, edit) from notes written by ``note_text``, or None."""
    words = text.split("\n", 1)[0].split()
    if len(words) != 6 or words[0] != "run":
        return None
    return int(words[1]), int(words[3]), int(words[5])


# -- tasks (run in the forked child) ---------------------------------------------------------


def task_write(path: str, passphrase: str, run: int) -> None:
    """T1: save 1:1 notes through the autosave path and create new 1:1s, acking each commit."""
    from iltdesk.one_on_one import add_quick_note, save_one_on_one
    from iltdesk.store.journal import Journal

    journal = Journal.open(Path(path), passphrase)
    emit(event="start")
    meeting = 0
    while True:
        record = add_quick_note(journal, LEAD, note_text(run, meeting, 0))
        emit(event="ack", kind="new", id=record.id, run=run, edit=0)
        for edit in range(1, EDITS_PER_MEETING + 1):
            save_one_on_one(journal, record.id or 0, notes=note_text(run, meeting, edit))
            emit(event="ack", kind="edit", id=record.id, run=run, edit=edit)
        meeting += 1


def task_rekey(path: str, passphrase: str, new: str) -> None:
    from iltdesk.store.journal import Journal
    from iltdesk.store.rekey import rekey

    journal = Journal.open(Path(path), passphrase)
    emit(event="start")
    rekey(journal, new).close()
    emit(event="done")


def task_backup(path: str, passphrase: str, dest: str) -> None:
    from iltdesk.store.backups import backup
    from iltdesk.store.journal import Journal

    with Journal.open(Path(path), passphrase) as journal:
        emit(event="start")
        backup(journal, Path(dest))
        emit(event="done")


def task_daily_backup(path: str, passphrase: str, days_on: int) -> None:
    """The app's day's backup (keyed file, stepwise copy, check, rename, prune), ``days_on``
    days from now, so that every run has a day of its own to back up."""
    from datetime import datetime, timedelta

    from iltdesk.store.backups import daily
    from iltdesk.store.journal import Journal

    now = datetime.now() + timedelta(days=days_on)
    with Journal.open(Path(path), passphrase) as journal:
        prepared = daily.prepare(journal, passphrase, now)
        assert prepared is not None
        emit(event="start")
        prepared.take(journal, now)
        emit(event="done")


def task_restore(path: str, passphrase: str, source: str) -> None:
    from iltdesk.store.backups import restore

    emit(event="start")
    restore(Path(source), Path(path), passphrase, force=True)
    emit(event="done")


def task_migrate(path: str, passphrase: str, into: str) -> None:
    """Open an older journal with a build whose head is the test-only revision 0900."""
    from iltdesk.store import schema
    from iltdesk.store.journal import Journal

    use_probe_migrations(schema, Path(into))
    emit(event="start")
    Journal.open(Path(path), passphrase).close()
    emit(event="done")


def task_compact(path: str, passphrase: str) -> None:
    """Open a journal a migration marked to be compacted: opening compacts it."""
    from iltdesk.store.journal import Journal

    emit(event="start")
    Journal.open(Path(path), passphrase).close()
    emit(event="done")


PROBE_SOURCE = '''"""Test-only revision (T11): a real, data-touching migration to interrupt."""

from alembic import op

from iltdesk.search_index import CURRENT_SOURCES
from iltdesk.search_lists import refill_sql

revision = "0900"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE reliability_probe (id INTEGER PRIMARY KEY, length INTEGER NOT NULL)")
    op.execute("INSERT INTO reliability_probe SELECT id, length(notes) FROM one_on_one")
    for statement in refill_sql(CURRENT_SOURCES):
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE reliability_probe")
'''


def probe_migrations(folder: Path) -> Path:
    """A copy of the packaged migrations plus the test-only revision 0900, in ``folder``."""
    from iltdesk.store import schema

    (folder / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        (folder / name).write_bytes((schema.MIGRATIONS_DIR / name).read_bytes())
    for revision in (schema.MIGRATIONS_DIR / "versions").glob("0*.py"):
        (folder / "versions" / revision.name).write_bytes(revision.read_bytes())
    probe = PROBE_SOURCE.replace("{down}", schema.HEAD_REVISION)  # on top of the real head
    (folder / "versions" / "0900_reliability_probe.py").write_text(probe)
    return folder


def use_probe_migrations(schema: Any, migrations: Path) -> None:
    """Make ``schema`` a build whose migrations live in ``migrations`` (head 0900)."""
    schema.MIGRATIONS_DIR = migrations
    schema.HEAD_REVISION = PROBE_REVISION


TASKS: dict[str, Callable[..., None]] = {
    "write": task_write,
    "rekey": task_rekey,
    "backup": task_backup,
    "daily_backup": task_daily_backup,
    "restore": task_restore,
    "migrate": task_migrate,
    "compact": task_compact,
}


def run_child(task: dict[str, Any]) -> None:
    try:
        TASKS[task.pop("task")](**task)
    except BaseException as exc:  # report the type only: messages may quote journal paths
        emit(event="error", type=type(exc).__name__)
        os._exit(1)
    os._exit(0)


def serve() -> None:
    """Import the core once, then fork one child per task line read from stdin."""

    import iltdesk.one_on_one
    import iltdesk.store.backups
    import iltdesk.store.journal  # noqa: F401

    for line in sys.stdin:
        task = json.loads(line)
        pid = os.fork()
        if pid == 0:
            run_child(task)
        emit(child=pid)
        _, status = os.waitpid(pid, 0)
        emit(exit=pid, status=status)


# -- the test side ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one forked task did before it ended or was killed."""

    events: list[dict[str, Any]] = field(default_factory=list)
    killed: bool = False
    status: int = 0
    seen_at: dict[str, float] = field(default_factory=dict)  # event -> when the test read it

    def saw(self, event: str) -> bool:
        return any(e.get("event") == event for e in self.events)

    @property
    def acks(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("event") == "ack"]


class ForkServer:
    """The test's handle on a ``serve`` process: run tasks, kill them at chosen moments."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.workers", "serve"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._out = self.proc.stdout.fileno()
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def _lines(self, timeout: float) -> list[dict[str, Any]]:
        if b"\n" not in self._buffer and self._selector.select(max(timeout, 0)):
            chunk = os.read(self._out, 65536)
            if not chunk:
                raise RuntimeError("the worker server ended unexpectedly")
            self._buffer += chunk
        *complete, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in complete]

    def run(self, task: dict[str, Any], kill_after: float | None, clock: str = "child") -> Outcome:
        """Run ``task``; SIGKILL it ``kill_after`` seconds after the ``clock`` line (never if
        None, or if it already said "done"). "child" starts the clock at the fork.
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(task) + "\n").encode())
        self.proc.stdin.flush()
        outcome, pid, deadline = Outcome(), 0, None
        give_up = time.monotonic() + 300  # a generous "never hangs" bound
        while time.monotonic() < give_up:
            wait = 1.0 if deadline is None else deadline - time.monotonic()
            for line in self._lines(wait):
                if "child" in line:
                    pid = line["child"]
                elif "exit" in line:
                    outcome.status = line["status"]
                    return outcome
                else:
                    outcome.events.append(line)
                    outcome.seen_at.setdefault(line.get("event", ""), time.monotonic())
                marker = "child" if "child" in line else line.get("event")
                if kill_after is not None and deadline is None and marker == clock:
                    deadline = time.monotonic() + kill_after
            if deadline is not None and time.monotonic() >= deadline and not outcome.killed:
                if not outcome.saw("done") and not outcome.saw("error"):
                    os.kill(pid, signal.SIGKILL)
                    outcome.killed = True
                kill_after = deadline = None
        raise RuntimeError("a worker task never ended")


Verify = Callable[[Outcome], "str | None"]
FIRST_WINDOW_S = 0.3  # the first kill comes before any run was timed


def interrupt(
    server: ForkServer, n: int, task: Callable[[], dict[str, Any]], verify: Verify
) -> tuple[int, int, list[str]]:
    """Kill ``n`` runs mid-operation; return (kills, runs, problems). At most 10n runs: a quick
    backup often ends before its kill.

    The second run is never killed: it measures how long a whole run takes (the window later
    kills are drawn from), and it proves that what the first kill left does not stop a run.
    """
    rng = random.Random()
    problems: list[str] = []
    kills = runs = 0
    window = FIRST_WINDOW_S
    while kills < n and runs < 10 * n:
        runs += 1
        measuring = runs == 2
        outcome = server.run(task(), None if measuring else rng.uniform(0, window), "start")
        if outcome.saw("error") or (measuring and not outcome.saw("done")):
            problems.append(f"run {runs}: the worker failed: {outcome.events}")
        if measuring and outcome.saw("done"):
            window = outcome.seen_at["done"] - outcome.seen_at["start"]
        kills += outcome.killed
        problem = verify(outcome)
        if problem:
            problems.append(f"run {runs}: {problem}")
    return kills, runs, problems


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        sys.exit("usage: python -m tests.reliability.workers serve")
