"""Which days a lead's record covers: a quick choice (this school year, its first or second
half, since a date, everything) or two dates, as the core counts them
(``iltdesk.report.record_request``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from iltdesk.report.record_request import DateRange, first_half, school_year, second_half
from ui.kit.fields import date_edit, day_of, qdate
from ui.kit.translation import QT_TRANSLATE_NOOP

SINCE_A_DATE = QT_TRANSLATE_NOOP("record_range", "Since a date")
BETWEEN = QT_TRANSLATE_NOOP("record_range", "Between two dates")
EVERYTHING = QT_TRANSLATE_NOOP("record_range", "Everything recorded")
QUICK: tuple[tuple[str, Callable[[date], DateRange] | None], ...] = (
    (QT_TRANSLATE_NOOP("record_range", "This school year"), school_year),
    (QT_TRANSLATE_NOOP("record_range", "First half of this school year"), first_half),
    (QT_TRANSLATE_NOOP("record_range", "Second half of this school year"), second_half),
    (SINCE_A_DATE, None),
    (BETWEEN, None),
    (EVERYTHING, None),
)


class RangePicker(QObject):
    """The choice of days; ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, parent: QWidget, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.quick = QComboBox()
        self.quick.setAccessibleName(self.tr("Which days"))
        for label, _ in QUICK:
            self.quick.addItem(QCoreApplication.translate("record_range", label))
        year = school_year(self.today)
        self.since = date_edit(year.first, self.tr("From"))
        self.until = date_edit(self.today, self.tr("To"))
        self.quick.currentIndexChanged.connect(lambda *_: self._quick_chosen())
        for field in (self.since, self.until):
            field.dateChanged.connect(lambda *_: self.changed.emit())
        self._quick_chosen()

    def group(self) -> QGroupBox:
        box = QGroupBox(self.tr("&Which days"))
        form = QFormLayout(box)
        form.addRow(self.quick)
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("To"), self.until)
        box.setFocusProxy(self.quick)
        return box

    def span(self) -> DateRange:
        """The days chosen (raises UsageError if From is after To)."""
        label, _ = QUICK[max(self.quick.currentIndex(), 0)]  # the English, not the shown text
        if label == EVERYTHING:
            return DateRange()
        if label == SINCE_A_DATE:
            return DateRange(day_of(self.since), None)
        return DateRange(day_of(self.since), day_of(self.until))

    def words(self) -> str:
        """The choice for a file's name: '2026-08-01 to 2027-01-31', 'since …', 'all'."""
        span = self.span()
        if span.since and span.until:
            return self.tr("{since} to {until}").format(
                since=span.since.isoformat(), until=span.until.isoformat()
            )
        if span.since:
            return self.tr("since {since}").format(since=span.since.isoformat())
        return self.tr("all")

    def _quick_chosen(self) -> None:
        label, rule = QUICK[self.quick.currentIndex()]
        if rule is not None:
            span = rule(self.today)
            for field, day in ((self.since, span.first), (self.until, span.last)):
                field.blockSignals(True)  # one refresh for the pair, below
                field.setDate(qdate(day))
                field.blockSignals(False)
        self.since.setEnabled(label in (SINCE_A_DATE, BETWEEN))
        self.until.setEnabled(label == BETWEEN)
        self.changed.emit()
