"""A lead's tabs read the journal when first shown for that lead, never showing another lead."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from iltdesk.action_item import action_items_for
from iltdesk.lead import add_lead
from iltdesk.models import Author
from iltdesk.one_on_one import add_next_step, start_one_on_one
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.lead.page import ACTION_ITEMS, ONE_ON_ONES, OVERVIEW, TIMELINE
from ui.shell.main_window import MainWindow

TODAY = date.today()


def _lead_with_a_meeting(journal: Journal, name: str, step: str) -> tuple[int, int]:
    lead = add_lead(journal, name, on_ilt_since=TODAY - timedelta(90)).id or 0
    meeting = start_one_on_one(journal, lead, held_on=TODAY - timedelta(3))
    add_next_step(journal, meeting, step, owner=Author.lead, due_on=TODAY + timedelta(2))
    return lead, meeting.id or 0


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    return window


def _items_shown(window: MainWindow) -> list[str]:
    return [item.text for item in window.lead_page.action_items.model.items]


def test_the_lead_page_is_built_when_the_first_lead_is_opened(
    qtbot: QtBot, journal: Journal
) -> None:
    maya, _ = _lead_with_a_meeting(journal, "Maya Ortiz", "Share the protocol")
    window = _window(qtbot, journal)
    assert window.pages.count() == 1  # Today only
    assert window.lead_on_screen() is None and window.place() == {}
    window.sidebar.select_lead(maya)
    assert window.pages.currentWidget() is window.lead_page
    assert window.pages.count() == 2
    assert (lead := window.lead_on_screen()) is not None and lead.id == maya


def test_a_tab_reads_a_lead_only_when_shown_and_always_shows_the_lead_on_screen(
    qtbot: QtBot, journal: Journal
) -> None:
    maya, maya_meeting = _lead_with_a_meeting(journal, "Maya Ortiz", "Share the protocol")
    daniel, daniel_meeting = _lead_with_a_meeting(journal, "Daniel Kim", "Book the room")
    window = _window(qtbot, journal)
    window.sidebar.select_lead(maya)
    page = window.lead_page
    assert page.tabs.currentIndex() == OVERVIEW
    assert page.one_on_ones.lead_id is None and page.timeline.lead_id is None  # not read yet

    page.tabs.setCurrentIndex(ONE_ON_ONES)
    assert (meeting := page.one_on_ones.current()) is not None and meeting.id == maya_meeting
    page.tabs.setCurrentIndex(ACTION_ITEMS)
    assert _items_shown(window) == ["Share the protocol"]

    window.sidebar.select_lead(daniel)  # on the Action items tab
    assert _items_shown(window) == ["Book the room"]
    page.tabs.setCurrentIndex(ONE_ON_ONES)  # last read for Maya: read again for Daniel
    assert (meeting := page.one_on_ones.current()) is not None and meeting.id == daniel_meeting

    window.sidebar.select_lead(maya)  # on the 1:1s tab
    page.tabs.setCurrentIndex(ACTION_ITEMS)  # last read for Daniel
    assert _items_shown(window) == ["Share the protocol"]
    page.tabs.setCurrentIndex(TIMELINE)
    assert page.timeline.lead_id == maya and page.timeline.model.rowCount() > 0


def test_a_tab_already_read_hears_about_changes_made_elsewhere(
    qtbot: QtBot, journal: Journal
) -> None:
    maya, _ = _lead_with_a_meeting(journal, "Maya Ortiz", "Share the protocol")
    window = _window(qtbot, journal)
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ACTION_ITEMS)
    window.lead_page.new_one_on_one()  # Ctrl+N: to the 1:1s tab, a new 1:1 open
    editor = window.lead_page.one_on_ones.editor
    qtbot.keyClicks(editor.step_text, "Observe the data meeting")
    editor._add_step()
    assert "Observe the data meeting" in [i.text for i in action_items_for(journal, maya)]
    assert "Observe the data meeting" in _items_shown(window)


def test_place_names_a_meeting_only_once_the_1to1s_tab_showed_it(
    qtbot: QtBot, journal: Journal
) -> None:
    maya, maya_meeting = _lead_with_a_meeting(journal, "Maya Ortiz", "Share the protocol")
    daniel, _ = _lead_with_a_meeting(journal, "Daniel Kim", "Book the room")
    window = _window(qtbot, journal)
    window.sidebar.select_lead(daniel)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)  # Daniel's 1:1 is selected there
    window.lead_page.tabs.setCurrentIndex(OVERVIEW)
    window.sidebar.select_lead(maya)
    # The 1:1s tab still holds Daniel's meeting; it is not Maya's place.
    assert window.place() == {"lead": maya, "tab": OVERVIEW, "meeting": 0}

    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    place = window.place()
    assert place == {"lead": maya, "tab": ONE_ON_ONES, "meeting": maya_meeting}
    window.sidebar.select_today()
    window.go_to(place)
    assert window.lead_page.tabs.currentIndex() == ONE_ON_ONES
    assert (meeting := window.lead_page.one_on_ones.current()) is not None
    assert meeting.id == maya_meeting
