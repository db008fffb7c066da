"""Joint practice, calibration and other coaches, on real encrypted journals that are closed
and opened again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.charter import revise_charter
from iltdesk.coach import add_coach, coach_name, coaches_of, end_coach, save_coach
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import CoachKind, PracticeKind
from iltdesk.practice import (
    add_practice,
    calibration,
    delete_practice,
    get_practice,
    parse_ratings,
    practices,
    set_ratings,
    spread,
    update_practice,
)
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

DAY = date(2026, 10, 14)
THEME = "Checking for understanding (rubric 3b)"


def reopen(journal: Journal, path: Path) -> Journal:
    journal.close()
    return Journal.open(path, PASSPHRASE)


def test_a_calibration_keeps_its_leads_and_ratings_through_a_reopened_file(
    journal: Journal, journal_path: Path
) -> None:
    revise_charter(journal, theme=THEME)
    maya = add_lead(journal, "Maya Ortiz").id or 0
    jo = add_lead(journal, "Jo Park").id or 0
    row = add_practice(
        journal,
        PracticeKind.calibration,
        happened_on=DAY,
        focus="A 7th-grade science lesson on video",
        lead_ids=[maya, jo, maya],
    )
    assert row.indicator == THEME  # the ILT's theme when none is given
    set_ratings(journal, row.id or 0, before=[2, 3, 4, 2, 1], after=[3, 3, 3, 2])
    journal = reopen(journal, journal_path)
    try:
        [shown] = practices(journal)
        assert shown.lead_ids == (maya, jo)
        assert (shown.record.kind, shown.record.happened_on) == (PracticeKind.calibration, DAY)
        assert shown.record.indicator == THEME
        kept = calibration(journal, shown.id)
        assert kept.before == (2, 3, 4, 2, 1) and kept.after == (3, 3, 3, 2)
        first, then = kept.spread_before, kept.spread_after
        assert first is not None and then is not None
        assert (first.lowest, first.highest, first.range, first.most_common, first.agreed) == (
            1,
            4,
            3,
            2,
            2,
        )
        assert (then.range, then.most_common, then.agreed, then.count) == (1, 3, 3, 4)
        assert kept.narrowed() is True
        assert then.words() == "4 ratings from 2 to 3 (a range of 1); 3 of 4 agreed on 3"
        hits = search(journal, "science lesson")
        assert [(h.kind, h.record_id) for h in hits] == [(RecordKind.JOINT_PRACTICE, shown.id)]
    finally:
        journal.close()


def test_spread_on_a_tie_names_the_lower_rating_and_a_single_level_reads_as_one() -> None:
    tied = spread([4, 2, 4, 2])
    assert tied is not None and (tied.most_common, tied.agreed, tied.range) == (2, 2, 2)
    assert tied.tally() == {1: 0, 2: 2, 3: 0, 4: 2}
    same = spread([3, 3])
    assert same is not None and same.words() == "2 ratings all 3; 2 of 2 agreed on 3"
    assert spread([]) is None


def test_ratings_are_typed_as_levels_of_the_rubric() -> None:
    assert parse_ratings(" 2 3,3;4 ") == [2, 3, 3, 4]
    assert parse_ratings("") == []
    with pytest.raises(UsageError, match="'5'"):
        parse_ratings("2 5")


def test_a_practice_needs_words_and_can_be_corrected_and_removed(journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    jo = add_lead(journal, "Jo Park").id or 0
    with pytest.raises(UsageError):
        add_practice(journal, PracticeKind.joint_observation, focus="  ")
    row = add_practice(journal, PracticeKind.data_meeting, focus="Unit 2 data", lead_ids=[maya])
    assert row.indicator == ""  # only a calibration takes the theme
    update_practice(
        journal,
        row.id or 0,
        kind=PracticeKind.team_meeting_visit,
        happened_on=DAY,
        focus="Jo's grade 6 team",
        indicator="",
        lead_ids=[jo],
        notes="Watched the protocol",
    )
    shown = get_practice(journal, row.id or 0)
    assert shown.lead_ids == (jo,) and shown.record.kind is PracticeKind.team_meeting_visit
    set_ratings(journal, row.id or 0, before=[2], after=[])
    delete_practice(journal, row.id or 0)
    assert practices(journal) == [] and calibration(journal, row.id or 0).before == ()


def test_other_coaches_of_a_lead_through_a_reopened_file(
    journal: Journal, journal_path: Path
) -> None:
    maya = add_lead(journal, "Maya Ortiz").id or 0
    jo = add_lead(journal, "Jo Park").id or 0
    veteran = add_coach(journal, maya, coach_lead_id=jo, focus="Running data meetings")
    partner = add_coach(
        journal, maya, name="City Literacy Partners", focus="Reading", since=date(2025, 9, 1)
    )
    with pytest.raises(UsageError):
        add_coach(journal, maya, coach_lead_id=maya)
    with pytest.raises(UsageError):
        add_coach(journal, maya, name="  ")
    end_coach(journal, partner.id or 0, on=date(2026, 6, 20))
    journal = reopen(journal, journal_path)
    try:
        shown = coaches_of(journal, maya, today=DAY)
        assert [c.id for c in shown] == [veteran.id, partner.id]  # current first
        assert [coach_name(journal, c) for c in shown] == ["Jo Park", "City Literacy Partners"]
        assert shown[0].kind is CoachKind.veteran_lead
        assert shown[1].kind is CoachKind.outside_partner and shown[1].until == date(2026, 6, 20)
        with pytest.raises(UsageError, match="end before"):
            end_coach(journal, partner.id or 0, on=date(2025, 1, 1))
        save_coach(
            journal,
            maya,
            veteran.id or 0,
            kind=CoachKind.other,
            coach_lead_id=jo,
            name="Ms. Reyes, retired AP",
            focus="",
            since=None,
            until=None,
        )
        [first, _] = coaches_of(journal, maya, today=DAY)
        assert (first.coach_lead_id, coach_name(journal, first)) == (None, "Ms. Reyes, retired AP")
        assert [h.kind for h in search(journal, "Literacy")] == [RecordKind.LEAD_COACH]
    finally:
        journal.close()
