"""The roster: the team's leads, as the sidebar lists them.

Plain SQL, like Today: the sidebar is on screen before the ORM has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.store.journal import Journal


@dataclass(frozen=True)
class RosterEntry:
    """One lead, as a line in a list."""

    id: int
    name: str
    role: str
    team: str
    active: bool


def roster(journal: Journal, *, include_archived: bool = True) -> list[RosterEntry]:
    """The leads, active first then by name (case and accents as Python's casefold)."""
    entries = [
        RosterEntry(lead_id, name, role, team, archived_on is None)
        for lead_id, name, role, team, archived_on in journal.execute(
            "SELECT id, name, role, team, archived_on FROM lead"
        )
        if include_archived or archived_on is None
    ]
    entries.sort(key=lambda entry: (not entry.active, entry.name.casefold()))
    return entries
