"""The sentences a person reads when something did not work: one wording for CLI and app."""

from __future__ import annotations

from iltdesk.errors import DiskFull, JournalDamaged, JournalError


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
    """"Not saved: <the core's reason>." and what happens next: one wording for every write."""
    return " ".join(part for part in (f"{what}: {error}", then) if part)
