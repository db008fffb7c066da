"""Errors a person can act on.

Each failure a principal can meet has its own type, its own plain message and its own CLI exit
code. None of them is raised after the journal file has been changed.
"""

from __future__ import annotations

from iltdesk.translation import QT_TRANSLATE_NOOP, translate


class JournalError(Exception):
    """Base of every error the core raises on purpose. ``str(err)`` is a plain sentence."""

    exit_code = 1


class UsageError(JournalError):
    """The request itself is wrong: a missing argument, an unknown lead or record."""

    exit_code = 2


class WrongPassphrase(JournalError):
    """The passphrase does not unlock this journal."""

    exit_code = 3


class WrongRecoveryKey(WrongPassphrase):
    """The recovery key was mistyped, belongs to another kit, or its escrow does not open this
    journal. Nothing was changed."""


class NoEscrow(JournalError):
    """No recovery escrow for this journal was found (beside it or in its backups folder)."""

    exit_code = 3


class JournalDamaged(JournalError):
    """The file is not an iltdesk journal, or its contents fail an integrity check.

    ``says_what_to_do``: the message already tells the remedy (restore a backup, choose
    another one), so nothing is added to it (messages.not_opened), in any language."""

    exit_code = 4

    def __init__(self, message: str = "", *, says_what_to_do: bool = False) -> None:
        super().__init__(message)
        self.says_what_to_do = says_what_to_do


class NotAJournal(JournalDamaged):
    """The file is readable but is not an iltdesk journal (plain SQLite, another app's data)."""


class JournalInUse(JournalError):
    """Another iltdesk window or command has this journal open."""

    exit_code = 5


class JournalTooNew(JournalError):
    """The journal was written by a newer iltdesk than this one."""

    exit_code = 6


class DiskFull(JournalError):
    """The disk holding the journal is full; nothing was saved."""

    exit_code = 7


class JournalReadOnly(JournalError):
    """The journal cannot be changed here: its file, its folder or its disk is read-only (or
    it was opened read-only). Commands that only read it still work; nothing was changed."""

    exit_code = 8


class JournalUnreadable(JournalError):
    """This user may not read the journal (its file or a folder above it denies it)."""

    exit_code = 8


class KeychainUnavailable(JournalError):
    """No usable OS keychain: ask for the passphrase instead (never a plaintext fallback)."""

    exit_code = 9


EXIT_CODES: dict[int, str] = {
    0: QT_TRANSLATE_NOOP("errors", "success"),
    1: QT_TRANSLATE_NOOP("errors", "unexpected error"),
    2: QT_TRANSLATE_NOOP(
        "errors",
        "usage error (a new passphrase too easy to guess among them), or the lead or "
        "record named does not exist",
    ),
    3: QT_TRANSLATE_NOOP(
        "errors", "wrong passphrase or recovery key, or no recovery escrow for the journal"
    ),
    4: QT_TRANSLATE_NOOP("errors", "not an iltdesk journal, or the journal is damaged"),
    5: QT_TRANSLATE_NOOP("errors", "the journal is open in another iltdesk window or command"),
    6: QT_TRANSLATE_NOOP("errors", "the journal was made by a newer version of iltdesk"),
    7: QT_TRANSLATE_NOOP("errors", "the disk is full; nothing was saved"),
    8: QT_TRANSLATE_NOOP(
        "errors", "the journal is read-only here (file, folder or disk) or you may not read it"
    ),
    9: QT_TRANSLATE_NOOP("errors", "no usable system keychain"),
}


def exit_code_meaning(code: int) -> str:
    """What exit ``code`` means, in the user's language (``iltdesk --help``)."""
    return translate("errors", EXIT_CODES[code])
