"""Backup, restore and passphrase change: verified copies, and the current journal never lost."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from iltdesk.errors import JournalDamaged, JournalTooNew, UsageError, WrongPassphrase
from iltdesk.models import Lead
from iltdesk.search import search
from iltdesk.store import rewrite as rewrite_mod
from iltdesk.store.backups import (
    CheckReport,
    CopyMethod,
    backup,
    backup_before_migration,
    check,
    daily,
    restore,
    rotation,
)
from iltdesk.store.backups import copy as backup_copy
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_lead(journal: Journal, name: str) -> None:
    with journal.write() as s:
        s.add(Lead(name=name, role="Team Lead", notes=f"{name} runs the data meeting."))


def lead_names(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    with Journal.open(path, passphrase) as j, j.session() as s:
        return sorted(lead.name for lead in s.exec(select(Lead)))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".iltdesk-"))


def test_backup_is_verified_encrypted_private_and_complete(
    journal: Journal, tmp_path: Path
) -> None:
    add_lead(journal, "Priya Natarajan")
    dest = tmp_path / "backups" / "monday.iltdesk"
    report = backup(journal, dest)
    assert report.ok and report.pages > 0
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert stat.S_IMODE(dest.parent.stat().st_mode) == 0o700
    assert b"Natarajan" not in dest.read_bytes()
    journal.close()
    assert lead_names(dest) == ["Priya Natarajan"]
    with Journal.open(dest, PASSPHRASE) as copy:
        assert [h.lead_name for h in search(copy, "data meeting")] == ["Priya Natarajan"]
        assert check(copy).ok


def test_backup_never_overwrites(journal: Journal, tmp_path: Path) -> None:
    dest = tmp_path / "b.iltdesk"
    dest.write_bytes(b"precious")
    with pytest.raises(UsageError, match="already exists"):
        backup(journal, dest)
    assert dest.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []


def test_backup_before_migration_lands_in_private_folder(journal: Journal) -> None:
    with journal.raw() as conn:
        made = backup_before_migration(conn, journal.path, "0001")
    assert made is not None and made.parent.name == "school.backups"
    assert made.name.startswith("before-migration-from-0001-")
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700


def test_every_backup_is_written_by_the_one_copy_function(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's prepared backup, rotation's, one made by hand and the copy kept before a
    migration all end in ``copy.write_verified``: how a backup is checked and put in place is
    decided in one place."""
    real = backup_copy.write_verified
    ways: list[str] = []

    def counted(
        temp: Path, method: CopyMethod, destination: Callable[[], Path]
    ) -> tuple[Path, CheckReport]:
        ways.append(type(method).__name__)
        return real(temp, method, destination)

    monkeypatch.setattr(backup_copy, "write_verified", counted)
    prepared = daily.prepare(journal, PASSPHRASE, datetime.now())
    assert prepared is not None
    written = [prepared.take(journal, datetime.now()).path]
    # a day earlier: the same day's would make the rule prune the prepared one
    written.append(rotation.take(journal, datetime.now() - timedelta(days=1)).path)
    backup(journal, by_hand := tmp_path / "by-hand.iltdesk")
    with journal.raw() as conn:
        before_migration = backup_before_migration(conn, journal.path, "0001")
    assert before_migration is not None
    written += [by_hand, before_migration]
    assert ways == ["Stepped", "Exported", "Exported", "Exported"]
    assert len(set(written)) == 4 and all(lead_names(path) == [] for path in written)


def test_restore_keeps_current_journal_beside(journal: Journal, tmp_path: Path) -> None:
    add_lead(journal, "Before Backup")
    saved = tmp_path / "saved.iltdesk"
    backup(journal, saved)
    add_lead(journal, "After Backup")
    path = journal.path
    journal.close()
    before = digest(path)
    with pytest.raises(UsageError, match="--force"):
        restore(saved, path, PASSPHRASE, force=False)
    assert digest(path) == before
    aside = restore(saved, path, PASSPHRASE, force=True)
    assert aside is not None and aside.parent == path.parent
    assert "before-restore" in aside.name
    assert digest(aside) == before
    assert lead_names(path) == ["Before Backup"]
    assert lead_names(aside) == ["After Backup", "Before Backup"]
    assert leftovers(path.parent) == []


def test_restore_into_new_place(journal: Journal, tmp_path: Path) -> None:
    add_lead(journal, "Only One")
    saved = tmp_path / "saved.iltdesk"
    backup(journal, saved)
    target = tmp_path / "fresh" / "restored.iltdesk"
    assert restore(saved, target, PASSPHRASE, force=False) is None
    assert lead_names(target) == ["Only One"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def _corrupt(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(PAGE_SIZE * 3 + 10)
        fh.write(b"\x00" * 32)


@pytest.mark.parametrize(
    ("spoil", "error"),
    [("corrupt", JournalDamaged), ("wrong_pass", WrongPassphrase), ("too_new", JournalTooNew)],
)
def test_bad_backup_is_refused_and_current_untouched(
    journal: Journal, tmp_path: Path, spoil: str, error: type[Exception]
) -> None:
    add_lead(journal, "Keep Me")
    saved = tmp_path / "saved.iltdesk"
    backup(journal, saved)
    path = journal.path
    journal.close()
    secret = PASSPHRASE
    if spoil == "corrupt":
        _corrupt(saved)
    elif spoil == "wrong_pass":
        secret = "not the one"
    else:
        with Journal.open(saved, PASSPHRASE) as j:
            j.execute("UPDATE alembic_version SET version_num = '0999'")
    saved_digest, before = digest(saved), digest(path)
    with pytest.raises(error):
        restore(saved, path, secret, force=True)
    assert digest(path) == before
    assert digest(saved) == saved_digest  # the user's backup file is never modified
    assert leftovers(path.parent) == []
    assert not list(path.parent.glob("*before-restore*"))


def test_rekey_switches_passphrase(journal: Journal) -> None:
    add_lead(journal, "Rekeyed Lead")
    path = journal.path
    reopened = rekey(journal, "brand new — passphrase")
    reopened.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASSPHRASE)
    assert lead_names(path, "brand new — passphrase") == ["Rekeyed Lead"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(path.parent) == []


def test_rekey_refuses_empty_passphrase(journal: Journal) -> None:
    with pytest.raises(UsageError):
        rekey(journal, "")
    assert not journal.closed


def test_failure_mid_rekey_leaves_old_passphrase_working(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_lead(journal, "Survivor")
    path = journal.path

    def crash(*_: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(rewrite_mod, "verify_file", crash)
    with pytest.raises(OSError, match="power cut"):
        rekey(journal, "never applied")
    journal.close()
    assert lead_names(path) == ["Survivor"]
    with pytest.raises(WrongPassphrase):
        Journal.open(path, "never applied")
    assert leftovers(path.parent) == []
