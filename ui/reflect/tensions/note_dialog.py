"""The form for a dated note on one tension: when each side serves, the decision at stake,
classroom evidence, a note, and last, if the principal holds one, a leaning."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.models import TensionNote
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.tension import Tension, add_note, edit_note, leaning_words
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.style import error_line, field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.reflect.tensions.leaning_widget import LeaningPicker

SERVES_HINT = QT_TRANSLATE_NOOP(
    "note_dialog", "The situations, schools or stages where this side is the right call"
)


def serves_question(pole: str) -> str:
    """'When does “Scale fast” serve?': the question each side's reasoning answers (the pole
    quoted whole: lower-cased, "when does hold a fixed strategy serve" would not read)."""
    return QCoreApplication.translate("note_dialog", "When does “{pole}” serve?").format(pole=pole)


class TensionNoteDialog(GuardedDialog):
    """Add a note on ``tension`` (or correct ``latest`` with ``editing``).

    The reasoning for each side comes first and takes the focus: leaders rarely settle on one
    pole, so a new note starts with no leaning; the latest one is shown for reference.
    """

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
        self.editing = latest if editing else None
        self.setWindowTitle(
            self.tr("Edit a note on a tension — iltdesk")
            if editing
            else self.tr("A note on a tension — iltdesk")
        )
        self.setMinimumWidth(680)
        # Made in the order a person fills them in: that is also the order Tab follows.
        self.first_serves = LineBox(QCoreApplication.translate("note_dialog", SERVES_HINT))
        self.second_serves = LineBox(QCoreApplication.translate("note_dialog", SERVES_HINT))
        self.decision = LineBox(
            self.tr("The choice this note bears on, e.g. where to pilot a new tracker")
        )
        self.decision.setObjectName("Decision")  # its draft keeps its own name
        self.evidence = LineBox(self.tr("What you have seen in classrooms that bears on it"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("Anything else: what you decided, what to revisit and when")
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        self.picker = LeaningPicker(tension)
        self.noted_on = date_edit(date.today())
        self.error = error_line()
        self.buttons = self.save_buttons(self.tr("Save the note"), self.save)
        self.last_leaning = hint(self._last_leaning(latest) if not editing else "")
        self.last_leaning.setVisible(bool(self.last_leaning.text()))
        if self.editing is not None:
            self._fill(self.editing)
        self._lay_out()
        self.first_serves.setFocus()
        self.mark_clean()
        place = f"tension_note:{self.editing.id}" if self.editing else f"tension:{tension.key}"
        self.keep_drafts("tension_note", place, context)

    def _last_leaning(self, latest: TensionNote | None) -> str:
        if latest is None:
            return ""
        words = leaning_words(self.tension, latest.leaning)
        return self.tr("Your note of {day}: {words}.").format(
            day=dates.short(latest.noted_on), words=words
        )

    def unsaved_state(self) -> Hashable:
        """The leaning counts too: a changed one is a changed mind, worth asking about."""
        return typed_texts(self), self.picker.leaning()

    def _fill(self, note: TensionNote) -> None:
        self.noted_on.setDate(qdate(note.noted_on))
        self.first_serves.set_text(note.first_pole_serves)
        self.second_serves.set_text(note.second_pole_serves)
        self.decision.set_text(note.decision)
        self.evidence.set_text(note.evidence)
        self.note.setPlainText(note.note)
        self.picker.set_leaning(note.leaning)

    def _lay_out(self) -> None:
        heading = QLabel(f"{self.tension.first_pole}  ↔  {self.tension.second_pole}")
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("margin-top: 0")
        fields = QGridLayout()
        fields.setHorizontalSpacing(14)
        fields.setVerticalSpacing(4)
        for column, (pole, serves) in enumerate(
            (
                (self.tension.first_pole, self.first_serves),
                (self.tension.second_pole, self.second_serves),
            )
        ):
            fields.addWidget(field_label(serves_question(pole), serves), 0, column)
            fields.addWidget(serves, 1, column)
            fields.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint(self.tension.question))
        layout.addSpacing(12)
        layout.addLayout(fields)
        boxes: tuple[tuple[str, QPlainTextEdit], ...] = (
            (self.tr("The decision at stake"), self.decision),
            (self.tr("Classroom evidence you bring to it"), self.evidence),
            (self.tr("Note"), self.note),
        )
        for label, box in boxes:
            layout.addSpacing(8)
            layout.addWidget(field_label(label, box))
            layout.addWidget(box)
        layout.addSpacing(12)
        layout.addWidget(field_label(self.tr("Do you lean one way? (optional)"), self.picker))
        layout.addWidget(self.last_leaning)
        layout.addSpacing(2)
        layout.addWidget(self.picker)
        layout.addSpacing(8)
        when = QHBoxLayout()
        when.addWidget(field_label(self.tr("Noted on"), self.noted_on))
        when.addWidget(self.noted_on)
        when.addStretch(1)
        layout.addLayout(when)
        layout.addSpacing(6)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Keep the note and close, or say why not and keep everything typed."""
        leaning = self.picker.leaning()
        noted = day_of(self.noted_on)
        first, second = self.first_serves.text(), self.second_serves.text()
        decision, evidence = self.decision.text(), self.evidence.text()
        note = self.note.toPlainText().strip()
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
                    decision=decision,
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
                decision=decision,
                evidence=evidence,
                note=note,
                noted_on=noted,
            )

        saved = write_or_say(self.context, write, Change(RecordKind.TENSION), self.error)
        if isinstance(saved, NotWritten):
            return  # the dialog stays open with everything typed
        self.saved_note = saved
        self.accept()
