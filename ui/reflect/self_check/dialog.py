"""A self-check, new or corrected: how often the team does each of the fifteen actions, and a
note per area."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk.models import SelfCheck
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.self_check import RATER_LABELS, CheckIn, rater_label, record_check, revise_check
from iltdesk.self_check_items import CURRENT_SET, CheckArea
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, qdate
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint, page_style
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.reflect.self_check.colours import area_dot
from ui.reflect.self_check.frequency_picker import FrequencyPicker

TAKEN_BY = tuple(RATER_LABELS)  # who can have rated, each a toggle (rater_label: its words)


def area_heading(area: CheckArea) -> QLabel:
    """The area's title after a dot in its chart colour, so the form and the chart match."""
    label = QLabel(f"{area_dot(area.key)}{area.title}")
    label.setObjectName("SectionTitle")
    label.setIndent(0)
    return label


def grow_with_text(note: MarkdownEdit, fewest: int = 2, most: int = 6) -> None:
    """A note box two lines tall that grows with what is written (up to six), so a note
    reads whole instead of scrolling inside a dialog that scrolls."""
    line = note.fontMetrics().lineSpacing()

    def fit() -> None:
        height = note.document().size().height() + 2 * note.frameWidth() + 6
        note.setFixedHeight(int(min(max(height, line * fewest + 18), line * most + 18)))

    note.document().documentLayout().documentSizeChanged.connect(lambda *_: fit())
    fit()


