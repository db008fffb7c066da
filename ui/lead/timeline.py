"""A lead's timeline: 1:1s, observations, cycle milestones, agreement versions and the team work
they took part in, newest first."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from iltdesk import dates
from iltdesk.presenting import shown_kinds, summary_shown
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.timeline import KINDS, TimelineEntry, filter_label, lead_timeline
from ui.kit.context import AppContext
from ui.kit.rich_delegate import TwoLineDelegate

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    """Rows of ``date · title`` over a detail line."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            detail = entry.detail or " "
            return f"{dates.list_date(entry.day)}  ·  {entry.title}\n{detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.detail
        return None


class TimelineView(QWidget):
    """The Timeline tab; activating a row opens its record where it lives."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.model = TimelineModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Timeline, newest first"))
        self.list.activated.connect(self._open)
        # One box per filter name: the team's kinds share a few (KINDS maps each kind to one).
        self.filters: dict[RecordKind, QCheckBox] = {}
        boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show")))
        for kind, label in KINDS.items():
            if label not in boxes:
                boxes[label] = QCheckBox(filter_label(kind))
                boxes[label].setChecked(True)
                boxes[label].toggled.connect(lambda *_: self.reload())
                row.addWidget(boxes[label])
            self.filters[kind] = boxes[label]
        row.addStretch(1)
        # A filter of private kinds only (difficult conversations) goes with its rows while
        # the principal presents.
        presenter = context.presenter
        for label, box in boxes.items():
            if not shown_kinds([k for k, name in KINDS.items() if name == label], presenting=True):
                presenter.keep_private(box)
        presenter.changed.connect(lambda _on: self.reload())
        self.empty = QLabel(
            self.tr(
                "Nothing to show yet: 1:1s, observations, cycles, agreements and the ILT and team "
                "work this lead takes part in appear here."
            )
        )
        self.empty.setObjectName("Hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        context.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        # Nearly every kind of record has a row here; another lead's change has none.
        if change.lead_id in (None, self.lead_id):
            self.reload()

    def show_lead(self, lead_id: int) -> None:
        """Show one lead's timeline."""
        self.lead_id = lead_id
        self.reload()

    def reload(self) -> None:
        """Re-read the timeline with the chosen kinds."""
        if self.lead_id is None:
            return
        chosen = [kind for kind, box in self.filters.items() if box.isChecked()]
        presenting = self.context.presenter.on
        kinds = set(shown_kinds(chosen, presenting=presenting))
        entries = lead_timeline(self.context.journal, self.lead_id, kinds)
        entries = [
            e if summary_shown(e.kind, presenting=presenting) else replace(e, detail="")
            for e in entries
        ]
        self.model.set_entries(entries)
        self.empty.setVisible(not self.model.entries)

    def _open(self, index: QModelIndex) -> None:
        entry = self.model.entries[index.row()]
        self.context.open_record.emit(entry.kind, entry.record_id)
