"""Help: the keyboard shortcuts sheet (made from the window's own actions) and About."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMenuBar,
    QVBoxLayout,
    QWidget,
)

from iltdesk import __version__
from ui.kit.style import DIALOG_FLAGS

# What a frozen iltdesk carries, and under which licence (no network: plain text here).
BUNDLED = (
    ("Qt and PySide6", "LGPL v3"),
    ("SQLCipher", "BSD-style"),
    ("OpenSSL (inside SQLCipher)", "Apache 2.0"),
    ("Python", "PSF License"),
    ("DejaVu fonts (reports)", "DejaVu fonts licence (Bitstream Vera and public domain)"),
    ("SQLModel, SQLAlchemy, Alembic", "MIT"),
    ("keyring, platformdirs", "MIT"),
    ("pypdf", "BSD"),
    ("cryptography", "Apache 2.0 or BSD"),
)


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
            "In a 1:1",
            [
                ("New action item (owner: T, M or B; due in words)", _native(NEW_ITEM_SHORTCUT)),
                ("The coaching agreement, beside the notes", _native(AGREEMENT_SHORTCUT)),
                ("A recap of the 1:1 for the lead", _native(RECAP_SHORTCUT)),
            ],
        ),
        (
            "In an ILT meeting",
            [
                ("New team action item", _native(meeting.NEW_ITEM_SHORTCUT)),
                ("The notes of part 1 to 9", _native(meeting.PART_KEYS.format(1)) + " … 9"),
                ("Private notes", _native(meeting.PART_KEYS.format(0))),
            ],
        ),
        ("On Difficult conversations", [("Plan a new one", _native(NEW_CONVERSATION))]),
        (
            "In a 1:1, an observation, a cycle, a challenge or the charter",
            [("Earlier versions of the text (History)", _native(HISTORY_SHORTCUT))],
        ),
        (
            "In the Trash",
            [
                ("Restore the selected record", _native("Return")),
                ("Delete it forever (asks first)", _native("Del")),
            ],
        ),
        (
            "In a dialog",
            [
                ("Save", _native("Ctrl+Return")),
                ("Close (asks first if you typed something)", _native("Esc")),
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
    return " or ".join(t for t in texts if t)


class ShortcutSheet(QDialog):
    """Every shortcut of the window's menus, read from the actions so it never drifts."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.setWindowTitle("Keyboard shortcuts — iltdesk")
        self.setModal(False)
        self.table = QLabel(self._html(bar))
        self.table.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("Esc closes this window."))
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
        return "unknown"
    try:
        connection = sqlcipher.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
        finally:
            connection.close()
    except sqlcipher.Error:
        return "unknown"
    return f"{row[0]} (SQLite {sqlcipher.sqlite_version})" if row else "unknown"


def about_html() -> str:
    """What About says: the versions that matter in a bug report, and the licences."""
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
    licence_rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td style='padding-left:16px'>{html.escape(lic)}"
        "</td></tr>"
        for name, lic in BUNDLED
    )
    return (
        f"<h3>iltdesk {html.escape(__version__)}</h3>"
        "<p>A principal's private, encrypted journal for coaching the Instructional "
        "Leadership Team. Everything you write stays in your encrypted journal file.</p>"
        f"<table>{version_rows}</table>"
        "<p><b>Built with</b> (each under its own licence):</p>"
        f"<table>{licence_rows}</table>"
    )


class AboutDialog(QDialog):
    """The app's version, what it runs on, and the licences of what comes with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.setWindowTitle("About iltdesk")
        self.text = QLabel(about_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
