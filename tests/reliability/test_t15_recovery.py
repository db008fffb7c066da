"""T15 interrupted recovery and kit rotation: kill -9 mid-way, often; never locked out.

Each operation runs in a forked worker through the real core API (``recover``, and
``install_kit`` with a new key) and is killed at a random moment after its "start": within
the time a whole run takes (measured once first, as T11 does), half of them in its last half,
where the moments that decide the outcome are (``interrupt_spread``). Every trial starts from
a copy of one prepared journal folder (journal, escrow beside it and in its backups folder),
so no key derivation is spent making journals.

After every kill:
- recovery: the journal opens with the old or the new passphrase, passes ``check``, holds
  every row, and the escrow the recovery key opens still holds the passphrase that opens it
  (so the recovery can simply be run again, and after the first kill and every tenth it is);
- rotation: the journal opens with its passphrase (never changed), passes ``check``; every
  escrow file present opens with the old or the new key and holds the passphrase; after
  ``heal`` (the next unlock) the journal's own kit's escrow is in both places.

The worker server is ``workers.serve`` with this file's two tasks added (``python -m
tests.reliability.test_t15_recovery serve``); everything else is ``workers``'s.
"""

from __future__ import annotations

import os
import random
import selectors
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from iltdesk.errors import JournalError, WrongPassphrase
from iltdesk.recovery import kit
from iltdesk.recovery.files import escrow_paths, read_escrow
from iltdesk.recovery.key import RecoveryKey, kit_id
from iltdesk.recovery.kit import Place
from iltdesk.recovery.recover import escrows_for, recover
from iltdesk.store.backups import backups_dir, check
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.reliability import workers
from tests.reliability.conftest import Figure, Trials
from tests.reliability.test_t11_interrupted import new_journal, rows_of, temp_leftovers
from tests.reliability.workers import FIRST_WINDOW_S, ForkServer, Outcome, Verify, emit

NEW = "the passphrase chosen on the recovery day — neu"
AGAIN = "the recovery, run again after the kill"
MADE = datetime(2026, 9, 1, 8, 0)
ROTATED = MADE + timedelta(days=200)  # a newer kit: its escrow replaces the old one's

# -- the worker side ------------------------------------------------------------------------


def task_recover(path: str, key: str, new: str) -> None:
    from iltdesk.recovery.recover import recover

    emit(event="start")
    recover(Path(path), key, new).close()
    emit(event="done")


def task_rotate(path: str, passphrase: str, key: str, made: str) -> None:
    from iltdesk.recovery.kit import install_kit

    with Journal.open(Path(path), passphrase) as journal:
        emit(event="start")
        install_kit(journal, RecoveryKey.parse(key), passphrase, datetime.fromisoformat(made))
        emit(event="done")


def serve() -> None:
    import iltdesk.recovery.kit
    import iltdesk.recovery.recover
    import iltdesk.store.rekey  # noqa: F401  (imported once, before the forks)

    workers.TASKS.update(recover=task_recover, rotate=task_rotate)
    workers.serve()


