"""Check, back up, restore and re-key journals without ever putting the current one at risk.

Every copy is written next to its destination under a neutral temporary name, verified, made
durable, and only then renamed into place, so a crash leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.destination import backups_dir as backups_dir
from iltdesk.destination import check_destination, check_restore_target
from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.paths import (
    JOURNAL_SUFFIX,
    create_private_file,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    private_temp_path,
)
from iltdesk.search_index import INDEX_TABLE
from iltdesk.store import schema, verifier
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


def _free_name(folder: Path, stem: str) -> Path:
    """``folder/stem.iltdesk``, or ``stem-2``, ``stem-3``… when taken (two in one second)."""
    candidate, n = folder / f"{stem}{JOURNAL_SUFFIX}", 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        n += 1
        candidate = folder / f"{stem}-{n}{JOURNAL_SUFFIX}"
    return candidate


def check_connection(
    conn: Connection, schema_name: str = "main", *, index: bool = True
) -> CheckReport:
    """Run SQLCipher's page checks, SQLite's integrity and foreign-key checks and the index's
    (unless ``index`` is False: FTS5 checks through an INSERT, which a read-only file refuses).
    """
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
        if index:
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


def _storage_error(exc: BaseException, path: Path, unfinished: str) -> JournalError:
    """``classify``, with a full disk told in terms of what was being done (``unfinished``)."""
    if isinstance(exc, OSError) and exc.errno != errno.ENOSPC:
        return JournalError(f"{unfinished[0].upper()}{unfinished[1:]}: {exc.strerror}.")
    error = DiskFull() if isinstance(exc, OSError) else classify(exc, path)
    if isinstance(error, DiskFull):
        return DiskFull(f"The disk is full, so {unfinished}. Free some space and try again.")
    return error


def check(journal: Journal) -> CheckReport:
    """Check an open journal from end to end (passphrase already proven by opening it).

    A journal opened read-only is checked as far as reading allows: not its search index.
    """
    with journal.raw() as conn:
        if journal.read_only:
            return check_connection(conn, index=False)
        try:
            # Folding the WAL in needs room on the disk; a full one is told as such.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher.Error as exc:
            raise _storage_error(exc, journal.path, "the journal could not be checked") from None
        return check_connection(conn)


def _export(
    conn: Connection, dest: Path, new_passphrase: str | None, settings: dict[str, str] | None = None
) -> None:
    """Write an encrypted copy of ``conn``'s database to the existing empty file ``dest``,
    with the journal settings in ``settings`` changed in the copy only.
    """
    key = "" if new_passphrase is None else f" KEY {sql_string(new_passphrase)}"
    conn.execute(f"ATTACH DATABASE {sql_string(str(dest))} AS export_copy{key}")
    try:
        conn.execute("SELECT sqlcipher_export('export_copy')")
        for name, value in (settings or {}).items():
            conn.execute(
                "UPDATE export_copy.journal_setting SET value = ? WHERE key = ?", (value, name)
            )
    finally:
        conn.execute("DETACH DATABASE export_copy")
    fsync_file(dest)


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
    except sqlcipher.Error as exc:  # an OSError is left to the caller, who knows the folder
        raise _storage_error(exc, dest, "no backup was written") from None
    return report


def backup(journal: Journal, dest: Path) -> CheckReport:
    """Back an open journal up to ``dest`` and verify the copy before reporting success.

    ``dest`` must be a new file, and never one of the journal's own (``check_destination``).
    """
    real = check_destination(dest, journal=journal.path, new_folders=True)
    with journal.raw() as conn:
        return write_backup(conn, real)


def backup_before_migration(conn: Connection, path: Path, revision: str | None) -> Path | None:
    """Keep a verified copy of a journal before its schema is changed."""
    if revision is None:
        return None  # a brand-new file holds nothing to lose
    folder = ensure_private_dir(backups_dir(path))
    # A migration interrupted and retried within a second must not find its own backup there.
    dest = _free_name(folder, f"before-migration-from-{revision}-{_stamp()}")
    write_backup(conn, dest)
    return dest


def ensure_not_open(path: Path) -> None:
    """Raise ``JournalInUse`` if another process holds the journal at ``path``.

    The probe has no key and is read-only: a read-write one would, on closing, checkpoint a
    WAL left by a crash into the file (and delete it) without being able to read either.
    """
    shm = Path(f"{path}-shm")
    had_shm = shm.exists()
    conn = sqlcipher.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master")
    except sqlcipher.Error as exc:
        if isinstance(classify(exc, path), JournalInUse):
            raise classify(exc, path) from None
    finally:
        conn.close()
        if not had_shm:
            shm.unlink(missing_ok=True)


def _fold_wal(journal_path: Path, passphrase: str) -> None:
    """Checkpoint a WAL a crash left beside the journal into it, when ``passphrase`` opens it.

    Then the journal is one file and setting it aside is one atomic link: no moment exists in
    which the journal's name points at its main file without its last commits.
    """
    if not Path(f"{journal_path}-wal").exists():
        return
    with contextlib.suppress(JournalError):  # another passphrase, or damaged: kept as it is
        open_connection(journal_path, passphrase).close()


def _missing_parts(conn: Connection) -> list[str]:
    """The tables and columns of this build's schema that the database lacks."""
    from sqlmodel import SQLModel

    from iltdesk import models  # noqa: F401 (registers every table in SQLModel.metadata)

    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = []
    for name, table in SQLModel.metadata.tables.items():
        if name not in found:
            missing.append(f"table {name}")
            continue
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({sql_string(name)})")}
        missing += [f"column {name}.{c.name}" for c in table.columns if c.name not in columns]
    return missing


