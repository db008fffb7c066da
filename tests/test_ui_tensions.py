"""The tensions page, driven as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iltdesk import dates
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, add_note, notes_on
from tests.dialogs import answer_with
from ui.kit.context import AppContext
from ui.kit.fields import qdate
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
