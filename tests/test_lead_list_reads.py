"""The light reads a lead's long lists are laid out from agree with the whole reads."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk import action_item, team_action
from iltdesk.lead import add_lead
from iltdesk.models import ObservationSetting
from iltdesk.observation import (
    ObservationNotes,
    ObservationRow,
    add_observation,
    get_observation,
    observation_rows,
    observations_for,
)
from iltdesk.one_on_one import (
    notes_of,
    one_on_one_days,
    one_on_ones_for,
    save_one_on_one,
    start_one_on_one,
)
from iltdesk.store.journal import Journal

TODAY = date.today()


def test_1_1_days_and_notes_agree_with_the_whole_1_1s(journal: Journal) -> None:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    other = add_lead(journal, "Daniel Kim").id or 0
    for days in (3, 10, 10, 1):  # two on one day: the later made comes first
        meeting = start_one_on_one(journal, lead, held_on=TODAY - timedelta(days))
        save_one_on_one(journal, meeting.id or 0, notes=f"{days} days back, #{meeting.id}")
    start_one_on_one(journal, other, held_on=TODAY)
    whole = one_on_ones_for(journal, lead)
    assert one_on_one_days(journal, lead) == [(m.id, m.held_on) for m in whole]
    ids = [m.id or 0 for m in whole]
    assert notes_of(journal, ids[1:3]) == {m.id: m.notes for m in whole[1:3]}
    assert notes_of(journal, []) == {} and notes_of(journal, [9999]) == {}


def test_observation_rows_agree_with_the_whole_observations(journal: Journal) -> None:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    for days, setting in ((5, ObservationSetting.data_meeting), (2, ObservationSetting.other)):
        seen = ObservationNotes(setting, "Saw the protocol", observed_on=TODAY - timedelta(days))
        add_observation(journal, lead, seen)
    whole = observations_for(journal, lead)
    assert observation_rows(journal, lead) == [ObservationRow.of(o) for o in whole]
    assert get_observation(journal, whole[0].id or 0) == whole[0]


def test_action_item_ids_are_in_the_lists_order(journal: Journal) -> None:
    lead = add_lead(journal, "Maya Ortiz").id or 0
    made = [
        action_item.add_action_item(journal, lead, "undated"),
        action_item.add_action_item(journal, lead, "later", due_on=TODAY + timedelta(9)),
        action_item.add_action_item(journal, lead, "sooner", due_on=TODAY + timedelta(1)),
        action_item.add_action_item(journal, lead, "done long ago"),
        action_item.add_action_item(journal, lead, "done lately"),
        action_item.add_action_item(journal, lead, "done lately too"),
    ]
    for item, days in zip(made[3:], (30, 2, 2), strict=True):
        action_item.set_done(journal, item.id or 0, True, on=TODAY - timedelta(days))
    items = team_action.items_by_id(journal, [i.id or 0 for i in made])
    expected = [i.id or 0 for i in team_action.ordered(items)]
    assert team_action.ids_owned_by(journal, lead) == expected
    assert [i.id for i in team_action.items_owned_by(journal, lead)] == expected
    assert team_action.ids_owned_by(journal, lead, open_only=True) == expected[:3]
    assert [i.text for i in team_action.items_by_id(journal, expected[::-1])] == [
        "done long ago",
        "done lately",
        "done lately too",
        "undated",
        "later",
        "sooner",
    ]
