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
from iltdesk.models.conversation import ConversationHolder, DifficultConversation
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
from iltdesk.models.keeping import RecordVersion, TrashEntry
from iltdesk.models.lead import EnergyCheck, Lead, LeadTrait, TraitKind
from iltdesk.models.one_on_one import (
    ActionItem,
    ActionSource,
    AgendaItem,
    AgendaSection,
    Author,
    OneOnOne,
)
from iltdesk.models.practice import (
    CalibrationRating,
    CoachKind,
    JointPractice,
    LeadCoach,
    LearningEvent,
    LearningEventLead,
    LearningKind,
    LearningRole,
    PracticeKind,
    PracticeLead,
    RatingRound,
)
from iltdesk.models.principal import LeadershipNote, LeadershipNoteKind, PrincipalEnergy
from iltdesk.models.self_check import Frequency, SelfCheck, SelfCheckAnswer, SelfCheckAreaNote
from iltdesk.models.setting import JournalSetting
from iltdesk.models.teacher_team import (
    InterventionKind,
    TeacherTeam,
    TeamDataPoint,
    TeamDataValue,
    TeamIntervention,
    TeamLead,
)
from iltdesk.models.team import (
    ActionItemOwner,
    IltMeeting,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingPart,
    MeetingSection,
)
from iltdesk.models.tension import TensionNote

__all__ = [
    "ActionItem",
    "ActionItemOwner",
    "ActionSource",
    "ActivityKind",
    "AgendaItem",
    "AgendaSection",
    "AgreementExpectation",
    "Author",
    "CalibrationRating",
    "Challenge",
    "ChallengeLogEntry",
    "ChallengeStatus",
    "CharterVersion",
    "CoachKind",
    "CoachingAgreement",
    "ConversationHolder",
    "CycleActivity",
    "CyclePhase",
    "DifficultConversation",
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
    "IltMeeting",
    "InterventionKind",
    "JointPractice",
    "JournalSetting",
    "Lead",
    "LeadCoach",
    "LeadTrait",
    "LeadershipNote",
    "LeadershipNoteKind",
    "LearningCycle",
    "LearningEvent",
    "LearningEventLead",
    "LearningKind",
    "LearningRole",
    "LogKind",
    "MeetingAgendaItem",
    "MeetingAttendance",
    "MeetingFeedback",
    "MeetingPart",
    "MeetingSection",
    "Observation",
    "ObservationSetting",
    "OneOnOne",
    "Outcome",
    "PracticeKind",
    "PracticeLead",
    "PrincipalEnergy",
    "RatingRound",
    "RecordVersion",
    "ScopeItem",
    "SelfCheck",
    "SelfCheckAnswer",
    "SelfCheckAreaNote",
    "TeacherTeam",
    "TeamDataPoint",
    "TeamDataValue",
    "TeamIntervention",
    "TeamLead",
    "TensionNote",
    "TraitKind",
    "TrashEntry",
]
