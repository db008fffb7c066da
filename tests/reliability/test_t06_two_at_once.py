"""T6 two at once: a journal held by one iltdesk is refused to every other, at once and plainly;
a backup taken while the holder keeps writing is whole and holds every acknowledged edit.

A journal is locked for the life of its connection (``locking_mode = EXCLUSIVE``), so a second
process cannot even read it; a backup therefore always goes through the process that holds it.
"""

from __future__ import annotations

import queue
import random
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import select

from iltdesk.errors import JournalInUse
from iltdesk.lead import add_lead
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, Trials
from ui.journal.unlock import UnlockDialog
from ui.shell.app import AppController

NEVER_HANGS_S = 60  # generous: a refusal is immediate; only a hang (busy-wait) could exceed it
IN_USE = "The journal {} is open in another iltdesk window or command. Close it there first."
HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from iltdesk.store.journal import Journal
    journal = Journal.open(Path(sys.argv[1]), sys.argv[2])
    print("ready", flush=True)
    sys.stdin.read()  # hold the journal until the test closes our stdin
    journal.close()
    """
)


def make_journal(path: Path) -> None:
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
        add_quick_note(journal, "Maya", "Planning release time for SLO data.")


@pytest.fixture
def held(journal_path: Path) -> Iterator[Path]:
    """A journal held open by another iltdesk process (as a second app window would be)."""
    make_journal(journal_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "ready"
    try:
        yield journal_path
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def cli_attempts(path: Path, tmp: Path, i: int) -> list[str]:
    choices = [
        ["search", str(path), "release"],
        ["note", str(path), "--lead", "Maya", f"a note that must not be written {i}"],
        ["check", str(path)],
        ["leads", str(path)],
        ["backup", str(path), str(tmp / f"copy-{i}.iltdesk")],
    ]
    return random.Random(i).choice(choices)


@pytest.mark.parametrize("holder", ["another process", "this process"])
def test_a_second_command_is_refused_at_once(
    holder: str, journal_path: Path, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    make_journal(journal_path)
    proc = None
    journal = None
    if holder == "this process":
        journal = Journal.open(journal_path, PASSPHRASE)
    else:
        cmd = [sys.executable, "-c", HOLDER, str(journal_path), PASSPHRASE]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    count = trials(2, 50)
    codes: dict[int, int] = {}
    slowest = 0.0
    messages = set()
    try:
        for i in range(count):
            args = cli_attempts(journal_path, tmp_path, i)
            started = time.monotonic()
            result = run_cli(*args, env={"ILTDESK_PASSPHRASE": PASSPHRASE}, timeout=NEVER_HANGS_S)
            slowest = max(slowest, time.monotonic() - started)
            codes[result.returncode] = codes.get(result.returncode, 0) + 1
            messages.add(result.stderr)
    finally:
        if journal is not None:
            journal.close()
        if proc is not None and proc.stdin is not None:
            proc.stdin.close()
            proc.wait(timeout=60)
    expected = (
        f"iltdesk: The journal {journal_path} is open in another iltdesk window or command."
        " Close it there first.\n"
    )
    stored, passes = notes_in(journal_path)
    notes = list(stored.values())
    ok = codes == {5: count} and messages == {expected} and passes and len(notes) == 1
    figure(
        "T6",
        f"second CLI while {holder} holds the journal",
        f"{codes.get(5, 0)}/{count} commands (search, note, check, leads, backup) exited 5 with "
        f"'{expected.strip()}'; slowest refusal {slowest:.1f} s including Python start-up; "
        f"journal unchanged by them and passes check: {'yes' if passes else 'NO'}",
        ok,
    )
    assert codes == {5: count}
    assert messages == {expected}
    assert passes and notes == ["Planning release time for SLO data."]
    assert not list(tmp_path.glob("copy-*"))


def test_the_app_says_plainly_that_the_journal_is_open_elsewhere(
    qtbot: QtBot, held: Path, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    dialog = UnlockDialog(held)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    started = time.monotonic()
    dialog.try_unlock()
    took = time.monotonic() - started
    shown = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
    still_asking = dialog.journal is None and dialog.result() == 0
    kept = dialog.passphrase.selectedText() == PASSPHRASE

    # Starting the app on it with the passphrase at hand: the same words on the unlock dialog.
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    on_start: list[str] = []

    def refuse(self: UnlockDialog) -> int:
        on_start.append(self.error.text())
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", refuse)
    controller = AppController()
    controller.start(held)
    if controller.welcome is not None:
        qtbot.addWidget(controller.welcome)
    in_use = IN_USE.format(held)
    ok = shown == in_use and still_asking and kept and on_start == [in_use]
    figure(
        "T6",
        "second app on a journal open elsewhere",
        f"the unlock dialog said '{shown}' after {took:.2f} s and stayed open with the "
        f"passphrase kept; starting the app with the passphrase at hand showed the same "
        f"message: {'yes' if on_start == [in_use] else on_start}",
        ok,
    )
    assert shown == in_use
    assert still_asking and kept
    assert took < NEVER_HANGS_S
    assert on_start == [in_use] and controller.window is None
    with pytest.raises(JournalInUse):
        Journal.open(held, PASSPHRASE)


WRITER = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from iltdesk.store.backups import backup
    from iltdesk.one_on_one import add_quick_note
    from iltdesk.store.journal import Journal
    journal = Journal.open(Path(sys.argv[1]), sys.argv[2])
    said = threading.Lock()
    stop = threading.Event()

    def say(line):
        with said:
            print(line, flush=True)

    def write():
        i = 0
        while not stop.is_set():
            meeting = add_quick_note(journal, "Maya", f"edit {i}")
            say(f"ack {meeting.id} {i}")  # only after the commit returned
            i += 1

    writer = threading.Thread(target=write)
    writer.start()
    say("ready")
    for line in sys.stdin:
        if not line.strip():
            break
        say("start")
        say(f"done {backup(journal, Path(line.strip())).pages}")
    stop.set()
    writer.join()
    journal.close()
    say("closed")
    """
)


