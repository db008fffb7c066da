"""The ILT charter: why the team exists, how it works, its year's plan, each meeting's feedback."""

from __future__ import annotations

from PySide6.QtCore import QSizeF, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk.charter import charter, save_charter
from iltdesk.record_kinds import RecordKind
from iltdesk.records import Location
from ui.kit import theme
from ui.kit.context import AppContext, Autosaver
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import accent, accent_text, field_label, hint
from ui.reflect.charter.meeting_feedback import FeedbackLog
from ui.reflect.charter.scope_section import ScopeSection

# (field, label, placeholder) for each part of the written charter.
PURPOSE_FIELDS = (
    ("purpose", "Purpose", "Why the team exists and what it decides together"),
    ("vision_link", "How it serves the school vision", "The vision in a line, and the team's part"),
    ("goals", "Goals for the year", "Two to four goals the team can check itself against"),
)
NORMS_FIELDS = (("norms", "", "How we work together, and what each of us commits to"),)
MEMBER_FIELDS = (("member_qualities", "", "What you look for when you invite someone to join"),)
MIN_LINES, MAX_HEIGHT = 3, 420


def charter_style() -> str:
    """Cards, the last meeting's prominence, the balance hint and the strand-free headings."""
    notice = [theme.colour(f"notice_{part}") for part in ("bg", "edge", "text")]
    plus, delta = theme.colour("plus_text"), theme.colour("delta_text")
    latest_bg = theme.colour("feedback_latest_bg")
    return f"""
    QFrame#Card, QFrame#FeedbackCard {{ background: palette(base);
                      border: 1px solid palette(mid); border-radius: 8px; }}
    QFrame#FeedbackCard {{ background: palette(window); }}
    QFrame#FeedbackCard[latest="true"] {{ background: {latest_bg};
                      border: 2px solid {accent()}; }}
    QFrame#FeedbackCard[current="true"] {{ border: 2px solid {accent()}; }}
    QLabel#Kicker {{ color: {accent_text()}; font-weight: 700; font-size: 11px;
                     letter-spacing: 1px; text-transform: uppercase; }}
    QLabel#LatestTitle {{ font-size: 16px; font-weight: 600; }}
    QLabel#FeedbackText {{ font-size: 14px; }}
    QLabel#PlusTitle {{ color: {plus}; font-weight: 700; }}
    QLabel#DeltaTitle {{ color: {delta}; font-weight: 700; }}
    QLabel#FieldLabel {{ font-weight: 600; }}
    QLabel#BalanceHint {{ background: {notice[0]}; border: 1px solid {notice[1]};
                          color: {notice[2]}; border-radius: 6px; padding: 8px 12px; }}
    QPushButton#JumpLink {{ border: none; background: transparent; padding: 2px 0;
                            color: {accent_text()}; }}
    QPushButton#JumpLink:hover {{ text-decoration: underline; }}
    """


def grow_with_text(edit: MarkdownEdit) -> None:
    """Let an editor grow with what is written, so the page scrolls rather than each box."""

    def fit(size: QSizeF) -> None:
        lines = edit.fontMetrics().lineSpacing() * MIN_LINES
        height = max(int(size.height()), lines) + 2 * edit.frameWidth() + 8
        edit.setFixedHeight(min(height, MAX_HEIGHT))

    edit.document().documentLayout().documentSizeChanged.connect(fit)
    fit(QSizeF(0, 0))


