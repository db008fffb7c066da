"""The sidebar: Today, then the leads (active first, archived folded away), filtered as you type."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from iltdesk.record_kinds import Change, RecordKind
from iltdesk.roster import roster
from ui.kit.context import AppContext
from ui.kit.icons import icon
from ui.kit.pages import ReflectPage
from ui.kit.roles import GROUP, PAGE_KEY, RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP

LEAD_ID = RECORD_ID  # a lead's row: the lead's id
TODAY_ID = -1
TRASH_ID = -2  # the Trash's row, below the pages
MIN_WIDTH = 220
# The ILT's shared work, each a page of its own: (key, title, icon).
TEAM_PAGES = (
    (ReflectPage.ILT_MEETINGS, QT_TRANSLATE_NOOP("leads_sidebar", "ILT meetings"), "ilt_meeting"),
    (
        ReflectPage.TEACHER_TEAMS,
        QT_TRANSLATE_NOOP("leads_sidebar", "Teacher teams"),
        "teacher_team",
    ),
    (
        ReflectPage.CONVERSATIONS,
        QT_TRANSLATE_NOOP("leads_sidebar", "Difficult conversations"),
        "conversation",
    ),
    (
        ReflectPage.TEAM_OVERVIEW,
        QT_TRANSLATE_NOOP("leads_sidebar", "Team overview"),
        "team_overview",
    ),
)
# The team-level thinking tools, each a page of its own: (key, title, icon).
REFLECT_PAGES = (
    (ReflectPage.CHALLENGES, QT_TRANSLATE_NOOP("leads_sidebar", "Complex challenges"), "challenge"),
    (ReflectPage.SELF_CHECK, QT_TRANSLATE_NOOP("leads_sidebar", "ILT self-check"), "self_check"),
    (ReflectPage.TENSIONS, QT_TRANSLATE_NOOP("leads_sidebar", "Tensions"), "tension"),
    (ReflectPage.CHARTER, QT_TRANSLATE_NOOP("leads_sidebar", "ILT charter"), "charter"),
    (ReflectPage.FRAMEWORKS, QT_TRANSLATE_NOOP("leads_sidebar", "Frameworks"), "framework"),
    (
        ReflectPage.MY_LEADERSHIP,
        QT_TRANSLATE_NOOP("leads_sidebar", "My leadership"),
        "my_leadership",
    ),
)


def _group(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setSelectable(False)
    font = item.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setBold(True)
    item.setFont(font)
    item.setData(True, GROUP)
    return item


class _Rows(QSortFilterProxyModel):
    """The sidebar's rows, filtered; headings in the palette's quiet text colour, read when
    painted so that they follow a change of look (and read at 4.5:1 in either)."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and super().data(index, GROUP):
            return QApplication.palette().placeholderText()
        return super().data(index, role)


