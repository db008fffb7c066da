"""The keys the journeys' budget relies on, each tested on its own, by keys only: Enter on
Welcome, the New journal dialog's focus and tab order, and the 1:1's action-item row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QProxyStyle,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from iltdesk import paths
from iltdesk.action_item import action_items_for
from iltdesk.due_dates import default_due, parse_due
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.models import Author
from iltdesk.one_on_one import add_next_step, next_steps, start_one_on_one
from iltdesk.store.journal import Journal
from tests.keys import Key, Mod, focused, wait_for_active
from tests.test_journey import DesktopKeys
from ui.journal.create_dialog import CreateJournalDialog
from ui.journal.welcome import WelcomeWindow
from ui.kit.context import AppContext
from ui.kit.fitted_list import LIST_ROWS
from ui.lead.lead_dialog import LeadDialog
from ui.lead.one_on_ones.editor import OneOnOneEditor
from ui.shell.main_window import MainWindow

TODAY = date.today()


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _show(qtbot: QtBot, window: WelcomeWindow | MainWindow) -> None:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_for_active(type(window))


# -- Welcome and the New journal dialog ---------------------------------------------------


def test_welcome_focuses_create_and_enter_opens_the_new_journal_dialog(qtbot: QtBot) -> None:
    welcome = WelcomeWindow()
    _show(qtbot, welcome)
    assert focused() is welcome.create_button and welcome.create_button.isDefault()
    keys = DesktopKeys()
    first: list[QWidget] = []

    def look(_dialog: CreateJournalDialog) -> None:
        first.append(focused())
        keys.escape()  # assertions come after: a failure in here would leave it open

    shown = keys.then_in(CreateJournalDialog, look)
    keys.enter()
    assert len(shown) == 1, "Enter on Welcome did not open the New journal dialog"
    assert first == [shown[0].school]  # not the folder path


def _open_create_dialog(
    qtbot: QtBot, act: Callable[[CreateJournalDialog], None]
) -> tuple[WelcomeWindow, list[CreateJournalDialog]]:
    """Welcome, Enter: ``act`` in the New journal dialog. The welcome window (which owns the
    dialog: kept alive by the caller) and the dialogs that came."""
    welcome = WelcomeWindow()
    _show(qtbot, welcome)
    keys = DesktopKeys()
    shown = keys.then_in(CreateJournalDialog, act)
    keys.enter()
    return welcome, shown


def test_the_tab_order_follows_what_a_person_fills_with_the_folder_last(qtbot: QtBot) -> None:
    keys = DesktopKeys()
    order: list[QWidget] = []

    def walk(_dialog: CreateJournalDialog) -> None:
        keys.type("Riverside Middle School")  # spaces: no file picker may open
        for _ in range(6):
            order.append(focused())
            keys.tab()
        order.append(focused())
        keys.escape()  # assertions come after: a failure in here would leave it open

    pickers: list[QFileDialog] = DesktopKeys().then_in(
        QFileDialog, lambda _picker: keys.escape(), timeout_ms=3000
    )
    _welcome, [dialog] = _open_create_dialog(qtbot, walk)
    assert dialog.school.text() == "Riverside Middle School" and len(pickers) == 0
    wanted = [dialog.school, dialog.principal, dialog.passphrase, dialog.again, dialog.location]
    assert order == [*wanted, dialog.browse_button, dialog.remember]
    assert not dialog.browse_button.autoDefault() and dialog.create_button.isDefault()


def test_choose_opens_the_file_picker_in_the_suggested_folder(qtbot: QtBot) -> None:
    suggested = paths.default_data_dir()
    assert not suggested.exists()  # a bare machine: the folder is not there yet
    keys = DesktopKeys()
    opened_in: list[str] = []

    def pick(picker: QFileDialog) -> None:
        opened_in.append(picker.directory().absolutePath())
        keys.escape()

    def choose(_dialog: CreateJournalDialog) -> None:
        keys.tab(5)  # school, name, passphrase, again, folder: on Choose…
        keys.then_in(QFileDialog, pick, timeout_ms=3000)
        keys.press(Key.Key_Space)
        keys.escape()

    _welcome, shown = _open_create_dialog(qtbot, choose)
    assert shown
    assert opened_in == [str(suggested)]
    assert (suggested.stat().st_mode & 0o777) == paths.DIR_MODE


# -- The 1:1's action items ----------------------------------------------------------------


@pytest.fixture
def one_on_one(qtbot: QtBot, journal: Journal) -> tuple[MainWindow, OneOnOneEditor, DesktopKeys]:
    """Maya's page with two open items from an earlier 1:1; Ctrl+N started a new one."""
    maya = add_lead(journal, "Maya Ortiz").id or 0
    earlier = start_one_on_one(journal, maya, held_on=TODAY - timedelta(days=14))
    for text in ("Share the protocol", "Book the room"):
        add_next_step(journal, earlier, text, owner=Author.lead, due_on=TODAY)
    window = MainWindow(AppContext(journal))
    _show(qtbot, window)
    window.show_lead(maya)  # set-up: the journeys reach it by Ctrl+K
    keys = DesktopKeys()
    keys.shortcut("Ctrl+N")
    editor = window.lead_page.one_on_ones.editor
    assert focused() is editor.notes
    return window, editor, keys


