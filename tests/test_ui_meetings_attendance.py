"""A member who joined the ILT after a meeting was made is offered in that meeting's
attendance, unticked, and ticked there by Space; one who has left since keeps their tick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iltdesk import ilt_meeting as im
from iltdesk import meeting_members as members
from iltdesk.lead import add_lead, set_archived
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, show_main_window, tab_to
from ui.kit.pages import ReflectPage
from ui.team.meetings.page import MeetingsPage

pytestmark = pytest.mark.usefixtures("app_look")


def _rows(page: MeetingsPage) -> list[tuple[str, bool]]:
    listed = page.editor.attendance
    return [
        (listed.item(i).text(), listed.item(i).checkState() == Qt.CheckState.Checked)
        for i in range(listed.count())
    ]


def test_a_member_who_joined_since_is_offered_and_ticked_by_space(
    qtbot: QtBot, journal: Journal
) -> None:
    add_lead(journal, "Maya Ortiz")
    left = add_lead(journal, "Ben Adler")
    meeting = im.new_meeting(journal)  # Maya and Ben were there
    set_archived(journal, left.id or 0, True)  # Ben has left the ILT since
    cara = add_lead(journal, "Cara Diaz")  # and Cara has joined
    window = show_main_window(qtbot, journal)
    window.resize(1024, 700)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = window.reflect.pages[ReflectPage.ILT_MEETINGS]
    assert isinstance(page, MeetingsPage)
    assert _rows(page) == [("Ben Adler", True), ("Cara Diaz", False), ("Maya Ortiz", True)]
    assert page.editor.attendance_label.text() == "Attendance (2 of 3)"
    agenda = page.editor.agenda
    assert agenda is not None
    assert agenda.by.findData(cara.id) >= 0  # she can have put an item on the agenda too

    keys = DesktopKeys()
    tab_to(keys, lambda w: w is page.editor.attendance)
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    assert _rows(page)[1] == ("Cara Diaz", True)
    assert page.editor.attendance_label.text() == "Attendance (3 of 3)"
    assert [(lead.name, here) for lead, here in members.attendance(journal, meeting.id or 0)] == [
        ("Ben Adler", True),
        ("Cara Diaz", True),
        ("Maya Ortiz", True),
    ]
