"""Automatic rotating backups: when they are due, what is kept, and that a failure costs nothing."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from iltdesk.errors import JournalDamaged, JournalError, UsageError, WrongPassphrase
from iltdesk.models import Lead
from iltdesk.store.backups import (
    backup,
    backup_before_migration,
    backups_dir,
    check,
    restore,
    restore_from,
    rotation,
)
from iltdesk.store.backups import copy as backup_copy
from iltdesk.store.connection import PAGE_SIZE, Connection
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

MONDAY = datetime(2026, 1, 5, 8, 0)  # ISO week 2 of 2026


def add_lead(journal: Journal, name: str) -> None:
    with journal.write() as s:
        s.add(Lead(name=name, role="Team Lead", notes=f"{name} runs the data meeting."))


def lead_names(path: Path) -> list[str]:
    with Journal.open(path, PASSPHRASE) as j, j.session() as s:
        return sorted(lead.name for lead in s.exec(select(Lead)))


def automatic(journal: Journal) -> list[datetime]:
    """The stamps of the journal's automatic backups, oldest first."""
    found = rotation.automatic_backups(rotation.backup_folder(journal), journal.path.stem)
    return sorted(stamp for stamp, _ in found)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """A folder nobody can write to, not even root (who ignores mode bits: hence chattr +i)."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o500)
    immutable = os.geteuid() == 0
    if immutable:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a read-only folder")
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        os.chmod(folder, 0o700)


# -- when --------------------------------------------------------------------------------------


def test_due_once_per_day_and_never_when_turned_off(journal: Journal) -> None:
    assert rotation.due(journal, MONDAY)
    rotation.take(journal, MONDAY)
    assert not rotation.due(journal, MONDAY + timedelta(hours=9))  # later the same day
    assert rotation.due(journal, datetime(2026, 1, 6, 0, 1))  # the next day
    assert not rotation.due(journal, MONDAY - timedelta(minutes=1))  # clock set back a little
    rotation.set_enabled(journal, False)
    assert not rotation.due(journal, datetime(2026, 1, 9, 8, 0))
    rotation.set_enabled(journal, True)
    assert rotation.due(journal, datetime(2026, 1, 9, 8, 0))


# -- what is kept ------------------------------------------------------------------------------


def _others(journal: Journal) -> list[Path]:
    """Files in the backups folder that rotation must never delete."""
    folder = backups_dir(journal.path)
    with journal.raw() as conn:
        migration = backup_before_migration(conn, journal.path, "0001")
    assert migration is not None
    manual = folder / f"{journal.path.stem}-2026-01-04-0900.iltdesk"
    backup(journal, manual)
    stranger = folder / "other.auto-20260101-080000.iltdesk"  # another journal's, same folder
    shutil.copyfile(manual, stranger)
    renamed = folder / "keep-me.iltdesk"
    shutil.copyfile(manual, renamed)
    leftover = folder / ".iltdesk-crashed.tmp"  # what a crash mid-backup leaves
    leftover.write_bytes(manual.read_bytes()[: PAGE_SIZE * 2])
    return [migration, manual, stranger, renamed, leftover]


def test_sixty_days_keep_exactly_seven_daily_and_four_weekly(
    journal: Journal, tmp_path: Path
) -> None:
    """Weekdays: unlock at 08:00 and 13:00; Wednesdays also "Back up now" at 16:30.

    Every backup but the last is a copy of one real backup put under the name ``take`` gives
    it, then pruned as ``take`` does (each real backup is fsynced twice: 60 would take
    minutes); the last one is a real ``take``.
    """
    add_lead(journal, "Priya Natarajan")
    others = _others(journal)
    first = rotation.take(journal, MONDAY - timedelta(days=30)).path
    folder, stem = first.parent, journal.path.stem
    sample = shutil.copyfile(first, tmp_path / "sample.iltdesk")
    moments: list[datetime] = []
    for offset in range(60):
        day = MONDAY + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for moment in (day, day.replace(hour=13)):
            if rotation.due(journal, moment):
                moments.append(moment)
                if moment != MONDAY + timedelta(days=59):
                    shutil.copyfile(sample, folder / f"{stem}.auto-{moment:%Y%m%d-%H%M%S}.iltdesk")
                    rotation.prune(folder, moment, stem)
                else:
                    rotation.take(journal, moment)
        if day.weekday() == 2:
            moments.append(day.replace(hour=16, minute=30))
            shutil.copyfile(sample, folder / f"{stem}.auto-{day:%Y%m%d}-163000.iltdesk")
            rotation.prune(folder, moments[-1], stem)
        assert len(automatic(journal)) <= rotation.KEEP_DAILY + rotation.KEEP_WEEKLY

    taken = len(moments)
    assert taken == 44 + 9  # every weekday's 08:00, plus nine Wednesdays by hand
    assert automatic(journal) == [
        datetime(2026, 1, 30, 8, 0),  # weekly: ISO week 5's newest
        datetime(2026, 2, 6, 8, 0),  # weekly: week 6
        datetime(2026, 2, 13, 8, 0),  # weekly: week 7
        datetime(2026, 2, 20, 8, 0),  # weekly: week 8 (week 9's newest is already a daily)
        datetime(2026, 2, 25, 16, 30),  # daily: the newest of each of the last 7 days
        datetime(2026, 2, 26, 8, 0),
        datetime(2026, 2, 27, 8, 0),
        datetime(2026, 3, 2, 8, 0),
        datetime(2026, 3, 3, 8, 0),
        datetime(2026, 3, 4, 16, 30),
        datetime(2026, 3, 5, 8, 0),
    ]
    assert all(path.exists() for path in others)
    journal.close()
    newest = rotation.automatic_backups(backups_dir(journal.path), journal.path.stem)[0][1]
    assert lead_names(newest) == ["Priya Natarajan"]


def test_a_long_break_keeps_the_old_backups_and_a_wrong_clock_loses_nothing() -> None:
    before_break = [MONDAY + timedelta(days=d) for d in range(3)]
    after = datetime(2026, 6, 1, 8, 0)
    assert rotation.retained([*before_break, after], after) == {*before_break, after}
    future = datetime(2031, 1, 1, 8, 0)  # written while the clock was wrong
    daily = [MONDAY + timedelta(days=d) for d in range(10)]
    now = daily[-1]
    kept = rotation.retained([future, *daily], now)
    assert future in kept and now in kept
    # The last 7 days are dailies; both ISO weeks' newest are among them, so no weekly.
    assert kept == {future, *daily[3:]}


def test_two_backups_in_one_second_are_both_written_and_the_newer_kept(journal: Journal) -> None:
    first = rotation.take(journal, MONDAY)
    add_lead(journal, "Daniel Kim")
    second = rotation.take(journal, MONDAY)
    assert second.path != first.path and second.taken_at > first.taken_at
    assert not first.path.exists() and second.path.exists()
    journal.close()
    assert lead_names(second.path) == ["Daniel Kim"]


# -- failures cost nothing ---------------------------------------------------------------------


def test_a_backup_that_fails_its_check_deletes_no_older_backup(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_lead(journal, "Priya Natarajan")
    first = rotation.take(journal, MONDAY).path
    for offset in range(1, 7):  # seven dailies: the next good backup makes the oldest go
        day = MONDAY + timedelta(days=offset)
        shutil.copyfile(first, first.with_name(f"school.auto-{day:%Y%m%d-%H%M%S}.iltdesk"))
    before = automatic(journal)
    assert len(before) == 7 and before[0] == MONDAY
    real_export = backup_copy.export

    def damaging_export(conn: Connection, dest: Path, new_passphrase: str | None) -> None:
        real_export(conn, dest, new_passphrase)
        with dest.open("r+b") as copy:  # a disk that garbles what was written
            copy.seek(PAGE_SIZE + 100)
            copy.write(b"\xff" * 64)

    monkeypatch.setattr(backup_copy, "export", damaging_export)
    with pytest.raises(JournalDamaged, match="failed its check"):
        rotation.take(journal, MONDAY + timedelta(days=7))
    folder = backups_dir(journal.path)
    assert automatic(journal) == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".iltdesk-")]
    assert check(journal).ok
    monkeypatch.setattr(backup_copy, "export", real_export)
    rotation.take(journal, MONDAY + timedelta(days=7))
    assert automatic(journal) == [*before[1:], MONDAY + timedelta(days=7)]  # pruned only now


def test_a_damaged_temporary_file_is_never_listed_or_counted(journal: Journal) -> None:
    entry = rotation.take(journal, MONDAY)
    folder = entry.path.parent
    leftover = folder / ".iltdesk-k2j4x9.tmp"
    leftover.write_bytes(entry.path.read_bytes()[: PAGE_SIZE * 3 + 17])
    entry.path.unlink()
    assert rotation.list_backups(journal.path) == []
    assert rotation.due(journal, MONDAY + timedelta(hours=1))
    taken = rotation.take(journal, MONDAY + timedelta(hours=1))
    assert [e.path for e in rotation.list_backups(journal.path)] == [taken.path]
    assert leftover.exists()  # not made by rotation: left alone


def test_a_missing_or_read_only_chosen_folder_is_a_plain_error(
    journal: Journal, tmp_path: Path
) -> None:
    rotation.set_folder(journal, tmp_path / "usb-drive" / "backups")
    with pytest.raises(UsageError, match="is not there"):
        rotation.take(journal, MONDAY)
    assert not (tmp_path / "usb-drive").exists()  # never created on the wrong disk
    with read_only_folder(tmp_path / "locked") as locked:
        rotation.set_folder(journal, locked)
        with pytest.raises(JournalError, match="No backup was written") as raised:
            rotation.take(journal, MONDAY)
        assert str(locked) in str(raised.value)
        assert list(locked.iterdir()) == []
    assert check(journal).ok


# -- what a backup is --------------------------------------------------------------------------


def test_a_backup_is_private_encrypted_and_opens_with_the_passphrase(journal: Journal) -> None:
    add_lead(journal, "Priya Natarajan")
    entry = rotation.take(journal, MONDAY)
    assert entry.path.parent == backups_dir(journal.path)
    assert entry.path.name == "school.auto-20260105-080000.iltdesk"
    assert entry.size == entry.path.stat().st_size > 0
    assert stat.S_IMODE(entry.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.path.parent.stat().st_mode) == 0o700
    assert b"Natarajan" not in entry.path.read_bytes()
    journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(entry.path, "not the passphrase")
    assert lead_names(entry.path) == ["Priya Natarajan"]
    with Journal.open(entry.path, PASSPHRASE) as copy:
        assert check(copy).ok


def test_the_chosen_folder_and_switch_survive_close_and_reopen(
    journal: Journal, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(UsageError):
        rotation.set_folder(journal, Path("relative/backups"))
    rotation.set_folder(journal, elsewhere)
    rotation.set_enabled(journal, False)
    journal.close()
    with Journal.open(journal.path, PASSPHRASE) as again:
        assert rotation.chosen_folder(again) == elsewhere
        assert not rotation.is_enabled(again)
        entry = rotation.take(again, MONDAY)
        assert entry.path.parent == elsewhere
        assert not backups_dir(again.path).exists()
        assert [e.path for e in rotation.list_backups(again.path, elsewhere)] == [entry.path]
        rotation.set_folder(again, None)
        assert rotation.backup_folder(again) == backups_dir(again.path)
    assert b"elsewhere" not in journal.path.read_bytes()  # the path is kept encrypted


def test_list_backups_names_every_kind_newest_first(journal: Journal, tmp_path: Path) -> None:
    path = journal.path
    with journal.raw() as conn:
        migration = backup_before_migration(conn, path, "0001")
    manual = backups_dir(path) / "school-2020-01-04-0900.iltdesk"
    backup(journal, manual)
    automatic_entry = rotation.take(journal, datetime(2020, 1, 3, 8, 0))
    spare = tmp_path / "spare.iltdesk"
    backup(journal, spare)
    journal.close()
    aside = restore(spare, path, PASSPHRASE, force=True)
    assert migration is not None and aside is not None
    entries = rotation.list_backups(path)
    assert [(e.path, e.kind) for e in entries] == [
        (aside, "before-restore"),
        (migration, "before-update"),
        (manual, "manual"),
        (automatic_entry.path, "automatic"),
    ]
    assert entries[2].taken_at == datetime(2020, 1, 4, 9, 0)
    assert all(e.size == e.path.stat().st_size > 0 for e in entries)


def test_restoring_a_damaged_backup_is_a_plain_error_and_changes_nothing(
    journal: Journal,
) -> None:
    add_lead(journal, "Priya Natarajan")
    damaged = rotation.take(journal, MONDAY).path
    with damaged.open("r+b") as copy:  # garbled where the schema lives: unreadable, not wrong
        copy.seek(PAGE_SIZE + 200)
        copy.write(b"\x00" * 32)
    journal.close()
    before = journal.path.read_bytes()
    with pytest.raises(JournalDamaged, match="is damaged"):
        restore_from(damaged, journal.path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        restore_from(damaged, journal.path, "not the passphrase")
    assert journal.path.read_bytes() == before
    assert [e.kind for e in rotation.list_backups(journal.path)] == ["automatic"]
    assert lead_names(journal.path) == ["Priya Natarajan"]
