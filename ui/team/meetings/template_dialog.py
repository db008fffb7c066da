"""The agenda template, edited by keys: rename a part, reword its prompt, move it (Ctrl+Up,
Ctrl+Down), remove it (Delete), add a part of her own or put back one she removed.

Meetings already made keep their own agenda; the template shapes the next ones.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import meeting_template as mt
from iltdesk.models import MeetingPart
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox
from ui.kit.style import field_label, hint
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say


class PartList(QListWidget):
    """The parts in order; Delete removes the current one, Ctrl+Up/Down move it."""

    def __init__(self, dialog: TemplateDialog) -> None:
        super().__init__()
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() == Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_Delete:
            self.dialog.remove_current()
        elif ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.dialog.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class TemplateDialog(GuardedDialog):
    """Edit the agenda template new meetings start from."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Agenda template — iltdesk"))
        self.setMinimumSize(640, 440)
        self.parts = mt.meeting_template(context.journal)
        self.list = PartList(self)
        self.list.setAccessibleName(self.tr("Parts of the agenda, in order"))
        self.list.currentRowChanged.connect(self._show_part)
        self.new_part = QLineEdit()
        self.new_part.setObjectName("new_part")
        self.new_part.setAccessibleName(self.tr("A part of your own"))
        self.new_part.setPlaceholderText(self.tr("Its title, then Enter"))
        self.new_part.returnPressed.connect(self.add_own_part)
        self.title = QLineEdit()
        self.title.setObjectName("part_title")
        self.title.setAccessibleName(self.tr("Part title"))
        self.title.textEdited.connect(self._title_edited)
        self.prompt = LineBox(self.tr("The question this part puts to the team"))
        self.prompt.setAccessibleName(self.tr("Part prompt"))
        self.prompt.edited.connect(self._prompt_edited)
        self.kind = QLabel()
        self.kind.setObjectName("Hint")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self._lay_out()
        self._fill(0)
        self.mark_clean()

    def _lay_out(self) -> None:
        up, down = QPushButton(self.tr("Move &up")), QPushButton(self.tr("Move do&wn"))
        up.setToolTip(self.tr("Ctrl+Up in the list"))
        down.setToolTip(self.tr("Ctrl+Down in the list"))
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))
        remove = QPushButton(self.tr("&Remove"))
        remove.setToolTip(self.tr("Delete in the list"))
        remove.clicked.connect(self.remove_current)
        self.add_button = QPushButton(self.tr("Put &back a part…"))
        self.add_button.setToolTip(
            self.tr("A part the default agenda has and yours no longer does")
        )
        self.add_button.setMenu(self._add_menu())
        self.add_button.clicked.connect(self.add_button.showMenu)
        reset = QPushButton(self.tr("Back to the &default"))
        reset.clicked.connect(self.reset)
        row = QHBoxLayout()
        for button in (up, down, remove, self.add_button, reset):
            row.addWidget(button)
        row.addStretch(1)
        fields = QVBoxLayout()
        fields.addWidget(field_label(self.tr("&Title"), self.title))
        fields.addWidget(self.title)
        fields.addWidget(field_label(self.tr("&Prompt"), self.prompt))
        fields.addWidget(self.prompt)
        fields.addWidget(self.kind)
        fields.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.list, 0, 0)
        grid.addWidget(field_label(self.tr("&New part of your own"), self.new_part), 1, 0)
        grid.addWidget(self.new_part, 2, 0)
        grid.addLayout(fields, 0, 1, 3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = QPushButton(self.tr("Save the template"))
        save.setObjectName("Primary")
        buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(
            hint(
                self.tr(
                    "New meetings start from these parts, in this order; "
                    "meetings already held keep theirs."
                )
            )
        )
        layout.addLayout(grid, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            # Enter adds a part of one's own: it must not also press a button of the dialog.
            button.setAutoDefault(False)
            button.setDefault(False)

    def _add_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.aboutToShow.connect(lambda: self._offer(menu))
        return menu

    def _offer(self, menu: QMenu) -> None:
        """Any named part she removed, to put it back."""
        menu.clear()
        missing = mt.missing_named(self.parts)
        if not missing:
            menu.addAction(self.tr("Every part of the default is on the agenda")).setEnabled(False)
        for part in missing:
            menu.addAction(self.tr("Put back: {title}").format(title=part.title), self._adder(part))

    def _adder(self, part: mt.TemplatePart) -> Callable[[], None]:
        return lambda: self._add(part)

    # -- the list ---------------------------------------------------------------------------

    def _fill(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for number, part in enumerate(self.parts, start=1):
            self.list.addItem(f"{number}. {part.title or '(untitled)'}")
        self.list.blockSignals(False)
        if self.parts:
            self.list.setCurrentRow(max(0, min(row, len(self.parts) - 1)))
        self._show_part(self.list.currentRow())

    def _show_part(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            self.title.clear()
            self.prompt.set_text("")
            return
        part = self.parts[row]
        self.title.setText(part.title)
        self.prompt.set_text(part.prompt)
        named = part.part is not MeetingPart.other
        self.kind.setText(
            self.tr("A named part: the meeting shows its helper beside your notes.")
            if named
            else self.tr("Your own part: a heading, a prompt and notes.")
        )

    def _title_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.parts):
            self.parts = mt.rename(self.parts, row, text)
            item = self.list.item(row)
            item.setText(f"{row + 1}. {text or '(untitled)'}")

    def _prompt_edited(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.parts):
            self.parts = mt.reword(self.parts, row, self.prompt.toPlainText())

    def move_current(self, by: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.parts):
            self.parts = mt.move(self.parts, row, by)
            self._fill(row + by)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.parts):
            self.parts = mt.remove(self.parts, row)
            self._fill(row)

    def _add(self, part: mt.TemplatePart) -> None:
        self.parts = mt.add_part(self.parts, part.title, part.prompt, part=part.part)
        self._fill(len(self.parts) - 1)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_own_part(self) -> None:
        """Add the part named in the box below the list, then go on to its prompt."""
        name = self.new_part.text().strip()
        if not name:
            return
        self._add(mt.TemplatePart(MeetingPart.other, name, ""))
        self.new_part.clear()
        self.prompt.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.parts = mt.default_template()
        self._fill(0)

    # -- saving -----------------------------------------------------------------------------

    def unsaved_state(self) -> Hashable:
        return tuple(self.parts), self.new_part.text().strip()

    def save(self) -> None:
        """Keep the template and close, or say what is wrong and stay. A part named in the
        box and not yet added is added first: what was typed is kept."""
        self.add_own_part()
        journal, parts = self.context.journal, list(self.parts)
        saved = write_or_say(
            self.context,
            lambda: mt.save_template(journal, parts),
            Change(RecordKind.ILT_MEETING),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return
        self.accept()
