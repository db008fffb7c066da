"""Rows the 0004 build lost, brought back from the copy it kept before migrating.

That build's migration rebuilt the ``self_check`` and ``challenge`` tables with foreign keys
on, so the DROP of each old table cascaded: every self-check answer and area note, force card
(with its leads) and challenge log entry was deleted. Before migrating, it had kept a verified
copy (``before-migration-from-0003-*`` in the journal's backups folder). When a journal that
build migrated is opened by this one, the rows that copy holds and the journal lacks are put
back, once, under the same ids, wherever their parent record still exists.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk.destination import backups_dir
from iltdesk.errors import JournalError
from iltdesk.stamps import stored_row
from iltdesk.store.connection import Connection, open_connection
from iltdesk.store.journal import Journal

# The rebuilt tables' children, parents first; each with the column naming its parent.
LOST_TABLES = (
    ("self_check_answer", "self_check_id", "self_check"),
    ("self_check_area_note", "self_check_id", "self_check"),
    ("force_card", "challenge_id", "challenge"),
    ("force_card_lead", "card_id", "force_card"),
    ("challenge_log_entry", "challenge_id", "challenge"),
)
# The lost kinds the search index holds: (kind, table).
DONE_SETTING = "lost_rows_0004_checked"
FAULTY_REVISION = "0004"


def bring_back_lost_rows(journal: Journal, passphrase: str, revision_before: str | None) -> int:
    """Put back what the 0004 build's migration deleted, if ``journal`` was at 0004 when
    opened and a copy from before that migration opens with ``passphrase``. Returns how many
    rows came back; runs at most once per journal."""
    if revision_before != FAULTY_REVISION or journal.settings().get(DONE_SETTING):
        return 0
    copies = sorted(backups_dir(journal.path).glob("before-migration-from-0003-*.iltdesk"))
    restored = 0
    for copy in reversed(copies):  # the newest copy first: it is the one the build made
        try:
            restored += _copy_missing(journal, copy, passphrase)
        except (JournalError, sqlcipher.Error):
            continue  # another passphrase then, or a damaged copy: the next one may do
        break
    # What no copy brought back is not in the search index either: migration 0007, on the
    # way here, filled the index afresh from the records.
    journal.set_settings({DONE_SETTING: "1"})
    return restored


def _copy_missing(journal: Journal, copy: Path, passphrase: str) -> int:
    source = open_connection(copy, passphrase, read_only=True)
    restored = 0
    try:
        with journal.raw() as conn:
            conn.execute("BEGIN IMMEDIATE")  # all of it or none
            try:
                restored = _insert_missing(conn, source)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    finally:
        source.close()
    return restored


def _insert_missing(conn: Connection, source: Connection) -> int:
    restored = 0
    for table, parent_key, parent in LOST_TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = {r[1] for r in source.execute(f"PRAGMA table_info({table})")}
        shared = [c for c in columns if c in kept]
        names = ", ".join(shared)
        marks = ", ".join("?" for _ in shared)
        at = shared.index(parent_key)
        for row in source.execute(f"SELECT {names} FROM {table}"):
            if not conn.execute(f"SELECT 1 FROM {parent} WHERE id = ?", (row[at],)).fetchone():
                continue  # its parent was deleted since: it stays deleted
            # The copy is older than migration 0008: its moments are text, stored as numbers now.
            values = tuple(stored_row(dict(zip(shared, row, strict=True))).values())
            try:  # OR IGNORE: a row written since under the same id or key wins
                cursor = conn.execute(
                    f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", values
                )
            except sqlcipher.IntegrityError:
                continue  # it names a lead deleted since
            restored += cursor.rowcount
    return restored
