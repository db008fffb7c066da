"""Reading a lead's record for a range of days from the journal: the rows, not their look.

The 1:1s' agenda items and next steps are read for all the 1:1s at once: a lead met weekly for
years has thousands, and a query each would cost more than the rest of the export.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from iltdesk.agreement import AgreementVersion, versions
from iltdesk.conversation import conversations_in_cycle, follow_ups
from iltdesk.cycle import activities, cycles_for
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import (
    ActionItem,
    AgendaItem,
    EnergyCheck,
    Lead,
    LeadTrait,
    LearningCycle,
    Observation,
    OneOnOne,
)
from iltdesk.one_on_one import AGENDA
from iltdesk.report.record_request import DateRange, RecordRequest, RecordSection
from iltdesk.report.sections import ConversationPart, CycleContent
from iltdesk.store.journal import Journal


@dataclass(frozen=True)
class MeetingPart:
    """A 1:1 with its agenda (in agenda order) and the next steps agreed at it."""

    meeting: OneOnOne
    agenda: list[AgendaItem]
    steps: list[ActionItem]


@dataclass(frozen=True)
class AgreementPart:
    """A version of the coaching agreement, and the day the next one replaced it (if any)."""

    version: AgreementVersion
    replaced_on: date | None


@dataclass(frozen=True)
class RecordContent:
    """Everything a record shows, each list oldest first (agreement versions newest first)."""

    lead: Lead
    span: DateRange
    today: date
    traits: list[LeadTrait]
    one_on_ones: list[MeetingPart]
    observations: list[Observation]
    cycles: list[CycleContent]
    agreements: list[AgreementPart]
    energy: list[EnergyCheck]

    @property
    def first_name(self) -> str:
        return short_name(self.lead.name, self.lead.name)

    def holds_something(self, sections: frozenset[RecordSection]) -> bool:
        """Whether any chosen section (or, for an overview alone, any section) has a record."""
        shown = {
            RecordSection.strengths: self.traits,
            RecordSection.one_on_ones: self.one_on_ones,
            RecordSection.observations: self.observations,
            RecordSection.cycles: self.cycles,
            RecordSection.agreement: self.agreements,
            RecordSection.energy: self.energy,
        }
        chosen = [rows for section, rows in shown.items() if section in sections]
        return any(chosen or shown.values())


def read_record(journal: Journal, request: RecordRequest, today: date) -> RecordContent:
    """The lead's records that fall in the request's range (all kinds: the caller picks)."""
    lead = get_lead(journal, request.lead_id)
    span = request.span
    with journal.session() as s:
        meetings = _one_on_ones(s, lead.id or 0, span)
        observations = _observations(s, lead.id or 0, span)
        traits = [
            t
            for t in s.exec(select(LeadTrait).where(LeadTrait.lead_id == lead.id))
            if span.overlaps(t.noted_on, t.resolved_on or today)
        ]
        energy = list(
            s.exec(
                select(EnergyCheck)
                .where(
                    EnergyCheck.lead_id == lead.id,
                    col(EnergyCheck.checked_on) >= span.first,
                    col(EnergyCheck.checked_on) <= span.last,
                )
                .order_by(col(EnergyCheck.checked_on), col(EnergyCheck.id))
            )
        )
    traits.sort(key=lambda t: (t.kind.value != "strength", t.noted_on, t.id or 0))
    private_talks = RecordSection.conversation_notes in request.sections
    return RecordContent(
        lead=lead,
        span=span,
        today=today,
        traits=traits,
        one_on_ones=meetings,
        observations=observations,
        cycles=_cycles(journal, lead, span, today, conversation_notes=private_talks),
        agreements=_agreements(journal, lead.id or 0, span, today),
        energy=energy,
    )


def _one_on_ones(s: Session, lead_id: int, span: DateRange) -> list[MeetingPart]:
    in_range = (
        OneOnOne.lead_id == lead_id,
        col(OneOnOne.held_on) >= span.first,
        col(OneOnOne.held_on) <= span.last,
    )
    meetings = list(
        s.exec(select(OneOnOne).where(*in_range).order_by(col(OneOnOne.held_on), col(OneOnOne.id)))
    )
    ids = select(OneOnOne.id).where(*in_range)
    order = {part.section: i for i, part in enumerate(AGENDA)}
    agenda: dict[int, list[AgendaItem]] = defaultdict(list)
    for item in s.exec(select(AgendaItem).where(col(AgendaItem.one_on_one_id).in_(ids))):
        agenda[item.one_on_one_id].append(item)
    steps: dict[int, list[ActionItem]] = defaultdict(list)
    for step in s.exec(select(ActionItem).where(col(ActionItem.one_on_one_id).in_(ids))):
        steps[step.one_on_one_id or 0].append(step)
    return [
        MeetingPart(
            m,
            sorted(
                agenda[m.id or 0], key=lambda i: (order.get(i.section, 99), i.position, i.id or 0)
            ),
            sorted(steps[m.id or 0], key=lambda i: i.id or 0),
        )
        for m in meetings
    ]


def _observations(s: Session, lead_id: int, span: DateRange) -> list[Observation]:
    return list(
        s.exec(
            select(Observation)
            .where(
                Observation.lead_id == lead_id,
                col(Observation.observed_on) >= span.first,
                col(Observation.observed_on) <= span.last,
            )
            .order_by(col(Observation.observed_on), col(Observation.id))
        )
    )


def _cycles(
    journal: Journal, lead: Lead, span: DateRange, today: date, *, conversation_notes: bool
) -> list[CycleContent]:
    """The cycles under way at some point in the range, oldest first, numbered as the lead's
    cycles are (1 for the first ever)."""
    every = sorted(cycles_for(journal, lead.id or 0), key=_order)
    first_name = short_name(lead.name, lead.name)
    return [
        CycleContent(
            number=number,
            cycle=cycle,
            activities=activities(journal, cycle.id or 0),
            observations=[],  # the record shows every observation in its own section
            energy=[],
            lead_first_name=first_name,
            today=today,
            conversations=[
                ConversationPart(c, follow_ups(journal, c.id or 0))
                for c in conversations_in_cycle(journal, cycle.id or 0)
            ],
            conversation_notes=conversation_notes,
        )
        for number, cycle in enumerate(every, start=1)
        if span.overlaps(cycle.started_on, cycle.closed_on or today)
    ]


def _order(cycle: LearningCycle) -> tuple[date, int]:
    return cycle.started_on, cycle.id or 0


def _agreements(
    journal: Journal, lead_id: int, span: DateRange, today: date
) -> list[AgreementPart]:
    """The versions in force at some point in the range, newest first: each holds from the day
    it was agreed until the next version was."""
    parts = []
    replaced_on: date | None = None
    for version in versions(journal, lead_id):  # newest first
        agreed_on = version.agreement.agreed_on
        # In force from the day it was agreed until (not on) the day the next one was.
        ends_after_start = (replaced_on or today + timedelta(days=1)) > span.first
        if agreed_on <= span.last and ends_after_start and replaced_on != agreed_on:
            parts.append(AgreementPart(version, replaced_on))
        replaced_on = agreed_on
    return parts
