"""The day's backup copied in steps (``Journal.copy_to``, ``backups.daily``): the journal stays
usable during the copy, what is written meanwhile reaches the copy, closing stops it cleanly,
and only a checked copy is ever named as a backup."""

from __future__ import annotations

import os
import stat
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from iltdesk.demo import build_demo
from iltdesk.errors import JournalDamaged, UsageError, WrongPassphrase
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.store.backups import CheckReport, daily, rotation
from iltdesk.store.backups import copy as backup_copy
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import CopyStopped, Journal
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo(journal_path: Path) -> Journal:
    journal = Journal.create(journal_path, PASSPHRASE)
    build_demo(journal, entries=40)
    return journal


def names(journal: Journal) -> list[str]:
    return sorted(s.name for s in lead_summaries(journal))


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(".iltdesk-*"))


def wait_until_copying(journal: Journal) -> None:
    deadline = time.monotonic() + 30
    while not journal._copying:
        assert time.monotonic() < deadline, "the copy never started"
        time.sleep(0.001)


def keyed_target(journal: Journal) -> daily.PreparedBackup:
    prepared = daily.prepare(journal, PASSPHRASE, datetime.now())
    assert prepared is not None
    return prepared


def test_the_copy_and_its_check_say_how_far_they_are_in_bytes(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("iltdesk.store.journal.COPY_STEP_PAGES", 16)  # the demo in many steps
    steps: list[tuple[int, int]] = []
    pages = demo.execute("PRAGMA page_count")[0][0]
    keyed_target(demo).take(demo, datetime.now(), lambda done, total: steps.append((done, total)))
    assert len(steps) > pages // 16  # each step of the copy, then the check's phases
    totals = {total for _, total in steps}
    assert totals == {pages * PAGE_SIZE} and steps[-1][0] == pages * PAGE_SIZE  # all of it
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert [done for done, total in steps].count(pages * PAGE_SIZE) == 1  # only once done


def test_the_days_backup_is_a_checked_private_copy(demo: Journal) -> None:
    now = datetime.now()
    prepared = keyed_target(demo)
    assert stat.S_IMODE(prepared.temp.stat().st_mode) == 0o600
    assert leftovers(prepared.folder) == [prepared.temp]  # one keyed file, no rollback journal
    entry = prepared.take(demo, now)
    assert entry.kind == "automatic" and entry.path.name.startswith(f"{demo.path.stem}.auto-")
    assert stat.S_IMODE(entry.path.stat().st_mode) == 0o600
    assert leftovers(entry.path.parent) == []
    assert rotation.due(demo, now) is False  # today's is taken
    assert daily.prepare(demo, PASSPHRASE, now) is None
    expected = names(demo)
    demo.close()
    with Journal.open(entry.path, PASSPHRASE) as copy:  # the journal's own passphrase opens it
        assert names(copy) == expected


def test_the_journal_is_usable_during_the_copy_and_the_copy_has_what_was_written(
    demo: Journal,
) -> None:
    prepared = keyed_target(demo)
    assert prepared._conn is not None
    copying = threading.Thread(target=demo.copy_to, args=(prepared._conn,), kwargs={"pages": 1})
    copying.start()
    wait_until_copying(demo)
    add_lead(demo, "Written Mid-Copy")  # not held until the copy ends...
    assert copying.is_alive()  # ...it happened while the copy was under way
    copying.join()
    prepared._conn.close()
    prepared._conn = None
    with Journal.open(prepared.temp, PASSPHRASE) as copy:
        assert "Written Mid-Copy" in names(copy)
    prepared.discard()


def test_closing_the_journal_stops_the_copy_and_leaves_no_file(demo: Journal) -> None:
    prepared = keyed_target(demo)
    errors: list[BaseException] = []

    def take() -> None:
        try:
            assert prepared._conn is not None
            demo.copy_to(prepared._conn, pages=1)
        except BaseException as exc:
            errors.append(exc)
        finally:
            prepared.discard()

    copying = threading.Thread(target=take)
    copying.start()
    wait_until_copying(demo)
    demo.close()  # a lock: waits one step at most, then closes
    copying.join(timeout=30)
    assert [type(e) for e in errors] == [CopyStopped]
    assert leftovers(prepared.folder) == [] and not copying.is_alive()
    with Journal.open(demo.path, PASSPHRASE) as reopened:  # the journal itself is whole
        assert len(names(reopened)) == 6
    late = keyed_target(reopened := Journal.open(demo.path, PASSPHRASE))
    reopened.close()
    assert late._conn is not None
    with pytest.raises(CopyStopped):  # closed before its copy began: the same quiet stop
        reopened.copy_to(late._conn)
    late.discard()


def test_a_copy_asked_to_stop_stops_between_steps_and_leaves_no_file(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("iltdesk.store.journal.COPY_STEP_PAGES", 4)  # the demo in many steps
    prepared = keyed_target(demo)
    steps: list[int] = []

    def skipped() -> bool:  # the person skips after the third step
        return len(steps) >= 3

    with pytest.raises(CopyStopped):
        prepared.take(demo, datetime.now(), lambda done, _total: steps.append(done), skipped)
    assert len(steps) == 3  # no step was copied after the answer
    assert leftovers(prepared.folder) == []
    assert rotation.automatic_backups(prepared.folder, demo.path.stem) == []
    assert not demo.closed and rotation.due(demo, datetime.now())  # the next unlock takes it
    entry = keyed_target(demo).take(demo, datetime.now(), should_stop=lambda: False)
    assert entry.path.exists()


def test_a_copy_that_fails_its_check_is_not_kept(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rotation.automatic_backups(rotation.backup_folder(demo), demo.path.stem)
    prepared = keyed_target(demo)
    monkeypatch.setattr(
        backup_copy, "check_connection", lambda conn, **_: CheckReport(problems=["integrity: bad"])
    )
    with pytest.raises(JournalDamaged, match="The backup failed its check: integrity: bad"):
        prepared.take(demo, datetime.now())
    assert leftovers(prepared.folder) == []
    assert rotation.automatic_backups(prepared.folder, demo.path.stem) == before
    add_lead(demo, "Still Writable")


def test_nothing_is_prepared_that_could_not_be_restored_or_written(
    demo: Journal, tmp_path: Path
) -> None:
    with pytest.raises(WrongPassphrase, match="no backup was made"):
        daily.prepare(demo, "not the passphrase", datetime.now())
    rotation.set_folder(demo, tmp_path / "unplugged drive")
    with pytest.raises(UsageError, match="is not there"):
        daily.prepare(demo, PASSPHRASE, datetime.now())
    rotation.set_folder(demo, None)
    rotation.set_enabled(demo, False)
    assert daily.prepare(demo, PASSPHRASE, datetime.now()) is None


def test_older_backups_are_pruned_after_a_good_copy(demo: Journal) -> None:
    now = datetime.now()
    folder = rotation.backup_folder(demo)
    for days in range(1, 12):
        rotation.take(demo, now - timedelta(days=days))
    before = [stamp for stamp, _ in rotation.automatic_backups(folder, demo.path.stem)]
    entry = keyed_target(demo).take(demo, now)
    after = {stamp for stamp, _ in rotation.automatic_backups(folder, demo.path.stem)}
    assert entry.taken_at in after
    assert after == rotation.retained([*before, entry.taken_at], now)
    assert len(after) < len(before) + 1  # the rule pruned something


def test_what_a_quit_mid_backup_left_in_a_chosen_folder_is_swept(
    demo: Journal, tmp_path: Path
) -> None:
    chosen = tmp_path / "usb"
    chosen.mkdir(mode=0o700)
    rotation.set_folder(demo, chosen)
    stale, fresh = chosen / ".iltdesk-old.tmp", chosen / ".iltdesk-new.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a copy")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    mine = chosen / "notes.txt"
    mine.write_text("not ours")
    os.utime(mine, (hours_ago, hours_ago))
    prepared = keyed_target(demo)
    assert not stale.exists() and fresh.exists() and mine.exists()  # a young one may be running
    prepared.take(demo, datetime.now())
    assert sorted(p.name for p in chosen.iterdir() if p.name.startswith(".")) == [fresh.name]
