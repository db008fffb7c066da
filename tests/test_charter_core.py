"""Founding the ILT on real encrypted journals: the charter in versions that are never
overwritten, what changed between two, and the plus/delta at the end of each meeting.
(The scope and sequence: tests/test_charter_scope.py.)"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.charter import (
    CHARTER_FIELDS,
    QUALITY_FIELDS,
    add_meeting_feedback,
    charter_versions,
    compare,
    current_charter,
    meeting_feedback,
    revise_charter,
    update_meeting_feedback,
)
from iltdesk.errors import UsageError
from iltdesk.store.journal import Journal

DAY = date(2026, 8, 18)


def _rows(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- the charter in versions ------------------------------------------------------------------


def test_no_charter_until_the_first_version_which_needs_no_why(journal: Journal) -> None:
    assert charter_versions(journal) == [] and current_charter(journal) is None
    with pytest.raises(UsageError, match=r"^Write at least one part of the charter"):
        revise_charter(journal, purpose="  ", norms="\n")
    with pytest.raises(UsageError, match=r"^The charter has no colour, mission\.$"):
        revise_charter(journal, purpose="Grow readers", mission="x", colour="blue")
    assert _rows(journal, "charter_version") == 0

    first = revise_charter(
        journal,
        made_on=DAY,
        purpose=" Every student reads on grade level \n",
        norms="Start on time",
    )

    assert first.id is not None and (first.made_on, first.why) == (DAY, "")
    assert first.purpose == "Every student reads on grade level"
    stored = current_charter(journal)
    assert stored is not None and stored.id == first.id
    assert [getattr(stored, name) for name in CHARTER_FIELDS] == [
        "Every student reads on grade level",
        "",
        "",
        "",
        "Start on time",
        "",
        "",
        "",
        "",
    ]
    second = revise_charter(journal, why="After the August retreat", goals="80% by May")
    assert (second.why, second.purpose) == ("After the August retreat", first.purpose)


def test_a_revision_copies_the_one_in_force_and_never_overwrites_it(journal: Journal) -> None:
    first = revise_charter(
        journal,
        made_on=DAY,
        purpose="Grow readers",
        norms="Start on time",
        lead_qualities="Brings data to every team meeting",
    )
    with pytest.raises(UsageError, match=r"^Say why the charter changes"):
        revise_charter(journal, made_on=DAY + timedelta(30), norms="Start on time; cameras on")
    with pytest.raises(UsageError, match=r"^Nothing has changed from the charter in force\.$"):
        revise_charter(journal, why="Revisited in October", norms="Start on time ")
    with pytest.raises(UsageError, match=r"^A revision cannot be dated before the charter"):
        revise_charter(journal, why="Late", made_on=DAY - timedelta(1), norms="Other")
    assert _rows(journal, "charter_version") == 1

    second = revise_charter(
        journal,
        why="  Half the team is new and meets online  ",
        made_on=DAY + timedelta(30),
        norms="Start on time; cameras on",
        coach_qualities="Asks before telling",
        theme="3b Questioning and discussion",
    )

    assert second.id != first.id and second.why == "Half the team is new and meets online"
    # Everything not changed is carried over from the version it revises.
    assert (second.purpose, second.lead_qualities) == (
        "Grow readers",
        "Brings data to every team meeting",
    )
    versions = charter_versions(journal)
    assert [v.id for v in versions] == [second.id, first.id]
    kept = versions[1]
    assert (kept.norms, kept.coach_qualities, kept.theme, kept.made_on) == (
        "Start on time",
        "",
        "",
        DAY,
    )
    current = current_charter(journal)
    assert current is not None and current.norms == "Start on time; cameras on"


def test_the_newest_date_is_in_force_then_the_newest_row(journal: Journal) -> None:
    revise_charter(journal, made_on=DAY, purpose="One")
    later = revise_charter(journal, why="Term 2", made_on=DAY + timedelta(60), purpose="Two")
    same_day = revise_charter(journal, why="Fixed", made_on=DAY + timedelta(60), purpose="Three")
    assert [v.purpose for v in charter_versions(journal)] == ["Three", "Two", "One"]
    assert later.id is not None and same_day.id is not None
    current = current_charter(journal)
    assert current is not None and current.id == same_day.id
    today = revise_charter(journal, why="Spring", purpose="Four")
    assert today.made_on == date.today()


def test_compare_lists_each_changed_part_in_reading_order(journal: Journal) -> None:
    first = revise_charter(
        journal,
        made_on=DAY,
        purpose="Grow readers",
        norms="Start on time\nAssume good intent",
        team_qualities="Decides together",
    )
    second = revise_charter(
        journal,
        why="Year two",
        made_on=DAY + timedelta(200),
        norms="Start on time\nSpeak to the student work",
        team_qualities="",
        commitments="Each of us brings one artifact a month",
    )

    changes = compare(first, second)

    assert [(c.name, c.label, c.change) for c in changes] == [
        ("norms", "Norms", "changed"),
        ("team_qualities", "What an effective team does", "removed"),
        ("commitments", "The commitments we make to get there", "added"),
    ]
    assert changes[0].lines == ("-Assume good intent", "+Speak to the student work")
    assert changes[0].before.endswith("good intent") and changes[0].after.endswith("work")
    assert changes[2].lines == ("+Each of us brings one artifact a month",)
    assert compare(first, first) == []
    # Backwards reads the other way round.
    assert [c.change for c in compare(second, first)] == ["changed", "added", "removed"]


def test_the_qualities_are_parts_of_the_charter() -> None:
    assert set(QUALITY_FIELDS) <= set(CHARTER_FIELDS)
    assert CHARTER_FIELDS["lead_qualities"] == "What a strong Senior/Team Lead does"


# -- meeting plus/delta -----------------------------------------------------------------------


def test_meeting_feedback_last_meeting_first_and_responses(journal: Journal) -> None:
    add_meeting_feedback(journal, "Clear agenda", "Ran long", met_on=date(2024, 9, 10))
    latest = add_meeting_feedback(journal, "Data talk", "", met_on=date(2024, 10, 8))
    add_meeting_feedback(journal, "", "Too many slides", met_on=date(2024, 9, 24))
    same_day = add_meeting_feedback(journal, "Second meeting", "", met_on=date(2024, 10, 8))
    assert same_day.id is not None and latest.id is not None

    assert [(f.met_on, f.plus, f.delta) for f in meeting_feedback(journal)] == [
        (date(2024, 10, 8), "Second meeting", ""),
        (date(2024, 10, 8), "Data talk", ""),
        (date(2024, 9, 24), "", "Too many slides"),
        (date(2024, 9, 10), "Clear agenda", "Ran long"),
    ]

    for plus, delta in (("", ""), ("  ", "\n"), (" ", "")):
        with pytest.raises(
            UsageError, match=r"^Write what worked \(plus\) or what to change \(delta\)\.$"
        ):
            add_meeting_feedback(journal, plus, delta)
    assert _rows(journal, "meeting_feedback") == 4
    assert add_meeting_feedback(journal, "Undated", "").met_on == date.today()

    returned = update_meeting_feedback(
        journal, latest.id, response="Opened with a five-minute data warm-up"
    )
    assert returned.response == "Opened with a five-minute data warm-up"
    stored = {f.id: f for f in meeting_feedback(journal)}
    assert (stored[latest.id].plus, stored[latest.id].response) == (
        "Data talk",
        "Opened with a five-minute data warm-up",
    )
    assert stored[same_day.id].response == ""

    with pytest.raises(UsageError, match=r"^Cannot change id of meeting feedback\.$"):
        update_meeting_feedback(journal, latest.id, id=5, response="changed")
    with pytest.raises(UsageError, match="There is no meeting feedback #99"):
        update_meeting_feedback(journal, 99, response="x")
    assert {f.id: f for f in meeting_feedback(journal)}[latest.id].response == (
        "Opened with a five-minute data warm-up"
    )
