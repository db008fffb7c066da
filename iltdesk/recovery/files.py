"""Where a journal's escrow files live, and reading and writing them safely.

One beside the journal (``NAME.iltdesk-escrow``, like SQLite's ``-wal``) and one in its
backups folder, so that losing either place keeps a way back. Written whole or not at all
(a private temporary file renamed over the old one), never over a link or a non-regular file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from iltdesk.destination import backups_dir
from iltdesk.errors import UsageError
from iltdesk.paths import (
    JOURNAL_SUFFIX,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    private_temp_path,
)
from iltdesk.recovery.escrow import MAX_FILE_BYTES, Escrow, EscrowUnreadable
from iltdesk.translation import translate

SUFFIX = "-escrow"
BACKUPS_SUFFIX = ".backups"  # destination.backups_dir's folder name
MAX_NEIGHBOURS = 16  # escrows read from a backup's folder, at most


def escrow_paths(journal: Path, also: Path | None = None) -> list[Path]:
    """Where ``journal``'s escrow is kept: beside it, in its backups folder, and in ``also``,
    the folder its automatic backups were sent to instead (a USB stick, a network folder)."""
    places = [Path(f"{journal}{SUFFIX}"), backups_dir(journal) / f"{journal.name}{SUFFIX}"]
    if also is not None and also != backups_dir(journal):
        places.append(also / f"{journal.name}{SUFFIX}")
    return places


def search_paths(journal: Path) -> list[Path]:
    """Every place an escrow for ``journal`` may be: the path given and, for a link, the real
    file's (automatic backups go beside the path the journal was opened by)."""
    journals = [journal.absolute()]
    with contextlib.suppress(OSError):
        journals.append(journal.resolve())
    places = [place for path in journals for place in escrow_paths(path)]
    # A backup inside a backups folder (its journal's disk lost): the folder keeps the escrow
    # under the journal's name.
    for folder in dict.fromkeys(path.parent for path in journals):
        if folder.name.endswith(BACKUPS_SUFFIX):
            journal_name = folder.name[: -len(BACKUPS_SUFFIX)] + JOURNAL_SUFFIX
            places.append(folder / f"{journal_name}{SUFFIX}")
    # A backup anywhere else (a chosen backups folder, a copy beside its own escrow): the
    # escrows in its folder; only those of the sheet's kit are ever used.
    for folder in dict.fromkeys(path.parent for path in journals):
        with contextlib.suppress(OSError):
            places += sorted(folder.glob(f"*{JOURNAL_SUFFIX}{SUFFIX}"))[:MAX_NEIGHBOURS]
    return list(dict.fromkeys(places))


def read_escrow(path: Path) -> Escrow | None:
    """The escrow at ``path``; None if there is none or it cannot be read as one."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        return Escrow.loads(path.read_bytes())
    except (OSError, EscrowUnreadable):
        return None


def write_escrow(path: Path, escrow: Escrow) -> None:
    """Put ``escrow`` at ``path`` atomically (0600 file, 0700 folder).

    Raises ``OSError`` when the place cannot be written and ``UsageError`` when something
    other than a regular file is there (it is left alone).
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(
            translate(
                "recovery.files",
                "{path} is not a regular file; the recovery escrow was not written.",
            ).format(path=path)
        )
    ensure_private_dir(path.parent)
    with private_temp_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(escrow.dumps())
        fsync_file(tmp)
        os.replace(tmp, path)
    fsync_dir(path.parent)
