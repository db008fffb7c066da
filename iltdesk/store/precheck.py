"""What is at a journal's path, told before SQLite touches it: no file, a folder, a device,
another kind of file, a journal cut short, one this process may not read or change.

Paths here are resolved (``iltdesk.paths.resolve_journal``); messages name ``shown``, the
path the person gave.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from iltdesk.errors import JournalDamaged, JournalUnreadable, NotAJournal, UsageError
from iltdesk.store.wal import PAGE_SIZE

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
SALT_SIZE = 16


def looks_encrypted(head: bytes) -> bool:
    """Whether ``head`` (a file's first page, or all of a shorter file) could be SQLCipher's.

    A journal's first page is a random salt, ciphertext, a random IV and an HMAC: every byte
    value turns up. Text (a PDF's header, CSV, JSON) fills its first 16 bytes with printable
    characters (a random salt does so once in ~3 million files) and repeats a few byte values.
    """
    if len(head) < SALT_SIZE:
        return False
    if all(b in b"\t\n\r\f\x0b" or 0x20 <= b < 0x7F for b in head[:SALT_SIZE]):
        return False
    if len(head) < 1024:
        return True  # too short to judge by its spread of byte values
    # A random block of n bytes misses ~256 * e^(-n/256) byte values (4.6 of 1,024, 0 of
    # 4,096), give or take about 2; missing 16 more than that is not random.
    expected_missing = 256 * (1 - 1 / 256) ** len(head)
    return 256 - len(set(head)) <= expected_missing + 16


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "something else"


def check_existing(path: Path, shown: Path) -> int:
    """Refuse what cannot be a journal before SQLite touches it; return the file's size.

    ``path`` is resolved; messages name ``shown``, the path the person gave.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(f"There is no journal at {shown}.") from None
    except PermissionError:
        raise JournalUnreadable(f"You do not have permission to read {shown}.") from None
    except OSError as exc:
        raise UsageError(f"{shown} cannot be used as a journal: {exc.strerror}.") from None
    if not stat.S_ISREG(info.st_mode):
        # Never opened: reading a pipe would wait for a writer that never comes.
        kind = _kind_of(info.st_mode)
        if kind == "a folder":
            raise UsageError(f"{shown} is a folder, not a journal.")
        raise UsageError(f"{shown} is not a regular file ({kind}), so it is not a journal.")
    if info.st_size == 0:
        raise NotAJournal(f"{shown} is an empty file, not an iltdesk journal.")
    try:
        with path.open("rb") as fh:
            head = fh.read(PAGE_SIZE)
    except PermissionError:
        raise JournalUnreadable(f"You do not have permission to read {shown}.") from None
    if head.startswith(SQLITE_PLAIN_HEADER):
        raise NotAJournal(f"{shown} is an unencrypted SQLite database, not an iltdesk journal.")
    if not looks_encrypted(head):
        raise NotAJournal(f"{shown} is not an iltdesk journal.")
    return info.st_size


def refuse_cut_short(path: Path, shown: Path, secret: bytes) -> None:
    """A journal is whole pages: say "cut short" only when its first page proves it is one."""
    from iltdesk.store.diagnose import first_page_verifies

    if first_page_verifies(path, secret):  # one more key derivation
        raise JournalDamaged(
            f"The journal {shown} is damaged: it has been cut short. The file has not been "
            "changed; restore your latest backup."
        )
    raise NotAJournal(
        f"{shown} is not an iltdesk journal (or it is one that has been cut short, and this "
        "passphrase does not unlock it)."
    )


def write_problem(path: Path) -> str | None:
    """Why the journal at (resolved) ``path`` cannot be changed by this process, or None.

    A WAL journal needs to write its file and to create its ``-wal`` beside it.
    """
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK):
        return None
    if os.name == "posix":  # statvfs is POSIX only
        try:
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                return "its disk is read-only"
        except OSError:
            pass
    return "its file is read-only" if not os.access(path, os.W_OK) else "its folder is read-only"
