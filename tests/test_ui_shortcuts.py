"""Every window shortcut works from every kind of widget that can have focus in the window.

A QLineEdit on X11 takes Ctrl+E and Ctrl+K for itself (emacs keys, through ShortcutOverride),
so Export did nothing while "Filter leads" had focus. The offscreen platform binds no emacs
keys, so the text-like widgets here claim every key the way such a field does (``X11Field``):
the window's own shortcuts must still win, and the standard editing keys must not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.keys import Keys, focused, settle, wait_for_active
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

KINDS = (
    "sidebar list",
    "filter field",
    "tab bar",
    "1:1 notes",
    "combo box",
    "date field",
    "list widget",
    "button",
)
TEXT_LIKE = {"filter field", "1:1 notes", "date field"}


class X11Field(QObject):
    """Claims every key through ShortcutOverride, as a text field with emacs keys does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return False


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


@dataclass
class Scene:
    qtbot: QtBot
    journal: Journal
    lead_id: int
    meeting_id: int
    keys: Keys = field(default_factory=Keys)
    window: MainWindow | None = None
    locks: list[int] = field(default_factory=list)
    opens: list[object] = field(default_factory=list)
    claims: X11Field = field(default_factory=X11Field)

    def new_window(self) -> MainWindow:
        window = MainWindow(AppContext(self.journal))
        self.qtbot.addWidget(window)
        window.lock_requested.connect(lambda: self.locks.append(1))
        window.open_journal_requested.connect(self.opens.append)
        window.show()
        self.window = window
        return window

    def focus_on(self, kind: str) -> QWidget:
        """Put the window on the lead's 1:1 and the focus on a widget of ``kind``."""
        window = self.window if self.window and self.window.isVisible() else self.new_window()
        window.raise_()
        window.activateWindow()
        wait_for_active(MainWindow)
        window.show_today()  # leaves a 1:1 that Ctrl+N started (the app then drops it)
        window.show_lead(self.lead_id)
        page = window.lead_page
        page.tabs.setCurrentWidget(page.one_on_ones)
        page.one_on_ones.select(self.meeting_id)
        editor = page.one_on_ones.editor
        targets: dict[str, QWidget] = {
            "sidebar list": window.sidebar.tree,
            "filter field": window.sidebar.filter,
            "tab bar": page.tabs.tabBar(),
            "1:1 notes": editor.notes,
            "combo box": editor.step_owner,
            "date field": editor.step_due,
            "list widget": editor.agenda,
            "button": page.edit_button,
        }
        target = targets[kind]
        editor.ensureWidgetVisible(target)
        target.setFocus()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() in (target, target.focusProxy()))
        if kind in TEXT_LIKE:
            focused().installEventFilter(self.claims)
        return target


@pytest.fixture
def scene(qtbot: QtBot, journal: Journal) -> Scene:
    lead = add_lead(journal, "Amara Okafor", role="Grade 6 lead", team="Grade 6")
    start_cycle(journal, lead.id or 0, goal="Every team meeting ends with a next step")
    meeting = start_one_on_one(journal, lead.id or 0)
    # A 1:1 with notes: an untouched new one would be dropped when the window leaves it.
    save_one_on_one(journal, meeting.id or 0, notes="Talked about norms")
    return Scene(qtbot, journal, lead.id or 0, meeting.id or 0)


def _closes_by_escape(scene: Scene, kind_name: str, shortcut: str) -> None:
    """The shortcut opens a modal dialog (``kind_name`` in its module); Escape closes it."""
    module, _, name = kind_name.rpartition(".")
    kind: type[QDialog] = getattr(__import__(module, fromlist=[name]), name)
    shown: list[QDialog] = scene.keys.then_in(kind, lambda _dialog: scene.keys.escape())
    scene.keys.shortcut(shortcut)
    assert shown, f"{shortcut} did not open {name}"
    assert not shiboken6.isValid(shown[0]) or not shown[0].isVisible()


def _today(scene: Scene, shortcut: str) -> None:
    scene.keys.shortcut(shortcut)
    assert scene.window is not None
    assert scene.window.pages.currentWidget() is scene.window.today


def _trash(scene: Scene, shortcut: str) -> None:
    from ui.trash.page import TrashPage

    scene.keys.shortcut(shortcut)
    assert scene.window is not None
    assert isinstance(scene.window.pages.currentWidget(), TrashPage)


def _lock(scene: Scene, shortcut: str) -> None:
    before = len(scene.locks)
    scene.keys.shortcut(shortcut)
    assert len(scene.locks) == before + 1


def _quit(scene: Scene, shortcut: str) -> None:
    window = scene.window
    assert window is not None
    scene.keys.shortcut(shortcut)
    assert not window.isVisible()


def _new_one_on_one(scene: Scene, shortcut: str) -> None:
    assert scene.window is not None
    page = scene.window.lead_page
    scene.keys.shortcut(shortcut)
    meeting = page.current_meeting()
    assert meeting is not None and meeting.id != scene.meeting_id


