"""List rows drawn from a little HTML, or as two elided lines, in either theme."""

from __future__ import annotations

import math
from collections import OrderedDict
from html import escape

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ui.kit.roles import HTML

ItemIndex = QModelIndex | QPersistentModelIndex
MUTED = "@MUTED"  # replaced by the row's secondary-text colour when drawn
PADDING = 6


def two_lines(title: str, detail: str, *, muted_title: bool = False) -> str:
    """HTML for a row: the title in bold, then a muted detail line (both escaped)."""
    weight = "normal" if muted_title else "600"
    colour = f"color:{MUTED};" if muted_title else ""
    first = f"<div style='font-weight:{weight};{colour}'>{escape(title)}</div>"
    return first + (f"<div style='color:{MUTED}'>{escape(detail)}</div>" if detail else "")


class RichTextDelegate(QStyledItemDelegate):
    """Draws each row as a small HTML document; subclasses say what the HTML is.

    A row's document is laid out once and kept: the view asks for a row's size and then
    paints it, again on every hover, selection and scroll, and parsing and laying out HTML is
    most of what a row costs. A kept document is found by everything its look depends on
    (the HTML, the width it wraps at, the font), so a changed row, a resized view or a new
    theme (its colours are in the HTML) simply finds none and lays out a new one.
    """

    PAD_X = 12
    PAD_Y = 7
    KEPT = 128  # documents kept per view (~30 KB each): a search's 50 rows and the last one's

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    def html(self, index: ItemIndex, muted: str, selected: bool) -> str:
        """The row's HTML; ``muted`` is the colour for secondary text on this row."""
        raise NotImplementedError

    def top_gap(self, index: ItemIndex) -> int:
        """Extra space above a row, outside its hover and selection background."""
        return 0

    def _document(self, option: QStyleOptionViewItem, index: ItemIndex) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        if selected:
            # Secondary text on the accent keeps a quieter tone but stays legible.
            c = pal.color(QPalette.ColorRole.HighlightedText)
            muted = f"rgba({c.red()}, {c.green()}, {c.blue()}, 0.8)"
        else:
            muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        html = self.html(index, muted, selected)
        key = (html, max(width - 2 * self.PAD_X, 80), option.font.key())
        doc = self._kept.get(key)
        if doc is not None:
            self._kept.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        doc.setTextWidth(key[1])
        self._kept[key] = doc
        if len(self._kept) > self.KEPT:
            self._kept.popitem(last=False)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ItemIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.rect.setTop(opt.rect.top() + self.top_gap(index))
        if not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            # Headings are labels: hovering them must not look like it would do something.
            opt.state &= ~(QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_HasFocus)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.left() + self.PAD_X, opt.rect.top() + self.PAD_Y)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ItemIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        height = math.ceil(doc.size().height()) + 2 * self.PAD_Y + self.top_gap(index)
        return QSize(int(doc.textWidth()) + 2 * self.PAD_X, height)


class HtmlRoleDelegate(RichTextDelegate):
    """Draws the HTML an item holds in ``roles.HTML`` (see ``two_lines``)."""

    def html(self, index: ItemIndex, muted: str, selected: bool) -> str:
        return str(index.data(HTML) or escape(str(index.data() or ""))).replace(MUTED, muted)


class TwoLineDelegate(QStyledItemDelegate):
    """A bold first line and a muted second line (from ``title\\ndetail``), each elided.

    Every row has the same height, so long lists stay fast with uniform item sizes.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        title, _, detail = str(index.data() or "").partition("\n")
        blank = QStyleOptionViewItem(option)
        blank.text = ""
        QApplication.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        line = QFontMetrics(bold).height()
        painter.save()
        painter.setFont(bold)
        painter.setPen(main)
        painter.drawText(
            rect.left(),
            rect.top(),
            rect.width(),
            line,
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        metrics = QFontMetrics(option.font)
        painter.drawText(
            rect.left(),
            rect.top() + line + 2,
            rect.width(),
            line,
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).height() * 2 + PADDING + 4
        return QSize(200, height)
