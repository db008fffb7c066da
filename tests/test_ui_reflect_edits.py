"""Correcting and deleting reflection records from the pages that show them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.challenge import add_challenge, challenges, log, log_entries
from iltdesk.models import LogKind
from iltdesk.self_check import check_ins, record_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSION_BY_KEY, add_note, notes_on
from tests.conftest import PASSPHRASE
from tests.dialogs import answer_with
from ui.kit.context import AppContext
from ui.kit.fields import qdate
from ui.kit.record_actions import confirm_delete
from ui.reflect.challenges.log_entry_dialog import LogEntryDialog
from ui.reflect.challenges.page import ChallengesPage
from ui.reflect.self_check.dialog import SelfCheckDialog
from ui.reflect.self_check.page import SelfCheckPage
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.reflect.tensions.page import TensionsPage


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


def shown(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.show()
    return widget


def menu_actions(button: QToolButton) -> dict[str, Callable[[], None]]:
    """The ⋯ button's menu, by the words a person reads."""
    menu = button.menu()
    assert menu is not None
    return {a.text(): a.trigger for a in menu.actions()}


def visible_buttons(entries: QWidget) -> list[QToolButton]:
    QApplication.processEvents()  # rows added to a shown layout are shown by a queued call
    return [b for b in entries.findChildren(QToolButton) if b.isVisibleTo(entries)]


def reopened(journal: Journal) -> Journal:
    path = journal.path
    journal.close()
    return Journal.open(path, PASSPHRASE)


