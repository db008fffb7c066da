"""The two raters side by side, weak actions, and turning a weak action into work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.action_item import action_items_for
from iltdesk.charter import scope_items
from iltdesk.cycle import close_cycle, cycles_for, update_cycle
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import Author, Outcome
from iltdesk.self_check import CheckIn, check_ins, record_check
from iltdesk.self_check_actions import (
    add_lead_action,
    plan_scope_period,
    start_cycle_goal,
    strand_for,
    suggested_text,
)
from iltdesk.self_check_compare import (
    latest_pair,
    pair_for,
    pairs,
    side_by_side,
    weak_items,
    widest_gaps,
)
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal

KEYS = CURRENT_SET.item_keys
DAY = date(2025, 10, 6)


def ratings(default: int = 2, **changed: int) -> dict[str, int]:
    return {key: changed.get(key, default) for key in KEYS}


def record(journal: Journal, day: date, who: str, **changed: int) -> CheckIn:
    record_check(journal, ratings(**changed), taken_on=day, taken_by=who)
    return next(c for c in check_ins(journal) if c.check.taken_on == day and c.rater == who)


def test_each_team_check_in_pairs_with_the_nearest_principal_one_in_45_days(
    journal: Journal,
) -> None:
    far = record(journal, DAY - timedelta(days=120), "principal")
    before = record(journal, DAY - timedelta(days=10), "principal")
    after = record(journal, DAY + timedelta(days=10), "principal")  # as near: earlier wins
    team = record(journal, DAY, "team")
    lonely = record(journal, DAY + timedelta(days=100), "team")

    found = pairs(check_ins(journal))

    assert [(p.team.check.id, p.principal) for p in found][1] == (lonely.check.id, None)
    first = found[0]
    assert (first.team.check.id, first.principal and first.principal.check.id) == (
        team.check.id,
        before.check.id,
    )
    assert first.same_wording
    latest = latest_pair(check_ins(journal))
    assert latest is not None and latest.team.check.id == team.check.id
    chosen = pair_for(check_ins(journal), before.check.id or 0)
    assert chosen is not None and chosen.team.check.id == team.check.id
    assert pair_for(check_ins(journal), far.check.id or 0) is None
    assert pair_for(check_ins(journal), after.check.id or 0) is None


def test_side_by_side_gives_each_area_and_action_with_its_gap(journal: Journal) -> None:
    record(journal, DAY - timedelta(days=3), "principal", watch_floor_time=4, data_into_goals=1)
    record(journal, DAY, "team", watch_floor_time=1, data_into_goals=1, delegate_across_team=3)
    pair = latest_pair(check_ins(journal))
    assert pair is not None

    areas = side_by_side(pair)

    assert [a.area for a in areas] == [a.key for a in CURRENT_SET.areas]
    personal = areas[-1]
    assert personal.principal == pytest.approx(8 / 3)
    assert personal.team == pytest.approx(5 / 3)
    assert personal.gap == pytest.approx(-1.0)
    floor = next(i for i in personal.items if i.key == "watch_floor_time")
    assert (floor.principal, floor.team, floor.gap) == (4, 1, -3)
    assert [(i.key, i.gap) for i in widest_gaps(areas)] == [
        ("watch_floor_time", -3),
        ("delegate_across_team", 1),
    ]


def test_weak_items_are_rarely_or_never_lowest_first(journal: Journal) -> None:
    entry = record(journal, DAY, "team", family_systems=1, differentiate_pd=0, ask_without_fear=1)

    weak = weak_items(entry)

    assert [(w.item.key, w.rating, w.area, w.item_set) for w in weak] == [
        ("differentiate_pd", 0, "talent", 2),
        ("family_systems", 1, "school_culture", 2),
        ("ask_without_fear", 1, "personal_leadership", 2),
    ]
    assert suggested_text(weak[0]).startswith("Reflect on each teacher's progress")


def test_a_weak_action_becomes_a_scope_period_in_its_strand(journal: Journal) -> None:
    entry = record(journal, DAY, "team", data_into_goals=0, support_newcomers=1, differentiate_pd=1)
    by_key = {w.item.key: w for w in weak_items(entry)}
    assert strand_for("data_into_goals").value == "data"

    plan_scope_period(
        journal, by_key["data_into_goals"], period="November", starts_on=date(2025, 11, 3)
    )
    plan_scope_period(
        journal, by_key["support_newcomers"], period="December", text="Coach the two new members"
    )
    plan_scope_period(journal, by_key["differentiate_pd"], period="January")

    november, december, january = scope_items(journal)
    assert (november.period, november.starts_on) == ("November", date(2025, 11, 3))
    assert november.data.startswith("Draw actionable information from data systems")
    assert (november.observation_feedback, november.professional_learning) == ("", "")
    assert december.observation_feedback == "Coach the two new members"
    assert january.professional_learning.startswith("Reflect on each teacher's progress")
    with pytest.raises(UsageError):
        plan_scope_period(journal, by_key["data_into_goals"], period="Feb", text="  ")


def test_a_weak_action_becomes_a_lead_cycle_goal_or_action_item(journal: Journal) -> None:
    lead = add_lead(journal, "Dana Ortiz")
    lead_id = lead.id or 0
    entry = record(journal, DAY, "team", delegate_across_team=0)
    (weak,) = weak_items(entry)

    cycle = start_cycle_goal(journal, lead_id, weak, started_on=DAY)
    assert cycle.goal.startswith("Delegate responsibilities")
    with pytest.raises(UsageError, match="already has an open learning cycle"):
        start_cycle_goal(journal, lead_id, weak)
    done = {"outcome": Outcome.partly, "outcome_evidence": "3 of 6", "lead_reflection": "Slow"}
    update_cycle(journal, cycle.id or 0, **done)
    close_cycle(journal, cycle.id or 0, on=DAY + timedelta(days=30))
    start_cycle_goal(journal, lead_id, weak, text="Share the agenda-building")
    assert next(c.goal for c in cycles_for(journal, lead_id)) == "Share the agenda-building"

    item = add_lead_action(journal, lead_id, weak, due_on=DAY + timedelta(days=7))
    (stored,) = action_items_for(journal, lead_id)
    assert (stored.id, stored.owner, stored.due_on) == (
        item.id,
        Author.principal,
        DAY + timedelta(days=7),
    )
    assert stored.text.startswith("Delegate responsibilities")
