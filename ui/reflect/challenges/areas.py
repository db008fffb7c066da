"""The written parts of a challenge's page, laid out against the green line: the technical
side above it, the adaptive side below, equity as the lens around both, then the root causes
read against the line (with a small drawing of it beside them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from iltdesk.challenge import ABOVE, AREAS, BELOW, Area, LineSide
from ui.kit import theme
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.style import field_label, hint
from ui.kit.translation import QT_TRANSLATE_NOOP

PROMPT_WIDTH = 250
LINE_COLOUR = "force_asset"  # the board's green: the line reads as the same family
LINE_TEXT = "plus_text"  # a green that reads as text on the page (4.5:1) in either look
ROOT_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "areas", "Above the line (technical): …\n\nBelow the line (adaptive): …"
)
# Which words each side of the drawing holds (short, so the drawing stays small).
ABOVE_WORDS = QT_TRANSLATE_NOOP("areas", "structures · systems · processes · patterns · resources")
BELOW_WORDS = QT_TRANSLATE_NOOP(
    "areas", "relationships · information and meaning · identity · values · beliefs · mindsets"
)

AREAS_STYLE = """
QLabel#SideTitle { font-weight: 600; color: @LINE; }
QWidget#LineDiagram { border: 1px solid palette(mid); border-radius: 6px; }
QLabel#DiagramSide { font-weight: 600; }
"""


def areas_style() -> str:
    """The style of the bands and the drawing, in the look on screen."""
    return AREAS_STYLE.replace("@LINE", theme.colour(LINE_TEXT))


def prompts_label(area: Area) -> QLabel:
    """An area's questions as a quiet column beside its text."""
    paragraphs = "".join(f"<p style='margin:0 0 7px 0'>{p}</p>" for p in area.shown_prompts())
    label = QLabel(paragraphs)
    label.setObjectName("Prompts")
    label.setWordWrap(True)
    label.setFixedWidth(PROMPT_WIDTH)  # narrower in a small window: ChallengeView.resizeEvent
    label.setAccessibleName(
        QCoreApplication.translate("areas", "Questions for {title}").format(
            title=area.shown_title()
        )
    )
    return label


class GreenLine(QWidget):
    """The green line itself: a band of green across the page, named at its right end."""

    def __init__(self, parent: QWidget | None = None, *, named: bool = True) -> None:
        super().__init__(parent)
        self.named = named
        self.setAccessibleName(self.tr("The green line: technical side above, adaptive side below"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(120, self.fontMetrics().height() + 4 if self.named else 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        green = QColor(theme.colour(LINE_COLOUR))
        middle = self.height() / 2
        end = self.width()
        if self.named:
            text = self.tr("the green line")
            width = self.fontMetrics().horizontalAdvance(text)
            end = self.width() - width - 10
            painter.setPen(QColor(theme.colour(LINE_TEXT)))
            painter.drawText(
                self.rect().adjusted(end + 8, 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), text
            )
        pen = QPen(green, 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(2, middle), QPointF(max(end, 2), middle))
        painter.end()


def side_band(side: LineSide) -> QWidget:
    """A side's name and what it holds, shown once above its areas."""
    band = QWidget()
    layout = QVBoxLayout(band)
    layout.setContentsMargins(0, 18, 0, 2)
    layout.setSpacing(2)
    title = QLabel(side.shown_title())
    title.setObjectName("SideTitle")
    layout.addWidget(title)
    layout.addWidget(hint(side.shown_meaning()))
    return band


class LineDiagram(QWidget):
    """A small picture of the line beside the root causes: what sits above it and below it,
    with equity written around both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LineDiagram")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # draws the frame's border
        self.setAccessibleName(
            self.tr(
                "The green line: structures, systems, processes, patterns and resources above; "
                "relationships, information and meaning, identity, values, beliefs and mindsets "
                "below; equity as the lens around both"
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        for number, (name, words) in enumerate(
            (
                (QT_TRANSLATE_NOOP("areas", "Above the line · technical"), ABOVE_WORDS),
                (QT_TRANSLATE_NOOP("areas", "Below the line · adaptive"), BELOW_WORDS),
            )
        ):
            if number:
                layout.addWidget(GreenLine(named=False))
            side = QLabel(QCoreApplication.translate("areas", name))
            side.setObjectName("DiagramSide")
            layout.addWidget(side)
            layout.addWidget(hint(QCoreApplication.translate("areas", words)))
        lens = hint(self.tr("Around both: equity, the lens"))
        lens.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(4)
        layout.addWidget(lens)


def _add_area(
    grid: QGridLayout, row: int, area: Area, edit: MarkdownEdit, beside: list[QWidget]
) -> int:
    """An area's title, its box and its questions from ``row`` on; the next free row."""
    title = field_label(area.shown_title(), edit)
    title.setContentsMargins(0, 10, 0, 0)
    grid.addWidget(title, row, 0)
    grid.addWidget(edit, row + 1, 0, Qt.AlignmentFlag.AlignTop)  # under its title, however
    # tall the questions beside it are
    column = QWidget()
    stack = QVBoxLayout(column)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(8)
    if area.field == "root_causes":
        diagram = LineDiagram()
        diagram.setFixedWidth(PROMPT_WIDTH)
        stack.addWidget(diagram)
        beside.append(diagram)
        edit.setPlaceholderText(QCoreApplication.translate("areas", ROOT_PLACEHOLDER))
    prompts = prompts_label(area)
    stack.addWidget(prompts)
    beside.append(prompts)
    grid.addWidget(column, row + 1, 1, Qt.AlignmentFlag.AlignTop)
    return row + 2


def statement_grid(area: Area, edit: MarkdownEdit, beside: list[QWidget]) -> QGridLayout:
    """The problem and its story: one box with its questions, before any area."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(18)
    grid.setVerticalSpacing(4)
    _add_area(grid, 0, area, edit, beside)
    grid.setColumnStretch(0, 1)
    return grid


def areas_grid(edits: dict[str, MarkdownEdit], beside: list[QWidget]) -> QGridLayout:
    """The areas side by side, each side of the line under its band, the green line drawn
    between the technical and the adaptive side. ``beside`` receives the question columns."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(18)
    grid.setVerticalSpacing(4)
    row, side = 0, None
    for area in AREAS:
        if area.side is not side:
            if side is ABOVE and area.side is BELOW:
                grid.addWidget(GreenLine(), row, 0, 1, 2)
                row += 1
            grid.addWidget(side_band(area.side), row, 0, 1, 2)
            row, side = row + 1, area.side
        row = _add_area(grid, row, area, edits[area.field], beside)
    grid.setColumnStretch(0, 1)
    return grid
