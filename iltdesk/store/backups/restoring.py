"""Putting a backup in place of a journal, the journal as it was kept beside it.

The backup is copied next to the journal under a neutral temporary name and proven a whole
journal there; only then is the current one set aside (one atomic link) and the copy renamed
over it, so a crash leaves either the old journal or the restored one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.destination import check_restore_target
from iltdesk.errors import JournalDamaged, JournalError, JournalInUse, UsageError
from iltdesk.paths import ensure_private_dir, fsync_dir, fsync_file, private_temp_path
from iltdesk.store.backups import files
from iltdesk.store.backups.integrity import verify_file
from iltdesk.store.connection import classify, open_connection
from iltdesk.translation import translate

if TYPE_CHECKING:  # the kit's cryptography is imported only when a kit is carried
    from iltdesk.recovery.escrow import Escrow


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


def _set_aside(journal_path: Path) -> Path:
    aside = files.free_name(
        journal_path.parent, f"{journal_path.stem}.before-restore-{files.stamp()}"
    )
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
    backup_path: Path,
    journal_path: Path,
    passphrases: Iterable[str],
    *,
    force: bool,
    before_replacing: Callable[[], object] | None = None,
    kit: Escrow | None = None,
) -> tuple[Path | None, str]:
    """``restore``, trying each of ``passphrases`` in turn on the backup (read lazily, so a
    prompt comes last and only when needed); returns the journal set aside and the
    passphrase that opened the backup. The last wrong passphrase's error is raised if none
    does, with nothing changed.

    ``before_replacing`` runs once the backup has proved whole, before the journal is
    touched: the app closes its open journal there, so a backup refused (or a prompt
    cancelled) leaves it open and in use. ``kit``: the recovery kit's escrow the replaced
    journal holds, read from it by the app while it was open (else read from the file when
    the backup's passphrase opens it), carried into the restored copy when newer."""
    target = check_restore_target(journal_path, backup=backup_path, replace=force)
    if not backup_path.is_file():
        raise UsageError(
            translate("store.backups.restoring", "There is no backup at {path}.").format(
                path=backup_path
            )
        )
    ensure_private_dir(target.parent)
    aside = None
    with private_temp_path(target) as tmp:
        try:
            shutil.copyfile(backup_path, tmp)
            fsync_file(tmp)
        except OSError as exc:
            raise files.storage_error(exc, journal_path, _not_restored()) from None
        offered: list[str] = []
        secret = _first_that_opens(tmp, backup_path, _noted(passphrases, offered))
        if before_replacing is not None:
            before_replacing()
        if target.exists():
            ensure_not_open(target)
            _fold_wal(target, secret)
            _carry_recovery_kit(target, tmp, [secret, *offered], kit)
            try:
                aside = _set_aside(target)
            except OSError as exc:
                raise files.storage_error(exc, journal_path, _not_restored()) from None
        os.replace(tmp, target)
        fsync_dir(target.parent)
    return aside, secret


def _not_restored() -> str:
    return translate("store.backups.restoring", "the backup was not restored")


def _noted(passphrases: Iterable[str], offered: list[str]) -> Iterator[str]:
    for passphrase in passphrases:
        offered.append(passphrase)
        yield passphrase


def _carry_recovery_kit(
    journal_path: Path, copy: Path, secrets: list[str], known: Escrow | None
) -> None:
    """Keep the replaced journal's recovery kit when it is newer than the backup's (see
    iltdesk.recovery.carry); a kit that cannot be carried leaves the restore as it was.

    ``secrets``: the backup's passphrase first, then every other one offered for it (the
    keychain's, remembered for the journal as it is now, opens the replaced journal when the
    backup has an older passphrase)."""
    from iltdesk.recovery.carry import carry_kit, newer_kit

    escrow = known
    for passphrase in dict.fromkeys(secrets):
        if escrow is not None:
            break
        escrow = newer_kit(journal_path, passphrase)
    if escrow is None:
        return
    with contextlib.suppress(sqlcipher.Error, JournalError):
        carry_kit(escrow, copy, secrets[0])


def _first_that_opens(copy: Path, backup_path: Path, passphrases: Iterable[str]) -> str:
    """The first passphrase that opens ``copy`` (our private copy of ``backup_path``), which
    is verified as a whole journal on the way; tried as every opener tries (store.opening)."""
    from iltdesk.store.opening import first_that_opens

    def verified(secret: str) -> str:
        verify_file(copy, secret)
        return secret

    try:
        return first_that_opens(passphrases, verified)
    except JournalError as exc:  # name the file the person chose, not our temporary copy
        raise type(exc)(str(exc).replace(str(copy), str(backup_path))) from None


def restore_from(backup_path: Path, journal_path: Path, passphrase: str) -> Path | None:
    """Put a backup in place of the (closed) journal through ``restore``, checked first.

    The journal as it was is kept beside it (returned). A backup too damaged to read, or one
    that cannot be read at all, is reported as a ``JournalError``; the journal is unchanged.
    """
    return restore_checked(backup_path, journal_path, (passphrase,))[0]


def restore_checked(
    backup_path: Path,
    journal_path: Path,
    passphrases: Iterable[str],
    *,
    before_replacing: Callable[[], object] | None = None,
    kit: Escrow | None = None,
) -> tuple[Path | None, str]:
    """``restore_with`` in place of an existing journal (the app's restore), a backup too
    damaged to read, or one that cannot be read at all, told as a ``JournalError``; returns
    the journal set aside and the passphrase that opened the backup."""
    try:
        return restore_with(
            backup_path,
            journal_path,
            passphrases,
            force=True,
            before_replacing=before_replacing,
            kit=kit,
        )
    except sqlcipher.Error:
        raise JournalDamaged(
            translate("store.backups.restoring", "The backup {path} is damaged.").format(
                path=backup_path
            ),
            says_what_to_do=True,  # a backup's: not restored, as messages.not_restored says
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise JournalError(
            translate(
                "store.backups.restoring", "The backup {path} could not be read ({reason})."
            ).format(path=backup_path, reason=reason)
        ) from None
