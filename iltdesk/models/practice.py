"""Leads learning with each other and from others: joint practice, calibration, other
coaches, and the ILT's own professional learning."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class PracticeKind(StrEnum):
    """A way leads learn side by side."""

    joint_observation = "joint_observation"
    calibration = "calibration"
    team_meeting_visit = "team_meeting_visit"
    data_meeting = "data_meeting"
    peer_observation = "peer_observation"
    other = "other"


class JointPractice(Stamped, table=True):
    """Leads learning side by side: observing together, norming on the rubric, visiting each
    other's team meetings, co-planning or debriefing a data meeting."""

    __tablename__ = "joint_practice"

    id: int | None = Field(default=None, primary_key=True)
    kind: PracticeKind = PracticeKind.joint_observation
    happened_on: date = Field(default_factory=today, index=True)
    focus: str = ""
    # For a calibration: the teacher-rubric indicator normed on (the ILT's theme by default).
    indicator: str = ""
    notes: str = ""


class PracticeLead(Stamped, table=True):
    """A lead who took part in a joint practice."""

    __tablename__ = "joint_practice_lead"

    practice_id: int = Field(foreign_key="joint_practice.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)


class RatingRound(StrEnum):
    """When a calibration rating was given."""

    before = "before"  # before norming
    after = "after"  # after norming


class CalibrationRating(Stamped, table=True):
    """One rating of the shared evidence in a calibration session, before or after norming:
    the spread of them is what norming narrows."""

    __tablename__ = "calibration_rating"

    id: int | None = Field(default=None, primary_key=True)
    practice_id: int = Field(foreign_key="joint_practice.id", ondelete="CASCADE", index=True)
    round: RatingRound = RatingRound.before
    rating: int = Field(ge=1, le=4)
    rater: str = ""


class CoachKind(StrEnum):
    """Who, besides the principal, coaches a lead."""

    veteran_lead = "veteran_lead"
    outside_partner = "outside_partner"
    other = "other"


class LeadCoach(Stamped, table=True):
    """Someone else who coaches a lead: a veteran lead (``coach_lead_id``) or a partner named
    in words."""

    __tablename__ = "lead_coach"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    kind: CoachKind = CoachKind.veteran_lead
    coach_lead_id: int | None = Field(
        default=None, foreign_key="lead.id", ondelete="SET NULL", index=True
    )
    name: str = ""
    focus: str = ""
    since: date | None = None
    until: date | None = None


class LearningKind(StrEnum):
    """The ILT's own professional learning outside its meetings."""

    pd_session = "pd_session"  # a short, optional session
    gathering = "gathering"  # the quarterly sharing of members' tools
    office_hours = "office_hours"  # the principal's open door


class LearningEvent(Stamped, table=True):
    """A PD session, a tool-sharing gathering, or office hours."""

    __tablename__ = "learning_event"

    id: int | None = Field(default=None, primary_key=True)
    kind: LearningKind = LearningKind.pd_session
    held_on: date = Field(default_factory=today, index=True)
    topic: str = ""
    # Someone who led it from outside the team, in words (members who led are people rows).
    led_by: str = ""
    # The charter goal or scope focus it served, in words.
    goal: str = ""
    # The scope and sequence strand it counts toward: a FocusKind value, or "" for none.
    strand: str = ""
    notes: str = ""


class LearningRole(StrEnum):
    """How a member took part in a learning event."""

    led = "led"
    came = "came"


class LearningEventLead(Stamped, table=True):
    """A member at a learning event: who led, who came, what each brought or asked about."""

    __tablename__ = "learning_event_lead"

    event_id: int = Field(foreign_key="learning_event.id", ondelete="CASCADE", primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", primary_key=True, index=True)
    role: LearningRole = LearningRole.came
    # At a gathering: the tool they brought; at office hours: what they came about.
    brought: str = ""
