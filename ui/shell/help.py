"""Help: the keyboard shortcuts sheet (made from the window's own actions) and About (the
versions, iltdesk's licence and the third-party notices, iltdesk.notices)."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import __version__, notices
from ui.kit.style import DIALOG_FLAGS


def plain(text: str) -> str:
    """A menu entry's text as read: no mnemonic marks ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(entry, keys)]) for every menu entry of ``bar`` that has a shortcut."""
    sections = []
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [(plain(a.text()), _keys(a)) for a in _entries(menu) if a.shortcuts()]
        if rows:
            sections.append((plain(top.text()), rows))
    return sections


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def page_shortcut_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """Shortcuts that live in a page or a dialog rather than a menu (read from where they are
    set, where that is a name)."""
    from ui.kit.history_panel import HISTORY_SHORTCUT
    from ui.lead.one_on_ones.editor import AGREEMENT_SHORTCUT, NEW_ITEM_SHORTCUT
    from ui.lead.one_on_ones.recap_dialog import RECAP_SHORTCUT
    from ui.team.conversations.page import NEW_SHORTCUT as NEW_CONVERSATION
    from ui.team.meetings import editor as meeting

    return [
        (
            QCoreApplication.translate("Shortcuts", "In a 1:1"),
            [
                (
                    QCoreApplication.translate(
                        "Shortcuts", "New action item (owner: T, M or B; due in words)"
                    ),
                    _native(NEW_ITEM_SHORTCUT),
                ),
                (
                    QCoreApplication.translate(
                        "Shortcuts", "The coaching agreement, beside the notes"
                    ),
                    _native(AGREEMENT_SHORTCUT),
                ),
                (
                    QCoreApplication.translate("Shortcuts", "A recap of the 1:1 for the lead"),
                    _native(RECAP_SHORTCUT),
                ),
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "In an ILT meeting"),
            [
                (
                    QCoreApplication.translate("Shortcuts", "New team action item"),
                    _native(meeting.NEW_ITEM_SHORTCUT),
                ),
                (
                    QCoreApplication.translate("Shortcuts", "The notes of part 1 to 9"),
                    _native(meeting.PART_KEYS.format(1)) + " … 9",
                ),
                (
                    QCoreApplication.translate("Shortcuts", "Private notes"),
                    _native(meeting.PART_KEYS.format(0)),
                ),
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "On Difficult conversations"),
            [
                (
                    QCoreApplication.translate("Shortcuts", "Plan a new one"),
                    _native(NEW_CONVERSATION),
                )
            ],
        ),
        (
            QCoreApplication.translate(
                "Shortcuts", "In a 1:1, an observation, a cycle, a challenge or the charter"
            ),
            [
                (
                    QCoreApplication.translate(
                        "Shortcuts", "Earlier versions of the text (History)"
                    ),
                    _native(HISTORY_SHORTCUT),
                )
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "In the Trash"),
            [
                (
                    QCoreApplication.translate("Shortcuts", "Restore the selected record"),
                    _native("Return"),
                ),
                (
                    QCoreApplication.translate("Shortcuts", "Delete it forever (asks first)"),
                    _native("Del"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "In a dialog"),
            [
                (QCoreApplication.translate("Shortcuts", "Save"), _native("Ctrl+Return")),
                (
                    QCoreApplication.translate(
                        "Shortcuts", "Close (asks first if you typed something)"
                    ),
                    _native("Esc"),
                ),
            ],
        ),
    ]


def _entries(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for act in menu.actions():
        sub = act.menu()
        found.extend(_entries(sub) if isinstance(sub, QMenu) else [act])
    return found


def _keys(act: QAction) -> str:
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()]
    return QCoreApplication.translate("Shortcuts", " or ").join(t for t in texts if t)


class ShortcutSheet(QDialog):
    """Every shortcut of the window's menus, read from the actions so it never drifts."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.setWindowTitle(self.tr("Keyboard shortcuts — iltdesk"))
        self.setModal(False)
        self.table = QLabel(self._html(bar))
        self.table.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Esc closes this window.")))
        layout.addWidget(buttons)

    @staticmethod
    def _html(bar: QMenuBar) -> str:
        rows = []
        for number, (menu, entries) in enumerate(shortcut_rows(bar) + page_shortcut_rows()):
            space = "<br>" if number else ""  # between menus, not above the first
            rows.append(f"<tr><td colspan='2'>{space}<b>{html.escape(menu)}</b></td></tr>")
            rows += [
                f"<tr><td>{html.escape(text)}</td>"
                f"<td style='padding-left:24px'><b>{html.escape(keys)}</b></td></tr>"
                for text, keys in entries
            ]
        return f"<table cellspacing='2'>{''.join(rows)}</table>"


def sqlcipher_version() -> str:
    """SQLCipher's own version, from a throwaway in-memory database (no file, no key)."""
    try:
        import sqlcipher3.dbapi2 as sqlcipher
    except ImportError:
        return QCoreApplication.translate("About", "unknown")
    try:
        connection = sqlcipher.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()  # not shown: SQL
        finally:
            connection.close()
    except sqlcipher.Error:
        row = None
    if not row:
        return QCoreApplication.translate("About", "unknown")
    return f"{row[0]} (SQLite {sqlcipher.sqlite_version})"


def about_html() -> str:
    """What About says first: the versions that matter in a bug report, and the licence."""
    versions = (
        ("iltdesk", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLCipher", sqlcipher_version()),
    )
    version_rows = "".join(
        f"<tr><td>{name}</td><td style='padding-left:16px'>{html.escape(value)}</td></tr>"
        for name, value in versions
    )
    intro = QCoreApplication.translate(
        "About",
        "A principal's private, encrypted journal for coaching the Instructional Leadership "
        "Team. Everything you write stays in your encrypted journal file.",
    )
    licence = QCoreApplication.translate(
        "About",
        "iltdesk is free software under the MIT licence (Licence tab). It includes Qt, "
        "SQLCipher, OpenSSL, Python, the DejaVu fonts and other libraries, each under its own "
        "licence (Third-party licences tab). Qt is used under the LGPL version 3 as shared "
        "libraries that you may replace.",
    )
    return (
        f"<h3>iltdesk {html.escape(__version__)}</h3>"
        f"<p>{html.escape(intro)}</p>"
        f"<table>{version_rows}</table>"
        f"<p>{html.escape(licence)}</p>"
    )


def _reading_pane(text: str = "") -> QPlainTextEdit:
    """A read-only text the keyboard can scroll, select and leave with Tab."""
    pane = QPlainTextEdit(text)
    pane.setReadOnly(True)
    pane.setTabChangesFocus(True)
    pane.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    return pane


_MISSING_NOTICES = (
    "https://github.com/iltdesk/iltdesk (LICENSE, THIRD_PARTY_NOTICES.txt)"  # not shown: a URL
)


def _own_licence() -> str:
    try:
        return notices.own_licence_text()
    except OSError:  # a damaged installation: the licence's name, and where its text is kept
        return QCoreApplication.translate("About", "MIT License, {where}").format(
            where=_MISSING_NOTICES
        )


class ThirdPartyNotices(QSplitter):
    """Each component that ships with iltdesk in a list; its licence and texts beside it.

    Filled when first shown: made from the metadata (outside the bundle) it takes ~0.2 s.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.components = QListWidget()
        self.components.setAccessibleName(self.tr("Components"))
        self.text = _reading_pane()
        self.text.setAccessibleName(self.tr("Licence of the selected component"))
        self.addWidget(self.components)
        self.addWidget(self.text)
        self.setStretchFactor(1, 3)
        self.setSizes([200, 640])  # names are short; licence texts are 80 columns wide
        self.sections: list[tuple[str, str]] = []
        self.components.currentRowChanged.connect(self._show)

    def fill(self) -> None:
        """Read the notices, once, and select the first component."""
        if self.sections:
            return
        try:
            self.sections = notices.parse(notices.third_party_text())
        except OSError:  # a damaged installation: say where the notices are kept instead
            self.sections = [(self.tr("Not found"), _MISSING_NOTICES)]
        self.components.addItems([title for title, _ in self.sections])
        self.components.setCurrentRow(0)

    def _show(self, row: int) -> None:
        self.text.setPlainText(self.sections[row][1] if 0 <= row < len(self.sections) else "")


class AboutDialog(QDialog):
    """The app's version and what it runs on, its licence, and the third-party licences:
    three tabs (Ctrl+Tab, or Alt and the underlined letter); Escape closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.setWindowTitle(self.tr("About iltdesk"))
        self.text = QLabel(about_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence = _reading_pane(_own_licence())
        self.licence.setAccessibleName(self.tr("iltdesk's licence"))
        self.third_party = ThirdPartyNotices()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, self.tr("&About"))
        self.tabs.addTab(self.licence, self.tr("&Licence"))
        self.tabs.addTab(self.third_party, self.tr("&Third-party licences"))
        self.tabs.currentChanged.connect(self._entered)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(QLabel(self.tr("Ctrl+Tab shows the next tab. Esc closes this window.")))
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        # Licence texts are read at length: room for their 80 columns, inside a 1024x700 screen.
        self.resize(860, 580)

    def _entered(self, index: int) -> None:
        """A tab's content takes the focus, so arrows and Page Down work in it at once."""
        page = self.tabs.widget(index)
        if page is self.third_party:
            self.third_party.fill()
            self.third_party.components.setFocus()
        elif page is self.licence:
            self.licence.setFocus()
