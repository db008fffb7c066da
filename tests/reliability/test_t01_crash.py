"""T1 crash: kill -9 a writer at random moments; no acknowledged edit may ever be lost.

The writer (``workers.task_write``) saves 1:1 notes through the autosave path
(``save_one_on_one``) and creates new 1:1s (``add_quick_note``), and reports each id only after
the commit has returned. After every kill the journal must open, pass ``check`` and hold every
acknowledged edit byte for byte. One journal is reused across all kills, so later writers also
recover the WAL a killed one left behind (and are themselves killed while doing so).
"""

from __future__ import annotations

import random
import shutil
import signal
from pathlib import Path

from iltdesk.errors import JournalError
from iltdesk.lead import add_lead
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.reliability.app_typist import signalled_while_typing, typing_then
from tests.reliability.conftest import Figure, Trials
from tests.reliability.workers import LEAD, ForkServer, note_text, parse_note

# Some kills are timed from the fork, landing while the writer opens the journal (key
# derivation, recovering the WAL the last one left); the rest from its first write.
OPENING_SHARE = 0.3
OPENING_WINDOW_S = 0.5
WRITING_WINDOW_S = 0.6
IN_PLACE_EVERY = 5  # other kills are checked on a copy, leaving the hot WAL to the next writer

Expected = dict[int, tuple[int, int]]  # 1:1 id -> (run, last acknowledged edit)


def lost_edits(journal: Journal, expected: Expected) -> int:
    """How many acknowledged records are missing or older than their last acknowledged edit."""
    stored = dict(journal.execute("SELECT id, notes FROM one_on_one"))
    lost = 0
    for record_id, (run, edit) in expected.items():
        notes = stored.get(record_id)
        found = None if notes is None else parse_note(notes)
        if found is None or found[0] != run or found[2] < edit or notes != note_text(*found):
            lost += 1
    return lost


def verify(path: Path, expected: Expected) -> tuple[bool, int]:
    """(opened and passed check, acknowledged records lost) for the journal at ``path``."""
    try:
        with Journal.open(path, PASSPHRASE) as journal:
            return check(journal).ok, lost_edits(journal, expected)
    except JournalError:
        return False, len(expected)


def copy_of(path: Path, scratch: Path) -> Path:
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    for source in (path, Path(f"{path}-wal")):
        if source.exists():
            shutil.copyfile(source, scratch / source.name)
    return scratch / path.name


def test_kill_9_loses_no_acknowledged_edit(tmp_path: Path, trials: Trials, figure: Figure) -> None:
    kills = trials(8, 1000)
    path = tmp_path / "crash.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, LEAD)
    rng = random.Random()
    expected: Expected = {}
    acknowledged = lost = passed = killed = 0
    with ForkServer() as server:
        for run in range(kills):
            task = {"task": "write", "path": str(path), "passphrase": PASSPHRASE, "run": run}
            if rng.random() < OPENING_SHARE:
                outcome = server.run(task, rng.uniform(0, OPENING_WINDOW_S), clock="child")
            else:
                outcome = server.run(task, rng.uniform(0, WRITING_WINDOW_S), clock="start")
            killed += outcome.killed
            for ack in outcome.acks:
                expected[ack["id"]] = (ack["run"], ack["edit"])
            acknowledged += len(outcome.acks)
            target = path if run % IN_PLACE_EVERY == 0 else copy_of(path, tmp_path / "copy")
            ok, missing = verify(target, expected)
            passed += ok
            lost = max(lost, missing)
        server.close()
    ok = killed == kills and lost == 0 and passed == kills and acknowledged > 0
    figure(
        "T1",
        "crash",
        f"{killed:,} kills, {acknowledged:,} acknowledged edits, {lost} lost; "
        f"{passed:,}/{kills:,} opened and passed check",
        ok,
    )
    assert killed == kills, "a writer ended on its own instead of being killed"
    assert acknowledged > 0
    assert lost == 0
    assert passed == kills


# The autosave's maximum wait (1 s) plus room for the commit and a busy two-core machine.
AGE_BOUND_S = 1.5


def test_kill_9_during_continuous_typing_loses_at_most_a_second(
    tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    kills = trials(2, 50)
    rng = random.Random()
    worst = 0.0
    keys_total = 0
    for _ in range(kills):
        killed_at, keys, saved, status = typing_then(signal.SIGKILL, tmp_path / "k", rng)
        assert status == -signal.SIGKILL
        lost_from = saved + 1  # the first letter the journal does not hold
        if lost_from in keys:
            worst = max(worst, killed_at - keys[lost_from])
        keys_total += len(keys)
    ok = worst <= AGE_BOUND_S
    figure(
        "T1",
        "kill -9 while typing",
        f"{kills} kills during continuous typing ({keys_total:,} keys); the oldest letter lost "
        f"was typed {worst:.2f} s before the kill (bound {AGE_BOUND_S} s)",
        ok,
    )
    assert ok, f"text typed {worst:.2f} s before the kill was lost"


def test_sigterm_during_typing_loses_nothing_and_closes_cleanly(
    tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    runs = trials(1, 20)
    lost, unclean = signalled_while_typing(signal.SIGTERM, tmp_path / "t", runs)
    figure(
        "T1",
        "SIGTERM while typing",
        f"{runs} runs: {lost} lost typing, {unclean} not closed cleanly (exit 0, no -wal)",
        lost == 0 and unclean == 0,
    )
    assert lost == 0 and unclean == 0