def _owners_and_dues(journal: Journal, editor: OneOnOneEditor) -> list[tuple[str, Author, date]]:
    assert editor.meeting is not None
    items = next_steps(journal, editor.meeting.id or 0)
    return [(i.text, i.owner, i.due_on) for i in items if i.due_on is not None]


def test_enter_in_text_owner_or_due_adds_the_item_as_the_row_shows_it(
    one_on_one: tuple[MainWindow, OneOnOneEditor, DesktopKeys], journal: Journal
) -> None:
    _window, editor, keys = one_on_one
    keys.shortcut("Ctrl+Shift+I")
    assert focused() is editor.step_text
    keys.type("Observe the data meeting")
    keys.tab()
    keys.type("b")  # Both of us
    keys.enter()  # in the owner box
    assert focused() is editor.step_text
    keys.type("Send the notes")
    keys.tab(2)
    keys.type("tomorrow")
    keys.press(Key.Key_Backtab, Mod.ShiftModifier)
    keys.type("M")  # set after the due date, before Enter: it still counts
    keys.press(Key.Key_Backtab, Mod.ShiftModifier)
    assert focused() is editor.step_text
    keys.enter()  # in the text
    keys.type("Plan the reteach")
    keys.tab(2)
    keys.type("12/10")
    keys.enter()  # in the due date
    assert _owners_and_dues(journal, editor) == [
        ("Observe the data meeting", Author.both, default_due(TODAY)),
        ("Send the notes", Author.principal, TODAY + timedelta(days=1)),
        ("Plan the reteach", Author.lead, parse_due("12/10", TODAY)),
    ]
    assert editor.steps.count() == 3 and not editor.step_due.text()


def test_a_due_date_not_understood_keeps_the_row_and_says_so(
    one_on_one: tuple[MainWindow, OneOnOneEditor, DesktopKeys], journal: Journal
) -> None:
    _window, editor, keys = one_on_one
    keys.shortcut("Alt+A")
    keys.type("Observe the data meeting")
    keys.tab(2)
    keys.type("someday")
    assert "Not a date" in editor.due_shown.text()
    keys.enter()
    assert _owners_and_dues(journal, editor) == []
    assert editor.step_text.text() == "Observe the data meeting"
    assert focused() is editor.step_due
    keys.type("fri")  # it was selected: typing replaces it
    assert editor.step_due.text() == "fri" and editor.due_shown.text().startswith("Due ")
    keys.enter()
    assert [text for text, *_ in _owners_and_dues(journal, editor)] == ["Observe the data meeting"]


def test_the_list_grows_with_its_items_up_to_a_limit(
    one_on_one: tuple[MainWindow, OneOnOneEditor, DesktopKeys],
) -> None:
    _window, editor, keys = one_on_one
    empty = editor.steps.height()
    keys.shortcut("Alt+A")
    heights = []
    for n in range(LIST_ROWS[1] + 2):
        keys.type(f"Action item number {n}")
        keys.enter()
        heights.append(editor.steps.height())
    row = editor.steps.sizeHintForRow(0)
    assert empty >= LIST_ROWS[0] * row  # room for two rows even when empty
    assert heights[3] > heights[2] > heights[1]  # grows...
    assert heights[-1] == heights[LIST_ROWS[1] - 1]  # ...up to a limit, then scrolls
    assert heights[-1] >= LIST_ROWS[1] * row


def test_a_ticked_item_stays_under_the_cursor_when_an_item_is_added(
    one_on_one: tuple[MainWindow, OneOnOneEditor, DesktopKeys], journal: Journal
) -> None:
    _window, editor, keys = one_on_one
    keys.press(Key.Key_Backtab, Mod.ShiftModifier)  # from the notes to the open items
    assert focused() is editor.follow_ups
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)  # ticks "Book the room" (the second, by due date then age)
    ticked = editor.follow_ups.currentItem()
    assert ticked is not None and ticked.text().startswith("Book the room")
    assert editor.meeting is not None
    done = [i.text for i in action_items_for(journal, editor.meeting.lead_id) if i.done_on]
    assert done == ["Book the room"]
    keys.shortcut("Alt+A")
    keys.type("Observe the data meeting")
    keys.enter()
    rows = [editor.follow_ups.item(r).text() for r in range(editor.follow_ups.count())]
    assert [r.split("  (")[0] for r in rows] == ["Share the protocol", "Book the room"]
    assert editor.follow_ups.currentRow() == 1


# -- Add lead ------------------------------------------------------------------------------


class GnomeButtons(QProxyStyle):
    """Dialog buttons in GNOME's order (Cancel before Save), as on a GNOME desktop."""

    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonLayout:
            return int(QDialogButtonBox.ButtonLayout.GnomeLayout.value)
        return int(super().styleHint(hint, *args))


def test_enter_in_the_name_adds_the_lead_whatever_order_the_buttons_are_in(
    qtbot: QtBot, qapp: QApplication, journal: Journal
) -> None:
    qapp.setStyle(GnomeButtons(qapp.style().name()))
    window = MainWindow(AppContext(journal))
    _show(qtbot, window)
    keys = DesktopKeys()

    def add(_dialog: LeadDialog) -> None:
        keys.type("Amara Okafor")
        keys.enter()
        if _dialog.isVisible():
            keys.escape()

    shown = keys.then_in(LeadDialog, add)
    keys.shortcut("Ctrl+Shift+N")
    assert shown
    assert [lead.name for lead in lead_summaries(journal)] == ["Amara Okafor"]
