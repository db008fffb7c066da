"""The lead page at 1024x700 with what the team features add: a team item shared by four
leads leaves the action its room, and a veteran coach's row is shown whole on the Overview."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.coach import save_coach
from iltdesk.lead import add_lead
from iltdesk.models import CoachKind
from iltdesk.store.journal import Journal
from iltdesk.team_action import add_team_item
from tests.keys import settle
from ui.kit.context import AppContext
from ui.lead.action_items import OWNER_COLUMN
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")
NAMES = ("Grace Lindqvist", "Marcus Feld", "Priya Natarajan", "Tomás Villanueva")


def test_four_owners_leave_the_action_its_room_and_a_coach_shows_whole(
    qtbot: QtBot, journal: Journal
) -> None:
    leads = [add_lead(journal, name) for name in NAMES]
    ids = [lead.id or 0 for lead in leads]
    add_team_item(journal, "Start the tracker with your team and bring a week of it", owners=ids)
    save_coach(
        journal,
        ids[0],
        None,
        kind=CoachKind.veteran_lead,
        coach_lead_id=ids[1],
        name="",
        focus="Running team and data meetings that end in dated plans for named students",
        since=date(2026, 11, 18),
        until=None,
    )
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_lead(ids[0])
    settle()
    coaches = window.lead_page.overview.coaches.list
    # Measured once the width has settled (rows wrap), so waited for.
    qtbot.waitUntil(
        lambda: coaches.height() >= coaches.sizeHintForRow(0) + 2 * coaches.frameWidth()
    )

    page = window.lead_page
    page.tabs.setCurrentWidget(page.action_items)
    settle()
    table = page.action_items.table
    owners = table.model().index(0, OWNER_COLUMN)
    assert all(name in str(owners.data(3)) for name in NAMES)  # whole, in its tooltip
    assert table.columnWidth(OWNER_COLUMN) <= table.viewport().width() // 4
    assert table.columnWidth(1) > table.columnWidth(OWNER_COLUMN)
    window.release()
