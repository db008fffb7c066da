"""A crash report that can never leak a principal's notes.

Exception messages and local variables can quote journal text (SQLAlchemy puts SQL
parameters in its messages), so a report keeps only the exception's type and the code
location of each frame: file, line and function.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from iltdesk import __version__
from iltdesk.paths import FILE_MODE, ensure_private_dir

MAX_BYTES = 256_000


def log_path() -> Path:
    """Where crash reports go: the platform's per-user log folder."""
    import platformdirs

    return Path(platformdirs.user_log_dir("iltdesk", appauthor=False)) / "crashes.log"


def describe(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The report: when, which version, the exception type and where it happened."""
    frames = traceback.extract_tb(tb)
    lines = [
        f"{datetime.now().isoformat(timespec='seconds')} iltdesk {__version__}: {kind.__name__}"
    ]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines) + "\n"


def write_report(kind: type[BaseException], tb: TracebackType | None) -> Path:
    """Append a report to the crash log (0600, trimmed when it grows large)."""
    path = log_path()
    ensure_private_dir(path.parent)
    if path.exists() and path.stat().st_size > MAX_BYTES:
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(describe(kind, tb))
    return path
