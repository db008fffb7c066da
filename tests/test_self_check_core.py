"""The ILT health self-check on real encrypted journals: recording, reading, scores and trends."""

from __future__ import annotations

from datetime import date

import pytest

from iltdesk.errors import UsageError
from iltdesk.models import SelfCheck, SelfCheckAnswer
from iltdesk.self_check import check_ins, record_check, revise_check
from iltdesk.self_check_items import CURRENT_SET, SET_1
from iltdesk.self_check_trends import AreaTrend, RaterTrend, strongest_and_weakest, trends
from iltdesk.store.journal import Journal

AREAS = CURRENT_SET.areas
ITEM_AREA = CURRENT_SET.item_area
KEYS = list(ITEM_AREA)  # the 15 actions, in catalogue order
AREA_KEYS = [
    "learning_teaching",
    "school_culture",
    "talent",
    "planning_operations",
    "personal_leadership",
]
TEXT = {item.key: item.text for area in AREAS for item in area.items}


def ratings(default: int = 2, **changed: int) -> dict[str, int]:
    """A rating for every action: ``default``, except the ones named."""
    assert set(changed) <= set(KEYS)
    return {key: changed.get(key, default) for key in KEYS}


def by_area(*scores: tuple[int, int, int]) -> dict[str, int]:
    """Ratings given area by area, three per area, in catalogue order."""
    flat = [value for triple in scores for value in triple]
    assert len(flat) == 15
    return dict(zip(KEYS, flat, strict=True))


def mine(journal: Journal) -> tuple[AreaTrend, ...]:
    """The principal's own trend, area by area (the only rater in these tests)."""
    (own,) = trends(check_ins(journal))
    assert isinstance(own, RaterTrend) and own.rater == "principal"
    return own.areas


def _nothing_written(journal: Journal) -> None:
    for table in ("self_check", "self_check_answer", "self_check_area_note"):
        assert journal.execute(f"SELECT count(*) FROM {table}") == [(0,)], table
    assert check_ins(journal) == []


def test_the_catalogue_is_five_areas_of_three_actions() -> None:
    assert [area.key for area in AREAS] == AREA_KEYS
    assert [len(area.items) for area in AREAS] == [3, 3, 3, 3, 3]
    assert len(KEYS) == len(set(KEYS)) == 15


# -- recording --------------------------------------------------------------------------------


def test_record_check_refuses_bad_ratings_and_writes_nothing(journal: Journal) -> None:
    with pytest.raises(UsageError, match=r"^Rate every action before saving \(15 left\)\.$"):
        record_check(journal, {})
    two_missing = ratings()
    del two_missing["delegate_across_team"], two_missing["watch_floor_time"]
    with pytest.raises(UsageError, match=r"^Rate every action before saving \(2 left\)\.$"):
        record_check(journal, two_missing, notes={"talent": "Would be dropped"})
    one_missing = ratings()
    del one_missing["build_shared_picture"]
    with pytest.raises(UsageError, match=r"\(1 left\)"):
        record_check(journal, {**one_missing, "bogus": 3})

    with pytest.raises(UsageError, match=r"^Unknown actions: bogus, extra\.$"):
        record_check(journal, {**ratings(), "extra": 1, "bogus": 2})

    for bad in (-1, 5, 40):
        with pytest.raises(UsageError, match=r"^Ratings run from 0 \(never\) to 4 \(always\)\.$"):
            record_check(journal, ratings(ask_without_fear=bad), notes={"talent": "dropped"})

    _nothing_written(journal)


def test_record_check_stores_every_answer_and_the_notes(journal: Journal) -> None:
    answers = by_area((4, 1, 2), (0, 3, 3), (2, 2, 2), (1, 0, 4), (3, 4, 1))

    check = record_check(
        journal,
        answers,
        notes={
            "school_culture": "  Norms are posted but not lived  ",
            "talent": "",
            "planning_operations": "   \n ",
            "personal_leadership": "Newer members rarely speak",
            "no_such_area": "ignored",
        },
        taken_on=date(2024, 10, 2),
        taken_by="the whole ILT",
        note="First check of the year",
    )

    assert check.id is not None
    (stored,) = check_ins(journal)
    assert (stored.check.id, stored.check.taken_on, stored.check.taken_by, stored.check.note) == (
        check.id,
        date(2024, 10, 2),
        "the whole ILT",
        "First check of the year",
    )
    assert stored.answers == answers
    assert stored.notes == {
        "school_culture": "Norms are posted but not lived",
        "personal_leadership": "Newer members rarely speak",
    }
    rows = journal.execute("SELECT item, area, frequency FROM self_check_answer ORDER BY id")
    assert sorted(rows) == sorted((key, ITEM_AREA[key], answers[key]) for key in KEYS)
    assert len(rows) == 15
    assert journal.execute("SELECT count(*) FROM self_check_area_note") == [(2,)]


