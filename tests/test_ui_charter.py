"""The charter page's versions, driven as a person would: the charter written and revised by
keys, its history read and any two versions compared, a draft kept through Escape, the theme
from the teacher rubric. (The year's plan and meetings: tests/test_charter_ui_year.py.)"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk import drafts
from iltdesk.charter import (
    charter_versions,
    current_charter,
    revise_charter,
)
from iltdesk.framework import add_item
from iltdesk.models import FrameworkKind
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from tests.keys import (
    DesktopKeys,
    Key,
    Keys,
    Mod,
    focused,
    settle,
    wait_for_active,
)
from ui.kit.context import AppContext
from ui.reflect.charter.charter_dialog import CharterDialog
from ui.reflect.charter.page import CharterPage
from ui.reflect.charter.versions import CompareDialog

DAY = date.today() - timedelta(days=120)
TAB_LIMIT = 80


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


def shown(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def active_page(qtbot: QtBot, context: AppContext) -> CharterPage:
    """The page as the window a person works in: shown and active, keys reaching it."""
    page = shown(qtbot, CharterPage(context))
    page.activateWindow()
    wait_for_active(CharterPage)
    return page


def back_to(widget: QWidget) -> None:
    """After a dialog closes, its window is active again (offscreen, no window manager does
    it: the test does what it would)."""
    if QApplication.focusWidget() is None:
        widget.window().activateWindow()
        wait_for_active(type(widget.window()))


def tab_to(keys: Keys, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus."""
    back_to(target)
    for _ in range(TAB_LIMIT):
        if focused() is target:
            return
        keys.tab()
    raise AssertionError(f"Tab never reached it; focus is on {focused()!r}")


def press(keys: Keys, widget: QWidget) -> None:
    """Tab to a button and press Space on it."""
    tab_to(keys, widget)
    keys.press(Key.Key_Space)


def open_dialog(keys: Keys, page: CharterPage, button: QWidget) -> CharterDialog:
    press(keys, button)
    return wait_for_active(CharterDialog)


def rewrite(keys: Keys, box: QWidget, text: str) -> None:
    """Tab to a box, select what it holds and type over it."""
    tab_to(keys, box)
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type(text)


def save(keys: Keys) -> None:
    keys.press(Key.Key_Return, Mod.ControlModifier)
    settle()


# -- the charter in versions ----------------------------------------------------------------------


def test_write_then_revise_by_keys_read_the_old_version_and_compare(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    page = active_page(qtbot, context)
    card, keys = page.charter, DesktopKeys()
    assert card.stack.currentIndex() == 0 and not card.revise_button.isVisible()

    dialog = open_dialog(keys, page, card.write_button)
    assert dialog.windowTitle().startswith("Write the charter")
    assert focused() is dialog.editors["purpose"]
    keys.type("Every student reads on grade level")
    rewrite(keys, dialog.editors["norms"], "Start on time")
    rewrite(keys, dialog.editors["lead_qualities"], "Brings team data to every meeting")
    save(keys)
    first = current_charter(journal)
    assert first is not None and first.norms == "Start on time"
    assert card.stack.currentIndex() == 1 and card.status.text() == "In force"
    assert "Every student reads on grade level" in card.reader.plain_text()
    assert not card.compare_button.isEnabled()

    dialog = open_dialog(keys, page, card.revise_button)
    assert dialog.windowTitle().startswith("Revise the charter")
    assert dialog.editors["purpose"].markdown().strip() == "Every student reads on grade level"
    assert focused() is dialog.why
    keys.type("Half the team is new and we meet online")
    rewrite(keys, dialog.editors["norms"], "Cameras on; start on time")
    tab_to(keys, dialog.theme)  # typed into its own line
    keys.type("3b Questioning")
    save(keys)

    versions = charter_versions(journal)
    assert [v.norms for v in versions] == ["Cameras on; start on time", "Start on time"]
    assert versions[0].theme == "3b Questioning"
    assert versions[0].lead_qualities == "Brings team data to every meeting"  # carried over
    history = card.history
    assert history.count() == 2
    assert "in force — Half the team is new" in history.item(0).text()
    assert "the first version" in history.item(1).text()
    assert "Cameras on" in card.reader.plain_text()

    tab_to(keys, history)
    keys.press(Key.Key_Down)  # the first version, as it was written
    old = card.reader.plain_text()
    assert "Start on time" in old and "Cameras on" not in old
    assert card.status.text() == "An earlier version"
    assert "replaced on" in card.reader.dates_label.text()

    press(keys, card.compare_button)
    compare = wait_for_active(CompareDialog)
    text = compare.browser.toPlainText()
    assert "Norms" in text and "Start on time" in text and "Cameras on" in text
    assert "The ILT's theme (written for the first time)" in text
    assert "Half the team is new" in text
    assert "Purpose" not in text  # unchanged, so not listed
    keys.press(Key.Key_F, Mod.AltModifier)  # "From" the one in force "to" itself
    keys.press(Key.Key_Home)
    assert "two different versions" in compare.browser.toPlainText()
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(compare) or not compare.isVisible())


