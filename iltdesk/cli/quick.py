"""`iltdesk search` and `iltdesk note` for a fresh process: answered in well under a second.

A cold command pays for one key derivation (SQLCipher's PBKDF2, about 0.2 s, never weakened)
and would pay as much again to import the ORM and Alembic. These two commands need neither:
they open the journal the one way every command does (``store.opening``), which loads the
ORM only when a journal must be migrated or a setting recorded, and then use the core's
search (``iltdesk.search``) and quick note (``iltdesk.quick_note``) on the raw connection.

While the keychain is asked for a remembered passphrase, the key is already being derived
from ``ILTDESK_PASSPHRASE`` in a thread (SQLCipher releases the GIL). ``main`` has usually
started that thread before parsing the command line (``iltdesk.cli.early``); whatever is not
needed to start it is imported after it has started, when importing costs no time of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from iltdesk.cli import passphrase
from iltdesk.cli.early import claim
from iltdesk.store.connection import is_encodable
from iltdesk.store.opening import from_env

if TYPE_CHECKING:
    from iltdesk.errors import JournalError
    from iltdesk.search import Hit
    from iltdesk.store.backups.rotation import BackupEntry
    from iltdesk.store.journal import Journal


def unlock(
    path: Path, *, meanwhile: Callable[[], object] | None = None, read_only: bool = False
) -> Journal:
    """Open ``path`` as every command does, deriving the key from ``ILTDESK_PASSPHRASE``
    while the keychain is asked (or taking the derivation ``main`` began early).

    ``meanwhile`` runs once the key is being derived (an import the command needs next).
    """
    secret = from_env()
    early = None
    if secret is not None and is_encodable(secret):
        early = claim(path, secret, read_only=read_only)
    return passphrase.unlock(
        path, read_only=read_only, overlap=True, early=early, meanwhile=meanwhile
    )


def find_hits(path: Path, text: str, *, limit: int) -> list[Hit]:
    """What ``iltdesk search`` prints: the core's search, on a quickly unlocked journal."""
    reading = unlock(path, meanwhile=lambda: import_module("iltdesk.search"), read_only=True)
    with reading as journal:
        from iltdesk.search import search

        return search(journal, text, limit=limit)


class SavedNote(NamedTuple):
    """The 1:1 a quick note was saved as, and the day's backup taken after it, if one was
    due (a ``JournalError`` when it could not be made)."""

    id: int
    held_on: date
    backup: BackupEntry | JournalError | None = None


def add_note(path: Path, lead_name: str, text: str, *, held_on: date | None = None) -> SavedNote:
    """Record a 1:1 with the named lead holding ``text`` (``quick_note.save_quick_note``, as
    the app's ``add_quick_note``); then take the day's backup if none is dated today (a
    principal who only ever jots notes from the command line gets daily backups too)."""
    with unlock(path, meanwhile=lambda: import_module("iltdesk.quick_note")) as journal:
        from iltdesk.quick_note import save_quick_note
        from iltdesk.store.backups import rotation

        saved = save_quick_note(journal, lead_name, text, held_on=held_on)
        return SavedNote(saved.id, saved.held_on, rotation.take_if_due(journal, datetime.now()))
