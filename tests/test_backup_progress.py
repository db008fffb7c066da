"""How far a check or a backup is (``store.backups.progress``): told in bytes of the journal,
only ever growing, at the whole total once and only once the job is done; and the words a
person reads for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from iltdesk.demo import build_demo
from iltdesk.store.backups import backup, check, progress, rotation
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

Told = list[tuple[int, int]]


@pytest.fixture
def demo(journal_path: Path) -> Journal:
    journal = Journal.create(journal_path, PASSPHRASE)
    build_demo(journal, entries=40)
    return journal


def size_of(journal: Journal) -> int:
    return int(journal.execute("PRAGMA page_count")[0][0]) * PAGE_SIZE


def assert_told_whole(told: Told, total: int, phases: int) -> None:
    """Each phase said where it starts or ends; it only grew; the total came once, last."""
    assert len(told) >= phases
    assert {t for _, t in told} == {total}
    done = [d for d, _ in told]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert done[-1] == total and total not in done[:-1]


def test_a_check_tells_how_far_it_is_in_bytes_of_the_journal(demo: Journal) -> None:
    demo.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    told: Told = []
    report = check(demo, lambda done, total: told.append((done, total)))
    assert report.ok
    assert_told_whole(told, size_of(demo), len(progress.CHECK))


def test_counting_ends_with_the_check(demo: Journal) -> None:
    told: Told = []
    check(demo, lambda done, total: told.append((done, total)))
    heard = len(told)
    assert [lead[0] for lead in demo.execute("SELECT name FROM lead")]  # steps, none counted
    assert len(told) == heard


def test_a_read_only_check_tells_its_phases_too(demo: Journal, journal_path: Path) -> None:
    demo.close()
    told: Told = []
    with Journal.open(journal_path, PASSPHRASE, read_only=True) as journal:
        assert check(journal, lambda done, total: told.append((done, total))).ok
        assert_told_whole(told, size_of(journal), len(progress.CHECK_READ_ONLY))


def test_a_backup_tells_how_far_its_copy_and_its_check_are(demo: Journal, tmp_path: Path) -> None:
    told: Told = []
    report = backup(demo, tmp_path / "copy.iltdesk", lambda done, total: told.append((done, total)))
    assert report.ok
    assert_told_whole(told, size_of(demo), len(progress.BACKUP))


def test_the_automatic_backup_taken_at_once_tells_it_too(demo: Journal) -> None:
    from datetime import datetime

    told: Told = []
    entry = rotation.take(demo, datetime.now(), lambda done, total: told.append((done, total)))
    assert entry.path.exists()
    assert_told_whole(told, size_of(demo), len(progress.BACKUP))


def test_nobody_listening_counts_nothing(demo: Journal, tmp_path: Path) -> None:
    assert check(demo).ok and backup(demo, tmp_path / "copy.iltdesk").ok


def test_a_phase_slows_near_the_end_of_its_estimate_and_never_reaches_it() -> None:
    shares = [progress.eased(x / 100) for x in range(0, 400)]
    assert shares == sorted(shares) and shares[-1] < 1.0
    assert progress.eased(0.5) == 0.5 and progress.eased(progress.STEADY_UNTIL) == pytest.approx(
        progress.STEADY_UNTIL
    )
    assert progress.eased(1.0) < 0.97  # an estimate used up still leaves room to move


def test_a_meter_adds_its_phases_by_their_weights() -> None:
    told: Told = []
    meter = progress.Meter(lambda done, total: told.append((done, total)), 1000, ("copy", "cipher"))
    with meter.phase("copy") as copied:
        copied(1, 2)
        copied(2, 2)
    share = progress.WEIGHTS["copy"] / (progress.WEIGHTS["copy"] + progress.WEIGHTS["cipher"])
    assert told[-1] == (int(1000 * share), 1000)  # the copy's whole weight, no more
    meter.finish()
    assert told[-1] == (1000, 1000)


def test_a_meter_whose_total_comes_late_tells_nothing_before() -> None:
    told: Told = []
    meter = progress.Meter(lambda done, total: told.append((done, total)), 0, ("copy",))
    with meter.phase("copy") as copied:
        assert told == []
        meter.sized(4096)
        copied(1, 4)
    meter.finish()
    assert told == [(1024, 4096), (4095, 4096), (4096, 4096)]  # all of it once done


def test_the_words_for_how_far_and_how_fast() -> None:
    mb = 1024 * 1024
    assert (
        progress.progress_text("Checking", 512 * mb, 1190 * mb, 6.0)
        == "Checking… 43% (512 of 1,190 MB, 85 MB/s)"
    )
    assert progress.progress_text("Checking", 0, 40 * mb, 0.0) == "Checking… 0% (0.0 of 40.0 MB)"
    assert (
        progress.done_text("Backed up", 1190 * mb, 14.2)
        == "Backed up 1,190 MB in 14.2 s (84 MB/s)."
    )
    assert progress.took_text(3 * mb // 2, 0.5) == "1.5 MB in 0.5 s, 3.0 MB/s"
