"""Teacher teams the leads run, and how the principal keeps a pulse on each."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class TeacherTeam(Stamped, table=True):
    """A teacher team (a grade, a department) that one or more leads run."""

    __tablename__ = "teacher_team"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    members_count: int = 0
    # In words, as the school says it ("Thursdays after school", "every other Monday").
    meeting_day: str = ""
    notes: str = ""
    archived_on: date | None = None


class TeamLead(Stamped, table=True):
    """A lead who runs a teacher team."""

    __tablename__ = "teacher_team_lead"

    team_id: int = Field(foreign_key="teacher_team.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)


class TeamDataPoint(Stamped, table=True):
    """Something about a team the principal tracks over time, with its unit ("teams with a
    dated reteach plan, of 5")."""

    __tablename__ = "team_data_point"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="teacher_team.id", ondelete="CASCADE", index=True)
    name: str
    unit: str = ""
    position: int = 0


class TeamDataValue(Stamped, table=True):
    """One dated reading of a team data point."""

    __tablename__ = "team_data_value"

    id: int | None = Field(default=None, primary_key=True)
    data_point_id: int = Field(foreign_key="team_data_point.id", ondelete="CASCADE", index=True)
    measured_on: date = Field(default_factory=today, index=True)
    value: float
    note: str = ""


class InterventionKind(StrEnum):
    """How the principal stepped in, always to build the lead's authority, not take it."""

    brokered = "brokered"  # brokered a relationship
    support = "support"  # added support (time, a coach, materials)
    sat_in = "sat_in"  # sat in on the team's meeting
    other = "other"


class TeamIntervention(Stamped, table=True):
    """What the principal did for a struggling team, why, and what followed."""

    __tablename__ = "team_intervention"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="teacher_team.id", ondelete="CASCADE", index=True)
    happened_on: date = Field(default_factory=today, index=True)
    kind: InterventionKind = InterventionKind.support
    what: str = ""
    why: str = ""
    what_followed: str = ""
