"""One complex challenge as a guided page: the problem and its story, the areas read against the
green line, the forces board, then the log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.challenge import PARTS, STATEMENT, challenges, update_challenge
from iltdesk.models import Challenge, ChallengeStatus
from ui.kit import history_panel, theme
from ui.kit.context import AppContext, Autosaver, NotWritten, Save
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import hint, page_style
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.reflect.challenges.areas import PROMPT_WIDTH, areas_grid, areas_style, statement_grid
from ui.reflect.challenges.forces_board import ForcesBoard
from ui.reflect.challenges.log import ChallengeLog

STATUS_TITLES = {
    ChallengeStatus.open: QT_TRANSLATE_NOOP("view", "Open"),
    ChallengeStatus.working: QT_TRANSLATE_NOOP("view", "Working"),
    ChallengeStatus.resolved: QT_TRANSLATE_NOOP("view", "Resolved"),
}
STATUSES = tuple(STATUS_TITLES)
SECTIONS = (
    QT_TRANSLATE_NOOP("view", "Thinking it through"),
    QT_TRANSLATE_NOOP("view", "Forces"),
    QT_TRANSLATE_NOOP("view", "Log"),
)
MIN_PROMPT_WIDTH = 150
WIDE_VIEW = 760  # from this width on, the questions get their full width
HEADER_MARGINS = 34  # left and right of the header, together
MIN_TEXT, MAX_TEXT = 66, 560  # an area's box grows with its text between these heights
# (about twenty lines: a statement in a small window reads whole without a scroll of its own)

VIEW_STYLE = """
QLineEdit#ChallengeTitle { font-size: 18px; font-weight: 600; background: transparent;
                           border: 1px solid transparent; border-radius: 5px; padding: 2px 5px; }
QLineEdit#ChallengeTitle:hover { border-color: palette(mid); }
QLineEdit#ChallengeTitle:focus { border-color: palette(highlight); background: palette(base); }
QLabel#Prompts { color: palette(placeholder-text); border-left: 2px solid palette(mid);
                 padding: 1px 0 1px 12px; }
QPushButton#Jump { border: none; background: transparent; color: palette(link);
                   padding: 4px 8px; }
