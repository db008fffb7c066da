"""The ILT self-check page: each area's trend per rater, what moved, the principal's ratings
beside the team's, every past check-in, and its weak actions turned into work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from iltdesk.self_check import CheckIn, check_ins, delete_check, rater_label
from iltdesk.self_check_compare import latest_pair, pair_for
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.self_check_trends import RaterTrend, latest_trend, strongest_and_weakest, trends
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.lists import record_list
from ui.kit.record_actions import actions_button, confirm_delete
from ui.kit.roles import RECORD_ID
from ui.reflect.self_check.act import WeakActionPanel
from ui.reflect.self_check.chart import SelfCheckChart
from ui.reflect.self_check.colours import area_dot
from ui.reflect.self_check.dialog import SelfCheckDialog
from ui.reflect.self_check.side_by_side import pair_title, side_by_side_html
from ui.reflect.self_check.text import ends_html, label, moved_html, note_label, ratings_label

CHECK_ID = RECORD_ID  # a check-in row's id


class _Column(QScrollArea):
    """Scrolls down only: never narrower than its column, so nothing is cut off at the right."""

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.minimumSizeHint().width() + bar, super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The column's words changed (another pair, the look's font): ask for room again.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


def scrolling(inner: QWidget, name: str) -> QScrollArea:
    """A frameless scroll area around a column of labels, named for screen readers."""
    scroll = _Column()
    scroll.setAccessibleName(name)
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class SelfCheckPage(QWidget):
    """How the ILT rates itself over time, and the conversation the latest change invites."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._history: list[CheckIn] = []
        self.chart = SelfCheckChart()
        self.glance = label(name="Glance")
        self.moved_title = label(self.tr("What moved"), "SectionTitle")
        self.moved = label()
        self.beside_title = label(self.tr("Just me beside the team"), "SectionTitle")
        self.beside = label()
        self.weak_title = label(self.tr("Rated rarely or never: make it work"), "SectionTitle")
        self.act = WeakActionPanel(context)
        self.checks = record_list(self.tr("Past check-ins"))
        # No box around the list: on a short history a big empty frame looked unfinished.
        self.checks.setFrameShape(QFrame.Shape.NoFrame)
        self.checks.setStyleSheet("QListWidget { background: transparent; }")
        self.checks.currentItemChanged.connect(lambda *_: self._show_selected())
        self.detail_title = label("", "SectionTitle")
        self.check_actions = actions_button(
            self.checks, self.tr("check-in"), self.edit_selected, self.delete_selected
        )
        self.detail = QVBoxLayout()
        self.new_button = QPushButton(self.tr("New check-in…"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self._new_check)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.clicked.connect(self._export)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty_state())
        self._stack.addWidget(self._filled())
        self._lay_out()
        context.changed.connect(self._on_changed)
        self.refresh()

    def _lay_out(self) -> None:
        purpose = label(
            self.tr(
                "How often you and your team take the leadership actions that matter, rated alone "
                "and together, and what shifted since each last asked."
            ),
            "PageSubtitle",
        )
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(label(self.tr("ILT self-check"), "PageTitle"))
        heading.addWidget(purpose)
        top = QHBoxLayout()
        top.setSpacing(8)  # else it takes the page's 0 and the two buttons touch
        top.addLayout(heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addSpacing(16)
        layout.addWidget(self._stack, 1)

    def _empty_state(self) -> QWidget:
        areas = "<br>".join(f"{area_dot(a.key)}{a.title}" for a in CURRENT_SET.areas)
        title = label(self.tr("No check-ins yet"))
        theme.live_style(title, lambda: "font-size: 15px; font-weight: 600")  # at the text size
        text = label(
            self.tr(
                "<p>A check-in is fifteen quick ratings: how often you and your team take three "
                "leadership actions in each of five areas, from never to always.</p>"
            )
            + f"<p style='line-height:150%'>{areas}</p>"
            + self.tr(
                "<p>Rate alone first, then with the whole ILT: the two are kept apart and shown "
                "side by side. From a rater's second check-in on, this page shows what moved.</p>"
            )
        )
        text.setMaximumWidth(520)
        start = QPushButton(self.tr("Start the first check-in…"))
        start.setObjectName("Primary")
        start.clicked.connect(self._new_check)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 24, 0, 0)
        column.addWidget(title)
        column.addWidget(text)
        column.addSpacing(8)
        column.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return page

    def _filled(self) -> QWidget:
        moved = QWidget()
        column = QVBoxLayout(moved)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.moved)
        column.addSpacing(12)
        column.addWidget(self.beside_title)
        column.addWidget(self.beside)
        column.addStretch(1)
        detail = QWidget()
        outer = QVBoxLayout(detail)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.weak_title)
        outer.addWidget(self.act)
        outer.addLayout(self.detail)
        self.detail.setContentsMargins(0, 0, 8, 0)
        self.detail.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(28)
        detail_head = QHBoxLayout()
        detail_head.setContentsMargins(0, 0, 0, 0)
        detail_head.addWidget(self.detail_title, 1)
        detail_head.addWidget(self.check_actions, 0, Qt.AlignmentFlag.AlignBottom)
        for header, body, stretch in (
            (self.moved_title, scrolling(moved, self.tr("What moved")), 5),
            (label(self.tr("Past check-ins"), "SectionTitle"), self.checks, 3),
            (detail_head, scrolling(detail, self.tr("The check-in")), 6),
        ):
            box = QVBoxLayout()
            box.setSpacing(6)
            if isinstance(header, QHBoxLayout):
                box.addLayout(header)
            else:
                box.addWidget(header)
            box.addWidget(body, 1)
            row.addLayout(box, stretch)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.glance)
        layout.addSpacing(12)
        layout.addWidget(self.chart, 5)
        layout.addSpacing(16)
        layout.addLayout(row, 6)
        return page

    # -- data -----------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if not change.about(RecordKind.SELF_CHECK, RecordKind.SELF_CHECK_NOTE):
            return
        self.refresh()
        if self._history:  # a check-in was just saved: show it
            self.select_check(self._history[-1].check.id or 0)

    def refresh(self) -> None:
        """Read the check-ins again, keeping the selected one when it still exists."""
        current = self.checks.currentItem()
        keep = current.data(CHECK_ID) if current else None
        self._history = check_ins(self._context.journal)
        found = trends(self._history)
        latest = latest_trend(self._history, found)
        self._stack.setCurrentIndex(1 if self._history else 0)
        self.new_button.setVisible(bool(self._history))  # the empty state has its own button
        self.export_button.setVisible(bool(self._history))
        self.chart.set_trends(found, latest.rater if latest else None)
        self.glance.setText(self._glance(latest))
        self._show_moved(found)
        self.checks.blockSignals(True)
        self.checks.clear()
        for entry in reversed(self._history):  # newest first: usually the one you came for
            who = rater_label(entry.check.taken_by)
            item = QListWidgetItem(
                self.tr("{value}\n{who}").format(
                    value=dates.list_date(entry.check.taken_on), who=who
                )
            )
            item.setData(CHECK_ID, entry.check.id)
            self.checks.addItem(item)
        self.checks.blockSignals(False)
        newest = self._history[-1].check.id if self._history else None
        self.select_check(keep if keep is not None else newest or 0)

    def _glance(self, latest: RaterTrend | None) -> str:
        """Strongest and weakest areas in the latest check-in, saying whose it was."""
        ends = strongest_and_weakest(latest.areas) if latest else None
        if latest is None or ends is None:
            return ""
        day = dates.short(latest.history[-1].check.taken_on)
        return f"{latest.label}, {day}:&nbsp;&nbsp;" + ends_html(latest.areas, *ends)

    def _show_moved(self, found: list[RaterTrend]) -> None:
        """What moved, rater by rater: each check-in against the same rater's one before."""
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        compared = [t for t in found if t.since is not None]
        self.moved_title.setText(self.tr("What moved"))
        if not compared:
            self.moved.setText(
                self.tr(
                    "<span style='color:{muted}'>After a second check-in by the same rater (you "
                    "alone, or the team), the actions that moved up or down show here.</span>"
                ).format(muted=muted)
            )
            return
        since = self.tr("<b>{rater}</b>, since {day}")
        parts = [
            "<p style='margin:0 0 6px 0'>"
            + since.format(rater=t.label, day=dates.short(t.since or t.history[0].check.taken_on))
            + "</p>"
            + moved_html(t, self.palette())
            for t in compared
        ]
        self.moved.setText("".join(parts))

    def _show_beside(self, entry: CheckIn | None) -> None:
        """The selected check-in's pair (or the latest pair) side by side."""
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        chosen = pair_for(self._history, entry.check.id or 0) if entry else None
        pair = chosen or latest_pair(self._history)
        self.beside_title.setText(pair_title(pair))
        self.beside.setText(side_by_side_html(pair, muted))

    def open(self, where: Location) -> bool:
        """Show the check-in a record is (or is a note of)."""
        self.select_check(where.self_check_id or where.record_id)
        return self.selected() is not None

    def select_check(self, self_check_id: int) -> None:
        """Select a past check-in and show its ratings and notes."""
        self.checks.blockSignals(True)  # one redraw of the ratings, not two
        self.checks.setCurrentRow(-1)
        for row in range(self.checks.count()):
            if self.checks.item(row).data(CHECK_ID) == self_check_id:
                self.checks.setCurrentRow(row)
        self.checks.blockSignals(False)
        self._show_selected()

    def selected(self) -> CheckIn | None:
        """The check-in shown on the right, if any."""
        current = self.checks.currentItem()
        chosen = current.data(CHECK_ID) if current else None
        return next((e for e in self._history if e.check.id == chosen), None)

    def edit_selected(self) -> None:
        """Correct the selected check-in in the same form it was taken in."""
        if (entry := self.selected()) is None:
            return
        dialog = SelfCheckDialog(self._context, self, editing=entry)
        if dialog.exec():
            self.select_check(entry.check.id or 0)

    def delete_selected(self) -> None:
        """Remove the selected check-in after asking (it goes to the Trash)."""
        if (entry := self.selected()) is None:
            return
        what = self.tr("The check-in of {day}, all fifteen ratings.").format(
            day=dates.with_weekday(entry.check.taken_on)
        )
        if not confirm_delete(self, self.tr("Delete this check-in?"), what):
            return
        check_id = entry.check.id or 0
        # The change makes the page show the newest check-in that is left.
        self._context.write(
            lambda: delete_check(self._context.journal, check_id),
            Change(RecordKind.SELF_CHECK),
            failed=self.tr("Not deleted"),
        )

    def _export(self) -> None:
        """Export the results for the ILT: the selected check-in's period, notes left out."""
        from ui.reflect.self_check.export_dialog import SelfCheckExportDialog

        entry = self.selected()
        dialog = SelfCheckExportDialog(self._context, entry.check.id if entry else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _new_check(self) -> None:
        dialog = SelfCheckDialog(self._context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- the selected check-in ------------------------------------------------------------------

    def _show_selected(self) -> None:
        while self.detail.count():
            item = self.detail.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; don't draw it till then
                widget.deleteLater()
        entry = self.selected()
        self.check_actions.setVisible(entry is not None)
        self.act.set_check_in(entry)
        self.weak_title.setVisible(not self.act.isHidden())
        self._show_beside(entry)
        if entry is None:
            self.detail_title.setText(self.tr("Ratings"))
            self.detail.addWidget(
                label(self.tr("Pick a check-in to see how it was rated."), "Hint")
            )
            self.detail.addStretch(1)
            return
        who = rater_label(entry.check.taken_by).lower()
        self.detail_title.setText(f"{dates.short(entry.check.taken_on)}, {who}")
        if entry.check.item_set != CURRENT_SET.version:
            self.detail.addWidget(
                label(self.tr("Asked as: {stem}").format(stem=entry.wording.stem), "Hint")
            )
        if entry.check.note.strip():
            self.detail.addWidget(label(entry.check.note.strip(), "Hint"))
        for area in entry.wording.areas:
            self.detail.addSpacing(12)  # rich text drops a first paragraph's top margin
            self.detail.addWidget(ratings_label(entry, area.key))
            if note := entry.notes.get(area.key, "").strip():
                self.detail.addWidget(note_label(note, area.key))
        self.detail.addStretch(1)
