"""The Frameworks page, the cycle's leadership focus and the growth-area title, driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.cycle import cycles_for, start_cycle
from iltdesk.errors import DiskFull
from iltdesk.framework import add_item, framework_items, framework_name, item_labels
from iltdesk.growth import traits_for
from iltdesk.lead import add_lead
from iltdesk.models import FrameworkKind, TraitKind
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Mod, focused, wait_for_active
from ui.kit.context import AppContext
from ui.lead.cycles.view import CyclesView
from ui.lead.trait_dialog import TraitDialog
from ui.reflect.frameworks.import_dialog import ImportDialog
from ui.reflect.frameworks.page import FrameworksPage

LEAD = FrameworkKind.leadership


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> FrameworksPage:
    widget = FrameworksPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.activateWindow()
    return wait_for_active(FrameworksPage)


def tab_to(keys: DesktopKeys, widget: QWidget, most: int = 12) -> None:
    """Press Tab until ``widget`` has focus, as a person tabs through a form."""
    for _ in range(most):
        if QApplication.focusWidget() is widget:
            return
        keys.tab()  # after a dialog closes, first gives the window under it its focus back
    assert focused() is widget, f"Tab never reached {widget!r}; at {focused()!r}"


def test_items_are_added_named_moved_and_deleted_by_keys(
    page: FrameworksPage, journal: Journal
) -> None:
    keys = DesktopKeys()
    panel = page.panels[LEAD]
    assert not panel.empty.isHidden()
    panel.new_item.setFocus()
    keys.type("1.1 Sets a shared direction")
    keys.enter()
    keys.type("1.2 Leads adult learning")
    keys.enter()
    assert item_labels(journal, LEAD) == ["1.1 Sets a shared direction", "1.2 Leads adult learning"]
    assert focused() is panel.new_item and panel.new_item.text() == ""
    assert panel.empty.isHidden() and panel.table.rowCount() == 2

    # The name, as the district calls it: the tab follows.
    tab_to(keys, panel.name)
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type("Leader Standards")
    keys.enter()
    assert framework_name(journal, LEAD) == "Leader Standards"
    assert page.tabs.tabText(0) == "Leader Standards"

    # The second item moves up; its title is changed in place.
    tab_to(keys, panel.table)
    keys.press(Key.Key_Down)
    assert panel.table.currentRow() == 1
    keys.press(Key.Key_Up, Mod.ControlModifier)
    assert item_labels(journal, LEAD) == ["1.2 Leads adult learning", "1.1 Sets a shared direction"]
    assert panel.table.currentRow() == 0
    keys.press(Key.Key_F2)
    keys.press(Key.Key_A, Mod.ControlModifier)
    keys.type("Grows adult learning")
    keys.enter()
    assert item_labels(journal, LEAD)[0] == "1.2 Grows adult learning"

    # Delete asks first; Cancel (the default) keeps it, Delete removes it.
    keys.then_in(QMessageBox, lambda _box: keys.enter())
    keys.press(Key.Key_Delete)
    assert len(framework_items(journal, LEAD)) == 2

    def delete(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if b.text() == "Delete"]
        tab_to(keys, button, most=4)
        keys.press(Key.Key_Space)

    keys.then_in(QMessageBox, delete)
    keys.press(Key.Key_Delete)
    assert item_labels(journal, LEAD) == ["1.1 Sets a shared direction"]
    assert item_labels(journal, FrameworkKind.teacher) == []


def test_a_csv_is_imported_through_the_dialog_after_its_preview(
    page: FrameworksPage, journal: Journal, tmp_path: Path
) -> None:
    add_item(journal, FrameworkKind.teacher, "Checks for understanding", code="3d")
    listed = tmp_path / "rubric.csv"
    listed.write_text(
        "Code,Title,Description\n3a,Plans with the end in mind,Lessons from outcomes\n"
        "3d,Checks for understanding,\n4b,Gives timely feedback,\n",
        encoding="utf-8",
    )
    keys = DesktopKeys()
    panel = page.show_framework(FrameworkKind.teacher)
    panel.new_item.setFocus()
    seen: list[tuple[str, list[str], bool]] = []

    def pick(_picker: QFileDialog) -> None:
        keys.type(str(listed))
        keys.enter()

    def import_it(dialog: ImportDialog) -> None:
        assert not dialog.import_button.isEnabled()  # nothing to import yet
        tab_to(keys, dialog.choose_button)
        keys.then_in(QFileDialog, pick)
        keys.press(Key.Key_Space)
        rows = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
        seen.append((dialog.summary.text(), rows, dialog.import_button.isEnabled()))
        tab_to(keys, dialog.import_button)
        keys.press(Key.Key_Space)

    tab_to(keys, panel.import_button)
    dialogs = keys.then_in(ImportDialog, import_it)
    keys.press(Key.Key_Space)
    assert dialogs and not dialogs[0].isVisible()
    [(summary, rows, enabled)] = seen
    assert summary == "2 new items to add; 1 already in the list."
    assert rows == [
        "Adds  3a Plans with the end in mind",
        "Adds  4b Gives timely feedback",
        "Already there  3d Checks for understanding",
    ]
    assert enabled
    assert item_labels(journal, FrameworkKind.teacher) == [
        "3d Checks for understanding",
        "3a Plans with the end in mind",
        "4b Gives timely feedback",
    ]
    assert framework_items(journal, FrameworkKind.teacher)[1].description == "Lessons from outcomes"
    assert panel.table.rowCount() == 3 and item_labels(journal, LEAD) == []


def test_a_pasted_list_that_is_not_one_is_refused_in_the_dialog(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    dialog = ImportDialog(context, LEAD, "Leadership framework")
    qtbot.addWidget(dialog)
    QApplication.clipboard().setText("1.1 Vision\n" + "x" * 1100)  # copied from elsewhere
    QTest.keyClick(dialog.text, Key.Key_V, Mod.ControlModifier)
    assert not dialog.import_button.isEnabled()
    assert "Line 2 runs over" in dialog.error.text() and not dialog.error.isHidden()
    assert item_labels(journal, LEAD) == []


def test_the_cycle_focus_offers_the_leadership_framework(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    add_item(journal, LEAD, "Sets a shared direction", code="1.1")
    add_item(journal, LEAD, "Gives feedback that moves practice", code="2.3")
    add_item(journal, FrameworkKind.teacher, "Uses assessment in teaching", code="3d")
    lead = add_lead(journal, "Yolanda Brooks").id or 0
    start_cycle(journal, lead, goal="Every team meeting ends with a next step")
    view = CyclesView(context)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    view.show_lead(lead)
    view.activateWindow()
    wait_for_active(CyclesView)
    box = view.page.intention.focus
    box.setFocus()
    keys = DesktopKeys()
    keys.type("feedback")
    popup = box.completer.popup()
    assert popup is not None and popup.isVisible()
    assert [box.completer.completionModel().index(r, 0).data() for r in range(1)] == [
        "2.3 Gives feedback that moves practice"
    ]
    keys.press(Key.Key_Down)
    keys.enter()
    assert box.text() == "2.3 Gives feedback that moves practice"
    qtbot.waitUntil(lambda: not view.page.autosaver.dirty, timeout=3000)
    [cycle] = cycles_for(journal, lead)
    assert cycle.focus_indicator == "2.3 Gives feedback that moves practice"
    # Down on its own lists every leadership item, and never the teacher rubric's.
    box.set_text("")
    keys.press(Key.Key_Down)
    assert popup.isVisible() and box.completer.completionCount() == 2
    keys.escape()
    assert not popup.isVisible()


def test_a_growth_area_can_take_its_title_from_the_leadership_framework(
    qtbot: QtBot, context: AppContext, journal: Journal
) -> None:
    add_item(journal, LEAD, "Builds trust across the team", code="1.3")
    add_item(journal, FrameworkKind.teacher, "Builds a culture of trust in class", code="2a")
    lead = add_lead(journal, "Maya Ortiz").id or 0
    dialog = TraitDialog(context, lead, TraitKind.growth)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_for_active(TraitDialog)
    keys = DesktopKeys()
    keys.type("trust")
    completer = dialog.title.completer()
    assert completer is not None and completer.completionCount() == 1  # leadership items only
    keys.press(Key.Key_Down)
    keys.enter()  # takes the item
    assert dialog.title.text() == "1.3 Builds trust across the team"
    keys.enter()  # saves
    assert not dialog.isVisible()
    [trait] = traits_for(journal, lead)
    assert (trait.kind, trait.title) == (TraitKind.growth, "1.3 Builds trust across the team")


def test_a_full_disk_says_so_once_and_keeps_what_was_typed(
    page: FrameworksPage, context: AppContext, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> None:
        raise DiskFull("The disk is full.")

    monkeypatch.setattr("ui.reflect.frameworks.panel.add_item", full)
    said: list[str] = []
    context.save_failed.connect(said.append)
    panel = page.panels[LEAD]
    panel.new_item.setFocus()
    keys = DesktopKeys()
    keys.type("1.1 Sets a shared direction")
    keys.enter()
    assert len(said) == 1 and said[0].startswith("Not saved")
    assert panel.new_item.text() == "1.1 Sets a shared direction"
    assert panel.error.isHidden() and item_labels(journal, LEAD) == []
