"""The day's automatic backup, copied while the principal goes on writing.

``rotation.take`` copies with ``sqlcipher_export`` and checks the copy through the journal's
own connection: one statement each, so the journal is held from start to end (at 100k entries,
~5 s to copy and ~12 s to check, during which an autosave would freeze the window). Here:

- when the journal is unlocked, ``prepare`` makes the day's file in the backups folder and keys
  it with the passphrase just used (one key derivation, in the caller's thread). The
  passphrase is not kept: only the keyed connection is, as the journal's own is;
- ``PreparedBackup.take`` copies the journal into it in steps (``copy.Stepped``) through
  ``copy.write_verified``, the one way every backup is written: checked on its own
  connection with the journal free, and only a copy that passes is synced and renamed into
  place; then older backups are pruned as ``rotation`` says.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import DiskFull, JournalError, UsageError, WrongPassphrase
from iltdesk.paths import create_private_temp
from iltdesk.store.backups import copy, rotation
from iltdesk.store.connection import Connection, classify, keyed_connection
from iltdesk.store.journal import Journal
from iltdesk.store.leftovers import sweep_folders
from iltdesk.translation import translate


class PreparedBackup:
    """A keyed, empty file in the backups folder, waiting to become today's backup."""

    def __init__(self, folder: Path, temp: Path, conn: Connection) -> None:
        self.folder = folder
        self.temp = temp
        self._conn: Connection | None = conn

    def take(
        self,
        journal: Journal,
        now: datetime,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> rotation.BackupEntry:
        """Copy ``journal`` in, check the copy, name it as today's backup and prune;
        ``progress(done, total)`` hears how far the copy and its check are, in bytes of the
        journal, and ``should_stop()`` is asked between the copy's steps (the person skipped
        it).

        Raises ``CopyStopped`` if the journal is closed or ``should_stop`` answers True
        during the copy, and a ``JournalError`` for anything else; either way nothing that
        could pass for a backup is left behind and the older backups are untouched.
        """
        if self._conn is None:
            raise UsageError(
                translate("store.backups.daily", "This backup was already taken or discarded.")
            )
        now = rotation.local_time(now)
        stem = journal.path.stem
        taken: list[datetime] = []

        def todays_name() -> Path:
            dest, stamp = rotation.backup_name(self.folder, stem, now)
            taken.append(stamp)
            return dest

        try:
            dest, _ = copy.write_verified(
                self.temp, copy.Stepped(journal, self._conn, progress, should_stop), todays_name
            )
            self._conn = None  # closed by the check it passed
            size = dest.stat().st_size
            rotation.prune(self.folder, now, stem)
            return rotation.BackupEntry(dest, taken[0], size, "automatic")
        except sqlcipher.Error as exc:
            raise _not_written(self.folder, classify(exc, self.temp)) from None
        except OSError as exc:
            raise rotation.folder_unusable(self.folder, exc) from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Close the keyed connection and delete the unfinished file (safe to call twice)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        for leftover in (self.temp, Path(f"{self.temp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _not_written(folder: Path, error: JournalError) -> JournalError:
    return rotation.disk_full(folder) if isinstance(error, DiskFull) else error


def prepare(journal: Journal, passphrase: str, now: datetime) -> PreparedBackup | None:
    """Today's backup file, keyed with ``passphrase`` (which just unlocked ``journal``), or
    None when no automatic backup is due. Raises a ``JournalError`` the app can show when
    the backups folder cannot be used."""
    if not rotation.due(journal, now):
        return None
    if not journal.verify_passphrase(passphrase):  # a copy under another key could not be restored
        raise WrongPassphrase(
            translate(
                "store.backups.daily", "That passphrase does not unlock {path}; no backup was made."
            ).format(path=journal.path)
        )
    folder = rotation.usable_folder(journal)
    try:
        sweep_folders((folder,))  # what a crash or a quit mid-backup left there
        temp = create_private_temp(folder)
    except OSError as exc:
        raise rotation.folder_unusable(folder, exc) from None
    try:
        return PreparedBackup(folder, temp, keyed_connection(temp, passphrase))
    except JournalError as exc:
        temp.unlink(missing_ok=True)
        raise _not_written(folder, exc) from None
