"""Where files live, and creating them privately (files 0600, folders 0700)."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from iltdesk.translation import translate

FILE_MODE = 0o600
DIR_MODE = 0o700
JOURNAL_SUFFIX = ".iltdesk"


def default_data_dir() -> Path:
    """The per-user folder for journals, as the platform expects it."""
    import platformdirs

    return Path(platformdirs.user_data_dir("iltdesk", appauthor=False))


def default_journal_path() -> Path:
    """Where a journal goes when the user does not pick a place."""
    return default_data_dir() / f"journal{JOURNAL_SUFFIX}"


def resolve_journal(path: Path) -> Path:
    """``path`` made absolute with every link resolved: the one form a journal is known by.

    SQLite keeps a journal's ``-wal`` and ``-shm`` beside the file the links lead to, so every
    check of those companions, every backups folder and every keychain entry must start from
    the real file; a journal's path is resolved once, where it enters (command line, app,
    recent list). A link loop or an unusable name is a usage error, said in one line.
    """
    from iltdesk.errors import UsageError  # errors imports nothing; kept local for cold starts

    try:
        # Path.resolve, not os.path.realpath: on 3.11 realpath quietly returns a looping link.
        return path.expanduser().resolve(strict=False)
    except (OSError, RuntimeError, ValueError) as exc:
        # A link loop: RuntimeError up to 3.12, OSError (ELOOP) from 3.13.
        raise UsageError(
            translate("paths", "{path} cannot be used as a journal: {reason}.").format(
                path=path, reason=_reason(exc)
            )
        ) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, RuntimeError):
        return translate("paths", "its links go round in a loop")
    return translate("paths", "bad name")


RESOURCES_PACKAGE = "iltdesk.resources"


@functools.cache
def resources_dir() -> Path:
    """The folder of the app's data files (``resources/`` in the repository).

    Found as the package ``iltdesk.resources`` the same way everywhere: a checkout (its
    editable install maps the package to ``resources/``), a wheel, the PyInstaller bundle.
    A real folder, since Qt loads fonts and icons by file name.
    """
    from importlib.resources import files

    found = files(RESOURCES_PACKAGE)
    if not isinstance(found, Path):
        # A zip import (a zipapp, an egg) would give a zip path; Qt could not open it.
        raise FileNotFoundError(f"{RESOURCES_PACKAGE} is not a folder on disk: {found}")
    return found


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700 folders; leave existing ones alone."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made meanwhile by another process (two launches at once)
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file; fail if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def ensure_private_file(path: Path) -> Path:
    """Make ``path`` an existing 0600 file in 0700 folders, for a library to write into.

    For files another library writes (Qt's settings): it rewrites them through a temporary
    file that keeps the existing file's mode, so creating it privately first keeps it private
    whatever the umask.
    """
    ensure_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (a no-op where not supported)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TEMP_PREFIX = ".iltdesk-"


def create_private_temp(folder: Path) -> Path:
    """A fresh, empty 0600 file in ``folder`` under a neutral name that names only this
    process (``.iltdesk-<pid>-*.tmp``), so the sweep of leftovers can tell at once that its
    process is gone; the caller deletes or renames it."""
    import tempfile  # not at the top: a cold command imports this module on its critical path

    fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    os.chmod(name, FILE_MODE)
    return Path(name)


def fsync_file(path: Path) -> None:
    """Make ``path``'s contents durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_temp_path(beside: Path) -> Iterator[Path]:
    """A fresh 0600 temporary file name in the same folder as ``beside``.

    Staying in the same folder keeps the final ``os.replace`` atomic and keeps the bytes on the
    same disk as the user chose; the temporary name carries nothing personal.
    """
    tmp = create_private_temp(beside.parent)
    try:
        yield tmp
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def write_private(path: Path, data: bytes, *, what: str | None = None) -> None:
    """Write ``data`` to exactly ``path`` (mode 0600) through a temporary file beside it, so
    a full disk leaves no half file; ``what`` names the file in messages (translated; "the
    PDF" when None)."""
    named = what or translate("paths", "the PDF")
    write_private_with(path, lambda out: out.write(data), what=named)


def write_private_with(path: Path, fill: Callable[[BinaryIO], object], *, what: str) -> None:
    """``write_private`` for a file written as it is made (``fill`` writes to it): a large
    export need not be held in memory whole."""
    import errno

    from iltdesk.errors import DiskFull, UsageError

    if path.is_dir():
        raise UsageError(
            translate("paths", "{path} is a folder; name the file to write {what} to.").format(
                path=path, what=what
            )
        )
    if not path.parent.is_dir():
        raise UsageError(
            translate("paths", "There is no folder {folder} to write {what} into.").format(
                folder=path.parent, what=what
            )
        )
    try:
        with private_temp_path(path) as tmp:
            with open(tmp, "wb") as out:
                fill(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        fsync_dir(path.parent)
    except PermissionError:
        raise UsageError(
            translate("paths", "You may not write to {path}.").format(path=path)
        ) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(
                translate("paths", "The disk is full; {what} was not written.").format(what=what)
            ) from None
        raise
