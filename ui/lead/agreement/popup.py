"""Reading an agreement: the reader the Agreement tab uses, and a small window for a 1:1."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.agreement import (
    TEXT_FIELDS,
    AgreementVersion,
    current,
    due_for_revisit,
    field_title,
)
from iltdesk.lead import get_lead
from iltdesk.models import ExpectationKind
from iltdesk.record_kinds import Change, RecordKind
from ui.kit.context import AppContext
from ui.kit.markdown_edit import markdown_html
from ui.kit.style import overdue_colour
from ui.kit.translation import QT_TRANSLATE_NOOP

KIND_NAMES = {
    ExpectationKind.non_negotiable: QT_TRANSLATE_NOOP("popup", "Non-negotiable"),
    ExpectationKind.adjustable: QT_TRANSLATE_NOOP("popup", "Adjustable to this person"),
}
KIND_HINTS = {
    ExpectationKind.non_negotiable: QT_TRANSLATE_NOOP(
        "popup", "These hold whatever the week looks like."
    ),
    ExpectationKind.adjustable: QT_TRANSLATE_NOOP(
        "popup", "Shaped around how this lead works best."
    ),
}
# A tinted panel with an accent rule sets the "why it changed" note apart without shouting.
# (Qt's style sheets ignore the "border-left: 3px solid palette(...)" shorthand.)
NOTE_STYLE = """
QLabel#AgreementNote { background: palette(base); border-style: solid;
    border-width: 0 0 0 3px; border-color: palette(highlight); padding: 8px 12px; }
