"""Presenter mode: Ctrl+Shift+P hides the principal's private fields behind a banner, and
shows them again; nothing typed is lost while they are hidden."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from iltdesk.action_item import add_action_item
from iltdesk.cycle import cycles_for, start_cycle, update_cycle
from iltdesk.growth import record_energy
from iltdesk.ilt_meeting import new_meeting, save_meeting
from iltdesk.lead import add_lead
from iltdesk.models import CyclePhase
from iltdesk.store.journal import Journal
from tests.keys import Keys, press_button, show_main_window
from ui.kit.context import AppContext
from ui.kit.pages import ReflectPage
from ui.lead.page import CYCLES, OVERVIEW, TIMELINE
from ui.navigation.search_dialog import SearchDialog
from ui.shell.main_window import MainWindow
from ui.team.meetings.page import MeetingsPage

PRESENT = "Ctrl+Shift+P"
TODAY = date.today()
REFLECTION = "Her data talk is my coaching edge"
ENERGY_NOTE = "Running on empty since October"
OTHER_LEADS_ITEM = "Send the reteach calendar"
MEETING_PRIVATE = "Keisha went quiet when data came up"

pytestmark = pytest.mark.usefixtures("app_look")


@pytest.fixture
def ana(journal: Journal) -> int:
    """Ana, sharing the screen: a cycle being evaluated and an energy check. Ben, another
    lead, has an overdue item that Today would list."""
    ana = add_lead(journal, "Ana Reyes").id or 0
    ben = add_lead(journal, "Ben Okafor").id or 0
    cycle = start_cycle(journal, ana, goal="Every data meeting ends with a dated plan")
    update_cycle(
        journal,
        cycle.id or 0,
        phase=CyclePhase.evaluation,
        lead_reflection="I learned to wait",
        principal_reflection=REFLECTION,
    )
    record_energy(journal, ana, 2, ENERGY_NOTE)
    add_action_item(journal, ben, OTHER_LEADS_ITEM, due_on=TODAY - timedelta(3))
    return ana


def visible_text(window: QWidget) -> str:
    """All the text a person could read in ``window`` now, accessible names included."""
    parts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        parts.append(widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.extend(_rows(widget.model(), QModelIndex()))
    return "\n".join(parts)


def _rows(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    texts = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        texts.append(str(index.data() or ""))
        texts.extend(_rows(model, index))
    return texts


def _presenting(window: MainWindow) -> bool:
    on = window.banner.isVisibleTo(window)
    assert window.menus.actions["presenter"].isChecked() is on is window.context.presenter.on
    return on


def test_the_shortcut_hides_private_fields_behind_a_banner_and_shows_them_again(
    qtbot: QtBot, journal: Journal, ana: int
) -> None:
    window = show_main_window(qtbot, journal)
    keys = Keys()
    assert not _presenting(window)  # off at every start
    assert OTHER_LEADS_ITEM in visible_text(window)

    keys.shortcut(PRESENT)
    assert _presenting(window)
    assert "Presenter mode: private notes are hidden" in window.banner.text.text()
    text = visible_text(window)
    assert OTHER_LEADS_ITEM not in text and "Ben Okafor ·" not in text
    assert "Today's list is hidden while you present." in text

    window.sidebar.select_lead(ana)
    page = window.lead_page
    page.tabs.setCurrentIndex(OVERVIEW)
    assert not page.overview.sparkline.isVisibleTo(window)
    assert not page.overview.energy_form.isVisibleTo(window)
    assert ENERGY_NOTE not in visible_text(window)
    page.tabs.setCurrentIndex(TIMELINE)
    conversations = [
        b for b in page.timeline.findChildren(QCheckBox) if b.text() == "Conversations"
    ]
    assert conversations and not conversations[0].isVisibleTo(window)
    page.tabs.setCurrentIndex(CYCLES)
    evaluation = page.cycles.page.evaluation
    assert evaluation.lead_reflection.isVisibleTo(window)  # the lead's own words stay
    assert not evaluation.principal_reflection.isVisibleTo(window)
    assert not evaluation.principal_label.isVisibleTo(window)
    assert REFLECTION not in visible_text(window)

    keys.shortcut(PRESENT)
    assert not _presenting(window)
    assert evaluation.principal_reflection.isVisibleTo(window)
    assert REFLECTION in visible_text(window)
    page.tabs.setCurrentIndex(OVERVIEW)
    assert ENERGY_NOTE in visible_text(window)


def test_what_was_typed_in_a_field_that_hides_is_kept_and_saved(
    qtbot: QtBot, journal: Journal, ana: int
) -> None:
    window = show_main_window(qtbot, journal)
    keys = Keys()
    window.sidebar.select_lead(ana)
    window.lead_page.tabs.setCurrentIndex(CYCLES)
    editor = window.lead_page.cycles.page.evaluation.principal_reflection
    editor.setFocus()  # as a click in the field would
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    keys.type(", and mine")

    keys.shortcut(PRESENT)  # hidden in the middle of a sentence
    assert not editor.isVisibleTo(window)
    keys.shortcut(PRESENT)
    assert editor.isVisibleTo(window)
    assert editor.toPlainText() == f"{REFLECTION}, and mine"
    qtbot.waitUntil(  # and saved, as typed
        lambda: cycles_for(journal, ana)[0].principal_reflection.strip() == editor.toPlainText()
    )


def test_private_pages_meeting_notes_and_search_wait_and_the_banner_button_ends_it(
    qtbot: QtBot, journal: Journal, ana: int
) -> None:
    meeting = new_meeting(journal)
    save_meeting(journal, meeting.id or 0, private_notes=MEETING_PRIVATE)
    window = show_main_window(qtbot, journal)
    keys = Keys()
    keys.shortcut(PRESENT)

    window.sidebar.select_page(ReflectPage.ILT_MEETINGS)
    meetings = window.reflect.pages[ReflectPage.ILT_MEETINGS]
    assert isinstance(meetings, MeetingsPage) and window.pages.currentWidget() is meetings
    assert not meetings.editor.private.isVisibleTo(window)
    assert MEETING_PRIVATE not in visible_text(window)
    assert meetings.editor.private.toPlainText() == MEETING_PRIVATE  # kept, only not shown

    window.sidebar.select_page(ReflectPage.MY_LEADERSHIP)
    assert window.pages.currentWidget() is window.private_cover
    assert "My leadership is hidden while you present." in visible_text(window)

    opened: list[SearchDialog] = keys.then_in(SearchDialog, lambda _dialog: keys.escape())
    keys.shortcut("Ctrl+F")
    assert not opened
    assert "Search is off while you present" in window.statusBar().currentMessage()

    # Locking keeps it on: the window after the unlock comes back presenting.
    place = window.place()
    assert place == {"presenting": 1}
    after_unlock = MainWindow(AppContext(journal))
    qtbot.addWidget(after_unlock)
    after_unlock.go_to(place)
    assert after_unlock.context.presenter.on

    press_button(keys, "Stop presenting")
    assert not _presenting(window)
    assert window.pages.currentWidget() is window.reflect.pages[ReflectPage.MY_LEADERSHIP]
    window.sidebar.select_page(ReflectPage.ILT_MEETINGS)
    assert meetings.editor.private.isVisibleTo(window)
    assert MEETING_PRIVATE in visible_text(window)


def test_a_one_on_ones_running_notes_hide_and_keep_their_text(
    qtbot: QtBot, journal: Journal, ana: int
) -> None:
    from iltdesk.one_on_one import add_quick_note
    from ui.lead.page import ONE_ON_ONES

    add_quick_note(journal, "Ana Reyes", "She asked me to watch her data talk")
    window = show_main_window(qtbot, journal)
    window.sidebar.select_lead(ana)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)  # the newest 1:1 opens
    editor = window.lead_page.one_on_ones.editor
    assert editor.notes.isVisibleTo(window)
    keys = Keys()
    keys.shortcut(PRESENT)
    assert not editor.notes.isVisibleTo(window)
    assert "She asked me to watch" not in visible_text(window)
    assert "Your notes are hidden while you present" in visible_text(window)
    assert editor.feedback.isVisibleTo(window)  # what the lead heard stays
    window.lead_page.tabs.setCurrentIndex(TIMELINE)
    assert "She asked me to watch" not in visible_text(window)
    keys.shortcut(PRESENT)
    assert "She asked me to watch" in visible_text(window)
    assert "Your notes are hidden" not in visible_text(window)
    window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
    assert editor.notes.isVisibleTo(window)
    assert "She asked me to watch her data talk" in editor.notes.toPlainText()
