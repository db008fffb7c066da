"""A challenge's page by keys: a new challenge starts from its problem and story (typed first,
saved by itself, there again on a fresh page), and the areas sit the right way up against the
green line (technical above, adaptive below, equity around)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.challenge import add_challenge, challenges
from iltdesk.store.journal import Journal
from tests.keys import DesktopKeys, Key, Keys, focused, wait_for_active
from ui.kit.context import AppContext
from ui.reflect.challenges.areas import GreenLine, LineDiagram
from ui.reflect.challenges.page import ChallengesPage, NewChallengeDialog

TITLE = "Turnover took our norms with it"
FIRST = "Half the ILT left in June and took our way of working with them."
SECOND = "The new members are strong teachers who never saw the year-one norms."
TAB_LIMIT = 60

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


def shown(qtbot: QtBot, journal: Journal) -> ChallengesPage:
    """The page on its own, active, as the window a person works in."""
    page = ChallengesPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    page.activateWindow()
    return wait_for_active(ChallengesPage)


def tab_until(keys: Keys, wanted: Callable[[QWidget], bool]) -> QWidget:
    for _ in range(TAB_LIMIT):
        if wanted(focused()):
            return focused()
        keys.tab()
    raise AssertionError(f"Tab never reached it; focus is on {focused()!r}")


def new_challenge_by_keys(qtbot: QtBot, page: ChallengesPage, keys: Keys, title: str) -> None:
    """Tab to "New challenge…", press Space, type the title and press Enter."""
    done: list[bool] = []

    def name_it(dialog: NewChallengeDialog) -> None:
        try:
            assert focused() is dialog.title
            keys.type(title)
            keys.enter()  # "Start thinking it through" is the default button
        finally:
            done.append(True)
            if dialog.isVisible():
                dialog.hide()  # a failed step must not leave a modal dialog waiting

    keys.then_in(NewChallengeDialog, name_it)
    tab_until(keys, lambda w: w is page.new_button)
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)


def test_a_new_challenge_starts_at_its_statement_which_saves_itself_and_comes_back(
    qtbot: QtBot, journal: Journal
) -> None:
    page = shown(qtbot, journal)
    keys = DesktopKeys()

    new_challenge_by_keys(qtbot, page, keys, TITLE)
    [challenge] = challenges(journal)
    assert challenge.title == TITLE and challenge.statement == ""
    statement = page.view.areas["statement"]
    keys.type("")  # gives the focus back to the page, as a window manager would
    assert focused() is statement, "the cursor waits in the problem statement"
    keys.type(FIRST)
    keys.enter()
    keys.type(SECOND)
    qtbot.waitUntil(lambda: SECOND in challenges(journal)[0].statement, timeout=5000)
    saved = challenges(journal)[0].statement
    assert FIRST in saved and saved.index(FIRST) < saved.index(SECOND)
    qtbot.waitUntil(lambda: FIRST in page.list.item(0).toolTip(), timeout=2000)
    assert page.list.item(0).toolTip().startswith(TITLE)
    keys.tab()  # the statement comes before any area
    assert focused() is page.view.areas["systems"]

    fresh = ChallengesPage(AppContext(journal))
    qtbot.addWidget(fresh)
    assert fresh.view.challenge is not None and fresh.view.challenge.id == challenge.id
    again = fresh.view.areas["statement"].markdown()
    assert FIRST in again and SECOND in again


def test_a_statement_edited_by_keys_saves_when_the_cursor_moves_on(
    qtbot: QtBot, journal: Journal
) -> None:
    add_challenge(journal, "Distance learning", statement="Screens all day.")
    page = shown(qtbot, journal)
    keys = Keys()
    statement = tab_until(keys, lambda w: w is page.view.areas["statement"])
    keys.press(Key.Key_End)
    keys.type(" Families cannot reach us.")
    keys.tab()  # leaving the box saves at once, without waiting for the timer
    assert challenges(journal)[0].statement.strip() == "Screens all day. Families cannot reach us."
    assert focused() is not statement


def test_the_page_draws_the_green_line_between_the_technical_and_the_adaptive_side(
    qtbot: QtBot, journal: Journal
) -> None:
    add_challenge(journal, TITLE)
    page = shown(qtbot, journal)
    view = page.view
    column = view.column

    def top(widget: QWidget) -> int:
        return widget.mapTo(column, widget.rect().topLeft()).y()

    [line] = [w for w in column.findChildren(GreenLine) if w.isVisibleTo(column) and w.named]
    above = [top(view.areas[f]) for f in ("systems", "technical_needs")]
    below = [top(view.areas[f]) for f in ("relationships", "information_flow", "adaptive_needs")]
    assert top(view.areas["statement"]) < min(above), "the story comes before any area"
    assert max(above) < top(line) < min(below)
    assert top(view.areas["equity"]) > max(below) and top(view.areas["root_causes"]) > max(below)
    [diagram] = column.findChildren(LineDiagram)
    assert diagram.isVisibleTo(column)
    words = " ".join(
        label.text() for label in column.findChildren(QLabel) if label.isVisibleTo(column)
    ).lower()
    assert "above the green line" in words and "below the green line" in words
    assert "events everyone can see" not in words
    assert view.areas["root_causes"].placeholderText().startswith("Above the line (technical)")
    buttons = [b.text() for b in view.findChildren(QAbstractButton)]
    assert "Thinking it through" in buttons


def test_the_questions_and_the_drawing_narrow_together_in_a_small_window(
    qtbot: QtBot, journal: Journal
) -> None:
    from ui.reflect.challenges.view import MIN_PROMPT_WIDTH, PROMPT_WIDTH

    add_challenge(journal, TITLE)
    page = shown(qtbot, journal)
    view = page.view
    assert any(isinstance(w, LineDiagram) for w in view.prompts)
    assert len(view.prompts) == 9  # the statement's and seven areas' questions, and the drawing
    page.resize(900, 700)
    qtbot.waitUntil(lambda: view.width() < 760)
    assert {w.width() for w in view.prompts} == {MIN_PROMPT_WIDTH}
    page.resize(1600, 900)
    qtbot.waitUntil(lambda: view.width() >= 760)
    assert {w.width() for w in view.prompts} == {PROMPT_WIDTH}


def test_the_sides_titles_read_clearly_on_the_page(qtbot: QtBot, journal: Journal) -> None:
    from tests.test_ui_contrast import ratio, sheet_text_pairs
    from ui.kit import theme

    add_challenge(journal, TITLE)
    page = shown(qtbot, journal)
    dark = theme.is_dark()
    sheet = page.view.styleSheet()
    assert "SideTitle" in sheet
    low = [
        (selector, text, ground)
        for selector, text, ground, needed in sheet_text_pairs(sheet, dark)
        if ratio(text, ground) < needed
    ]
    assert low == []
