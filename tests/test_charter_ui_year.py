"""The charter page's year, driven as a person would: periods typed in place with their focus
and three strands, the counts and the balance hint, the latest meetings' plus/delta (read
here, written with each meeting), and records opened from elsewhere. (The charter's versions:
tests/test_ui_charter.py.)"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.charter import (
    FOCUS_TITLES,
    add_meeting_feedback,
    add_scope_item,
    balance_hint,
    meeting_feedback,
    scope_items,
)
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, tab_to
from tests.test_ui_charter import DAY, active_page, press, shown
from ui.kit.context import AppContext
from ui.kit.roles import RECORD_ID
from ui.reflect.charter.meeting_feedback import RECENT
from ui.reflect.charter.page import CharterPage
from ui.reflect.charter.scope_table import DATA, FOCUS, LEARNING, OBSERVATION, PERIOD


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


# -- the scope and sequence -----------------------------------------------------------------------


def test_a_period_and_its_three_strands_typed_in_place(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    page = active_page(qtbot, context)
    keys = DesktopKeys()
    press(keys, page.scope.add_button)  # the period opens at its focus, ready to write
    table = page.scope.table
    qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is not None)
    assert table.currentColumn() == FOCUS
    for text in ("Reading across the grades", "Fall interim by student group", "Walkthroughs"):
        keys.type(text)
        keys.tab()  # kept, and on to the next strand's cell
    keys.type("Calibrating on questioning")
    keys.enter()
    qtbot.waitUntil(lambda: scope_items(journal)[0].professional_learning != "")
    item = scope_items(journal)[0]
    assert (item.period, item.starts_on) == (f"{date.today():%B}", date.today().replace(day=1))
    assert (item.focus, item.data, item.observation_feedback, item.professional_learning) == (
        "Reading across the grades",
        "Fall interim by student group",
        "Walkthroughs",
        "Calibrating on questioning",
    )
    assert [table.item(0, c).text() for c in (FOCUS, DATA, OBSERVATION, LEARNING)] == [
        "Reading across the grades",
        "Fall interim by student group",
        "Walkthroughs",
        "Calibrating on questioning",
    ]
    counts = page.scope.counts.text()
    assert all(f"{title}&nbsp;<b>1</b>" in counts for title in FOCUS_TITLES.values())
    assert page.scope.balance.isHidden()

    # F2 on a strand's cell empties it again; the counts follow.
    table.setFocus()
    table.setCurrentCell(0, DATA)
    keys.press(Key.Key_F2)
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.press(Key.Key_Delete)
    keys.enter()
    qtbot.waitUntil(lambda: scope_items(journal)[0].data == "")
    assert "Data&nbsp;<b>0</b>" in page.scope.counts.text()


def test_the_counts_and_the_balance_hint_follow_the_strands(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    for month, start in (("September", date(2026, 9, 1)), ("October", date(2026, 10, 5))):
        add_scope_item(journal, month, starts_on=start, data="Interims", focus="Baselines")
    page = shown(qtbot, CharterPage(context))
    assert not page.scope.balance.isHidden()
    assert balance_hint(scope_items(journal)) in page.scope.balance.text()
    assert "Data&nbsp;<b>2</b>" in page.scope.counts.text()
    table = page.scope.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Period",
        "Starts",
        "Focus",
        "Data",
        "Observation and feedback",
        "Professional learning",
    ]
    qtbot.mouseClick(page.scope.add_button, Qt.MouseButton.LeftButton)
    assert [item.period for item in scope_items(journal)] == ["September", "October", "November"]

    table.item(0, PERIOD).setText("  ")  # a period must keep a name
    assert scope_items(journal)[0].period == "September"
    assert not page.scope.problem.isHidden()
    qtbot.waitUntil(lambda: table.item(0, PERIOD).text() == "September")
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    page.scope.select(scope_items(journal)[2].id or 0)
    qtbot.mouseClick(page.scope.remove_button, Qt.MouseButton.LeftButton)
    assert len(scope_items(journal)) == 2 and table.rowCount() == 2


# -- meeting plus/delta ---------------------------------------------------------------------------


def test_the_latest_plus_deltas_are_read_here_and_enter_opens_their_meeting(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    for n in range(RECENT + 2):
        add_meeting_feedback(journal, f"Plus {n}", "Too long", met_on=DAY + timedelta(7 * n))
    latest = meeting_feedback(journal)[0]
    page = active_page(qtbot, context)
    assert page.feedback.entry_ids() == [row.id for row in meeting_feedback(journal)][:RECENT]
    assert f"Plus {RECENT + 1}" in page.feedback.list.item(0).text()  # the last meeting first
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is page.feedback.list)
    with qtbot.waitSignal(context.open_record) as opened:
        keys.press(Key.Key_Down)  # the cursor on the latest, then the one before
        keys.press(Key.Key_Up)
        keys.enter()
    assert opened.args == [RecordKind.MEETING_FEEDBACK, latest.id]


def test_select_picks_the_right_rows(qtbot: QtBot, context: AppContext, journal: Journal) -> None:
    for month in range(1, 9):
        add_scope_item(journal, f"M{month}", starts_on=date(2027, month, 1), focus="x")
    entries = [
        add_meeting_feedback(journal, f"Plus {n}", "Delta", met_on=DAY + timedelta(7 * n))
        for n in range(6)
    ]
    page = shown(qtbot, CharterPage(context))
    wanted = scope_items(journal)[5]
    page.select(RecordKind.SCOPE_ITEM, wanted.id or 0)
    assert page.scope.selected_id() == wanted.id
    assert page.scroller.verticalScrollBar().value() > 0
    page.select(RecordKind.MEETING_FEEDBACK, entries[2].id or 0)
    current = page.feedback.list.currentItem()
    assert current is not None and current.data(RECORD_ID) == entries[2].id
    page.select(RecordKind.CHARTER, 1)
    qtbot.waitUntil(lambda: page.scroller.verticalScrollBar().value() == 0)
