"""What the app tidies when it has unlocked a journal: Trash entries past their 30 days,
earlier versions the history's keeping rule no longer keeps (at most once a week), and the
words of records written since the last unlock, listed for prefix search.

Only the app does it, where the principal works: a command (``iltdesk note`` from a script)
must leave the journal as it was when it refuses its input, and one that only reads never
writes. ``iltdesk trash`` purges on its own. Plain SQL, no ORM (it runs as the window
opens). Each step is best effort: a full disk or a read-only folder must never stop a
journal from opening; the next unlock tries again.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from iltdesk.errors import JournalError

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal


def tidy(journal: Journal) -> None:
    """Purge the Trash's expired entries and prune old versions in ``journal``, just
    unlocked for writing."""
    from iltdesk.history import prune_when_due
    from iltdesk.search_terms import absorb_pending
    from iltdesk.trash_purge import purge_expired

    with contextlib.suppress(JournalError):
        purge_expired(journal)
    with contextlib.suppress(JournalError):
        prune_when_due(journal)
    with contextlib.suppress(JournalError):
        absorb_pending(journal)  # words written since the last unlock, listed for search
