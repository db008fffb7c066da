"""What opening a journal for writing tidies up, in plain SQL (no ORM: ``iltdesk note`` and
the app's cold start open journals too): copies a crash left behind, Trash entries past
their 30 days, and earlier versions the history's keeping rule no longer keeps (once a week).

Each step is best effort: a full disk or a read-only folder must never stop a journal from
opening; the next opening tries again.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from iltdesk.errors import JournalError

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal


def on_open(journal: Journal) -> None:
    """Tidy up ``journal``, just opened for writing."""
    from iltdesk.history import prune_when_due
    from iltdesk.store.leftovers import sweep_stale_temp_files
    from iltdesk.trash_purge import purge_expired

    sweep_stale_temp_files(journal.path)  # copies a crash left mid-backup, -restore or -rekey
    with contextlib.suppress(JournalError):
        purge_expired(journal)
    with contextlib.suppress(JournalError):
        prune_when_due(journal)
