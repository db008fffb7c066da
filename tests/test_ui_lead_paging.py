"""A lead with many records: the 1:1s and action items are read a page at a time, and keys,
scrolling and search still reach the oldest ones, shown and selected."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from iltdesk import action_item
from iltdesk.lead import add_lead
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.keys import Keys, settle, show_main_window
from ui.lead.action_item_pages import PAGE as ITEMS_PAGE
from ui.lead.one_on_ones.list_model import PAGE as NOTES_PAGE
from ui.lead.page import ACTION_ITEMS, ONE_ON_ONES, OVERVIEW
from ui.shell.main_window import MainWindow

TODAY = date.today()
Key, Mod = Qt.Key, Qt.KeyboardModifier
MEETINGS = NOTES_PAGE * 2 + 10  # three pages of notes
ITEMS = ITEMS_PAGE * 2 + 10  # three pages of items


def _lead_with_meetings(journal: Journal) -> tuple[int, list[int]]:
    """A lead with ``MEETINGS`` 1:1s, one a week back from last week; their ids newest first."""
    lead = add_lead(journal, "Maya Ortiz", on_ilt_since=TODAY - timedelta(days=7 * MEETINGS)).id
    assert lead is not None
    ids = []
    for week in range(1, MEETINGS + 1):
        meeting = start_one_on_one(journal, lead, held_on=TODAY - timedelta(days=7 * week))
        save_one_on_one(journal, meeting.id or 0, notes=f"Week {week} back: the data protocol")
        ids.append(meeting.id or 0)
    return lead, ids


def _lead_with_items(journal: Journal) -> tuple[int, list[int]]:
    """A lead with a few open items and many done ones; their ids in the list's order (open by
    due date, then done newest first)."""
    lead = add_lead(journal, "Daniel Kim", on_ilt_since=TODAY - timedelta(days=400)).id
    assert lead is not None
    open_ids = [
        action_item.add_action_item(journal, lead, f"Open {n}", due_on=TODAY + timedelta(n)).id
        for n in range(5)
    ]
    done_ids = []
    for n in range(ITEMS - 5):
        item = action_item.add_action_item(journal, lead, f"Done {n} days ago")
        action_item.set_done(journal, item.id or 0, True, on=TODAY - timedelta(days=n))
        done_ids.append(item.id or 0)
    return lead, [i or 0 for i in open_ids] + done_ids


def _on_tab(window: MainWindow, keys: Keys, tab: int) -> None:
    """Ctrl+Tab from the lead's Overview until ``tab`` shows, as a person moves along."""
    page = window.lead_page
    assert page.tabs.currentIndex() == OVERVIEW
    page.tabs.setFocus()
    for _ in range(tab):
        keys.press(Key.Key_Tab, Mod.ControlModifier)
    assert page.tabs.currentIndex() == tab


def test_keys_reach_the_oldest_1_1_of_many_with_its_notes(qtbot: QtBot, journal: Journal) -> None:
    lead, ids = _lead_with_meetings(journal)
    window = show_main_window(qtbot, journal)
    window.sidebar.select_lead(lead)
    keys = Keys()
    _on_tab(window, keys, ONE_ON_ONES)
    view = window.lead_page.one_on_ones
    assert view.model.rowCount() == MEETINGS  # every 1:1 has its row, in order
    assert (meeting := view.current()) is not None and meeting.id == ids[0]
    view.timeline.setFocus()
    keys.press(Key.Key_End)
    assert (meeting := view.current()) is not None and meeting.id == ids[-1]
    assert meeting.notes == f"Week {MEETINGS} back: the data protocol"
    shown = str(view.timeline.currentIndex().data())
    assert shown.endswith(f"Week {MEETINGS} back: the data protocol")
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Down, times=NOTES_PAGE + 1)  # into the second page, a row at a time
    assert (meeting := view.current()) is not None and meeting.id == ids[NOTES_PAGE + 1]
    assert str(view.timeline.currentIndex().data()).endswith(
        f"Week {NOTES_PAGE + 2} back: the data protocol"
    )


