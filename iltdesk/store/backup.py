"""Check, back up, restore and re-key journals without ever putting the current one at risk.

Every copy is written next to its destination under a neutral temporary name, verified, made
durable, and only then renamed into place, so a crash leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import JournalDamaged, JournalInUse, UsageError
from iltdesk.paths import (
    JOURNAL_SUFFIX,
    create_private_file,
    ensure_private_dir,
    fsync_dir,
    private_temp_path,
)
from iltdesk.search_index import INDEX_TABLE
from iltdesk.store import schema
from iltdesk.store.connection import (
    Connection,
    check_new_passphrase,
    classify,
    normalise_passphrase,
    open_connection,
    sql_string,
)
from iltdesk.store.journal import Journal


@dataclass
class CheckReport:
    """What ``check`` found. ``ok`` when there are no problems."""

    revision: str | None = None
    pages: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return not self.problems


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backups_dir(journal_path: Path) -> Path:
    """The private folder beside a journal where its automatic backups go."""
    return journal_path.parent / f"{journal_path.stem}.backups"


def check_connection(conn: Connection, schema_name: str = "main") -> CheckReport:
    """Run SQLCipher's page checks, SQLite's integrity and foreign-key checks and the index's."""
    report = CheckReport()
    checks = (
        ("cipher", f"PRAGMA {schema_name}.cipher_integrity_check"),
        ("integrity", f"PRAGMA {schema_name}.integrity_check"),
        ("foreign keys", f"PRAGMA {schema_name}.foreign_key_check"),
    )
    try:
        report.pages = int(conn.execute(f"PRAGMA {schema_name}.page_count").fetchone()[0])
        for label, sql in checks:
            rows = [r for r in conn.execute(sql).fetchall() if r and r[0] != "ok"]
            report.problems += [f"{label}: {' '.join(map(str, row))}" for row in rows[:20]]
        conn.execute(
            f"INSERT INTO {schema_name}.{INDEX_TABLE}({INDEX_TABLE}, rank) "
            "VALUES ('integrity-check', 1)"
        )
        report.revision = conn.execute(
            f"SELECT version_num FROM {schema_name}.alembic_version"
        ).fetchone()[0]
    except sqlcipher.Error as exc:
        report.problems.append(f"unreadable: {exc}")
    return report


def check(journal: Journal) -> CheckReport:
    """Check an open journal from end to end (passphrase already proven by opening it)."""
    with journal.raw() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return check_connection(conn)


