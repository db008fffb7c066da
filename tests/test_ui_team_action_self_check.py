"""Issue 18's last piece by keys: a weak self-check action becomes an ILT action item the
team owns (source: the self-check), with the owners ticked in the panel."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.models import ActionSource, Author
from iltdesk.self_check import record_check
from iltdesk.self_check_actions import Outcome
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from iltdesk.team_action import owners_of, team_items
from tests.keys import DesktopKeys, Key, focused, press_button, settle, tab_to, wait_for_active
from ui.kit.context import AppContext
from ui.reflect.self_check.page import SelfCheckPage


def test_a_weak_action_becomes_an_ilt_action_item_by_keys(qtbot: QtBot, journal: Journal) -> None:
    dana = add_lead(journal, "Dana Ortiz").id
    add_lead(journal, "Eli Brooks")
    answers = dict.fromkeys(CURRENT_SET.item_keys, 3) | {"data_into_goals": 0}
    record_check(journal, answers, taken_on=date(2025, 10, 1), taken_by="team")
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.activateWindow()
    wait_for_active(SelfCheckPage)
    keys = DesktopKeys()

    tab_to(keys, lambda w: w.accessibleName() == "Make it into")
    keys.press(Key.Key_End)  # the last choice: an ILT action item
    assert page.act.chosen_outcome() is Outcome.team_item
    assert not page.act.lead.isEnabled()
    tab_to(keys, lambda w: w is page.act.owners)
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Space)  # you, the principal
    keys.press(Key.Key_Down)
    assert focused() is page.act.owners and page.act.owners.currentItem().text() == "Dana Ortiz"
    keys.press(Key.Key_Space)
    press_button(keys, "Make it")
    settle()

    [item] = team_items(journal)
    assert (item.lead_id, item.owner, item.source) == (None, Author.both, ActionSource.self_check)
    assert item.text.startswith("Draw actionable information")
    assert item.due_on == date.today() + timedelta(days=7)
    assert owners_of(journal, [item.id or 0]) == {item.id: [dana]}
    assert page.act.confirmation.text() == (
        "Added an ILT action item for you and Dana Ortiz; the next meeting takes it up."
    )


def test_an_ilt_action_item_without_owners_is_refused_beside_the_button(
    qtbot: QtBot, journal: Journal
) -> None:
    add_lead(journal, "Dana Ortiz")
    answers = dict.fromkeys(CURRENT_SET.item_keys, 3) | {"data_into_goals": 0}
    record_check(journal, answers, taken_on=date(2025, 10, 1), taken_by="team")
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.activateWindow()
    wait_for_active(SelfCheckPage)
    keys = DesktopKeys()
    tab_to(keys, lambda w: w.accessibleName() == "Make it into")
    keys.press(Key.Key_End)
    press_button(keys, "Make it")
    settle()
    assert team_items(journal) == []
    assert "Choose who owns the action item" in page.act.confirmation.text()