def _blank_icon(size: QSize) -> QIcon:
    """An empty icon, so that names without one line up with names that have one."""
    pixmap = QPixmap(size if size.isValid() else QSize(16, 16))
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class LeadsSidebar(QFrame):
    """Navigation: ``today_selected``, ``lead_selected(lead_id)`` and
    ``page_selected(ReflectPage)``."""

    today_selected = Signal()
    trash_selected = Signal()
    lead_selected = Signal(int)
    page_selected = Signal(object)  # a ReflectPage
    add_lead_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.context = context
        self.model = QStandardItemModel(self)
        self.proxy = _Rows(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter leads"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter leads"))
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView()
        self.tree.setObjectName("LeadList")
        self.tree.setAccessibleName(self.tr("Today and leads"))
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        # One left edge for every row, and one for every name: headings and icons line up,
        # and so do Today, the leads and the Reflect pages (leads have an empty icon).
        self.tree.setIndentation(0)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        add = QPushButton(icon("add"), self.tr("Add lead…"))
        add.clicked.connect(self.add_lead_requested)
        heading = QLabel(self.tr("iltdesk"))
        heading.setObjectName("SectionTitle")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(add)
        self.setMinimumWidth(MIN_WIDTH)
        self.setMaximumWidth(320)
        self.reload()
        context.changed.connect(self._on_changed)

    def sizeHint(self) -> QSize:
        # Its usual width, whatever the names: a long one elides rather than widening the
        # sidebar at the page's expense (the splitter still lets a person drag it wider).
        return QSize(MIN_WIDTH + 10, super().sizeHint().height())

    def _on_changed(self, change: Change) -> None:
        if change.kind is RecordKind.LEAD:  # the list shows leads alone: nothing else can change it
            self.reload(keep=self.current_lead_id())

    def reload(self, keep: int | None = None) -> None:
        """Rebuild the list from the journal, keeping the selection where possible."""
        self.model.clear()
        today = QStandardItem(icon("today"), self.tr("Today"))
        today.setData(TODAY_ID, LEAD_ID)
        self.model.appendRow(today)
        leads = roster(self.context.journal)
        active = [s for s in leads if s.active]
        archived = [s for s in leads if not s.active]
        blank = _blank_icon(self.tree.iconSize())
        team = _group(self.tr("LEADS  {count}").format(count=len(active)))
        folded = _group(self.tr("ARCHIVED  {count}").format(count=len(archived)))
        for group, members in ((team, active), (folded, archived)):
            for s in members:
                item = QStandardItem(blank, s.name)
                item.setData(s.id, LEAD_ID)
                # The whole name too: a long one is cut short in the list.
                about = " · ".join(p for p in (s.role, s.team) if p)
                item.setToolTip(f"{s.name}\n{about}" if about else s.name)
                group.appendRow(item)
        self.model.appendRow(team)
        if archived:
            self.model.appendRow(folded)
        for heading, pages in ((self.tr("TEAM"), TEAM_PAGES), (self.tr("REFLECT"), REFLECT_PAGES)):
            section = _group(heading)
            for key, title, icon_name in pages:
                page = QStandardItem(
                    icon(icon_name), QCoreApplication.translate("leads_sidebar", title)
                )
                page.setData(key, PAGE_KEY)
                section.appendRow(page)
            self.model.appendRow(section)
            self.tree.expand(self.proxy.mapFromSource(section.index()))
        bin_row = QStandardItem(icon("trash"), self.tr("Trash"))
        bin_row.setData(TRASH_ID, LEAD_ID)
        self.model.appendRow(bin_row)
        self.tree.expand(self.proxy.mapFromSource(team.index()))
        if keep is not None:
            self.select_lead(keep)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(PAGE_KEY):
            self.page_selected.emit(ReflectPage(current.data(PAGE_KEY)))
            return
        value = current.data(LEAD_ID)
        if value is None:
            return
        if int(value) == TODAY_ID:
            self.today_selected.emit()
        elif int(value) == TRASH_ID:
            self.trash_selected.emit()
        else:
            self.lead_selected.emit(int(value))

    def current_lead_id(self) -> int | None:
        """The selected lead, if a lead is selected."""
        value = self.tree.currentIndex().data(LEAD_ID)
        return None if value is None or int(value) in (TODAY_ID, TRASH_ID) else int(value)

    def select_lead(self, lead_id: int) -> None:
        """Select a lead (unfolding the archive if needed) without re-emitting if unchanged."""
        for index in self._all_indexes():
            if index.data(LEAD_ID) == lead_id:
                self.tree.expand(index.parent())
                self.tree.setCurrentIndex(index)
                return

    def select_page(self, key: ReflectPage) -> None:
        """Select one of the Team or Reflect pages."""
        for index in self._all_indexes():
            if index.data(PAGE_KEY) == key:
                self.tree.setCurrentIndex(index)
                return

    def select_trash(self) -> None:
        """Select the Trash's row."""
        for index in self._all_indexes():
            if index.data(LEAD_ID) == TRASH_ID:
                self.tree.setCurrentIndex(index)
                return

    def select_today(self) -> None:
        """Select the Today entry."""
        self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def _all_indexes(self) -> list[QModelIndex]:
        found = []
        for row in range(self.proxy.rowCount()):
            top = self.proxy.index(row, 0)
            found.append(top)
            found += [self.proxy.index(r, 0, top) for r in range(self.proxy.rowCount(top))]
        return found
