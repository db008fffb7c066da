"""Teacher teams on real encrypted journals: teams and who runs them, data points with dated
readings, interventions and observations of the team's meeting, each read back after the file
is closed and opened again; and when Today asks the principal to look at a team."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.lead import set_archived as archive_lead
from iltdesk.models import InterventionKind, ObservationSetting
from iltdesk.observation import ObservationNotes, add_observation, update_observation
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import (
    InterventionNotes,
    add_intervention,
    add_team,
    delete_team,
    get_team,
    interventions_for,
    leads_of,
    list_teams,
    run_by_words,
    set_archived,
    set_team_leads,
    team_observations,
    teams_run_by,
    update_intervention,
    update_team,
)
from iltdesk.teacher_team_data import (
    add_data_point,
    add_value,
    data_points,
    delete_value,
    fell_twice,
    team_series,
    update_data_point,
    value_words,
    values_of,
)
from iltdesk.teacher_team_today import (
    DEFAULT_QUIET_WEEKS,
    SECTION,
    quiet_weeks,
    set_quiet_weeks,
    team_lines,
    team_rows,
    teams_needing_a_look,
)
from iltdesk.today import _leads, today_rows
from tests.conftest import PASSPHRASE

TODAY = date.today()


def reopened(journal: Journal) -> Journal:
    path = journal.path
    journal.close()
    return Journal.open(path, PASSPHRASE)


def test_a_team_and_who_runs_it_survive_closing_the_journal(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    sam = add_lead(journal, "Sam Lee")
    team = add_team(
        journal,
        "  Grade 6  ",
        members_count=5,
        meeting_day="Thursdays after school",
        notes="New to common planning",
        lead_ids=[maya.id or 0],
    )
    other = add_team(journal, "Science department", lead_ids=[sam.id or 0, maya.id or 0])
    update_team(journal, team.id or 0, members_count=6, notes="Two new teachers")
    journal = reopened(journal)
    try:
        stored = get_team(journal, team.id or 0)
        assert (stored.name, stored.members_count, stored.meeting_day, stored.notes) == (
            "Grade 6",
            6,
            "Thursdays after school",
            "Two new teachers",
        )
        assert [t.name for t in teams_run_by(journal, maya.id or 0)] == [
            "Grade 6",
            "Science department",
        ]
        assert [t.name for t in teams_run_by(journal, sam.id or 0)] == ["Science department"]
        # The lead overview's lines, read without the ORM.
        assert team_lines(journal, maya.id or 0) == [
            "Grade 6 · 6 teachers · Thursdays after school",
            "Science department",
        ]
        assert run_by_words(leads_of(journal, other.id or 0)) == "run by Maya Ortiz and Sam Lee"
        set_team_leads(journal, other.id or 0, [sam.id or 0])
        assert [lead.name for lead in leads_of(journal, other.id or 0)] == ["Sam Lee"]
        assert run_by_words([]) == "no lead named yet"
    finally:
        journal.close()


def test_archived_teams_leave_the_lists_unless_asked_for(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 7", lead_ids=[maya.id or 0])
    add_team(journal, "Grade 8")
    set_archived(journal, team.id or 0, True, on=date(2026, 6, 20))
    assert [t.name for t in list_teams(journal)] == ["Grade 8"]
    assert [t.name for t in list_teams(journal, include_archived=True)] == ["Grade 8", "Grade 7"]
    assert teams_run_by(journal, maya.id or 0) == []
    assert [t.name for t in teams_run_by(journal, maya.id or 0, include_archived=True)] == [
        "Grade 7"
    ]
    set_archived(journal, team.id or 0, False)
    assert get_team(journal, team.id or 0).archived_on is None


def test_a_team_needs_a_name_and_a_sensible_count(journal: Journal) -> None:
    with pytest.raises(UsageError, match="name"):
        add_team(journal, "   ")
    team = add_team(journal, "Grade 6")
    with pytest.raises(UsageError, match="whole number"):
        update_team(journal, team.id or 0, members_count=-1)
    with pytest.raises(UsageError, match="Cannot change"):
        update_team(journal, team.id or 0, archived_on=TODAY)
    with pytest.raises(UsageError, match="no lead"):
        add_team(journal, "Grade 9", lead_ids=[999])


def test_data_points_and_dated_readings_round_trip(journal: Journal) -> None:
    team = add_team(journal, "Grade 6")
    plans = add_data_point(
        journal, team.id or 0, "Left the data meeting with a reteach plan", "of 5"
    )
    talk = add_data_point(journal, team.id or 0, "Minutes of student-work talk")
    add_value(journal, plans.id or 0, 3, date(2026, 10, 1))
    add_value(journal, plans.id or 0, 4, date(2026, 10, 15), note="after the protocol")
    mistake = add_value(journal, plans.id or 0, 40, date(2026, 10, 16))
    add_value(journal, talk.id or 0, 12.5, date(2026, 10, 1))
    delete_value(journal, mistake.id or 0)
    update_data_point(journal, talk.id or 0, "Minutes on student work", "min")
    journal = reopened(journal)
    try:
        assert [(p.name, p.unit) for p in data_points(journal, team.id or 0)] == [
            ("Left the data meeting with a reteach plan", "of 5"),
            ("Minutes on student work", "min"),
        ]
        readings = values_of(journal, plans.id or 0)
        assert [(v.measured_on, v.value, v.note) for v in readings] == [
            (date(2026, 10, 1), 3.0, ""),
            (date(2026, 10, 15), 4.0, "after the protocol"),
        ]
        series = team_series(journal, team.id or 0)
        assert [len(s.values) for s in series] == [2, 1]
        assert value_words(series[1].values[0].value, "min") == "12.5 min"
        assert value_words(4.0, "of 5") == "4 of 5"
        with pytest.raises(UsageError):
            add_data_point(journal, team.id or 0, " ")
    finally:
        journal.close()


def test_interventions_round_trip_newest_first(journal: Journal) -> None:
    team = add_team(journal, "Grade 6")
    first = add_intervention(
        journal,
        team.id or 0,
        InterventionNotes(
            InterventionKind.brokered,
            what="Introduced Maya to the math coach; she asked for the help herself",
            why="The team stalled on the unit assessment",
            happened_on=date(2026, 10, 2),
        ),
    )
    add_intervention(
        journal,
        team.id or 0,
        InterventionNotes(InterventionKind.sat_in, what="Sat in; Maya ran it", happened_on=TODAY),
    )
    update_intervention(
        journal,
        first.id or 0,
        InterventionNotes(
            InterventionKind.brokered,
            what=first.what,
            why=first.why,
            what_followed="Maya now books the coach herself",
            happened_on=first.happened_on,
        ),
    )
    with pytest.raises(UsageError):
        add_intervention(journal, team.id or 0, InterventionNotes(what_followed="only this"))
    journal = reopened(journal)
    try:
        stored = interventions_for(journal, team.id or 0)
        assert [i.kind for i in stored] == [InterventionKind.sat_in, InterventionKind.brokered]
        assert stored[1].what_followed == "Maya now books the coach herself"
        hits = search(journal, "math coach")
        assert any(h.kind is RecordKind.TEAM_INTERVENTION for h in hits)
    finally:
        journal.close()


def test_observations_of_the_team_meeting_link_to_the_team(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    linked = add_observation(
        journal,
        maya.id or 0,
        ObservationNotes(
            setting=ObservationSetting.team_meeting,
            evidence="Maya opened with the norms",
            observed_on=date(2026, 11, 3),
            team_id=team.id,
        ),
    )
    other = add_observation(journal, maya.id or 0, ObservationNotes(evidence="A 1:1"))
    with pytest.raises(UsageError, match="no teacher team"):
        add_observation(journal, maya.id or 0, ObservationNotes(evidence="x", team_id=999))
    update_observation(journal, other.id or 0, team_id=team.id)
    update_observation(journal, other.id or 0, team_id=None)
    journal = reopened(journal)
    try:
        assert [o.id for o in team_observations(journal, team.id or 0)] == [linked.id]
        delete_team(journal, team.id or 0)
        assert team_observations(journal, team.id or 0) == []
        assert list_teams(journal) == []
    finally:
        journal.close()


# -- Today ---------------------------------------------------------------------------------------


def test_fell_twice_means_three_readings_each_lower() -> None:
    assert fell_twice([4, 3, 2])
    assert fell_twice([1, 5, 4, 3])
    assert not fell_twice([4, 3])
    assert not fell_twice([4, 3, 3])
    assert not fell_twice([4, 2, 3])
    assert not fell_twice([3, 2, 1, 2])


def test_today_flags_a_team_whose_data_fell_twice_in_a_row(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    plans = add_data_point(journal, team.id or 0, "Reteach plans", "of 5")
    for days_ago, value in ((20, 4), (13, 3)):
        add_value(journal, plans.id or 0, value, TODAY - timedelta(days=days_ago))
    assert team_rows(journal, TODAY, _leads(journal)) == []
    add_value(journal, plans.id or 0, 2, TODAY - timedelta(days=6))
    [row] = team_rows(journal, TODAY, _leads(journal))
    assert (row.section, row.title, row.record_kind, row.record_id) == (
        SECTION,
        "Grade 6",
        RecordKind.TEACHER_TEAM,
        team.id,
    )
    assert row.detail == "Reteach plans: 4 → 3 → 2 of 5, fell twice in a row"
    assert (row.lead_id, row.lead_name) == (maya.id, "Maya Ortiz")
    assert row in today_rows(journal, TODAY)  # Today lists it
    add_value(journal, plans.id or 0, 3, TODAY)  # it rose again: no longer flagged
    assert team_rows(journal, TODAY, _leads(journal)) == []


def test_today_flags_a_team_nothing_was_recorded_about_for_weeks(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    assert quiet_weeks(journal) == DEFAULT_QUIET_WEEKS == 4
    # Just added: it has its weeks before anything is asked of it.
    assert team_rows(journal, TODAY, _leads(journal)) == []
    later = TODAY + timedelta(weeks=4)
    [row] = team_rows(journal, later, _leads(journal))
    assert row.detail == "nothing recorded for 4 weeks"
    # Any of the three things counts as a look: an intervention...
    add_intervention(
        journal, team.id or 0, InterventionNotes(what="Sat in", happened_on=later - timedelta(1))
    )
    assert team_rows(journal, later, _leads(journal)) == []
    much_later = later + timedelta(weeks=5)
    assert len(team_rows(journal, much_later, _leads(journal))) == 1
    # ...an observation of its meeting...
    add_observation(
        journal,
        maya.id or 0,
        ObservationNotes(evidence="Norms first", observed_on=much_later, team_id=team.id),
        cycle_id=None,
    )
    assert team_rows(journal, much_later, _leads(journal)) == []
    # ...or a reading; the weeks are the journal's setting.
    set_quiet_weeks(journal, 2)
    journal = reopened(journal)
    try:
        assert quiet_weeks(journal) == 2
        far = much_later + timedelta(weeks=2)
        assert [r.detail for r in team_rows(journal, far, _leads(journal))] == [
            "nothing recorded for 2 weeks"
        ]
        point = add_data_point(journal, team.id or 0, "Plans")
        add_value(journal, point.id or 0, 3, far)
        assert team_rows(journal, far, _leads(journal)) == []
        with pytest.raises(UsageError):
            set_quiet_weeks(journal, 0)
    finally:
        journal.close()


def test_archived_teams_and_leads_on_today(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    add_team(journal, "Grade 7")
    later = TODAY + timedelta(weeks=6)
    assert [look.name for look in teams_needing_a_look(journal, later)] == ["Grade 6", "Grade 7"]
    archive_lead(journal, maya.id or 0, True)
    rows = team_rows(journal, later, _leads(journal))
    assert [(r.title, r.lead_id) for r in rows] == [("Grade 6", None), ("Grade 7", None)]
    set_archived(journal, team.id or 0, True)
    assert [r.title for r in team_rows(journal, later, _leads(journal))] == ["Grade 7"]


def test_today_rows_still_read_without_the_team_rows(journal: Journal) -> None:
    """The function has Today's shape: it runs inside Today's one reading of the journal."""
    add_team(journal, "Grade 6")
    with journal.raw():
        assert team_rows(journal, TODAY + timedelta(weeks=5), _leads(journal))
    assert isinstance(today_rows(journal), list)
