"""What the principal's own page lists: her energy checks, and the cards of her leadership
journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from iltdesk import dates
from iltdesk.models import LeadershipNote, PrincipalEnergy
from iltdesk.principal import kind_word, level_words
from ui.kit.markdown_edit import markdown_html
from ui.kit.record_actions import actions_button
from ui.kit.style import restyle

CHECK_ROLE = Qt.ItemDataRole.UserRole


def check_text(check: PrincipalEnergy) -> str:
    """A check in a list: '4 Nov 2026 · 2 of 5, strained — Report cards'."""
    note = f" — {check.note}" if check.note else ""
    return f"{dates.short(check.checked_on)} · {level_words(check.level)}{note}"


class NoteCard(QFrame):
    """One dated question or realisation, with Edit… and Delete… under its ⋯ button."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, note: LeadershipNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoteCard")
        self.note = note
        self.actions_button = actions_button(
            self,
            self.tr("note"),
            lambda: self.edit_requested.emit(note.id or 0),
            lambda: self.delete_requested.emit(note.id or 0),
        )
        when = QLabel(dates.with_weekday(note.noted_on))
        when.setObjectName("NoteDate")
        self.kind = QLabel(kind_word(note.kind))
        self.kind.setObjectName("NoteKind")
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.kind)
        head.addWidget(when, 1)
        head.addWidget(self.actions_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QLabel(markdown_html(note.text))
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAccessibleName(note.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.body)

    def set_current(self, current: bool) -> None:
        """Outline the note someone came here to read (from search, for instance)."""
        self.setProperty("current", current)
        restyle(self, "NoteCard")


class CheckList(QListWidget):
    """Her energy checks, newest first: Enter corrects one, Delete removes it (after asking)."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("My energy checks, newest first"))
        # A check's note wraps under its date rather than hiding behind a sideways scroll.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)  # wrapped checks need a gap to read as separate rows
        self.itemActivated.connect(lambda item: self.edit_requested.emit(item.data(CHECK_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.delete_requested.emit(item.data(CHECK_ROLE))
            return
        super().keyPressEvent(event)
