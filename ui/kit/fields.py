"""Fields a person types into on many pages: a short growing text box and a date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget

from iltdesk import dates, region
from ui.kit.markdown_edit import ensure_name


class LineBox(QPlainTextEdit):
    """A sentence or two: wraps, grows with its text, and hands back plain, trimmed text.

    Goals and measures run to 150 characters, too long for a line edit and too short to need
    Markdown; Enter moves on, so a goal stays one paragraph and lists show it on one line.
    """

    edited = Signal()
    focus_left = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._loading = False
        self.textChanged.connect(self._changed)
        self.textChanged.connect(self._fit)
        self._fit()

    def set_text(self, text: str) -> None:
        """Show ``text`` without it counting as an edit."""
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        """The text, on one line and trimmed."""
        return " ".join(self.toPlainText().split())

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _fit(self) -> None:
        # Measured from the text rather than the document layout, which lags behind resizes.
        width = self.viewport().width() - 2 * int(self.document().documentMargin())
        flags = int(Qt.TextFlag.TextWordWrap)
        shown = self.text() or self.placeholderText()  # an empty box shows its placeholder
        bound = self.fontMetrics().boundingRect(0, 0, max(width, 40), 10_000, flags, shown)
        spacing = self.fontMetrics().lineSpacing()
        lines = min(max(round(bound.height() / spacing), 1), 5)
        margin = 2 * (self.document().documentMargin() + self.frameWidth())
        self.setFixedHeight(int(lines * spacing + margin) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        ensure_name(self)


def qdate(day: date) -> QDate:
    """A Python date as Qt's."""
    return QDate(day.year, day.month, day.day)


def py_date(day: QDate) -> date:
    """Qt's date as a Python one (PySide6 types ``QDate.toPython()`` as ``object``)."""
    return date(day.year(), day.month(), day.day())


def day_of(edit: QDateEdit) -> date:
    """The day a date field shows."""
    return py_date(edit.date())


class _DateEdit(QDateEdit):
    """A date field that a screen reader can name: by ``name``, by a label whose buddy it
    is, or else as "Date"."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        ensure_name(self, "Date")


def date_edit(day: date | None = None, name: str = "") -> QDateEdit:
    """A date field with a calendar, showing the weekday."""
    edit = _DateEdit(qdate(day or date.today()))
    if name:
        edit.setAccessibleName(name)
    follow_locale(edit)
    return edit


def follow_locale(edit: QDateEdit, weekday: bool = True) -> None:
    """A date field with a calendar, in the order and names of the user's locale (as
    ``iltdesk.dates`` words dates) and a calendar whose week starts on the locale's first day."""
    edit.setCalendarPopup(True)
    edit.setLocale(QLocale(region.names_name()))  # "Sep", as dates are worded elsewhere
    edit.setDisplayFormat(dates.field_format() if weekday else dates.short_field_format())
    edit.calendarWidget().setFirstDayOfWeek(QLocale().firstDayOfWeek())
