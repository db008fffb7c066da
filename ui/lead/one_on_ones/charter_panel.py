"""The team's charter beside a 1:1: the qualities the team co-built (a strong Senior/Team Lead,
an effective coach, an effective team), the commitments made to get there, and the norms.

They are revisited in 1:1s, so they sit next to the notes, compact and collapsible, read from
the charter in force (the lead side reads the core, never the charter page).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from iltdesk.charter import QUALITY_FIELDS, current_charter, field_title
from iltdesk.models import CharterVersion
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext
from ui.kit.markdown_edit import markdown_html
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("charter_panel", "Our charter: qualities and norms")
# The qualities and commitments first (what a 1:1 revisits), then the norms.
SHOWN = (*QUALITY_FIELDS, "norms")
NOTHING_YET = QT_TRANSLATE_NOOP(
    "charter_panel", "The team has not written its charter yet (Reflect → ILT charter)."
)
NOTHING_ON_THIS = QT_TRANSLATE_NOOP(
    "charter_panel", "The charter in force says nothing yet about qualities, commitments or norms."
)


# A list's items sit a bullet's width in, not a page's 40 px: the column beside a 1:1 is narrow.
LIST_INDENT = ("margin-left: 0px; margin-right: 0px; -qt-list-indent: 1;", "margin-left: -24px;")
ITEM_GAP = (
    '<li style=" margin-top:6px; margin-bottom:6px;',
    '<li style=" margin-top:2px; margin-bottom:2px;',
)


def _compact(html: str) -> str:
    """The charter's text with lists drawn closer in and tighter, for a side column."""
    plain, close = LIST_INDENT
    html = html.replace(plain, plain.replace("margin-left: 0px; ", "") + " " + close)
    return html.replace(*ITEM_GAP)


def _text(text: str) -> QLabel:
    label = QLabel(_compact(markdown_html(text)))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setIndent(0)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CharterPanel(QFrame):
    """The charter's qualities, commitments and norms; the heading folds them away."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.labels: list[QLabel] = []
        self.toggle = QToolButton()
        self.toggle.setText(QCoreApplication.translate("charter_panel", TITLE))
        self.toggle.setAccessibleName(QCoreApplication.translate("charter_panel", TITLE))
        self.toggle.setToolTip(self.tr("Show or fold away the team's charter"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)  # kept in view: the team asked to revisit them in 1:1s
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # A heading that folds, not a pressed button: flat, underlined when it has the focus.
        self.toggle.setStyleSheet(
            "QToolButton { border: none; background: transparent; font-weight: 600; }"
            "QToolButton:focus { text-decoration: underline; }"
        )
        self.toggle.toggled.connect(self._fold)
        self.body = QWidget()
        self._parts = QVBoxLayout(self.body)
        self._parts.setContentsMargins(0, 0, 0, 0)  # flush with the prompts above it
        self._parts.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self._fold(True)
        context.changed.connect(self._on_changed)
        self.reload()

    def _fold(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)

    def _on_changed(self, change: Change) -> None:
        if change.about(RecordKind.CHARTER):
            self.reload()

    def reload(self) -> None:
        """Show the charter in force as it reads now."""
        while (item := self._parts.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone at once, not when the deletion comes round
                widget.deleteLater()
        self.labels = self._labels(current_charter(self.context.journal))
        for label in self.labels:
            self._parts.addWidget(label)

    @staticmethod
    def _labels(version: CharterVersion | None) -> list[QLabel]:
        if version is None:
            return [hint(QCoreApplication.translate("charter_panel", NOTHING_YET))]
        labels: list[QLabel] = []
        for name in SHOWN:
            text = getattr(version, name)
            if text.strip():
                title = QLabel(field_title(name))
                title.setObjectName("FieldLabel")
                title.setWordWrap(True)
                title.setContentsMargins(0, 6 if labels else 0, 0, 0)
                labels += [title, _text(text)]
        return labels or [hint(QCoreApplication.translate("charter_panel", NOTHING_ON_THIS))]

    def plain_text(self) -> str:
        """What the panel says, as text (for tests and copying)."""
        texts = []
        for label in self.labels:
            rich = label.textFormat() is Qt.TextFormat.RichText
            texts.append(
                QTextDocumentFragment.fromHtml(label.text()).toPlainText() if rich else label.text()
            )
        return "\n".join(texts)
