"""Finding where a record is shown, for search hits, Today rows and timeline entries."""

from __future__ import annotations

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import log_activity, start_cycle
from iltdesk.lead import add_lead
from iltdesk.models import ActivityKind
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import add_agenda_item, start_one_on_one
from iltdesk.record_kinds import RecordKind
from iltdesk.records import Location, locate
from iltdesk.store.journal import Journal


def test_each_kind_points_at_its_lead_and_parent(journal: Journal) -> None:
    lead = add_lead(journal, "Rosa Delgado").id or 0
    meeting = start_one_on_one(journal, lead).id or 0
    agenda = add_agenda_item(journal, meeting, "Release time").id or 0
    version = record_version(
        journal, lead, AgreementTerms(expectations=(Expectation("Meet every Tuesday"),))
    )
    agreement = version.agreement.id or 0
    expectation = version.expectations[0].id or 0
    cycle = start_cycle(journal, lead, goal="Every meeting ends with a decision").id or 0
    activity = log_activity(journal, cycle, ActivityKind.book_study, title="Chapter 3").id or 0
    seen = add_observation(journal, lead, ObservationNotes(evidence="Opened with data")).id or 0

    assert locate(journal, RecordKind.LEAD, lead) == Location(RecordKind.LEAD, lead, lead)
    assert locate(journal, RecordKind.ONE_ON_ONE, meeting) == Location(
        RecordKind.ONE_ON_ONE, meeting, lead, one_on_one_id=meeting
    )
    assert locate(journal, RecordKind.AGENDA_ITEM, agenda) == Location(
        RecordKind.AGENDA_ITEM, agenda, lead, one_on_one_id=meeting
    )
    assert locate(journal, RecordKind.AGREEMENT, agreement).agreement_id == agreement
    assert locate(journal, RecordKind.EXPECTATION, expectation) == Location(
        RecordKind.EXPECTATION, expectation, lead, agreement_id=agreement
    )
    assert locate(journal, RecordKind.CYCLE, cycle) == Location(
        RecordKind.CYCLE, cycle, lead, cycle_id=cycle
    )
    assert locate(journal, RecordKind.ACTIVITY, activity) == Location(
        RecordKind.ACTIVITY, activity, lead, cycle_id=cycle
    )
    assert locate(journal, RecordKind.OBSERVATION, seen) == Location(
        RecordKind.OBSERVATION, seen, lead, observation_id=seen
    )


def test_records_of_no_lead_and_missing_records(journal: Journal) -> None:
    assert locate(journal, RecordKind.CHARTER, 1) == Location(RecordKind.CHARTER, 1, None)
    assert locate(journal, RecordKind.AGENDA_ITEM, 999) == Location(
        RecordKind.AGENDA_ITEM, 999, None
    )
