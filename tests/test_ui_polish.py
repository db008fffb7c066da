"""Screenshot-review polish: the observation's cycle choice fits its box, and Today's rows
are as tall as the lines they hold."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from iltdesk.demo import build_demo
from iltdesk.lead import lead_summaries
from iltdesk.store.journal import Journal
from tests.keys import settle, wait_for_active
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def _demo_window(qtbot: QtBot, journal: Journal, width: int) -> MainWindow:
    build_demo(journal)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(width, 768)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    settle()
    return window


def test_the_cycle_choice_is_elided_to_fit_with_the_goal_in_its_tooltip(
    qtbot: QtBot, journal: Journal
) -> None:
    window = _demo_window(qtbot, journal, 1024)
    window.show_lead(lead_summaries(journal)[-1].id)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.observations)
    settle()
    combo = page.observations.editor.cycle
    text = combo.currentText()
    assert text.endswith("…")
    assert combo.fontMetrics().horizontalAdvance(text) <= combo.contentsRect().width()
    cycle_id = combo.currentData()
    goal = next(c.goal for c in page.observations.cycles if c.id == cycle_id)
    assert " ".join(goal.split()) in combo.toolTip()
    assert " ".join(goal.split()) in str(combo.itemData(combo.currentIndex(), 3))
    window.resize(1280, 768)  # wider: more of the goal shows, still whole letters
    settle()
    wider = combo.currentText()
    assert len(wider) > len(text)
    assert combo.fontMetrics().horizontalAdvance(wider) <= combo.contentsRect().width()


def _row_heights(tree: QTreeWidget) -> dict[str, set[int]]:
    heights: dict[str, set[int]] = {}
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        assert heading is not None
        rows = (heading.child(r) for r in range(heading.childCount()))
        heights[heading.text(0)] = {tree.visualItemRect(r).height() for r in rows if r}
    return heights


@pytest.mark.parametrize("width", [1024, 1280])
def test_todays_one_line_rows_are_equally_tall_in_every_section(
    qtbot: QtBot, journal: Journal, width: int
) -> None:
    window = _demo_window(qtbot, journal, width)
    tree = window.today.tree
    heights = _row_heights(tree)
    assert len(heights) >= 3
    assert len(set().union(*heights.values())) == 1, heights


def test_lists_write_their_dates_one_way(qtbot: QtBot, journal: Journal) -> None:
    """Timeline, tension and observation rows write a day as Today and Action items do:
    'Fri 4 Dec' this year, '30 Dec 2024' before (three formats once stood side by side)."""
    from datetime import date

    from iltdesk import dates
    from iltdesk.models import TensionNote
    from iltdesk.tension import TENSIONS
    from iltdesk.timeline import TimelineEntry
    from ui.lead.observations.view import list_day
    from ui.lead.timeline import TimelineModel
    from ui.reflect.tensions.page import overview_text

    today = date.today()
    for day in (today, date(today.year - 2, 12, 30)):
        assert list_day(day, today) == dates.list_date(day, today)
        tension = TENSIONS[0]
        note = TensionNote(tension=tension.key, leaning=0, noted_on=day)
        assert overview_text(tension, note).endswith(f"noted {dates.list_date(day)}")
        model = TimelineModel()
        model.entries = [TimelineEntry("one_on_one", 1, day, "A 1:1", "")]
        shown = model.data(model.index(0, 0))
        assert isinstance(shown, str) and shown.startswith(dates.list_date(day))
