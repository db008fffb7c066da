"""A challenge's log: what was decided, what changed, and what the principal learned, by date."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.challenge import delete_log_entry, log, log_entries
from iltdesk.models import ChallengeLogEntry, LogKind
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of
from ui.kit.record_actions import actions_button, confirm_delete
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.writing import write_or_say
from ui.reflect.challenges.log_entry_dialog import LogEntryDialog

TAGS = {
    LogKind.decision: QT_TRANSLATE_NOOP("log", "Decision"),
    LogKind.change: QT_TRANSLATE_NOOP("log", "Change"),
    LogKind.learning: QT_TRANSLATE_NOOP("log", "Learning"),
}
CHOICES = {
    LogKind.decision: QT_TRANSLATE_NOOP("log", "A decision"),
    LogKind.change: QT_TRANSLATE_NOOP("log", "A change I saw"),
    LogKind.learning: QT_TRANSLATE_NOOP("log", "What I learned about my leadership"),
}


def log_style() -> str:
    """The log's look: entries on one card, each kind as a small tinted tag."""
    # Each kind a tinted pill (``log_<kind>_bg`` and ``_text`` in ui.kit.palette).
    tags = "".join(
        f'QLabel#LogTag[kind="{kind.value}"] {{'
        f" background: {theme.colour(f'log_{kind.value}_bg')};"
        f" color: {theme.colour(f'log_{kind.value}_text')}; }}\n"
        for kind in TAGS
    )
    return (
        "QFrame#LogCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 8px; }\n"
        "QFrame#LogRule { background: palette(mid); border: none; }\n"
        "QLabel#LogTag { border-radius: 9px; padding: 2px 8px; font-weight: 600; }\n"
        "QLabel#LogDate { color: palette(placeholder-text); }\n" + tags
    )


def entry_row(
    entry: ChallengeLogEntry, edit: Callable[[], None], delete: Callable[[], None]
) -> QWidget:
    """One entry: the date, a tag for its kind, the text, wrapping, and its ⋯ menu."""
    row = QWidget()
    more = actions_button(row, QCoreApplication.translate("log", "entry"), edit, delete)
    when = QLabel(dates.list_date(entry.logged_on))
    when.setObjectName("LogDate")
    when.setFixedWidth(96)
    tag = QLabel(QCoreApplication.translate("log", TAGS[entry.kind]))
    tag.setObjectName("LogTag")
    tag.setProperty("kind", entry.kind.value)
    tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
    tag_box = QHBoxLayout()  # the tag hugs its word, in a column of fixed width
    tag_box.setContentsMargins(0, 0, 0, 0)
    tag_box.addWidget(tag, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    holder = QWidget()
    holder.setFixedWidth(88)
    holder.setLayout(tag_box)
    text = QLabel(entry.text)
    text.setWordWrap(True)
    for label in (when, text):
        label.setContentsMargins(0, 2, 0, 0)  # on the tag's baseline, which has padding
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(16, 11, 16, 11)
    layout.setSpacing(10)
    layout.addWidget(when, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(text, 1, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(more, 0, Qt.AlignmentFlag.AlignTop)
    return row


class EntryBox(QPlainTextEdit):
    """Room to see a few sentences while writing them (a one-line field showed a dozen words
    at 1024 px). Enter adds the entry, as the line did; Shift+Enter starts a new line."""

    submitted = Signal()
    LINES = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._fit()

    def _fit(self) -> None:
        margins = 2 * (self.document().documentMargin() + self.frameWidth())
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * self.LINES + margins) + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()  # the theme's text size arrives after construction

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        """What was written, trimmed."""
        return self.toPlainText().strip()


class ChallengeLog(QWidget):
    """Add a dated entry, then read the log, newest first."""

    logged = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.challenge_id: int | None = None
        self.entries: list[ChallengeLogEntry] = []
        self.setStyleSheet(log_style())
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        for kind, title in CHOICES.items():
            self.kind.addItem(QCoreApplication.translate("log", title), kind)
        self.when = date_edit()
        self.when.setAccessibleName(self.tr("Date of the entry"))
        self.text = EntryBox()
        self.text.setPlaceholderText(self.tr("What happened, in a sentence or two"))
        self.text.setAccessibleName(self.tr("Log entry"))
        self.text.submitted.connect(self.add)
        self.add_button = QPushButton(self.tr("Add to the log"))
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.hide()
        self.card = QFrame()
        self.card.setObjectName("LogCard")
        self.rows = QVBoxLayout(self.card)
        self.rows.setContentsMargins(0, 2, 0, 2)
        self.rows.setSpacing(0)
        self.empty = hint(
            self.tr(
                "Nothing logged yet. Note decisions as you make them and changes as you see them: "
                "looking back over them is where the learning shows."
            )
        )
        self._lay_out()

    def _lay_out(self) -> None:
        # Kind and date above the box, the button below it: the box gets the full width.
        what = QHBoxLayout()
        what.setSpacing(6)
        what.addWidget(self.kind)
        what.addWidget(self.when)
        what.addStretch(1)
        add = QHBoxLayout()
        add.addWidget(hint(self.tr("Enter adds it to the log · Shift+Enter starts a new line")), 1)
        add.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(what)
        layout.addWidget(self.text)
        layout.addLayout(add)
        layout.addWidget(self.error)
        layout.addSpacing(4)
        layout.addWidget(self.card)
        layout.addWidget(self.empty)

    def load(self, challenge_id: int) -> None:
        """Show a challenge's log."""
        self.challenge_id = challenge_id
        self.error.hide()
        self.entries = log_entries(self.context.journal, challenge_id)
        while (old := self.rows.takeAt(0)) is not None:
            if (widget := old.widget()) is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        for number, entry in enumerate(self.entries):
            if number:
                rule = QFrame()
                rule.setObjectName("LogRule")
                rule.setFixedHeight(1)
                self.rows.addWidget(rule)
            entry_id = entry.id or 0
            edit, delete = partial(self.edit, entry_id), partial(self.delete, entry_id)
            self.rows.addWidget(entry_row(entry, edit, delete))
        self.card.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)

    def add(self) -> None:
        """Log what is written in the row above the entries."""
        if self.challenge_id is None:
            return
        kind = LogKind(self.kind.currentData())
        on = day_of(self.when)
        challenge_id, text = self.challenge_id, self.text.text()
        # The page announces the change when it hears ``logged``.
        entry = write_or_say(
            self.context,
            lambda: log(self.context.journal, challenge_id, kind, text, on=on),
            None,
            self.error,
        )
        if isinstance(entry, NotWritten):
            return  # the words stay in the field
        self.text.clear()
        self.load(self.challenge_id)
        self.logged.emit()

    def _entry(self, entry_id: int) -> ChallengeLogEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def edit(self, entry_id: int) -> None:
        """Correct an entry in a dialog; the log reloads when it is saved."""
        entry = self._entry(entry_id)
        if entry is None or self.challenge_id is None:
            return
        if LogEntryDialog(self.context, entry, CHOICES, self).exec():
            self.load(self.challenge_id)
            self.logged.emit()

    def delete(self, entry_id: int) -> None:
        """Remove an entry after asking (it goes to the Trash)."""
        entry = self._entry(entry_id)
        if entry is None or self.challenge_id is None:
            return
        if not confirm_delete(
            self, self.tr("Delete this log entry?"), self.tr("“{text}”").format(text=entry.text)
        ):
            return
        gone = self.context.write(
            lambda: delete_log_entry(self.context.journal, entry_id), failed=self.tr("Not deleted")
        )
        if isinstance(gone, NotWritten):
            return
        self.load(self.challenge_id)
        self.logged.emit()
