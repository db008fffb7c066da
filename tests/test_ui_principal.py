"""My leadership, by keys: reached from the sidebar, her energy logged, a question and a
realisation written, the journal filtered, a note found by search and opened on its page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import drafts
from iltdesk.errors import DiskFull
from iltdesk.models import LeadershipNoteKind
from iltdesk.principal import add_note, energy_history, leadership_notes, log_energy
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from tests.keys import (
    DesktopKeys,
    Key,
    Keys,
    choose_in_menu,
    focused,
    settle,
    tab_to,
    wait_for_active,
)
from tests.keys import press_button as press
from ui.kit.context import AppContext
from ui.kit.pages import ReflectPage
from ui.kit.roles import PAGE_KEY
from ui.navigation.search_dialog import SearchDialog
from ui.reflect.principal.dialogs import EnergyDialog, LeadershipNoteDialog
from ui.reflect.principal.page import EMPTY_JOURNAL, PrincipalPage
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")
QUESTION = "How do I drive the team without taking over?"
REALISATION = "Asking “tell me more” first brings the team's own answer."


def window_on(qtbot: QtBot, journal: Journal) -> MainWindow:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(1200, 860)
    window.show()
    window.activateWindow()
    return wait_for_active(MainWindow)


def to_my_leadership(keys: Keys, window: MainWindow) -> PrincipalPage:
    """Tab to the sidebar and arrow down to "My leadership"."""
    tree = window.sidebar.tree
    tab_to(keys, lambda w: w is tree)
    for _ in range(30):
        if tree.currentIndex().data(PAGE_KEY) == ReflectPage.MY_LEADERSHIP:
            break
        keys.press(Key.Key_Down)
    assert tree.currentIndex().data() == "My leadership"
    page = window.reflect.pages[ReflectPage.MY_LEADERSHIP]
    assert isinstance(page, PrincipalPage) and window.pages.currentWidget() is page
    return page


def write_note(keys: Keys, text: str) -> Callable[[LeadershipNoteDialog], None]:
    def write(dialog: LeadershipNoteDialog) -> None:
        assert focused() is dialog.text
        keys.type(text)
        keys.shortcut("Ctrl+Return")

    return write


def test_energy_a_question_and_a_realisation_by_keys_from_the_sidebar(
    qtbot: QtBot, journal: Journal
) -> None:
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_my_leadership(keys, window)
    assert page.empty.isVisible() and page.empty.text() == EMPTY_JOURNAL
    assert page.trend.text() == "No energy logged yet."

    def log(dialog: EnergyDialog) -> None:
        keys.type("2")  # the level, at one key
        assert dialog.level() == 2
        keys.tab()
        assert focused() is dialog.note
        keys.type("Budget cuts on top of the testing window")
        keys.enter()

    keys.then_in(EnergyDialog, log)
    press(keys, "Log my energy…")
    qtbot.waitUntil(lambda: bool(energy_history(journal)))
    [check] = energy_history(journal)
    assert (check.level, check.note) == (2, "Budget cuts on top of the testing window")
    assert page.chart.points == ((date.today(), 2),)
    assert page.trend.text().startswith("Your first check: 2 of 5, strained")
    assert "Budget cuts" in page.check_list.item(0).text()

    keys.then_in(LeadershipNoteDialog, write_note(keys, QUESTION))
    press(keys, "Add a question…")
    qtbot.waitUntil(lambda: bool(leadership_notes(journal)))
    keys.then_in(LeadershipNoteDialog, write_note(keys, REALISATION))
    press(keys, "Add a realisation…")
    qtbot.waitUntil(lambda: len(leadership_notes(journal)) == 2)
    kinds = [(n.kind, n.text.strip()) for n in leadership_notes(journal)]
    assert sorted(kinds) == [
        (LeadershipNoteKind.question, QUESTION),
        (LeadershipNoteKind.realisation, REALISATION),
    ]
    assert [c.kind.text() for c in page.note_cards] == ["Realisation", "Question"]
    assert not page.empty.isVisible()

    # The filter, by arrows: questions only, then realisations only.
    tab_to(keys, lambda w: w is page.filter)
    keys.press(Key.Key_Down)
    assert [c.note.text.strip() for c in page.note_cards] == [QUESTION]
    keys.press(Key.Key_Down)
    assert [c.note.text.strip() for c in page.note_cards] == [REALISATION]
    window.release()


def test_a_question_becomes_a_realisation_and_a_check_is_deleted_after_asking(
    qtbot: QtBot, journal: Journal
) -> None:
    note = add_note(journal, LeadershipNoteKind.question, "What is possible this year?")
    log_energy(journal, 4, "Before the break")
    window = window_on(qtbot, journal)
    keys = DesktopKeys()
    page = to_my_leadership(keys, window)

    def turn(dialog: LeadershipNoteDialog) -> None:
        try:
            assert dialog.kind() is LeadershipNoteKind.question
            keys.press(Key.Key_Backtab)  # from the words back to the kind chosen
            keys.press(Key.Key_Right)
            assert dialog.kind() is LeadershipNoteKind.realisation
            keys.shortcut("Ctrl+Return")
        finally:
            if dialog.isVisible():
                dialog.hide()

    keys.then_in(LeadershipNoteDialog, turn)
    tab_to(keys, lambda w: w is page.note_cards[0].actions_button)
    choose_in_menu(keys, "Edit…")
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: leadership_notes(journal)[0].kind is LeadershipNoteKind.realisation)
    assert leadership_notes(journal)[0].id == note.id

    def delete(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if b.text() == "Delete"]
        tab_to(keys, lambda w: w is button)
        keys.press(Key.Key_Space)

    def correct(dialog: EnergyDialog) -> None:
        assert dialog.level() == 4 and focused() is dialog.group.button(4)
        keys.type("3")
        keys.tab()
        keys.press(Key.Key_End)  # Tab selected the note: add to it
        keys.type(", then the flu")
        keys.enter()

    tab_to(keys, lambda w: w is page.check_list)
    keys.press(Key.Key_Down)
    keys.then_in(EnergyDialog, correct)
    keys.enter()  # Enter on a check corrects it
    qtbot.waitUntil(lambda: energy_history(journal)[0].level == 3)
    assert energy_history(journal)[0].note == "Before the break, then the flu"
    tab_to(keys, lambda w: w is page.check_list)
    keys.then_in(QMessageBox, lambda _box: keys.enter())  # Cancel, the default, keeps it
    keys.press(Key.Key_Delete)
    assert len(energy_history(journal)) == 1
    keys.then_in(QMessageBox, delete)
    keys.press(Key.Key_Delete)
    assert energy_history(journal) == []
    assert page.check_list.count() == 0
    window.release()


def test_search_finds_a_note_and_opening_the_hit_shows_it(qtbot: QtBot, journal: Journal) -> None:
    for day in range(1, 8):
        add_note(
            journal,
            LeadershipNoteKind.question,
            f"Filler question {day}",
            noted_on=date(2026, 9, day),
        )
    note = add_note(
        journal,
        LeadershipNoteKind.realisation,
        "Stay on the balcony in data meetings",
        noted_on=date(2026, 8, 20),
    )
    window = window_on(qtbot, journal)
    keys = DesktopKeys()

    def find(dialog: SearchDialog) -> None:
        keys.type("balcony")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=3000)
        keys.enter()

    keys.then_in(SearchDialog, find)
    keys.shortcut("Ctrl+F")
    page = window.reflect.pages.get(ReflectPage.MY_LEADERSHIP)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page and page is not None)
    assert isinstance(page, PrincipalPage)
    settle()
    [shown] = [c for c in page.note_cards if c.property("current")]
    assert shown.note.id == note.id
    assert window.sidebar.tree.currentIndex().data() == "My leadership"
    # Opened from anywhere (even with the journal filtered to questions), it is shown.
    tab_to(keys, lambda w: w is page.filter)
    keys.press(Key.Key_Down)
    assert note.id not in [c.note.id for c in page.note_cards]
    window.context.open_record.emit(RecordKind.LEADERSHIP_NOTE, note.id or 0)
    assert page.filter.currentIndex() == 0
    assert any(c.note.id == note.id and c.property("current") for c in page.note_cards)
    window.release()


def test_a_full_disk_says_so_once_and_keeps_the_note_typed(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> None:
        raise DiskFull("The disk is full.")

    monkeypatch.setattr("ui.reflect.principal.dialogs.add_note", full)
    window = window_on(qtbot, journal)
    said: list[str] = []
    window.context.save_failed.connect(said.append)
    keys = DesktopKeys()
    page = to_my_leadership(keys, window)
    kept: list[str] = []

    def refused(dialog: LeadershipNoteDialog) -> None:
        try:
            keys.type(QUESTION)
            keys.shortcut("Ctrl+Return")
            kept.append(dialog.text.toPlainText() if dialog.isVisible() else "closed")
            keys.then_in(QMessageBox, discard)
            keys.escape()  # asks first: what was typed would be lost
        finally:
            if dialog.isVisible():
                dialog.hide()

    def discard(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if b.text() == "&Discard"]
        tab_to(keys, lambda w: w is button)
        keys.press(Key.Key_Space)

    keys.then_in(LeadershipNoteDialog, refused)
    press(keys, "Add a question…")
    qtbot.waitUntil(lambda: bool(kept))
    assert kept == [QUESTION]
    qtbot.waitUntil(lambda: not QApplication.activeModalWidget())
    assert drafts.kept_draft(journal, "leadership_note", "new") is None  # discarded by keys
    assert len(said) == 1 and said[0].startswith("Not saved")
    assert leadership_notes(journal) == [] and page.note_cards == []
    window.release()


def test_the_page_fits_a_small_screen_with_notes_and_checks(qtbot: QtBot, journal: Journal) -> None:
    for day in range(1, 20):
        log_energy(journal, 1 + day % 5, f"Check {day}", on=date(2026, 10, day))
        add_note(journal, LeadershipNoteKind.question, f"Question {day} " * 12)
    window = window_on(qtbot, journal)
    page = to_my_leadership(DesktopKeys(), window)
    settle()
    for asked in (window.minimumSizeHint(), window.minimumSize()):
        assert asked.width() <= 1000 and asked.height() <= 650, asked
    window.resize(QSize(1024, 700))
    settle()
    assert window.size() == QSize(1024, 700)
    assert page.chart.isVisible() and page.chart.height() >= 100
    window.release()
