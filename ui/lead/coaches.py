"""Who else coaches a lead (a veteran lead on the ILT, or an outside partner): the list on the
lead's overview and the dialog that adds or corrects one."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.coach import (
    COACH_TITLES,
    coach_name,
    coach_title,
    coaches_of,
    end_coach,
    ended,
    save_coach,
)
from iltdesk.lead import lead_summaries
from iltdesk.models import CoachKind, LeadCoach
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.list_detail import FittedList
from ui.kit.rich_delegate import HtmlRoleDelegate, two_lines
from ui.kit.roles import HTML, RECORD_ID
from ui.kit.style import hint, restyle
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say


def coach_html(context: AppContext, coach: LeadCoach) -> str:
    """A coach as rich text: who, then what kind ("a veteran lead on the ILT"), the focus, and
    since and until when."""
    kind = coach_title(coach.kind)
    parts = [kind[:1].lower() + kind[1:], coach.focus]
    if coach.since:
        since = QCoreApplication.translate("coaches", "since {day}")
        parts.append(since.format(day=dates.short(coach.since)))
    if coach.until:
        until = (
            QCoreApplication.translate("coaches", "ended {day}")
            if ended(coach)
            else QCoreApplication.translate("coaches", "until {day}")
        )
        parts.append(until.format(day=dates.short(coach.until)))
    detail = " · ".join(filter(None, parts))
    return two_lines(coach_name(context.journal, coach), detail, muted_title=ended(coach))


class CoachRows(FittedList):
    """The coaches' list: however short the window, it keeps room for one whole coach (a
    veteran's row wraps to three lines at 1024 px and was cut in half)."""

    def minimumSizeHint(self) -> QSize:
        one = self.sizeHintForRow(0) if self.count() else 0
        height = max(self.min_height, one + 2 * self.frameWidth() + 2)
        return QSize(super().minimumSizeHint().width(), height)


