"""The kinds of record a journal holds, and what a change to one says.

The kinds are the search index's (``iltdesk.search_index.CURRENT_SOURCES``): a test keeps the
two equal, so a kind is searchable, openable (``iltdesk.records.locate``) and announced with
one name. Adding a record kind:

1. the model in ``iltdesk/models`` and an Alembic revision (``docs/architecture.md``);
2. a ``Source`` in a new ``SOURCES_Vn`` of the search index (v1 is frozen) and a member here;
3. its name on a search hit: ``iltdesk.search.KIND_LABELS`` (a test checks every kind has one);
4. where it is shown: ``iltdesk.records`` (its parent, if it lives inside another record) and
   the page that opens it (``ui.lead.page.LeadPage.open`` for a lead's records,
   ``ui.reflect.pages.PAGE_OF_KIND`` for the principal's own);
5. if a lead's timeline lists it, ``iltdesk.timeline.KINDS`` (its filter's name) and
   ``_SOURCES`` (how its entries are read); if Today lists it, a ``TodaySource`` in
   ``iltdesk.today.SOURCES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RecordKind(StrEnum):
    """A kind of record, spelt as the search index spells it."""

    LEAD = "lead"
    TRAIT = "trait"
    ENERGY = "energy"
    ONE_ON_ONE = "one_on_one"
    AGENDA_ITEM = "agenda_item"
    ACTION_ITEM = "action_item"
    AGREEMENT = "agreement"
    EXPECTATION = "expectation"
    CYCLE = "cycle"
    ACTIVITY = "activity"
    OBSERVATION = "observation"
    CHALLENGE = "challenge"
    FORCE_CARD = "force_card"
    CHALLENGE_LOG = "challenge_log"
    SELF_CHECK = "self_check"
    SELF_CHECK_NOTE = "self_check_note"
    TENSION = "tension"
    CHARTER = "charter"
    SCOPE_ITEM = "scope_item"
    MEETING_FEEDBACK = "meeting_feedback"
    LEADERSHIP_NOTE = "leadership_note"
    OWN_ENERGY = "own_energy"
    ILT_MEETING = "ilt_meeting"
    MEETING_SECTION = "meeting_section"
    MEETING_AGENDA_ITEM = "meeting_agenda_item"
    TEACHER_TEAM = "teacher_team"
    TEAM_INTERVENTION = "team_intervention"
    CONVERSATION = "conversation"
    JOINT_PRACTICE = "joint_practice"
    LEAD_COACH = "lead_coach"
    LEARNING_EVENT = "learning_event"


@dataclass(frozen=True)
class Change:
    """Something in the journal changed: which kind of record, and whose (None: the team's
    or the principal's own, or not known)."""

    kind: RecordKind
    lead_id: int | None = None

    def about(self, *kinds: RecordKind) -> bool:
        """Whether the change is to one of ``kinds``."""
        return self.kind in kinds