def _verify_file(path: Path, passphrase: str) -> CheckReport:
    """Prove ``path`` is a whole, readable journal this build can open (refused otherwise)."""
    conn = open_connection(path, passphrase)
    try:
        revision = schema.stored_revision(conn)
        # Refuses a backup from a newer iltdesk, or at a revision no iltdesk made.
        schema.needs_upgrade(revision)
        # An older journal's tables are the migrations' business; a current one has them all.
        missing = _missing_parts(conn) if revision == schema.HEAD_REVISION else []
        report = check_connection(conn)
    except sqlcipher.Error as exc:
        raise classify(exc, path) from None
    finally:
        conn.close()
    if revision is None or missing:
        parts = ", ".join(missing[:5]) or "no tables"
        raise NotAJournal(f"{path} is not a whole iltdesk journal: it lacks {parts}.")
    if not report.ok:
        raise JournalDamaged(f"{path} is damaged: " + "; ".join(report.problems))
    return report


def _set_aside(journal_path: Path) -> Path:
    aside = _free_name(journal_path.parent, f"{journal_path.stem}.before-restore-{_stamp()}")
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
    return restore_with(backup_path, journal_path, (passphrase,), force=force)[0]


def restore_with(
    backup_path: Path, journal_path: Path, passphrases: Iterable[str], *, force: bool
) -> tuple[Path | None, str]:
    """``restore``, trying each of ``passphrases`` in turn on the backup (read lazily, so a
    prompt comes last and only when needed); returns the journal set aside and the
    passphrase that opened the backup. The last wrong passphrase's error is raised if none
    does, with nothing changed."""
    target = check_restore_target(journal_path, backup=backup_path, replace=force)
    if not backup_path.is_file():
        raise UsageError(f"There is no backup at {backup_path}.")
    ensure_private_dir(target.parent)
    aside = None
    with private_temp_path(target) as tmp:
        try:
            shutil.copyfile(backup_path, tmp)
            fsync_file(tmp)
        except OSError as exc:
            raise _storage_error(exc, journal_path, "the backup was not restored") from None
        secret = _first_that_opens(tmp, backup_path, passphrases)
        if target.exists():
            ensure_not_open(target)
            _fold_wal(target, secret)
            try:
                aside = _set_aside(target)
            except OSError as exc:
                raise _storage_error(exc, journal_path, "the backup was not restored") from None
        os.replace(tmp, target)
        fsync_dir(target.parent)
    return aside, secret


def _first_that_opens(copy: Path, backup_path: Path, passphrases: Iterable[str]) -> str:
    """The first passphrase that opens ``copy`` (our private copy of ``backup_path``), which
    is verified as a whole journal on the way."""
    refused: JournalError = WrongPassphrase(f"No passphrase was given for {backup_path}.")
    for secret in passphrases:
        try:
            _verify_file(copy, secret)
            return secret
        except WrongPassphrase as exc:
            refused = exc
        except JournalError as exc:  # name the file the person chose, not our temporary copy
            raise type(exc)(str(exc).replace(str(copy), str(backup_path))) from None
    raise type(refused)(str(refused).replace(str(copy), str(backup_path))) from None


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
        # The copy carries the new passphrase's verifier, so whichever file survives a crash
        # checks typed passphrases against the one that opens it.
        fresh = {verifier.SETTING_KEY: verifier.make(new_passphrase)}
        with journal.raw() as conn:
            try:
                _export(conn, tmp, new_key, fresh)
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
    reopened.refresh_verifier(new_passphrase)  # only journals made before the verifier lack it
    return reopened
