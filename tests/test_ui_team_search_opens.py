"""A search hit on a team record that names a lead (a member's agenda item, a lead's
difficult conversation) opens its Team page, not the lead's page."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.models import DifficultConversation, IltMeeting, Lead, MeetingAgendaItem
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, settle, show_main_window
from ui.kit.pages import ReflectPage
from ui.navigation.search_dialog import SearchDialog

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
