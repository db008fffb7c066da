"""The form for a dated note on one tension: where you lean, when each pole serves, evidence."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.models import TensionNote
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.tension import Tension, add_note, edit_note
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.style import field_label, hint
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.reflect.tensions.leaning_widget import LeaningPicker


class TensionNoteDialog(GuardedDialog):
    """Add a note on ``tension``; the leaning starts where the latest note left it."""

    def __init__(
        self,
        context: AppContext,
        tension: Tension,
        latest: TensionNote | None = None,
        parent: QWidget | None = None,
        *,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.tension = tension
        self.saved_note: TensionNote | None = None
        # Editing corrects ``latest`` itself; adding starts a new note from its leaning.
        self.editing = latest if editing else None
        self.setWindowTitle(
            "Edit a note on a tension — iltdesk" if editing else "A note on a tension — iltdesk"
        )
        self.setMinimumWidth(680)
        heading = QLabel(f"{tension.first_pole}  ↔  {tension.second_pole}")
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("margin-top: 0")
        self.picker = LeaningPicker(tension)
        self.noted_on = date_edit(date.today())
        self.first_serves = LineBox(f"Where or when {tension.first_pole.lower()} is the right call")
        self.second_serves = LineBox(
            f"Where or when {tension.second_pole.lower()} is the right call"
        )
        self.evidence = LineBox(
            "What you have seen in classrooms that district leaders should hear"
        )
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Anything else: what you decided, what to revisit and when")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton("Save the note")
        self.save_button.setObjectName("Primary")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.picker.chosen.connect(lambda _leaning: self.save_button.setEnabled(True))
        self.save_button.setEnabled(False)  # a leaning is the one thing a note must have
        if latest is not None:
            self.picker.set_leaning(latest.leaning)
        if self.editing is not None:
            self._fill(self.editing)
        self._lay_out(heading)
        self.mark_clean()
        place = f"tension_note:{self.editing.id}" if self.editing else f"tension:{tension.key}"
        self.keep_drafts("tension_note", place, context)

    def unsaved_state(self) -> Hashable:
        """The leaning counts too: a changed one is a changed mind, worth asking about."""
        return typed_texts(self), self.picker.leaning()

    def _fill(self, note: TensionNote) -> None:
        self.save_button.setEnabled(True)
        self.noted_on.setDate(qdate(note.noted_on))
        self.first_serves.set_text(note.first_pole_serves)
        self.second_serves.set_text(note.second_pole_serves)
        self.evidence.set_text(note.evidence)
        self.note.setPlainText(note.note)

    def _lay_out(self, heading: QLabel) -> None:
        fields = QGridLayout()
        fields.setHorizontalSpacing(14)
        fields.setVerticalSpacing(4)
        for column, (label, box) in enumerate(
            (
                (f"When {self.tension.first_pole.lower()} serves", self.first_serves),
                (f"When {self.tension.second_pole.lower()} serves", self.second_serves),
            )
        ):
            fields.addWidget(field_label(label), 0, column)
            fields.addWidget(box, 1, column)
            fields.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint(self.tension.question))
        layout.addSpacing(12)
        layout.addWidget(field_label("Where do you lean today?"))
        layout.addSpacing(2)
        layout.addWidget(self.picker)
        layout.addSpacing(12)
        layout.addLayout(fields)
        layout.addSpacing(8)
        layout.addWidget(field_label("Classroom evidence to bring to district leaders"))
        layout.addWidget(self.evidence)
        layout.addSpacing(8)
        layout.addWidget(field_label("Note"))
        layout.addWidget(self.note)
        layout.addSpacing(8)
        when = QHBoxLayout()
        when.addWidget(field_label("Noted on"))
        when.addWidget(self.noted_on)
        when.addStretch(1)
        layout.addLayout(when)
        layout.addSpacing(6)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Keep the note and close, or say why not and keep everything typed."""
        leaning = self.picker.leaning()
        if leaning is None:
            self._fail("Choose where you lean first: one of the five steps between the poles.")
            return
        noted = day_of(self.noted_on)
        first, second = self.first_serves.text(), self.second_serves.text()
        evidence, note = self.evidence.text(), self.note.toPlainText().strip()
        journal, key = self.context.journal, self.tension.key
        editing = self.editing.id or 0 if self.editing is not None else None

        def write() -> TensionNote:
            if editing is not None:
                return edit_note(
                    journal,
                    editing,
                    leaning,
                    first_pole_serves=first,
                    second_pole_serves=second,
                    evidence=evidence,
                    note=note,
                    noted_on=noted,
                )
            return add_note(
                journal,
                key,
                leaning,
                first_pole_serves=first,
                second_pole_serves=second,
                evidence=evidence,
                note=note,
                noted_on=noted,
            )

        saved = write_or_say(self.context, write, Change(RecordKind.TENSION), self.error)
        if isinstance(saved, NotWritten):
            return  # the dialog stays open with everything typed
        self.saved_note = saved
        self.accept()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
