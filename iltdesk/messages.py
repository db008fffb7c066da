"""The sentences a person reads when something did not work: one wording for CLI and app."""

from __future__ import annotations

from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    NotAJournal,
    WrongPassphrase,
    WrongRecoveryKey,
)


def backup_not_written(error: JournalError) -> str:
    """A plain sentence for a backup that was not written (the journal itself is fine)."""
    if isinstance(error, JournalDamaged):
        return (
            "The new backup failed its check, so it was not kept; older backups are untouched. "
            "If this happens again, check the journal (iltdesk check)."
        )
    if isinstance(error, DiskFull):
        return f"{error} Free some space; older backups are untouched."
    return str(error)


def not_done(what: str, error: JournalError, then: str = "") -> str:
    """ "Not saved: <the core's reason>." and what happens next: one wording for every write."""
    return " ".join(part for part in (f"{what}: {error}", then) if part)


def not_opened(error: JournalError) -> str:
    """Why a journal did not open, in the core's words, and what the person can do next."""
    if isinstance(error, WrongRecoveryKey):  # typed in any case: Caps Lock does not matter
        return str(error)
    if isinstance(error, WrongPassphrase):
        return f"{error} Check Caps Lock."
    if isinstance(error, JournalInUse):
        return f"{error} Close it there first."
    if isinstance(error, NotAJournal):
        return f"{error} Choose another file."
    if isinstance(error, JournalDamaged) and "backup" not in str(error):
        # Some damage is told with its remedy already; the rest gets it here.
        return f"{error} Restore it from a backup; the file has not been changed."
    return str(error)


def not_restored(error: JournalError) -> str:
    """Why a backup was not restored (nothing is changed by a restore that fails)."""
    if isinstance(error, WrongPassphrase):
        why = (
            f"{error} A backup opens with the passphrase the journal had when the backup was made."
        )
    elif isinstance(error, JournalDamaged):
        why = f"{error} This backup was not restored: choose another one."
    else:
        why = str(error)
    return f"{why} Your journal was not changed."


def keychain_not_updated(error: JournalError) -> str:
    """The passphrase changed but the keychain kept the old one (which no longer opens it)."""
    return f"Could not update the keychain ({error}); you will be asked for the passphrase."
