"""Tensions: the seven pulls between two goods at a glance, and the dated notes on each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.models import TensionNote
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from iltdesk.tension import TENSIONS, Tension, delete_note, leaning_words, notes_on, overview
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import actions_button, confirm_delete
from ui.kit.style import accent, accent_text, hint, restyle
from ui.reflect.tensions.leaning_widget import (
    NOTE_ROLE,
    PREVIOUS_ROLE,
    TENSION_ROLE,
    OverviewDelegate,
    ScaleLegend,
    ScaleMark,
    sentence,
)
from ui.reflect.tensions.note_dialog import TensionNoteDialog, serves_question


def page_style() -> str:
    """Cards for the notes and the overview's frame."""
    return f"""
    QListWidget#TensionOverview {{ border: 1px solid palette(mid); border-radius: 8px;
                                   background: palette(base); outline: 0; }}
    QFrame#NoteCard {{ background: palette(base); border: 1px solid palette(mid);
                       border-radius: 8px; }}
    QFrame#NoteCard[current="true"] {{ border: 2px solid {accent()}; }}
    QLabel#NoteDate {{ font-weight: 600; }}
    QLabel#Leaning {{ color: {accent_text()}; font-weight: 600; }}
    QLabel#NoteField {{ color: palette(placeholder-text); font-weight: 600; font-size: 11px; }}
    QLabel#TensionHeading {{ font-size: 16px; font-weight: 600; }}
    """


def overview_text(tension: Tension, note: TensionNote | None) -> str:
    """A row in words (read aloud by screen readers, and used by the tests)."""
    poles = QCoreApplication.translate("page", "{first} or {second}").format(
        first=tension.first_pole, second=tension.second_pole
    )
    if note is None:
        return QCoreApplication.translate("page", "{poles}: not noted yet").format(poles=poles)
    noted = dates.list_date(note.noted_on)
    leaning = leaning_words(tension, note.leaning)
    if note.decision:
        return QCoreApplication.translate(
            "page", "{poles}: {leaning}, on the decision: {decision}, noted {noted}"
        ).format(poles=poles, leaning=leaning, decision=note.decision, noted=noted)
    return QCoreApplication.translate("page", "{poles}: {leaning}, noted {noted}").format(
        poles=poles, leaning=leaning, noted=noted
    )


