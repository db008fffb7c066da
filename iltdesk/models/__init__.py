"""The journal's tables. Importing this package registers every table on SQLModel.metadata."""

from iltdesk.models.agreement import AgreementExpectation, CoachingAgreement, ExpectationKind
from iltdesk.models.challenge import (
    Challenge,
    ChallengeLogEntry,
    ChallengeStatus,
    ForceCard,
    ForceCardLead,
    ForceKind,
    LogKind,
)
from iltdesk.models.charter import CharterVersion, FocusKind, MeetingFeedback, ScopeItem
from iltdesk.models.cycle import (
    ActivityKind,
    CycleActivity,
    CyclePhase,
    LearningCycle,
    Observation,
    ObservationSetting,
    Outcome,
)
from iltdesk.models.draft import Draft
from iltdesk.models.framework import FrameworkItem, FrameworkKind
from iltdesk.models.lead import EnergyCheck, Lead, LeadTrait, TraitKind
from iltdesk.models.one_on_one import (
    ActionItem,
    ActionSource,
    AgendaItem,
    AgendaSection,
    Author,
    OneOnOne,
)
from iltdesk.models.principal import LeadershipNote, LeadershipNoteKind, PrincipalEnergy
from iltdesk.models.self_check import Frequency, SelfCheck, SelfCheckAnswer, SelfCheckAreaNote
from iltdesk.models.setting import JournalSetting
from iltdesk.models.tension import TensionNote

__all__ = [
    "ActionItem",
    "ActionSource",
    "ActivityKind",
    "AgendaItem",
    "AgendaSection",
    "AgreementExpectation",
    "Author",
    "Challenge",
    "ChallengeLogEntry",
    "ChallengeStatus",
    "CharterVersion",
    "CoachingAgreement",
    "CycleActivity",
    "CyclePhase",
    "Draft",
    "EnergyCheck",
    "ExpectationKind",
    "FocusKind",
    "ForceCard",
    "ForceCardLead",
    "ForceKind",
    "FrameworkItem",
    "FrameworkKind",
    "Frequency",
    "JournalSetting",
    "Lead",
    "LeadTrait",
    "LeadershipNote",
    "LeadershipNoteKind",
    "LearningCycle",
    "LogKind",
    "MeetingFeedback",
    "Observation",
    "ObservationSetting",
    "OneOnOne",
    "Outcome",
    "PrincipalEnergy",
    "ScopeItem",
    "SelfCheck",
    "SelfCheckAnswer",
    "SelfCheckAreaNote",
    "TensionNote",
    "TraitKind",
]
