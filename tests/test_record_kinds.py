"""Record kinds: one list, the search index's."""

from __future__ import annotations

from iltdesk import timeline
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.search import KIND_LABELS
from iltdesk.search_index import CURRENT_SOURCES


def test_the_kinds_are_the_search_index_sources() -> None:
    assert {kind.value for kind in RecordKind} == {source.kind for source in CURRENT_SOURCES}


def test_every_kind_has_a_label_on_search_hits() -> None:
    assert set(KIND_LABELS) == set(RecordKind)
    assert all(label.strip() for label in KIND_LABELS.values())


def test_every_kind_a_timeline_reads_has_a_filter_and_no_other() -> None:
    assert set(timeline.KINDS) == set(timeline._SOURCES)
    assert all(isinstance(kind, RecordKind) for kind in timeline.KINDS)


def test_a_change_names_its_kind_and_lead() -> None:
    change = Change(RecordKind.CYCLE, lead_id=3)
    assert change.about(RecordKind.OBSERVATION, RecordKind.CYCLE)
    assert not change.about(RecordKind.LEAD)
    assert Change(RecordKind.CHARTER).lead_id is None
    assert RecordKind("one_on_one") is RecordKind.ONE_ON_ONE
