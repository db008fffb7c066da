"""The two small forms of the principal's own page: how her energy is today, and a question or
realisation for her leadership journal. Both keep a draft like every other form."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.models import LeadershipNote, LeadershipNoteKind, PrincipalEnergy
from iltdesk.principal import (
    LEVEL_WORDS,
    add_note,
    edit_energy,
    edit_note,
    level_word,
    log_energy,
)
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of, qdate
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say

ENERGY_NOTE_HINT = QT_TRANSLATE_NOOP("dialogs", "What is draining you, or lifting you? (optional)")
QUESTION_HINT = QT_TRANSLATE_NOOP(
    "dialogs", "e.g. How do I move the team forward without taking it over?"
)
REALISATION_HINT = QT_TRANSLATE_NOOP(
    "dialogs", "e.g. When I ask “tell me more” first, the team brings the answer."
)
KIND_CHOICES = (
    (LeadershipNoteKind.question, QT_TRANSLATE_NOOP("dialogs", "A &question I am holding")),
    (LeadershipNoteKind.realisation, QT_TRANSLATE_NOOP("dialogs", "A &realisation")),
)


def tab_stop_on_choice(group: QButtonGroup) -> None:
    """Tab stops at the chosen button of ``group`` only (the first, before any is chosen);
    the arrows move between them, as in any group of choices."""
    chosen = group.checkedButton() or group.buttons()[0]
    for button in group.buttons():
        strong = button is chosen
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus)


def _error_label() -> QLabel:
    error = QLabel()
    error.setObjectName("ErrorText")
    error.setWordWrap(True)
    error.hide()
    return error


def _buttons(dialog: GuardedDialog, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    save = QPushButton(save_text)
    save.setObjectName("Primary")
    save.setDefault(True)
    buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.rejected.connect(dialog.reject)
    return buttons, save


class EnergyDialog(GuardedDialog):
    """Log (or correct) how her own energy is: a level picked with a key from 1 to 5, then a
    note if she wants one; Enter in the note saves."""

    def __init__(
        self,
        context: AppContext,
        check: PrincipalEnergy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.check = check
        self.saved: PrincipalEnergy | None = None
        self.setWindowTitle(
            self.tr("Correct an energy check — iltdesk")
            if check
            else self.tr("Log my energy — iltdesk")
        )
        self.setMinimumWidth(520)
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for level in LEVEL_WORDS:
            word = level_word(level)
            button = QRadioButton(f"{level} · {word}")
            button.setAccessibleName(
                self.tr("Energy {level} of 5, {word}").format(level=level, word=word)
            )
            self.group.addButton(button, level)
            row.addWidget(button)
        row.addStretch(1)
        self.group.idToggled.connect(lambda *_: tab_stop_on_choice(self.group))
        self.note = QLineEdit()
        self.note.setObjectName("EnergyNote")
        self.note.setPlaceholderText(QCoreApplication.translate("dialogs", ENERGY_NOTE_HINT))
        self.checked_on = date_edit(
            check.checked_on if check else date.today(), self.tr("Checked on")
        )
        self.error = _error_label()
        self.buttons, self.save_button = _buttons(
            self, self.tr("Save") if check else self.tr("Log it")
        )
        self.buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(
            field_label(self.tr("How is your energy? Press 1 to 5"), self.group.button(1))
        )
        layout.addWidget(hint(self.tr("1 depleted · 2 strained · 3 steady · 4 good · 5 energised")))
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(field_label(self.tr("Note"), self.note))
        layout.addWidget(self.note)
        when = QHBoxLayout()
        when.addWidget(field_label(self.tr("On"), self.checked_on))
        when.addWidget(self.checked_on)
        when.addStretch(1)
        layout.addLayout(when)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if check is not None:
            self.group.button(check.level).setChecked(True)
            self.note.setText(check.note)
        tab_stop_on_choice(self.group)
        (self.group.checkedButton() or self.group.button(1)).setFocus()
        self.mark_clean()
        self.keep_drafts("own_energy", f"own_energy:{check.id}" if check else "new", context)

    def level(self) -> int | None:
        """The level chosen, or None before one is."""
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def unsaved_state(self) -> Hashable:
        return typed_texts(self), self.level()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A digit the note box did not take (it takes its own): the level, at one key.
        if event.text() in {"1", "2", "3", "4", "5"}:
            button = self.group.button(int(event.text()))
            button.setChecked(True)
            button.setFocus()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        """Keep the check and close, or say why not and keep what was typed."""
        level = self.level()
        if level is None:
            self.error.setText(self.tr("Choose a level first: press a key from 1 to 5."))
            self.error.show()
            return
        note, on, journal = self.note.text(), day_of(self.checked_on), self.context.journal
        editing = self.check.id or 0 if self.check is not None else None

        def write() -> PrincipalEnergy:
            if editing is not None:
                return edit_energy(journal, editing, level=level, note=note, checked_on=on)
            return log_energy(journal, level, note, on=on)

        saved = write_or_say(self.context, write, Change(RecordKind.OWN_ENERGY), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()


class LeadershipNoteDialog(GuardedDialog):
    """Write (or correct) a question she is holding or a realisation: the kind, the words
    (Markdown), the day. Ctrl+Enter saves."""

    def __init__(
        self,
        context: AppContext,
        kind: LeadershipNoteKind = LeadershipNoteKind.question,
        note: LeadershipNote | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.note = note
        self.saved: LeadershipNote | None = None
        title = (
            self.tr("Edit a note on my leadership") if note else self.tr("A note on my leadership")
        )
        self.setWindowTitle(self.tr("{title} — iltdesk").format(title=title))
        self.setMinimumWidth(600)
        self.kinds = QButtonGroup(self)
        row = QHBoxLayout()
        for number, (_kind, text) in enumerate(KIND_CHOICES):
            button = QRadioButton(QCoreApplication.translate("dialogs", text))
            self.kinds.addButton(button, number)
            row.addWidget(button)
        row.addStretch(1)
        self.kinds.idToggled.connect(lambda *_: self._hint_kind())
        self.text = MarkdownEdit()
        self.text.setObjectName("LeadershipNoteText")
        self.text.setMinimumHeight(140)
        self.noted_on = date_edit(note.noted_on if note else date.today(), self.tr("Noted on"))
        self.error = _error_label()
        self.buttons, self.save_button = _buttons(self, self.tr("Save"))
        self.save_button.setToolTip("Ctrl+Enter")
        self.buttons.accepted.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main key and the keypad's
            QShortcut(QKeySequence(keys), self, self.save)
        self._lay_out(row)
        self.set_kind(note.kind if note else kind)
        if note is not None:
            self.noted_on.setDate(qdate(note.noted_on))
            self.text.set_markdown(note.text)
        self.text.setFocus()
        self.mark_clean()
        self.keep_drafts(
            "leadership_note", f"leadership_note:{note.id}" if note else "new", context
        )

    def _lay_out(self, kinds: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addLayout(kinds)
        layout.addSpacing(6)
        layout.addWidget(self.text, 1)
        when = QHBoxLayout()
        when.addWidget(field_label(self.tr("Noted on"), self.noted_on))
        when.addWidget(self.noted_on)
        when.addStretch(1)
        layout.addLayout(when)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def kind(self) -> LeadershipNoteKind:
        """Question or realisation, as the toggle says."""
        return KIND_CHOICES[max(self.kinds.checkedId(), 0)][0]

    def set_kind(self, kind: LeadershipNoteKind) -> None:
        number = [k for k, _ in KIND_CHOICES].index(kind)
        self.kinds.button(number).setChecked(True)
        self._hint_kind()

    def _hint_kind(self) -> None:
        tab_stop_on_choice(self.kinds)
        question = self.kind() is LeadershipNoteKind.question
        self.text.setPlaceholderText(
            QCoreApplication.translate("dialogs", QUESTION_HINT if question else REALISATION_HINT)
        )
        self.text.setAccessibleName(
            self.tr("The question") if question else self.tr("The realisation")
        )

    def unsaved_state(self) -> Hashable:
        return typed_texts(self), self.kind()

    def save(self) -> None:
        """Keep the note and close, or say why not and keep what was typed."""
        kind, text, on = self.kind(), self.text.markdown(), day_of(self.noted_on)
        journal = self.context.journal
        editing = self.note.id or 0 if self.note is not None else None

        def write() -> LeadershipNote:
            if editing is not None:
                return edit_note(journal, editing, kind=kind, text=text, noted_on=on)
            return add_note(journal, kind, text, noted_on=on)

        saved = write_or_say(self.context, write, Change(RecordKind.LEADERSHIP_NOTE), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
