"""Teacher teams the leads run, and how the principal keeps a pulse on each.

A lead runs a team's meetings; the principal watches a few data points per team, notes each
time they stepped in (always to build the lead's authority, not to take the team over) and
observes the lead running the team's meetings.
"""

from __future__ import annotations

from sqlmodel import col, select

from iltdesk.models import TeacherTeam, TeamLead
from iltdesk.store.journal import Journal


def teams_run_by(
    journal: Journal, lead_id: int, *, include_archived: bool = False
) -> list[TeacherTeam]:
    """The teams ``lead_id`` runs, by name; archived teams only when asked for."""
    with journal.session() as s:
        query = (
            select(TeacherTeam)
            .join(TeamLead, col(TeamLead.team_id) == col(TeacherTeam.id))
            .where(TeamLead.lead_id == lead_id)
        )
        if not include_archived:
            query = query.where(col(TeacherTeam.archived_on).is_(None))
        rows = list(s.exec(query))
    return sorted(rows, key=lambda t: (t.name.casefold(), t.id or 0))
