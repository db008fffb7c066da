"""The Tensions page and the ILT charter page, driven as a principal would, on real journals."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import dates
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
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, add_note, notes_on
from tests.dialogs import answer_with
from tests.keys import Keys, focused, show_main_window
from ui.kit.context import AppContext
from ui.kit.fields import qdate
from ui.kit.roles import VALUE
from ui.reflect.charter.meeting_feedback import FeedbackDialog
from ui.reflect.charter.page import CharterPage
from ui.reflect.charter.scope_table import FOCUS, PERIOD, STRAND
from ui.reflect.tensions.leaning_widget import NOTE_ROLE, OverviewGeometry, marker_colour, step_x
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.reflect.tensions.page import TensionsPage

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


def test_a_note_added_through_the_page_moves_the_overview_marker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    page = shown(qtbot, TensionsPage(context))
    row = row_of("build_buy")
    assert "not noted yet" in page.overview.item(row).text()
    page.select_tension("build_buy")

    def fill(dialog: TensionNoteDialog) -> None:
        assert not dialog.save_button.isEnabled()  # nothing to save before a leaning is picked
        qtbot.mouseClick(dialog.picker.step_button(2), Qt.MouseButton.LeftButton)
        assert dialog.picker.words.text() == "Strongly leans to Bring expertise in."
        qtbot.keyClicks(dialog.second_serves, "When nobody here has done it before")
        qtbot.keyClicks(dialog.evidence, "New teachers act on outside coaching within a week")
        dialog.noted_on.setDate(qdate(DAY))

    answer_with(monkeypatch, TensionNoteDialog, fill)
    with qtbot.waitSignal(context.changed) as changed:
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Change(RecordKind.TENSION)]
    [note] = notes_on(journal, "build_buy")
    assert (note.leaning, note.noted_on) == (2, DAY)
    assert note.evidence == "New teachers act on outside coaching within a week"
    item = page.overview.item(row)
    assert item.data(NOTE_ROLE).leaning == 2
    assert dates.short(DAY) in item.text() and "strongly leans to Bring expertise in" in item.text()
    # The marker is drawn at the far right step of that row's scale.
    image = page.overview.viewport().grab().toImage()
    scale = OverviewGeometry(page.overview.visualItemRect(item)).scale
    pixel = image.pixelColor(int(step_x(scale, 2)), int(scale.center().y()))
    assert pixel == marker_colour()
    assert [card.note.id for card in page.note_cards] == [note.id]
    assert page.note_cards[0].property("current") is True


def test_notes_show_newest_first_and_select_note_finds_its_tension(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    older = add_note(journal, "fast_slow", -1, note="Spread the huddle", noted_on=DAY)
    newest = add_note(journal, "fast_slow", 1, note="Prove it first", noted_on=DAY + timedelta(30))
    middle = add_note(journal, "fast_slow", 0, note="Hold", noted_on=DAY + timedelta(10))
    page = shown(qtbot, TensionsPage(context))
    assert page.current_tension().key == TENSIONS[0].key
    page.select_note(middle.id or 0)
    assert page.current_tension().key == "fast_slow"
    assert page.overview.currentRow() == row_of("fast_slow")
    assert [c.note.id for c in page.note_cards] == [newest.id, middle.id, older.id]
    assert [c.leaning.text() for c in page.note_cards] == [
        "Leans to Scale slowly",
        "Balanced between the two",
        "Leans to Scale fast",
    ]
    assert [c.property("current") for c in page.note_cards] == [False, True, False]
    assert page.overview.item(row_of("fast_slow")).data(NOTE_ROLE).id == newest.id
    assert page.empty.isHidden()
    page.select_tension("model_menu")
    assert page.note_cards == [] and not page.empty.isHidden()


def test_the_note_form_starts_from_the_latest_leaning(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    latest = add_note(journal, "tight_loose", -2, noted_on=DAY)
    dialog = TensionNoteDialog(context, TENSIONS[0], latest)
    qtbot.addWidget(dialog)
    assert dialog.picker.leaning() == -2 and dialog.save_button.isEnabled()
    empty = TensionNoteDialog(context, TENSIONS[0])
    qtbot.addWidget(empty)
    empty.save()
    assert empty.picker.leaning() is None and not empty.error.isHidden()
    assert len(notes_on(journal, "tight_loose")) == 1


# -- the charter --------------------------------------------------------------------------------


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
