"""The form for a learning event: a PD session, the tool-sharing gathering, or office hours."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from iltdesk.charter_scope import focus_title
from iltdesk.models import FocusKind, LearningKind
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.team_learning import (
    LEARNING_TITLES,
    Event,
    add_event,
    learning_title,
    update_event,
)
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import LineBox, date_edit, day_of, qdate
from ui.kit.style import error_line, field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.kit.unsaved import GuardedDialog, typed_texts
from ui.kit.writing import write_or_say
from ui.team.overview.members import MemberTable, roster

KIND_HINTS = {
    LearningKind.pd_session: QT_TRANSLATE_NOOP(
        "event_dialog", "A short, optional session a member (or a guest) leads."
    ),
    LearningKind.gathering: QT_TRANSLATE_NOOP(
        "event_dialog",
        "Once a quarter members walk the team through their most useful "
        "tools: note what each brought.",
    ),
    LearningKind.office_hours: QT_TRANSLATE_NOOP(
        "event_dialog", "Your open door: note who came, and about what."
    ),
}
MEMBERS_LABEL = QT_TRANSLATE_NOOP(
    "event_dialog", "Who led and who came (Space: came, led, not there; F2: what they brought)"
)
NOT_CHOSEN = QT_TRANSLATE_NOOP(
    "event_dialog", "Not chosen (a PD session or gathering counts as professional learning)"
)


class LearningEventDialog(GuardedDialog):
    """Add a learning event, or correct ``event``."""

    def __init__(
        self, context: AppContext, event: Event | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.learning = context, event
        self.saved: int | None = None
        self.setWindowTitle(
            self.tr("Edit a learning event — iltdesk")
            if event
            else self.tr("A learning event — iltdesk")
        )
        self.setMinimumWidth(640)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What kind of learning"))
        for kind in LEARNING_TITLES:
            title = learning_title(kind)
            self.kind.addItem(title, kind.value)
        self.held_on = date_edit(date.today(), self.tr("Held on"))
        self.topic = LineBox(self.tr("What it was about, e.g. writing a dated reteach plan"))
        self.topic.setObjectName("Topic")
        self.members = MemberTable()
        self.led_by = LineBox(self.tr("Someone from outside the team who led it, if anyone"))
        self.led_by.setObjectName("LedBy")
        self.goal = LineBox(self.tr("The charter goal or the period's focus it served"))
        self.goal.setObjectName("Goal")
        self.strand = QComboBox()
        self.strand.setAccessibleName(self.tr("Strand it counts toward"))
        self.strand.addItem(QCoreApplication.translate("event_dialog", NOT_CHOSEN), "")
        for strand in FocusKind:
            self.strand.addItem(focus_title(strand), strand.value)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("Notes")
        self.notes.setPlaceholderText(self.tr("What members took away; what to try next time"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.about = hint()
        self.error = error_line()
        self.buttons = self.save_buttons(self.tr("Save"), self.save)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._fill()
        self._lay_out()
        self._kind_changed()
        self.kind.setFocus()
        self.mark_clean()
        place = f"learning_event:{event.id}" if event else "learning_event:new"
        self.keep_drafts("learning_event", place, context)

    def _fill(self) -> None:
        event = self.learning
        keep = [m.lead_id for m in event.members] if event else []
        self.members.fill(roster(self.context.journal, keep), event.members if event else ())
        if event is None:
            return
        record = event.record
        self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
        self.held_on.setDate(qdate(record.held_on))
        self.topic.set_text(record.topic)
        self.led_by.set_text(record.led_by)
        self.goal.set_text(record.goal)
        self.strand.setCurrentIndex(max(self.strand.findData(record.strand), 0))
        self.notes.setPlainText(record.notes)

    def _lay_out(self) -> None:
        top = QGridLayout()
        top.setHorizontalSpacing(14)
        top.addWidget(field_label(self.tr("What kind"), self.kind), 0, 0)
        top.addWidget(field_label(self.tr("Held on"), self.held_on), 0, 1)
        top.addWidget(self.kind, 1, 0)
        top.addWidget(self.held_on, 1, 1)
        top.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.about)
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Topic"), self.topic),
            (QCoreApplication.translate("event_dialog", MEMBERS_LABEL), self.members),
            (self.tr("Led by someone from outside"), self.led_by),
            (self.tr("The goal it served"), self.goal),
            (self.tr("Strand it counts toward"), self.strand),
            (self.tr("Notes"), self.notes),
        )
        for label, widget in rows:
            layout.addSpacing(4)
            layout.addWidget(field_label(label, widget))
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _kind_changed(self) -> None:
        kind = LearningKind(self.kind.currentData())
        self.about.setText(QCoreApplication.translate("event_dialog", KIND_HINTS[kind]))

    def unsaved_state(self) -> Hashable:
        """The members' parts and the choices count too."""
        return (
            typed_texts(self),
            self.members.parts(),
            self.kind.currentIndex(),
            self.strand.currentIndex(),
        )

    def save(self) -> None:
        """Keep the event and close, or say why not and keep everything typed."""
        journal, event_id = self.context.journal, self.learning.id if self.learning else None
        kind, held_on = LearningKind(self.kind.currentData()), day_of(self.held_on)
        topic, led_by, goal = self.topic.text(), self.led_by.text(), self.goal.text()
        strand, notes = str(self.strand.currentData()), self.notes.toPlainText()
        members = self.members.members()

        def write() -> int:
            if event_id is None:
                row = add_event(
                    journal, kind, held_on=held_on, topic=topic, led_by=led_by, goal=goal,
                    strand=strand, notes=notes, members=members,
                )  # fmt: skip
            else:
                row = update_event(
                    journal, event_id, kind=kind, held_on=held_on, topic=topic, led_by=led_by,
                    goal=goal, strand=strand, notes=notes, members=members,
                )  # fmt: skip
            return row.id or 0

        saved = write_or_say(self.context, write, Change(RecordKind.LEARNING_EVENT), self.error)
        if isinstance(saved, NotWritten):
            return
        self.saved = saved
        self.accept()
