"""The rows of a team's page: observations of its lead at work and the times the principal
stepped in, each as a bold first line over muted detail, opened with Enter."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

from iltdesk import dates
from iltdesk.models import Observation, TeamIntervention
from iltdesk.observation import setting_title
from iltdesk.report.markdown import plain_text
from iltdesk.teacher_team import intervention_words
from ui.kit.list_detail import FittedList
from ui.kit.rich_delegate import MUTED, HtmlRoleDelegate

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    label.setIndent(0)
    return label


def observation_text(observation: Observation, lead_names: dict[int, str]) -> str:
    """An observation as a row: when, whom, where, and the start of what was seen."""
    who = lead_names.get(observation.lead_id, QCoreApplication.translate("rows", "a lead"))
    # The words as they read, not the Markdown's list signs ("- 0:03 M: …").
    seen = " ".join(plain_text(observation.evidence or observation.feedback).split())
    seen = seen if len(seen) <= 110 else seen[:108].rstrip() + "…"
    setting = setting_title(observation.setting)
    seen = seen or QCoreApplication.translate("rows", "(no notes)")
    return f"{dates.short(observation.observed_on)} · {who} · {setting}\n{seen}"


def intervention_text(row: TeamIntervention) -> str:
    """An intervention as a row: when and how, what, why, and what followed."""
    lines = [f"{dates.short(row.happened_on)} · {intervention_words(row.kind)}"]
    for label, text in (
        (QCoreApplication.translate("rows", "Did: {text}"), row.what),
        (QCoreApplication.translate("rows", "Why: {text}"), row.why),
        (QCoreApplication.translate("rows", "Followed: {text}"), row.what_followed),
    ):
        if text.strip():
            lines.append(label.format(text=" ".join(text.split())))
    if not row.what_followed.strip():
        lines.append(
            QCoreApplication.translate("rows", "What followed: not noted yet (Enter to add it)")
        )
    return "\n".join(lines)


def row_html(text: str) -> str:
    """A row's text as the list draws it: its first line in bold, the rest muted below, so
    each line wraps at the list's width and the list measures the row whole."""
    first, *rest = text.split("\n")
    detail = "<br>".join(escape(line) for line in rest)
    title = f"<div style='font-weight:600'>{escape(first)}</div>"
    return title + (f"<div style='color:{MUTED}'>{detail}</div>" if detail else "")


class RecordList(FittedList):
    """A list of records where Enter (or a double click) opens the one selected."""

    opened = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, name: str) -> None:
        super().__init__(max_rows=6)
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setItemDelegate(HtmlRoleDelegate(self))
        self.itemActivated.connect(lambda item: self.opened.emit(int(item.data(RECORD_ROLE))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.opened.emit(int(self.currentItem().data(RECORD_ROLE)))
            return
        if event.key() == Qt.Key.Key_Delete and self.currentItem():
            self.delete_requested.emit(int(self.currentItem().data(RECORD_ROLE)))
            return
        super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:
        # The page scrolls as a whole: the list keeps its rows' height (up to six) rather
        # than shrinking to a sliver with a scroll bar of its own inside a scrolling page.
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())
