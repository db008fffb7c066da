"""Teacher teams the leads run, and how the principal keeps a pulse on each.

A lead runs a team's meetings; the principal sits in and gives the lead feedback on how they
led it (observations linked to the team), tracks a few data points over time
(``teacher_team_data``) and notes each time she stepped in, always to build the lead's
authority, never to take the team over. What Today asks of a team is in
``teacher_team_today``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import (
    InterventionKind,
    Lead,
    Observation,
    TeacherTeam,
    TeamIntervention,
    TeamLead,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

KIND_WORDS = {
    InterventionKind.brokered: QT_TRANSLATE_NOOP("teacher_team", "Brokered a relationship"),
    InterventionKind.support: QT_TRANSLATE_NOOP("teacher_team", "Added support"),
    InterventionKind.sat_in: QT_TRANSLATE_NOOP("teacher_team", "Sat in on a meeting"),
    InterventionKind.other: QT_TRANSLATE_NOOP("teacher_team", "Something else"),
}
TEAM_FIELDS = {"name", "members_count", "meeting_day", "notes"}


def intervention_words(kind: InterventionKind) -> str:
    """How the principal stepped in (``KIND_WORDS``), in the user's language."""
    return translate("teacher_team", KIND_WORDS[kind])


# -- teams --------------------------------------------------------------------------------------


def add_team(
    journal: Journal,
    name: str,
    *,
    members_count: int = 0,
    meeting_day: str = "",
    notes: str = "",
    lead_ids: Sequence[int] = (),
) -> TeacherTeam:
    """Add a teacher team and the lead(s) who run it."""
    team = TeacherTeam(
        name=_checked_name(name),
        members_count=_checked_count(members_count),
        meeting_day=meeting_day.strip(),
        notes=notes.strip(),
    )
    with journal.write() as s:
        s.add(team)
        s.flush()
        _replace_leads(s, team.id or 0, lead_ids)
    return team


def update_team(journal: Journal, team_id: int, **changes: object) -> TeacherTeam:
    """Save a team's facts: its name, how many teachers are on it, its meeting day, notes."""
    if unknown := set(changes) - TEAM_FIELDS:
        raise UsageError(
            translate("teacher_team", "Cannot change {fields} of a teacher team.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    with journal.write() as s:
        team = fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))
        for field, value in changes.items():
            if field == "name":
                team.name = _checked_name(str(value))
            elif field == "members_count":
                team.members_count = _checked_count(value)
            else:
                setattr(team, field, str(value).strip())
        s.add(team)
    return team


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UsageError(
            translate(
                "teacher_team", "Give the team a name, such as “Grade 6” or “Science department”."
            )
        )
    return name


# As many as the team pages' boxes offer; past 2**63 SQLite cannot even hold the number.
MAX_TEACHERS = 500


def _checked_count(count: object) -> int:
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_TEACHERS:
        raise UsageError(
            translate(
                "teacher_team",
                "The number of teachers on a team is a whole number from 0 to {most}.",
            ).format(most=MAX_TEACHERS)
        )
    return count


def set_team_leads(journal: Journal, team_id: int, lead_ids: Sequence[int]) -> None:
    """Who runs the team now (one lead, several, or none yet)."""
    with journal.write() as s:
        fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))
        _replace_leads(s, team_id, lead_ids)


def _replace_leads(s: Session, team_id: int, lead_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(lead_ids))
    for lead_id in wanted:
        fetch(s, Lead, lead_id, translate("teacher_team", "lead"))
    for row in s.exec(select(TeamLead).where(TeamLead.team_id == team_id)):
        if row.lead_id not in wanted:
            s.delete(row)
        else:
            wanted.remove(row.lead_id)
    for lead_id in wanted:
        s.add(TeamLead(team_id=team_id, lead_id=lead_id))


def set_archived(
    journal: Journal, team_id: int, archived: bool, *, on: date | None = None
) -> TeacherTeam:
    """Archive a team that no longer meets (its history stays), or bring it back."""
    with journal.write() as s:
        team = fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))
        team.archived_on = (on or date.today()) if archived else None
        s.add(team)
    return team


def delete_team(journal: Journal, team_id: int) -> None:
    """Move a team with its data and interventions to the Trash; observations stay, unlinked
    (a restore links them again)."""
    with journal.write() as s:
        fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))
        trash_record(s, TeacherTeam, team_id)


def get_team(journal: Journal, team_id: int) -> TeacherTeam:
    """One team, or a ``UsageError`` if there is none with that id."""
    with journal.session() as s:
        return fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))


