"""Write a new version of a lead's agreement: the first one, or a revision of the current one."""

from __future__ import annotations

import math
from collections.abc import Hashable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import agreement
from iltdesk.agreement import (
    TEXT_FIELDS,
    AgreementTerms,
    AgreementVersion,
    Expectation,
    field_title,
)
from iltdesk.lead import get_lead
from iltdesk.models import ExpectationKind
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import day_of, follow_locale, py_date, qdate
from ui.kit.icons import icon
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say

KINDS = (ExpectationKind.non_negotiable, ExpectationKind.adjustable)
PLACEHOLDERS = {
    "meeting_cadence": QT_TRANSLATE_NOOP("dialog", "e.g. Every two weeks, Thursdays, 30 minutes"),
    "feedback_approach": QT_TRANSLATE_NOOP(
        "dialog", "e.g. Out loud first, then a short written note the same day"
    ),
    "coaching_approach": QT_TRANSLATE_NOOP(
        "dialog", "e.g. We co-plan department meetings; I observe one a month"
    ),
}


class ExpectationText(QTextEdit):
    """A line of text that wraps and grows as it fills, instead of scrolling out of sight."""

    submitted = Signal()  # Enter: expectations are one paragraph each, so it starts the next

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self._fit())
        self.setPlainText(text)
        self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(math.ceil(self.document().size().height()) + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ExpectationRow(QWidget):
    """One expectation: its words, its kind, and buttons to move or remove it."""

    def __init__(self, editor: ExpectationsEditor, text: str, kind: ExpectationKind) -> None:
        super().__init__()
        self.text = ExpectationText(text)
        self.text.setPlaceholderText(self.tr("Something you both hold to"))
        self.text.setToolTip(self.tr("Enter starts another below. Alt+↑ and Alt+↓ move this one."))
        self.text.submitted.connect(lambda: editor.add_after(self))
        self.kind = QComboBox()
        self.kind.addItems([self.tr("Non-negotiable"), self.tr("Adjustable")])
        self.kind.setToolTip(
            self.tr("Non-negotiable holds every week; adjustable bends to this person.")
        )
        self.kind.setCurrentIndex(KINDS.index(kind))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.text, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons: list[QToolButton] = []
        for glyph, tip, action in (
            ("↑", self.tr("Move up"), lambda: editor.move_row(self, -1)),
            ("↓", self.tr("Move down"), lambda: editor.move_row(self, 1)),
            ("✕", self.tr("Remove this expectation"), lambda: editor.remove_row(self)),
        ):
            button = QToolButton()
            button.setText(glyph)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.setFixedSize(24, 24)
            button.clicked.connect(action)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.text)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: editor.move_row(self, d))

    def focus_chain(self) -> list[QWidget]:
        """This row's controls in the order Tab visits them."""
        return [self.text, self.kind, *self.buttons]

    def expectation(self) -> Expectation:
        """What this row says."""
        # Pasted line breaks would split one expectation's bullet in two when read back.
        text = " ".join(self.text.toPlainText().split())
        return Expectation(text, KINDS[self.kind.currentIndex()])


