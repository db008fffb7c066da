"""The main window's menus, and the rule that its shortcuts work from any focused widget."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.journal.recent import recent_journals
from ui.kit.icons import icon
from ui.kit.pages import ReflectPage
from ui.kit.presenter import SHORTCUT
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.navigation.leads_sidebar import REFLECT_PAGES, TEAM_PAGES
from ui.shell import sharing

if TYPE_CHECKING:
    from ui.shell.help import ShortcutSheet
    from ui.shell.main_window import MainWindow

Std = QKeySequence.StandardKey
TextWidget = QLineEdit | QTextEdit | QPlainTextEdit
# A text field keeps these for itself: the window never claims them from it.
EDITING_KEYS = (
    Std.Undo,
    Std.Redo,
    Std.Cut,
    Std.Copy,
    Std.Paste,
    Std.SelectAll,
    Std.Delete,
)
# (text, standard key, method of the text widget): the Edit menu acts on the focused field.
EDIT_ENTRIES = (
    (QT_TRANSLATE_NOOP("menus", "&Undo"), Std.Undo, "undo"),
    (QT_TRANSLATE_NOOP("menus", "&Redo"), Std.Redo, "redo"),
    ("", None, ""),
    (QT_TRANSLATE_NOOP("menus", "Cu&t"), Std.Cut, "cut"),
    (QT_TRANSLATE_NOOP("menus", "&Copy"), Std.Copy, "copy"),
    (QT_TRANSLATE_NOOP("menus", "&Paste"), Std.Paste, "paste"),
    ("", None, ""),
    (QT_TRANSLATE_NOOP("menus", "Select &all"), Std.SelectAll, "selectAll"),
)
CHANGES_TEXT = {"undo", "redo", "cut", "paste"}  # not for a read-only field


def _editing_combinations() -> set[str]:
    """Every key sequence bound on this platform to a standard editing key. Moving keys
    are left out on purpose: on X11 "end of line" is also Ctrl+E, the window's Export."""
    return {s.toString() for key in EDITING_KEYS for s in QKeySequence.keyBindings(key)}


def _text_target(widget: QWidget | None) -> TextWidget | None:
    """The text field a ``widget`` with focus stands for, if it is one."""
    if widget is None or not shiboken6.isValid(widget):
        return None
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return widget if isinstance(widget, TextWidget) else None


def _can(field: TextWidget, operation: str) -> bool:
    """Whether ``operation`` would do something in ``field`` now."""
    if operation in CHANGES_TEXT and field.isReadOnly():
        return False
    if isinstance(field, QLineEdit):
        checks: dict[str, Callable[[], bool]] = {
            "undo": field.isUndoAvailable,
            "redo": field.isRedoAvailable,
            "cut": field.hasSelectedText,
            "copy": field.hasSelectedText,
        }
    else:
        document = field.document()
        checks = {
            "undo": document.isUndoAvailable,
            "redo": document.isRedoAvailable,
            "cut": lambda: field.textCursor().hasSelection(),
            "copy": lambda: field.textCursor().hasSelection(),
        }
    check = checks.get(operation)
    return check() if check is not None else True