class CharterPage(QWidget):
    """The whole charter on one scrolling page; written parts save themselves as you type."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        theme.live_style(self, charter_style)
        self.editors: dict[str, MarkdownEdit] = {}
        self.autosaver = Autosaver(context, self._save, self)
        self.purpose_card = self._text_card(
            "Purpose and goals",
            "Why the team exists and what it aims for this year, tied to the school vision.",
            PURPOSE_FIELDS,
        )
        self.norms_card = self._text_card(
            "Norms and commitments", "How the team works together.", NORMS_FIELDS
        )
        self.members_card = self._text_card(
            "What makes a strong member", "The qualities you look for in a member.", MEMBER_FIELDS
        )
        self.scope = ScopeSection(context)
        self.feedback = FeedbackLog(context)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        title = QLabel("ILT charter")
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            "What the team is for and how it works, the year's plan, and what each meeting "
            "taught you."
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        pair = QHBoxLayout()
        pair.setSpacing(14)
        pair.addWidget(self.norms_card, 1)
        pair.addWidget(self.members_card, 1)
        self.column = QWidget()
        cards = QVBoxLayout(self.column)
        cards.setContentsMargins(24, 4, 24, 28)
        cards.setSpacing(14)
        cards.addWidget(self.purpose_card)
        cards.addLayout(pair)
        cards.addWidget(self.scope)
        cards.addWidget(self.feedback)
        cards.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName("The charter")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self.column)
        header = QVBoxLayout()
        header.setContentsMargins(24, 20, 24, 10)
        header.setSpacing(4)
        header.addWidget(title)
        header.addWidget(subtitle)
        header.addSpacing(6)
        header.addLayout(self._jump_links())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.scroller, 1)

    def _jump_links(self) -> QHBoxLayout:
        """Links to each section: the page is long once the year fills up."""
        jumps = QHBoxLayout()
        jumps.setSpacing(18)
        for text, target in (
            ("Purpose and goals", self.purpose_card),
            ("Norms", self.norms_card),
            ("Strong members", self.members_card),
            ("Scope and sequence", self.scope),
            ("Meeting feedback", self.feedback),
        ):
            link = QPushButton(text)
            link.setObjectName("JumpLink")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _=False, t=target: self.scroll_to(t))
            jumps.addWidget(link)
        jumps.addStretch(1)
        return jumps

    def _text_card(
        self, title: str, about: str, fields: tuple[tuple[str, str, str], ...]
    ) -> QFrame:
        card = QFrame()
        card.setObjectName("Card")
        heading = QLabel(title)
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("margin-top: 0")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(hint(about))
        for name, label, placeholder in fields:
            layout.addSpacing(8)
            if label:
                layout.addWidget(field_label(label))
            edit = MarkdownEdit(placeholder=placeholder)
            edit.setAccessibleName(label or title)
            edit.edited.connect(self.autosaver.touch)
            edit.focus_left.connect(self.autosaver.flush)
            grow_with_text(edit)
            self.editors[name] = edit
            layout.addWidget(edit)
        layout.addStretch(1)  # side-by-side cards keep their editors at the top
        return card

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything, saving anything typed first (nothing is reloaded over it)."""
        if not self.autosaver.flush():
            return
        found = charter(self.context.journal)
        for name, edit in self.editors.items():
            edit.set_markdown(getattr(found, name))
        self.scope.refresh()
        self.feedback.refresh()

    def open(self, where: Location) -> bool:
        """Show the charter, a period of its plan or a meeting's feedback."""
        self.select(where.kind, where.record_id)
        return True  # the charter itself is shown when the record is not found

    def select(self, kind: RecordKind, record_id: int) -> None:
        """Show a record: the charter, a scope item or a meeting's feedback."""
        if kind == RecordKind.SCOPE_ITEM and self.scope.select(record_id):
            self.scroll_to(self.scope)
        elif kind == RecordKind.MEETING_FEEDBACK and (card := self.feedback.select(record_id)):
            # The last meeting sits under the section's heading and its add button: show both.
            self.scroll_to(self.feedback if card.latest else card)
        else:
            self.scroll_to(self.purpose_card)

    def scroll_to(self, widget: QWidget) -> None:
        """Bring a section (or a card inside one) to the top of the page."""

        def scroll() -> None:
            layout = self.column.layout()
            if layout is not None:
                layout.activate()  # heights are stale right after a reload
            top = widget.mapTo(self.column, widget.rect().topLeft()).y()
            self.scroller.verticalScrollBar().setValue(top - 8)

        scroll()
        QTimer.singleShot(0, self, scroll)  # once more after pending layout, to land exactly

    # -- saving -------------------------------------------------------------------------------

    def _save(self) -> None:
        save_charter(
            self.context.journal, **{name: edit.markdown() for name, edit in self.editors.items()}
        )
