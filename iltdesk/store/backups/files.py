"""Names for the files backups and restores leave in a folder, and what a failed write is told
as: shared by the copy, the restore and the check, which each name what was left undone."""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path

from iltdesk.errors import DiskFull, JournalError
from iltdesk.paths import JOURNAL_SUFFIX
from iltdesk.store.connection import classify
from iltdesk.translation import translate


def stamp() -> str:
    """Now, local time, as the names of kept copies carry it (``YYYYMMDD-HHMMSS``)."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, stem: str) -> Path:
    """``folder/stem.iltdesk``, or ``stem-2``, ``stem-3``… when taken (two in one second)."""
    candidate, n = folder / f"{stem}{JOURNAL_SUFFIX}", 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        n += 1
        candidate = folder / f"{stem}-{n}{JOURNAL_SUFFIX}"
    return candidate


def storage_error(exc: BaseException, path: Path, unfinished: str) -> JournalError:
    """``classify``, with a full disk told in terms of what was being done (``unfinished``,
    a translated clause: "no backup was written")."""
    if isinstance(exc, OSError) and exc.errno != errno.ENOSPC:
        said = translate("store.backups.files", "{unfinished}: {reason}.").format(
            unfinished=unfinished, reason=exc.strerror
        )
        return JournalError(said[:1].upper() + said[1:])
    error = DiskFull() if isinstance(exc, OSError) else classify(exc, path)
    if isinstance(error, DiskFull):
        return DiskFull(
            translate(
                "store.backups.files",
                "The disk is full, so {unfinished}. Free some space and try again.",
            ).format(unfinished=unfinished)
        )
    return error