def test_confirm_delete_defaults_to_cancel_and_deletes_only_when_asked(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def press(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        assert "It moves to the Trash, where you can restore it for 30 days." in box.text()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: press("Cancel"))
    assert confirm_delete(parent, "Delete this note?", "“A note”") is False
    QTimer.singleShot(0, lambda: press("Delete"))
    assert confirm_delete(parent, "Delete this note?", "“A note”") is True


def test_a_log_entry_is_edited_then_deleted_from_its_menu(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    challenge = add_challenge(journal, "Turnover on a half-new team")
    log(journal, challenge.id or 0, LogKind.decision, "Paused new initiatives")
    page = shown(qtbot, ChallengesPage(context))
    page.view.load(challenges(journal)[0])
    entries = page.view.log

    def fill(dialog: LogEntryDialog) -> None:
        dialog.text.setPlainText("  ")
        dialog.save()  # an empty entry is refused and the dialog keeps what was typed
        assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)
        dialog.kind.setCurrentIndex(2)
        dialog.when.setDate(qdate(date(2026, 2, 3)))
        dialog.text.setPlainText("I paused things because I was worried")

    answer_with(monkeypatch, LogEntryDialog, fill)
    more = visible_buttons(entries.card)
    assert len(more) == 1 and more[0].toolTip() == "Edit or delete this entry"
    menu_actions(more[0])["Edit…"]()
    [entry] = entries.entries
    assert (entry.kind, entry.logged_on, entry.text) == (
        LogKind.learning,
        date(2026, 2, 3),
        "I paused things because I was worried",
    )
    asked: list[str] = []
    monkeypatch.setattr(
        "ui.reflect.challenges.log.confirm_delete",
        lambda _p, title, _w: asked.append(title) or False,
    )
    menu_actions(visible_buttons(entries.card)[0])["Delete…"]()
    assert asked == ["Delete this log entry?"] and len(entries.entries) == 1  # cancelled
    monkeypatch.setattr("ui.reflect.challenges.log.confirm_delete", lambda *_: True)
    menu_actions(visible_buttons(entries.card)[0])["Delete…"]()
    assert entries.entries == [] and entries.empty.isVisibleTo(entries)
    journal = reopened(journal)
    assert log_entries(journal, challenge.id or 0) == []
    journal.close()


def test_a_tension_note_is_edited_in_its_form_and_deleted(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    older = add_note(journal, "fast_slow", -1, note="Pilot first", noted_on=date(2026, 1, 5))
    add_note(journal, "fast_slow", 1, note="Push on", noted_on=date(2026, 2, 5))
    page = shown(qtbot, TensionsPage(context))
    page.select_note(older.id or 0)

    def fill(dialog: TensionNoteDialog) -> None:
        assert dialog.windowTitle().startswith("Edit a note")
        assert dialog.note.toPlainText() == "Pilot first"  # the form opens with the note
        assert dialog.picker.leaning() == -1
        dialog.picker.set_leaning(-2)
        dialog.evidence.setPlainText("Grade 7 stalled twice")

    answer_with(monkeypatch, TensionNoteDialog, fill)
    card = next(c for c in page.note_cards if c.note.id == older.id)
    menu_actions(card.actions_button)["Edit…"]()
    notes = notes_on(journal, "fast_slow")
    assert [(n.id, n.leaning, n.evidence) for n in notes][1] == (
        older.id,
        -2,
        "Grade 7 stalled twice",
    )
    assert len(notes) == 2  # corrected in place, not added
    monkeypatch.setattr("ui.reflect.tensions.page.confirm_delete", lambda *_: True)
    card = next(c for c in page.note_cards if c.note.id == older.id)
    menu_actions(card.actions_button)["Delete…"]()
    assert [c.note.note for c in page.note_cards] == ["Push on"]
    journal = reopened(journal)
    assert [n.note for n in notes_on(journal, "fast_slow")] == ["Push on"]
    journal.close()


def test_a_check_in_is_corrected_and_deleted_from_the_page(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    first = record_check(
        journal, dict.fromkeys(CURRENT_SET.item_area, 1), taken_on=date(2026, 1, 10)
    )
    record_check(journal, dict.fromkeys(CURRENT_SET.item_area, 3), taken_on=date(2026, 3, 10))
    page = shown(qtbot, SelfCheckPage(context))
    page.select_check(first.id or 0)
    item = next(iter(CURRENT_SET.item_area))

    def fill(dialog: SelfCheckDialog) -> None:
        assert dialog.save_button.text() == "Save changes"
        assert dialog.answers() == dict.fromkeys(
            CURRENT_SET.item_area, 1
        )  # opens with what was rated
        dialog.set_rating(item, 4)
        dialog.notes["talent"].set_markdown("New leads need more time")

    answer_with(monkeypatch, SelfCheckDialog, fill)
    menu_actions(page.check_actions)["Edit…"]()
    selected = page.selected()
    assert selected is not None and selected.check.id == first.id  # still the one corrected
    assert selected.answers[item] == 4 and selected.notes == {"talent": "New leads need more time"}
    assert len(check_ins(journal)) == 2
    monkeypatch.setattr("ui.reflect.self_check.page.confirm_delete", lambda *_: True)
    menu_actions(page.check_actions)["Delete…"]()
    assert [e.check.taken_on for e in check_ins(journal)] == [date(2026, 3, 10)]
    shown_now = page.selected()
    assert shown_now is not None and shown_now.check.taken_on == date(2026, 3, 10)


def test_cancelling_an_unchanged_correction_does_not_ask(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, context: AppContext, journal: Journal
) -> None:
    record_check(journal, dict.fromkeys(CURRENT_SET.item_area, 2), notes={"talent": "Busy term"})
    entry = check_ins(journal)[0]
    asked: list[object] = []
    monkeypatch.setattr("ui.kit.unsaved.confirm_discard", lambda *a: asked.append(a) or False)
    dialog = SelfCheckDialog(context, editing=entry)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert asked == [] and dialog.result() == 0
    dialog = SelfCheckDialog(context, editing=entry)
    qtbot.addWidget(dialog)
    dialog.set_rating(next(iter(CURRENT_SET.item_area)), 0)
    dialog.reject()  # a changed rating would be lost: ask first
    assert len(asked) == 1


def test_every_step_of_the_leaning_picker_saves_its_own_leaning(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    """-1 was once a button id, which QButtonGroup reads as "choose an id for me"."""
    for leaning in range(-2, 3):
        dialog = TensionNoteDialog(context, TENSION_BY_KEY["build_buy"])
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.picker.step_button(leaning), Qt.MouseButton.LeftButton)
        assert dialog.picker.leaning() == leaning
        dialog.note.setPlainText("Why")  # a leaning alone is not a note
        dialog.save()
        assert dialog.saved_note is not None and dialog.saved_note.leaning == leaning
    assert sorted(n.leaning for n in notes_on(journal, "build_buy")) == [-2, -1, 0, 1, 2]