def _by_name(teams: Iterable[TeacherTeam]) -> list[TeacherTeam]:
    return sorted(teams, key=lambda t: (t.name.casefold(), t.id or 0))


def list_teams(journal: Journal, *, include_archived: bool = False) -> list[TeacherTeam]:
    """Every team by name; archived ones only when asked for (then after the rest)."""
    with journal.session() as s:
        teams = list(s.exec(select(TeacherTeam)))
    shown = [t for t in teams if include_archived or t.archived_on is None]
    return sorted(_by_name(shown), key=lambda t: t.archived_on is not None)


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
    return _by_name(rows)


def leads_of(journal: Journal, team_id: int) -> list[Lead]:
    """The leads who run a team, by name."""
    return leads_of_teams(journal).get(team_id, [])


def leads_of_teams(journal: Journal) -> dict[int, list[Lead]]:
    """Every team's leads, by name: what the list of teams shows beside each."""
    with journal.session() as s:
        rows = list(s.exec(select(TeamLead, Lead).join(Lead, col(Lead.id) == TeamLead.lead_id)))
    found: dict[int, list[Lead]] = {}
    for link, lead in rows:
        found.setdefault(link.team_id, []).append(lead)
    for leads in found.values():
        leads.sort(key=lambda lead: (lead.name.casefold(), lead.id or 0))
    return found


def run_by_words(leads: Sequence[Lead]) -> str:
    """Who runs a team, in words: "run by Maya Ortiz and Sam Lee", or that no one does yet."""
    names = [lead.name for lead in leads]
    if not names:
        return translate("teacher_team", "no lead named yet")
    if len(names) == 1:
        return translate("teacher_team", "run by {name}").format(name=names[0])
    return translate("teacher_team", "run by {names} and {last}").format(
        names=", ".join(names[:-1]), last=names[-1]
    )


# -- observations of the lead running the team's meetings ----------------------------------------


def team_observations(journal: Journal, team_id: int) -> list[Observation]:
    """The observations of a lead running this team's meetings, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(Observation)
                .where(Observation.team_id == team_id)
                .order_by(col(Observation.observed_on).desc(), col(Observation.id).desc())
            )
        )


# -- interventions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InterventionNotes:
    """How the principal stepped in: the kind, what she did, why, and what followed."""

    kind: InterventionKind = InterventionKind.support
    what: str = ""
    why: str = ""
    what_followed: str = ""
    happened_on: date | None = None


def _check_intervention(notes: InterventionNotes) -> None:
    if not (notes.what.strip() or notes.why.strip()):
        raise UsageError(
            translate("teacher_team", "Write what you did or why you stepped in first.")
        )


def add_intervention(journal: Journal, team_id: int, notes: InterventionNotes) -> TeamIntervention:
    """Record a time the principal stepped in for a team."""
    _check_intervention(notes)
    row = TeamIntervention(
        team_id=team_id,
        happened_on=notes.happened_on or date.today(),
        kind=notes.kind,
        what=notes.what.strip(),
        why=notes.why.strip(),
        what_followed=notes.what_followed.strip(),
    )
    with journal.write() as s:
        fetch(s, TeacherTeam, team_id, translate("teacher_team", "teacher team"))
        s.add(row)
        s.flush()
    return row


def update_intervention(
    journal: Journal, intervention_id: int, notes: InterventionNotes
) -> TeamIntervention:
    """Correct an intervention, or add what followed once it is known."""
    _check_intervention(notes)
    with journal.write() as s:
        row = fetch(s, TeamIntervention, intervention_id, translate("teacher_team", "intervention"))
        row.kind, row.what, row.why = notes.kind, notes.what.strip(), notes.why.strip()
        row.what_followed = notes.what_followed.strip()
        row.happened_on = notes.happened_on or row.happened_on
        s.add(row)
    return row


def delete_intervention(journal: Journal, intervention_id: int) -> None:
    """Move an intervention to the Trash."""
    with journal.write() as s:
        fetch(s, TeamIntervention, intervention_id, translate("teacher_team", "intervention"))
        trash_record(s, TeamIntervention, intervention_id)


def interventions_for(journal: Journal, team_id: int) -> list[TeamIntervention]:
    """A team's interventions, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(TeamIntervention)
                .where(TeamIntervention.team_id == team_id)
                .order_by(col(TeamIntervention.happened_on).desc(), col(TeamIntervention.id).desc())
            )
        )
