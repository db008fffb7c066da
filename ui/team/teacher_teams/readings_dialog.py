"""Correct a data point: rename it or change its unit, correct a reading's value or day, remove
a reading entered by mistake, or stop tracking it altogether."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.teacher_team_data import (
    Series,
    delete_data_point,
    delete_value,
    update_data_point,
    value_words,
    values_of,
)
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import confirm_delete
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say
from ui.team.teacher_teams.dialogs import ReadingDialog, buttons_for, error_label

VALUE_ROLE = Qt.ItemDataRole.UserRole + 4
CORRECT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
HOW = QT_TRANSLATE_NOOP(
    "readings_dialog",
    "Select a reading and press Enter to correct its number or day, Delete to remove it.",
)


class ReadingList(QListWidget):
    """A data point's readings, newest first; Enter (or F2) corrects the selected one, Delete
    removes it after asking."""

    def __init__(self, dialog: ReadingsDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.setAccessibleName(
            self.tr("Readings, newest first (Enter corrects one, Delete removes it)")
        )
        self.itemActivated.connect(lambda item: dialog.correct_reading(int(item.data(VALUE_ROLE))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        if current is not None and event.key() == Qt.Key.Key_Delete:
            self.dialog.delete_reading(int(current.data(VALUE_ROLE)))
            return
        # Enter here corrects the reading rather than pressing the dialog's Save.
        if current is not None and event.key() in CORRECT_KEYS:
            self.dialog.correct_reading(int(current.data(VALUE_ROLE)))
            return
        super().keyPressEvent(event)


class ReadingsDialog(GuardedDialog):
    """A data point's name, unit and readings, to correct."""

    def __init__(self, context: AppContext, series: Series, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.point = context, series.point
        self.changed = False  # something was saved or removed: the page redraws
        self.setWindowTitle(self.tr("{name} — iltdesk").format(name=series.point.name))
        self.setMinimumWidth(520)
        self.name = QLineEdit(series.point.name)
        self.name.setObjectName("DataPointName")
        self.unit = QLineEdit(series.point.unit)
        self.unit.setObjectName("DataPointUnit")
        self.readings = ReadingList(self)
        self.stop_button = QPushButton(self.tr("Stop tracking it…"))
        self.stop_button.clicked.connect(self.stop_tracking)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(field_label(self.tr("What you track"), self.name))
        layout.addWidget(self.name)
        layout.addWidget(field_label(self.tr("Unit"), self.unit))
        layout.addWidget(self.unit)
        layout.addWidget(field_label(self.tr("Readings"), self.readings))
        layout.addWidget(self.readings)
        layout.addWidget(hint(QCoreApplication.translate("readings_dialog", HOW)))
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, "Save", self.save))
        self._show_readings()
        self.name.setFocus()
        self.mark_clean()
        self.keep_drafts("team_data_point", f"point:{series.point.id}", context)

    def _show_readings(self, select: int | None = None) -> None:
        self.readings.clear()
        for value in reversed(values_of(self.context.journal, self.point.id or 0)):
            words = (
                f"{dates.short(value.measured_on)} · {value_words(value.value, self.point.unit)}"
            )
            item = QListWidgetItem(words + (f" · {value.note}" if value.note else ""))
            item.setData(VALUE_ROLE, value.id)
            self.readings.addItem(item)
            if value.id == select:
                self.readings.setCurrentItem(item)
        if self.readings.count() and self.readings.currentItem() is None:
            self.readings.setCurrentRow(0)

    def correct_reading(self, value_id: int) -> None:
        """Correct one reading's number, day or note; the list shows it, still selected."""
        readings = values_of(self.context.journal, self.point.id or 0)
        reading = next((v for v in readings if v.id == value_id), None)
        if reading is None:
            return
        dialog = ReadingDialog(self.context, self.point, self, reading)
        if dialog.exec() and dialog.saved is not None:
            self.changed = True
            self._show_readings(value_id)
        self.readings.setFocus()

    def delete_reading(self, value_id: int) -> None:
        """Remove one reading after asking."""
        if not confirm_delete(
            self, self.tr("Delete this reading?"), self.tr("The reading and its note.")
        ):
            return
        journal = self.context.journal
        gone = self.context.write(
            lambda: delete_value(journal, value_id),
            Change(RecordKind.TEACHER_TEAM),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.changed = True
            self._show_readings()

    def stop_tracking(self) -> None:
        """Remove the data point with all its readings, after asking."""
        what = self.tr("“{name}” and all its readings.").format(name=self.point.name)
        if not confirm_delete(self, self.tr("Stop tracking this?"), what):
            return
        journal, point = self.context.journal, self.point.id or 0
        gone = self.context.write(
            lambda: delete_data_point(journal, point),
            Change(RecordKind.TEACHER_TEAM),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.changed = True
            self.mark_clean()
            self.accept()

    def save(self) -> None:
        """Keep the new name and unit, and close."""
        journal, point = self.context.journal, self.point.id or 0
        name, unit = self.name.text(), self.unit.text()
        saved = write_or_say(
            self.context,
            lambda: update_data_point(journal, point, name, unit),
            Change(RecordKind.TEACHER_TEAM),
            self.error,
        )
        if isinstance(saved, NotWritten):
            return
        self.changed = True
        self.accept()