def test_a_1_1_opened_from_search_in_an_old_page_is_shown_and_selected(
    qtbot: QtBot, journal: Journal
) -> None:
    lead, ids = _lead_with_meetings(journal)
    window = show_main_window(qtbot, journal)
    oldest = ids[-1]
    window.context.open_record.emit("one_on_one", oldest)
    settle()
    page = window.lead_page
    view = page.one_on_ones
    assert (page.lead and page.lead.id, page.tabs.currentIndex()) == (lead, ONE_ON_ONES)
    assert (meeting := view.current()) is not None and meeting.id == oldest
    index = view.timeline.currentIndex()
    assert view.timeline.selectionModel().isSelected(index)
    assert view.timeline.viewport().rect().intersects(view.timeline.visualRect(index))
    assert str(index.data()).endswith(f"Week {MEETINGS} back: the data protocol")


def _selected_item(window: MainWindow) -> int | None:
    view = window.lead_page.action_items
    rows = view.table.selectionModel().selectedRows()
    return view.model.items[rows[0].row()].id if len(rows) == 1 else None


def _current_item(window: MainWindow) -> int | None:
    """The item under the cursor (Ctrl moves the cursor without selecting)."""
    view = window.lead_page.action_items
    index = view.table.currentIndex()
    return view.model.items[index.row()].id if index.isValid() else None


def test_keys_page_through_many_action_items_to_the_oldest(qtbot: QtBot, journal: Journal) -> None:
    lead, ids = _lead_with_items(journal)
    window = show_main_window(qtbot, journal)
    window.sidebar.select_lead(lead)
    keys = Keys()
    _on_tab(window, keys, ACTION_ITEMS)
    view = window.lead_page.action_items
    assert view.model.rowCount() == ITEMS_PAGE < ITEMS  # one page read to begin with
    assert [i.id for i in view.model.items] == ids[:ITEMS_PAGE]
    view.table.setFocus()
    keys.press(Key.Key_Down, times=ITEMS_PAGE + 1)  # row by row into the next page
    assert _selected_item(window) == ids[ITEMS_PAGE + 1]
    keys.press(Key.Key_End, Mod.ControlModifier)  # the very last, read or not
    assert _current_item(window) == ids[-1]
    assert [i.id for i in view.model.items] == ids  # every item, once, in the list's order
    keys.press(Key.Key_Home, Mod.ControlModifier)
    assert _current_item(window) == ids[0]


def test_scrolling_the_action_items_reads_on(qtbot: QtBot, journal: Journal) -> None:
    lead, ids = _lead_with_items(journal)
    window = show_main_window(qtbot, journal)
    window.sidebar.select_lead(lead)
    keys = Keys()
    _on_tab(window, keys, ACTION_ITEMS)
    table = window.lead_page.action_items.table
    table.setFocus()
    for _ in range(ITEMS):  # Page Down, as often as it takes
        keys.press(Key.Key_PageDown)
        if _selected_item(window) == ids[-1]:
            break
    assert _selected_item(window) == ids[-1]
    assert table.verticalScrollBar().value() == table.verticalScrollBar().maximum()


def test_an_old_action_item_opened_from_search_is_read_shown_and_selected(
    qtbot: QtBot, journal: Journal
) -> None:
    lead, ids = _lead_with_items(journal)
    window = show_main_window(qtbot, journal)
    page = window.lead_page
    page.action_items.show_done.setChecked(False)  # hidden done items come back for it
    window.context.open_record.emit("action_item", ids[-1])
    settle()
    assert (page.lead and page.lead.id, page.tabs.currentIndex()) == (lead, ACTION_ITEMS)
    assert page.action_items.show_done.isChecked() and _selected_item(window) == ids[-1]
    table = page.action_items.table
    index = table.currentIndex()
    assert table.viewport().rect().intersects(table.visualRect(index))
    assert table.model().index(index.row(), 1).data() == f"Done {ITEMS - 6} days ago"
    assert table.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
