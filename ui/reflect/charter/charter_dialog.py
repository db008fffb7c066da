"""Write the charter, or revise it: a new version that starts from the one in force, which
itself stays as it was."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk.charter import field_title, revise_charter
from iltdesk.framework import framework_items, item_label
from iltdesk.models import CharterVersion, FrameworkKind
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.reflect.charter.versions import HOW_WE_WORK, WHAT_FOR

# What each part asks, in the app's own words.
PLACEHOLDERS = {
    "purpose": QT_TRANSLATE_NOOP(
        "charter_dialog", "Why the team exists, and what it decides together"
    ),
    "vision_link": QT_TRANSLATE_NOOP(
        "charter_dialog", "The school's vision in a line, and the team's part in reaching it"
    ),
    "goals": QT_TRANSLATE_NOOP(
        "charter_dialog", "Two to four goals for the year the team can check itself against"
    ),
    "norms": QT_TRANSLATE_NOOP("charter_dialog", "How we work together, in the team's words"),
    "lead_qualities": QT_TRANSLATE_NOOP(
        "charter_dialog", "What a strong Senior/Team Lead does, as the team sees it"
    ),
    "coach_qualities": QT_TRANSLATE_NOOP(
        "charter_dialog", "What an effective coach does (the principal included)"
    ),
    "team_qualities": QT_TRANSLATE_NOOP(
        "charter_dialog", "What an effective team does, week in and week out"
    ),
    "commitments": QT_TRANSLATE_NOOP(
        "charter_dialog", "What each of us commits to, to become that team"
    ),
}
THEME_HINT = QT_TRANSLATE_NOOP("charter_dialog", "An indicator from the teacher rubric")
NO_RUBRIC = QT_TRANSLATE_NOOP(
    "charter_dialog", "Type an indicator, or add the teacher rubric on the Frameworks page"
)
BOX_HEIGHT, TALLEST_BOX = 96, 320  # a part's box grows with its text between these heights


def _grow_with_text(edit: MarkdownEdit) -> None:
    """The box as tall as its part (within bounds), so the version being revised reads whole
    instead of scrolling inside a dialog that scrolls."""

    def fit() -> None:
        height = edit.document().size().height() + 2 * edit.frameWidth() + 6
        edit.setFixedHeight(int(min(max(height, BOX_HEIGHT), TALLEST_BOX)))

    edit.document().documentLayout().documentSizeChanged.connect(lambda *_: fit())
    fit()


class CharterDialog(GuardedDialog):
    """The parts of a new version, starting from ``base`` (the one in force, or None for the
    very first); ``base`` itself never changes."""

    def __init__(
        self, context: AppContext, base: CharterVersion | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.base = context, base
        self.saved_version: CharterVersion | None = None
        title = self.tr("Revise the charter") if base else self.tr("Write the charter")
        self.setWindowTitle(self.tr("{title} — iltdesk").format(title=title))
        self.resize(1000, 720)
        heading = QLabel(title)
        heading.setObjectName("PageTitle")
        about = hint(
            self.tr(
                "This becomes a new version, dated and with its why. The one in force now stays "
                "readable as it was, and the two can be compared."
            )
            if base
            else self.tr(
                "Write it with the team if you can: a charter the team built together is one "
                "it keeps. Revise it whenever the team revisits it; every version is kept."
            )
        )
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addSpacing(6)
        layout.addLayout(self._when_and_why())
        layout.addWidget(self._parts(), 1)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self._fill(base)
        (self.why if base else self.editors["purpose"]).setFocus()
        self.mark_clean()
        self.keep_drafts("charter", "", context)

    def _when_and_why(self) -> QGridLayout:
        # A revision cannot come before the version it revises (even one dated ahead).
        latest = max(date.today(), self.base.made_on if self.base else date.min)
        self.made_on = date_edit(latest, self.tr("Written on"))
        self.why = LineBox(
            self.tr(
                "What moved the team to change it, e.g. 'Half the team is new and we meet online'"
            )
            if self.base
            else self.tr("How it came about, if you like, e.g. 'Written at the August retreat'")
        )
        self.why.setObjectName("why")
        self.why.setAccessibleName(
            self.tr("Why it changes") if self.base else self.tr("How it came about")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        made = QLabel(self.tr("Written &on"))
        made.setBuddy(self.made_on)
        why = QLabel(self.tr("&Why it changes") if self.base else self.tr("&How it came about"))
        why.setBuddy(self.why)
        grid.addWidget(made, 0, 0)
        grid.addWidget(self.made_on, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(why, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.why, 1, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _parts(self) -> QScrollArea:
        self.editors: dict[str, MarkdownEdit] = {}
        columns = QHBoxLayout()
        # Flush with the date and the why above (no default margin), and clear of the scroll bar.
        columns.setContentsMargins(0, 4, 14, 0)
        columns.setSpacing(24)
        for title, names in (
            (self.tr("What the team is for"), WHAT_FOR),
            (self.tr("How we work"), HOW_WE_WORK),
        ):
            column = QVBoxLayout()
            column.setSpacing(4)
            heading = QLabel(title)
            heading.setObjectName("SectionTitle")
            heading.setIndent(0)  # the shared style's margin would set it in from the boxes
            column.addWidget(heading)
            for name in names:
                box = self._theme_box() if name == "theme" else self._editor(name)
                column.addWidget(field_label(field_title(name), box))
                column.addWidget(box)
                column.addSpacing(6)
            column.addStretch(1)
            columns.addLayout(column, 1)
        holder = QWidget()
        holder.setLayout(columns)
        scroller = QScrollArea()
        scroller.setWidget(holder)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from box to box, not here
        return scroller

    def _editor(self, name: str) -> MarkdownEdit:
        edit = MarkdownEdit(
            placeholder=QCoreApplication.translate("charter_dialog", PLACEHOLDERS[name])
        )
        edit.setObjectName(name)  # the draft's key for this box
        edit.setAccessibleName(field_title(name))
        _grow_with_text(edit)
        self.editors[name] = edit
        return edit

    def _theme_box(self) -> QComboBox:
        """The ILT's theme: an indicator of the teacher rubric, or typed in if the principal
        has no list yet (or the team words it its own way)."""
        self.theme = QComboBox()
        self.theme.setEditable(True)
        self.theme.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.theme.setAccessibleName(field_title("theme"))
        rubric = framework_items(self.context.journal, FrameworkKind.teacher)
        labels = [item_label(item) for item in rubric]
        self.theme.addItems(labels)
        line = self.theme.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                QCoreApplication.translate("charter_dialog", THEME_HINT if labels else NO_RUBRIC)
            )
        self.theme.setToolTip(
            self.tr("{hint} the team calibrates on all year").format(
                hint=QCoreApplication.translate("charter_dialog", THEME_HINT)
            )
        )
        return self.theme

    def _buttons(self) -> QDialogButtonBox:
        self.save_button = QPushButton(
            self.tr("Save as a new version") if self.base else self.tr("Save the charter")
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

    def _fill(self, base: CharterVersion | None) -> None:
        for name, edit in self.editors.items():
            edit.set_markdown(getattr(base, name) if base else "")
        self.theme.setCurrentIndex(-1)
        self.theme.setEditText(base.theme if base else "")
        # What each box holds as opened: a box left alone keeps the version's own text.
        self.opened = {name: edit.markdown() for name, edit in self.editors.items()}

    def unsaved_state(self) -> Hashable:
        """The theme counts too: it is typed into a drop-down, not a text box."""
        return typed_texts(self), self.theme.currentText(), day_of(self.made_on)

    def parts(self) -> dict[str, str]:
        """The parts the person changed (the rest carry over from the version in force)."""
        changed = {
            name: edit.markdown()
            for name, edit in self.editors.items()
            if edit.markdown() != self.opened[name]
        }
        theme = " ".join(self.theme.currentText().split())
        if theme != (self.base.theme if self.base else ""):
            changed["theme"] = theme
        return changed

    def save(self) -> None:
        """Save the new version and close; or say why not, keeping everything typed."""
        journal, parts, why = self.context.journal, self.parts(), self.why.text()
        made_on = day_of(self.made_on)
        saved = write_or_say(
            self.context,
            lambda: revise_charter(journal, why=why, made_on=made_on, **parts),
            Change(RecordKind.CHARTER),
            self.error,
        )
        if not isinstance(saved, NotWritten):
            self.saved_version = saved
            self.accept()