def test_record_check_defaults_and_both_ends_of_the_scale(journal: Journal) -> None:
    record_check(journal, ratings(0, delegate_across_team=4))

    (stored,) = check_ins(journal)
    assert (stored.check.taken_on, stored.check.taken_by, stored.check.note, stored.notes) == (
        date.today(),
        "principal",
        "",
        {},
    )
    assert stored.answers == ratings(0, delegate_across_team=4)


def test_check_ins_oldest_first_each_with_its_own_answers_and_notes(journal: Journal) -> None:
    record_check(journal, ratings(3), taken_on=date(2025, 1, 15), notes={"talent": "January"})
    record_check(journal, ratings(1), taken_on=date(2024, 9, 20), notes={"talent": "September"})
    record_check(journal, ratings(2), taken_on=date(2025, 1, 15), notes={"equity": "x"})
    record_check(
        journal, ratings(4), taken_on=date(2024, 11, 5), notes={"school_culture": "November"}
    )

    history = check_ins(journal)

    assert [(c.check.taken_on, c.answers, c.notes) for c in history] == [
        (date(2024, 9, 20), ratings(1), {"talent": "September"}),
        (date(2024, 11, 5), ratings(4), {"school_culture": "November"}),
        (date(2025, 1, 15), ratings(3), {"talent": "January"}),
        (date(2025, 1, 15), ratings(2), {}),
    ]


def test_area_score_is_the_mean_of_the_areas_three_actions(journal: Journal) -> None:
    record_check(journal, by_area((4, 1, 2), (0, 0, 0), (4, 4, 4), (1, 2, 3), (0, 1, 1)))

    (stored,) = check_ins(journal)

    scores = {key: stored.area_score(key) for key in AREA_KEYS}
    assert scores == {
        "learning_teaching": pytest.approx(7 / 3),
        "school_culture": 0.0,
        "talent": 4.0,
        "planning_operations": 2.0,
        "personal_leadership": pytest.approx(2 / 3),
    }
    assert scores["learning_teaching"] == pytest.approx(2.3333333, abs=1e-6)


# -- trends -----------------------------------------------------------------------------------


def test_trends_with_no_check_ins(journal: Journal) -> None:
    assert trends(check_ins(journal)) == []
    assert strongest_and_weakest([]) is None


def test_trends_with_one_check_in(journal: Journal) -> None:
    record_check(
        journal,
        by_area((3, 3, 3), (1, 1, 1), (2, 2, 2), (0, 0, 0), (4, 4, 4)),
        taken_on=date(2024, 9, 20),
    )

    trend = mine(journal)

    assert [(t.area, t.points, t.change, t.moved_items) for t in trend] == [
        ("learning_teaching", ((date(2024, 9, 20), 3.0),), 0.0, ()),
        ("school_culture", ((date(2024, 9, 20), 1.0),), 0.0, ()),
        ("talent", ((date(2024, 9, 20), 2.0),), 0.0, ()),
        ("planning_operations", ((date(2024, 9, 20), 0.0),), 0.0, ()),
        ("personal_leadership", ((date(2024, 9, 20), 4.0),), 0.0, ()),
    ]


