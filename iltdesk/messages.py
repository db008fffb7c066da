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