class Writer:
    """The writer process and the lines it has said, read on a thread so nothing blocks."""

    def __init__(self, path: Path) -> None:
        cmd = [sys.executable, "-c", WRITER, str(path), PASSPHRASE]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.acked: dict[int, str] = {}

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def until(self, word: str) -> str:
        """Read lines (keeping each acknowledgement) until one starts with ``word``."""
        while True:
            line = self.lines.get(timeout=NEVER_HANGS_S)
            if line.startswith("ack "):
                _, record_id, i = line.split()
                self.acked[int(record_id)] = f"edit {i}"
            elif line.startswith(word):
                return line

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()


def notes_in(path: Path) -> tuple[dict[int, str], bool]:
    with Journal.open(path, PASSPHRASE) as journal:
        with journal.session() as s:
            notes = {m.id or 0: m.notes for m in s.exec(select(OneOnOne))}
        return notes, check(journal).ok


def test_a_backup_taken_during_writes_is_whole(
    journal_path: Path, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    make_journal(journal_path)
    writer = Writer(journal_path)
    count = trials(2, 40)
    rnd = random.Random(6)
    taken: list[tuple[Path, dict[int, str]]] = []
    outside = None
    try:
        writer.until("ready")
        for k in range(count):
            time.sleep(rnd.uniform(0.05, 0.5))  # let the writer run on
            dest = tmp_path / "backups" / f"during-{k}.iltdesk"
            writer.send(str(dest))
            writer.until("start")
            taken.append((dest, dict(writer.acked)))  # acknowledged before the backup began
            writer.until("done")
            if k == 0:  # meanwhile, a backup from outside the holder is refused
                outside = run_cli(
                    "backup",
                    str(journal_path),
                    str(tmp_path / "outside.iltdesk"),
                    env={"ILTDESK_PASSPHRASE": PASSPHRASE},
                )
        writer.send("")
        writer.until("closed")
    finally:
        writer.proc.kill()
        writer.proc.wait()
    complete = passing = 0
    missing = 0
    for dest, acked in taken:
        notes, passes = notes_in(dest)
        passing += passes
        lost = [i for i, text in acked.items() if notes.get(i) != text]
        missing += len(lost)
        complete += not lost
    final, final_passes = notes_in(journal_path)
    lost_in_journal = [i for i, text in writer.acked.items() if final.get(i) != text]
    edits = len(writer.acked)
    ok = complete == passing == count and not lost_in_journal and final_passes
    assert outside is not None
    figure(
        "T6",
        "backup during writes",
        f"{count} backups taken through the holder while it committed {edits:,} edits: "
        f"{passing}/{count} pass check, {complete}/{count} hold every edit acknowledged before "
        f"they began ({missing} missing); a backup from outside the holder exits "
        f"{outside.returncode}; 0 of {edits:,} acknowledged edits lost in the journal"
        if not lost_in_journal
        else f"{len(lost_in_journal)} acknowledged edits lost in the journal",
        ok and outside.returncode == 5,
    )
    assert outside.returncode == 5, outside.stderr
    assert passing == count and complete == count
    assert not lost_in_journal and final_passes
    assert edits > count  # the writer really did write while the backups ran
