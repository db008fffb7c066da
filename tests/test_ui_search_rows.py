"""The search dialog reads a record's text when its row is listed, not before: the first
screen is read and painted first, the rest after, and a record deleted in between is left
out and no longer counted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.journal import Journal
from tests.keys import Keys
from ui.kit.context import AppContext
from ui.navigation.hit_rows import HitDelegate
from ui.navigation.search_dialog import SearchDialog
from ui.navigation.search_warmer import DaysWarmer

NOTES = 30
KEYS = Keys()  # presses keys on the focused widget


def _notes(journal: Journal) -> None:
    add_lead(journal, "Maya Ortiz", on_ilt_since=date.today())
    for day in range(NOTES):
        add_quick_note(
            journal,
            "Maya Ortiz",
            f"Walked the science wing: the exit ticket routine in room {day}.",
            held_on=date(2027, 3, 1) + timedelta(day),
        )


def _dialog(qtbot: QtBot, journal: Journal) -> SearchDialog:
    dialog = SearchDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    # Keys go where a person's would: the search field has focus when the window opens.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field, timeout=3000)
    return dialog


def test_only_the_first_screens_records_are_read_before_it_is_painted(
    qtbot: QtBot, journal: Journal
) -> None:
    _notes(journal)
    dialog = _dialog(qtbot, journal)
    model = dialog.results_model
    at_reset: list[tuple[int, int, int]] = []
    model.modelReset.connect(
        lambda: at_reset.append((len(model.hits), model.rowCount(), model.found()))
    )
    KEYS.type("routin")
    qtbot.waitUntil(lambda: model.rowCount() == NOTES, timeout=3000)
    read, listed, found = at_reset[-1]
    assert read == listed < NOTES and found == NOTES
    assert len(model.hits) == NOTES
    # Newest first, every one once.
    days = [h.happened_on for h in model.hits]
    assert days == sorted(days, reverse=True) and len(set(days)) == NOTES
    assert dialog.footer.text().startswith(f"{NOTES} matches")


def test_a_record_deleted_before_its_row_is_listed_is_left_out(
    qtbot: QtBot, journal: Journal
) -> None:
    _notes(journal)
    dialog = _dialog(qtbot, journal)
    model = dialog.results_model
    oldest = journal.execute("SELECT min(id) FROM one_on_one")[0][0]

    def delete_the_oldest() -> None:  # listed last: not read yet when the first rows show
        if model.rowCount() < NOTES and len(model.hits) < NOTES:
            journal.execute("DELETE FROM one_on_one WHERE id = ?", (oldest,))

    model.modelReset.connect(delete_the_oldest)
    KEYS.type("routin")
    qtbot.waitUntil(lambda: model.found() == NOTES - 1, timeout=3000)
    qtbot.waitUntil(lambda: model.rowCount() == NOTES - 1, timeout=3000)
    assert oldest not in [h.record_id for h in model.hits]
    assert all(model.index(row, 0).data(model.HIT_ROLE) for row in range(model.rowCount()))
    assert dialog.footer.text().startswith(f"{NOTES - 1} matches")


def test_opening_search_reads_the_days_once_while_typing_goes_on(
    qtbot: QtBot, journal: Journal
) -> None:
    _notes(journal)
    assert not DaysWarmer.done(journal)
    dialog = _dialog(qtbot, journal)
    KEYS.type("routin")
    qtbot.waitUntil(lambda: DaysWarmer.done(journal), timeout=3000)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == NOTES, timeout=3000)
    KEYS.escape()
    assert dialog.isHidden()
    again = _dialog(qtbot, journal)  # read already: nothing more to read
    assert DaysWarmer.done(journal)
    KEYS.type("exit")
    qtbot.waitUntil(lambda: again.results_model.rowCount() == NOTES, timeout=3000)


def test_a_new_search_marks_its_own_words_in_a_row_shown_before(
    qtbot: QtBot, journal: Journal
) -> None:
    _notes(journal)
    dialog = _dialog(qtbot, journal)
    model = dialog.results_model
    delegate = dialog.results.itemDelegate()
    assert isinstance(delegate, HitDelegate)

    def shown() -> str:
        return delegate.html(model.index(0, 0), "#777777", False)

    KEYS.type("routine")
    qtbot.waitUntil(lambda: "routine</span>" in shown(), timeout=3000)
    KEYS.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    KEYS.type("exit")
    # The same record listed first again, now with what this search looked for marked.
    qtbot.waitUntil(lambda: "exit</span>" in shown(), timeout=3000)
    assert "routine</span>" not in shown()
