"""Today rows, search hits and timeline entries for coaching records open the right place."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import log_activity, start_cycle
from iltdesk.lead import add_lead
from iltdesk.models import ActivityKind
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow


def test_coaching_records_open_their_tab_and_record(qtbot: QtBot, journal: Journal) -> None:
    rosa = add_lead(journal, "Rosa Delgado").id or 0
    add_lead(journal, "Ben Okafor")
    older = start_cycle(journal, rosa, goal="First goal").id or 0
    activity = log_activity(journal, older, ActivityKind.video, title="Watch a data meeting")
    first = record_version(journal, rosa, AgreementTerms(expectations=(Expectation("Tuesdays"),)))
    record_version(journal, rosa, AgreementTerms(expectations=(Expectation("Thursdays"),)))
    seen = add_observation(journal, rosa, ObservationNotes(evidence="Opened with data"))
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    page = window.lead_page
    emit = window.context.open_record.emit

    emit(RecordKind.ACTIVITY, activity.id or 0)
    assert page.lead is not None and page.lead.id == rosa
    assert page.tabs.currentWidget() is page.cycles
    assert page.cycles.page.cycle is not None and page.cycles.page.cycle.id == older

    emit(RecordKind.OBSERVATION, seen.id or 0)
    assert page.tabs.currentWidget() is page.observations
    shown = page.observations.editor.observation
    assert shown is not None and shown.id == seen.id

    emit(RecordKind.EXPECTATION, first.expectations[0].id or 0)
    assert page.tabs.currentWidget() is page.agreement
    assert page.agreement.versions.currentIndex() == 1  # version 1, the older of two

    emit(RecordKind.CYCLE, older)
    assert page.tabs.currentWidget() is page.cycles
    window.release()