def _durable(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _export(conn: Connection, dest: Path, new_passphrase: str | None) -> None:
    """Write an encrypted copy of ``conn``'s database to the existing empty file ``dest``."""
    key = "" if new_passphrase is None else f" KEY {sql_string(new_passphrase)}"
    conn.execute(f"ATTACH DATABASE {sql_string(str(dest))} AS export_copy{key}")
    try:
        conn.execute("SELECT sqlcipher_export('export_copy')")
    finally:
        conn.execute("DETACH DATABASE export_copy")
    _durable(dest)


def _verify_same_key(conn: Connection, dest: Path) -> CheckReport:
    """Check a copy made with the journal's own key, through the journal's connection."""
    conn.execute(f"ATTACH DATABASE {sql_string(str(dest))} AS verify_copy")
    try:
        return check_connection(conn, "verify_copy")
    finally:
        conn.execute("DETACH DATABASE verify_copy")


def write_backup(conn: Connection, dest: Path) -> CheckReport:
    """Write a verified encrypted copy to ``dest`` (same passphrase), atomically, 0600."""
    if dest.exists():
        raise UsageError(f"{dest} already exists; choose another name.")
    ensure_private_dir(dest.parent)
    try:
        with private_temp_path(dest) as tmp:
            tmp.unlink()
            create_private_file(tmp)
            _export(conn, tmp, None)
            report = _verify_same_key(conn, tmp)
            if not report.ok:
                raise JournalDamaged("The backup failed its check: " + "; ".join(report.problems))
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
    except sqlcipher.Error as exc:
        raise classify(exc, dest) from None
    return report


def backup(journal: Journal, dest: Path) -> CheckReport:
    """Back an open journal up to ``dest`` and verify the copy before reporting success."""
    with journal.raw() as conn:
        return write_backup(conn, dest)


def backup_before_migration(conn: Connection, path: Path, revision: str | None) -> Path | None:
    """Keep a verified copy of a journal before its schema is changed."""
    if revision is None:
        return None  # a brand-new file holds nothing to lose
    folder = ensure_private_dir(backups_dir(path))
    dest = folder / f"before-migration-from-{revision}-{_stamp()}{JOURNAL_SUFFIX}"
    write_backup(conn, dest)
    return dest


def ensure_not_open(path: Path) -> None:
    """Raise ``JournalInUse`` if another process holds the journal at ``path``."""
    conn = sqlcipher.connect(str(path), isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master")
    except sqlcipher.Error as exc:
        if isinstance(classify(exc, path), JournalInUse):
            raise classify(exc, path) from None
    finally:
        conn.close()


def _verify_file(path: Path, passphrase: str) -> CheckReport:
    conn = open_connection(path, passphrase)
    try:
        revision = schema.stored_revision(conn)
        schema.needs_upgrade(revision)  # refuses a backup from a newer iltdesk
        report = check_connection(conn)
    finally:
        conn.close()
    if not report.ok:
        raise JournalDamaged(f"{path} is damaged: " + "; ".join(report.problems))
    return report


def _set_aside(journal_path: Path) -> Path:
    aside = journal_path.with_name(f"{journal_path.stem}.before-restore-{_stamp()}{JOURNAL_SUFFIX}")
    try:
        os.link(journal_path, aside)
    except OSError:
        shutil.copy2(journal_path, aside)
    wal = Path(f"{journal_path}-wal")
    if wal.exists():  # a stale WAL must never be replayed onto the restored file
        os.replace(wal, Path(f"{aside}-wal"))
    return aside


def restore(backup_path: Path, journal_path: Path, passphrase: str, *, force: bool) -> Path | None:
    """Put a verified backup in place of ``journal_path``.

    The current journal, if any, is kept beside it under a timestamped name (returned).
    """
    if journal_path.exists() and not force:
        raise UsageError(f"{journal_path} exists; pass --force to replace it (it will be kept).")
    if not backup_path.is_file():
        raise UsageError(f"There is no backup at {backup_path}.")
    ensure_private_dir(journal_path.parent)
    aside = None
    with private_temp_path(journal_path) as tmp:
        shutil.copyfile(backup_path, tmp)
        _durable(tmp)
        _verify_file(tmp, passphrase)
        if journal_path.exists():
            ensure_not_open(journal_path)
            aside = _set_aside(journal_path)
        os.replace(tmp, journal_path)
        fsync_dir(journal_path.parent)
    return aside


def rekey(journal: Journal, new_passphrase: str) -> Journal:
    """Re-encrypt the journal under ``new_passphrase``; return it reopened.

    The new file is written and verified beside the old one, then renamed over it, so a crash
    at any moment leaves a journal that opens with either the old or the new passphrase.
    """
    check_new_passphrase(new_passphrase)
    path = journal.path
    new_key = normalise_passphrase(new_passphrase)
    with private_temp_path(path) as tmp:
        tmp.unlink()
        create_private_file(tmp)
        with journal.raw() as conn:
            try:
                _export(conn, tmp, new_key)
            except sqlcipher.Error as exc:
                raise classify(exc, path) from None
        _verify_file(tmp, new_passphrase)
        journal.close()
        # The copy already holds every commit; an old WAL must never be replayed onto it.
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}-wal").unlink()
        os.replace(tmp, path)
        fsync_dir(path.parent)
    reopened = Journal.open(path, new_passphrase)
    reopened.refresh_verifier(new_passphrase)  # the copy still holds the old passphrase's
    return reopened
