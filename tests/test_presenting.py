"""Presenter mode's rule (``iltdesk.presenting``): what is private, checked against the models."""

from __future__ import annotations

import pytest

from iltdesk import presenting
from iltdesk.models import IltMeeting, LearningCycle, OneOnOne
from iltdesk.record_kinds import RecordKind
from iltdesk.timeline import KINDS

MODEL_OF = {
    RecordKind.CYCLE: LearningCycle,
    RecordKind.ILT_MEETING: IltMeeting,
    RecordKind.ONE_ON_ONE: OneOnOne,
}


def test_every_private_field_is_a_field_of_its_record() -> None:
    # A renamed column would otherwise quietly come back on a shared screen.
    for kind, fields in presenting.PRIVATE_FIELDS.items():
        assert fields <= set(MODEL_OF[kind].model_fields), kind
    assert not presenting.PRIVATE_KINDS & set(presenting.PRIVATE_FIELDS)


@pytest.mark.parametrize(
    ("kind", "field", "private"),
    [
        (RecordKind.CYCLE, "principal_reflection", True),
        (RecordKind.CYCLE, "lead_reflection", False),  # the lead's own words, shown to them
        (RecordKind.CYCLE, None, False),
        (RecordKind.ILT_MEETING, "private_notes", True),
        (RecordKind.ILT_MEETING, "title", False),
        (RecordKind.ENERGY, None, True),
        (RecordKind.ENERGY, "note", True),
        (RecordKind.OWN_ENERGY, "level", True),
        (RecordKind.LEADERSHIP_NOTE, None, True),
        (RecordKind.CONVERSATION, "opening_words", True),
        (RecordKind.AGREEMENT, None, False),
        (RecordKind.ONE_ON_ONE, None, False),
        (RecordKind.ONE_ON_ONE, "notes", True),  # her running notes, never in a recap
        (RecordKind.ONE_ON_ONE, "feedback_given", False),
    ],
)
def test_what_is_private(kind: RecordKind, field: str | None, private: bool) -> None:
    assert presenting.is_private(kind, field) is private


def test_the_pdfs_private_sections_are_private_on_screen_too() -> None:
    # The cycle summary leaves out the reflection, the energy and the conversation notes
    # unless chosen (iltdesk.report.PRIVATE_SECTIONS): a shared screen shows no more.
    assert "principal_reflection" in presenting.private_fields(RecordKind.CYCLE)
    assert {RecordKind.ENERGY, RecordKind.CONVERSATION} <= presenting.PRIVATE_KINDS


def test_a_timeline_drops_private_kinds_only_while_presenting() -> None:
    kinds = list(KINDS)
    assert presenting.shown_kinds(kinds, presenting=False) == kinds
    shown = presenting.shown_kinds(kinds, presenting=True)
    assert RecordKind.CONVERSATION not in shown
    assert shown == [kind for kind in kinds if kind is not RecordKind.CONVERSATION]


def test_today_and_search_are_off_while_presenting() -> None:
    assert presenting.today_shown(presenting=False)
    assert not presenting.today_shown(presenting=True)
    assert presenting.search_allowed(presenting=False)
    assert not presenting.search_allowed(presenting=True)


def test_a_one_on_ones_summary_is_its_notes_so_it_goes_while_presenting() -> None:
    from iltdesk.presenting import summary_shown

    assert summary_shown(RecordKind.ONE_ON_ONE, presenting=False)
    assert not summary_shown(RecordKind.ONE_ON_ONE, presenting=True)
    assert not summary_shown(RecordKind.ENERGY, presenting=True)
    assert summary_shown(RecordKind.OBSERVATION, presenting=True)
