"""A meeting's members' items by keys: Space ticks one discussed, F2 rewords it, Delete removes
it after asking; what is not reached comes forward into the next meeting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from iltdesk import ilt_meeting as im
from iltdesk import meeting_members as members
from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, focused, settle, show_main_window, tab_to
from ui.kit.pages import ReflectPage
from ui.team.meetings.page import MeetingsPage

pytestmark = pytest.mark.usefixtures("app_look")


def test_members_items_ticked_reworded_and_removed_by_keys(qtbot: QtBot, journal: Journal) -> None:
    maya = add_lead(journal, "Maya Ortiz")
    meeting = im.new_meeting(journal, date.today() - timedelta(days=7))
    mid = meeting.id or 0
    for text in ("Bus duty", "Exit tickets", "Parent night"):
        members.add_agenda_item(journal, mid, text, added_by_lead_id=maya.id)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = window.reflect.pages[ReflectPage.ILT_MEETINGS]
    assert isinstance(page, MeetingsPage) and page.editor.agenda is not None
    tree = page.editor.agenda.items
    keys = DesktopKeys()
    keys.shortcut("Ctrl+3")  # the members' items part: its notes
    tab_to(keys, lambda w: w is tree)
    keys.press(Key.Key_Space)  # "Bus duty" was discussed
    keys.press(Key.Key_Down)
    keys.press(Key.Key_F2)
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type("Exit tickets in grades 6 to 8")
    keys.enter()
    settle()
    assert focused() is tree or tree.isAncestorOf(focused())

    def delete(box: QMessageBox) -> None:
        tab_to(keys, lambda w: isinstance(w, QPushButton) and w.text() == "Delete")
        keys.press(Key.Key_Space)

    asked = keys.then_in(QMessageBox, delete)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Delete)  # "Parent night" goes, after asking
    qtbot.waitUntil(lambda: bool(asked) and len(members.agenda_items(journal, mid)) == 2)
    items = members.agenda_items(journal, mid)
    assert [(i.text, i.discussed) for i in items] == [
        ("Bus duty", True),
        ("Exit tickets in grades 6 to 8", False),
    ]
    later = im.new_meeting(journal)
    assert [i.text for i in members.agenda_items(journal, later.id or 0)] == [
        "Exit tickets in grades 6 to 8"
    ]
