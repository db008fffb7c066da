"""A quick 1:1 note: a lead's name and some Markdown, saved as a 1:1 held that day.

Written with raw SQL on the journal's connection, so that ``iltdesk note`` saves one without
importing the ORM (about 0.6 s); ``one_on_one.add_quick_note``, the app's, is this too, so
the columns and the stored form of a timestamp are written in one place. The search index
follows through the journal's triggers, as for every write.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from iltdesk import stamps
from iltdesk.errors import UsageError
from iltdesk.lead_names import pick_lead
from iltdesk.store.journal import Journal
from iltdesk.translation import translate


class QuickNote(NamedTuple):
    """The 1:1 a quick note was saved as."""

    id: int
    held_on: date


def save_quick_note(
    journal: Journal, lead_name: str, text: str, *, held_on: date | None = None
) -> QuickNote:
    """Record a 1:1 with the lead ``lead_name`` names, holding ``text`` as its notes
    (Markdown), held on ``held_on`` (today by default). Refuses an empty note, and a name
    that matches no lead or several (``UsageError``), changing nothing."""
    if not text.strip():
        raise UsageError(translate("quick_note", "The note is empty; nothing was saved."))
    day = held_on or date.today()
    now = stamps.now_stored()  # as the ORM's ``Instant`` stores it
    with journal.transaction():
        leads = journal.execute("SELECT id, name FROM lead")
        lead_id = int(pick_lead(leads, lead_name, lambda row: str(row[1]))[0])
        journal.execute(
            "INSERT INTO one_on_one (created_at, updated_at, lead_id, held_on, notes, "
            "feedback_given) VALUES (?, ?, ?, ?, ?, '')",
            (now, now, lead_id, day.isoformat(), text),
        )
        note_id = int(journal.execute("SELECT last_insert_rowid()")[0][0])
    return QuickNote(note_id, day)
