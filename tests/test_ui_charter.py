"""The charter page, driven as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.charter import (
    add_meeting_feedback,
    add_scope_item,
    balance_hint,
    charter,
    meeting_feedback,
    scope_items,
)
from iltdesk.errors import DiskFull
from iltdesk.models import FocusKind
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS
from tests.dialogs import answer_with
from tests.keys import Keys, focused, show_main_window
from ui.kit.context import AppContext
from ui.kit.fields import qdate
from ui.kit.roles import VALUE
from ui.reflect.charter.meeting_feedback import FeedbackDialog
from ui.reflect.charter.page import CharterPage
from ui.reflect.charter.scope_table import FOCUS, PERIOD, STRAND

DAY = date(2027, 3, 9)


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


def shown(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


# -- tensions -----------------------------------------------------------------------------------


def row_of(key: str) -> int:
    return [t.key for t in TENSIONS].index(key)


def test_typing_the_purpose_saves_it(qtbot: QtBot, context: AppContext, journal: Journal) -> None:
    page = shown(qtbot, CharterPage(context))
    qtbot.keyClicks(page.editors["purpose"], "We decide together what to try next")
    qtbot.waitUntil(
        lambda: charter(journal).purpose.strip() == "We decide together what to try next",
        timeout=3000,
    )
    assert not page.autosaver.dirty


def test_one_strand_only_shows_the_balance_hint_and_adding_the_others_clears_it(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    page = shown(qtbot, CharterPage(context))
    assert page.scope.balance.isHidden() and not page.scope.empty.isHidden()
    add_scope_item(journal, "September", FocusKind.data, "Baselines", starts_on=date(2026, 9, 1))
    add_scope_item(journal, "October", FocusKind.data, "Interims", starts_on=date(2026, 10, 5))
    page.refresh()
    assert not page.scope.balance.isHidden()
    assert balance_hint(scope_items(journal)) in page.scope.balance.text()
    assert "Data&nbsp;<b>2</b>" in page.scope.counts.text()
    # "Add a period" offers the thinnest strand each time, so two clicks restore the balance.
    for _ in range(2):
        qtbot.mouseClick(page.scope.add_button, Qt.MouseButton.LeftButton)
    kinds = [item.kind for item in scope_items(journal)]
    assert kinds == [
        FocusKind.data,
        FocusKind.data,
        FocusKind.observation_feedback,
        FocusKind.professional_learning,
    ]
    assert [item.period for item in scope_items(journal)][2:] == ["November", "December"]
    assert page.scope.balance.isHidden()
    assert page.scope.table.rowCount() == 4


def test_a_period_edited_in_place_is_saved(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    item = add_scope_item(journal, "October", FocusKind.data, "Baselines", starts_on=DAY)
    page = shown(qtbot, CharterPage(context))
    table = page.scope.table
    table.edit_cell(0, FOCUS)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Exit tickets by student group")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the cell on its next turn
    qtbot.waitUntil(lambda: scope_items(journal)[0].focus == "Exit tickets by student group")
    strand = table.model().index(0, STRAND)
    table.model().setData(strand, FocusKind.professional_learning.value, VALUE)
    assert scope_items(journal)[0].kind == FocusKind.professional_learning
    qtbot.waitUntil(lambda: table.item(0, STRAND).text() == "Professional learning")
    table.item(0, PERIOD).setText("  ")  # a period must keep a name
    assert scope_items(journal)[0].period == "October"
    assert not page.scope.problem.isHidden()
    qtbot.waitUntil(lambda: table.item(0, PERIOD).text() == "October")
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    page.scope.select(item.id or 0)
    qtbot.mouseClick(page.scope.remove_button, Qt.MouseButton.LeftButton)
    assert scope_items(journal) == [] and table.rowCount() == 0


def test_meeting_feedback_shows_the_last_meeting_first_and_prominent(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    add_meeting_feedback(journal, "Student work first", "Too long", met_on=DAY)
    add_meeting_feedback(journal, "Clear decisions", "", met_on=DAY + timedelta(14))
    page = shown(qtbot, CharterPage(context))

    def fill(dialog: FeedbackDialog) -> None:
        dialog.met_on.setDate(qdate(DAY + timedelta(7)))  # entered late, for a middle meeting
        qtbot.keyClicks(dialog.plus, "Peer visits")
        qtbot.keyClicks(dialog.delta, "Data came too late")

    answer_with(monkeypatch, FeedbackDialog, fill)
    qtbot.mouseClick(page.feedback.add_button, Qt.MouseButton.LeftButton)
    assert page.feedback.entry_ids() == [row.id for row in meeting_feedback(journal)]
    cards = page.feedback.cards
    assert [c.entry.met_on for c in cards] == [DAY + timedelta(14), DAY + timedelta(7), DAY]
    assert [c.latest for c in cards] == [True, False, False]
    assert cards[0].property("latest") is True
    assert "Start the next meeting here" in [
        label.text() for label in cards[0].findChildren(QLabel)
    ]
    assert not page.feedback.earlier.isHidden()
    qtbot.keyClicks(cards[0].response, "Decision items moved to the top")
    qtbot.waitUntil(
        lambda: meeting_feedback(journal)[0].response == "Decision items moved to the top",
        timeout=3000,
    )


def test_select_picks_the_right_rows(qtbot: QtBot, context: AppContext, journal: Journal) -> None:
    for month in range(1, 9):
        add_scope_item(journal, f"M{month}", FocusKind.data, "x", starts_on=date(2027, month, 1))
    entries = [
        add_meeting_feedback(journal, f"Plus {n}", "Delta", met_on=DAY + timedelta(7 * n))
        for n in range(6)
    ]
    page = shown(qtbot, CharterPage(context))
    wanted = scope_items(journal)[5]
    page.select("scope_item", wanted.id or 0)
    assert page.scope.selected_id() == wanted.id
    assert page.scroller.verticalScrollBar().value() > 0
    page.select("meeting_feedback", entries[2].id or 0)
    current = [c.entry.id for c in page.feedback.cards if c.property("current")]
    assert current == [entries[2].id]
    page.select("charter", 1)
    qtbot.waitUntil(lambda: page.scroller.verticalScrollBar().value() == 0)


def test_a_full_disk_keeps_the_plus_delta_typed_and_says_so_in_the_status_bar(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, journal: Journal
) -> None:
    def disk_full(*_: object, **__: object) -> None:
        raise DiskFull("The disk is full; nothing was saved.")

    monkeypatch.setattr("ui.reflect.charter.meeting_feedback.add_meeting_feedback", disk_full)
    monkeypatch.setattr("ui.kit.unsaved.confirm_discard", lambda *_: True)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page("charter")
    page = window.reflect.pages["charter"]
    assert isinstance(page, CharterPage)
    keys, seen = Keys(), []

    def type_then_keep(dialog: FeedbackDialog) -> None:
        keys.type("Peer visits")
        keys.enter()  # on to the delta
        keys.type("Data came too late")
        keys.enter()
        for _ in range(4):
            if focused() is dialog.save_button:
                break
            keys.tab()
        keys.press(Qt.Key.Key_Space)  # "Keep it": refused by the full disk
        seen.append(
            (
                dialog.isVisible(),
                dialog.plus.text(),
                dialog.delta.text(),
                window.save_state.text(),
            )
        )
        keys.escape()  # and leave it, discarding

    keys.then_in(FeedbackDialog, type_then_keep)
    qtbot.mouseClick(page.feedback.add_button, Qt.MouseButton.LeftButton)
    assert seen, "the plus/delta dialog never came up"
    still_open, plus, delta, status = seen[0]
    assert still_open and (plus, delta) == ("Peer visits", "Data came too late")
    assert status == "Not saved: The disk is full; nothing was saved."
    assert meeting_feedback(journal) == []
    window.release()
