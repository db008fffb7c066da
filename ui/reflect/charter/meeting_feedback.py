"""The charter's meeting feedback: each meeting's plus/delta, the last one first and foremost.

A team opens its next meeting with what the last one said, so the latest entry is a card of
its own at the top ("Start the next meeting here"); earlier meetings follow, quieter.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.charter import add_meeting_feedback, meeting_feedback, update_meeting_feedback
from iltdesk.models import MeetingFeedback
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, Autosaver, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of
from ui.kit.style import field_label, hint, restyle
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say

PLUS_TITLE = "+  What worked"
DELTA_TITLE = "Δ  What to change"


class FeedbackCard(QFrame):
    """One meeting's plus and delta, and how the team responded (saved as it is typed)."""

    def __init__(self, context: AppContext, entry: MeetingFeedback, *, latest: bool) -> None:
        super().__init__()
        self.setObjectName("FeedbackCard")
        self.setProperty("latest", latest)
        self.context = context
        self.entry = entry
        self.latest = latest
        self.response = LineBox("What the team did about it, e.g. 'Data goes out a day ahead'")
        self.autosaver = Autosaver(context, self._save, self)
        self.response.set_text(entry.response)
        self.response.edited.connect(self.autosaver.touch)
        self.response.focus_left.connect(self.autosaver.flush)
        layout = QVBoxLayout(self)
        # The last meeting's card is roomier: it is what the next meeting opens with.
        layout.setContentsMargins(*((20, 16, 20, 18) if latest else (16, 10, 16, 12)))
        layout.setSpacing(8 if latest else 6)
        self._heading(layout)
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.setVerticalSpacing(2)
        for column, (title, name, text) in enumerate(
            ((PLUS_TITLE, "PlusTitle", entry.plus), (DELTA_TITLE, "DeltaTitle", entry.delta))
        ):
            label = QLabel(title)
            label.setObjectName(name)
            body = QLabel(text or "—")
            body.setObjectName("FeedbackText" if latest else "")
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            columns.addWidget(label, 0, column)
            columns.addWidget(body, 1, column)
            columns.setColumnStretch(column, 1)
        layout.addLayout(columns)
        # Earlier meetings keep the response on one line with its label, to stay compact.
        respond = QVBoxLayout() if latest else QHBoxLayout()
        respond.setSpacing(3 if latest else 12)
        label = field_label("How the team responded")
        respond.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        respond.addWidget(self.response, 1)
        if not latest:
            label.setContentsMargins(0, 4, 0, 0)  # level with the box's first line
        layout.addLayout(respond)

    def _heading(self, layout: QVBoxLayout) -> None:
        when = dates.with_weekday(self.entry.met_on)
        if not self.latest:
            label = QLabel(when)
            label.setObjectName("FieldLabel")
            layout.addWidget(label)
            return
        kicker = QLabel("Start the next meeting here")
        kicker.setObjectName("Kicker")
        title = QLabel(f"Last meeting · {when}")
        title.setObjectName("LatestTitle")
        layout.addWidget(kicker)
        layout.addWidget(title)

    def _save(self) -> None:
        self.entry = update_meeting_feedback(
            self.context.journal, self.entry.id or 0, response=self.response.text()
        )

    def set_current(self, current: bool) -> None:
        """Outline the entry someone came here to read."""
        self.setProperty("current", current)
        restyle(self, "FeedbackCard")


class FeedbackDialog(GuardedDialog):
    """Record a meeting's plus/delta: what worked, and what to change next time."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_entry: MeetingFeedback | None = None
        self.setWindowTitle("Meeting plus/delta — iltdesk")
        self.setMinimumWidth(560)
        heading = QLabel("How did the meeting go?")
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("margin-top: 0")
        self.met_on = date_edit(date.today())
        self.plus = LineBox("What helped the team's work today")
        self.delta = LineBox("What would make the next meeting better")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton("Keep it")
        self.save_button.setObjectName("Primary")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        when = QHBoxLayout()
        when.addWidget(field_label("Met on"))
        when.addWidget(self.met_on)
        when.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint("Ask the team at the end of the meeting; it takes two minutes."))
        layout.addSpacing(8)
        layout.addLayout(when)
        layout.addSpacing(6)
        for title, box in ((PLUS_TITLE, self.plus), (DELTA_TITLE, self.delta)):
            layout.addWidget(field_label(title))
            layout.addWidget(box)
            layout.addSpacing(4)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.mark_clean()
        self.keep_drafts("meeting_feedback", "", context)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.plus.setFocus()  # the date is usually today: start where the writing is

    def save(self) -> None:
        """Keep the entry and close, or say why not and keep what was typed."""
        met = day_of(self.met_on)
        plus, delta = self.plus.text(), self.delta.text()
        saved = write_or_say(
            self.context,
            lambda: add_meeting_feedback(self.context.journal, plus, delta, met_on=met),
            Change(RecordKind.MEETING_FEEDBACK),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return  # the dialog stays open with what was typed
        self.saved_entry = saved
        self.accept()


class FeedbackLog(QFrame):
    """Every meeting's plus/delta, last meeting first."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.context = context
        self.cards: list[FeedbackCard] = []
        title = QLabel("Meeting feedback")
        title.setObjectName("SectionTitle")
        title.setStyleSheet("margin-top: 0")
        self.add_button = QPushButton("Record a meeting's plus/delta…")
        self.add_button.clicked.connect(self.add_entry)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.add_button)
        self.empty = hint(
            "Nothing yet. At the end of your next ILT meeting, ask the team what worked and "
            "what to change, and record it here to open the meeting after."
        )
        self.earlier = QLabel("Earlier meetings")
        self.earlier.setObjectName("FieldLabel")
        self.list = QVBoxLayout()
        self.list.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(hint("A quick plus/delta at the end of each meeting, last meeting first."))
        layout.addSpacing(4)
        layout.addWidget(self.empty)
        layout.addLayout(self.list)

    def refresh(self) -> bool:
        """Reload the entries; False (nothing reloaded) if a typed response cannot be saved."""
        if not all([card.autosaver.flush() for card in self.cards]):
            return False
        for card in self.cards:
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        while self.list.count():
            self.list.takeAt(0)
        entries = meeting_feedback(self.context.journal)
        self.cards = [
            FeedbackCard(self.context, entry, latest=n == 0) for n, entry in enumerate(entries)
        ]
        for n, card in enumerate(self.cards):
            if n == 1:
                self.list.addSpacing(10)
                self.list.addWidget(self.earlier)
            self.list.addWidget(card)
        self.earlier.setVisible(len(self.cards) > 1)
        self.empty.setVisible(not self.cards)
        return True

    def entry_ids(self) -> list[int]:
        """The entries shown, top to bottom."""
        return [card.entry.id or 0 for card in self.cards]

    def select(self, entry_id: int) -> FeedbackCard | None:
        """Outline one entry; its card, to scroll to."""
        found = None
        for card in self.cards:
            card.set_current(card.entry.id == entry_id)
            found = card if card.entry.id == entry_id else found
        return found

    def add_entry(self) -> None:
        """Ask for a meeting's plus/delta and put it on top."""
        dialog = FeedbackDialog(self.context, self)
        if dialog.exec() and dialog.saved_entry is not None:
            self.refresh()
