"""The folder a Markdown export is written into: checked before any work, written beside it
under a temporary name and renamed into place whole, so a failure leaves nothing behind (and
what a killed export left is swept away)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from iltdesk.errors import DiskFull, JournalError, UsageError
from iltdesk.paths import DIR_MODE, TEMP_PREFIX
from iltdesk.translation import translate

STAGING = ".export.tmp"  # the folder being written, beside the destination


def check_folder(folder: Path) -> None:
    """A new or empty folder whose parent exists, or ``UsageError`` saying why not."""
    said = ""
    try:
        if folder.is_symlink():
            said = translate(
                "interchange.markdown_folder",
                "{folder} is a link to somewhere else; name a real folder.",
            )
        elif folder.exists() and not folder.is_dir():
            said = translate(
                "interchange.markdown_folder", "{folder} is a file; name a new or empty folder."
            )
        elif folder.exists() and any(folder.iterdir()):
            said = translate(
                "interchange.markdown_folder",
                "{folder} already holds files; name a new or empty folder.",
            )
        elif not folder.exists() and not folder.parent.is_dir():
            said = translate(
                "interchange.markdown_folder", "There is no folder {parent} to write {name} into."
            )
    except OSError as exc:
        raise write_error(exc, folder) from None
    if said:
        raise UsageError(said.format(folder=folder, parent=folder.parent, name=folder.name))


def staging(folder: Path) -> Path:
    sweep_stale(folder.parent)
    try:
        made = Path(
            tempfile.mkdtemp(
                prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=STAGING, dir=folder.parent
            )
        )
        os.chmod(made, DIR_MODE)
    except OSError as exc:
        raise write_error(exc, folder) from None
    return made


def sweep_stale(parent: Path) -> None:
    """Remove what an export killed midway left here (its process gone): plain text of a
    journal must not lie about in a hidden folder."""
    from iltdesk.store.leftovers import temp_owner_gone

    with contextlib.suppress(OSError):
        for leftover in parent.glob(f"{TEMP_PREFIX}*{STAGING}"):
            if leftover.is_dir() and not leftover.is_symlink() and temp_owner_gone(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def move_into_place(staging: Path, folder: Path) -> None:
    try:
        os.replace(staging, folder)  # POSIX replaces an empty folder in one step
    except OSError:
        if not folder.is_dir() or folder.is_symlink() or any(folder.iterdir()):
            raise
        folder.rmdir()  # Windows will not rename over a folder, even an empty one
        os.rename(staging, folder)


def write_error(exc: OSError, folder: Path) -> JournalError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        said = translate(
            "interchange.markdown_folder",
            "The disk is full, so {folder} was not written. Free some space.",
        )
        return DiskFull(said.format(folder=folder))
    reason = (
        exc.strerror or translate("interchange.markdown_folder", "it cannot be written")
    ).lower()
    said = translate(
        "interchange.markdown_folder", "The export cannot be written to {folder}: {reason}."
    )
    return UsageError(said.format(folder=folder, reason=reason))
