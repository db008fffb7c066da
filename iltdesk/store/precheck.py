"""What is at a journal's path, told before SQLite touches it: no file, a folder, a device,
another kind of file, a journal cut short, one this process may not read or change.

Paths here are resolved (``iltdesk.paths.resolve_journal``); messages name ``shown``, the
path the person gave.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, NoReturn

from iltdesk.errors import (
    JournalDamaged,
    JournalReadOnly,
    JournalUnreadable,
    NotAJournal,
    UsageError,
)
from iltdesk.paths import resolve_journal
from iltdesk.store.wal import PAGE_SIZE
from iltdesk.translation import translate

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
    """What a path that is neither a file nor a folder is, as said in parentheses."""
    if stat.S_ISFIFO(mode):
        return translate("store.precheck", "a pipe")
    if stat.S_ISSOCK(mode):
        return translate("store.precheck", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("store.precheck", "a device")
    return translate("store.precheck", "something else")


def check_existing(path: Path, shown: Path) -> int:
    """Refuse what cannot be a journal before SQLite touches it; return the file's size.

    ``path`` is resolved; messages name ``shown``, the path the person gave.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(
            translate("store.precheck", "There is no journal at {path}.").format(path=shown)
        ) from None
    except PermissionError:
        raise JournalUnreadable(no_permission(shown)) from None
    except OSError as exc:
        raise UsageError(
            translate("store.precheck", "{path} cannot be used as a journal: {reason}.").format(
                path=shown, reason=exc.strerror
            )
        ) from None
    if not stat.S_ISREG(info.st_mode):
        _refuse_not_a_file(info.st_mode, shown)
    if info.st_size == 0:
        raise NotAJournal(
            translate("store.precheck", "{path} is an empty file, not an iltdesk journal.").format(
                path=shown
            )
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(PAGE_SIZE)
    except PermissionError:
        raise JournalUnreadable(no_permission(shown)) from None
    if head.startswith(SQLITE_PLAIN_HEADER):
        raise NotAJournal(
            translate(
                "store.precheck",
                "{path} is an unencrypted SQLite database, not an iltdesk journal.",
            ).format(path=shown)
        )
    if not looks_encrypted(head):
        raise NotAJournal(
            translate("store.precheck", "{path} is not an iltdesk journal.").format(path=shown)
        )
    return info.st_size


def _refuse_not_a_file(mode: int, shown: Path) -> NoReturn:
    """A folder, a pipe, a device...: never opened (reading a pipe would wait for a writer
    that never comes)."""
    if stat.S_ISDIR(mode):
        raise UsageError(
            translate("store.precheck", "{path} is a folder, not a journal.").format(path=shown)
        )
    raise UsageError(
        translate(
            "store.precheck", "{path} is not a regular file ({kind}), so it is not a journal."
        ).format(path=shown, kind=_kind_of(mode))
    )


def no_permission(shown: Path) -> str:
    """This user may not read the journal at ``shown``."""
    return translate("store.precheck", "You do not have permission to read {path}.").format(
        path=shown
    )


def refuse_cut_short(path: Path, shown: Path, secret: bytes) -> None:
    """A journal is whole pages: say "cut short" only when its first page proves it is one."""
    from iltdesk.store.diagnose import first_page_verifies

    if first_page_verifies(path, secret):  # one more key derivation
        raise JournalDamaged(
            translate(
                "store.precheck",
                "The journal {path} is damaged: it has been cut short. The file has not been "
                "changed; restore your latest backup.",
            ).format(path=shown),
            says_what_to_do=True,
        )
    raise NotAJournal(
        translate(
            "store.precheck",
            "{path} is not an iltdesk journal (or it is one that has been cut short, and this "
            "passphrase does not unlock it).",
        ).format(path=shown)
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
                return translate("store.precheck", "its disk is read-only")
        except OSError:
            pass
    if not os.access(path, os.W_OK):
        return translate("store.precheck", "its file is read-only")
    return translate("store.precheck", "its folder is read-only")


def allow_migration(path: Path, conn: Any) -> None:
    """Let a journal opened to read only be migrated first, if this process may change it.

    Reading it under the old schema would not work; migrating changes it (after a verified
    backup), which is what opening it for any command does.
    """
    problem = write_problem(resolve_journal(path))
    if problem is not None:
        raise JournalReadOnly(
            translate(
                "store.precheck",
                "The journal {path} was made by an older iltdesk and must be upgraded before it "
                "can be read, but it cannot be changed here: {problem}. Nothing was changed.",
            ).format(path=path, problem=problem)
        )
    conn.execute("PRAGMA query_only = OFF")
