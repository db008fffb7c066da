"""Every control a person can Tab to has a name a screen reader can say.

The test walks the main window's pages with records on them (Today, each lead's every tab,
every Reflect page) and lists the focusable widgets whose accessible name is empty, as the
accessibility interface gives it (an explicit name, a buddy label, a button's text...).
It audits what is on screen, so it moves between pages the short way (the sidebar's current
row and the tab bar's current tab), not by keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iltdesk.demo import build_demo
from iltdesk.lead import lead_summaries
from iltdesk.store.journal import Journal
from tests.keys import settle
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow
from ui.shell.section_pages import _FACTORIES as REFLECT_PAGES

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _focusable(widget: QWidget) -> bool:
    # A widget whose focus goes to a proxy (a spin box's inner line edit) is that proxy.
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisible()
        and widget.isEnabled()
    )


def _name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def _unnamed(window: MainWindow) -> tuple[int, set[str]]:
    widgets = [w for w in window.findChildren(QWidget) if _focusable(w)]
    parent = lambda w: type(w.parentWidget()).__name__  # noqa: E731
    unnamed = {f"{type(w).__name__} in {parent(w)}" for w in widgets if not _name(w)}
    return len(widgets), {u.replace("_DateEdit", "QDateEdit") for u in unnamed}


def _walk(qtbot: QtBot, journal: Journal) -> tuple[int, dict[str, set[str]]]:
    build_demo(journal)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    settle()
    seen: dict[str, set[str]] = {}
    counted, seen["Today"] = _unnamed(window)
    for lead in lead_summaries(journal):
        window.sidebar.select_lead(lead.id)
        tabs = window.lead_page.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            count, seen[f"{lead.name}: {tabs.tabText(index)}"] = _unnamed(window)
            counted += count
    for key in REFLECT_PAGES:
        window.sidebar.select_page(key)
        settle()
        count, seen[key] = _unnamed(window)
        counted += count
    window.release()
    return counted, {page: found for page, found in seen.items() if found}


def test_every_control_has_a_name(qtbot: QtBot, journal: Journal) -> None:
    counted, unnamed = _walk(qtbot, journal)
    assert counted > 150  # the walk saw the pages with their records
    assert unnamed == {}
