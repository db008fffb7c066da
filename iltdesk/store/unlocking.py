"""Unlocking a journal in a thread while the process gets on with something else.

Unlocking is mostly SQLCipher deriving the key (PBKDF2-SHA512, 256,000 iterations, about
0.2 s here, never weakened), during which SQLCipher releases the GIL. A cold command derives
it while it asks the keychain; the desktop app derives it while it imports Qt and the ORM.
"""

from __future__ import annotations

import threading
from enum import Enum
from pathlib import Path
from typing import Literal

from iltdesk import keychain
from iltdesk.errors import JournalError
from iltdesk.store import diagnose, salt, schema
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.opening import (
    ENV_PASSPHRASE,
    NoPassphrase,
    Recall,
    first_that_opens,
    from_env,
    from_keychain,
    passphrases,
)
from iltdesk.translation import translate

# What ``open_connection`` imports only when it needs it (the schema check; what tells a
# damaged journal from a wrong passphrase), imported here, on the thread that starts an
# unlock: a thread must import nothing while the main thread imports PySide6 (test_startup_race).
_USED_BY_THE_THREAD = (diagnose, salt, schema)


class BackgroundUnlock:
    """``open_connection(path, secret, read_only=...)`` in a thread; collect it with
    ``connection()``."""

    def __init__(self, path: Path, secret: str, *, read_only: bool = False) -> None:
        self.path = path
        self.secret = secret
        self.read_only = read_only
        self._conn: Connection | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(path,), name="iltdesk-unlock", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            self._conn = open_connection(path, self.secret, read_only=self.read_only)
        except BaseException as exc:  # handed to the caller's thread in connection()
            self._error = exc

    def wait(self) -> None:
        """Block until unlocking has finished (the journal is then held, or it failed)."""
        self._thread.join()

    def connection(self) -> Connection:
        """The unlocked connection, or the error unlocking raised."""
        self.wait()
        if self._error is not None:
            raise self._error
        assert self._conn is not None
        conn, self._conn = self._conn, None
        return conn

    def discard(self) -> None:
        """Wait for the thread and release whatever it opened (and its lock)."""
        self.wait()
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Unlocked:
    """A connection a passphrase opened, and that passphrase (to finish opening with)."""

    def __init__(self, conn: Connection, secret: str) -> None:
        self.connection = conn
        self.secret = secret


class _From(Enum):
    ENVIRONMENT = f"read {ENV_PASSPHRASE}"


class UnlockAhead:
    """Unlock ``path`` in a thread with the passphrases at hand, in the order of
    ``opening.passphrases`` (the prompt excepted: the app asks in its own dialog).

    ``recall`` asks the keychain (``None``: nothing remembered); ``fallback`` is tried after
    it (by default ``ILTDESK_PASSPHRASE``, for a scripted start). ``outcome()`` is what
    happened: ``Unlocked``, the ``JournalError`` that stopped it (a wrong or changed
    passphrase, a journal open elsewhere...), or ``None`` when there was no passphrase to try.
    """

    def __init__(
        self,
        path: Path,
        recall: Recall = from_keychain,
        fallback: str | Literal[_From.ENVIRONMENT] | None = _From.ENVIRONMENT,
    ) -> None:
        self.path = path
        self._recall = recall
        self._fallback = from_env() if fallback is _From.ENVIRONMENT else fallback
        self._outcome: Unlocked | JournalError | None = None
        # The keychain ``recall`` asks is imported and chosen here, on the caller's thread
        # (see keychain.prepare); asking it stays in the thread, bounded.
        keychain.prepare()
        self._thread = threading.Thread(target=self._run, name="iltdesk-unlock", daemon=True)
        self._thread.start()

    def _take_fallback(self) -> str | None:
        # Not kept past the attempt: the object may outlive it (the app holds it until used).
        fallback, self._fallback = self._fallback, None
        return fallback

    def _run(self) -> None:
        offers = passphrases(self.path, recall=self._recall, environment=self._take_fallback)
        try:
            self._outcome = first_that_opens(offers, self._unlocked)
        except NoPassphrase:
            self._outcome = None
        except JournalError as exc:
            self._outcome = exc
        except Exception as exc:  # never lost in the thread: the caller asks instead
            self._outcome = JournalError(
                translate("store.unlocking", "Could not unlock {path}: {error}").format(
                    path=self.path, error=exc
                )
            )

    def _unlocked(self, secret: str) -> Unlocked:
        return Unlocked(open_connection(self.path, secret), secret)

    def outcome(self) -> Unlocked | JournalError | None:
        """Wait for the attempt and hand over its result (once; the caller owns it)."""
        self._thread.join()
        result, self._outcome = self._outcome, None
        return result

    def discard(self) -> None:
        """Wait, and close whatever was opened (releasing the journal's lock)."""
        result = self.outcome()
        if isinstance(result, Unlocked):
            result.connection.close()
