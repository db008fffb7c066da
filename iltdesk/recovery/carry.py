"""Keeping the newest recovery kit when a backup is restored over a journal.

A backup remembers the kit it was made under. Restoring one made before the kit was renewed
would make the journal seal its next passphrase to the old kit, whose sheet may be shredded,
and leave the newest sheet unable to open it. The kit the replaced journal held (read from
inside it, never from a file) is carried into the restored copy when it is newer, with the
restored copy's passphrase sealed to it.
"""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk import stamps
from iltdesk.errors import JournalError
from iltdesk.recovery import ESCROW, MADE_AT, PUBLIC_KEY, SEALED_FOR
from iltdesk.recovery.escrow import Escrow
from iltdesk.recovery.kit import journal_escrow
from iltdesk.store import verifier
from iltdesk.store.connection import Connection, open_connection

_READ = 'SELECT "key", value FROM journal_setting'
_WRITE = (
    'INSERT INTO journal_setting(created_at, updated_at, "key", value) VALUES (?, ?, ?, ?) '
    'ON CONFLICT("key") DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
)


def _settings(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute(_READ)}


def newer_kit(current: Path, passphrase: str) -> Escrow | None:
    """The kit the journal at ``current`` holds, if ``passphrase`` opens it (else None)."""
    try:
        conn = open_connection(current, passphrase, read_only=True)
    except (JournalError, sqlcipher.Error):
        return None  # another passphrase, or damaged: nothing can be carried
    try:
        return journal_escrow(_settings(conn))
    except sqlcipher.Error:
        return None
    finally:
        conn.close()


def carry_kit(escrow: Escrow, restored: Path, passphrase: str) -> None:
    """Give the restored copy (not yet in place) the kit of ``escrow`` if it is newer than its
    own, with ``passphrase`` (which opens the copy) sealed to it."""
    conn = open_connection(restored, passphrase)
    try:
        settings = _settings(conn)
        own = journal_escrow(settings)
        if own is not None and (own.recipient == escrow.recipient or own.made >= escrow.made):
            return
        carried = Escrow(escrow.recipient, escrow.made, list(escrow.entries))
        carried.seal(passphrase)
        now = stamps.now_stored()
        values = {
            PUBLIC_KEY: base64.b64encode(escrow.recipient).decode("ascii"),
            MADE_AT: escrow.made,
            ESCROW: carried.dumps(),
            SEALED_FOR: settings.get(verifier.SETTING_KEY, ""),
        }
        with contextlib.closing(conn.cursor()) as cur:
            cur.execute("BEGIN IMMEDIATE")
            cur.executemany(_WRITE, [(now, now, k, v) for k, v in values.items()])
            cur.execute("COMMIT")
    finally:
        conn.close()
