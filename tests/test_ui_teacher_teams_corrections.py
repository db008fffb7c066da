"""Putting things right on the Teacher teams page, by keys: a team added by mistake deleted
(after asking), a reading's number and day corrected in place, and an observation moved to
the team whose meeting it really was from the lead's Observations tab."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.models import Observation, ObservationSetting
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import add_team, list_teams
from iltdesk.teacher_team_data import add_data_point, add_value, team_series
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, focused, settle, tab_to
from tests.keys import press_button as press
from tests.test_ui_teacher_teams import to_teacher_teams, window_on
from ui.team.teacher_teams.dialogs import ReadingDialog
from ui.team.teacher_teams.readings_dialog import ReadingsDialog

pytestmark = pytest.mark.usefixtures("app_look")


def team_of(journal: Journal, observation_id: int) -> int | None:
    with journal.session() as s:
        row = s.get(Observation, observation_id)
        assert row is not None
        return row.team_id


def test_a_team_is_deleted_after_asking_and_stays_gone(qtbot: QtBot, journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    mistake = add_team(journal, "Grade 6 (typo)")
    add_data_point(journal, mistake.id or 0, "Plans", "")
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_teacher_teams(keys, window)
    assert page.select_team(mistake.id or 0)

    # Cancel, the default, keeps it.
    keys.then_in(QMessageBox, lambda _box: keys.enter())
    tab_to(keys, lambda w: w is page.teams)
    keys.press(Key.Key_Delete)
    settle()
    assert len(list_teams(journal)) == 2

    # Delete removes it; the other team is shown and the list keeps the focus.
    keys.then_in(QMessageBox, lambda _box: press(keys, "Delete"))
    keys.press(Key.Key_Delete)
    qtbot.waitUntil(lambda: len(list_teams(journal)) == 1)
    assert page.teams.count() == 1 and page.view.name.text() == "Grade 6"
    assert window.focusWidget() is page.teams

    # The Delete… button beside Archive does the same for the last one.
    keys.then_in(QMessageBox, lambda _box: press(keys, "Delete"))
    press(keys, "Delete…")
    qtbot.waitUntil(lambda: not list_teams(journal))
    assert page.stack.currentWidget() is page.empty
    window.release()
    path = journal.path
    journal.close()
    reopened = Journal.open(path, PASSPHRASE)
    assert list_teams(reopened, include_archived=True) == []
    reopened.close()


def test_a_reading_is_corrected_in_place_by_keys(qtbot: QtBot, journal: Journal) -> None:
    team = add_team(journal, "Grade 7")
    point = add_data_point(journal, team.id or 0, "Reteach plans", "of 5")
    wednesday = date.today() - timedelta(days=(date.today().weekday() - 2) % 7)
    chosen: list[date] = []
    add_value(journal, point.id or 0, 4, wednesday - timedelta(days=10))
    add_value(journal, point.id or 0, 22, wednesday)  # meant 2, on another day
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    to_teacher_teams(keys, window)

    def fix(dialog: ReadingDialog) -> None:
        assert focused() is dialog.value and dialog.value.selectedText() == "22"
        keys.type("2")
        keys.tab()
        keys.press(Key.Key_Down)  # another day
        chosen.append(dialog.measured_on.date().toPython())
        keys.enter()

    def correct(dialog: ReadingsDialog) -> None:
        keys.tab(2)  # name, unit, then the readings, the newest selected
        keys.then_in(ReadingDialog, fix)
        keys.enter()
        qtbot.waitUntil(lambda: "2 of 5" in dialog.readings.item(0).text())
        keys.escape()

    corrected = keys.then_in(ReadingsDialog, correct)
    press(keys, "Edit…")
    qtbot.waitUntil(lambda: bool(corrected) and not corrected[0].isVisible())
    values = team_series(journal, team.id or 0)[0].values
    assert [(v.value, v.measured_on) for v in values] == [
        (4.0, wednesday - timedelta(days=10)),
        (2.0, chosen[0]),
    ]
    assert chosen[0] != wednesday
    window.release()
    assert QApplication.activeModalWidget() is None


def test_an_observation_moves_to_another_team_by_keys(qtbot: QtBot, journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    sixth = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    seventh = add_team(journal, "Grade 7", lead_ids=[maya.id or 0])
    notes = ObservationNotes(
        setting=ObservationSetting.team_meeting, evidence="Norms first", team_id=sixth.id
    )
    observation = add_observation(journal, maya.id or 0, notes)
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_teacher_teams(keys, window)
    assert page.select_team(sixth.id or 0)
    tab_to(keys, lambda w: w is page.view.observations)
    keys.press(Key.Key_Down)
    keys.enter()  # opens it on Maya's page, Observations tab
    editor = window.lead_page.observations.editor
    qtbot.waitUntil(lambda: editor.isVisible() and editor.team.isVisible())
    assert editor.team.currentData() == sixth.id
    tab_to(keys, lambda w: w is editor.team)
    keys.press(Key.Key_Down)  # Grade 6 → Grade 7
    keys.tab()
    qtbot.waitUntil(lambda: team_of(journal, observation.id or 0) == seventh.id)

    # Another setting keeps the team in sight, so the link is not dropped unseen; "No
    # particular team" unlinks it.
    tab_to(keys, lambda w: w is editor.setting)
    keys.press(Key.Key_Down, times=2)  # a feedback conversation
    assert editor.team.isVisible()
    tab_to(keys, lambda w: w is editor.team)
    keys.press(Key.Key_Home)
    keys.tab()
    qtbot.waitUntil(lambda: team_of(journal, observation.id or 0) is None)
    window.release()


def test_tab_goes_down_a_team_page_as_it_reads(qtbot: QtBot, journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    add_data_point(journal, team.id or 0, "Plans", "of 5")
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_teacher_teams(keys, window)
    view = page.view
    block = view.data.blocks[0]
    tab_to(keys, lambda w: w is view.name)
    seen = []
    for _ in range(10):
        keys.tab()
        seen.append(focused())
    expected = [
        view.archive_button,
        view.delete_button,
        view.members,
        view.meeting_day,
        view.leads,
        view.notes,
        view.data.track_button,  # no observations yet: the list is hidden
        block.add_button,
        block.edit_button,
        view.add_intervention_button,
    ]
    assert seen == expected
    window.release()
