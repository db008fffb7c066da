"""Draw list rows from a little HTML (a bold title line, a muted line), wrapped to the width."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 7
PADDING = 6


def two_lines(title: str, detail: str, *, muted_title: bool = False) -> str:
    """HTML for a row: the title in bold, then a muted detail line (both escaped)."""
    weight = "normal" if muted_title else "600"
    first = f"<div style='font-weight:{weight}'>{escape(title)}</div>"
    return first + (f"<div class='muted'>{escape(detail)}</div>" if detail else "")


class RichTextDelegate(QStyledItemDelegate):
    """Renders ``HTML_ROLE`` (falling back to the plain text) with a QTextDocument."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        html = index.data(HTML_ROLE) or escape(str(index.data() or ""))
        palette = option.palette  # type: ignore[attr-defined]
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDefaultStyleSheet(f".muted {{ color: {muted}; }}")
        doc.setDocumentMargin(PADDING)
        doc.setHtml(str(html))
        width = option.rect.width() or 240  # type: ignore[attr-defined]
        doc.setTextWidth(max(width, 120))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = QApplication.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter)
        doc = self._document(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        if selected:
            doc.setDefaultStyleSheet(".muted { color: rgba(255,255,255,0.8); }")
            doc.setHtml(doc.toHtml())
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


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
        blank.text = ""  # type: ignore[attr-defined]
        QApplication.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)  # type: ignore[attr-defined]
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
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(muted)
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
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
        height = QFontMetrics(option.font).height() * 2 + PADDING + 4  # type: ignore[attr-defined]
        return QSize(200, height)
