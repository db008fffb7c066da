"""Today: what needs the principal now, grouped by how urgent it is."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.presenting import today_shown
from iltdesk.record_kinds import Change
from iltdesk.today import TodayRow, Urgency, has_leads, today_rows
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.icons import icon
from ui.kit.presenter import SHORTCUT
from ui.kit.rich_delegate import ItemIndex, RichTextDelegate
from ui.kit.roles import RECORD
from ui.kit.style import overdue_colour

ROW_ROLE = RECORD  # a row's TodayRow
COUNT_ROLE = RECORD + 1  # a heading's number of rows
URGENCY_ROLE = RECORD + 2  # a heading's urgency
# Warm reds with at least 4.5:1 contrast on the light and the dark base colour.
NOTHING_DUE, ROWS, WELCOME, PRESENTING = range(4)  # the pages of the page's stack


def date_in_words(day: date) -> str:
    """Like "Friday 12 March 2027"."""
    return dates.full(day)


class TodayDelegate(RichTextDelegate):
    """Section headings, and rows of a title over "lead · detail"."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view  # read its palette when drawing, so a theme change is followed
        self._title_width = 0
        self._metrics = QFontMetrics(view.font())

    def _document(self, option: QStyleOptionViewItem, index: ItemIndex) -> QTextDocument:
        # Each line is elided to the row's width, never wrapped: a row's height then does not
        # hang on the width it was first measured at (the tree keeps that height on resize).
        self._metrics = QFontMetrics(option.font)
        self._title_width = self._view_width(option) - 2 * self.PAD_X
        return super()._document(option, index)

    def _view_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QAbstractItemView):
            return int(view.viewport().width())
        return int(option.rect.width())

    def _one_line(self, text: str) -> str:
        elide = Qt.TextElideMode.ElideRight
        return html.escape(self._metrics.elidedText(text, elide, max(self._title_width, 80)))

    def html(self, index: ItemIndex, muted: str, selected: bool) -> str:
        row = index.data(ROW_ROLE)
        if isinstance(row, TodayRow):
            return self._row_html(row, muted, selected)
        heading = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole)))
        colour = ""
        if index.data(URGENCY_ROLE) == Urgency.overdue:
            colour = f"color:{overdue_colour()};"
        return (
            f"<div style='font-weight:600; {colour}'>{heading}"
            f"<span style='color:{muted}; font-weight:normal'>"
            f"&nbsp;&nbsp;{index.data(COUNT_ROLE)}</span></div>"
        )

    def top_gap(self, index: ItemIndex) -> int:
        # Space above every heading but the first separates the groups.
        is_heading = not index.parent().isValid()
        return 14 if is_heading and index.row() > 0 else 0

    def _row_html(self, row: TodayRow, muted: str, selected: bool) -> str:
        detail_colour = muted
        if row.urgency == Urgency.overdue and not selected:
            detail_colour = overdue_colour()
        lead = row.lead_name if row.lead_name and row.lead_name != row.title else ""
        # The lead's name is elided with the detail as one line, so measure them together.
        line = self._one_line(f"{lead} · {row.detail}" if lead else row.detail)
        lead_part, _, detail = line.partition(" · ") if lead else ("", "", line)
        about = f"<span style='color:{detail_colour}'>{detail}</span>"
        if lead:
            about = f"{lead_part} · {about}" if detail else lead_part
        return (
            f"<div style='margin-bottom:2px'>{self._one_line(row.title)}</div>"
            f"<div style='color:{muted}'>{about}</div>"
        )


