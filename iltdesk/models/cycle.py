"""Learning cycles: 3-5 weeks of coaching toward one goal, and the observations within them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped, today
from iltdesk.models.links import set_links_indexed


class CyclePhase(StrEnum):
    """Where a learning cycle stands."""

    intention = "intention"
    learning = "learning"
    practice = "practice"
    evaluation = "evaluation"
    closed = "closed"


class Outcome(StrEnum):
    """Whether the cycle's goal was met."""

    met = "met"
    partly = "partly"
    not_yet = "not_yet"


class LearningCycle(Stamped, table=True):
    """A coaching cycle with one lead: intention, related learning, practice, evaluation."""

    __tablename__ = "learning_cycle"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    previous_cycle_id: int | None = Field(
        default=None, foreign_key="learning_cycle.id", ondelete="SET NULL", index=True
    )
    started_on: date = Field(default_factory=today)
    planned_weeks: int = 4
    phase: CyclePhase = CyclePhase.intention
    goal: str = ""
    success_measure: str = ""
    baseline_quantitative: str = ""
    baseline_qualitative: str = ""
    focus_indicator: str = ""
    outcome: Outcome | None = None
    outcome_evidence: str = ""
    lead_reflection: str = ""
    principal_reflection: str = ""
    next_goal: str = ""
    closed_on: date | None = None


class ActivityKind(StrEnum):
    """Kinds of related learning within a cycle."""

    book_study = "book_study"
    co_observation = "co_observation"
    modelling = "modelling"
    co_planning = "co_planning"
    real_time_coaching = "real_time_coaching"
    meta_coaching = "meta_coaching"
    video = "video"
    other = "other"


class CycleActivity(Stamped, table=True):
    """A learning activity logged within a cycle."""

    __tablename__ = "cycle_activity"

    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="learning_cycle.id", ondelete="CASCADE", index=True)
    kind: ActivityKind = ActivityKind.other
    happened_on: date = Field(default_factory=today)
    title: str = ""
    notes: str = ""


class ObservationSetting(StrEnum):
    """Where the principal watched the lead in action."""

    team_meeting = "team_meeting"
    data_meeting = "data_meeting"
    feedback_conversation = "feedback_conversation"
    one_on_one = "one_on_one"
    professional_learning = "professional_learning"
    other = "other"


class Observation(Stamped, table=True):
    """The principal watching a lead lead: evidence, feedback, next step, follow-up."""

    __tablename__ = "observation"
    # Most observations are of no teacher team's meeting (migration 0009).
    __table_args__ = set_links_indexed("observation", ("team_id",))

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id", ondelete="CASCADE", index=True)
    cycle_id: int | None = Field(
        default=None, foreign_key="learning_cycle.id", ondelete="SET NULL", index=True
    )
    observed_on: date = Field(default_factory=today, index=True)
    setting: ObservationSetting = ObservationSetting.team_meeting
    evidence: str = ""
    feedback: str = ""
    action_step: str = ""
    follow_up_on: date | None = Field(default=None, index=True)
    # The teacher team whose meeting the lead was running, when that is what was observed.
    team_id: int | None = Field(default=None, foreign_key="teacher_team.id", ondelete="SET NULL")
