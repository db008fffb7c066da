"""A record removed from the Trash leaves nothing readable in the file: its words are looked
for in every decrypted page of the journal and its log (tests/pages.py)."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from iltdesk import trash
from iltdesk.lead import add_lead
from iltdesk.models import Draft, RecordVersion
from iltdesk.one_on_one import add_agenda_item, delete_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests import pages
from tests.conftest import PASSPHRASE


def test_an_emptied_trash_leaves_no_trace_in_any_page(journal_path: Path) -> None:
    gone, kept = f"canarygone{secrets.token_hex(6)}", f"canarykept{secrets.token_hex(6)}"
    with Journal.create(journal_path, PASSPHRASE) as journal:
        lead = add_lead(journal, "Maria Lopez").id or 0
        # The one kept first: a new 1:1 carries the last one's open agenda items forward.
        staying = start_one_on_one(journal, lead, held_on=date(2025, 3, 5)).id or 0
        save_one_on_one(journal, staying, notes=f"Spoke about {kept} at length")
        doomed = start_one_on_one(journal, lead, held_on=date(2025, 3, 12)).id or 0
        save_one_on_one(journal, doomed, notes=f"Spoke about {gone} at length")
        add_agenda_item(journal, doomed, f"The {gone} agenda item")
        with journal.write() as s:  # its earlier text, and what a dialog about it kept
            s.add(RecordVersion(kind="one_on_one", record_id=doomed, field="notes", text=gone))
            s.add(Draft(kind="one_on_one", place=f"one_on_one:{doomed}", fields=f'["{gone}"]'))
        delete_one_on_one(journal, doomed)
        assert journal.execute("SELECT count(*) FROM record_version, draft") == [(0,)]
        journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert pages.holds(journal_path, PASSPHRASE, gone)  # in the Trash, still in the file
        assert trash.empty_trash(journal) == 1
        assert not pages.holds(journal_path, PASSPHRASE, gone)  # gone already, before VACUUM
        journal.execute("VACUUM")

    assert pages.first_page_is_sqlite(journal_path, PASSPHRASE)  # the decryption is right
    assert pages.holds(journal_path, PASSPHRASE, kept)  # and finds what is still there
    assert not pages.holds(journal_path, PASSPHRASE, gone)