class RecoveryServer(ForkServer):
    """``workers.ForkServer`` running this module's ``serve`` (its tasks plus workers's)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.test_t15_recovery", "serve"],
            cwd=workers.REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._out = self.proc.stdout.fileno()
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)


# -- the test side --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    home = tmp_path_factory.mktemp("home")  # the workers never see the real HOME either
    env = {
        **os.environ,
        "HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    with RecoveryServer(env) as worker_server:
        yield worker_server
        worker_server.close()


class Prepared:
    """One journal folder with a recovery kit, copied afresh for every trial."""

    def __init__(self, root: Path) -> None:
        self.key = RecoveryKey.generate()
        self.template = root / "template"
        self.path = root / "work" / "school.iltdesk"
        self.rows = new_journal(self.template / self.path.name, notes=40)
        with Journal.open(self.template / self.path.name, PASSPHRASE) as journal:
            kit.install_kit(journal, self.key, PASSPHRASE, MADE)
        self.left = 0  # temporary files found after kills (each must be swept by an open)

    def reset(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)
        shutil.copytree(self.template, self.path.parent)

    def leftovers(self) -> list[Path]:
        return temp_leftovers(self.path.parent, backups_dir(self.path))

    def open_problem(self, journal: Journal, passphrase: str) -> str | None:
        """What is wrong with a journal just opened with ``passphrase`` (None: nothing)."""
        if self.leftovers():
            return "a temporary file of the killed process survived the open"
        if not check(journal).ok:
            return "check failed"
        if rows_of(journal) != self.rows:
            return "rows differ"
        if not journal.verify_passphrase(passphrase):
            return "its passphrase verifier holds another passphrase"
        return None


# Half the kills are drawn from the last half of a run and past its end: a run that ends before
# its kill is not wasted, its length keeps the window true as the machine's load changes.
LATE_SHARE = 0.5


def interrupt_spread(
    server: ForkServer, n: int, task: Callable[[], dict[str, Any]], verify: Verify
) -> tuple[int, int, list[str]]:
    """``workers.interrupt``, with half the kills drawn from the last half of a run, and a run's
    length taken as the median of every run that ended on its own (not the second run alone).

    The moments that decide what a kill leaves come late in both operations (the kit's commit
    and its escrow files; the rename of the rekeyed file), and a run's length varies with the
    machine's load: with kills drawn evenly over the second run's length, 100 rotations were
    all killed before the kit's commit, and one slow second run let 222 of 322 recoveries end
    before their kill; with late kills no later than 1.1 runs, a window measured in a quiet
    moment never grew, and 98 of 100 recoveries were killed before the rename."""
    rng = random.Random()
    problems: list[str] = []
    kills = runs = 0
    lengths = [FIRST_WINDOW_S]  # of the runs that ended on their own; the median is the window
    while kills < n and runs < 10 * n:
        runs += 1
        measuring = runs == 2
        window = statistics.median(lengths[1:] or lengths)
        late = rng.random() < LATE_SHARE
        delay = rng.uniform(0.5 * window, 1.5 * window) if late else rng.uniform(0, window)
        outcome = server.run(task(), None if measuring else delay, "start")
        if outcome.saw("error") or (measuring and not outcome.saw("done")):
            problems.append(f"run {runs}: the worker failed: {outcome.events}")
        if outcome.saw("done"):
            lengths.append(outcome.seen_at["done"] - outcome.seen_at["start"])
        kills += outcome.killed
        problem = verify(outcome)
        if problem:
            problems.append(f"run {runs}: {problem}")
    return kills, runs, problems


def held_by(path: Path, key: RecoveryKey) -> set[str]:
    """Every passphrase ``key`` unseals from the escrows kept for ``path``."""
    ours = [e for e in escrows_for(path) if e.recipient == key.public_bytes()]
    return {passphrase for escrow in ours for passphrase in escrow.open(key)}


def report(
    figure: Figure, what: str, kills: int, runs: int, problems: list[str], extra: str
) -> bool:
    ok = not problems and kills > 0
    bad = len({p.split(":")[0] for p in problems if p.startswith("run ")})
    figure(
        "T15",
        f"interrupted {what}",
        f"{kills} kills mid-{what} in {runs} runs; {runs - bad}/{runs} journals opened and "
        f"passed check with every row; {extra}",
        ok,
    )
    return ok


RETRY_EVERY = 10  # after the first kill and every tenth the recovery is run again here


def retry_problem(prepared: Prepared) -> str | None:
    """Run the interrupted recovery again, in this process: it must simply work."""
    try:
        journal = recover(prepared.path, prepared.key.text(), AGAIN)
    except JournalError as exc:
        return f"a second recovery after the kill failed: {type(exc).__name__}"
    with journal:
        return None if rows_of(journal) == prepared.rows else "a second recovery lost rows"


def test_interrupted_recovery(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    prepared = Prepared(tmp_path)
    opened_with = {"old": 0, "new": 0}
    retried = 0

    def task() -> dict[str, Any]:
        prepared.reset()
        return dict(task="recover", path=str(prepared.path), key=prepared.key.text(), new=NEW)

    def verify(outcome: Outcome) -> str | None:
        nonlocal retried
        prepared.left += len(prepared.leftovers())
        for which, secret in (("old", PASSPHRASE), ("new", NEW)):
            try:
                journal = Journal.open(prepared.path, secret)
            except WrongPassphrase:
                continue
            except JournalError as exc:
                return f"{type(exc).__name__}: {exc}"
            opened_with[which] += 1
            with journal:
                problem = prepared.open_problem(journal, secret)
            if problem is None and secret not in held_by(prepared.path, prepared.key):
                problem = f"the escrow lacks the {which} passphrase that opens the journal"
            if problem is None and outcome.killed and sum(opened_with.values()) % RETRY_EVERY == 1:
                problem, retried = retry_problem(prepared), retried + 1
            return problem
        return "opens with neither passphrase"

    kills, runs, problems = interrupt_spread(server, trials(6, 100), task, verify)
    ok = report(
        figure,
        "recovery",
        kills,
        runs,
        problems,
        f"{opened_with['old']} opened with the old passphrase, {opened_with['new']} with the new "
        f"one, each time with an escrow holding it; the recovery run again after {retried} "
        f"of the kills opened it each time; {prepared.left} temporary files left by kills, each "
        "swept by the next open",
    )
    assert ok, problems


def test_interrupted_kit_rotation(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    prepared = Prepared(tmp_path)
    old = prepared.key
    newest: list[RecoveryKey] = []
    kits = {"old": 0, "new": 0, "healed": 0}

    def task() -> dict[str, Any]:
        prepared.reset()
        newest.append(RecoveryKey.generate())
        return dict(
            task="rotate",
            path=str(prepared.path),
            passphrase=PASSPHRASE,
            key=newest[-1].text(),
            made=ROTATED.isoformat(),
        )

    def verify(outcome: Outcome) -> str | None:
        prepared.left += len(prepared.leftovers())
        keys = {old.public_bytes(): old, newest[-1].public_bytes(): newest[-1]}
        for place in escrow_paths(prepared.path):  # each was there before: never lost
            escrow = read_escrow(place)
            if escrow is None or escrow.recipient not in keys:
                return f"the escrow {place.name} is unreadable by the old and the new key"
            if PASSPHRASE not in escrow.open(keys[escrow.recipient]):
                return f"the escrow {place.name} lacks the passphrase"
        try:
            journal = Journal.open(prepared.path, PASSPHRASE)
        except JournalError as exc:
            return f"{type(exc).__name__}: {exc}"
        with journal:
            problem = prepared.open_problem(journal, PASSPHRASE)
            before = kit.status(journal).places
            status = kit.heal(journal, PASSPHRASE)
        now = newest[-1] if status.kit == kit_of(newest[-1]) else old
        kits["new" if now is newest[-1] else "old"] += 1
        kits["healed"] += any(p is not Place.KEPT for _, p in before)
        if status.kit != kit_of(now) or any(p is not Place.KEPT for _, p in status.places):
            problem = problem or f"after heal the kit's escrow is not in place: {status.places}"
        if problem is None and PASSPHRASE not in held_by(prepared.path, now):
            problem = "after heal the journal's kit does not hold its passphrase"
        return problem

    kills, runs, problems = interrupt_spread(server, trials(10, 100), task, verify)
    ok = report(
        figure,
        "kit rotation",
        kills,
        runs,
        problems,
        f"the passphrase opened every one; {kits['old']} kept the old kit, {kits['new']} had the "
        f"new one ({kits['healed']} of them with the old kit's escrow in a place until the next "
        "unlock healed it); every escrow file opened with the old or the new key, and after "
        f"the next unlock the journal's kit was in both places; {prepared.left} temporary files "
        "left by kills, each swept by the next open",
    )
    assert ok, problems


def kit_of(key: RecoveryKey) -> str:
    return kit_id(key.public_bytes())


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        sys.exit("usage: python -m tests.reliability.test_t15_recovery serve")