class SelfCheckDialog(GuardedDialog):
    """Rate every action Never … Always; Save stays off until all fifteen are rated.

    A new check-in asks the current questions; a past one is corrected in the wording it was
    answered against, and keeps it.
    """

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, editing: CheckIn | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.check: SelfCheck | None = None
        self.editing = editing  # a past check-in being corrected, or None for a new one
        self.wording = editing.wording if editing is not None else CURRENT_SET
        self.pickers: dict[str, FrequencyPicker] = {}
        self.notes: dict[str, MarkdownEdit] = {}
        self.setWindowTitle(
            self.tr("Edit an ILT self-check — iltdesk")
            if editing
            else self.tr("New ILT self-check — iltdesk")
        )
        self.setStyleSheet(page_style())
        self.setMinimumSize(760, 560)
        self.resize(900, 780)
        self.taken_on = date_edit()
        self.taken_on.setAccessibleName(self.tr("Date of the check-in"))
        self.who = QButtonGroup(self)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.left = QLabel()
        self.left.setObjectName("Hint")
        self.save_button = QPushButton(self.tr("Save check-in"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(self._heading())
        layout.addSpacing(10)
        layout.addWidget(self._scroll(), 1)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        if editing is not None:
            self._fill(editing)
        self._update_left()
        next(iter(self.pickers.values())).setFocus()
        self.mark_clean()
        place = f"self_check:{editing.check.id}" if editing else "new"
        self.keep_drafts("self_check", place, context)

    def _fill(self, entry: CheckIn) -> None:
        self.taken_on.setDate(qdate(entry.check.taken_on))
        for button in self.who.buttons():
            button.setChecked(button.property("taken_by") == entry.check.taken_by)
        for item, value in entry.answers.items():
            if item in self.pickers:
                self.set_rating(item, value)
        for area, note in entry.notes.items():
            if area in self.notes:
                self.notes[area].set_markdown(note)
        self.save_button.setText(self.tr("Save changes"))

    def _heading(self) -> QVBoxLayout:
        title = QLabel(self.wording.stem)
        title.setObjectName("PageTitle")
        purpose = hint(
            self.tr(
                "Rate what happens most weeks, not what you hope for. An honest 'rarely' gives the "
                "team more to talk about than a generous 'often'."
            )
        )
        when = QHBoxLayout()
        when.setSpacing(10)
        when.addWidget(field_label(self.tr("Date")))
        when.addWidget(self.taken_on)
        when.addSpacing(24)
        when.addWidget(field_label(self.tr("Who rated")))
        for position, key in enumerate(TAKEN_BY):
            words = rater_label(key)
            # Toggles like the cycle's outcome choice: easier to see than radio dots.
            button = QPushButton(words)
            button.setObjectName("OutcomeChoice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            # Chosen, the label turns bold; leave room so it is not clipped then.
            bold = QFont(button.font())
            bold.setWeight(QFont.Weight.DemiBold)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(words) + 40)
            button.setProperty("taken_by", key)
            button.setChecked(position == 0)
            self.who.addButton(button, position)
            when.addWidget(button)
        when.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(title)
        column.addWidget(purpose)
        column.addSpacing(6)
        column.addLayout(when)
        return column

    def _scroll(self) -> QScrollArea:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 8)
        column.setSpacing(4)
        for area in self.wording.areas:
            column.addWidget(area_heading(area))
            column.addLayout(self._area_rows(area))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _area_rows(self, area: CheckArea) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(16, 2, 0, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for row, item in enumerate(area.items):
            text = QLabel(item.text)
            text.setWordWrap(True)
            picker = FrequencyPicker(item.text)
            picker.changed.connect(lambda _value: self._update_left())
            text.setBuddy(picker)
            self.pickers[item.key] = picker
            grid.addWidget(text, row, 0)
            grid.addWidget(picker, row, 1, Qt.AlignmentFlag.AlignVCenter)
        note = MarkdownEdit(placeholder=self.tr("What's behind these ratings? (optional)"))
        note.setAccessibleName(self.tr("Note on {value}").format(value=area.title.lower()))
        grow_with_text(note)
        self.notes[area.key] = note
        grid.addWidget(note, len(area.items), 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return grid

    def _buttons(self) -> QHBoxLayout:
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        # Enter on a rating must not press Cancel and lose fifteen answers.
        cancel.setAutoDefault(False)
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.left, 1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    def set_rating(self, item_key: str, value: int) -> None:
        """Rate one action, 0 (never) … 4 (always), as a click would."""
        self.pickers[item_key].set_value(value)

    def answers(self) -> dict[str, int]:
        """The ratings chosen so far."""
        return {k: v for k, p in self.pickers.items() if (v := p.value()) is not None}

    def _update_left(self) -> None:
        left = len(self.wording.item_keys) - len(self.answers())
        self.save_button.setEnabled(left == 0)
        if left == 0:
            self.left.setText(self.tr("Every action is rated. Ready to save."))
        else:
            plural = "action" if left == 1 else "actions"
            self.left.setText(
                self.tr("{left} {plural} left to rate before you can save.").format(
                    left=left, plural=plural
                )
            )

    def unsaved_state(self) -> Hashable:
        """The ratings count as much as the notes: they took thought to give."""
        return typed_texts(self), tuple(sorted(self.answers().items()))

    def _notes_typed(self) -> dict[str, str]:
        return {key: text for key, edit in self.notes.items() if (text := edit.markdown().strip())}

    def save(self) -> None:
        """Record the check-in; problems show in the dialog, which stays open."""
        if not self.save_button.isEnabled():
            return
        button = self.who.checkedButton()
        day = self.taken_on.date()
        when = date(day.year(), day.month(), day.day())
        who = str(button.property("taken_by")) if button else "principal"
        journal, answers, notes = self.context.journal, self.answers(), self._notes_typed()
        editing = self.editing.check.id or 0 if self.editing is not None else None

        def write() -> SelfCheck:
            if editing is not None:
                return revise_check(
                    journal, editing, answers, notes=notes, taken_on=when, taken_by=who
                )
            return record_check(journal, answers, notes=notes, taken_on=when, taken_by=who)

        saved = write_or_say(self.context, write, Change(RecordKind.SELF_CHECK), self.error)
        if isinstance(saved, NotWritten):
            return  # the dialog stays open with every rating and note
        self.check = saved
        self.accept()
