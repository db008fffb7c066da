"""An earlier version the history's keeping rule lets go leaves nothing readable in the
file: its words are looked for in every decrypted page of the journal (tests/pages.py)."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from iltdesk.history import prune_versions
from iltdesk.lead import add_lead
from iltdesk.models import RecordVersion
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests import pages
from tests.conftest import PASSPHRASE


def test_a_pruned_version_leaves_no_trace_in_any_page(journal_path: Path) -> None:
    gone, kept = f"canarygone{secrets.token_hex(6)}", f"canarykept{secrets.token_hex(6)}"
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    monday = now - timedelta(days=now.weekday() + 7 * 8)  # a week two months back
    with Journal.create(journal_path, PASSPHRASE) as journal:
        lead = add_lead(journal, "Maria Lopez").id or 0
        meeting = start_one_on_one(journal, lead, held_on=date(2026, 9, 1)).id or 0
        save_one_on_one(journal, meeting, notes="The notes as they are now")
        with journal.write() as s:  # two versions in one week: the rule keeps the newer
            for text, at in ((gone, monday), (kept, monday + timedelta(days=2))):
                s.add(
                    RecordVersion(
                        kind="one_on_one", record_id=meeting, field="notes", text=text, saved_at=at
                    )
                )
        journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert pages.holds(journal_path, PASSPHRASE, gone)  # kept until pruned
        assert prune_versions(journal, now) == 1
        journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert not pages.holds(journal_path, PASSPHRASE, gone)  # overwritten, no VACUUM
    assert pages.first_page_is_sqlite(journal_path, PASSPHRASE)
    assert pages.holds(journal_path, PASSPHRASE, kept)
    assert not pages.holds(journal_path, PASSPHRASE, gone)
