"""T5 disk full: a journal whose disk fills up while it is written loses nothing acknowledged.

Two ways to fill the disk, both exercising SQLite's SQLITE_FULL path:

- ``tmpfs``: the journal lives on a 4 MB tmpfs mounted for the test (needs root, as here and in
  CI); a filler file takes the free space, deleting it frees the space again.
- ``max_page_count``: no privileges needed; ``PRAGMA max_page_count`` on the journal's own
  connection caps the file's size, raising it frees the space again.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select

from iltdesk.errors import DiskFull
from iltdesk.lead import add_lead
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import add_quick_note, get_one_on_one, start_one_on_one
from iltdesk.store.backups import backup, check
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, Trials
from ui.kit.context import AppContext
from ui.lead.page import ONE_ON_ONES
from ui.shell.main_window import MainWindow

TINY_BYTES = 4 * 1024 * 1024
NO_LIMIT = 1_073_741_823  # SQLite's largest max_page_count
DISK_FULL_MESSAGE = "The disk is full, so the last change was not saved."


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs, unmounted afterwards; skipped where mounting is not permitted."""
    mount = tmp_path / "tiny"
    mount.mkdir(mode=0o700)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TINY_BYTES},mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({result.stderr.strip() or 'not permitted'}); "
            "the max_page_count variant exercises the same SQLITE_FULL path"
        )
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], check=False)


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def fill(folder: Path, leave: int = 0) -> Path:
    """Take the free space of ``folder``'s disk, all but about ``leave`` bytes."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    chunk = b"\0" * 4096
    try:
        while free_bytes(folder) > leave:
            os.write(fd, chunk)
    except OSError:
        pass  # ENOSPC: full
    finally:
        os.close(fd)
    return filler


@dataclass
class Disk:
    """Where a journal goes, and how to make its disk full and free again."""

    kind: str
    folder: Path
    rnd: random.Random = field(default_factory=lambda: random.Random(5))

    def make_full(self, journal: Journal, leave: int) -> None:
        if self.kind == "tmpfs":
            fill(self.folder, leave)
        else:
            pages = int(journal.execute("PRAGMA page_count")[0][0])
            journal.execute(f"PRAGMA max_page_count = {pages + leave // 4096}")

    def make_free(self, journal: Journal | None) -> None:
        if self.kind == "tmpfs":
            (self.folder / "filler").unlink(missing_ok=True)
        elif journal is not None and not journal.closed:
            journal.execute(f"PRAGMA max_page_count = {NO_LIMIT}")


@pytest.fixture(params=["tmpfs", "max_page_count"])
def disk(request: pytest.FixtureRequest, tmp_path: Path) -> Disk:
    if request.param == "tmpfs":
        return Disk("tmpfs", request.getfixturevalue("tiny_disk"))
    folder = tmp_path / "journals"
    folder.mkdir(mode=0o700)
    return Disk("max_page_count", folder)


@dataclass
class Outcome:
    """What one trial saw."""

    acknowledged: dict[int, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # raised DiskFull: must not be stored
    problems: list[str] = field(default_factory=list)
    passes_check: bool = False


def write_until_full(journal: Journal, trial: int, rnd: random.Random, out: Outcome) -> None:
    """Add notes of 1–40 KB until the disk is full, then try a few more."""
    for i in range(400):
        text = f"note {trial}-{i} " + "".join(rnd.choices("abcdefgh \n", k=rnd.randint(1, 40_000)))
        try:
            meeting = add_quick_note(journal, "Maya", text)
            out.acknowledged[meeting.id or 0] = text
        except DiskFull as exc:
            if str(exc) != DISK_FULL_MESSAGE:
                out.problems.append(f"message {exc}")
            out.refused.append(text)
            if len(out.refused) >= 4:
                return
        except Exception as exc:
            out.problems.append(f"{type(exc).__name__} while writing")
            return
    out.problems.append("the disk never filled up")


def one_trial(disk: Disk, trial: int) -> Outcome:
    """Fill, write, free, write again, close, reopen, compare and check."""
    out = Outcome()
    path = disk.folder / f"trial-{trial}.iltdesk"
    rnd = random.Random(trial)
    journal = Journal.create(path, PASSPHRASE)
    add_lead(journal, "Maya Ortiz")
    disk.make_full(journal, leave=rnd.randrange(0, 400_000))
    write_until_full(journal, trial, rnd, out)
    if trial % 2:  # half the trials close (and reopen) while the disk is still full
        journal.close()
        journal = Journal.open(path, PASSPHRASE)
    disk.make_free(journal)
    for i in range(3):  # writes resume once there is space
        text = f"after {trial}-{i}"
        out.acknowledged[add_quick_note(journal, "Maya", text).id or 0] = text
    journal.close()
    with Journal.open(path, PASSPHRASE) as reopened:
        with reopened.session() as s:
            stored = {m.id or 0: m.notes for m in s.exec(select(OneOnOne))}
        out.passes_check = check(reopened).ok
    out.problems += [f"lost #{i}" for i, text in out.acknowledged.items() if stored.get(i) != text]
    kept = set(stored.values())
    out.problems += ["a refused note was stored" for text in out.refused if text in kept]
    for leftover in disk.folder.glob(f"trial-{trial}.iltdesk*"):
        leftover.unlink()
    return out


def test_a_full_disk_loses_no_acknowledged_edit(disk: Disk, trials: Trials, figure: Figure) -> None:
    count = trials(2, 100)
    acknowledged = refused = resumed = 0
    problems: list[str] = []
    for trial in range(count):
        out = one_trial(disk, trial)
        acknowledged += len(out.acknowledged)
        refused += len(out.refused)
        resumed += out.passes_check and not out.problems
        problems += out.problems
    ok = resumed == count and not problems
    lost = sum(p.startswith("lost") for p in problems)
    figure(
        "T5",
        f"disk full ({disk.kind})",
        f"{count} trials: {acknowledged:,} acknowledged edits, {lost} lost; {refused:,} writes "
        f"refused with DiskFull; writes resumed after freeing space and the journal passed check "
        f"in {resumed}/{count}" + (f"; problems {problems[:5]}" if problems else ""),
        ok,
    )
    assert not problems, problems[:10]
    assert resumed == count


def test_the_cli_says_the_disk_is_full_and_exits_7(tiny_disk: Path, figure: Figure) -> None:
    path = tiny_disk / "school.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    note = "Release time for SLO data. " * 10_000  # ~270 KB: more than a full disk can take
    fill(tiny_disk)
    full = run_cli("note", str(path), "--lead", "Maya", "-", env=env, stdin=note)
    (tiny_disk / "filler").unlink()
    freed = run_cli("note", str(path), "--lead", "Maya", "-", env=env, stdin=note)
    with Journal.open(path, PASSPHRASE) as journal:
        with journal.session() as s:
            stored = [m.notes for m in s.exec(select(OneOnOne))]
        passes = check(journal).ok
    ok = (full.returncode, freed.returncode, passes, stored) == (7, 0, True, [note])
    figure(
        "T5",
        "disk full in the CLI (`iltdesk note` on a full tmpfs)",
        f"exit {full.returncode} with '{full.stderr.strip()}'; after freeing space the same "
        f"command exits {freed.returncode} and the journal {'passes' if passes else 'FAILS'} "
        "check; "
        f"{len(stored)} note stored (the refused one is not)",
        ok,
    )
    assert full.returncode == 7
    assert full.stderr == f"iltdesk: {DISK_FULL_MESSAGE}\n"
    assert freed.returncode == 0, freed.stderr
    assert stored == [note] and passes


def _words(markdown: str) -> str:
    """``markdown``'s words with single spaces: Markdown keeps long lines wrapped, so where a
    line breaks depends on what stands before it."""
    return " ".join(markdown.split())


def test_the_editor_keeps_text_typed_on_a_full_disk_and_saves_it_when_space_returns(
    qtbot: QtBot, disk: Disk, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    path = disk.folder / "school.iltdesk"
    journal = Journal.create(path, PASSPHRASE)
    maya = add_lead(journal, "Maya Ortiz").id or 0
    meeting = start_one_on_one(journal, maya).id or 0
    monkeypatch.setattr("ui.kit.context.RETRY_MS", 200)
    asked: list[str] = []

    def warning(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    window = MainWindow(AppContext(journal))
    try:
        window.show()
        window.sidebar.select_lead(maya)
        window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
        editor = window.lead_page.one_on_ones.editor
        assert editor.meeting is not None and editor.meeting.id == meeting
        journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no room left in the WAL either
        disk.make_full(journal, leave=0)
        pasted = "A long passage pasted from the observation form. " * 600
        typed = "Words typed while the disk was full"
        editor.notes.moveCursor(QTextCursor.MoveOperation.End)
        editor.notes.textCursor().insertText(pasted)
        qtbot.keyClicks(editor.notes, typed)
        qtbot.waitUntil(lambda: window.save_state.text().startswith("Not saved"), timeout=10_000)
        told = window.save_state.text()
        kept = typed in _words(editor.notes.markdown()) and editor.autosaver.dirty
        refused_close = not window.close() and asked == ["Some text is not saved"]
        assert typed not in _words(get_one_on_one(journal, meeting).notes)

        disk.make_free(journal)
        qtbot.waitUntil(
            lambda: typed in _words(get_one_on_one(journal, meeting).notes), timeout=10_000
        )
        qtbot.waitUntil(lambda: window.save_state.text() == "All changes saved", timeout=10_000)
        assert window.close()
    finally:
        window.close()
        window.deleteLater()
        journal.close()
    with Journal.open(path, PASSPHRASE) as reopened:
        stored = get_one_on_one(reopened, meeting).notes
        passes = check(reopened).ok
    saved = typed in _words(stored) and _words(pasted) in _words(stored)
    expected = f"Not saved: {DISK_FULL_MESSAGE} Your text is kept here and iltdesk will try again."
    ok = told == expected and kept and refused_close and saved and passes
    figure(
        "T5",
        f"disk full in the app's editor ({disk.kind})",
        f"autosave failed and the window said '{told}'; typed text kept in the editor: "
        f"{'yes' if kept else 'NO'}; quitting asked first: {'yes' if refused_close else 'NO'}; "
        f"the retry saved it once space was freed and it was there after reopening: "
        f"{'yes' if saved else 'NO'}; check {'passes' if passes else 'FAILS'}",
        ok,
    )
    assert told == expected
    assert kept and refused_close
    assert saved and passes


def test_checking_and_backing_up_on_a_full_disk_say_so(tiny_disk: Path, figure: Figure) -> None:
    path = tiny_disk / "school.iltdesk"
    journal = Journal.create(path, PASSPHRASE)
    try:
        add_lead(journal, "Maya Ortiz")  # still in the WAL: checking must first copy it over
        fill(tiny_disk)
        outcomes = {}
        for name, action in (
            ("check", lambda: check(journal)),
            ("backup", lambda: backup(journal, tiny_disk / "copy.iltdesk")),
        ):
            try:
                action()
                outcomes[name] = "succeeded"
            except DiskFull:
                outcomes[name] = "DiskFull"
            except Exception as exc:
                outcomes[name] = f"uncaught {type(exc).__name__}"
    finally:
        journal.close()
    leftovers = sorted(p.name for p in tiny_disk.iterdir() if not p.name.startswith("school"))
    cli = run_cli("check", str(path), env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    (tiny_disk / "filler").unlink()
    with Journal.open(path, PASSPHRASE) as reopened:
        passes = check(reopened).ok
    ok = outcomes == {"check": "DiskFull", "backup": "DiskFull"} and cli.returncode == 7
    figure(
        "T5",
        "check and backup on a full disk",
        f"check: {outcomes['check']}; backup: {outcomes['backup']}; `iltdesk check` exit "
        f"{cli.returncode}; files left beside the journal {leftovers}; check after freeing "
        f"space {'passes' if passes else 'FAILS'}",
        ok and leftovers == ["filler"] and passes,
    )
    assert outcomes == {"check": "DiskFull", "backup": "DiskFull"}
    assert cli.returncode == 7, cli.stderr
    assert leftovers == ["filler"] and passes
