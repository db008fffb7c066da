"""A team item in the app, by keys: Today lists it with its owners; an owner's Action items
tab shows it, marked as the team's with its meeting's day, and ticks it done."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iltdesk import dates
from iltdesk.ilt_meeting import new_meeting
from iltdesk.lead import add_lead
from iltdesk.models import IltMeeting
from iltdesk.store.journal import Journal
from iltdesk.team_action import add_team_item, team_items
from tests.keys import DesktopKeys, Key, Mod, focused, show_main_window, tab_to
from ui.lead.page import ACTION_ITEMS
from ui.navigation.switcher import QuickSwitcher
from ui.navigation.today_page import ROW_ROLE

pytestmark = pytest.mark.usefixtures("app_look")

TODAY = date.today()


def test_an_owner_sees_a_team_item_on_today_and_their_page_and_ticks_it_done(
    qtbot: QtBot, journal: Journal
) -> None:
    ana, ben = add_lead(journal, "Ana Ruiz").id, add_lead(journal, "Ben Lee").id
    assert ana is not None and ben is not None
    add_lead(journal, "Cleo Park")
    held_on = TODAY - timedelta(days=3)
    with journal.write() as s:
        meeting = IltMeeting(held_on=held_on, title="ILT")
        s.add(meeting)
    item = add_team_item(
        journal, "Bring one piece of student work", owners=[ana, ben], principal=True,
        due_on=TODAY - timedelta(days=1), meeting_id=meeting.id,
    )  # fmt: skip
    window = show_main_window(qtbot, journal)
    assert window.pages.currentWidget() is window.today

    # Today: overdue, the team's, with everyone who owns it.
    rows = [
        window.today.tree.topLevelItem(h).child(c).data(0, ROW_ROLE)  # type: ignore[union-attr]
        for h in range(window.today.tree.topLevelItemCount())
        for c in range(window.today.tree.topLevelItem(h).childCount())  # type: ignore[union-attr]
    ]
    [row] = [r for r in rows if r.record_id == item.id]
    assert (row.section, row.lead_name) == ("Overdue action items", "ILT")
    assert row.detail == "1 day overdue · You, Ana Ruiz and Ben Lee"

    # Ben's page: Ctrl+K, his name, Enter; Ctrl+Tab to Action items.
    keys = DesktopKeys()

    def go_to(_dialog: QuickSwitcher) -> None:
        keys.type("ben")
        keys.enter()

    keys.then_in(QuickSwitcher, go_to)
    keys.shortcut("Ctrl+K")
    page = window.lead_page
    qtbot.waitUntil(lambda: page.lead is not None and page.lead.id == ben)
    tab_to(keys, lambda w: page.tabs.isAncestorOf(w) or w is page.tabs.tabBar())
    for _ in range(page.tabs.count()):
        if page.tabs.currentIndex() == ACTION_ITEMS:
            break
        keys.press(Key.Key_Tab, Mod.ControlModifier)
    assert page.tabs.currentIndex() == ACTION_ITEMS
    view = page.action_items
    model = view.model
    [shown] = [r for r, i in enumerate(model.items) if i.id == item.id]
    owners = model.index(shown, 2).data(Qt.ItemDataRole.DisplayRole)
    origin = model.index(shown, 4).data(Qt.ItemDataRole.DisplayRole)
    assert owners == "You, Ana Ruiz and Ben Lee"
    assert origin == f"Team · ILT {dates.list_date(held_on)}"

    tab_to(keys, lambda w: w is view.table)
    keys.press(Key.Key_Home, Mod.ControlModifier)
    keys.press(Key.Key_Down, times=shown)
    keys.press(Key.Key_Space)
    assert team_items(journal, open_only=True) == []
    assert model.index(shown, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert focused() is view.table


def test_enter_on_todays_team_row_opens_its_meeting_at_the_item(
    qtbot: QtBot, journal: Journal
) -> None:
    ana = add_lead(journal, "Ana Ruiz").id
    assert ana is not None
    meeting = new_meeting(journal, TODAY - timedelta(days=3))  # with its template's parts
    item = add_team_item(
        journal, "Bring one piece of student work", owners=[ana], due_on=TODAY,
        meeting_id=meeting.id,
    )  # fmt: skip
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    tree = window.today.tree
    tab_to(keys, lambda w: w is tree)
    for _ in range(10):
        current = tree.currentItem()
        row = current.data(0, ROW_ROLE) if current is not None else None
        if row is not None and row.record_id == item.id:
            break
        keys.press(Key.Key_Down)
    keys.enter()
    shown = window.pages.currentWidget()
    assert type(shown).__name__ == "MeetingsPage"
    view = shown.editor.team_items  # type: ignore[attr-defined]
    assert view is not None and view.current_item().id == item.id
    assert focused() is view.tree
