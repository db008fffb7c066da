"""A team's data points, each drawn over time with its latest reading and a button to add the
next one; and a button to start tracking something new."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iltdesk import dates
from iltdesk.teacher_team_data import Series, fell_twice, team_series, value_words
from ui.kit.context import AppContext
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.teacher_teams.chart import DataChart
from ui.team.teacher_teams.dialogs import DataPointDialog, ReadingDialog
from ui.team.teacher_teams.readings_dialog import ReadingsDialog

NO_DATA = QT_TRANSLATE_NOOP(
    "data_section",
    (
        "Nothing tracked yet. Pick one or two things that show whether the team's meetings move "
        "teaching, such as how many teachers leave the data meeting with a dated reteach plan."
    ),
)


def latest_words(series: Series) -> str:
    """The latest reading and whether it fell twice in a row, in a line."""
    if not series.values:
        return QCoreApplication.translate("data_section", "No readings yet: add the first.")
    last = series.values[-1]
    if fell_twice([v.value for v in series.values]):  # in the words Today uses
        line = QCoreApplication.translate(
            "data_section", "Latest: {value} on {day}, fell twice in a row"
        )
    else:
        line = QCoreApplication.translate("data_section", "Latest: {value} on {day}")
    line = line.format(
        value=value_words(last.value, series.point.unit), day=dates.short(last.measured_on)
    )
    if last.note:  # the note last, as written: it may end in its own full stop
        line += f" — “{last.note.rstrip('.')}”"
    return line + "."


class SeriesBlock(QWidget):
    """One data point: its name and unit, its latest reading, its chart, and Add a reading."""

    add_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, series: Series, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        point = series.point
        title = QLabel(point.name + (f" ({point.unit})" if point.unit else ""))
        title.setObjectName("FieldLabel")
        title.setWordWrap(True)
        self.latest = hint(latest_words(series))
        self.chart = DataChart()
        self.chart.set_points(
            point.name, point.unit, tuple((v.measured_on, v.value) for v in series.values)
        )
        self.add_button = QPushButton(self.tr("Add a reading…"))
        self.add_button.setAccessibleName(
            self.tr("Add a reading of {name}").format(name=point.name)
        )
        self.add_button.clicked.connect(lambda: self.add_requested.emit(point.id or 0))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(
            self.tr("Edit {name} or its readings").format(name=point.name)
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(point.id or 0))
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.add_button)
        head.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.latest)
        layout.addWidget(self.chart)


class DataSection(QWidget):
    """The data points of the team shown."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team_id = 0
        self.blocks: list[SeriesBlock] = []
        heading = QLabel(self.tr("Data over time"))
        heading.setObjectName("SectionTitle")
        heading.setIndent(0)
        self.track_button = QPushButton(self.tr("Track something new…"))
        self.track_button.clicked.connect(self.track)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.track_button)
        self.empty = hint(QCoreApplication.translate("data_section", NO_DATA))
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows)

    def show_team(self, team_id: int, focus_point: int | None = None) -> None:
        """Draw ``team_id``'s data points; ``focus_point``'s Add button takes the focus."""
        self.team_id = team_id
        for block in self.blocks:
            block.hide()  # at once: deleteLater waits for the event loop
            block.deleteLater()
        self.blocks = [SeriesBlock(s) for s in team_series(self.context.journal, team_id)]
        for block in self.blocks:
            block.add_requested.connect(self.add_reading)
            block.edit_requested.connect(self.edit)
            self.rows.addWidget(block)
            if block.series.point.id == focus_point:
                block.add_button.setFocus()
        self.empty.setVisible(not self.blocks)

    def track(self) -> None:
        """Start tracking something about the team; its Add a reading button takes the focus."""
        dialog = DataPointDialog(self.context, self.team_id, self)
        if dialog.exec() and dialog.saved is not None:
            self.show_team(self.team_id, dialog.saved.id)
            self.changed.emit()

    def add_reading(self, point_id: int) -> None:
        """Add a dated reading of one data point; its chart takes it in."""
        block = next((b for b in self.blocks if b.series.point.id == point_id), None)
        if block is None:
            return
        dialog = ReadingDialog(self.context, block.series.point, self)
        if dialog.exec() and dialog.saved is not None:
            self.show_team(self.team_id, point_id)
            self.changed.emit()

    def edit(self, point_id: int) -> None:
        """Rename a data point, remove a reading, or stop tracking it."""
        block = next((b for b in self.blocks if b.series.point.id == point_id), None)
        if block is None:
            return
        dialog = ReadingsDialog(self.context, block.series, self)
        dialog.exec()
        if dialog.changed:
            self.show_team(self.team_id, point_id)
            if not any(b.series.point.id == point_id for b in self.blocks):
                self.track_button.setFocus()
            self.changed.emit()
