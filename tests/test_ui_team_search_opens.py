"""A search hit on a team record that names a lead (a member's agenda item, a lead's
difficult conversation) opens its Team page, not the lead's page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iltdesk.models import DifficultConversation, IltMeeting, Lead, MeetingAgendaItem
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, choose_in_menu, settle, show_main_window
from ui.kit.pages import ReflectPage
from ui.navigation.search_dialog import SearchDialog
from ui.navigation.switcher import QuickSwitcher

pytestmark = pytest.mark.usefixtures("app_look")


def _records(journal: Journal) -> None:
    with journal.write() as s:
        lead = Lead(name="Ana Ruiz")
        s.add(lead)
        meeting = IltMeeting(held_on=date(2026, 11, 3), title="November ILT")
        s.add(meeting)
        s.flush()
        s.add(
            MeetingAgendaItem(
                meeting_id=meeting.id or 0, added_by_lead_id=lead.id, text="Quokka rota"
            )
        )
        s.add(
            DifficultConversation(
                lead_id=lead.id, with_whom="Mr Pangolin", goal="Agree the reteach plan"
            )
        )


@pytest.mark.parametrize(
    ("words", "page_key"),
    [("quokka", ReflectPage.ILT_MEETINGS), ("pangolin", ReflectPage.CONVERSATIONS)],
)
def test_a_team_hit_with_a_lead_opens_its_team_page(
    qtbot: QtBot, journal: Journal, words: str, page_key: ReflectPage
) -> None:
    _records(journal)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()

    def find(dialog: SearchDialog) -> None:
        keys.type(words)
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
        keys.enter()

    keys.then_in(SearchDialog, find)
    keys.shortcut("Ctrl+F")
    qtbot.waitUntil(
        lambda: window.pages.currentWidget() is window.reflect.pages.get(page_key), timeout=3000
    )
    settle()
    assert window.lead_on_screen() is None
    window.release()


def test_the_principals_own_follow_up_opens_its_conversation(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.conversation import add_conversation, add_follow_up
    from iltdesk.models import ConversationHolder
    from ui.team.conversations.page import ConversationsPage

    own = add_conversation(journal, ConversationHolder.principal, with_whom="The union rep")
    add_follow_up(journal, own.id or 0, "Send the wombat minutes")
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()

    def find(dialog: SearchDialog) -> None:
        keys.type("wombat")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
        keys.enter()

    keys.then_in(SearchDialog, find)
    keys.shortcut("Ctrl+F")
    page = window.reflect.pages.get(ReflectPage.CONVERSATIONS)
    qtbot.waitUntil(lambda: page is not None and window.pages.currentWidget() is page)
    assert isinstance(page, ConversationsPage)
    settle()
    conversation = page.editor.conversation
    assert conversation is not None and conversation.id == own.id
    window.release()


def test_team_menu_plans_a_difficult_conversation(qtbot: QtBot, journal: Journal) -> None:
    from ui.team.conversations.new_dialog import NewConversationDialog

    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    shown: list[NewConversationDialog] = keys.then_in(
        NewConversationDialog, lambda _dialog: keys.escape()
    )
    choose_in_menu(keys, "Plan a &difficult conversation…")
    keys.shortcut("Alt+M")
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    settle()
    page = window.reflect.pages.get(ReflectPage.CONVERSATIONS)
    assert page is not None and window.pages.currentWidget() is page
    window.release()


def test_a_closed_search_and_switcher_leave_nothing_behind(qtbot: QtBot, journal: Journal) -> None:
    _records(journal)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    for _ in range(2):

        def look(dialog: SearchDialog) -> None:
            keys.type("quokka")
            qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
            keys.escape()

        keys.then_in(SearchDialog, look)
        keys.shortcut("Ctrl+F")
        keys.then_in(QuickSwitcher, lambda _switcher: keys.escape())
        keys.shortcut("Ctrl+K")
    settle()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Each closed window is gone, with the hits' texts it held.
    assert window.findChildren(SearchDialog) == []
    assert window.findChildren(QuickSwitcher) == []
