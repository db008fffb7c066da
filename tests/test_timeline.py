"""One lead's timeline on a real encrypted journal: 1:1s, observations, cycles, agreements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import close_cycle, start_cycle, update_cycle
from iltdesk.lead import add_lead
from iltdesk.models import ObservationSetting, Outcome
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.timeline import KINDS, TimelineEntry, lead_timeline

DAY = date(2025, 3, 12)


def _days(n: int) -> date:
    return DAY + timedelta(days=n)


def _ids(*records: object) -> list[int]:
    ids = [getattr(r, "id", None) for r in records]
    assert all(isinstance(i, int) for i in ids)
    return ids  # type: ignore[return-value]


def _closed_cycle(
    journal: Journal, lead_id: int, goal: str, start: date, end: date, outcome: Outcome
) -> int:
    cycle = start_cycle(journal, lead_id, goal=goal, started_on=start)
    update_cycle(journal, cycle.id or 0, outcome=outcome, outcome_evidence="e", lead_reflection="r")
    close_cycle(journal, cycle.id or 0, on=end)
    return cycle.id or 0


def test_timeline_mixes_everything_about_one_lead_newest_first(journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez")
    other = add_lead(journal, "Dev Patel")
    lead_id, other_id = _ids(lead, other)

    v1 = record_version(
        journal,
        lead_id,
        AgreementTerms(
            expectations=(Expectation("Agendas out early"),),
            agreed_on=_days(-60),
            revision_note="Start of year",
        ),
    )
    met = _closed_cycle(journal, lead_id, "Norms", _days(-50), _days(-22), Outcome.met)
    partly = _closed_cycle(journal, lead_id, "Voice", _days(-20), _days(-2), Outcome.partly)
    not_yet = _closed_cycle(journal, lead_id, "Data", _days(-40), _days(-30), Outcome.not_yet)
    running = start_cycle(journal, lead_id, goal="Wait time", started_on=_days(-1))
    meeting = start_one_on_one(journal, lead_id, held_on=_days(-10))
    save_one_on_one(journal, meeting.id or 0, notes="## Goals\n\n- Release time for SLO data\n")
    observed = add_observation(
        journal,
        lead_id,
        ObservationNotes(
            setting=ObservationSetting.data_meeting,
            evidence="Teachers   sorted\nstudent work",
            observed_on=_days(-15),
        ),
    )
    stepped = add_observation(
        journal,
        lead_id,
        ObservationNotes(evidence="Long notes", action_step="Name the norm first", observed_on=DAY),
    )
    v2 = record_version(
        journal,
        lead_id,
        AgreementTerms(meeting_cadence="Weekly", agreed_on=_days(-5), revision_note="Tighter"),
    )
    # Another lead's records never appear.
    record_version(journal, other_id, AgreementTerms(meeting_cadence="x", agreed_on=DAY))
    start_cycle(journal, other_id, goal="Dev's", started_on=DAY)
    start_one_on_one(journal, other_id, held_on=DAY)
    add_observation(journal, other_id, ObservationNotes(evidence="Dev", observed_on=DAY))

    entries = lead_timeline(journal, lead_id)

    assert entries == [
        TimelineEntry(
            "observation", stepped.id or 0, DAY, "Observed: teacher-team meeting",
            "Name the norm first",
        ),
        TimelineEntry("cycle", running.id or 0, _days(-1), "Cycle started", "Wait time"),
        TimelineEntry("cycle", partly, _days(-2), "Cycle closed: Partly met", "Voice"),
        TimelineEntry(
            "agreement", v2.agreement.id or 0, _days(-5), "Agreement revised (version 2)",
            "Tighter",
        ),
        TimelineEntry(
            "one_on_one", meeting.id or 0, _days(-10), "1:1", "Release time for SLO data"
        ),
        TimelineEntry(
            "observation", observed.id or 0, _days(-15), "Observed: data meeting",
            "Teachers sorted student work",
        ),
        TimelineEntry("cycle", partly, _days(-20), "Cycle started", "Voice"),
        TimelineEntry("cycle", met, _days(-22), "Cycle closed: Met", "Norms"),
        TimelineEntry("cycle", not_yet, _days(-30), "Cycle closed: Not yet", "Data"),
        TimelineEntry("cycle", not_yet, _days(-40), "Cycle started", "Data"),
        TimelineEntry("cycle", met, _days(-50), "Cycle started", "Norms"),
        TimelineEntry(
            "agreement", v1.agreement.id or 0, _days(-60), "Coaching agreement", "Start of year"
        ),
    ]  # fmt: skip
    # Sorted from newest to oldest day.
    assert [e.day for e in entries] == sorted((e.day for e in entries), reverse=True)


def test_timeline_observation_detail_falls_back_to_120_chars_of_evidence(
    journal: Journal,
) -> None:
    (lead_id,) = _ids(add_lead(journal, "Maria Lopez"))
    evidence = "Scripted:\n\n  " + "y" * 200
    add_observation(journal, lead_id, ObservationNotes(evidence=evidence, observed_on=DAY))

    (entry,) = lead_timeline(journal, lead_id)

    assert entry.detail == "Scripted: " + "y" * 110


def test_timeline_kinds_filter(journal: Journal) -> None:
    (lead_id,) = _ids(add_lead(journal, "Maria Lopez"))
    early = add_observation(journal, lead_id, ObservationNotes(evidence="A", observed_on=_days(-3)))
    late = add_observation(journal, lead_id, ObservationNotes(evidence="B", observed_on=DAY))
    start_one_on_one(journal, lead_id, held_on=_days(-1))
    start_cycle(journal, lead_id, goal="Norms", started_on=_days(-2))
    record_version(journal, lead_id, AgreementTerms(meeting_cadence="Weekly", agreed_on=DAY))

    only = lead_timeline(journal, lead_id, kinds={RecordKind.OBSERVATION})

    assert [(e.kind, e.record_id) for e in only] == [
        ("observation", late.id),
        ("observation", early.id),
    ]
    assert [
        e.kind
        for e in lead_timeline(journal, lead_id, kinds={RecordKind.CYCLE, RecordKind.ONE_ON_ONE})
    ] == [
        "one_on_one",
        "cycle",
    ]
    assert lead_timeline(journal, lead_id, kinds=set()) == []
    assert lead_timeline(journal, lead_id, kinds={"no_such_kind"}) == []
    assert len(lead_timeline(journal, lead_id)) == 5


@pytest.mark.parametrize("kinds", [None, set(KINDS)])
def test_timeline_of_a_lead_with_no_records_is_empty(
    journal: Journal, kinds: set[RecordKind] | None
) -> None:
    (lead_id,) = _ids(add_lead(journal, "Maria Lopez"))

    assert lead_timeline(journal, lead_id, kinds) == []
