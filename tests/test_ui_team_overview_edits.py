"""Correcting and removing on the Team overview by keys: Enter opens a gathering to write what
each member brought (F2 in the table), Delete asks before removing joint practice; and a
search hit for a record of an earlier school year opens that year with the record selected."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.models import LearningKind, PracticeKind
from iltdesk.practice import add_practice, practices
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from iltdesk.team_learning import Member, add_event, get_event, year_name
from tests.keys import DesktopKeys, Key, focused, press_button, tab_to, wait_for_active
from ui.kit.context import AppContext
from ui.kit.pages import ReflectPage
from ui.shell.main_window import MainWindow
from ui.team.overview.event_dialog import LearningEventDialog
from ui.team.overview.members import BROUGHT
from ui.team.overview.page import TeamOverviewPage

pytestmark = pytest.mark.usefixtures("app_look")

TOOL = "Follow-through tracker"


def host(qtbot: QtBot, journal: Journal) -> TeamOverviewPage:
    page = TeamOverviewPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1100, 860)
    page.show()
    page.activateWindow()
    return wait_for_active(TeamOverviewPage)


def test_enter_opens_a_gathering_to_write_what_a_member_brought(
    qtbot: QtBot, journal: Journal
) -> None:
    jo = add_lead(journal, "Jo Park").id or 0
    maya = add_lead(journal, "Maya Ortiz").id or 0
    row = add_event(journal, LearningKind.gathering, members=[Member(jo, brought="Calendar")])
    page = host(qtbot, journal)
    keys = DesktopKeys()
    closed: list[bool] = []

    def bring(dialog: LearningEventDialog) -> None:
        assert dialog.kind.currentData() == "gathering"
        tab_to(keys, lambda w: w is dialog.members)
        keys.press(Key.Key_Down)  # Maya Ortiz, who was not on it yet
        keys.press(Key.Key_Right)
        assert dialog.members.currentColumn() == BROUGHT
        keys.press(Key.Key_F2)
        keys.type(TOOL)
        keys.enter()  # the cell keeps it; bringing a tool means she came
        press_button(keys, "Save")
        closed.append(not dialog.isVisible())

    tab_to(keys, lambda w: w is page.events)
    keys.then_in(LearningEventDialog, bring)
    keys.enter()
    qtbot.waitUntil(lambda: bool(closed))
    kept = get_event(journal, row.id or 0)
    assert {m.lead_id: (m.role.value, m.brought) for m in kept.members} == {
        jo: ("came", "Calendar"),
        maya: ("came", TOOL),
    }
    assert "2 came (Jo Park, Maya Ortiz)" in page.events.item(0).text()


def test_delete_asks_then_removes_joint_practice(qtbot: QtBot, journal: Journal) -> None:
    add_practice(journal, PracticeKind.data_meeting, focus="Unit 2 exit tickets")
    page = host(qtbot, journal)
    keys = DesktopKeys()
    asked: list[str] = []

    def confirm(box: QMessageBox) -> None:
        asked.append(box.text())
        assert focused().text() == "Cancel"  # type: ignore[attr-defined]
        press_button(keys, "Delete")

    tab_to(keys, lambda w: w is page.practices)
    keys.then_in(QMessageBox, confirm)
    keys.press(Key.Key_Delete)
    qtbot.waitUntil(lambda: not practices(journal))
    assert asked and asked[0].startswith("Data meeting, planned or debriefed together")
    assert page.practices.item(0).text() == "Nothing recorded in this school year yet."


def test_a_search_hit_from_an_earlier_year_opens_that_year_selected(
    qtbot: QtBot, journal: Journal
) -> None:
    long_ago = date.today() - timedelta(days=800)
    old = add_practice(
        journal,
        PracticeKind.joint_observation,
        happened_on=long_ago,
        focus="Ms. Ruiz's reading block",
    )
    add_practice(journal, PracticeKind.peer_observation, focus="Each other's coaching")
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    [hit] = search(journal, "Ruiz")
    assert hit.kind is RecordKind.JOINT_PRACTICE
    window.context.open_record.emit(hit.kind, hit.record_id)
    page = window.reflect.pages[ReflectPage.TEAM_OVERVIEW]
    assert window.pages.currentWidget() is page
    assert isinstance(page, TeamOverviewPage)
    assert page.year.currentText() == year_name(long_ago)
    assert page.practices.current_id() == old.id and page.practices.count() == 1
    window.release()


def test_a_calibrations_spread_is_drawn_before_quiet_and_after_in_the_accent(
    qtbot: QtBot, journal: Journal
) -> None:
    from PySide6.QtGui import QColor

    from iltdesk.practice import set_ratings
    from ui.team.overview.charts import ROW_HEIGHT, round_colour

    row = add_practice(journal, PracticeKind.calibration, focus="Video", indicator="3b")
    set_ratings(journal, row.id or 0, before=[1, 4], after=[3, 3, 3])
    page = host(qtbot, journal)
    chart = page.spread
    assert chart.isVisible()
    image = chart.grab().toImage()
    ratio = chart.devicePixelRatioF()

    def at(level: int, row_index: int) -> QColor:
        x, y = chart.level_x(level), row_index * ROW_HEIGHT + ROW_HEIGHT / 2
        return image.pixelColor(int(x * ratio), int(y * ratio))

    assert at(1, 0) == round_colour(after=False) and at(4, 0) == round_colour(after=False)
    assert at(3, 1) == round_colour(after=True)
    assert at(1, 1) != round_colour(after=True)  # nobody rated 1 after norming
    assert "after norming: 3 ratings all 3" in chart.accessibleDescription().lower()
