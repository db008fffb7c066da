"""The self-check's trend: one small chart per area, so areas that share a score never hide
each other's line. In each, the principal's own check-ins and the team's are two lines (solid
and dashed) on one time axis, never joined; the badge shows what moved since the previous
check-in by whoever rated last."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from iltdesk import dates
from iltdesk.self_check import TEAM, frequency_labels, rater_label
from iltdesk.self_check_trends import RaterTrend
from ui.kit import theme
from ui.reflect.self_check.area_cards import AreaCard, area_cards
from ui.reflect.self_check.chart_key import key_width, paint_rater_key
from ui.reflect.self_check.colours import (
    STILL,
    area_colour,
    change_text,
    closest_word,
    movement_colours,
)

GAP = 10.0  # between cards
PAD = 10.0  # inside a card
Role = QPalette.ColorRole


class SelfCheckChart(QWidget):
    """Each area's mean rating (never … always) across check-ins, one small chart per area.

    Five cards in a row when they fit, else three over two; when even that is too cramped for
    a labelled scale, each area becomes one row with a sparkline.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trends: list[RaterTrend] = []
        self.cards: list[AreaCard] = []
        self._dots: list[tuple[QPointF, str]] = []  # where each point was drawn, for tooltips
        self.setMinimumSize(280, 180)
        self.setAccessibleName(self.tr("Self-check trend by area"))

    def sizeHint(self) -> QSize:
        return QSize(960, 300)

    def set_trends(self, trends: list[RaterTrend], latest_rater: str | None = None) -> None:
        """Show each rater's area scores across their check-ins; the badge follows
        ``latest_rater`` (whoever rated last)."""
        self.trends = list(trends)
        self.cards = area_cards(self.trends, latest_rater)
        summary = [
            self.tr("{area}, {rater}: {score} of 4, {change}").format(
                area=t.title,
                rater=rater_label(t.rater).lower(),
                score=f"{t.points[-1][1]:.1f}",
                change=change_text(t.change),
            )
            for r in self.trends
            for t in r.areas
            if t.points
        ]
        self.setAccessibleDescription("; ".join(summary) or self.tr("No check-ins yet"))
        self.update()

    # -- measures -------------------------------------------------------------------------------

    def _small(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.88)
        return font

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _axis_width(self) -> float:
        scale = QFontMetricsF(self._small()).horizontalAdvance("Sometimes") + 14
        two_raters = len({t.rater for t in self.trends}) > 1  # room for the key above it
        return max(scale, key_width(self._small()) + 8) if two_raters else scale

    def _header(self, lines: int) -> float:
        bold, small = QFontMetricsF(self._bold()), QFontMetricsF(self._small())
        return PAD + lines * bold.height() + 4 + small.height() + 4 + 14

    def _footer(self) -> float:
        return PAD + QFontMetricsF(self._small()).height() + 4

    def _grid(self) -> tuple[int, int] | None:
        """(columns, title lines) for cards, or None when only the compact rows will fit.

        Of the layouts that fit, the one whose cards are nearest a landscape 4:3 wins: tall
        thin cards exaggerate every change, flat wide ones flatten it.
        """
        bold, small = QFontMetricsF(self._bold()), QFontMetricsF(self._small())
        usable = self.width() - self._axis_width()
        longest = bold.horizontalAdvance("Planning and")  # not shown: a title's widest line
        narrowest = max(longest + 2 * PAD + 16, 150)
        fits: list[tuple[float, int, int]] = []
        for cols in (5, 3, 2):
            width = (usable - GAP * (cols - 1)) / cols
            room = width - 2 * PAD - 14
            lines = 1 if all(bold.horizontalAdvance(t.title) <= room for t in self.cards) else 2
            rows = math.ceil(len(self.cards) / cols)
            height = (self.height() - GAP * (rows - 1)) / rows
            # The five scale words need a line each, or they would run into one another.
            plot = height - self._header(lines) - self._footer()
            if width >= narrowest and plot >= 4.4 * small.height():
                fits.append((abs(math.log(width / height / (4 / 3))), cols, lines))
        return min(fits)[1:] if fits else None

    def _cards(self, cols: int, count: int) -> list[QRectF]:
        axis = self._axis_width()
        rows = math.ceil(len(self.cards) / cols)
        width = (self.width() - axis - GAP * (cols - 1)) / cols
        height = (self.height() - GAP * (rows - 1)) / rows
        return [
            QRectF(axis + (i % cols) * (width + GAP), (i // cols) * (height + GAP), width, height)
            for i in range(count)
        ]

    def _plot(self, card: QRectF, lines: int) -> QRectF:
        """Where the line goes inside a card: below the heading, above the dates."""
        inset = QFontMetricsF(self._small()).horizontalAdvance("Sep 2026") / 2 + 6
        top = card.top() + self._header(lines)
        bottom = card.bottom() - self._footer()
        return QRectF(card.left() + inset, top, card.width() - 2 * inset, bottom - top)

    @staticmethod
    def _y(plot: QRectF, score: float) -> float:
        return plot.bottom() - score / 4 * plot.height()

    @staticmethod
    def _x(plot: QRectF, index: int, count: int) -> float:
        if count == 1:
            return plot.center().x()
        return plot.left() + index * plot.width() / (count - 1)

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._dots = []
        if not any(t.points for t in self.cards):
            painter.setPen(self.palette().color(Role.PlaceholderText))
            painter.drawText(
                QRectF(self.rect()).adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr(
                    "No check-ins yet.\nYour first one becomes the starting line for each area."
                ),
            )
            return
        grid = self._grid()
        if grid is None:
            self._paint_rows(painter)
            return
        cols, lines = grid
        slots = self._cards(cols, cols * math.ceil(len(self.cards) / cols))
        for i, (card, trend) in enumerate(zip(slots, self.cards, strict=False)):
            if i % cols == 0:  # one scale per row of cards, left of the first
                self._paint_axis(painter, self._plot(card, lines))
            self._paint_card(painter, card, trend, lines)
        if len(slots) > len(self.cards):
            self._paint_key(painter, slots[len(self.cards)])
        elif len({t.rater for t in self.trends}) > 1:  # no spare cell: a short key by the scale
            top = slots[0].top() + PAD - 2  # level with the first card's title
            bottom = self._plot(slots[0], lines).top() - QFontMetricsF(self._small()).height()
            corner = QRectF(4, top, self._axis_width() - 4, bottom - top)
            paint_rater_key(painter, corner, self._small(), self.palette())

    def _paint_axis(self, painter: QPainter, plot: QRectF) -> None:
        painter.setFont(self._small())
        painter.setPen(self.palette().color(Role.PlaceholderText))
        height = QFontMetricsF(self._small()).height()
        for level, word in enumerate(frequency_labels()):
            box = QRectF(0, self._y(plot, level) - height / 2, self._axis_width() - 8, height)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, word)

    def _paint_background(self, painter: QPainter, card: QRectF) -> None:
        painter.setPen(QPen(self.palette().color(Role.Mid), 1))
        painter.setBrush(self.palette().color(Role.Base))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

    def _paint_card(self, painter: QPainter, card: QRectF, trend: AreaCard, lines: int) -> None:
        self._paint_background(painter, card)
        plot = self._plot(card, lines)
        painter.setPen(QPen(self.palette().color(Role.Mid), 1, Qt.PenStyle.DashLine))
        for level in range(5):
            y = self._y(plot, level)
            painter.drawLine(QPointF(card.left() + PAD, y), QPointF(card.right() - PAD, y))
        bold = QFontMetricsF(self._bold())
        top = card.top() + PAD
        self._paint_title(
            painter, QRectF(card.left(), top, card.width(), lines * bold.height()), trend
        )
        status = QRectF(
            card.left() + PAD, top + lines * bold.height() + 4, card.width() - 2 * PAD, 0
        )
        self._paint_status(painter, status, trend)
        if trend.days:
            self._paint_line(painter, plot, trend)
            self._paint_dates(painter, card, plot, trend)

    def _paint_title(self, painter: QPainter, box: QRectF, trend: AreaCard) -> None:
        """A dot in the area's colour, then its name (on two lines when the card is narrow)."""
        bold = QFontMetricsF(self._bold())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(area_colour(trend.area))
        painter.drawEllipse(QPointF(box.left() + PAD + 4, box.top() + bold.height() / 2), 4, 4)
        text = box.adjusted(PAD + 14, 0, -PAD, 0)
        title = trend.title
        if bold.height() * 2 > box.height():  # one line: shorten rather than spill
            title = bold.elidedText(title, Qt.TextElideMode.ElideRight, text.width())
        painter.setFont(self._bold())
        painter.setPen(self.palette().color(Role.Text))
        painter.drawText(text, Qt.TextFlag.TextWordWrap, title)

    def _paint_status(self, painter: QPainter, box: QRectF, trend: AreaCard) -> None:
        """The change pill, then where the area stands for whoever rated last, in as many
        words as fit."""
        pill = self._paint_pill(painter, box.topLeft(), trend)
        if not trend.points or trend.lead is None:
            return
        score = trend.points[-1][1]
        small = QFontMetricsF(self._small())
        room = box.width() - pill - 8
        who = rater_label(trend.lead.rater).lower()
        shown = f"{score:.1f}"
        options = (
            self.tr("{who}: {score}, close to {word}").format(
                who=who, score=shown, word=closest_word(score)
            ),
            f"{who}: {shown}",
            self.tr("{score} now").format(score=shown),
            "",
        )
        text = next(t for t in options if small.horizontalAdvance(t) <= room)
        painter.setFont(self._small())
        painter.setPen(self.palette().color(Role.PlaceholderText))
        y = box.top() + (small.height() + 4) / 2
        painter.drawText(QPointF(box.left() + pill + 8, y + small.ascent() / 2 - 1), text)

    def _pill(self, trend: AreaCard) -> tuple[str, QFont, QRectF]:
        """The pill's words, font and size (placed at 0, 0)."""
        text = self.tr("first check-in") if len(trend.points) < 2 else change_text(trend.change)
        font = self._small()
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font)
        return text, font, QRectF(0, 0, metrics.horizontalAdvance(text) + 14, metrics.height() + 4)

    def _paint_pill(self, painter: QPainter, top_left: QPointF, trend: AreaCard) -> float:
        """Draw what moved since the previous check-in; return the pill's width."""
        text, font, box = self._pill(trend)
        box.moveTopLeft(top_left)
        if len(trend.points) < 2 or abs(trend.change) < STILL:
            painter.setPen(QPen(self.palette().color(Role.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            colour = self.palette().color(Role.PlaceholderText)
        else:
            fg, bg = movement_colours(trend.change)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            colour = QColor(fg)
        radius = box.height() / 2
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.width()

    def _paint_line(self, painter: QPainter, plot: QRectF, card: AreaCard) -> None:
        """Each rater's own line on the shared dates (the team's dashed with open dots), never
        joined to the other's: earlier steps quietly, the latest bold."""
        colour = area_colour(card.area)
        faint = QColor(colour)
        faint.setAlphaF(0.6 if theme.is_dark() else 0.45)  # dim, still visible
        ring = self.palette().color(Role.Base)  # parts the dot from a line passing under it
        for series in card.series:
            team = series.rater == TEAM
            style = Qt.PenStyle.DashLine if team else Qt.PenStyle.SolidLine
            count = len(series.points)
            dots = [
                QPointF(self._x(plot, card.days.index(d), len(card.days)), self._y(plot, v))
                for d, v in series.points
            ]
            for i, (a, b) in enumerate(itertools.pairwise(dots)):
                latest = i == count - 2
                painter.setPen(QPen(colour if latest else faint, 3 if latest else 1.5, style))
                painter.drawLine(a, b)
            who = rater_label(series.rater).lower()
            for i, (dot, (day, score)) in enumerate(zip(dots, series.points, strict=True)):
                radius = 5.5 if i == count - 1 else 3.5
                painter.setPen(QPen(colour if team else ring, 2 if team else 1.5))
                painter.setBrush(ring if team else colour)
                painter.drawEllipse(dot, radius, radius)
                tip = f"{card.title}, {who}, {dates.short(day)}: {score:.1f} of 4"
                self._dots.append((dot, tip))

    def _paint_dates(self, painter: QPainter, card: QRectF, plot: QRectF, area: AreaCard) -> None:
        """Check-in dates under the lines, as many as fit without touching; the latest always."""
        days = list(area.days)
        same_year = len({d.year for d in days}) == 1
        words = [dates.day_month(d) if same_year else dates.short_month_year(d) for d in days]
        metrics = QFontMetricsF(self._small())
        widest = max(metrics.horizontalAdvance(w) for w in words) + 12
        step = max(1, math.ceil(widest / (plot.width() / max(len(days) - 1, 1))))
        painter.setFont(self._small())
        painter.setPen(self.palette().color(Role.PlaceholderText))
        y = card.bottom() - PAD - metrics.height()
        last = len(words) - 1
        # Every step-th date, dropping any that would crowd the latest, which always shows.
        for i in sorted({i for i in range(0, last, step) if last - i >= step} | {last}):
            box = QRectF(self._x(plot, i, len(words)) - widest / 2, y, widest, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words[i])

    def _paint_key(self, painter: QPainter, slot: QRectF) -> None:
        """In the grid's spare cell, say how to read the cards."""
        several = any(len(t.points) > 1 for c in self.cards for t in c.series)
        text = (
            self.tr(
                "Each dot is an area's average rating at a check-in: solid for just you, dashed "
                "with open dots for the team. The bold step and its badge show what moved since "
                "the same rater's check-in before."
            )
            if several
            else self.tr(
                "Each dot is an area's average rating. Your next check-in draws the lines."
            )
        )
        painter.setFont(self._small())
        painter.setPen(self.palette().color(Role.PlaceholderText))
        painter.drawText(slot.adjusted(PAD, PAD, -PAD, -PAD), Qt.TextFlag.TextWordWrap, text)

    def _paint_rows(self, painter: QPainter) -> None:
        """Compact: one row per area with its name, a sparkline and the change, all aligned."""
        height = (self.height() - 4 * (len(self.cards) - 1)) / len(self.cards)
        bold = QFontMetricsF(self._bold())
        longest = max(bold.horizontalAdvance(t.title) for t in self.cards)
        pill_width = max(self._pill(t)[2].width() for t in self.cards if t.points)
        # Names matter more than the sparkline's length: it keeps only what it can spare.
        spare = self.width() - 2 * PAD - pill_width - 6 - 64
        name_width = min(longest + 2 * PAD + 14, spare)
        grid = QPen(self.palette().color(Role.Mid), 1, Qt.PenStyle.DashLine)
        for i, trend in enumerate(self.cards):
            row = QRectF(0, i * (height + 4), self.width(), height)
            self._paint_background(painter, row)
            middle = row.center().y()
            self._paint_title(
                painter, QRectF(0, middle - bold.height() / 2, name_width, bold.height()), trend
            )
            spark = QRectF(name_width + 6, row.top() + 7, 0, row.height() - 14)
            spark.setRight(row.right() - 2 * PAD - pill_width - 6)
            painter.setPen(grid)
            for y in (spark.top(), spark.bottom()):  # always and never, for scale
                painter.drawLine(QPointF(spark.left() - 6, y), QPointF(spark.right() + 6, y))
            if trend.points:
                width = self._pill(trend)[2].width()
                top = middle - self._pill(trend)[2].height() / 2
                self._paint_pill(painter, QPointF(row.right() - PAD - width, top), trend)
                self._paint_line(painter, spark, trend)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mouse = QPointF(event.pos())
            near = [text for dot, text in self._dots if (dot - mouse).manhattanLength() < 14]
            if near:
                QToolTip.showText(event.globalPos(), near[0], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
