"""Writing 1:1 notes."""

from __future__ import annotations

from datetime import date

from iltdesk.errors import UsageError
from iltdesk.lead import find_lead
from iltdesk.models import OneOnOne
from iltdesk.store.journal import Journal


def add_quick_note(
    journal: Journal, lead_name: str, text: str, *, held_on: date | None = None
) -> OneOnOne:
    """Record a 1:1 with the named lead holding ``text`` as its notes (Markdown)."""
    if not text.strip():
        raise UsageError("The note is empty; nothing was saved.")
    with journal.write() as s:
        lead = find_lead(s, lead_name)
        meeting = OneOnOne(lead_id=lead.id or 0, held_on=held_on or date.today(), notes=text)
        s.add(meeting)
        s.flush()
    return meeting
