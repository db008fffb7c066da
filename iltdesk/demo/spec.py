"""The shapes of the hand-written story: plain frozen data, turned into rows by story.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from iltdesk.demo.timeline import When
from iltdesk.models import (
    ActivityKind,
    AgendaSection,
    Author,
    CyclePhase,
    ExpectationKind,
    ObservationSetting,
    Outcome,
)


@dataclass(frozen=True)
class Trait:
    """A strength (or growth area) with its evidence; ``resolved_on`` once no longer current."""

    strength: bool
    title: str
    evidence: str
    noted_on: When
    resolved_on: When | None = None


@dataclass(frozen=True)
class Agreement:
    """One version of a coaching agreement and its expectations."""

    agreed_on: When
    revisit_on: When | None
    meeting_cadence: str
    feedback_approach: str
    coaching_approach: str
    expectations: tuple[tuple[ExpectationKind, str], ...]
    revision_note: str = ""


@dataclass(frozen=True)
class Agenda:
    """An agenda item on a 1:1."""

    section: AgendaSection
    added_by: Author
    text: str
    notes: str = ""
    discussed: bool = True


@dataclass(frozen=True)
class Action:
    """A next step. ``due``/``done``: days after the meeting, or a fixed story date."""

    text: str
    owner: Author
    due: int | When
    done: int | When | None = None


@dataclass(frozen=True)
class Meeting:
    """A hand-written 1:1, placed on the lead's schedule by ``slot`` or nearest ``week``."""

    notes: str
    feedback: str
    agenda: tuple[Agenda, ...]
    actions: tuple[Action, ...] = ()
    slot: int | None = None
    week: int | None = None


@dataclass(frozen=True)
class Activity:
    """A related-learning activity within a cycle."""

    kind: ActivityKind
    happened_on: When
    title: str
    notes: str


@dataclass(frozen=True)
class Observed:
    """An observation of the lead leading; its action step also becomes an action item."""

    observed_on: When
    setting: ObservationSetting
    evidence: str
    feedback: str
    action_step: str
    follow_up_on: When | None
    step_done_on: When | None = None


@dataclass(frozen=True)
class Cycle:
    """A learning cycle. An empty ``goal`` means: carry on from the previous cycle's next goal."""

    started_on: When
    planned_weeks: int
    phase: CyclePhase  # where it stands on the story's today (closed: by then)
    goal: str
    success_measure: str
    baseline_quantitative: str
    baseline_qualitative: str
    focus_indicator: str
    outcome: Outcome | None = None
    outcome_evidence: str = ""
    lead_reflection: str = ""
    principal_reflection: str = ""
    next_goal: str = ""
    closed_on: When | None = None  # may fall after the story's today: written if reached
    activities: tuple[Activity, ...] = ()
    observations: tuple[Observed, ...] = ()


@dataclass(frozen=True)
class Person:
    """A lead in the story, with everything the principal keeps about them."""

    key: str
    name: str
    role: str
    team: str
    on_ilt_since: When
    cadence_days: int
    notes: str
    crew: str  # what composed notes call the lead's team ("the 8th grade team")
    topic: str  # what composed notes talk about with this lead
    last_met_days_ago: int
    traits: tuple[Trait, ...]
    energy: tuple[int, ...]  # one level per check, every three school weeks from week 1
    energy_notes: dict[int, str] = field(default_factory=dict)  # check index -> own note
    agreements: tuple[Agreement, ...] = ()
    upcoming: tuple[Agenda, ...] = ()  # items the lead added for the next 1:1
    archived_on: When | None = None
    weekday: int = 2  # the day of the week their 1:1 is held (0 = Monday), as agreed

    @property
    def first(self) -> str:
        """The lead's first name, as the principal writes it."""
        return self.name.split()[0]
