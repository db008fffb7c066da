"""Teacher teams by keys: reached by Alt+G then E from the main window at 1024×700, a team
added with the lead who runs it, something to track and two dated readings, an intervention
that keeps the lead in charge; everything read back after the journal is closed and opened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.models import InterventionKind, ObservationSetting
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.teacher_team import (
    add_team,
    get_team,
    interventions_for,
    leads_of,
    list_teams,
)
from iltdesk.teacher_team_data import add_data_point, add_value, team_series
from iltdesk.teacher_team_today import quiet_weeks
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Keys, Mod, focused, settle, tab_to, wait_for_active
from tests.keys import press_button as press
from ui.kit.context import AppContext
from ui.kit.pages import ReflectPage
from ui.shell.main_window import MainWindow
from ui.team.teacher_teams.dialogs import DataPointDialog, NewTeamDialog, ReadingDialog
from ui.team.teacher_teams.intervention_dialog import InterventionDialog
from ui.team.teacher_teams.page import TeacherTeamsPage
from ui.team.teacher_teams.readings_dialog import ReadingsDialog
from ui.team.teacher_teams.rows import RECORD_ROLE

pytestmark = pytest.mark.usefixtures("app_look")
WHAT = "Put Maya in touch with the math coach; Maya set the agenda and invited her"
WHY = "The team stalled on the unit assessment"
FOLLOWED = "Maya now books the coach herself"


def window_on(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.activateWindow()
    return wait_for_active(MainWindow)


def to_teacher_teams(keys: Keys, window: MainWindow) -> TeacherTeamsPage:
    """Alt+G opens the Go menu; E picks Teacher teams."""
    keys.shortcut("Alt+G")
    keys.type("e")
    settle()
    page = window.reflect.pages[ReflectPage.TEACHER_TEAMS]
    assert isinstance(page, TeacherTeamsPage) and window.pages.currentWidget() is page
    return page


def test_a_team_a_reading_and_an_intervention_by_keys_read_back_after_reopening(
    qtbot: QtBot, journal: Journal
) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_teacher_teams(keys, window)
    assert page.stack.currentWidget() is page.empty

    def new_team(dialog: NewTeamDialog) -> None:
        assert focused() is dialog.name
        keys.type("Grade 6")
        keys.tab()
        assert focused() is dialog.members
        keys.type("5")
        keys.tab()
        keys.type("Thursdays after school")
        keys.tab()
        assert focused() is dialog.leads
        keys.press(Key.Key_Space)  # Maya runs it
        press(keys, "Add the team")

    keys.then_in(NewTeamDialog, new_team)
    press(keys, "New team…")
    qtbot.waitUntil(lambda: bool(list_teams(journal)))
    [team] = list_teams(journal)
    assert (team.name, team.members_count, team.meeting_day) == (
        "Grade 6",
        5,
        "Thursdays after school",
    )
    assert [lead.id for lead in leads_of(journal, team.id or 0)] == [maya.id]
    assert page.teams.item(0).text() == "Grade 6\nrun by Maya Ortiz"
    assert page.stack.currentWidget() is page.view

    def track(dialog: DataPointDialog) -> None:
        keys.type("Left the data meeting with a reteach plan")
        keys.tab()
        keys.type("of 5")
        keys.enter()

    # The new team's page has the focus on "Track something new…".
    tracked = keys.then_in(DataPointDialog, track)
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: bool(tracked))
    qtbot.waitUntil(lambda: bool(page.view.data.blocks))

    def reading(value: str, days_back: int) -> None:
        def act(dialog: ReadingDialog) -> None:
            assert focused() is dialog.value
            keys.type(value)
            keys.tab()
            assert focused() is dialog.measured_on
            keys.press(Key.Key_Down, times=days_back)  # the day before, and before that
            press(keys, "Add the reading")

        # The focus is on the data point's "Add a reading…", as it was left.
        shown = keys.then_in(ReadingDialog, act)
        keys.press(Key.Key_Space)
        qtbot.waitUntil(lambda: bool(shown))

    reading("3", 2)
    qtbot.waitUntil(lambda: len(team_series(journal, team.id or 0)[0].values) == 1)
    reading("2", 0)
    qtbot.waitUntil(lambda: len(team_series(journal, team.id or 0)[0].values) == 2)
    [block] = page.view.data.blocks
    assert block.chart.points[-1] == (date.today(), 2.0)
    assert "2 of 5" in block.latest.text()

    def intervene(dialog: InterventionDialog) -> None:
        assert focused() is dialog.what
        keys.type(WHAT)
        keys.tab()
        assert focused() is dialog.why
        keys.type(WHY)
        keys.tab()
        keys.type(FOLLOWED)
        keys.press(Key.Key_H, Mod.AltModifier)  # "&How" she stepped in
        assert focused() is dialog.kind
        keys.press(Key.Key_Down)  # from "Added support" to "Sat in on a meeting"
        keys.shortcut("Ctrl+Return")

    keys.then_in(InterventionDialog, intervene)
    press(keys, "Add an intervention…")
    qtbot.waitUntil(lambda: bool(interventions_for(journal, team.id or 0)))
    assert page.view.interventions.count() == 1
    window.release()
    settle()

    path = journal.path
    journal.close()
    again = Journal.open(path, PASSPHRASE)
    try:
        stored = get_team(again, team.id or 0)
        assert (stored.name, stored.members_count) == ("Grade 6", 5)
        [series] = team_series(again, team.id or 0)
        assert (series.point.name, series.point.unit) == (
            "Left the data meeting with a reteach plan",
            "of 5",
        )
        readings = [(v.measured_on, v.value) for v in series.values]
        assert readings[-1] == (date.today(), 2.0)
        assert readings[0][1] == 3.0 and readings[0][0] < date.today()
        [done] = interventions_for(again, team.id or 0)
        assert (done.kind, done.what, done.why, done.what_followed) == (
            InterventionKind.sat_in,
            WHAT,
            WHY,
            FOLLOWED,
        )
    finally:
        again.close()


def test_the_team_page_opens_an_observation_and_edits_its_facts_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    team = add_team(journal, "Grade 7", lead_ids=[maya.id or 0])
    observation = add_observation(
        journal,
        maya.id or 0,
        ObservationNotes(
            setting=ObservationSetting.team_meeting,
            evidence="Maya opened with the norms and the data question",
            team_id=team.id,
        ),
    )
    point = add_data_point(journal, team.id or 0, "Reteach plans", "of 5")
    for days_back, value in ((20, 4), (10, 3), (1, 2)):
        add_value(journal, point.id or 0, value, date.today() - timedelta(days=days_back))
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    opened: list[tuple[object, int]] = []
    page = to_teacher_teams(keys, window)
    window.context.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    assert "needs a look" in page.teams.item(0).text()
    assert page.view.look.isVisible() and "fell twice" in page.view.look.text()
    assert "fell twice" in page.view.data.blocks[0].chart.accessibleDescription().lower()

    tab_to(keys, lambda w: w is page.view.meeting_day)
    keys.type("Mondays, 3:30")
    keys.tab()
    qtbot.waitUntil(lambda: "Mondays" in (get_team(journal, team.id or 0).meeting_day))

    # How long a team may stay quiet before Today asks: a journal setting, by arrows.
    tab_to(keys, lambda w: w is page.weeks)
    keys.press(Key.Key_Up)
    assert quiet_weeks(journal) == 5

    # A reading entered by mistake goes, after asking; the team no longer needs a look.
    def correct(dialog: ReadingsDialog) -> None:
        keys.tab(2)
        keys.then_in(QMessageBox, lambda _box: press(keys, "Delete"))
        keys.press(Key.Key_Delete)  # the newest reading, selected
        qtbot.waitUntil(lambda: dialog.readings.count() == 2)
        keys.escape()

    corrected = keys.then_in(ReadingsDialog, correct)
    press(keys, "Edit…")
    qtbot.waitUntil(lambda: bool(corrected) and not corrected[0].isVisible())
    assert [v.value for v in team_series(journal, team.id or 0)[0].values] == [4.0, 3.0]
    assert not page.view.look.isVisible()

    tab_to(keys, lambda w: w is page.view.observations)
    keys.press(Key.Key_Down)
    keys.enter()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0] == (RecordKind.OBSERVATION, observation.id)
    window.release()
    assert QApplication.activeModalWidget() is None


def test_an_observation_of_a_team_meeting_names_the_team_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.observation import observations_for
    from ui.lead.observations.dialog import NO_TEAM, ObservationDialog
    from ui.navigation.switcher import QuickSwitcher

    maya = add_lead(journal, "Maya Ortiz")
    add_team(journal, "Grade 6", lead_ids=[maya.id or 0])
    seventh = add_team(journal, "Grade 7", lead_ids=[maya.id or 0])
    add_team(journal, "Science department")  # not Maya's: not offered
    window = window_on(qtbot, journal)
    keys = DesktopKeys()

    def find(_switcher: QuickSwitcher) -> None:
        keys.type("Maya")
        keys.enter()

    found = keys.then_in(QuickSwitcher, find)
    keys.shortcut("Ctrl+K")
    # Closed and deleted once a lead was chosen: no window is left in front.
    qtbot.waitUntil(lambda: bool(found) and QApplication.activeModalWidget() is None)

    offered: list[object] = []

    def observe(dialog: ObservationDialog) -> None:
        # Noted, not asserted here: a failed assert would leave the dialog open.
        offered.extend(dialog.team.itemText(i) for i in range(dialog.team.count()))
        offered.append(dialog.team.isVisible())  # a teacher-team meeting is the first setting
        keys.type("Maya opened with the norms; the team chose one student group")
        keys.press(Key.Key_T, Mod.AltModifier)  # "&Teacher team"
        keys.press(Key.Key_Down, times=2)
        keys.shortcut("Ctrl+Return")

    seen = keys.then_in(ObservationDialog, observe)
    keys.shortcut("Ctrl+Shift+O")
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert offered == [NO_TEAM, "Grade 6", "Grade 7", True]
    [observation] = observations_for(journal, maya.id or 0)
    assert observation.team_id == seventh.id
    window.release()


def test_search_opens_an_intervention_on_its_team_page(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.teacher_team import InterventionNotes, add_intervention
    from ui.navigation.search_dialog import SearchDialog

    add_team(journal, "Grade 6")
    team = add_team(journal, "Grade 8")
    done = add_intervention(
        journal, team.id or 0, InterventionNotes(what="Brokered a talk with the counsellor")
    )
    window = window_on(qtbot, journal)
    keys = DesktopKeys()

    def find(dialog: SearchDialog) -> None:
        keys.type("counsellor")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
        keys.enter()

    keys.then_in(SearchDialog, find)
    keys.shortcut("Ctrl+F")
    qtbot.waitUntil(
        lambda: window.reflect.pages.get(ReflectPage.TEACHER_TEAMS) is window.pages.currentWidget()
    )
    page = window.reflect.pages[ReflectPage.TEACHER_TEAMS]
    assert isinstance(page, TeacherTeamsPage)
    settle()
    assert page.selected_team_id() == team.id
    current = page.view.interventions.currentItem()
    assert current is not None and current.data(RECORD_ROLE) == done.id
    assert window.focusWidget() is page.view.interventions  # once the window is active again

    # Delete removes it, after asking.
    keys.then_in(QMessageBox, lambda _box: press(keys, "Delete"))
    keys.press(Key.Key_Delete)
    qtbot.waitUntil(lambda: not interventions_for(journal, team.id or 0))
    assert page.view.no_interventions.isVisible()
    window.release()
