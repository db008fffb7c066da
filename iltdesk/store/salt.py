"""The journal's salt, recorded inside the journal so that its backups remember it.

SQLCipher keeps the 16-byte key-derivation salt in plain text at the head of the file, so
recording it reveals nothing. A damaged salt makes the right passphrase fail exactly as a
wrong one does; a backup that opens with the passphrase given and remembers another salt
lets ``diagnose`` prove which it is. Backups are only ever read here, never changed: each is
opened read-only and immutable (no lock, no WAL, no journal files beside it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.destination import backups_dir
from iltdesk.paths import JOURNAL_SUFFIX
from iltdesk.store.connection import Connection, immutable_connection
from iltdesk.store.precheck import SALT_SIZE

SETTING_KEY = "cipher_salt"
# Opening each backup derives a key (~0.2 s), on the failure path only: the newest few are
# the ones likeliest to share the journal's passphrase and salt.
BACKUPS_TRIED = 3
_READ = 'SELECT value FROM journal_setting WHERE "key" = ?'


def to_record(conn: Connection, settings: dict[str, str]) -> str | None:
    """The salt (hex) to record for the journal open on ``conn``, or None if recorded.

    Asked of SQLCipher, not read from the file: opening and closing another descriptor on the
    file would drop the locks SQLite holds on it (POSIX locks belong to the process). A rekey
    or a restore puts a file with another salt in place, so it is compared on every open.
    """
    row = conn.execute("PRAGMA cipher_salt").fetchone()
    current = str(row[0]).lower() if row is not None else ""
    if len(current) != 2 * SALT_SIZE or settings.get(SETTING_KEY) == current:
        return None
    return current


def newest_backups(folders: Iterable[Path]) -> list[Path]:
    """The newest ``BACKUPS_TRIED`` journal files in ``folders``, newest first."""
    found: dict[Path, float] = {}
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:  # no backups folder (yet), or one we may not read
            continue
        for entry in entries:
            try:
                if entry.name.endswith(JOURNAL_SUFFIX) and entry.is_file():
                    found[entry] = entry.stat().st_mtime
            except OSError:
                continue
    ordered = sorted(found, key=lambda p: (found[p], p.name), reverse=True)
    return ordered[:BACKUPS_TRIED]


def _recorded_in(backup: Path, passphrase: str) -> bytes | None:
    """The salt ``backup`` recorded, if ``passphrase`` opens it and it holds one."""
    try:
        conn = immutable_connection(backup.resolve(), passphrase)
    except sqlcipher.Error:
        return None
    try:
        row = conn.execute(_READ, (SETTING_KEY,)).fetchone()
        salt = bytes.fromhex(str(row[0])) if row is not None else b""
    except (sqlcipher.Error, ValueError):  # another passphrase, not a journal, a bad value
        return None
    finally:
        conn.close()
    return salt if len(salt) == SALT_SIZE else None


def salts_in_backups(real: Path, shown: Path, passphrase: str) -> Iterator[bytes]:
    """The salts the journal's newest backups recorded, each opened with ``passphrase``.

    Lazily, so the caller stops paying as soon as one proves its point. Both the folder beside
    the real file and the one beside the path given (a link's) are looked in: automatic
    backups go beside the path the journal was opened by.
    """
    folders = dict.fromkeys([backups_dir(real), backups_dir(shown.absolute())])
    for backup in newest_backups(folders):
        salt = _recorded_in(backup, passphrase)
        if salt is not None:
            yield salt
