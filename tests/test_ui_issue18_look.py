"""Issue 18's Reflect pages as they look in a small window: nothing cut off at the right of a
column, no sideways scroll bar where words could wrap, and buttons that do not touch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from iltdesk.demo import build_demo
from iltdesk.store.journal import Journal
from tests.keys import settle
from ui.kit.context import AppContext
from ui.reflect.self_check.page import SelfCheckPage

PAGE_AT_SMALL = (790, 650)  # a Reflect page's room in a 1024x700 window, beside the sidebar

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _no_sideways_scroll(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return not bar.isVisible() or bar.maximum() == 0


def test_self_check_columns_fit_a_small_window(qtbot: QtBot, journal: Journal) -> None:
    build_demo(journal)
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
