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
from iltdesk.translation import translate


def backup_not_written(error: JournalError) -> str:
    """A plain sentence for a backup that was not written (the journal itself is fine)."""
    if isinstance(error, JournalDamaged):
        return translate(
            "messages",
            "The new backup failed its check, so it was not kept; older backups are untouched. "
            "If this happens again, check the journal (iltdesk check).",
        )
    if isinstance(error, DiskFull):
        return translate(
            "messages", "{error} Free some space; older backups are untouched."
        ).format(error=error)
    return str(error)


def not_done(what: str, error: JournalError, then: str = "") -> str:
    """ "Not saved: <the core's reason>." and what happens next: one wording for every write."""
    said = translate("messages", "{what}: {error}").format(what=what, error=error)
    return " ".join(part for part in (said, then) if part)


def not_opened(error: JournalError) -> str:
    """Why a journal did not open, in the core's words, and what the person can do next."""
    if isinstance(error, WrongRecoveryKey):  # typed in any case: Caps Lock does not matter
        return str(error)
    if isinstance(error, WrongPassphrase):
        return translate("messages", "{error} Check Caps Lock.").format(error=error)
    if isinstance(error, JournalInUse):
        return translate("messages", "{error} Close it there first.").format(error=error)
    if isinstance(error, NotAJournal):
        return translate("messages", "{error} Choose another file.").format(error=error)
    if isinstance(error, JournalDamaged) and not error.says_what_to_do:
        # Some damage is told with its remedy already (or is a backup's); the rest gets it here.
        return translate(
            "messages", "{error} Restore it from a backup; the file has not been changed."
        ).format(error=error)
    return str(error)


def not_restored(error: JournalError) -> str:
    """Why a backup was not restored (nothing is changed by a restore that fails)."""
    if isinstance(error, WrongPassphrase):
        why = translate(
            "messages",
            "{error} A backup opens with the passphrase the journal had when the backup was made.",
        ).format(error=error)
    elif isinstance(error, JournalDamaged):
        why = translate(
            "messages", "{error} This backup was not restored: choose another one."
        ).format(error=error)
    else:
        why = str(error)
    return translate("messages", "{why} Your journal was not changed.").format(why=why)


def keychain_not_updated(error: JournalError) -> str:
    """The passphrase changed but the keychain kept the old one (which no longer opens it)."""
    return translate(
        "messages",
        "Could not update the keychain ({error}); you will be asked for the passphrase.",
    ).format(error=error)
