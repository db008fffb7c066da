"""The self-check by keys: a check-in in the current wording, an old one corrected in its own,
two raters as two lines, and a weak action made into a scope period or a lead's action item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.action_item import action_items_for
from iltdesk.charter import scope_items
from iltdesk.cycle import cycles_for, start_cycle
from iltdesk.lead import add_lead
from iltdesk.models import Author, SelfCheck, SelfCheckAnswer
from iltdesk.self_check import check_ins, record_check
from iltdesk.self_check_items import CURRENT_SET, SET_1
from iltdesk.store.journal import Journal
from tests.keys import (
    TAB_LIMIT,
    DesktopKeys,
    Key,
    Keys,
    focused,
    press_button,
    settle,
    wait_for_active,
)
from tests.keys import tab_to as tab_until
from ui.kit.context import AppContext
from ui.reflect.self_check.colours import area_colour
from ui.reflect.self_check.dialog import SelfCheckDialog
from ui.reflect.self_check.frequency_picker import FrequencyPicker
from ui.reflect.self_check.page import SelfCheckPage


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda w: w.accessibleName() == name


def host(qtbot: QtBot, journal: Journal) -> SelfCheckPage:
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.activateWindow()
    wait_for_active(SelfCheckPage)
    return page


def rate_all_by_keys(keys: Keys, digit: Key) -> None:
    """Rate every action with one digit key, Tab passing the notes, then save."""
    for _ in range(TAB_LIMIT):
        widget = focused()
        if isinstance(widget, FrequencyPicker):
            if widget.value() is not None:
                break  # round to the first again: all rated
            keys.press(digit)
        keys.tab()
    keys.shortcut("Ctrl+Return")


def test_a_new_check_in_by_keys_asks_the_current_wording(qtbot: QtBot, journal: Journal) -> None:
    keys = DesktopKeys()
    host(qtbot, journal)
    press_button(keys, "Start the first check-in…")
    dialog = wait_for_active(SelfCheckDialog)
    assert dialog.wording is CURRENT_SET
    titles = [w.text() for w in dialog.findChildren(QLabel) if w.objectName() == "PageTitle"]
    assert titles == ["How often do you and your team…"]
    rate_all_by_keys(keys, Key.Key_2)
    qtbot.waitUntil(lambda: bool(check_ins(journal)))  # saved, and the dialog deleted
    (saved,) = check_ins(journal)
    assert saved.check.item_set == 2
    assert saved.answers == dict.fromkeys(CURRENT_SET.item_keys, 1)  # "2" is the 2nd: rarely


def test_an_old_check_in_is_corrected_in_its_own_words(qtbot: QtBot, journal: Journal) -> None:
    with journal.write() as s:
        old = SelfCheck(taken_on=date(2025, 5, 2), item_set=1)
        s.add(old)
        s.flush()
        for key, area in SET_1.item_area.items():
            s.add(SelfCheckAnswer(self_check_id=old.id or 0, area=area, item=key, frequency=1))
    (entry,) = check_ins(journal)
    dialog = SelfCheckDialog(AppContext(journal), editing=entry)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_for_active(SelfCheckDialog)
    assert list(dialog.pickers) == list(SET_1.item_keys)
    titles = [w.text() for w in dialog.findChildren(QLabel) if w.objectName() == "PageTitle"]
    assert titles == [SET_1.stem]
    keys = DesktopKeys()
    keys.press(Key.Key_5)  # the first action, now "always"
    keys.shortcut("Ctrl+Return")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (saved,) = check_ins(journal)
    assert saved.check.item_set == 1
    assert saved.answers[SET_1.item_keys[0]] == 4


def test_the_chart_draws_each_rater_as_its_own_line(qtbot: QtBot, journal: Journal) -> None:
    every = dict.fromkeys(CURRENT_SET.item_keys, 1)
    record_check(journal, every, taken_on=date(2025, 9, 10))
    record_check(
        journal,
        dict.fromkeys(CURRENT_SET.item_keys, 4),
        taken_on=date(2025, 9, 18),
        taken_by="team",
    )
    record_check(journal, dict.fromkeys(CURRENT_SET.item_keys, 2), taken_on=date(2025, 12, 1))
    page = host(qtbot, journal)
    for card in page.chart.cards:
        mine, team = card.series
        assert (mine.rater, team.rater) == ("principal", "team")
        assert [v for _, v in mine.points] == [1.0, 2.0]  # never through the team's 4.0
        assert [v for _, v in team.points] == [4.0]
        assert card.lead is mine and card.change == 1.0  # the latest rater's own step
    image = page.chart.grab().toImage()
    seen = {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert area_colour("talent").rgb() in seen
    assert "With the team" in page.chart.accessibleDescription().replace(
        "with the team", "With the team"
    )


def weak_journal(journal: Journal) -> None:
    answers = dict.fromkeys(CURRENT_SET.item_keys, 3) | {"data_into_goals": 0}
    record_check(journal, answers, taken_on=date(2025, 10, 1), taken_by="team")


def test_a_weak_action_becomes_a_scope_period_by_keys(qtbot: QtBot, journal: Journal) -> None:
    weak_journal(journal)
    page = host(qtbot, journal)
    keys = DesktopKeys()
    tab_until(keys, named("Actions rated rarely or never"))
    assert isinstance(focused(), QListWidget)
    keys.press(Key.Key_Home)
    tab_until(keys, named("Period"))
    keys.type("November")
    press_button(keys, "Make it")
    settle()
    (period,) = scope_items(journal)
    assert period.period == "November"
    assert period.data.startswith("Draw actionable information from data systems")
    assert page.act.confirmation.text() == "Added November to the scope and sequence (data)."


def test_a_weak_action_becomes_a_lead_action_item_by_keys(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Dana Ortiz")
    weak_journal(journal)
    page = host(qtbot, journal)
    keys = DesktopKeys()
    tab_until(keys, named("Make it into"))
    keys.press(Key.Key_Down, times=2)  # a scope period, a cycle goal, an action item
    tab_until(keys, named("Lead"))
    assert page.act.lead.currentText() == "Dana Ortiz"
    press_button(keys, "Make it")
    settle()
    (item,) = action_items_for(journal, lead.id or 0)
    assert item.owner == Author.principal
    assert item.text.startswith("Draw actionable information")
    assert "action item for Dana Ortiz" in page.act.confirmation.text()


def test_the_page_sets_the_principal_beside_the_team(qtbot: QtBot, journal: Journal) -> None:
    every = dict.fromkeys(CURRENT_SET.item_keys, 2)
    record_check(journal, every | {"watch_floor_time": 4}, taken_on=date(2026, 3, 2))
    record_check(
        journal, every | {"watch_floor_time": 1}, taken_on=date(2026, 3, 9), taken_by="team"
    )
    page = host(qtbot, journal)
    assert page.beside_title.text() == "Just me (2 Mar 2026) beside the team (9 Mar 2026)"
    doc = QTextDocument()
    doc.setHtml(page.beside.text())
    shown = " ".join(doc.toPlainText().replace("\xa0", " ").split())
    assert "Personal leadership 2.7 1.7 team −1.0" in shown
    assert "make sure every voice is heard Always Rarely team −3" in shown


def test_a_refused_cycle_goal_says_why_beside_the_button(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Dana Ortiz")
    start_cycle(journal, lead.id or 0, goal="Already on it")
    weak_journal(journal)
    page = host(qtbot, journal)
    keys = DesktopKeys()
    tab_until(keys, named("Make it into"))
    keys.press(Key.Key_Down)  # a cycle goal
    press_button(keys, "Make it")
    settle()
    assert "already has an open learning cycle" in page.act.confirmation.text()
    assert len(cycles_for(journal, lead.id or 0)) == 1