QPushButton#Jump:hover { text-decoration: underline; }
"""


def grow_with_text(edit: MarkdownEdit) -> None:
    """Let a text box grow with what is written, so the page scrolls rather than the box."""

    edit.document().setIndentWidth(22)  # lists sit close to the text, as in the board's cards

    def fit() -> None:
        height = edit.document().size().height() + 2 * edit.frameWidth() + 6
        edit.setFixedHeight(int(min(max(height, MIN_TEXT), MAX_TEXT)))

    edit.document().documentLayout().documentSizeChanged.connect(lambda *_: fit())
    fit()


def section_title(text: str) -> QLabel:
    """A section heading on the page."""
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    label.setIndent(0)  # the shared style's top margin would otherwise indent it by half an x
    return label


class ChallengeView(QWidget):
    """Shows and edits one challenge; text saves itself, status saves on a click."""

    saved = Signal(Challenge)  # title or status changed: the list row shows them
    changed = Signal()  # cards or log changed: other pages may show them

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.challenge: Challenge | None = None
        theme.live_style(self, lambda: page_style() + VIEW_STYLE + areas_style())
        self.autosaver = Autosaver(context, self._save, self)
        self.title = QLineEdit()
        self.title.setObjectName("ChallengeTitle")
        self.title.setAccessibleName(self.tr("Challenge title"))
        self.title.textEdited.connect(self.autosaver.touch)
        self.title.textChanged.connect(lambda *_: self._title_tooltip())
        self.title.editingFinished.connect(self.autosaver.flush)
        self.opened = QLabel()
        self.opened.setObjectName("Hint")  # one line: a wrapped date would crowd the status
        self.status = QButtonGroup(self)
        self.areas = {
            part.field: MarkdownEdit(placeholder=self.tr("Your thinking…")) for part in PARTS
        }
        self.areas[STATEMENT.field].setPlaceholderText(
            self.tr("The problem in plain words, and the story so far…")
        )
        for edit in self.areas.values():
            edit.edited.connect(self.autosaver.touch)
            edit.focus_left.connect(self.autosaver.flush)
            grow_with_text(edit)
        self.board = ForcesBoard(context)
        self.board.changed.connect(self.changed)
        self.log = ChallengeLog(context)
        self.log.logged.connect(self.changed)
        self.sections: dict[str, QWidget] = {}
        self.prompts: list[QWidget] = []  # the questions beside each box
        self.column = QWidget()
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("The challenge"))
        self._lay_out()
        history_panel.add_history_shortcut(self, self.show_history)

    def _header(self) -> QVBoxLayout:
        choices = QHBoxLayout()
        choices.setSpacing(4)
        for number, title in enumerate(STATUS_TITLES.values()):
            button = QPushButton(QCoreApplication.translate("view", title))
            button.setObjectName("OutcomeChoice")  # the cycle page's segmented look
            button.setCheckable(True)
            bold = QFont(button.font())
            bold.setWeight(QFont.Weight.DemiBold)  # the chosen one is bold: leave room for it
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(title) + 36)
            self.status.addButton(button, number)
            choices.addWidget(button)
        self.status.idClicked.connect(self._status_chosen)
        self.status_row = row = QHBoxLayout()
        row.setContentsMargins(8, 0, 0, 0)  # under the title's text, not its edit frame
        row.setSpacing(12)
        row.addWidget(self.opened)
        row.addLayout(choices)
        row.addStretch(1)
        self.links = QWidget()  # the jumps to each section
        links = QHBoxLayout(self.links)
        links.setContentsMargins(0, 0, 0, 0)
        links.setSpacing(0)
        for name in SECTIONS:
            jump = QPushButton(QCoreApplication.translate("view", name))
            jump.setObjectName("Jump")
            jump.setCursor(Qt.CursorShape.PointingHandCursor)
            jump.clicked.connect(lambda _=False, n=name: self.scroll_to(n))
            links.addWidget(jump)
        row.addWidget(self.links)
        # In a narrow window the links take a line of their own below the status, rather than
        # widening the page or squeezing the title.
        self.links_row = QHBoxLayout()
        self.links_row.setContentsMargins(0, 0, 0, 0)
        self.links_row.addStretch(1)
        header = QVBoxLayout()
        header.setContentsMargins(14, 12, HEADER_MARGINS - 14, 10)
        header.setSpacing(6)
        header.addWidget(self.title)
        header.addLayout(row)
        header.addLayout(self.links_row)
        return header

    def _status_width(self) -> int:
        """The width of the header's margins, the opening date and the status buttons."""
        buttons = sum(self.status.button(n).sizeHint().width() + 4 for n in range(len(STATUSES)))
        return HEADER_MARGINS + self.opened.sizeHint().width() + 2 * 12 + buttons

    def _place_links(self) -> None:
        """The links beside the status if there is room for both, else on the line below."""
        beside = self.width() - self._status_width() >= self.links.sizeHint().width()
        if beside == (self.status_row.indexOf(self.links) >= 0):
            return
        (self.links_row if beside else self.status_row).removeWidget(self.links)
        (self.status_row if beside else self.links_row).addWidget(self.links)

    def minimumSizeHint(self) -> QSize:
        # As narrow as the header with the links on their own line (where they then go).
        hint = super().minimumSizeHint()
        narrow = max(self._status_width(), HEADER_MARGINS + self.links.sizeHint().width())
        return QSize(
            min(hint.width(), max(narrow, self.scroller.minimumSizeHint().width())), hint.height()
        )

    def _lay_out(self) -> None:
        body = QVBoxLayout(self.column)
        body.setContentsMargins(16, 8, 16, 28)
        body.setSpacing(6)
        notes = (
            self.tr(
                "Work through each area in your own words; the questions beside each box prompt "
                "you, they are not a form. Most challenges need moves on both sides of the line."
            ),
            self.tr(
                "One short card each: what hinders, what helps, what you are trying, and what "
                "surrounds it all. Name the leads a card is about and it shows on their overview."
            ),
            self.tr(
                "What you decided, what changed, and what you learned about your own leadership."
            ),
        )
        # The problem and its story come first, before any area is explored.
        body.addLayout(statement_grid(STATEMENT, self.areas[STATEMENT.field], self.prompts))
        body.addSpacing(20)
        areas = QWidget()
        areas.setLayout(areas_grid(self.areas, self.prompts))
        parts: tuple[QWidget, ...] = (areas, self.board, self.log)
        for number, (name, note, part) in enumerate(zip(SECTIONS, notes, parts, strict=True)):
            if number:
                body.addSpacing(26)
            self.sections[name] = heading = section_title(QCoreApplication.translate("view", name))
            body.addWidget(heading)
            body.addWidget(hint(note))
            body.addSpacing(12)
            body.addWidget(part)
        body.addStretch(1)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self.column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._header())
        layout.addWidget(self.scroller, 1)

    # -- showing --------------------------------------------------------------------------

    def load(self, challenge: Challenge | None) -> bool:
        """Show ``challenge``; False (keeping the one on screen) if its text cannot be saved."""
        if not self.autosaver.flush():
            return False
        another = challenge is None or self.challenge is None or challenge.id != self.challenge.id
        self.challenge = challenge
        if challenge is None:
            return True
        self.title.setText(challenge.title)
        self.title.setCursorPosition(0)
        self._show_status(challenge)
        for part in PARTS:
            self.areas[part.field].set_markdown(str(getattr(challenge, part.field)))
        self.board.load(challenge.id or 0)
        self.log.load(challenge.id or 0)
        if another:
            self.scroller.verticalScrollBar().setValue(0)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_links()
        self._title_tooltip()
        # The questions beside each box: their full width where there is room, narrower
        # (wrapping more) in a small window, so the boxes keep a useful width.
        width = PROMPT_WIDTH if self.width() >= WIDE_VIEW else MIN_PROMPT_WIDTH
        for column in self.prompts:
            column.setFixedWidth(width)

    def _title_tooltip(self) -> None:
        """The whole title as the field's tooltip whenever the field is too narrow for it."""
        room = self.title.contentsRect().width() - 12  # the frame's padding and cursor
        fits = self.title.fontMetrics().horizontalAdvance(self.title.text()) <= room
        self.title.setToolTip("" if fits else self.title.text())

    def _show_status(self, challenge: Challenge) -> None:
        self.opened.setText(
            self.tr("Opened {value}").format(value=dates.short(challenge.opened_on))
        )
        self.status.button(STATUSES.index(challenge.status)).setChecked(True)

    def scroll_to(self, section: str) -> None:
        """Bring a section into view (the links in the header do this)."""
        layout = self.column.layout()
        if layout is not None:
            layout.activate()  # positions are stale right after the board or log changed
        self.scroller.verticalScrollBar().setValue(self.sections[section].y() - 8)

    def reload_parts(self) -> None:
        """Re-read the board and the log (a lead was renamed, a card changed elsewhere)."""
        if self.challenge is not None:
            self.board.reload(self.board.selected_card())
            self.log.load(self.challenge.id or 0)

    def show_history(self) -> None:
        """The History of the part with the cursor (what is typed saved first)."""
        if self.challenge is None:
            return
        boxes: dict[str, QWidget] = dict(self.areas)
        where, field = ("challenge", self.challenge.id or 0), history_panel.field_in_focus(boxes)
        history_panel.show_history(self, self.context, where, tuple(boxes), field,
                                   saved=self.autosaver.flush, reload=self._reread)  # fmt: skip

    def _reread(self) -> None:
        """Show the challenge as the journal has it now (after a restore)."""
        if self.challenge is None:
            return
        found = [c for c in challenges(self.context.journal) if c.id == self.challenge.id]
        if found and self.load(found[0]):
            self.saved.emit(found[0])

    # -- saving ---------------------------------------------------------------------------

    def _save(self) -> Save[Challenge] | None:
        if self.challenge is None:
            return None
        values: dict[str, object] = {p.field: self.areas[p.field].markdown() for p in PARTS}
        title = " ".join(self.title.text().split())
        if title:  # a cleared title keeps the last one rather than leaving the row blank
            values["title"] = title
        journal, challenge_id = self.context.journal, self.challenge.id or 0
        return Save(lambda: update_challenge(journal, challenge_id, **values), self._saved)

    def _saved(self, challenge: Challenge) -> None:
        if self.challenge is not None and self.challenge.id == challenge.id:
            self.challenge = challenge
        self.saved.emit(challenge)

    def _status_chosen(self, number: int) -> None:
        if self.challenge is None:
            return
        if not self.autosaver.flush():
            self._show_status(self.challenge)
            return
        challenge_id = self.challenge.id or 0
        # The list hears of it once it has reordered (_announce), not from the write.
        updated = self.context.write(
            lambda: update_challenge(self.context.journal, challenge_id, status=STATUSES[number])
        )
        if isinstance(updated, NotWritten):
            self._show_status(self.challenge)
            return
        self.challenge = updated
        # Later, so the list can reorder without pulling the click's button out from under it.
        QTimer.singleShot(0, self, self._announce)

    def _announce(self) -> None:
        if self.challenge is not None:
            self.saved.emit(self.challenge)