class TodayPage(QWidget):
    """The rows from ``iltdesk.today``, under their section headings; Enter opens one.

    A journal without leads shows a welcome instead, whose button asks for the first lead
    (``add_lead_requested``).
    """

    add_lead_requested = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._shown: list[tuple[str, list[TodayRow]]] = []
        self.title = QLabel(self.tr("Today"))
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.tree = self._make_tree()
        self._stack = QStackedWidget()
        self._stack.addWidget(self._make_empty_state())
        self._stack.addWidget(self.tree)
        self._stack.addWidget(self._make_welcome())
        self._stack.addWidget(self._make_presenting())
        heading = QVBoxLayout()
        # Indent the title by the rows' own padding so page text lines up on one edge.
        heading.setContentsMargins(RichTextDelegate.PAD_X, 0, 0, 0)
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 20, 12, 12)
        layout.setSpacing(0)
        layout.addLayout(heading)
        layout.addSpacing(16)
        layout.addWidget(self._stack, 1)
        self.tree.itemActivated.connect(self._activate)
        context.changed.connect(self._changed)
        context.presenter.changed.connect(lambda _on: self.refresh())
        if load:
            self.refresh()

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderHidden(True)
        tree.setRootIsDecorated(False)
        tree.setItemsExpandable(False)
        tree.setIndentation(0)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        tree.setMouseTracking(True)
        # The list sits on the page itself rather than in a white box.
        tree.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        tree.setItemDelegate(TodayDelegate(tree))
        tree.setAccessibleName(self.tr("What needs you today, most urgent first"))
        return tree

    def _make_empty_state(self) -> QWidget:
        self.empty = QLabel(self.tr("Nothing needs you today."))
        self.empty.setObjectName("SectionTitle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Overdue and upcoming action items, and leads you have not met with for a while, "
                "will show up here."
            )
        )
        hint.setObjectName("Hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(2)
        column.addWidget(self.empty)
        column.addWidget(hint)
        column.addStretch(3)
        return page

    def _make_welcome(self) -> QWidget:
        title = QLabel(self.tr("Welcome. Start with the people you coach."))
        title.setObjectName("SectionTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Add each lead on your instructional leadership team. Their 1:1s, learning "
                "cycles and action items then come together here, day by day."
            )
        )
        hint.setObjectName("Hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.add_first = QPushButton(
            icon("add", theme.colour("on_accent")), self.tr("Add your first lead…")
        )
        self.add_first.setObjectName("Primary")
        self.add_first.setAutoDefault(True)  # Enter presses it, as Space does
        self.add_first.setToolTip(self.tr("Add a lead (Ctrl+Shift+N)"))
        self.add_first.clicked.connect(self.add_lead_requested.emit)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(hint)
        column.addSpacing(12)
        column.addWidget(self.add_first, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        return page

    def _make_presenting(self) -> QWidget:
        # Every row names a lead: on a screen shared with one of them, none is shown.
        title = QLabel(self.tr("Today's list is hidden while you present."))
        title.setObjectName("SectionTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr("It names your other leads. Press {SHORTCUT} to show it again.").format(
                SHORTCUT=SHORTCUT
            )
        )
        hint.setObjectName("Hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(hint)
        column.addStretch(3)
        return page

    def welcoming(self) -> bool:
        """The journal has no leads yet and the page says how to start."""
        return self._stack.currentIndex() == WELCOME

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.welcoming():
            self.add_first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, change: Change) -> None:
        # Any record can bring something due (or take it away), so every change re-reads.
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        """Read the journal again and show what needs attention on ``today``."""
        day = today or date.today()
        self.subtitle.setText(date_in_words(day))
        self.tree.clear()
        if not today_shown(presenting=self._context.presenter.on):
            self._shown = []
            self._stack.setCurrentIndex(PRESENTING)
            return
        rows = today_rows(self._context.journal, day)
        sections: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for row in rows:
            heading = sections.get(row.section)
            if heading is None:
                heading = sections[row.section] = QTreeWidgetItem(self.tree, [row.section])
                # Headings are labels, not choices: they cannot be selected or opened.
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setData(0, URGENCY_ROLE, row.urgency)
            item = QTreeWidgetItem(heading, [f"{row.title} — {row.lead_name or ''}"])
            item.setData(0, ROW_ROLE, row)
            item.setToolTip(0, row.title)
            if first is None:
                first = item
        self._shown = [(name, rows_under(heading)) for name, heading in sections.items()]
        for heading in sections.values():
            heading.setData(0, COUNT_ROLE, heading.childCount())
        self.tree.expandAll()
        welcome = not rows and not has_leads(self._context.journal)
        self._stack.setCurrentIndex(WELCOME if welcome else ROWS if rows else NOTHING_DUE)
        if welcome and self.isVisible():
            self.add_first.setFocus(Qt.FocusReason.OtherFocusReason)
        if first is not None:
            # Enter opens the most urgent row straight away, without a loud selection on show.
            flag = QItemSelectionModel.SelectionFlag.NoUpdate
            self.tree.setCurrentItem(first, 0, flag)

    def _activate(self, item: QTreeWidgetItem, _column: int) -> None:
        row = item.data(0, ROW_ROLE)
        if isinstance(row, TodayRow):
            self._context.open_record.emit(row.record_kind, row.record_id)

    def rows_shown(self) -> list[tuple[str, list[TodayRow]]]:
        """Each section heading with its rows, as on screen (for tests and accessibility)."""
        return list(self._shown)


def rows_under(heading: QTreeWidgetItem) -> list[TodayRow]:
    """The rows listed under a section heading, in order."""
    items = (heading.child(i) for i in range(heading.childCount()))
    return [
        row
        for item in items
        if item is not None and isinstance(row := item.data(0, ROW_ROLE), TodayRow)
    ]
