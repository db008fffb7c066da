"""Empty and edge states, driven from the keyboard: a lead with nothing to export, a lead
without 1:1s after one with them, an accidental Ctrl+N, a new journal's Today, and ticking
action items in place."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.dialogs import record_boxes
from tests.keys import DesktopKeys, Keys, settle, show_main_window, wait_for_active
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    return show_main_window(qtbot, journal)


def go_to_lead(keys: Keys, name: str) -> None:
    """Ctrl+K, a few letters of the name, Enter."""
    from ui.navigation.switcher import QuickSwitcher

    def pick(_switcher: QuickSwitcher) -> None:
        keys.type(name)
        keys.enter()

    shown = keys.then_in(QuickSwitcher, pick)
    keys.shortcut("Ctrl+K")
    assert shown, "Ctrl+K did not open the lead switcher"
    settle()


def visible_text(window: QWidget) -> str:
    """Every piece of text a person could read in ``window`` now (labels, buttons, fields,
    list and table rows, tab titles), one per line."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    parts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            parts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.extend(_model_text(widget.model(), QModelIndex()))
    return "\n".join(parts)


def _model_text(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    """The text of every cell of ``model`` under ``parent``, children too."""
    from PySide6.QtCore import QAbstractListModel, Qt

    texts = []
    # A list model's column count is private in PySide: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            texts.append(str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""))
            texts.extend(_model_text(model, index))
    return texts


# -- export ---------------------------------------------------------------------------------


def test_export_for_a_lead_without_a_cycle_says_so(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+E on a lead with no learning cycle: a message saying why, not an empty dialog."""
    from ui.lead.export_dialog import ExportDialog

    add_lead(journal, "Dr. Amara Okafor")
    boxes = record_boxes(monkeypatch)
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "okafor")
    assert window.lead_on_screen() is not None
    opened: list[ExportDialog] = []
    # Were a dialog to open, it is only recorded (so that the test cannot hang on it).
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    keys.shortcut("Ctrl+E")
    assert not opened, "an empty export dialog opened"
    assert [box[1:] for box in boxes] == [
        (
            "Nothing to export yet",
            "Nothing to export yet: Dr. Okafor has no learning cycle. "
            "Start one on the Learning cycles tab.",
        )
    ]


# -- 1:1s -------------------------------------------------------------------------------------


def _lead_with_a_one_on_one(journal: Journal) -> int:
    """Maria, met last week: notes, an agenda item left for next time, an open action item."""
    from iltdesk.action_item import add_action_item
    from iltdesk.models import Author
    from iltdesk.one_on_one import add_agenda_item, save_one_on_one, start_one_on_one

    maria = add_lead(journal, "Maria Lopez").id or 0
    meeting = start_one_on_one(journal, maria, held_on=date.today() - timedelta(days=7))
    save_one_on_one(journal, meeting.id or 0, notes="MARIA-NOTES about the budget")
    add_agenda_item(journal, meeting.id or 0, "MARIA-AGENDA rota", added_by=Author.lead)
    add_action_item(journal, maria, "MARIA-ITEM send the draft", owner=Author.lead)
    return maria


def test_a_lead_without_one_on_ones_shows_none_of_the_last_leads(
    qtbot: QtBot, journal: Journal
) -> None:
    """From Maria's 1:1 to Omar, who has none: an empty state naming Omar, and nothing of
    Maria's 1:1 anywhere in the window (it once stayed there, greyed, under Omar's name)."""
    from ui.lead.page import ONE_ON_ONES

    maria = _lead_with_a_one_on_one(journal)
    add_lead(journal, "Omar Diaz")
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "maria")
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)  # the setting: Maria's 1:1 on screen
    settle()
    before = visible_text(window)
    assert "MARIA-NOTES" in before and "MARIA-AGENDA" in before and "MARIA-ITEM" in before
    go_to_lead(keys, "omar")  # opens Omar's Overview: nothing of Maria there...
    assert window.lead_page.lead is not None and window.lead_page.lead.name == "Omar Diaz"
    assert "MARIA" not in visible_text(window)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)  # ...nor on his 1:1s tab
    settle()
    shown = visible_text(window)
    assert "No 1:1s with Omar yet — Ctrl+N starts one." in shown, shown
    assert "MARIA" not in shown, [line for line in shown.splitlines() if "MARIA" in line]
    go_to_lead(keys, "maria")  # and back: Maria's 1:1 again on her 1:1s tab
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    settle()
    assert "MARIA-NOTES" in visible_text(window)
    assert maria == (window.lead_page.lead.id if window.lead_page.lead else None)


def test_an_accidental_new_one_on_one_is_dropped_and_the_lead_still_to_meet(
    qtbot: QtBot, journal: Journal
) -> None:
    """Ctrl+N, then Ctrl+T: the untouched 1:1 is gone and Omar is still in "Leads to meet"
    (it once counted as a meeting)."""
    from iltdesk.one_on_one import one_on_ones_for

    omar = add_lead(journal, "Omar Diaz", on_ilt_since=date.today() - timedelta(days=30)).id
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "omar")
    keys.shortcut("Ctrl+N")
    assert len(one_on_ones_for(journal, omar or 0)) == 1
    assert "No 1:1s with Omar" not in visible_text(window)
    keys.shortcut("Ctrl+T")
    settle()
    assert one_on_ones_for(journal, omar or 0) == []
    to_meet = dict(window.today.rows_shown()).get("Leads to meet", [])
    assert [row.title for row in to_meet] == ["Omar Diaz"]


def test_a_new_one_on_one_with_notes_is_kept(qtbot: QtBot, journal: Journal) -> None:
    """Ctrl+N, a line of notes, Ctrl+T: the 1:1 stays and counts, Omar is met."""
    from iltdesk.one_on_one import one_on_ones_for

    omar = add_lead(journal, "Omar Diaz", on_ilt_since=date.today() - timedelta(days=30)).id
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "omar")
    keys.shortcut("Ctrl+N")
    keys.type("Talked about the timetable")
    keys.shortcut("Ctrl+T")
    settle()
    assert len(one_on_ones_for(journal, omar or 0)) == 1
    assert "Leads to meet" not in dict(window.today.rows_shown())


# -- a new journal's Today ----------------------------------------------------------------------


def test_a_new_journals_today_leads_to_add_lead(qtbot: QtBot, journal: Journal) -> None:
    """No leads yet: Today welcomes and its "Add your first lead…" button has the focus, so
    Enter opens Add lead (it said "Nothing needs you today")."""
    from iltdesk.lead import lead_summaries
    from ui.lead.lead_dialog import LeadDialog

    window = _window(qtbot, journal)
    settle()
    assert window.today.welcoming()
    shown = visible_text(window)
    assert "Add your first lead…" in shown and "Nothing needs you today" not in shown
    assert QApplication.focusWidget() is window.today.add_first
    keys = DesktopKeys()

    def fill(_dialog: LeadDialog) -> None:
        keys.type("Amara Okafor")
        keys.enter()

    opened = keys.then_in(LeadDialog, fill)
    keys.enter()
    assert opened, "Enter on Today's welcome did not open Add lead"
    assert [lead.name for lead in lead_summaries(journal)] == ["Amara Okafor"]
    assert keys.count == 2
    keys.shortcut("Ctrl+T")  # Today now has a lead: no welcome
    assert not window.today.welcoming()


# -- ticking action items ---------------------------------------------------------------------


def test_ticking_an_action_item_keeps_it_under_the_cursor_and_ctrl_z_undoes_it(
    qtbot: QtBot, journal: Journal
) -> None:
    """Space ticks the current row: it stays where it is, the cursor with it (it once jumped
    to the done items at the bottom), and Ctrl+Z opens it again. Left and come back, the
    list is in its order again."""
    from PySide6.QtCore import Qt

    from iltdesk.action_item import action_items_for, add_action_item
    from ui.lead.page import ACTION_ITEMS

    maria = add_lead(journal, "Maria Lopez", on_ilt_since=date.today()).id or 0
    for days, text in ((1, "Agenda out"), (2, "Book the room"), (3, "Share the data")):
        add_action_item(journal, maria, text, due_on=date.today() + timedelta(days=days))
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "maria")
    page = window.lead_page
    page.tabs.setCurrentIndex(ACTION_ITEMS)  # the setting: Maria's action items, in focus
    view = page.action_items
    window.activateWindow()  # as the window manager does once the switcher has closed
    wait_for_active(MainWindow)
    view.table.setFocus()
    settle()

    def rows() -> list[str]:
        return [item.text for item in view.model.items]

    def done() -> set[str]:
        return {i.text for i in action_items_for(journal, maria) if i.done_on is not None}

    assert view.table.currentIndex().row() == 0  # focus comes to the first row
    keys.press(Qt.Key.Key_Down)  # to "Book the room"
    assert view.table.currentIndex().row() == 1
    keys.press(Qt.Key.Key_Space)
    assert done() == {"Book the room"}
    assert rows() == ["Agenda out", "Book the room", "Share the data"]  # not moved
    assert view.table.currentIndex().row() == 1
    keys.shortcut("Ctrl+Z")
    assert done() == set()
    assert view.table.currentIndex().row() == 1
    keys.press(Qt.Key.Key_Space)  # done again, then leave and come back
    keys.shortcut("Ctrl+T")
    go_to_lead(keys, "maria")
    page.tabs.setCurrentIndex(ACTION_ITEMS)
    settle()
    assert rows() == ["Agenda out", "Share the data", "Book the room"]  # done ones last


def test_an_untouched_new_one_on_one_is_dropped_on_quit(qtbot: QtBot, journal: Journal) -> None:
    """Ctrl+N, then Ctrl+Q: the window closes and leaves no empty 1:1 behind."""
    from iltdesk.one_on_one import one_on_ones_for

    omar = add_lead(journal, "Omar Diaz").id or 0
    window = _window(qtbot, journal)
    keys = DesktopKeys()
    go_to_lead(keys, "omar")
    keys.shortcut("Ctrl+N")
    assert len(one_on_ones_for(journal, omar)) == 1
    keys.shortcut("Ctrl+Q")
    assert not window.isVisible()
    assert one_on_ones_for(journal, omar) == []
