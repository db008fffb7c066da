"""Writing one verified backup copy: the single way every backup is taken.

A backup made by hand, the copy kept before a migration, rotation's ``take`` and the day's
prepared backup all end in ``write_verified``: the copy is filled under a neutral temporary
name in the folder it goes to, checked, made durable, and only then renamed into place, so a
crash leaves either no backup or a whole one that passed its check. What differs between them
is how the copy is filled and checked (a ``CopyMethod``):

- ``Exported``: ``sqlcipher_export`` through the journal's own connection, checked through it
  too (one statement each, so the journal is held from start to end);
- ``Stepped``: SQLite's online backup into a file keyed beforehand, one step at a time
  (``Journal.copy_to``: a save waits one step, never the whole copy), checked on the copy's
  own connection with the journal free.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.destination import backups_dir, check_destination
from iltdesk.errors import JournalDamaged, UsageError
from iltdesk.paths import (
    create_private_file,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    private_temp_path,
)
from iltdesk.store import schema
from iltdesk.store.backups import files
from iltdesk.store.backups.integrity import CheckReport, check_connection
from iltdesk.store.backups.progress import BACKUP, STEPPED_BACKUP, Meter, Report, journal_bytes
from iltdesk.store.connection import PAGE_SIZE, Connection, sql_string
from iltdesk.store.journal import Journal
from iltdesk.translation import translate


class CopyMethod(Protocol):
    """How a copy is filled into its temporary file and then checked."""

    def fill(self, temp: Path) -> None:
        """Write the whole journal into the (empty, private) file ``temp``."""

    def verify(self, temp: Path) -> CheckReport:
        """Check what ``fill`` wrote into ``temp``."""

    def done(self) -> None:
        """The copy passed, is synced and has its name: the whole job is done."""


def write_verified(
    temp: Path, method: CopyMethod, destination: Callable[[], Path]
) -> tuple[Path, CheckReport]:
    """Fill ``temp`` by ``method``, check it, sync it and rename it to ``destination()``.

    The name is asked for only once the copy passed (a copy in steps takes a while, and two
    backups in one second are told apart by their names). A copy that fails its check raises
    ``JournalDamaged`` and is never renamed; the caller deletes ``temp``.
    """
    method.fill(temp)
    report = method.verify(temp)
    if not report.ok:
        raise JournalDamaged(
            translate("store.backups.copy", "The backup failed its check: {problems}").format(
                problems="; ".join(report.problems)
            ),
            says_what_to_do=True,
        )
    fsync_file(temp)  # seconds for a large copy: its progress waits just short of the end
    dest = destination()
    os.replace(temp, dest)
    fsync_dir(dest.parent)
    method.done()
    return dest, report


# -- through the journal's own connection ---------------------------------------------------


def export(
    conn: Connection,
    dest: Path,
    new_passphrase: str | None,
    settings: Mapping[str, str | None] | None = None,
) -> None:
    """Write an encrypted copy of ``conn``'s database to the existing empty file ``dest``,
    with the journal settings in ``settings`` changed in the copy only (None: left out of
    it); not synced: the caller syncs once the copy is checked.
    """
    key = "" if new_passphrase is None else f" KEY {sql_string(new_passphrase)}"
    conn.execute(f"ATTACH DATABASE {sql_string(str(dest))} AS export_copy{key}")
    try:
        conn.execute("SELECT sqlcipher_export('export_copy')")
        for name, value in (settings or {}).items():
            if value is None:
                conn.execute("DELETE FROM export_copy.journal_setting WHERE key = ?", (name,))
            else:
                conn.execute(
                    "UPDATE export_copy.journal_setting SET value = ? WHERE key = ?", (value, name)
                )
    finally:
        conn.execute("DETACH DATABASE export_copy")


class Exported:
    """A copy under the journal's own key, exported and checked through its connection;
    ``progress(done, total)`` hears how far both are, in bytes of the journal."""

    def __init__(self, conn: Connection, progress: Report | None = None) -> None:
        self.conn = conn
        self.meter = Meter(progress, journal_bytes(conn) if progress else 0, BACKUP)

    def fill(self, temp: Path) -> None:
        pages = int(self.conn.execute("PRAGMA page_count").fetchone()[0])
        with self.meter.phase("export", self.conn, pages, self.meter.total):
            export(self.conn, temp, None)

    def verify(self, temp: Path) -> CheckReport:
        self.conn.execute(f"ATTACH DATABASE {sql_string(str(temp))} AS verify_copy")
        try:
            report = check_connection(self.conn, "verify_copy", meter=self.meter)
        finally:
            self.conn.execute("DETACH DATABASE verify_copy")
        return report

    def done(self) -> None:
        self.meter.finish()


def write_backup(conn: Connection, dest: Path, progress: Report | None = None) -> CheckReport:
    """Write a verified encrypted copy to ``dest`` (same passphrase), atomically, 0600;
    ``progress(done, total)`` hears how far the copy and its check are, in bytes."""
    if dest.exists():
        raise UsageError(
            translate("store.backups.copy", "{path} already exists; choose another name.").format(
                path=dest
            )
        )
    ensure_private_dir(dest.parent)
    try:
        with private_temp_path(dest) as tmp:
            tmp.unlink()
            create_private_file(tmp)
            return write_verified(tmp, Exported(conn, progress), lambda: dest)[1]
    except sqlcipher.Error as exc:  # an OSError is left to the caller, who knows the folder
        unfinished = translate("store.backups.copy", "no backup was written")
        raise files.storage_error(exc, dest, unfinished) from None


def backup(journal: Journal, dest: Path, progress: Report | None = None) -> CheckReport:
    """Back an open journal up to ``dest`` and verify the copy before reporting success.

    ``dest`` must be a new file, and never one of the journal's own (``check_destination``).
    ``progress(done, total)`` hears how far the copy and its check are, in bytes.
    """
    real = check_destination(dest, journal=journal.path, new_folders=True)
    with journal.raw() as conn:
        report = write_backup(conn, real, progress)
    if report.ok:
        _escrow_beside(journal, real)
    return report


def _escrow_beside(journal: Journal, copy: Path) -> None:
    """A copy taken elsewhere (a USB stick) gets the recovery escrow beside it, so the sheet
    can open it when the computer is lost; best effort: the backup itself is whole without."""
    from iltdesk.recovery import files as escrows
    from iltdesk.recovery import kit

    escrow = kit.journal_escrow(journal.settings())
    place = Path(f"{copy}{escrows.SUFFIX}")
    if escrow is None or copy.parent == backups_dir(journal.path):
        return
    if place.exists() and escrows.read_escrow(place) is None:
        return  # someone's own file under that name: never written over
    with contextlib.suppress(OSError, UsageError):
        escrows.write_escrow(place, escrow)


def backup_before_migration(conn: Connection, path: Path, revision: str | None) -> Path | None:
    """Keep a verified copy of a journal before its schema is changed."""
    if revision is None:
        return None  # a brand-new file holds nothing to lose
    folder = ensure_private_dir(backups_dir(path))
    # A migration interrupted and retried within a second must not find its own backup there.
    dest = files.free_name(folder, f"before-migration-from-{revision}-{files.stamp()}")
    write_backup(conn, dest)
    return dest


# -- in steps, while the journal stays usable -----------------------------------------------


class Stepped:
    """A copy of ``journal`` into the keyed file behind ``conn``, a step at a time; checked
    on ``conn``, which is closed once the copy passes (it is synced and named closed).

    ``progress(done, total)`` hears how far the copy and its check are, in bytes of the
    journal (the copy's own steps, then the check's); ``should_stop()`` is asked between the
    copy's steps: True stops it with ``CopyStopped``.
    """

    def __init__(
        self,
        journal: Journal,
        conn: Connection,
        progress: Report | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        self.journal = journal
        self.conn = conn
        self.progress = progress
        self.should_stop = should_stop
        self.meter = Meter(progress, 0, STEPPED_BACKUP)  # sized by the copy's first step

    def fill(self, temp: Path) -> None:
        meter = self.meter
        with meter.phase("copy") as copied, _written_back_as_it_goes(temp):

            def step(done: int, total: int) -> None:
                meter.sized(total * PAGE_SIZE)
                copied(done, total)

            told = step if meter.counting else None
            self.journal.copy_to(self.conn, progress=told, should_stop=self.should_stop)

    def verify(self, temp: Path) -> CheckReport:
        report = check_connection(self.conn, meter=self.meter)
        if report.ok and report.revision != schema.HEAD_REVISION:
            report.problems.append(f"schema {report.revision}, not {schema.HEAD_REVISION}")
        if report.ok:
            self.conn.close()
        return report

    def done(self) -> None:
        self.meter.finish()


# The copy is written without syncing; left to the kernel, hundreds of megabytes would reach
# the disk in one burst at the final sync, and a save's own sync (synchronous = FULL) queued
# behind it would wait for all of it (0.6 s at 100k entries). Synced every quarter second as
# it is written, no burst builds up.
WRITE_BACK_EVERY_S = 0.25


@contextlib.contextmanager
def _written_back_as_it_goes(path: Path) -> Iterator[None]:
    done = threading.Event()

    def write_back() -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            while not done.wait(WRITE_BACK_EVERY_S):
                os.fdatasync(fd)
            os.fdatasync(fd)
        except OSError:
            pass  # a disk that fails here fails the copy or its final sync, which say so
        finally:
            os.close(fd)

    flusher = threading.Thread(target=write_back, name="iltdesk-backup-sync", daemon=True)
    flusher.start()
    try:
        yield
    finally:
        done.set()
        flusher.join()