def test_trends_across_check_ins(journal: Journal) -> None:
    # Recorded out of order on purpose: the trend is by date, oldest first.
    record_check(
        journal,
        by_area((2, 2, 2), (1, 1, 1), (3, 3, 3), (0, 0, 0), (2, 2, 2)),
        taken_on=date(2025, 1, 15),
    )
    record_check(
        journal,
        by_area((0, 0, 0), (4, 4, 4), (0, 0, 0), (0, 0, 0), (0, 0, 0)),
        taken_on=date(2024, 9, 20),
    )
    record_check(
        journal,
        by_area((3, 1, 2), (1, 1, 1), (3, 3, 3), (0, 1, 2), (2, 2, 2)),
        taken_on=date(2025, 3, 1),
    )
    record_check(
        journal,
        by_area((4, 0, 2), (1, 1, 1), (1, 4, 4), (3, 3, 0), (2, 2, 2)),
        taken_on=date(2025, 5, 10),
    )

    trend = mine(journal)

    assert [t.area for t in trend] == AREA_KEYS
    assert [t.title for t in trend] == [area.title for area in AREAS]
    dates = [date(2024, 9, 20), date(2025, 1, 15), date(2025, 3, 1), date(2025, 5, 10)]
    assert {t.area: t.points for t in trend} == {
        "learning_teaching": tuple(zip(dates, (0.0, 2.0, 2.0, 2.0), strict=True)),
        "school_culture": tuple(zip(dates, (4.0, 1.0, 1.0, 1.0), strict=True)),
        "talent": tuple(zip(dates, (0.0, 3.0, 3.0, 3.0), strict=True)),
        "planning_operations": tuple(zip(dates, (0.0, 0.0, 1.0, 2.0), strict=True)),
        "personal_leadership": tuple(zip(dates, (0.0, 2.0, 2.0, 2.0), strict=True)),
    }
    # Latest minus the one before (not minus the first).
    assert {t.area: t.change for t in trend} == {
        "learning_teaching": 0.0,  # 3,1,2 -> 4,0,2: same mean, yet two actions moved
        "school_culture": 0.0,
        "talent": 0.0,  # 3,3,3 -> 1,4,4: same mean
        "planning_operations": 1.0,
        "personal_leadership": 0.0,
    }
    assert {t.area: t.moved_items for t in trend} == {
        "learning_teaching": ((TEXT["build_shared_picture"], 1), (TEXT["align_ela_math"], -1)),
        "school_culture": (),
        "talent": (
            (TEXT["delegate_across_team"], -2),
            (TEXT["support_newcomers"], 1),
            (TEXT["differentiate_pd"], 1),
        ),
        "planning_operations": (
            (TEXT["run_meetings_well"], 3),
            (TEXT["data_into_goals"], 2),
            (TEXT["share_resources_fairly"], -2),
        ),
        "personal_leadership": (),
    }


def test_change_can_be_negative_and_fractional(journal: Journal) -> None:
    record_check(journal, ratings(4), taken_on=date(2024, 9, 1))
    record_check(journal, ratings(4, build_shared_picture=2), taken_on=date(2024, 12, 1))

    learning = mine(journal)[0]

    assert learning.area == "learning_teaching"
    assert learning.change == pytest.approx(-2 / 3)
    assert learning.moved_items == ((TEXT["build_shared_picture"], -2),)
    assert all(t.change == 0.0 and t.moved_items == () for t in mine(journal)[1:])


def test_strongest_and_weakest_use_the_latest_check_in(journal: Journal) -> None:
    record_check(
        journal,
        by_area((0, 0, 0), (4, 4, 4), (0, 0, 0), (0, 0, 0), (0, 0, 0)),
        taken_on=date(2024, 9, 20),
    )
    record_check(
        journal,
        by_area((3, 3, 3), (1, 1, 1), (2, 2, 2), (1, 2, 2), (4, 4, 3)),
        taken_on=date(2025, 1, 15),
    )

    picked = strongest_and_weakest(mine(journal))

    assert picked is not None
    strongest, weakest = picked
    assert (strongest.area, weakest.area) == ("personal_leadership", "school_culture")


def test_strongest_and_weakest_break_ties_by_title(journal: Journal) -> None:
    # Learning and teaching ties School culture at the top; Planning and operations ties
    # Talent management at the bottom.
    record_check(journal, by_area((3, 3, 3), (3, 3, 3), (1, 1, 1), (1, 1, 1), (2, 2, 2)))

    picked = strongest_and_weakest(mine(journal))

    assert picked is not None
    strongest, weakest = picked
    assert (strongest.title, weakest.title) == ("School culture", "Planning and operations")


# -- item sets and raters ---------------------------------------------------------------------


