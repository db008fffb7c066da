"""A meeting's plus/delta on screen: the closing one it gathers, and the last meeting's one it
opens with (shown, with a box for the team's response). Both are saved by the editor's
autosave: they only say what changed since they were loaded."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from iltdesk import dates
from iltdesk.models import IltMeeting, MeetingFeedback
from ui.kit.fields import LineBox
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

PLUS_TITLE = QT_TRANSLATE_NOOP("plus_delta", "+  What worked")
DELTA_TITLE = QT_TRANSLATE_NOOP("plus_delta", "Δ  What to change")


@dataclass
class PlusDeltaRow:
    """One plus/delta entry as typed: ``row_id`` None until it is first saved."""

    plus: LineBox
    delta: LineBox
    row_id: int | None = None
    saved: tuple[str, str] = field(default=("", ""))

    def typed(self) -> tuple[str, str]:
        return self.plus.text(), self.delta.text()


class ClosingPlusDelta(QWidget):
    """The plus/delta gathered at the end of this meeting: one pair of boxes per entry, and
    always a blank pair under them for the next one."""

    edited = Signal()
    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PlusDeltaRow] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        for column, (title, name) in enumerate(
            ((PLUS_TITLE, "PlusTitle"), (DELTA_TITLE, "DeltaTitle"))
        ):
            label = QLabel(QCoreApplication.translate("plus_delta", title))
            label.setObjectName(name)
            self.grid.addWidget(label, 0, column)
            self.grid.setColumnStretch(column, 1)

    def load(self, entries: list[MeetingFeedback]) -> None:
        for row in self.rows:
            for box in (row.plus, row.delta):
                self.grid.removeWidget(box)
                box.hide()
                box.deleteLater()
        self.rows = []
        for entry in entries:
            self._add_row(entry.plus, entry.delta, entry.id)
        self._add_row("", "", None)

    def _add_row(self, plus: str, delta: str, row_id: int | None) -> PlusDeltaRow:
        number = len(self.rows) + 1
        row = PlusDeltaRow(
            LineBox(self.tr("What helped today")),
            LineBox(self.tr("What would make next time better")),
            row_id,
            (plus, delta),
        )
        row.plus.setAccessibleName(self.tr("Plus {number}").format(number=number))
        row.delta.setAccessibleName(self.tr("Delta {number}").format(number=number))
        for box, text in ((row.plus, plus), (row.delta, delta)):
            box.set_text(text)
            box.edited.connect(self.edited)
            box.focus_left.connect(self.focus_left)
        line = len(self.rows) + 1
        self.grid.addWidget(row.plus, line, 0)
        self.grid.addWidget(row.delta, line, 1)
        if self.rows:
            QWidget.setTabOrder(self.rows[-1].delta, row.plus)
        QWidget.setTabOrder(row.plus, row.delta)
        self.rows.append(row)
        return row

    def changes(self) -> list[PlusDeltaRow]:
        """Rows whose text differs from what is saved (a blank new row is no change)."""
        return [r for r in self.rows if r.typed() != r.saved]

    def saved(self, row: PlusDeltaRow, row_id: int | None, written: tuple[str, str]) -> None:
        """``row`` was written as ``written`` (``row_id``: its id, None once deleted); a blank
        pair follows the last one written, ready for the next entry."""
        row.row_id, row.saved = row_id, written
        if row is self.rows[-1] and row_id is not None:
            self._add_row("", "", None)


class LastPlusDelta(QWidget):
    """The last meeting's plus/delta, as the team said it, each with how the team responded."""

    edited = Signal()
    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.responses: dict[int, tuple[LineBox, str]] = {}
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self._shown: list[QWidget] = []

    def load(self, previous: IltMeeting | None, entries: list[MeetingFeedback]) -> None:
        for widget in self._shown:
            self.column.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._shown, self.responses = [], {}
        if previous is None:
            self._show(
                hint(self.tr("This is the first meeting in the journal: nothing to revisit yet."))
            )
            return
        when = dates.with_weekday(previous.held_on)
        if not entries:
            self._show(
                hint(
                    self.tr("No plus/delta was written at the meeting of {when}.").format(when=when)
                )
            )
            return
        self._show(hint(self.tr("At the meeting of {when} the team said:").format(when=when)))
        for number, entry in enumerate(entries, start=1):
            self._entry(number, entry)

    def _entry(self, number: int, entry: MeetingFeedback) -> None:
        said = QLabel(
            self.tr("<b>+</b> {value}<br><b>Δ</b> {value2}").format(
                value=_escape(entry.plus) or "—", value2=_escape(entry.delta) or "—"
            )
        )
        said.setTextFormat(Qt.TextFormat.RichText)
        said.setWordWrap(True)
        response = LineBox(self.tr("How the team responded, e.g. 'Data goes out a day ahead'"))
        response.setAccessibleName(
            self.tr("Response to last plus/delta {number}").format(number=number)
        )
        response.set_text(entry.response)
        response.edited.connect(self.edited)
        response.focus_left.connect(self.focus_left)
        self.responses[entry.id or 0] = (response, entry.response)
        self._show(said)
        self._show(response)

    def _show(self, widget: QWidget) -> None:
        self.column.addWidget(widget)
        self._shown.append(widget)

    def changes(self) -> dict[int, str]:
        """Responses typed since they were loaded, by plus/delta id."""
        return {rid: box.text() for rid, (box, was) in self.responses.items() if box.text() != was}

    def saved(self, row_id: int, response: str) -> None:
        box, _ = self.responses[row_id]
        self.responses[row_id] = (box, response)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
