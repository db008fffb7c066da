"""The tensions page, driven as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from iltdesk import dates
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, add_note, notes_on
from tests.keys import DesktopKeys, Key, wait_for_active
from tests.test_tension_keys import press, tab_to
from ui.kit.context import AppContext
from ui.kit.fields import qdate
from ui.reflect.tensions.leaning_widget import NOTE_ROLE, OverviewGeometry
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.reflect.tensions.page import TensionsPage
from ui.reflect.tensions.scale import marker_colour, step_x

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


def test_a_note_added_by_keys_moves_the_overview_marker(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    page = shown(qtbot, TensionsPage(context))
    page.activateWindow()
    wait_for_active(TensionsPage)
    row = row_of("build_buy")
    assert "not noted yet" in page.overview.item(row).text()
    page.select_tension("build_buy")
    keys = DesktopKeys()

    def fill(dialog: TensionNoteDialog) -> None:
        keys.tab()  # past the first side's reasoning
        keys.type("When nobody here has done it before")
        tab_to(keys, lambda w: w is dialog.evidence)
        keys.type("New teachers act on outside coaching within a week")
        tab_to(keys, lambda w: w in dialog.picker.group.buttons())
        keys.press(Key.Key_Left)  # from "No single side" to the step beside the second pole
        assert dialog.picker.words.text() == "Strongly leans to Buy from outside."
        dialog.noted_on.setDate(qdate(DAY))
        press(keys, "Save the note")

    keys.then_in(TensionNoteDialog, fill)
    with qtbot.waitSignal(context.changed) as changed:
        press(keys, "Add a note…")
    assert changed.args == [Change(RecordKind.TENSION)]
    [note] = notes_on(journal, "build_buy")
    assert (note.leaning, note.noted_on) == (2, DAY)
    assert note.evidence == "New teachers act on outside coaching within a week"
    item = page.overview.item(row)
    assert item.data(NOTE_ROLE).leaning == 2
    assert dates.short(DAY) in item.text() and "strongly leans to Buy from outside" in item.text()
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


def test_a_new_note_starts_with_no_leaning_and_shows_the_latest_for_reference(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    latest = add_note(journal, "tight_loose", -2, note="One platform", noted_on=DAY)
    dialog = TensionNoteDialog(context, TENSIONS[0], latest)
    qtbot.addWidget(dialog)
    assert dialog.picker.leaning() is None and dialog.save_button.isEnabled()
    assert dialog.last_leaning.text() == (
        f"Your note of {dates.short(DAY)}: strongly leans to Centralised (tight)."
    )
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.objectName() == "FieldLabel"]
    assert labels[:3] == [
        "When does “Centralised (tight)” serve?",
        "When does “Decentralised (loose)” serve?",
        "The decision at stake",
    ]
    assert labels[-2:] == ["Do you lean one way? (optional)", "Noted on"]
    empty = TensionNoteDialog(context, TENSIONS[0])
    qtbot.addWidget(empty)
    assert empty.last_leaning.isHidden()
    empty.picker.set_leaning(1)
    empty.save()  # a leaning alone is not a note
    assert empty.error.text().startswith("Write when a side serves")
    assert len(notes_on(journal, "tight_loose")) == 1
