"""The form for joint practice; for a calibration, the indicator normed on and the ratings of
the shared evidence before and after norming, drawn as they are typed."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.charter import current_charter
from iltdesk.errors import UsageError
from iltdesk.models import PracticeKind
from iltdesk.practice import (
    PRACTICE_TITLES,
    Calibration,
    Practice,
    add_practice,
    parse_ratings,
    practice_title,
    set_ratings,
    update_practice,
)
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.style import error_line, field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.team.overview.charts import SpreadChart
from ui.team.overview.members import LeadChecklist, roster

RATINGS_HINT = QT_TRANSLATE_NOOP(
    "practice_dialog", "Each rating of the shared evidence, 1 to 4, apart by spaces: 2 3 3 4"
)


class JointPracticeDialog(GuardedDialog):
    """Add joint practice, or correct ``practice`` (with its ratings, for a calibration)."""

    def __init__(
        self,
        context: AppContext,
        practice: Practice | None = None,
        ratings: Calibration | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.practice = context, practice
        self.saved: int | None = None
        self.setWindowTitle(
            self.tr("Edit joint practice — iltdesk")
            if practice
            else self.tr("Joint practice — iltdesk")
        )
        self.setMinimumWidth(620)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What the leads did together"))
        for kind in PRACTICE_TITLES:
            self.kind.addItem(practice_title(kind), kind.value)
        self.happened_on = date_edit(date.today(), self.tr("When"))
        self.focus_box = LineBox(self.tr("What they looked at or worked on"))
        self.focus_box.setObjectName("Focus")
        self.indicator = LineBox(self.tr("The teacher-rubric indicator normed on"))
        self.indicator.setObjectName("Indicator")
        self.leads = LeadChecklist(self.tr("Leads who took part"))
        self.before = QLineEdit()
        self.before.setObjectName("Before")
        self.before.setAccessibleName(self.tr("Ratings before norming"))
        self.before.setPlaceholderText(QCoreApplication.translate("practice_dialog", RATINGS_HINT))
        self.after = QLineEdit()
        self.after.setObjectName("After")
        self.after.setAccessibleName(self.tr("Ratings after norming"))
        self.after.setPlaceholderText(QCoreApplication.translate("practice_dialog", RATINGS_HINT))
        self.chart = SpreadChart()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("Notes")
        self.notes.setPlaceholderText(self.tr("What they noticed, agreed, or will try"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.error = error_line()
        self.buttons = self.save_buttons(self.tr("Save"), self.save)
        self._fill(ratings)
        self._lay_out()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box in (self.before, self.after):
            box.textChanged.connect(self._draw)
        self._kind_changed()
        self._draw()
        self.kind.setFocus()
        self.mark_clean()
        place = f"joint_practice:{practice.id}" if practice else "joint_practice:new"
        self.keep_drafts("joint_practice", place, context)

    def _fill(self, ratings: Calibration | None) -> None:
        practice = self.practice
        keep = practice.lead_ids if practice else ()
        self.leads.fill(roster(self.context.journal, keep), keep)
        if practice is None:
            return
        record = practice.record
        self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
        self.happened_on.setDate(qdate(record.happened_on))
        self.focus_box.set_text(record.focus)
        self.indicator.set_text(record.indicator)
        self.notes.setPlainText(record.notes)
        if ratings is not None:
            self.before.setText(" ".join(map(str, ratings.before)))
            self.after.setText(" ".join(map(str, ratings.after)))

    def _lay_out(self) -> None:
        top = QGridLayout()
        top.setHorizontalSpacing(14)
        top.addWidget(field_label(self.tr("What the leads did together"), self.kind), 0, 0)
        top.addWidget(field_label(self.tr("When"), self.happened_on), 0, 1)
        top.addWidget(self.kind, 1, 0)
        top.addWidget(self.happened_on, 1, 1)
        top.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addLayout(top)
        self.calibration_parts: list[QWidget] = []
        rows: tuple[tuple[str, QWidget, bool], ...] = (
            (self.tr("Focus"), self.focus_box, False),
            (self.tr("Indicator (the ILT's theme unless you change it)"), self.indicator, True),
            (self.tr("Leads who took part (Space ticks)"), self.leads, False),
            (self.tr("Ratings before norming"), self.before, True),
            (self.tr("Ratings after norming"), self.after, True),
        )
        for text, widget, calibration_only in rows:
            label = field_label(text, widget)
            layout.addSpacing(4)
            layout.addWidget(label)
            layout.addWidget(widget)
            if calibration_only:
                self.calibration_parts += [label, widget]
        self.chart_hint = hint(self.tr("How far the ratings lie apart, and how many agree:"))
        self.calibration_parts += [self.chart_hint, self.chart]
        layout.addWidget(self.chart_hint)
        layout.addWidget(self.chart)
        layout.addSpacing(4)
        layout.addWidget(field_label(self.tr("Notes"), self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _is_calibration(self) -> bool:
        return PracticeKind(self.kind.currentData()) is PracticeKind.calibration

    def _kind_changed(self) -> None:
        calibrating = self._is_calibration()
        for widget in self.calibration_parts:
            widget.setVisible(calibrating)
        if calibrating and not self.indicator.text():
            charter = current_charter(self.context.journal)
            self.indicator.set_text(charter.theme if charter else "")
        self.adjustSize()

    def _draw(self) -> None:
        def levels(box: QLineEdit) -> tuple[int, ...]:
            try:
                return tuple(parse_ratings(box.text()))
            except UsageError:
                return ()  # half typed: drawn once it reads

        self.chart.set_ratings(levels(self.before), levels(self.after))

    def unsaved_state(self) -> Hashable:
        """The leads ticked and the kind chosen count too."""
        return typed_texts(self), tuple(self.leads.chosen()), self.kind.currentIndex()

    def save(self) -> None:
        """Keep the practice (and a calibration's ratings) and close, or say why not."""
        journal, practice_id = self.context.journal, self.practice.id if self.practice else None
        kind, happened_on = PracticeKind(self.kind.currentData()), day_of(self.happened_on)
        focus, notes, lead_ids = (
            self.focus_box.text(),
            self.notes.toPlainText(),
            self.leads.chosen(),
        )
        calibrating = kind is PracticeKind.calibration
        indicator = self.indicator.text() if calibrating else ""
        before_text, after_text = self.before.text(), self.after.text()

        def write() -> int:
            # Read first: a mistyped rating refuses the whole form before anything is written.
            before = parse_ratings(before_text) if calibrating else []
            after = parse_ratings(after_text) if calibrating else []
            if practice_id is None:
                row = add_practice(
                    journal, kind, happened_on=happened_on, focus=focus, indicator=indicator,
                    lead_ids=lead_ids, notes=notes,
                )  # fmt: skip
            else:
                row = update_practice(
                    journal, practice_id, kind=kind, happened_on=happened_on, focus=focus,
                    indicator=indicator, lead_ids=lead_ids, notes=notes,
                )  # fmt: skip
            set_ratings(journal, row.id or 0, before=before, after=after)
            return row.id or 0

        saved = write_or_say(self.context, write, Change(RecordKind.JOINT_PRACTICE), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
