"""Temporary files a crash left behind: swept when a journal is opened.

Every temporary file iltdesk makes beside a journal or in a backups folder has a neutral name
that names only its process (``paths.create_private_temp``); a keyed copy of a journal must
not outlive that process by more than the next start.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from iltdesk.destination import backups_dir
from iltdesk.paths import TEMP_PREFIX

STALE_TEMP_AFTER_S = 3600.0


def temp_owner_gone(temp: Path) -> bool:
    """Whether the process that made ``temp`` (``create_private_temp``) is known to be gone.

    Only on POSIX, where signal 0 asks without touching the process (on Windows it would end
    it); False when the name carries no process id or it cannot be told.
    """
    head = temp.name.removeprefix(TEMP_PREFIX).split("-", 1)[0]
    if os.name != "posix" or not head.isdigit() or not head.isascii():
        return False
    pid = int(head)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive under another user (EPERM), or unknowable
        return False
    return False


def sweep_stale_temp_files(journal_path: Path, older_than: float = STALE_TEMP_AFTER_S) -> int:
    """Delete the temporary copies a crash left beside a journal or in its backups folder.

    Only our own names (``.iltdesk-*.tmp`` and SQLite's companions of them) go: at once when
    the process that made one is gone (a keyed copy never outlives its process by more than
    the next start), else once older than ``older_than`` seconds (a name without a live
    owner's id, or an owner that cannot be asked). Returns how many were removed.
    """
    return sweep_folders((journal_path.parent, backups_dir(journal_path)), older_than)


def sweep_folders(folders: Iterable[Path], older_than: float = STALE_TEMP_AFTER_S) -> int:
    """``sweep_stale_temp_files`` for the given folders (a backups folder chosen in Settings)."""
    cutoff = time.time() - older_than
    removed = 0
    for folder in folders:
        for leftover in folder.glob(f"{TEMP_PREFIX}*.tmp*") if folder.is_dir() else ():
            with contextlib.suppress(OSError):
                if leftover.is_file() and (
                    temp_owner_gone(leftover) or leftover.stat().st_mtime < cutoff
                ):
                    leftover.unlink()
                    removed += 1
    return removed
