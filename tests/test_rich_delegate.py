"""Rich-text rows are laid out once and kept, and laid out again when their look changes:
another text, another width (Today elides to it), another theme, selected or not.

Before, every measure and every paint of a row parsed and laid out its HTML anew (9,249
documents for 125 searches). The search dialog lists its first screen of rows at once and
the others just after that screen is painted; every hit is still listed and reachable.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from iltdesk.action_item import add_action_item
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.journal import Journal
from tests.conftest import kept_look
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.rich_delegate import HtmlRoleDelegate, RichTextDelegate, two_lines
from ui.kit.roles import HTML
from ui.navigation.search_dialog import SearchDialog
from ui.navigation.today_page import TodayDelegate, TodayPage

TODAY = date.today()


@pytest.fixture(autouse=True)
def light(qapp: QApplication) -> Iterator[None]:
    with kept_look(qapp):
        theme.apply(qapp, theme="light", text_size="normal")
        yield


def _rows(qtbot: QtBot, count: int = 3) -> tuple[QListWidget, HtmlRoleDelegate]:
    rows = QListWidget()
    qtbot.addWidget(rows)
    delegate = HtmlRoleDelegate(rows)
    rows.setItemDelegate(delegate)
    for i in range(count):
        item = QListWidgetItem(f"Row {i}")
        item.setData(HTML, two_lines(f"Exit tickets, week {i}", "Grade 6 · " + "word " * 30))
        rows.addItem(item)
    rows.resize(420, 300)
    rows.show()
    qtbot.waitExposed(rows)
    return rows, delegate


def _option(
    view: QListWidget, index: QModelIndex, *, selected: bool = False
) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.rect = view.visualRect(index)
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    return option


def _fresh_height(html: str, view: QListWidget) -> int:
    """What a row measured without any kept document would be."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(view.font())
    doc.setHtml(html)
    doc.setTextWidth(max(view.viewport().width() - 2 * RichTextDelegate.PAD_X, 80))
    return int(doc.size().height() + 0.999) + 2 * RichTextDelegate.PAD_Y


def test_a_row_is_laid_out_once_however_often_it_is_measured_and_painted(qtbot: QtBot) -> None:
    rows, delegate = _rows(qtbot)
    index = rows.model().index(1, 0)
    first = delegate._document(_option(rows, index), index)
    for _ in range(3):
        rows.grab()  # paints every row
        delegate.sizeHint(_option(rows, index), index)
    assert delegate._document(_option(rows, index), index) is first
    # Selected, its quiet text takes the accent's colours: a document of its own, kept too.
    chosen = delegate._document(_option(rows, index, selected=True), index)
    assert chosen is not first
    assert delegate._document(_option(rows, index, selected=True), index) is chosen
    # What is drawn is what a fresh layout would give.
    html = delegate.html(
        index, rows.palette().color(QPalette.ColorRole.PlaceholderText).name(), False
    )
    assert first.toHtml() == _fresh_doc_html(html, rows)
    assert delegate.sizeHint(_option(rows, index), index).height() == _fresh_height(html, rows)


def _fresh_doc_html(html: str, view: QListWidget) -> str:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(view.font())
    doc.setHtml(html)
    return doc.toHtml()


def test_a_new_width_a_new_text_or_a_new_theme_lays_the_row_out_again(
    qtbot: QtBot, qapp: QApplication
) -> None:
    rows, delegate = _rows(qtbot)
    index = rows.model().index(0, 0)
    wide = delegate._document(_option(rows, index), index)
    tall = delegate.sizeHint(_option(rows, index), index).height()

    rows.resize(240, 300)  # the detail wraps to more lines
    qtbot.waitUntil(lambda: rows.viewport().width() < 240)
    narrow = delegate._document(_option(rows, index), index)
    assert narrow is not wide and narrow.textWidth() < wide.textWidth()
    assert delegate.sizeHint(_option(rows, index), index).height() > tall

    rows.item(0).setData(HTML, two_lines("Norms for the spring", "Grade 7"))
    retitled = delegate._document(_option(rows, index), index)
    assert "Norms for the spring" in retitled.toPlainText()

    theme.apply(qapp, theme="dark", text_size="normal")
    muted = rows.palette().color(QPalette.ColorRole.PlaceholderText).name()
    dark = delegate._document(_option(rows, index), index)
    assert dark is not retitled
    assert muted in delegate.html(index, muted, False)
    assert dark.toHtml() == _fresh_doc_html(delegate.html(index, muted, False), rows)