class ExpectationsEditor(QScrollArea):
    """An ordered, editable list of expectations, with a button to add one more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ExpectationRow] = []
        self._list = QVBoxLayout()
        self._list.setSpacing(6)
        self.add_button = QPushButton(icon("add"), self.tr("Add expectation"))
        self.add_button.clicked.connect(lambda: self.add_expectation().text.setFocus())
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addLayout(self._list)
        inner.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addStretch(1)
        self.setWidget(holder)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def add_expectation(
        self, text: str = "", kind: ExpectationKind = ExpectationKind.adjustable
    ) -> ExpectationRow:
        """Add a row at the end."""
        return self._insert(len(self.rows), text, kind)

    def add_after(self, row: ExpectationRow) -> None:
        """Start a new row under ``row`` (Enter while typing), of the same kind."""
        new = self._insert(self.rows.index(row) + 1, "", row.expectation().kind)
        new.text.setFocus()

    def _insert(self, position: int, text: str, kind: ExpectationKind) -> ExpectationRow:
        row = ExpectationRow(self, text, kind)
        self.rows.insert(position, row)
        self._list.insertWidget(position, row)
        self._fix_tab_order()
        self.ensureWidgetVisible(row)
        return row

    def remove_row(self, row: ExpectationRow) -> None:
        """Take a row out; focus goes to its neighbour so the keyboard is never stranded."""
        position = self.rows.index(row)
        self.rows.remove(row)
        self._list.removeWidget(row)
        row.hide()  # gone at once, not when the deletion comes round
        row.deleteLater()
        neighbour = self.rows[min(position, len(self.rows) - 1)] if self.rows else None
        (neighbour.text if neighbour else self.add_button).setFocus()
        self._fix_tab_order()

    def move_row(self, row: ExpectationRow, delta: int) -> None:
        """Move a row up (-1) or down (+1), keeping the focus with it."""
        position = self.rows.index(row)
        target = position + delta
        if not 0 <= target < len(self.rows):
            return
        self.rows.insert(target, self.rows.pop(position))
        self._list.removeWidget(row)
        self._list.insertWidget(target, row)
        self._fix_tab_order()
        row.text.setFocus()
        self.ensureWidgetVisible(row)

    def _fix_tab_order(self) -> None:
        # Inserted rows would otherwise be visited in creation order, not the order shown.
        widgets = [w for r in self.rows for w in r.focus_chain()] + [self.add_button]
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def expectations(self) -> tuple[Expectation, ...]:
        """The rows in order, blank ones included (the core skips those)."""
        return tuple(r.expectation() for r in self.rows)


class AgreementDialog(GuardedDialog):
    """The terms of a new version, starting from ``base``; ``base`` itself is never changed."""

    def __init__(
        self,
        context: AppContext,
        lead_id: int,
        base: AgreementVersion | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.lead_id, self.base = context, lead_id, base
        name = get_lead(context.journal, lead_id).name
        title = (
            self.tr("Revise the agreement with {name}").format(name=name)
            if base
            else self.tr("A first agreement with {name}").format(name=name)
        )
        self.setWindowTitle(self.tr("{title} — iltdesk").format(title=title))
        self.resize(960, 660)
        heading = _label(title, "PageTitle")
        hint = _label(
            self.tr(
                "This becomes a new version. The one you agreed before stays readable as it was."
            )
            if base
            else self.tr(
                "Write it together if you can: an agreement works best in both your words."
            ),
            "Hint",
        )
        self.error = _label("", "ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(self._dates_row())
        layout.addLayout(self._columns(), 1)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self._fill(base)
        self.meeting_cadence.setFocus()
        self.mark_clean()
        self.keep_drafts("agreement", f"lead:{lead_id}", context)

    def unsaved_state(self) -> Hashable:
        """The expectations' order and kinds count too (blank rows do not)."""
        return typed_texts(self), tuple(e for e in self.expectations.expectations() if e.text)

    def _buttons(self) -> QDialogButtonBox:
        latest = agreement.current(self.context.journal, self.lead_id)
        self.save_button = QPushButton(
            self.tr("Save as version {value}").format(
                value=latest.agreement.version + 1 if latest else 1
            )
        )
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip("Ctrl+Enter")
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.findChildren(QPushButton):
            # A saved version cannot be edited, so Enter in a field must never save by accident.
            button.setAutoDefault(False)
            button.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main key and the keypad's
            QShortcut(QKeySequence(keys), self, self.save)
        return buttons

    def _dates_row(self) -> QHBoxLayout:
        self.agreed_on = QDateEdit(QDate.currentDate())
        self.revisit = QCheckBox(self.tr("&Revisit on"))
        self.revisit.setChecked(True)
        self.revisit_on = QDateEdit(qdate(agreement.revisit_date(date.today())))
        for edit in (self.agreed_on, self.revisit_on):
            edit.setCalendarPopup(True)
            follow_locale(edit, weekday=False)
        self.revisit.toggled.connect(self.revisit_on.setEnabled)
        # The suggested revisit follows the agreed date; it can still be set by hand after.
        self.agreed_on.dateChanged.connect(self._suggest_revisit)
        agreed = QLabel(self.tr("&Agreed on"))
        agreed.setBuddy(self.agreed_on)
        row = QHBoxLayout()
        for widget in (agreed, self.agreed_on, self.revisit, self.revisit_on):
            row.addWidget(widget)
        row.insertSpacing(2, 24)
        row.addStretch(1)
        return row

    def _suggest_revisit(self, agreed_on: QDate) -> None:
        agreed = py_date(agreed_on)
        self.revisit_on.setDate(qdate(agreement.revisit_date(agreed)))

    def _columns(self) -> QHBoxLayout:
        self.approaches = {
            name: MarkdownEdit(placeholder=QCoreApplication.translate("dialog", PLACEHOLDERS[name]))
            for name in TEXT_FIELDS
        }
        self.meeting_cadence = self.approaches["meeting_cadence"]
        self.feedback_approach = self.approaches["feedback_approach"]
        self.coaching_approach = self.approaches["coaching_approach"]
        self.expectations = ExpectationsEditor()
        self.revision_note = MarkdownEdit(
            placeholder=self.tr("What did you and the lead decide to change, and what prompted it?")
        )
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(4)  # else they inherit the wide gap between the columns
        right.setSpacing(4)
        for name in TEXT_FIELDS:
            left.addWidget(_label(field_title(name), "SectionTitle"))
            left.addWidget(self.approaches[name], 2 if name == "coaching_approach" else 1)
        right.addWidget(_label(self.tr("Expectations"), "SectionTitle"))
        right.addWidget(self.expectations, 3)
        if self.base:  # a first agreement has no history to explain
            right.addWidget(_label(self.tr("What changed and why"), "SectionTitle"))
            right.addWidget(self.revision_note, 1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        # Expectations wrap in a narrower box beside their controls, so they get more room.
        columns.addLayout(left, 4)
        columns.addLayout(right, 5)
        return columns

    def _fill(self, base: AgreementVersion | None) -> None:
        if base is None:
            self.expectations.add_expectation(kind=ExpectationKind.non_negotiable)
            return
        for name, edit in self.approaches.items():
            edit.set_markdown(getattr(base.agreement, name))
        for e in base.expectations:
            self.expectations.add_expectation(e.text, e.kind)

    def terms(self) -> AgreementTerms:
        """What the form says."""
        agreed = day_of(self.agreed_on)
        revisit = day_of(self.revisit_on)
        return AgreementTerms(
            meeting_cadence=self.meeting_cadence.markdown(),
            feedback_approach=self.feedback_approach.markdown(),
            coaching_approach=self.coaching_approach.markdown(),
            expectations=self.expectations.expectations(),
            agreed_on=agreed,
            revisit_on=revisit if self.revisit.isChecked() else None,
            revision_note=self.revision_note.markdown() if self.base else "",
        )

    def save(self) -> None:
        """Agree the new version; stay open with the reason if that fails."""
        journal, lead_id, terms = self.context.journal, self.lead_id, self.terms()
        agreed = write_or_say(
            self.context,
            lambda: agreement.record_version(journal, lead_id, terms),
            Change(RecordKind.AGREEMENT, lead_id),
            self.error,
        )
        if not isinstance(agreed, NotWritten):
            self.accept()


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setIndent(0)  # styled labels otherwise indent by half an "x" and lose the left edge
    # Only the text boxes grow with the window; titles stay snug above them.
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return label
