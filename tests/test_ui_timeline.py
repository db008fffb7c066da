"""The lead timeline tab: every kind of event, filters, and opening what a row points at."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import start_one_on_one
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.lead.timeline import TimelineView


def test_timeline_mixes_kinds_filters_and_opens(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Rosa Delgado").id or 0
    today = date.today()
    start_one_on_one(journal, lead, held_on=today - timedelta(days=3))
    add_observation(
        journal, lead, ObservationNotes(evidence="Used the protocol", observed_on=today)
    )
    start_cycle(journal, lead, goal="Decisions in every meeting", started_on=today - timedelta(9))
    record_version(journal, lead, AgreementTerms(expectations=(Expectation("Tuesdays"),)))
    context = AppContext(journal)
    view = TimelineView(context)
    qtbot.addWidget(view)
    view.show_lead(lead)

    kinds = [e.kind for e in view.model.entries]
    assert sorted(kinds) == ["agreement", "cycle", "observation", "one_on_one"]
    assert [e.day for e in view.model.entries] == sorted(
        (e.day for e in view.model.entries), reverse=True
    )
    assert "Cycle started" in view.model.data(view.model.index(kinds.index("cycle")))

    for kind in ("one_on_one", "cycle", "agreement"):
        view.filters[kind].setChecked(False)
    assert [e.kind for e in view.model.entries] == ["observation"]
    assert view.empty.isHidden()
    view.filters["observation"].setChecked(False)
    assert view.model.entries == [] and not view.empty.isHidden()

    view.filters["observation"].setChecked(True)
    with qtbot.waitSignal(context.open_record) as opened:
        view._open(view.model.index(0))
    assert opened.args == [RecordKind.OBSERVATION, view.model.entries[0].record_id]
    assert opened.args[0] is RecordKind.OBSERVATION