def old_check(journal: Journal, value: int, taken_on: date, taken_by: str = "principal") -> int:
    """A check-in recorded before the rewording: set 1's actions, as migration 0004 left it."""
    with journal.write() as s:
        check = SelfCheck(taken_on=taken_on, taken_by=taken_by, item_set=1)
        s.add(check)
        s.flush()
        for key, area in SET_1.item_area.items():
            s.add(
                SelfCheckAnswer(self_check_id=check.id or 0, area=area, item=key, frequency=value)
            )
    return check.id or 0


def test_a_new_check_in_uses_the_current_set_and_refuses_the_old_actions(
    journal: Journal,
) -> None:
    assert CURRENT_SET.version == 2
    assert CURRENT_SET.stem.startswith("How often do you and your team")
    record_check(journal, ratings(3))
    (stored,) = check_ins(journal)
    assert stored.check.item_set == 2
    assert stored.wording is CURRENT_SET
    old_keys = dict.fromkeys(SET_1.item_keys, 3)
    with pytest.raises(UsageError, match=r"\(15 left\)"):
        record_check(journal, old_keys)


def test_an_old_check_in_is_corrected_in_its_own_wording(journal: Journal) -> None:
    check_id = old_check(journal, 1, date(2025, 10, 1))
    with pytest.raises(UsageError, match=r"\(15 left\)"):
        revise_check(
            journal, check_id, ratings(2), notes={}, taken_on=date(2025, 10, 1), taken_by="team"
        )
    changed = dict.fromkeys(SET_1.item_keys, 2) | {"delegation": 4}
    revise_check(
        journal,
        check_id,
        changed,
        notes={"talent": "Still set one"},
        taken_on=date(2025, 10, 2),
        taken_by="team",
    )
    (stored,) = check_ins(journal)
    assert (stored.check.item_set, stored.check.taken_by) == (1, "team")
    assert stored.wording is SET_1
    assert stored.answers == changed
    assert stored.notes == {"talent": "Still set one"}
    assert stored.area_score("talent") == pytest.approx(8 / 3)


def test_each_rater_is_its_own_line_never_joined(journal: Journal) -> None:
    record_check(journal, ratings(1), taken_on=date(2025, 9, 10))
    record_check(journal, ratings(4), taken_on=date(2025, 9, 20), taken_by="team")
    record_check(journal, ratings(2), taken_on=date(2025, 12, 1))
    record_check(
        journal, ratings(4, delegate_across_team=2), taken_on=date(2025, 12, 9), taken_by="team"
    )

    own, team = trends(check_ins(journal))

    assert (own.rater, own.label, team.rater, team.label) == (
        "principal",
        "Just me",
        "team",
        "With the team",
    )
    learning = own.areas[0]
    assert learning.points == ((date(2025, 9, 10), 1.0), (date(2025, 12, 1), 2.0))
    assert learning.change == 1.0  # 1 -> 2 by the principal, not 4 -> 2 across raters
    assert team.areas[0].points == ((date(2025, 9, 20), 4.0), (date(2025, 12, 9), 4.0))
    assert team.areas[0].change == 0.0
    talent = team.areas[2]
    assert talent.moved_items == ((TEXT["delegate_across_team"], -2),)
    assert (own.since, team.since) == (date(2025, 9, 10), date(2025, 9, 20))


def test_a_reworded_set_reports_no_item_movement(journal: Journal) -> None:
    old_check(journal, 1, date(2025, 5, 1))
    record_check(journal, ratings(3), taken_on=date(2025, 9, 15))

    (own,) = trends(check_ins(journal))

    assert own.reworded
    assert all(area.reworded and area.moved_items == () for area in own.areas)
    assert [area.change for area in own.areas] == [2.0] * 5  # areas still compare


def test_set_one_stays_as_it_was_asked() -> None:
    # Check-ins recorded before migration 0004 were answered against these words: frozen.
    assert SET_1.stem == "How often does the team really do this?"
    assert [i.text for a in SET_1.areas for i in a.items][::7] == [
        "We hold one clear picture of excellent, equitable teaching.",
        "New staff get support and coaching from day one.",
        "Every voice gets the floor, not only the loudest.",
    ]
    assert SET_1.item_keys[::7] == ("shared_picture", "new_staff", "equity_of_voice")
    assert [a.key for a in SET_1.areas] == [a.key for a in CURRENT_SET.areas]
