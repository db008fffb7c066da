"""Writing a journal afresh into a new file beside it, checked, then renamed over it.

Two jobs do this: a new passphrase (``iltdesk.store.rekey``) and compacting after a migration
that rewrote much of the file (``compact``). ``sqlcipher_export`` writes every table and index
anew, in order and without free pages, under the journal's key (or a new one): an encrypted
file from the first byte, so nothing passes through plain text on disk (SQLite's own VACUUM
would build its copy in the temporary store, which SQLCipher does not encrypt, or in memory,
2 GB at a million entries). A crash at any moment leaves the old file or the checked new one.

A migration that rewrote most rows (0008: every time; 0009: the search index) leaves the
file as large as before, its pages scattered: 271 MB where a journal written at 0009 takes
209 MB at 100k entries, and searches that read pages from all over the disk. The migrating
open marks the journal (``PENDING``); a writable open then compacts it, and a compaction that
cannot run now (no room on the disk, a failed check) leaves the mark for the next open.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.errors import JournalError
from iltdesk.paths import create_private_file, fsync_dir, fsync_file, private_temp_path
from iltdesk.store.backups.copy import export
from iltdesk.store.backups.integrity import verify_file
from iltdesk.store.connection import PAGE_SIZE, Connection, classify

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

log = logging.getLogger(__name__)

PENDING = "compact_after_migration"  # journal setting: the revision migrated from
# Migrations after which the file is compacted: each rewrote most of the journal's pages.
REWRITING = frozenset(("0008", "0009"))
# Room kept free on the disk besides the new copy (it is never filled to the last byte).
SPARE_BYTES = 64 * 1024 * 1024


_busy: list[Path] = []  # the journal being compacted: reopening it must not start again


def rewrite(
    journal: Journal,
    passphrase: str,
    *,
    new_key: str | None = None,
    settings: Mapping[str, str | None] | None = None,
    before_swap: Callable[[], object] | None = None,
) -> None:
    """Write ``journal`` into a new file beside it (under ``new_key`` if given, with
    ``settings`` changed in the copy, None: left out), prove it a whole journal that
    ``passphrase`` opens, then close the journal and rename the copy over it. ``before_swap``
    runs once the copy is proven, before the journal is touched. The caller reopens it."""
    path = journal.path
    with private_temp_path(path) as tmp:
        tmp.unlink()
        create_private_file(tmp)
        with journal.raw() as conn:
            try:
                export(conn, tmp, new_key, settings)
            except sqlcipher.Error as exc:
                raise classify(exc, path) from None
        fsync_file(tmp)
        verify_file(tmp, passphrase)
        if before_swap is not None:
            before_swap()
        journal.close()
        # The copy already holds every commit; an old WAL must never be replayed onto it.
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}-wal").unlink()
        os.replace(tmp, path)
        fsync_dir(path.parent)


def mark_if_rewritten(journal: Journal, migrated_from: str | None) -> None:
    """Note that the journal must be compacted when the migrations from ``migrated_from``
    rewrote much of it (before the first compaction runs, so a crash cannot lose it)."""
    if migrated_from is None or not any(migrated_from < done for done in REWRITING):
        return
    journal.set_settings({PENDING: migrated_from})


def needs_compacting(journal: Journal) -> bool:
    """Whether a migration marked the journal to be compacted."""
    return bool(journal.settings().get(PENDING))


def opening_compacts(conn: Connection) -> bool:
    """Whether opening the journal on ``conn`` (to write) will compact it: seconds for a large
    journal, so the app says so in a dialog. False when opening will refuse it instead."""
    try:
        row = conn.execute("SELECT value FROM journal_setting WHERE key = ?", (PENDING,)).fetchone()
    except sqlcipher.Error:  # no settings yet, not a journal, unreadable: opening says which
        return False
    return bool(row and row[0])


def room_for_copy(journal: Journal) -> bool:
    """Whether the disk holds a new copy of the pages in use, with some room to spare."""
    conn = journal.connection
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    needed = (pages - free) * PAGE_SIZE + SPARE_BYTES
    try:
        return shutil.disk_usage(journal.path.parent).free >= needed
    except OSError:
        return False


def compact(journal: Journal, passphrase: str) -> Journal:
    """Compact a journal a migration marked; return it open (reopened when compacted, the
    same one when it could not be now: the mark stays, and the next open tries again).

    The mark is left out of the very copy that is checked, so a compacted journal never
    carries it.
    """
    if _busy:  # reopened after a swap that failed: left as it is until the next open
        return journal
    if not room_for_copy(journal):
        log.warning("not compacted after migrating: too little room on the disk")
        return journal
    _busy.append(journal.path)
    try:
        try:
            rewrite(journal, passphrase, settings={PENDING: None})
        except (JournalError, OSError) as exc:
            # The journal is untouched unless it was closed for the swap; reopen it then
            # (as it is: a compaction that failed at the swap is not tried again at once).
            log.warning("not compacted after migrating (%s)", type(exc).__name__)
            if not journal.closed:
                return journal
        from iltdesk.store.journal import Journal as Opened

        return Opened.open(journal.path, passphrase)
    finally:
        _busy.clear()