class CoachList(QWidget):
    """Also coached by: a veteran lead or an outside partner; Enter edits, End coaching ends."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.lead_id: int | None = None
        self.coaches: dict[int, LeadCoach] = {}
        title = QLabel(self.tr("Also coached by"))
        title.setObjectName("SectionTitle")
        self.list = CoachRows(max_rows=4, min_height=48)
        self.list.setAccessibleName(title.text())
        self.list.setItemDelegate(HtmlRoleDelegate(self.list))
        self.list.itemActivated.connect(lambda *_: self.edit())
        self.list.currentItemChanged.connect(lambda *_: self._update_end())
        self.add_button = QPushButton(self.tr("Add a coach…"))
        self.add_button.clicked.connect(lambda: self._open(None))
        self.end_button = QPushButton(self.tr("End coaching"))
        self.end_button.clicked.connect(self.end)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, self.list):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def show_lead(self, lead_id: int) -> None:
        self.lead_id = lead_id
        self.list.clear()
        found = coaches_of(self.context.journal, lead_id)
        self.coaches = {c.id or 0: c for c in found}
        for coach in found:
            item = QListWidgetItem(coach_name(self.context.journal, coach))
            item.setData(HTML, coach_html(self.context, coach))
            item.setData(RECORD_ID, coach.id)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self._update_end()

    def _update_end(self) -> None:
        coach = self._current()  # only a coaching still going on can end
        self.end_button.setEnabled(coach is not None and not ended(coach))

    def _current(self) -> LeadCoach | None:
        item = self.list.currentItem()
        return None if item is None else self.coaches.get(int(item.data(RECORD_ID)))

    def edit(self) -> None:
        """Correct the selected coach."""
        if (coach := self._current()) is not None:
            self._open(coach)

    def _open(self, coach: LeadCoach | None) -> None:
        if self.lead_id is not None and CoachDialog(self.context, self.lead_id, coach, self).exec():
            self.show_lead(self.lead_id)

    def end(self) -> None:
        """The selected coaching ends today (it stays on record, greyed)."""
        coach, lead_id = self._current(), self.lead_id
        if coach is None or lead_id is None or ended(coach):
            return
        journal, coach_id = self.context.journal, coach.id or 0
        done = self.context.write(
            lambda: end_coach(journal, coach_id), Change(RecordKind.LEAD_COACH, lead_id)
        )
        if not isinstance(done, NotWritten):
            self.show_lead(lead_id)


class CoachDialog(GuardedDialog):
    """Who else coaches a lead: a veteran lead on the ILT, or a partner named in words."""

    def __init__(
        self, context: AppContext, lead_id: int, coach: LeadCoach | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.context, self.lead_id, self.coach = context, lead_id, coach
        self.setWindowTitle(
            self.tr("Edit a coach — iltdesk") if coach else self.tr("Add a coach — iltdesk")
        )
        self.setMinimumWidth(520)
        self.kind = QComboBox()
        for kind in COACH_TITLES:
            self.kind.addItem(coach_title(kind), kind.value)
        self.veteran = QComboBox()
        for lead in lead_summaries(context.journal):
            if lead.id != lead_id:  # a lead is not their own coach
                self.veteran.addItem(lead.name, lead.id)
        self.name = LineBox(self.tr("A person, or a partner organisation and who from it"))
        self.focus_box = LineBox(self.tr("What they work on together"))
        self.since = date_edit(date.today(), self.tr("Since"))
        self.ended = QCheckBox(self.tr("The coaching has ended"))
        self.until = date_edit(date.today(), self.tr("Until"))
        self.error = hint()
        restyle(self.error, "ErrorText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        save.setObjectName("Primary")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        for label, widget in (
            (self.tr("Who"), self.kind),
            (self.tr("Veteran lead"), self.veteran),
            (self.tr("Name"), self.name),
            (self.tr("Focus"), self.focus_box),
            (self.tr("Since"), self.since),
            ("", self.ended),
            (self.tr("Until"), self.until),
        ):
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)  # the app's dialog margins
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill()
        self.kind.currentIndexChanged.connect(self._show_parts)
        self.ended.toggled.connect(self._show_parts)
        self._show_parts()
        self.kind.setFocus()
        self.mark_clean()
        self.keep_drafts("lead_coach", f"lead_coach:{coach.id}" if coach else f"lead:{lead_id}")

    def _fill(self) -> None:
        if self.coach is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(self.coach.kind.value))
        self.veteran.setCurrentIndex(max(self.veteran.findData(self.coach.coach_lead_id), 0))
        self.name.set_text(self.coach.name)
        self.focus_box.set_text(self.coach.focus)
        self.since.setDate(qdate(self.coach.since or date.today()))
        self.ended.setChecked(self.coach.until is not None)
        self.until.setDate(qdate(self.coach.until or date.today()))

    def _show_parts(self) -> None:
        veteran = CoachKind(self.kind.currentData()) is CoachKind.veteran_lead
        self.form.setRowVisible(self.veteran, veteran)
        self.form.setRowVisible(self.name, not veteran)
        self.form.setRowVisible(self.until, self.ended.isChecked())

    def unsaved_state(self) -> Hashable:
        choices = (self.kind.currentIndex(), self.veteran.currentIndex(), self.ended.isChecked())
        return typed_texts(self), choices

    def save(self) -> None:
        """Keep the coach and close, or say why not and keep the form."""
        kind, lead_id = CoachKind(self.kind.currentData()), self.lead_id
        write = partial(
            save_coach,
            self.context.journal,
            lead_id,
            self.coach.id if self.coach else None,
            kind=kind,
            coach_lead_id=self.veteran.currentData() if kind is CoachKind.veteran_lead else None,
            name=self.name.text(),
            focus=self.focus_box.text(),
            since=day_of(self.since),
            until=day_of(self.until) if self.ended.isChecked() else None,
        )
        change = Change(RecordKind.LEAD_COACH, lead_id)
        if not isinstance(write_or_say(self.context, write, change, self.error), NotWritten):
            self.accept()