class NoteCard(QFrame):
    """One dated note: its leaning in words (or both sides held), the decision at stake, when
    each pole serves, the evidence, the note."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, tension: Tension, note: TensionNote, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("NoteCard")
        self.note = note
        self.actions_button = actions_button(
            self,
            self.tr("note"),
            lambda: self.edit_requested.emit(note.id or 0),
            lambda: self.delete_requested.emit(note.id or 0),
        )
        when = QLabel(dates.with_weekday(note.noted_on))
        when.setObjectName("NoteDate")
        self.leaning = QLabel(sentence(leaning_words(tension, note.leaning)))
        self.leaning.setObjectName("Leaning")
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(when)
        head.addWidget(self.leaning, 1)
        head.addWidget(ScaleMark(note.leaning))
        head.addWidget(self.actions_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(head)
        if note.decision:
            layout.addLayout(self._labelled(self.tr("The decision at stake"), note.decision))
        serves = QGridLayout()
        serves.setHorizontalSpacing(20)
        serves.setVerticalSpacing(2)
        pairs = (
            (serves_question(tension.first_pole), note.first_pole_serves),
            (serves_question(tension.second_pole), note.second_pole_serves),
        )
        for column, (label, text) in enumerate(pairs):
            serves.addWidget(self._field(label), 0, column)
            serves.addWidget(self._body(text or "—"), 1, column)
            serves.setColumnStretch(column, 1)
        if note.first_pole_serves or note.second_pole_serves:
            layout.addLayout(serves)
        for label, text in (
            (self.tr("Classroom evidence"), note.evidence),
            (self.tr("Note"), note.note),
        ):
            if text:
                layout.addLayout(self._labelled(label, text))

    def _labelled(self, label: str, text: str) -> QVBoxLayout:
        field = QVBoxLayout()
        field.setSpacing(2)  # a label sits with its text, apart from the next field
        field.addWidget(self._field(label))
        field.addWidget(self._body(text))
        return field

    @staticmethod
    def _field(text: str) -> QLabel:
        label = QLabel(text.upper())
        label.setObjectName("NoteField")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _body(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def set_current(self, current: bool) -> None:
        """Outline the note someone came here to read (from search, for instance)."""
        self.setProperty("current", current)
        restyle(self, "NoteCard")


class TensionsPage(QWidget):
    """All seven tensions as rows of a scale; the selected one's question and notes below."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.note_cards: list[NoteCard] = []
        self._notes: list[TensionNote] = []
        theme.live_style(self, page_style)
        title = QLabel(self.tr("Tensions"))
        title.setObjectName("PageTitle")
        purpose = QLabel(
            self.tr(
                "Seven pulls between two goods. Leaders seldom settle on one side: note when "
                "each serves, the decision at stake and what classrooms show; a leaning only if "
                "you hold one."
            )
        )
        purpose.setObjectName("PageSubtitle")
        purpose.setWordWrap(True)
        self.overview = QListWidget()
        self.overview.setObjectName("TensionOverview")
        self.overview.setAccessibleName(self.tr("The latest note on each tension"))
        self.overview.setItemDelegate(OverviewDelegate(self.overview))
        self.overview.setMouseTracking(True)
        self.overview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overview.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.setFixedHeight(OverviewDelegate.ROW_HEIGHT * len(TENSIONS) + 4)
        self.overview.currentRowChanged.connect(lambda _row: self._show_detail())
        self._build_detail()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addSpacing(14)
        layout.addWidget(self.overview)
        layout.addSpacing(4)
        layout.addWidget(ScaleLegend(), 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(10)
        layout.addLayout(self._detail_head)
        layout.addSpacing(8)
        layout.addWidget(self.scroller, 1)
        self.refresh()

    def _build_detail(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("TensionHeading")
        self.heading.setWordWrap(True)
        self.question = hint()
        self.question.setStyleSheet("font-style: italic")
        self.add_button = QPushButton(self.tr("Add a note…"))
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self.add_note)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.question)
        self._detail_head = QHBoxLayout()
        self._detail_head.addLayout(words, 1)
        self._detail_head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.empty = hint()
        self.column = QWidget()
        self.cards = QVBoxLayout(self.column)
        self.cards.setContentsMargins(0, 0, 0, 20)
        self.cards.setSpacing(10)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("Notes on the tension"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self.column)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every row, keeping the selected tension."""
        key = self.current_tension().key if self.overview.currentItem() else TENSIONS[0].key
        self.overview.blockSignals(True)
        self.overview.clear()
        for tension, latest in overview(self.context.journal):
            item = QListWidgetItem(overview_text(tension, latest))
            item.setData(TENSION_ROLE, tension)
            item.setData(NOTE_ROLE, latest)
            earlier = notes_on(self.context.journal, tension.key)[1:2] if latest else []
            item.setData(PREVIOUS_ROLE, earlier[0].leaning if earlier else None)
            item.setToolTip(tension.question)
            self.overview.addItem(item)
        self.overview.blockSignals(False)
        self.select_tension(key)

    def current_tension(self) -> Tension:
        """The tension whose notes are shown."""
        item = self.overview.currentItem()
        found = item.data(TENSION_ROLE) if item is not None else None
        return found if isinstance(found, Tension) else TENSIONS[0]

    def select_tension(self, key: str) -> None:
        """Show one tension's question and notes."""
        row = [t.key for t in TENSIONS].index(key)
        if self.overview.currentRow() == row:
            self._show_detail()
        else:
            self.overview.setCurrentRow(row)

    def open(self, where: Location) -> bool:
        """Show a tension note, on its tension."""
        return self.select_note(where.record_id)

    def select_note(self, note_id: int) -> bool:
        """Open the tension a note belongs to, and bring that note into view, outlined."""
        found = False
        for tension in TENSIONS:
            if any(n.id == note_id for n in notes_on(self.context.journal, tension.key)):
                self.select_tension(tension.key)
                found = True
                break
        for card in self.note_cards:
            card.set_current(card.note.id == note_id)
            if card.note.id == note_id:
                # Once the new cards have their heights, scroll the note to the top.
                QTimer.singleShot(0, self, lambda c=card: self._scroll_to(c))
        return found

    def _scroll_to(self, card: NoteCard) -> None:
        layout = self.column.layout()
        if layout is not None:
            layout.activate()
        self.scroller.verticalScrollBar().setValue(card.y())

    def _show_detail(self) -> None:
        tension = self.current_tension()
        self._notes = notes_on(self.context.journal, tension.key)
        self.heading.setText(f"{tension.first_pole}  ↔  {tension.second_pole}")
        self.question.setText(tension.question)
        for card in self.note_cards:
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        self.note_cards = [NoteCard(tension, note) for note in self._notes]
        for card in self.note_cards:
            card.edit_requested.connect(self.edit_note)
            card.delete_requested.connect(self.delete_note)
        while self.cards.count():
            self.cards.takeAt(0)
        for card in self.note_cards:
            self.cards.addWidget(card)
        self.empty.setText(
            self.tr(
                "No notes on this tension yet. When does each side serve, what decision does it "
                "bear on, and what do classrooms show? Add a note to start its history."
            )
        )
        # Into the layout before showing it: a parentless widget made visible is a window.
        self.cards.addWidget(self.empty)
        self.empty.setVisible(not self._notes)
        self.cards.addStretch(1)
        self.scroller.verticalScrollBar().setValue(0)

    # -- adding --------------------------------------------------------------------------------

    def add_note(self) -> None:
        """Ask for a note on the selected tension, then show it at the top of its notes."""
        tension = self.current_tension()
        latest = self._notes[0] if self._notes else None
        dialog = TensionNoteDialog(self.context, tension, latest, self)
        if dialog.exec() and dialog.saved_note is not None:
            self.refresh()
            self.select_note(dialog.saved_note.id or 0)

    # -- correcting ----------------------------------------------------------------------------

    def edit_note(self, note_id: int) -> None:
        """Correct a note in the same form it was written in; it stays where it was."""
        note = next((n for n in self._notes if n.id == note_id), None)
        if note is None:
            return
        dialog = TensionNoteDialog(self.context, self.current_tension(), note, self, editing=True)
        if dialog.exec() and dialog.saved_note is not None:
            self.refresh()
            self.select_note(note_id)

    def delete_note(self, note_id: int) -> None:
        """Remove a note after asking (it goes to the Trash)."""
        note = next((n for n in self._notes if n.id == note_id), None)
        if note is None:
            return
        tension = self.current_tension()
        poles = f"{tension.first_pole} ↔ {tension.second_pole}"
        what = self.tr("Your note of {day} on {poles}.").format(
            day=dates.short(note.noted_on), poles=poles
        )
        if not confirm_delete(self, self.tr("Delete this note?"), what):
            return
        gone = self.context.write(
            lambda: delete_note(self.context.journal, note_id),
            Change(RecordKind.TENSION),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()
