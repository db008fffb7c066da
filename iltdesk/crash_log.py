"""A crash report that can never leak a principal's notes.

Exception messages and local variables can quote journal text (SQLAlchemy puts SQL
parameters in its messages), so a report keeps only the exception's type and the code
location of each frame: file, line and function.

A native crash (a segfault in Qt or SQLCipher, an abort) ends the process before any Python
handler runs; ``faulthandler`` then writes the Python frames to a file of this process's own
(``enable_native_crash_log``), and the next start moves it into the crash log.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import os
import re
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from iltdesk import __version__
from iltdesk.paths import FILE_MODE, ensure_private_dir

MAX_BYTES = 256_000
# One process's native crash: faulthandler's dump of every thread's frames (at most 100 frames
# a thread) fits easily; a larger leftover is cut to this before it joins the crash log.
NATIVE_MAX_BYTES = 64_000
NATIVE_PREFIX = "native-"
# A frame's file as faulthandler writes it; the log keeps its name only, as ``describe`` does
# (a folder can name the user).
_FRAME_FILE = re.compile(r'File "([^"\n]*)"')
# Kept open for the process's life: faulthandler writes to its file descriptor when the process
# is already dying, with no chance to open anything.
_native: TextIO | None = None
_native_path: Path | None = None  # os.fdopen's file is named by its descriptor, not its path


def log_path() -> Path:
    """Where crash reports go: the platform's per-user log folder."""
    import platformdirs

    return Path(platformdirs.user_log_dir("iltdesk", appauthor=False)) / "crashes.log"


def describe(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The report: when, which version, the exception type and where it happened."""
    import traceback  # here: the CLI enables the native log on every start, cheaply

    frames = traceback.extract_tb(tb)
    lines = [
        f"{datetime.now().isoformat(timespec='seconds')} iltdesk {__version__}: {kind.__name__}"
    ]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines) + "\n"


def write_report(kind: type[BaseException], tb: TracebackType | None) -> Path:
    """Append a report to the crash log (0600, trimmed when it grows large)."""
    return _append(describe(kind, tb))


def _append(report: str) -> Path:
    path = log_path()
    ensure_private_dir(path.parent)
    if path.exists() and path.stat().st_size > MAX_BYTES:
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(report)
    return path


def enable_native_crash_log() -> Path | None:
    """Have ``faulthandler`` write a native crash's Python frames to the crash-log folder.

    faulthandler writes only the fatal error's name and, for each thread, file names, line
    numbers and function names: never a variable's value, an argument or a message, so no
    note text can reach the file. Each process writes to a file of its own (0600, in the
    0700 log folder), headed by the time, version and process id; a clean exit deletes it, and
    the next start moves what a crashed process left into the crash log (``collect_native``).
    Does nothing when faulthandler is already on (``-X faulthandler``, pytest): whoever
    turned it on chose where it writes. Returns the file, or None when it is not enabled.
    Call it once, early; later calls are free.
    """
    global _native, _native_path
    if _native is not None:
        return _native_path
    if faulthandler.is_enabled():
        return None
    try:
        collect_native()
        path = log_path().parent / f"{NATIVE_PREFIX}{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        _native = os.fdopen(fd, "w", encoding="utf-8")
        _native_path = path
        _native.write(f"{datetime.now().isoformat(timespec='seconds')} iltdesk {__version__}\n")
        _native.flush()
    except OSError:  # no log folder to be had: a native crash says nothing, as before
        return None
    faulthandler.enable(_native, all_threads=True)
    atexit.register(_clean_exit, path)
    return path


def _clean_exit(path: Path) -> None:
    """The process ends on its own: nothing crashed, so its native log goes."""
    global _native
    faulthandler.disable()
    if _native is not None:
        _native.close()
        _native = None
    with contextlib.suppress(OSError):
        path.unlink()


def collect_native() -> int:
    """Move what crashed processes left (``enable_native_crash_log``) into the crash log.

    A file whose process is still running is left alone; a file holding only its header (a
    process killed, or one that left with ``os._exit``) is deleted. Returns how many crashes
    were moved.
    """
    folder = log_path().parent
    ensure_private_dir(folder)
    moved = 0
    for leftover in sorted(folder.glob(f"{NATIVE_PREFIX}*.log")):
        claimed = leftover.with_suffix(".collecting")
        try:
            if not _owner_gone(leftover):
                continue
            # Claimed by renaming: two starts never move one crash twice, and Windows refuses
            # to rename a file that a running process holds open.
            leftover.rename(claimed)
        except OSError:
            continue
        with contextlib.suppress(OSError):
            with claimed.open(encoding="utf-8", errors="replace") as fh:
                header, dump = fh.readline(), fh.read(NATIVE_MAX_BYTES)
            if dump.strip():
                frames = _FRAME_FILE.sub(lambda m: f'File "{Path(m[1]).name}"', dump.rstrip())
                logged = f"{header.rstrip()}: native crash\n{frames}\n"  # not shown: a log
                _append(logged)
                moved += 1
            claimed.unlink()
    return moved


def _owner_gone(leftover: Path) -> bool:
    """Whether the process that writes ``leftover`` (named by its id) may have ended.

    POSIX asks with signal 0 (it touches nothing). Windows has no such question (signal 0
    there would end the process): True, and the rename that claims the file tells instead.
    """
    pid = leftover.stem.removeprefix(NATIVE_PREFIX)
    if not pid.isdigit() or not pid.isascii() or int(pid) == os.getpid():
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    # Alive (or alive under another user: EPERM, or unknowable): left for a later start.
    return False
