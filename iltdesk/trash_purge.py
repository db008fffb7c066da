"""The Trash's 30-day purge, in raw SQL: it runs whenever the app unlocks a journal, so it
must not load the ORM (the window opens at that moment)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from iltdesk import stamps

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

#: How long a deleted record can still be restored.
KEPT_FOR = timedelta(days=30)
TABLE = "trash_entry"


def purge_expired(journal: Journal, now: datetime | None = None) -> int:
    """Remove, unreadably, what has been in the Trash for 30 days or more; how many entries.
    Nothing happens in a journal opened to read only."""
    if journal.read_only:
        return 0
    cutoff = stamps.to_stored((now or datetime.now(UTC)) - KEPT_FOR)
    with journal.transaction():
        old = journal.execute(f"SELECT rows FROM {TABLE} WHERE deleted_at <= ?", (cutoff,))
        if old:
            journal.execute(f"DELETE FROM {TABLE} WHERE deleted_at <= ?", (cutoff,))
    if old:
        wipe(journal, [str(row[0]) for row in old])
    return len(old)


def wipe(journal: Journal, held: Iterable[str]) -> None:
    """After Trash entries holding ``held`` (their rows, as stored) were removed: take their
    words out of search's word list where no record holds them any more, then copy the log
    into the file and empty it, so the removed rows' old pages go with it (the freed space in
    the file is already overwritten: ``secure_delete``)."""
    from iltdesk.search_terms import forget_words

    with journal.transaction():
        forget_words(journal, "\n".join(held))
    journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
