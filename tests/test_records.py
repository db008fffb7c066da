"""Finding where a record is shown, for search hits, Today rows and timeline entries."""

from __future__ import annotations

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import log_activity, start_cycle
from iltdesk.lead import add_lead
from iltdesk.models import ActivityKind
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import add_agenda_item, start_one_on_one
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

    assert locate(journal, "lead", lead) == Location("lead", lead, lead)
    assert locate(journal, "one_on_one", meeting) == Location(
        "one_on_one", meeting, lead, one_on_one_id=meeting
    )
    assert locate(journal, "agenda_item", agenda) == Location(
        "agenda_item", agenda, lead, one_on_one_id=meeting
    )
    assert locate(journal, "agreement", agreement).agreement_id == agreement
    assert locate(journal, "expectation", expectation) == Location(
        "expectation", expectation, lead, agreement_id=agreement
    )
    assert locate(journal, "cycle", cycle) == Location("cycle", cycle, lead, cycle_id=cycle)
    assert locate(journal, "activity", activity) == Location(
        "activity", activity, lead, cycle_id=cycle
    )
    assert locate(journal, "observation", seen) == Location(
        "observation", seen, lead, observation_id=seen
    )


def test_records_of_no_lead_and_missing_records(journal: Journal) -> None:
    assert locate(journal, "charter", 1) == Location("charter", 1, None)
    assert locate(journal, "agenda_item", 999) == Location("agenda_item", 999, None)