class WindowMenus(QObject):
    """Builds the menu bar of ``window`` and keeps its Edit menu pointed at the focused field.

    ``filter_event(watched, event)`` serves the window's event filter: a ShortcutOverride
    for one of the window's own shortcuts is kept from the focused widget (a QLineEdit on X11
    takes Ctrl+E and Ctrl+K as emacs keys, so Export did nothing from "Filter leads"), and a
    line edit's selection outlives a visit to the menu bar by keyboard (Qt drops it then, and
    Alt+E, Copy had nothing to copy).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self._focus: QWidget | None = None  # the last widget of the window to have focus
        self.sheet: ShortcutSheet | None = None
        self._kept: tuple[QLineEdit, int, int] | None = None  # field, selection start, length
        bar = window.menuBar()
        self.journal = self._journal_menu(bar.addMenu(self.tr("&Journal")))
        self.edit = self._edit_menu(bar.addMenu(self.tr("&Edit")))
        self._view_menu(bar.addMenu(self.tr("&View")))
        lead = bar.addMenu(self.tr("&Lead"))
        self._add(
            lead, "new_one_on_one", self.tr("&New 1:1"), "Ctrl+N", window.new_one_on_one, "meeting"
        )
        self._add(lead, "observation", self.tr("Add an &observation…"), "Ctrl+Shift+O",
                  window.add_observation, "lead")  # fmt: skip
        self._add(lead, "export", self.tr("&Export a cycle summary (PDF)…"), "Ctrl+E",
                  lambda: sharing.summary(window), "backup")  # fmt: skip
        self._add(lead, "record", self.tr("Export the lead's &record (PDF)…"), RECORD_SHORTCUT,
                  lambda: sharing.record(window), "backup")  # fmt: skip
        # Ctrl+Shift+E is the 1:1's own Recap button: shown here, not bound twice (Qt would
        # call the key ambiguous and neither would fire).
        recap = self.tr("Re&cap of a 1:1 for the lead…\t{shortcut}").format(shortcut=RECAP_SHORTCUT)
        self._add(lead, "recap", recap, "",
                  lambda: sharing.recap(window), "meeting")  # fmt: skip
        self._add(lead, "add_lead", self.tr("&Add lead…"), "Ctrl+Shift+N", window.add_lead, "add")
        team = bar.addMenu(self.tr("Tea&m"))
        self._add(team, "new_ilt_meeting", self.tr("New &ILT meeting"), "Ctrl+Shift+M",
                  window.new_ilt_meeting, "ilt_meeting")  # fmt: skip
        self._add(team, "new_conversation", self.tr("Plan a &difficult conversation…"), "",
                  window.new_conversation, "conversation")  # fmt: skip
        go = bar.addMenu(self.tr("&Go"))
        self._add(go, "switcher", self.tr("&Go to lead…"), "Ctrl+K", window.open_switcher, "lead")
        self._add(go, "today", self.tr("&Today"), "Ctrl+T", window.sidebar.select_today, "today")
        go.addSeparator()
        # The Team and Reflect pages, as the sidebar lists them, reached by Alt+G and a letter.
        for key, title, icon_name in (*TEAM_PAGES, *REFLECT_PAGES):
            shown = QCoreApplication.translate("leads_sidebar", title)
            text = _with_mnemonic(shown, REFLECT_MNEMONICS[key])
            select = partial(window.sidebar.select_page, key)
            self._add(go, f"reflect_{key}", text, "", select, icon_name)
        go.addSeparator()
        self._add(
            go, "trash", self.tr("T&rash"), TRASH_SHORTCUT, window.sidebar.select_trash, "trash"
        )
        helps = bar.addMenu(self.tr("&Help"))
        self._add(helps, "shortcuts", self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.actions["shortcuts"].setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self._add(helps, "about", self.tr("&About iltdesk"), "", self.show_about)
        self._editing = _editing_combinations()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _add(
        self,
        menu: QMenu,
        key: str,
        text: str,
        shortcut: str | Std,
        slot: Callable[[], object],
        icon_name: str = "",
    ) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        if icon_name:
            act.setIcon(icon(icon_name))
        menu.addAction(act)
        self.actions[key] = act
        return act

    def _journal_menu(self, menu: QMenu) -> QMenu:
        window = self.window
        self._add(menu, "new_journal", self.tr("&New journal…"), "", self.request_new_journal)
        self._add(menu, "open_journal", self.tr("&Open journal…"), Std.Open,
                  lambda: self.request_open_journal(None))  # fmt: skip
        self.recent = menu.addMenu(self.tr("Open &recent"))
        self.recent.aboutToShow.connect(self._fill_recent)
        self._fill_recent()  # so the submenu is never empty, even before it is shown
        menu.addSeparator()
        self._add(menu, "export_open", self.tr("E&xport…"), EXPORT_SHORTCUT,
                  lambda: sharing.export(window), "backup")  # fmt: skip
        # No key of its own: it is rare, and Ctrl+I is italics in the notes (Alt+J, I).
        self._add(
            menu, "import", self.tr("&Import…"), "", lambda: sharing.import_notes(window), "add"
        )
        menu.addSeparator()
        self._add(
            menu, "settings", self.tr("&Settings…"), "Ctrl+,", window.open_settings, "settings"
        )
        self._add(menu, "lock", self.tr("&Lock"), "Ctrl+L", window.lock_requested.emit, "lock")
        menu.addSeparator()
        # Not StandardKey.Quit: some platforms (Windows, offscreen) bind nothing to it.
        self._add(menu, "quit", self.tr("&Quit"), "Ctrl+Q", window.close)
        return menu

    def _view_menu(self, menu: QMenu) -> None:
        presenter = self.window.context.presenter
        act = self._add(menu, "presenter", self.tr("&Presenter mode"), SHORTCUT, presenter.toggle)
        act.setCheckable(True)
        act.setChecked(presenter.on)
        act.setStatusTip(
            self.tr("Hide your private notes while a lead's work is on a shared screen")
        )
        presenter.changed.connect(act.setChecked)  # the banner's button turns it off too

    def _fill_recent(self) -> None:
        """The recent journals other than the open one, most recent first."""
        self.recent.clear()
        here = self.window.context.journal.path.expanduser().resolve()
        others = [p for p in recent_journals() if p != here]
        for number, path in enumerate(others, start=1):
            act = self.recent.addAction(f"&{number} {path.name}")
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            act.setEnabled(path.exists())
            act.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not others:
            self.recent.addAction(self.tr("No other journals yet")).setEnabled(False)

    def _open_recent(self, path: Path) -> None:
        self.request_open_journal(path)

    def request_new_journal(self) -> None:
        """Journal > New…: save, then ask the app for a new journal."""
        if self._saved_before_leaving():
            self.window.new_journal_requested.emit()

    def request_open_journal(self, path: Path | None) -> None:
        """Journal > Open… (``path`` None: let the user choose) or a recent journal."""
        if self._saved_before_leaving():
            self.window.open_journal_requested.emit(path)

    def _saved_before_leaving(self) -> bool:
        if self.window.context.flush_all():
            return True
        self.window.statusBar().showMessage(
            self.tr(
                "Staying in this journal: your latest changes are not saved yet (see the message "
                "on the right)."
            ),
            8000,
        )
        return False

    # -- Help ------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """F1, Ctrl+/: the keyboard shortcuts, beside the window (not modal)."""
        from ui.shell.help import ShortcutSheet

        if self.sheet is None:
            self.sheet = ShortcutSheet(self.window.menuBar(), self.window)
        self.sheet.show()
        self.sheet.raise_()
        self.sheet.activateWindow()

    def show_about(self) -> None:
        """Help > About: version and licences."""
        from ui.shell.help import AboutDialog

        dialog = AboutDialog(self.window)
        dialog.exec()
        dialog.deleteLater()

    def _edit_menu(self, menu: QMenu) -> QMenu:
        for text, key, operation in EDIT_ENTRIES:
            if key is None:
                menu.addSeparator()
                continue
            shown = QCoreApplication.translate("menus", text)
            self._add(menu, operation, shown, key, partial(self._edit, operation))
        menu.addSeparator()
        self._add(menu, "find", self.tr("&Find (search everything)…"), "Ctrl+F",
                  self.window.open_search, "search")  # fmt: skip
        menu.aboutToShow.connect(self._update_edit)
        self._update_edit()
        return menu

    # -- the Edit menu follows the focused text field ----------------------------------------

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self.window):
            return
        # The menu bar takes focus while it is driven from the keyboard: keep the field.
        if new.window() is self.window and not isinstance(new, QMenuBar | QMenu):
            if self._kept is not None and self._kept[0] is not new:
                self._kept = None  # the selection was left for another widget
            self._restore_selection()
            self._focus = new
            self._update_edit()

    def focused_field(self) -> TextWidget | None:
        """The text field the Edit menu acts on, if the window's focus is in one."""
        return _text_target(self._focus)

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None and shiboken6.isValid(kept[0]) and not kept[0].hasSelectedText():
            kept[0].setSelection(kept[1], kept[2])

    def _update_edit(self) -> None:
        self._restore_selection()
        field = self.focused_field()
        for _text, key, operation in EDIT_ENTRIES:
            if key is not None:
                self.actions[operation].setEnabled(field is not None and _can(field, operation))

    def _edit(self, operation: str) -> None:
        self._restore_selection()
        field = self.focused_field()
        if field is not None and _can(field, operation):
            getattr(field, operation)()

    # -- the window's shortcuts win over a text field's own bindings -------------------------

    def filter_event(self, watched: QObject, event: QEvent) -> bool:
        """True if ``event`` is a ShortcutOverride in this window for one of its own shortcuts
        that is not a standard editing key: it is then kept from the widget (not accepted),
        so the shortcut fires."""
        if event.type() == QEvent.Type.FocusOut:
            self._keep_selection(watched, event)
            return False
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        pressed = QKeySequence(event.keyCombination()).toString()
        if pressed in self._editing:
            return False
        for act in self.actions.values():
            if act.isEnabled() and any(s.toString() == pressed for s in act.shortcuts()):
                event.ignore()
                return True
        return False

    def _keep_selection(self, watched: QObject, event: QEvent) -> None:
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QFocusEvent)
            and event.reason() == Qt.FocusReason.MenuBarFocusReason
            and watched.hasSelectedText()
            and watched.window() is self.window
        ):
            self._kept = (watched, watched.selectionStart(), len(watched.selectedText()))


