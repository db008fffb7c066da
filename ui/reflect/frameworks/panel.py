"""One framework on its tab: its name, its items edited in place, and adding or importing more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.framework import (
    add_item,
    delete_item,
    edit_item,
    framework_items,
    framework_name,
    move_item,
    parse_list,
    rename_framework,
)
from iltdesk.models import FrameworkKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import confirm_delete
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.writing import write_or_say
from ui.reflect.frameworks.import_dialog import ImportDialog
from ui.reflect.frameworks.item_table import TITLE, ItemTable

# What each framework is for, in the principal's terms.
PURPOSE = {
    FrameworkKind.leadership: QT_TRANSLATE_NOOP(
        "panel",
        "What your leads grow in as leaders: the district's leader standards. A learning "
        "cycle's focus and a lead's growth areas are picked from this list.",
    ),
    FrameworkKind.teacher: QT_TRANSLATE_NOOP(
        "panel",
        "How teaching is observed: the district's teacher rubric. The ILT picks one indicator "
        "from it as the year's theme and calibrates on it together.",
    ),
}
KEYS_HINT = QT_TRANSLATE_NOOP(
    "panel",
    (
        "F2 changes a cell, Delete removes an item, Ctrl+Up and Ctrl+Down move it. Records that "
        "named an item keep the words they were written with."
    ),
)


def _add_text(framework: FrameworkKind) -> str:
    return (
        QCoreApplication.translate(
            "panel", "Add an item: a code and a title, e.g. 2.1 Leads adult learning"
        )
        if framework is FrameworkKind.leadership
        else QCoreApplication.translate(
            "panel", "Add an item: a code and a title, e.g. 3d Uses assessment in teaching"
        )
    )


class FrameworkPanel(QWidget):
    """A framework's name, its items and the ways to add to them. ``renamed(name)`` fires
    when the name shown changes (the page's tab follows it)."""

    renamed = Signal(str)

    def __init__(
        self, context: AppContext, framework: FrameworkKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.framework = context, framework
        self.shown_name = ""
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("As your district calls it"))
        self.name.setAccessibleName(
            self.tr("Name of the {value} framework").format(value=framework.value)
        )
        self.name.editingFinished.connect(self.rename)
        self.table = ItemTable(
            self.tr("Items of the {value} framework").format(value=framework.value)
        )
        self.table.edited.connect(self.save_cell)
        self.table.delete_requested.connect(self.delete_current)
        self.table.move_requested.connect(self.move_current)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(_add_text(framework))
        self.new_item.setAccessibleName(self.tr("New item"))
        self.new_item.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add items from a pasted list or a text or CSV file"))
        self.import_button.clicked.connect(self.import_list)
        self.empty = hint()
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        name_row = QHBoxLayout()
        name_row.addWidget(field_label(self.tr("Name"), self.name))
        name_row.addWidget(self.name, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_item, 1)
        adding.addWidget(self.add_button)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.delete_button):
            moves.addWidget(button)
        moves.addStretch(1)
        moves.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(name_row)
        layout.addWidget(hint(QCoreApplication.translate("panel", PURPOSE[self.framework])))
        layout.addSpacing(4)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint(QCoreApplication.translate("panel", KEYS_HINT)))
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addLayout(moves)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the name and the items."""
        self.shown_name = framework_name(self.context.journal, self.framework)
        self.name.setText(self.shown_name)
        self.renamed.emit(self.shown_name)
        self.load_items()

    def load_items(self) -> None:
        items = framework_items(self.context.journal, self.framework)
        self.table.load(items)
        self.empty.setText(
            self.tr(
                "No items yet. Add them one by one below, or import the {shown_name} from a "
                "list you copy out of the district's document."
            ).format(shown_name=self.shown_name)
        )
        self.empty.setVisible(not items)
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(bool(items))

    # -- writing ------------------------------------------------------------------------------

    def rename(self) -> None:
        """Keep the name as typed (Enter or leaving the field)."""
        typed = self.name.text()
        if " ".join(typed.split()) == self.shown_name:
            return
        journal, framework = self.context.journal, self.framework
        named = self.context.write(
            lambda: rename_framework(journal, framework, typed), None, failed=self.tr("Not renamed")
        )
        if isinstance(named, NotWritten):
            return  # said in the status bar; the field keeps what was typed
        self.shown_name = named
        self.name.setText(named)
        self.renamed.emit(named)

    def add(self) -> None:
        """Add the item typed under the list; the field empties for the next one."""
        typed = self.new_item.text()
        if not typed.strip():
            return
        journal, framework = self.context.journal, self.framework

        def store() -> int:
            [listed] = parse_list(typed)  # one line: "2.1 Title", "2.1<TAB>Title" or a title
            return (
                add_item(
                    journal,
                    framework,
                    listed.title,
                    code=listed.code,
                    description=listed.description,
                ).id
                or 0
            )

        added = write_or_say(self.context, store, None, self.error)
        if isinstance(added, NotWritten):
            return
        self.new_item.clear()
        self.load_items()
        self.table.select_item(added)

    def save_cell(self, item_id: int, code: str, title: str, description: str) -> None:
        """Keep a cell's new text; if it cannot be kept, the cell keeps it and the status bar
        says why."""
        journal = self.context.journal
        self.context.write(
            lambda: edit_item(journal, item_id, code=code, title=title, description=description)
        )

    def delete_current(self) -> None:
        """Remove the current item, after asking."""
        row = self.table.currentRow()
        item_id = self.table.item_id(row)
        if not item_id:
            return
        code, title, _ = self.table.texts(row)
        what = self.tr(
            "“{item}” goes from the {framework}. Cycles and growth areas that named it keep "
            "their words."
        ).format(item=f"{code} {title}".strip(), framework=self.shown_name)
        if not confirm_delete(self, self.tr("Delete this item?"), what):
            return
        journal = self.context.journal
        gone = self.context.write(
            lambda: delete_item(journal, item_id), failed=self.tr("Not deleted")
        )
        if not isinstance(gone, NotWritten):
            self.load_items()
            self.table.setFocus()

    def move_current(self, step: int) -> None:
        """Move the current item up (-1) or down (1) the list."""
        item_id = self.table.item_id(self.table.currentRow())
        if not item_id:
            return
        journal = self.context.journal
        moved = self.context.write(
            lambda: move_item(journal, item_id, step), failed=self.tr("Not moved")
        )
        if moved:
            self.load_items()
            self.table.select_item(item_id)

    def import_list(self) -> None:
        """Import a list after seeing what it adds."""
        dialog = ImportDialog(self.context, self.framework, self.shown_name, self)
        if dialog.exec() and dialog.imported is not None:
            self.load_items()
            if dialog.imported.new:
                self.table.setCurrentCell(self.table.rowCount() - 1, TITLE)
        dialog.deleteLater()
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)
