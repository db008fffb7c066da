"""Writing an export's file privately: 0600, whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from iltdesk.errors import DiskFull, UsageError
from iltdesk.paths import fsync_dir, private_temp_path


def write_private(path: Path, data: bytes, *, what: str) -> None:
    """Write ``data`` to ``path`` (mode 0600) through a temporary file beside it, so a full
    disk leaves no half file; ``what`` names the file in messages ("the JSON export")."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name the file to write.")
    if not path.parent.is_dir():
        raise UsageError(f"There is no folder {path.parent} to write {what} into.")
    try:
        with private_temp_path(path) as tmp:
            with open(tmp, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        fsync_dir(path.parent)
    except PermissionError:
        raise UsageError(f"You may not write to {path}.") from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(f"The disk is full; {what} was not written.") from None
        raise
