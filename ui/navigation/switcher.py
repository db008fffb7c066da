"""Go to a lead by typing a few letters of their name."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QWidget

from iltdesk.lead import LeadSummary, lead_summaries
from iltdesk.record_kinds import RecordKind
from ui.kit.context import AppContext
from ui.kit.rich_delegate import ItemIndex, RichTextDelegate
from ui.kit.roles import RECORD
from ui.kit.style import DIALOG_FLAGS
from ui.navigation.picker import ListKeys, picker_layout

_WORD = re.compile(r"\w+", re.UNICODE)


def picker_window(dialog: QDialog, parent: QWidget | None, size: QSize) -> None:
    """Make ``dialog`` a picker over ``parent``: ``size``, or 80% of the parent where that
    is smaller; QDialog centres it on the parent when it is shown."""
    dialog.setWindowFlags(DIALOG_FLAGS)  # no minimise or maximise
    dialog.setMinimumSize(360, 260)
    if parent is not None:
        room = parent.window().size()
        size = size.boundedTo(QSize(room.width() * 4 // 5, room.height() * 4 // 5))
    dialog.resize(size.expandedTo(dialog.minimumSize()))


def match_rank(query: str, lead: LeadSummary) -> int | None:
    """How well ``query`` fits a lead: lower is better, None is no match.

    The name starting with the query beats every query word starting a word of the name
    ("ma or" finds Maya Ortiz), which beats the query anywhere in the name, which beats a
    match on role or team ("grade 6").
    """
    wanted = query.strip().casefold()
    if not wanted:
        return 0
    name = lead.name.casefold()
    if name.startswith(wanted):
        return 0
    name_words = _WORD.findall(name)
    query_words = _WORD.findall(wanted)
    if query_words and all(any(w.startswith(q) for w in name_words) for q in query_words):
        return 1
    if wanted in name:
        return 2
    if wanted in f"{lead.role} {lead.team}".casefold():
        return 3
    return None


def filter_leads(leads: list[LeadSummary], query: str) -> list[LeadSummary]:
    """The leads that match, best first; active before archived among equals."""
    ranked: list[tuple[int, bool, int, LeadSummary]] = []
    for position, lead in enumerate(leads):
        rank = match_rank(query, lead)
        if rank is not None:
            # ``leads`` comes sorted by name, so the position keeps that order within a rank.
            ranked.append((rank, not lead.active, position, lead))
    ranked.sort(key=lambda r: r[:3])
    return [lead for *_key, lead in ranked]


class LeadListModel(QAbstractListModel):
    """The leads that match what has been typed."""

    LEAD_ROLE = RECORD  # a row's lead

    def __init__(self, leads: list[LeadSummary], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = leads
        self.leads = list(leads)

    def set_query(self, query: str) -> None:
        """Show only the leads matching ``query``."""
        self.beginResetModel()
        self.leads = filter_leads(self._all, query)
        self.endResetModel()

    def rowCount(self, parent: ItemIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.leads)

    def data(self, index: ItemIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.leads):
            return None
        lead = self.leads[index.row()]
        if role == self.LEAD_ROLE:
            return lead
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return lead.name if lead.active else self.tr("{name} (archived)").format(name=lead.name)
        return None


def match_spans(name: str, query: str) -> list[tuple[int, int]]:
    """Where the typed letters are in ``name`` (start, end), to show why the lead is listed."""
    folded, wanted = name.casefold(), query.strip().casefold()
    if not wanted or len(folded) != len(name):  # a few letters fold to two; skip the bold then
        return []
    if folded.startswith(wanted):
        return [(0, len(wanted))]
    words = [(m.start(), m.group()) for m in _WORD.finditer(folded)]
    spans = []
    for part in _WORD.findall(wanted):
        start = next((at for at, word in words if word.startswith(part)), None)
        if start is None:
            break
        spans.append((start, start + len(part)))
    else:
        if spans:
            return spans
    at = folded.find(wanted)
    return [(at, at + len(wanted))] if at >= 0 else []


def name_html(name: str, query: str) -> str:
    """The lead's name, escaped, with the letters that matched in bold."""
    bold = {i for start, end in match_spans(name, query) for i in range(start, end)}
    out = []
    for i, char in enumerate(name):
        text = html.escape(char)
        out.append(f"<b>{text}</b>" if i in bold else text)
    return "".join(out).replace("</b><b>", "")


class LeadDelegate(RichTextDelegate):
    """A lead's name, with their role and team in a quieter tone on the right."""

    def __init__(self, query: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = query

    def html(self, index: ItemIndex, muted: str, selected: bool) -> str:
        lead = index.data(LeadListModel.LEAD_ROLE)
        if not isinstance(lead, LeadSummary):
            return ""
        about = " · ".join(part for part in (lead.role, lead.team) if part)
        name = name_html(lead.name, self._query())
        if not lead.active:
            name += f"<span style='color:{muted}'>  (archived)</span>"
        return (
            f"<table width='100%' cellspacing='0' cellpadding='0'><tr><td>{name}</td>"
            f"<td align='right' style='color:{muted}'>{html.escape(about)}</td></tr></table>"
        )


class QuickSwitcher(QDialog):
    """Type part of a name, press Enter, and you are on that lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._opened = False
        self.setWindowTitle(self.tr("Go to lead — iltdesk"))
        picker_window(self, parent, QSize(560, 420))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Type a lead's name…"))
        self.leads_model = LeadListModel(lead_summaries(context.journal, include_archived=True))
        self.leads_model.setParent(self)
        self.list = QListView()
        self.list.setModel(self.leads_model)
        self.list.setItemDelegate(LeadDelegate(self.field.text, self.list))
        self.list.clicked.connect(self._open)
        self.empty = QLabel()
        self.footer = QLabel()
        self._stack = picker_layout(self, self.field, self.list, self.empty, self.footer)
        self.field.textChanged.connect(self._filter)
        ListKeys(self.field, self.list, self.open_current)
        self._filter("")

    def _filter(self, text: str) -> None:
        # A few dozen leads at most: filtering on every keystroke needs no debounce.
        self.leads_model.set_query(text)
        count = self.leads_model.rowCount()
        if count:
            self.list.setCurrentIndex(self.leads_model.index(0, 0))
        elif text.strip():
            self.empty.setText(self.tr("No lead matches “{value}”.").format(value=text.strip()))
        else:
            self.empty.setText(self.tr("Your ILT has no leads yet."))
        self._stack.setCurrentIndex(1 if count else 0)
        self.footer.setText(
            self.tr("↑ ↓ to choose   ·   Enter to open   ·   Esc to close")
            if count
            else self.tr("Esc to close")
        )

    def open_current(self) -> None:
        """Open the selected lead, or the first one if none is selected."""
        index = self.list.currentIndex()
        if not index.isValid():
            index = self.leads_model.index(0, 0)
        self._open(index)

    def _open(self, index: ItemIndex) -> None:
        lead = index.data(LeadListModel.LEAD_ROLE) if index.isValid() else None
        if not isinstance(lead, LeadSummary) or self._opened:
            return
        self._opened = True  # a double click must not open the lead twice
        self._context.open_record.emit(RecordKind.LEAD, lead.id)
        self.accept()