def test_today_elides_to_the_width_it_is_shown_at(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Maya Ortiz", on_ilt_since=TODAY)
    assert lead.id is not None
    title = "Share the exit-ticket protocol with every grade team before the spring break"
    add_action_item(journal, lead.id, title, due_on=TODAY - timedelta(2))
    page = TodayPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(360, 500)
    page.show()
    page.refresh(TODAY)
    tree = page.tree
    delegate = tree.itemDelegate()
    assert isinstance(delegate, TodayDelegate)
    heading = tree.topLevelItem(0)
    row = heading.child(0) if heading is not None else None
    assert row is not None
    index = tree.indexFromItem(row)

    def shown() -> str:
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        option.widget = tree
        option.rect = tree.visualRect(index)
        return delegate._document(option, index).toPlainText()

    narrow = shown()
    assert "…" in narrow and title not in narrow
    page.resize(1100, 500)
    qtbot.waitUntil(lambda: tree.viewport().width() > 900)
    assert title in shown()  # wide enough: the whole title, not the narrow row kept


# -- the search dialog -------------------------------------------------------------------------


def _many_notes(journal: Journal, count: int) -> None:
    add_lead(journal, "Maya Ortiz", on_ilt_since=TODAY)
    for day in range(count):
        add_quick_note(
            journal,
            "Maya Ortiz",
            f"Walked the science wing: the exit ticket routine in room {day}.",
            held_on=date(2027, 3, 1) + timedelta(day),
        )


def test_every_hit_is_listed_and_reachable_once_the_first_screen_is_shown(
    qtbot: QtBot, journal: Journal
) -> None:
    _many_notes(journal, 30)
    dialog = SearchDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.field, "routin")
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 30, timeout=3000)
    assert dialog.footer.text().startswith("30 matches")
    assert dialog.results.currentIndex().row() == 0
    for _ in range(29):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 29
    last = dialog.results_model.hits[29]
    assert dialog.results.currentIndex().data(dialog.results_model.HIT_ROLE) == last
    # The list scrolled to it: the chosen row is on screen.
    assert (
        dialog.results.viewport()
        .rect()
        .intersects(dialog.results.visualRect(dialog.results.currentIndex()))
    )
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)


def test_the_first_rows_listed_fill_the_list(qtbot: QtBot, journal: Journal) -> None:
    _many_notes(journal, 30)
    dialog = SearchDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The first search (the list not shown yet), then another with the list on screen.
    for words in ("routine", "exit ticket"):
        dialog.set_query(words)  # at once, before anything is painted
        listed = dialog.results_model.rowCount()
        assert 0 < listed < 30
        assert dialog.footer.text().startswith("30 matches")  # what was found, not listed
        bottom = dialog.results.visualRect(dialog.results_model.index(listed - 1, 0)).bottom()
        assert bottom >= dialog.results.viewport().height()  # no blank space under them
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 30, timeout=3000)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)


def test_a_hidden_list_still_gets_every_row(qtbot: QtBot, journal: Journal) -> None:
    _many_notes(journal, 30)
    dialog = SearchDialog(AppContext(journal))
    qtbot.addWidget(dialog)  # never shown: nothing is painted
    dialog.set_query("routine")
    assert dialog.results_model.rowCount() < 30
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 30, timeout=3000)
