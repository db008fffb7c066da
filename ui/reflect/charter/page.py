"""The ILT charter: why the team exists, how it works, its year's plan, and the latest
meetings' plus/delta (kept with the meetings themselves)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from iltdesk.record_kinds import RecordKind
from iltdesk.records import Location
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.style import accent, accent_text
from ui.reflect.charter.charter_card import CharterCard
from ui.reflect.charter.meeting_feedback import FeedbackLog
from ui.reflect.charter.scope_section import ScopeSection


def charter_style() -> str:
    """Cards, the balance hint and a revision's why."""
    notice = [theme.colour(f"notice_{part}") for part in ("bg", "edge", "text")]
    plus, delta = theme.colour("plus_text"), theme.colour("delta_text")
    return f"""
    QFrame#Card {{ background: palette(base);
                   border: 1px solid palette(mid); border-radius: 8px; }}
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
    QLabel#CharterWhy {{ background: palette(window); border-style: solid;
                         border-width: 0 0 0 3px; border-color: {accent()};
                         padding: 6px 12px; }}
    """


class CharterPage(QWidget):
    """The whole charter on one scrolling page: the version in force and its history, the
    year's scope and sequence, and the latest meetings' plus/delta (read here, written with
    each meeting)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        theme.live_style(self, charter_style)
        self.charter = CharterCard(context)
        self.scope = ScopeSection(context)
        self.feedback = FeedbackLog(context)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        title = QLabel(self.tr("ILT charter"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr(
                "What the team is for and how it works, in every version it has had; the year's "
                "plan; and what each meeting taught you."
            )
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        self.column = QWidget()
        cards = QVBoxLayout(self.column)
        cards.setContentsMargins(24, 4, 24, 28)
        cards.setSpacing(14)
        cards.addWidget(self.charter)
        cards.addWidget(self.scope)
        cards.addWidget(self.feedback)
        cards.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("The charter"))
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
            (self.tr("The charter"), self.charter.charter_card),
            (self.tr("History"), self.charter.history_card),
            (self.tr("Scope and sequence"), self.scope),
            (self.tr("Meeting feedback"), self.feedback),
        ):
            link = QPushButton(text)
            link.setObjectName("JumpLink")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _=False, t=target: self.scroll_to(t))
            jumps.addWidget(link)
        jumps.addStretch(1)
        return jumps

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything."""
        self.charter.refresh()
        self.scope.refresh()
        self.feedback.refresh()

    def open(self, where: Location) -> bool:
        """Show the charter (one of its versions) or a period of its plan. (A meeting's
        plus/delta opens with its meeting, on the ILT meetings page.)"""
        self.select(where.kind, where.record_id)
        return True  # the charter itself is shown when the record is not found

    def select(self, kind: RecordKind, record_id: int) -> None:
        """Show a record: a version of the charter, a scope item or a recent plus/delta."""
        if kind == RecordKind.SCOPE_ITEM and self.scope.select(record_id):
            self.scroll_to(self.scope)
        elif kind == RecordKind.MEETING_FEEDBACK and self.feedback.select(record_id):
            self.scroll_to(self.feedback)
        else:
            if kind == RecordKind.CHARTER:
                self.charter.select_version(record_id)
            self.scroll_to(self.charter)

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
