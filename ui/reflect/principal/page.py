"""My leadership: the principal's own page. Her energy over time, and a journal of the
questions she is holding and what she has come to realise about her own leadership.

Private: nothing here goes into an export.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.models import LeadershipNoteKind, PrincipalEnergy
from iltdesk.principal import (
    delete_energy,
    delete_note,
    energy_history,
    energy_trend,
    kind_word,
    leadership_notes,
)
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.energy_chart import EnergySparkline
from ui.kit.record_actions import confirm_delete
from ui.kit.style import accent, accent_text, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.reflect.principal.cards import CHECK_ROLE, CheckList, NoteCard, check_text
from ui.reflect.principal.dialogs import EnergyDialog, LeadershipNoteDialog

PURPOSE = QT_TRANSLATE_NOOP(
    "page",
    (
        "A page for you alone. Keep the questions you are turning over about how you lead — how "
        "to move the team without taking it over, when to listen before you direct — and what "
        "you come to realise, ready to bring to your thought partner. Log your own energy as you "
        "do your leads': it counts as much as theirs. Nothing here goes into any export."
    ),
)
EMPTY_JOURNAL = QT_TRANSLATE_NOOP(
    "page",
    (
        "No notes yet. When a question about your own leadership keeps coming back (“Am I "
        "holding the floor?”), add it here; when something shifts (“asking first works better "
        "than telling”), add that as a realisation. Reread them before you meet your thought "
        "partner."
    ),
)
FILTERS = (
    (QT_TRANSLATE_NOOP("page", "All notes"), None),
    (QT_TRANSLATE_NOOP("page", "Questions"), LeadershipNoteKind.question),
    (QT_TRANSLATE_NOOP("page", "Realisations"), LeadershipNoteKind.realisation),
)


def page_style() -> str:
    """Cards for the journal's notes, like the other Reflect pages'."""
    return f"""
    QFrame#NoteCard {{ background: palette(base); border: 1px solid palette(mid);
                       border-radius: 8px; }}
    QFrame#NoteCard[current="true"] {{ border: 2px solid {accent()}; }}
    QLabel#NoteDate {{ font-weight: 600; }}
    QLabel#NoteKind {{ color: {accent_text()}; font-weight: 600; }}
    QLabel#SectionTitle {{ font-size: 16px; font-weight: 600; }}
    """


class PrincipalPage(QWidget):
    """Her energy drawn over time beside her checks, then her leadership journal."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.note_cards: list[NoteCard] = []
        self.checks: list[PrincipalEnergy] = []
        theme.live_style(self, page_style)
        title = QLabel(self.tr("My leadership"))
        title.setObjectName("PageTitle")
        purpose = QLabel(QCoreApplication.translate("page", PURPOSE))
        purpose.setObjectName("PageSubtitle")
        purpose.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addSpacing(14)
        layout.addLayout(self._energy_section())
        layout.addSpacing(16)
        layout.addLayout(self._journal_head())
        layout.addSpacing(8)
        layout.addWidget(self.scroller, 1)
        self.refresh()

    def _energy_section(self) -> QVBoxLayout:
        heading = QLabel(self.tr("My energy"))
        heading.setObjectName("SectionTitle")
        heading.setIndent(0)  # the shared style's margin would set it in from the page's edge
        self.log_button = QPushButton(self.tr("Log my energy…"))
        self.log_button.setObjectName("Primary")
        self.log_button.clicked.connect(self.log_energy)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.log_button)
        self.trend = hint()
        self.chart = EnergySparkline(
            tip=self.tr("My energy checks, oldest to newest (1 depleted … 5 energised)")
        )
        self.chart.setMinimumHeight(130)
        self.chart.setAccessibleName(self.tr("My energy over time"))
        self.span = hint()
        drawn = QVBoxLayout()
        drawn.addWidget(self.chart, 1)
        drawn.addWidget(self.span)
        self.check_list = CheckList()
        self.check_list.setFixedHeight(150)
        self.check_list.edit_requested.connect(self.edit_energy)
        self.check_list.delete_requested.connect(self.delete_energy)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(drawn, 3)
        row.addWidget(self.check_list, 2)
        section = QVBoxLayout()
        section.setSpacing(6)
        section.addLayout(head)
        section.addWidget(self.trend)
        section.addLayout(row)
        return section

    def _journal_head(self) -> QHBoxLayout:
        heading = QLabel(self.tr("Questions and realisations"))
        heading.setObjectName("SectionTitle")
        heading.setIndent(0)  # the shared style's margin would set it in from the page's edge
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        for text, _kind in FILTERS:
            self.filter.addItem(QCoreApplication.translate("page", text))
        self.filter.currentIndexChanged.connect(lambda _i: self._show_notes())
        self.question_button = QPushButton(self.tr("Add a question…"))
        self.question_button.clicked.connect(lambda: self.add_note(LeadershipNoteKind.question))
        self.realisation_button = QPushButton(self.tr("Add a realisation…"))
        self.realisation_button.clicked.connect(
            lambda: self.add_note(LeadershipNoteKind.realisation)
        )
        self.empty = hint(QCoreApplication.translate("page", EMPTY_JOURNAL))
        self.column = QWidget()
        self.cards = QVBoxLayout(self.column)
        self.cards.setContentsMargins(0, 0, 0, 20)
        self.cards.setSpacing(10)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("My questions and realisations"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self.column)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.filter)
        head.addWidget(self.question_button)
        head.addWidget(self.realisation_button)
        return head

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read her energy and her journal."""
        self.checks = energy_history(self.context.journal)
        self.chart.set_points(tuple((c.checked_on, c.level) for c in self.checks))
        self.trend.setText(energy_trend(self.checks))
        self.chart.setAccessibleDescription(self.trend.text())
        days = [c.checked_on for c in self.checks]
        span = f"{dates.short(days[0])} to {dates.short(days[-1])}" if len(days) > 1 else ""
        self.span.setText(span)
        current = self.check_list.currentItem()
        keep = current.data(CHECK_ROLE) if current is not None else None
        self.check_list.clear()
        for check in reversed(self.checks):
            item = QListWidgetItem(check_text(check))
            item.setData(CHECK_ROLE, check.id)
            self.check_list.addItem(item)
            if check.id == keep:
                self.check_list.setCurrentItem(item)
        self._show_notes()

    def shown_kind(self) -> LeadershipNoteKind | None:
        """The kind of note the filter shows (None: both)."""
        return FILTERS[max(self.filter.currentIndex(), 0)][1]

    def _show_notes(self) -> None:
        notes = leadership_notes(self.context.journal, self.shown_kind())
        for card in self.note_cards:
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        self.note_cards = [NoteCard(note) for note in notes]
        while self.cards.count():
            self.cards.takeAt(0)
        for card in self.note_cards:
            card.edit_requested.connect(self.edit_note)
            card.delete_requested.connect(self.delete_note)
            self.cards.addWidget(card)
        self.cards.addWidget(self.empty)  # first: shown with no parent, it is a window of its own
        self.empty.setVisible(not notes)
        if self.shown_kind() is not None:
            self.empty.setText(
                self.tr("No {value} yet.").format(
                    value=QCoreApplication.translate(
                        "page", FILTERS[self.filter.currentIndex()][0]
                    ).lower()
                )
            )
        else:
            self.empty.setText(QCoreApplication.translate("page", EMPTY_JOURNAL))
        self.cards.addStretch(1)

    def open(self, where: Location) -> bool:
        """Show the note or energy check a search hit (or any link) points at."""
        self.refresh()
        if where.kind is RecordKind.OWN_ENERGY:
            return self.select_check(where.record_id)
        if where.kind is RecordKind.LEADERSHIP_NOTE:
            return self.select_note(where.record_id)
        return False

    def select_check(self, check_id: int) -> bool:
        """Select one of her energy checks in the list, with the focus on it."""
        for row in range(self.check_list.count()):
            if self.check_list.item(row).data(CHECK_ROLE) == check_id:
                self.check_list.setCurrentRow(row)
                self.check_list.setFocus()
                return True
        return False

    def select_note(self, note_id: int) -> bool:
        """Bring a note into view, outlined; the filter shows all notes if it hid it."""
        if not any(card.note.id == note_id for card in self.note_cards):
            self.filter.setCurrentIndex(0)
        found = False
        for card in self.note_cards:
            card.set_current(card.note.id == note_id)
            if card.note.id == note_id:
                found = True
                card.actions_button.setFocus()
                QTimer.singleShot(0, self, lambda c=card: self._scroll_to(c))
        return found

    def _scroll_to(self, card: NoteCard) -> None:
        self.cards.activate()
        self.scroller.verticalScrollBar().setValue(card.y())

    # -- her energy ---------------------------------------------------------------------------

    def log_energy(self) -> None:
        """Ask how her energy is today; the chart and list take it in."""
        dialog = EnergyDialog(self.context, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_check(dialog.saved.id or 0)
            self.log_button.setFocus()

    def edit_energy(self, check_id: int) -> None:
        """Correct one of her checks in the form it was logged with."""
        check = next((c for c in self.checks if c.id == check_id), None)
        if check is None:
            return
        dialog = EnergyDialog(self.context, check, self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_check(check_id)

    def delete_energy(self, check_id: int) -> None:
        """Remove a check after asking (it goes to the Trash)."""
        check = next((c for c in self.checks if c.id == check_id), None)
        if check is None:
            return
        what = self.tr("Your energy check of {day}.").format(day=dates.short(check.checked_on))
        if not confirm_delete(self, self.tr("Delete this energy check?"), what):
            return
        gone = self.context.write(
            lambda: delete_energy(self.context.journal, check_id),
            Change(RecordKind.OWN_ENERGY),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()

    # -- her journal --------------------------------------------------------------------------

    def add_note(self, kind: LeadershipNoteKind) -> None:
        """Write a question or realisation; it shows at the top of the journal."""
        dialog = LeadershipNoteDialog(self.context, kind, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_note(dialog.saved.id or 0)

    def edit_note(self, note_id: int) -> None:
        """Correct a note (a question can become a realisation)."""
        note = next((c.note for c in self.note_cards if c.note.id == note_id), None)
        if note is None:
            return
        dialog = LeadershipNoteDialog(self.context, note.kind, note, self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_note(note_id)

    def delete_note(self, note_id: int) -> None:
        """Remove a note after asking (it goes to the Trash)."""
        note = next((c.note for c in self.note_cards if c.note.id == note_id), None)
        if note is None:
            return
        kind = kind_word(note.kind).lower()
        what = self.tr("Your {kind} of {day}.").format(kind=kind, day=dates.short(note.noted_on))
        if not confirm_delete(self, self.tr("Delete this {kind}?").format(kind=kind), what):
            return
        gone = self.context.write(
            lambda: delete_note(self.context.journal, note_id),
            Change(RecordKind.LEADERSHIP_NOTE),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()