"""


def revisit_words(revisit: date, today: date) -> str:
    """'Revisit on 12 May 2027 · in 4 days' (or 'today', or '3 days ago')."""
    days = (revisit - today).days
    if days == 0:
        words = QCoreApplication.translate("popup", "Revisit on {day} · today")
    elif days == 1:
        words = QCoreApplication.translate("popup", "Revisit on {day} · tomorrow")
    elif days == -1:
        words = QCoreApplication.translate("popup", "Revisit on {day} · yesterday")
    elif days > 0:
        words = QCoreApplication.translate("popup", "Revisit on {day} · in {days} days")
    else:
        words = QCoreApplication.translate("popup", "Revisit on {day} · {days} days ago")
    return words.format(day=dates.short(revisit), days=abs(days))


def _label(text: str, name: str = "", *, markdown: bool = False) -> QLabel:
    label = QLabel(markdown_html(text) if markdown else text)
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setIndent(0)  # styled labels otherwise indent by half an "x" and lose the left edge
    label.setTextFormat(Qt.TextFormat.RichText if markdown else Qt.TextFormat.AutoText)
    # Selectable so a phrase can be copied into a message to the lead.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AgreementReader(QScrollArea):
    """One version, laid out to be read: dates, why it changed, approaches, expectations."""

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Coaching agreement"))
        self.compact = compact  # one column, no history: for a glance during a 1:1
        self.revisit_due = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body: QWidget | None = None

    def set_version(
        self, version: AgreementVersion, today: date, replaced_by: AgreementVersion | None = None
    ) -> None:
        """Show ``version``; only the one in force (not ``replaced_by`` another) can be due."""
        body = QWidget()
        body.setStyleSheet(NOTE_STYLE)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 4, 8, 12)
        outer.setSpacing(6)
        outer.addWidget(self._dates(version, replaced_by, today))
        note = version.agreement.revision_note
        if note and not self.compact:
            outer.addWidget(_label(self.tr("Why it changed"), "SectionTitle"))
            outer.addWidget(_label(note, "AgreementNote", markdown=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(0)
        approaches, expectations = self._approaches(version), self._expectations(version)
        if not self.compact:
            grid.addLayout(approaches, 0, 0)
            grid.addLayout(expectations, 0, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        else:
            grid.addLayout(approaches, 0, 0)
            grid.addLayout(expectations, 1, 0)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.setWidget(body)  # the scroll area deletes the previous body
        self._body = body

    def _dates(
        self, version: AgreementVersion, replaced_by: AgreementVersion | None, today: date
    ) -> QLabel:
        agreement = version.agreement
        parts = [self.tr("Agreed on {day}").format(day=dates.short(agreement.agreed_on))]
        self.revisit_due = replaced_by is None and due_for_revisit(version, today)
        if replaced_by is not None:
            # An old version's revisit date no longer matters; when it stopped applying does.
            newer = replaced_by.agreement
            parts.append(
                self.tr("replaced on {day} by version {version}").format(
                    day=dates.short(newer.agreed_on), version=newer.version
                )
            )
        elif agreement.revisit_on is not None:
            words = escape(revisit_words(agreement.revisit_on, today))
            if self.revisit_due:
                colour = overdue_colour()
                words = f"<span style='color:{colour}; font-weight:600'>{words}</span>"
            parts.append(words)
        else:
            parts.append(self.tr("no revisit date set"))
        label = _label("&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))
        label.setTextFormat(Qt.TextFormat.RichText)
        self.dates_label = label
        return label

    @staticmethod
    def _approaches(version: AgreementVersion) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)
        for name in TEXT_FIELDS:
            column.addWidget(_label(field_title(name), "SectionTitle"))
            text = getattr(version.agreement, name)
            column.addWidget(
                _label(text, markdown=True)
                if text
                else _label(
                    QCoreApplication.translate("AgreementReader", "Not written down."), "Hint"
                )
            )
        column.addStretch(1)
        return column

    @staticmethod
    def _expectations(version: AgreementVersion) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(
            _label(QCoreApplication.translate("AgreementReader", "Expectations"), "SectionTitle")
        )
        if not version.expectations:
            none = QCoreApplication.translate(
                "AgreementReader", "None written down in this version."
            )
            column.addWidget(_label(none, "Hint"))
        for kind in (ExpectationKind.non_negotiable, ExpectationKind.adjustable):
            texts = [e.text for e in version.expectations if e.kind is kind]
            if not texts:
                continue
            name = QCoreApplication.translate("popup", KIND_NAMES[kind])
            heading = _label(f"<b>{name}</b>&nbsp;&nbsp;{len(texts)}")
            heading.setContentsMargins(0, 6, 0, 0)
            column.addWidget(heading)
            column.addWidget(_label(QCoreApplication.translate("popup", KIND_HINTS[kind]), "Hint"))
            column.addWidget(_bullets(texts))
        column.addStretch(1)
        return column

    def plain_text(self) -> str:
        """Everything shown, as text (for tests and copying)."""
        if self._body is None:
            return ""
        return "\n".join(_shown(label) for label in self._body.findChildren(QLabel))


def _shown(label: QLabel) -> str:
    """A label's text as read (a note's rich text without its markup)."""
    if label.textFormat() is Qt.TextFormat.RichText:
        return QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    return label.text()


def _bullets(texts: list[str]) -> QWidget:
    """Bulleted lines with a hanging indent, so wrapped text lines up under itself."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(4, 2, 0, 4)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(6)
    for row, text in enumerate(texts):
        dot = QLabel("•")
        grid.addWidget(dot, row, 0, Qt.AlignmentFlag.AlignTop)
        label = _label(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(label, row, 1)
    grid.setColumnStretch(1, 1)
    return box


class AgreementPopup(QDialog):
    """A small, non-modal window that keeps the current agreement in view during a 1:1."""

    def __init__(self, context: AppContext, lead_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.lead_id = context, lead_id
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(460, 620)
        self.title = _label("", "PageTitle")
        self.subtitle = _label("", "PageSubtitle")
        self.reader = AgreementReader(compact=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 12, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addWidget(self.reader, 1)
        layout.addWidget(buttons)
        context.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        """Show the agreement as it is now."""
        name = get_lead(self.context.journal, self.lead_id).name
        self.setWindowTitle(self.tr("Agreement with {name} — iltdesk").format(name=name))
        version = current(self.context.journal, self.lead_id)
        self.title.setText(name)
        self.reader.setVisible(version is not None)
        if version is None:
            self.subtitle.setText(self.tr("No agreement yet. Write one from the Agreement tab."))
            return
        self.subtitle.setText(
            self.tr("Coaching agreement · version {version}").format(
                version=version.agreement.version
            )
        )
        self.reader.set_version(version, date.today())

    def _on_changed(self, change: Change) -> None:
        if change.about(RecordKind.AGREEMENT, RecordKind.LEAD):
            self.reload()


def show_current_agreement(
    context: AppContext, lead_id: int, parent: QWidget | None = None
) -> QDialog:
    """Open the current agreement beside whatever is on screen; it stays until closed."""
    popup = AgreementPopup(context, lead_id, parent)
    popup.show()
    return popup