def _new_ilt_meeting(scene: Scene, shortcut: str) -> None:
    from ui.team.meetings.page import MeetingsPage

    window = scene.window
    assert window is not None
    scene.keys.shortcut(shortcut)
    page = window.pages.currentWidget()
    assert isinstance(page, MeetingsPage)
    meeting = page.current()
    assert meeting is not None and meeting.held_on == date.today()


def _open_journal(scene: Scene, shortcut: str) -> None:
    before = len(scene.opens)
    scene.keys.shortcut(shortcut)
    assert scene.opens[before:] == [None]


def _shortcut_sheet(scene: Scene, shortcut: str) -> None:
    from ui.shell.help import ShortcutSheet

    scene.keys.shortcut(shortcut)
    sheet = wait_for_active(ShortcutSheet)
    scene.keys.escape()
    assert not sheet.isVisible()


def _presenter(scene: Scene, shortcut: str) -> None:
    assert scene.window is not None
    presenter = scene.window.context.presenter
    scene.keys.shortcut(shortcut)
    assert presenter.on
    scene.keys.shortcut(shortcut)  # off again (focus may have moved: the window still hears)
    assert not presenter.on


def _dialog(kind_name: str) -> Callable[[Scene, str], None]:
    return lambda scene, shortcut: _closes_by_escape(scene, kind_name, shortcut)


def _window_modal(kind_name: str) -> Callable[[Scene, str], None]:
    """A dialog opened with open() (window-modal; the key returns at once): it becomes the
    active window, and Escape closes it."""

    def effect(scene: Scene, shortcut: str) -> None:
        module, _, name = kind_name.rpartition(".")
        kind: type[QDialog] = getattr(__import__(module, fromlist=[name]), name)
        scene.keys.shortcut(shortcut)
        dialog = wait_for_active(kind)
        scene.keys.escape()
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()

    return effect


EFFECTS: dict[str, Callable[[Scene, str], None]] = {
    "Ctrl+,": _dialog("ui.journal.settings_dialog.SettingsDialog"),
    "Ctrl+L": _lock,
    "Ctrl+Q": _quit,
    "Ctrl+O": _open_journal,
    "Ctrl+F": _dialog("ui.navigation.search_dialog.SearchDialog"),
    "Ctrl+K": _dialog("ui.navigation.switcher.QuickSwitcher"),
    "Ctrl+T": _today,
    "Ctrl+Shift+T": _trash,
    "Ctrl+N": _new_one_on_one,
    "Ctrl+Shift+O": _dialog("ui.lead.observations.dialog.ObservationDialog"),
    "Ctrl+E": _dialog("ui.lead.export_dialog.ExportDialog"),
    "Ctrl+Shift+N": _dialog("ui.lead.lead_dialog.LeadDialog"),
    "Ctrl+Shift+M": _new_ilt_meeting,
    "Ctrl+Shift+P": _presenter,
    "Ctrl+Shift+X": _window_modal("ui.interchange.export_dialog.ExportDialog"),
    "Ctrl+Shift+R": _window_modal("ui.lead.record_dialog.RecordDialog"),
    "F1": _shortcut_sheet,
    "Ctrl+/": _shortcut_sheet,
}


@pytest.mark.parametrize("shortcut", list(EFFECTS))
def test_a_window_shortcut_works_from_every_kind_of_widget(scene: Scene, shortcut: str) -> None:
    failed = []
    for kind in KINDS:
        scene.focus_on(kind)
        try:
            EFFECTS[shortcut](scene, shortcut)
        except AssertionError as exc:
            failed.append(f"{kind}: {exc}")
        settle()
    assert failed == []


def test_every_window_shortcut_is_covered(scene: Scene) -> None:
    """A shortcut added to a menu needs a line in EFFECTS (the editing keys are the fields')."""
    window = scene.new_window()
    from ui.shell.menus import EDIT_ENTRIES

    editing = {operation for _text, key, operation in EDIT_ENTRIES if key is not None}
    keys = {
        sequence.toString()
        for name, act in window.menus.actions.items()
        if name not in editing
        for sequence in act.shortcuts()
    }
    assert keys == set(EFFECTS)


def test_standard_editing_keys_stay_with_the_text_field(scene: Scene) -> None:
    """Ctrl+A in the filter field selects its text; the window does not take it."""
    scene.focus_on("filter field")
    field = scene.window.sidebar.filter if scene.window else None
    assert field is not None
    field.removeEventFilter(scene.claims)  # the field's own handling, as Qt ships it
    scene.keys.type("Ama")
    scene.keys.shortcut("Ctrl+A")
    assert field.selectedText() == "Ama"
    scene.keys.shortcut("Ctrl+X")
    assert field.text() == ""
    scene.keys.shortcut("Ctrl+Z")
    assert field.text() == "Ama"