TRASH_SHORTCUT = "Ctrl+Shift+T"  # the Trash (Today is Ctrl+T)
EXPORT_SHORTCUT = "Ctrl+Shift+X"  # open formats (Ctrl+E is the lead's cycle summary)
RECORD_SHORTCUT = "Ctrl+Shift+R"  # a lead's whole record
RECAP_SHORTCUT = "Ctrl+Shift+E"  # the 1:1's Recap button holds it

# The letter of each Team and Reflect page in the Go menu (G and T are taken by "Go to lead"
# and Today).
REFLECT_MNEMONICS: dict[ReflectPage, str] = {
    ReflectPage.ILT_MEETINGS: "i",
    ReflectPage.TEACHER_TEAMS: "e",
    ReflectPage.CONVERSATIONS: "d",
    ReflectPage.TEAM_OVERVIEW: "o",
    ReflectPage.CHALLENGES: "c",
    ReflectPage.SELF_CHECK: "s",
    ReflectPage.TENSIONS: "n",
    ReflectPage.CHARTER: "h",
    ReflectPage.FRAMEWORKS: "f",
    ReflectPage.MY_LEADERSHIP: "m",
}


def _with_mnemonic(title: str, letter: str) -> str:
    """``title`` with an ampersand before the first ``letter`` (of either case)."""
    at = title.lower().find(letter)
    if at < 0:  # a translated title without the letter: Qt picks one
        return title
    return f"{title[:at]}&{title[at:]}"