def test_escape_in_the_revise_dialog_keeps_the_text_and_its_draft(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    revise_charter(journal, made_on=DAY, purpose="Grow readers", norms="Start on time")
    page = active_page(qtbot, context)
    keys = DesktopKeys()
    dialog = open_dialog(keys, page, page.charter.revise_button)
    keys.type("Revisited in October")
    rewrite(keys, dialog.editors["commitments"], "Each of us brings one artifact a month")
    qtbot.waitUntil(
        lambda: (
            (kept := drafts.kept_draft(journal, "charter", "")) is not None
            and "artifact" in kept.fields.get("commitments", "")
        ),
        timeout=4000,
    )

    asked: list[str] = []
    keys.then_in(QMessageBox, lambda box: (asked.append(box.text()), keys.enter()))
    keys.escape()  # the question comes; Enter keeps editing
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["Discard what you typed?"]
    assert dialog.isVisible() and dialog.why.text() == "Revisited in October"
    assert "artifact" in dialog.editors["commitments"].markdown()
    assert len(charter_versions(journal)) == 1

    # Escape again, and Discard this time: the dialog closes and its draft goes with it.
    keys.then_in(QMessageBox, lambda _box: keys.press(Key.Key_D, Mod.AltModifier))
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    assert drafts.kept_draft(journal, "charter", "") is None
    assert len(charter_versions(journal)) == 1

    # A draft left by a lock or a crash fills the dialog when it is opened again.
    drafts.keep_draft(
        journal, "charter", "", {"why": "Revisited in October", "commitments": "One artifact"}
    )
    page.activateWindow()
    wait_for_active(CharterPage)
    again = open_dialog(keys, page, page.charter.revise_button)
    assert again.why.text() == "Revisited in October"
    assert again.editors["commitments"].markdown().strip() == "One artifact"
    assert again.editors["purpose"].markdown().strip() == "Grow readers"
    save(keys)
    assert current_charter(journal).commitments == "One artifact"  # type: ignore[union-attr]
    assert drafts.kept_draft(journal, "charter", "") is None


def test_a_revision_without_a_why_is_refused_in_the_dialog(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    revise_charter(journal, made_on=DAY, norms="Start on time")
    page = active_page(qtbot, context)
    keys = DesktopKeys()
    dialog = open_dialog(keys, page, page.charter.revise_button)
    rewrite(keys, dialog.editors["norms"], "Start on time, end on time")
    save(keys)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Say why the charter changes" in dialog.error.text()
    assert len(charter_versions(journal)) == 1
    dialog.mark_clean()  # leave without the question (it would wait for an answer)
    keys.escape()
    assert not isValid(dialog) or not dialog.isVisible()


def test_the_theme_is_picked_from_the_teacher_rubric(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    add_item(journal, FrameworkKind.leadership, "Leading adult learning", code="2.1")
    add_item(journal, FrameworkKind.teacher, "Using questioning", code="3b")
    add_item(journal, FrameworkKind.teacher, "Using assessment in instruction", code="3d")
    page = active_page(qtbot, context)
    keys = DesktopKeys()
    dialog = open_dialog(keys, page, page.charter.write_button)
    theme = dialog.theme
    # The teacher rubric only: a leader's framework is for leads' cycles, not the ILT's theme.
    assert [theme.itemText(i) for i in range(theme.count())] == [
        "3b Using questioning",
        "3d Using assessment in instruction",
    ]
    tab_to(keys, theme)
    keys.press(Key.Key_Down, times=2)
    save(keys)
    found = current_charter(journal)
    assert found is not None and found.theme == "3d Using assessment in instruction"
    assert "3d Using assessment in instruction" in page.charter.reader.plain_text()


def test_compare_across_several_revisions_gives_each_why(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    revise_charter(journal, made_on=DAY, norms="Start on time")
    revise_charter(journal, why="Online this year", made_on=DAY + timedelta(30), norms="Cameras on")
    revise_charter(
        journal, why="Back in the building", made_on=DAY + timedelta(90), goals="Grow readers"
    )
    page = active_page(qtbot, context)
    keys = DesktopKeys()
    press(keys, page.charter.compare_button)
    compare = wait_for_active(CompareDialog)
    assert "Goals for the year" in compare.browser.toPlainText()  # the last revision first
    assert "Online this year" not in compare.browser.toPlainText()
    keys.press(Key.Key_F, Mod.AltModifier)  # "From": the first version, at the list's end
    keys.press(Key.Key_End)
    text = compare.browser.toPlainText()
    assert "Norms" in text and "Goals for the year" in text
    assert text.index("Online this year") < text.index("Back in the building")
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(compare) or not compare.isVisible())


def test_opened_at_a_version_from_search(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    first = revise_charter(journal, made_on=DAY, purpose="Grow readers")
    revise_charter(journal, why="Year two", made_on=DAY + timedelta(200), purpose="Grow writers")
    page = shown(qtbot, CharterPage(context))
    page.select(RecordKind.CHARTER, first.id or 0)
    assert page.charter.history.currentRow() == 1
    assert "Grow readers" in page.charter.reader.plain_text()
