"""Issue 18's Reflect pages as they look in a small window: nothing cut off at the right of a
column, no sideways scroll bar where words could wrap, and buttons that do not touch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk.demo import build_demo
from iltdesk.self_check import TEAM, record_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from tests.keys import Keys, focused, settle, wait_for_active
from ui.kit.context import AppContext
from ui.reflect.charter.page import CharterPage
from ui.reflect.charter.versions import CompareDialog
from ui.reflect.self_check.page import SelfCheckPage

PAGE_AT_SMALL = (790, 650)  # a Reflect page's room in a 1024x700 window, beside the sidebar

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _no_sideways_scroll(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return not bar.isVisible() or bar.maximum() == 0


def test_self_check_columns_fit_a_small_window(qtbot: QtBot, journal: Journal) -> None:
    build_demo(journal)
    # The newest check-in, alone and with the team, rates long actions rarely: a list to show.
    rarely = dict.fromkeys(CURRENT_SET.item_area, 1)
    record_check(journal, rarely, taken_on=date.today() - timedelta(days=1))
    record_check(journal, rarely, taken_on=date.today(), taken_by=TEAM)
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    settle()
    for column in page.findChildren(QScrollArea):
        inner = column.widget()
        # Scrolled down only: a column wider than its view would cut its words at the right.
        assert inner.width() <= column.viewport().width(), column.accessibleName()
    assert not page.act.isHidden()  # the demo has weak actions to turn into work
    assert _no_sideways_scroll(page.act.items)
    export, new = page.export_button.geometry(), page.new_button.geometry()
    assert new.left() - export.right() > 4  # two buttons, not one split in two


def test_my_leadership_energy_list_wraps(qtbot: QtBot, journal: Journal) -> None:
    from ui.reflect.principal.page import PrincipalPage

    build_demo(journal)
    page = PrincipalPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    settle()
    assert page.check_list.count() > 0
    assert _no_sideways_scroll(page.check_list)  # each check's note wraps in place
    headings = [w for w in page.findChildren(QLabel) if w.objectName() == "SectionTitle"]
    titles = [w for w in page.findChildren(QLabel) if w.objectName() == "PageTitle"]
    starts = {w.mapTo(page, w.contentsRect().topLeft()).x() + w.indent() for w in headings}
    # the section headings start where the page's title does, not half a letter in
    assert starts == {titles[0].mapTo(page, titles[0].contentsRect().topLeft()).x()}


def test_charter_history_and_compare_fit(qtbot: QtBot, journal: Journal) -> None:
    build_demo(journal)
    page = CharterPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    settle()
    history = page.charter.history
    assert history.count() >= 2  # the demo's charter has been revised
    for row in range(history.count()):  # every version in view, the wrapped one too
        rect = history.visualRect(history.model().index(row, 0))
        assert history.viewport().rect().contains(rect), row
    assert _no_sideways_scroll(history)
    # Tab to Compare… and press Space: a long why must not stretch the dialog off the screen
    page.activateWindow()
    wait_for_active(CharterPage)
    keys = Keys()
    for _ in range(80):
        if focused() is page.charter.compare_button:
            break
        keys.tab()
    keys.press(Qt.Key.Key_Space)
    compare = wait_for_active(CompareDialog)
    assert compare.width() <= 1000
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(compare) or not compare.isVisible())


def test_framework_rows_refit_when_the_page_narrows(qtbot: QtBot, journal: Journal) -> None:
    from ui.reflect.frameworks.item_table import DESCRIPTION, TITLE, ItemTable
    from ui.reflect.frameworks.page import FrameworksPage

    build_demo(journal)
    page = FrameworksPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    settle()
    page.resize(*PAGE_AT_SMALL)  # a description now takes two lines: its row must grow
    settle()
    table = page.findChildren(ItemTable)[0]
    assert table.rowCount() > 0
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row), row
    # the description, a sentence, gets more room than the title, a few words
    assert table.columnWidth(DESCRIPTION) > table.columnWidth(TITLE)


def test_charter_beside_a_one_on_one_is_compact(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.charter import current_charter
    from ui.kit.markdown_edit import markdown_html
    from ui.lead.one_on_ones.charter_panel import CharterPanel

    build_demo(journal)
    panel = CharterPanel(AppContext(journal))
    qtbot.addWidget(panel)
    version = current_charter(journal)
    assert version is not None and "- " in version.norms  # the demo's norms are a list
    norms = panel.labels[-1]  # the norms come last
    loose = QLabel(markdown_html(version.norms))
    loose.setWordWrap(True)
    # In the narrow column beside the notes, the list sits close in and wraps less.
    assert norms.heightForWidth(250) < loose.heightForWidth(250)


def test_scope_headings_show_whole_in_a_small_window(qtbot: QtBot, journal: Journal) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    wrap = int(Qt.TextFlag.TextWordWrap)

    build_demo(journal)
    page = CharterPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    settle()
    table = page.scope.table
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the headings are drawn semi-bold
    metrics = QFontMetrics(bold)
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        assert item is not None
        room = header.sectionSize(column) - 16  # 8 px padding a side
        wrapped = metrics.boundingRect(QRect(0, 0, room, 1000), wrap, item.text())
        assert wrapped.width() <= room, item.text()  # no word cut at the side
        assert wrapped.height() + 12 <= header.height(), item.text()  # nor a line at the foot


def test_a_long_area_note_reads_whole_in_the_check_in_form(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.self_check import check_ins
    from ui.reflect.self_check.dialog import SelfCheckDialog

    area = CURRENT_SET.areas[0].key
    long_note = "The new members carry the work while the rest of us relearn it. " * 3
    record_check(journal, dict.fromkeys(CURRENT_SET.item_area, 2), notes={area: long_note})
    dialog = SelfCheckDialog(AppContext(journal), editing=check_ins(journal)[0])
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    note = dialog.notes[area]
    assert note.toPlainText().strip()
    # the box grew to the note: no scroll bar inside a form that already scrolls
    assert note.verticalScrollBar().maximum() == 0


def test_the_problem_statement_reads_whole_in_a_small_window(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.challenge import STATEMENT
    from ui.reflect.challenges.page import ChallengesPage

    build_demo(journal)
    page = ChallengesPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    settle()
    statement = page.view.areas[STATEMENT.field]
    assert len(statement.toPlainText()) > 400  # the demo's story is a paragraph
    # the box is as tall as the story: the page scrolls, not a box inside it
    assert statement.verticalScrollBar().maximum() == 0


def test_revising_shows_each_part_whole(qtbot: QtBot, journal: Journal) -> None:
    from ui.reflect.charter.charter_dialog import CharterDialog

    build_demo(journal)
    page = CharterPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(*PAGE_AT_SMALL)
    page.show()
    page.activateWindow()
    wait_for_active(CharterPage)
    keys = Keys()
    for _ in range(80):  # Tab to "Revise the charter…" and press Space
        if focused() is page.charter.revise_button:
            break
        keys.tab()
    keys.press(Qt.Key.Key_Space)
    dialog = wait_for_active(CharterDialog)
    settle()
    for name, box in dialog.editors.items():  # the version in force, part by part, unscrolled
        assert box.verticalScrollBar().maximum() == 0, name
    keys.escape()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
