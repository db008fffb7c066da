"""The window holds at 1024x700: no page of a lead, and no Reflect page, makes it wider or
taller, whatever the lead is called; long headers elide, and nothing is cut off.

The journey goes the way a person goes: arrow keys in the sidebar, Tab to the tabs,
Ctrl+Tab from tab to tab, arrow keys in the cycle list.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from iltdesk.challenge import challenges, update_challenge
from iltdesk.cycle import cycles_for, start_cycle, update_cycle
from iltdesk.demo import build_demo
from iltdesk.lead import LeadSummary, add_lead, lead_summaries, set_archived, update_lead
from iltdesk.models import CyclePhase
from iltdesk.store.journal import Journal
from tests.keys import Keys, focused, settle, wait_for_active
from ui.kit.context import AppContext
from ui.navigation.leads_sidebar import LEAD_ID, PAGE_KEY
from ui.shell.main_window import MainWindow

NAME = "Dr. Maximiliana Wolfeschlegelsteinhausen-Bergerdorff"
ROLE = "Senior Team Lead for Curriculum, Instruction and Assessment Design"
TEAM = "8th grade interdisciplinary team and the school literacy group"
TITLE = (
    "Turnover and burnout: a half-new team that lost its norms, its rituals and most of "
    "its trust in the process"
)
SMALL = QSize(1024, 700)
MOST_WIDTH, MOST_HEIGHT = 1000, 650  # what the window may ask for at the least


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


@pytest.fixture
def long_lead(journal: Journal) -> int:
    """The demo's year, with its senior lead renamed long, archived, a cycle in every phase
    and the challenge given a long title; returns that lead's id."""
    build_demo(journal)
    lead = next(s for s in lead_summaries(journal) if s.name == "Yolanda Brooks")
    update_lead(journal, lead.id, name=NAME, role=ROLE, team=TEAM)
    set_archived(journal, lead.id, True)
    long_ago = date.today() - timedelta(weeks=7)  # past the plan: "Week 8 of 4"
    for phase in (CyclePhase.intention, CyclePhase.learning, CyclePhase.practice):
        goal = f"A {phase} goal, long enough to wrap on the page and to be cut in the list"
        cycle = start_cycle(journal, lead.id, goal=goal, started_on=long_ago)
        update_cycle(journal, cycle.id or 0, phase=phase)
    update_challenge(journal, challenges(journal)[0].id or 0, title=TITLE)
    return lead.id


def _window(qtbot: QtBot, journal: Journal, size: QSize = SMALL) -> MainWindow:
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    return window


def _assert_fits(window: MainWindow, where: str) -> None:
    """Nothing on screen asks for more than 1000x650, and the window really is 1024x700."""
    settle()
    for asked in (window.minimumSizeHint(), window.minimumSize()):
        assert asked.width() <= MOST_WIDTH and asked.height() <= MOST_HEIGHT, (where, asked)
    window.resize(SMALL)
    settle()
    assert window.size() == SMALL, (where, window.size())


def _tab_to(keys: Keys, target: QWidget, *, back: bool = False, limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has focus."""
    for _ in range(limit):
        if focused() is target:
            return
        keys.press(Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target!r}; focus on {focused()!r}"


def _down_to(keys: Keys, window: MainWindow, role: int, value: object, limit: int = 30) -> None:
    """Arrow down the sidebar until ``value`` is the current row, opening folded groups."""
    tree = window.sidebar.tree
    for _ in range(limit):
        current = tree.currentIndex()
        if current.data(role) == value:
            return
        if tree.model().hasChildren(current) and not tree.isExpanded(current):
            keys.press(Qt.Key.Key_Right)  # unfold "Archived"
        else:
            keys.press(Qt.Key.Key_Down)
    raise AssertionError(f"the sidebar never reached {value!r}")


def test_every_page_of_a_long_named_lead_and_every_team_and_reflect_page_fit_1024x700(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    window = _window(qtbot, journal)
    keys = Keys()
    _assert_fits(window, "Today")
    _tab_to(keys, window.sidebar.tree)
    _down_to(keys, window, LEAD_ID, long_lead)
    page = window.lead_page
    assert window.pages.currentWidget() is page
    _assert_fits(window, "Overview")
    _tab_to(keys, page.tabs.tabBar())
    for number in range(1, page.tabs.count()):
        keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert page.tabs.currentIndex() == number
        where = page.tabs.tabText(number)
        _assert_fits(window, where)
        if page.tabs.currentWidget() is page.cycles:
            cycles = page.cycles.list
            _tab_to(keys, cycles)
            for row in range(cycles.count()):
                if row:
                    keys.press(Qt.Key.Key_Down)
                assert cycles.currentRow() == row
                _assert_fits(window, f"{where}: cycle {row} ({page.cycles.page.cycle})")
            assert {c.phase for c in cycles_for(journal, long_lead)} == set(CyclePhase)
    _tab_to(keys, window.sidebar.tree, back=True)
    team = ("ilt_meetings", "teacher_teams", "conversations", "team_overview")
    for key in (*team, "challenges", "self_check", "tensions", "charter"):
        _down_to(keys, window, PAGE_KEY, key)
        assert window.pages.currentWidget() is window.reflect.pages[key]
        _assert_fits(window, key)


def test_a_long_name_role_and_team_elide_with_the_whole_text_in_the_tooltip(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    window = _window(qtbot, journal)
    window.show_lead(long_lead)
    settle()
    name, details = window.lead_page.name, window.lead_page.details
    assert name.text() == f"{NAME} (archived)"
    assert name.is_elided() and name.toolTip() == name.text()
    assert name.shown_text().endswith("…") and name.width() < name.sizeHint().width()
    assert ROLE in details.toolTip() and TEAM in details.toolTip()
    in_list = window.sidebar.tree.currentIndex()
    assert in_list.data(Qt.ItemDataRole.ToolTipRole) == f"{NAME}\n{ROLE} · {TEAM}"
    assert window.lead_page.archive_button.isVisible()
    bring_back = window.lead_page.archive_button
    assert bring_back.mapTo(window, QPoint(bring_back.width(), 0)).x() <= window.width()

    window.resize(1920, 1080)  # room for it all: nothing is hidden, so no tooltip
    settle()
    assert not name.is_elided() and name.toolTip() == ""


def test_the_cycle_stepper_and_status_are_never_cut_or_wrapped(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    window = _window(qtbot, journal)
    window.show_lead(long_lead)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.cycles)
    practice = next(c for c in page.cycles.cycles if c.phase is CyclePhase.practice)
    page.cycles.select_cycle(practice.id)
    settle()
    cycle_page = page.cycles.page
    steps = cycle_page.steps
    bold = QFont(steps.font())
    bold.setWeight(QFont.Weight.DemiBold)
    share = steps.width() // len(steps.titles) - 8
    for title in steps.titles:  # "Practice, observation and feedback" takes three lines here
        box = QFontMetrics(bold).boundingRect(
            QRect(0, 0, share, 10_000), int(Qt.TextFlag.TextWordWrap), title
        )
        assert steps.DOT + 10 + box.height() <= steps.height(), title
    status = cycle_page.status
    assert status.text().startswith("Week 8 of 4 ·")
    assert status.height() < 2 * status.fontMetrics().lineSpacing(), "the status wrapped"

    window.resize(1920, 1080)  # room for the status beside the buttons, on one line
    settle()
    assert cycle_page.buttons.indexOf(status) >= 0
    assert status.height() < 2 * status.fontMetrics().lineSpacing(), "the status wrapped"


def test_strengths_and_growth_boxes_are_as_tall_as_what_is_in_them(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk import growth
    from iltdesk.models import TraitKind

    lead = add_lead(journal, "Amara Okafor").id or 0
    growth.add_trait(journal, lead, TraitKind.strength, "Reads the room", "Paused to explain.")
    window = _window(qtbot, journal, QSize(1920, 1080))
    window.show_lead(lead)
    settle()
    strengths = window.lead_page.overview.strengths.list
    assert strengths.count() == 1
    assert strengths.height() <= 3 * strengths.sizeHintForRow(0), strengths.height()


def test_the_sidebar_has_one_edge_for_headings_and_icons_and_one_for_names(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    window = _window(qtbot, journal)
    tree = window.sidebar.tree
    tree.expandAll()
    settle()
    model = tree.model()
    rows = []
    for top in range(model.rowCount()):
        group = model.index(top, 0)
        rows += [group] + [model.index(r, 0, group) for r in range(model.rowCount(group))]
    assert len({tree.visualRect(row).left() for row in rows}) == 1
    named = [row for row in rows if row.data(LEAD_ID) is not None or row.data(PAGE_KEY)]
    sizes = {tree.iconSize() if row.data(Qt.ItemDataRole.DecorationRole) else None for row in named}
    assert sizes == {tree.iconSize()}, "a row without an icon starts its name further left"


def test_the_forces_board_folds_in_a_narrow_window_so_context_is_not_cut_off(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    from ui.reflect.challenges.view import MIN_PROMPT_WIDTH, PROMPT_WIDTH

    window = _window(qtbot, journal)
    window.show_reflect_page("challenges")
    settle()
    view = window.reflect.pages["challenges"].view  # type: ignore[attr-defined]
    board = view.board
    assert board.per_row == 2
    context = board.columns[-1]
    right = context.mapTo(board, QPoint(context.width(), 0)).x()
    assert right <= board.width(), "the Context column runs off the board"
    seen = context.mapTo(view.scroller.viewport(), QPoint(context.width(), 0)).x()
    assert seen <= view.scroller.viewport().width(), "the Context column runs off the page"
    assert view.title.toolTip() == TITLE  # the title does not fit: the tooltip has it all
    assert {label.width() for label in view.prompts} == {MIN_PROMPT_WIDTH}

    window.resize(1920, 1080)
    settle()
    assert board.per_row == 4 and view.title.toolTip() == ""
    assert {label.width() for label in view.prompts} == {PROMPT_WIDTH}


def test_force_cards_name_a_titled_lead_by_title_and_surname() -> None:
    from ui.reflect.challenges.force_cards import short_names

    def lead(number: int, name: str) -> LeadSummary:
        return LeadSummary(number, name, "", "", True, None, None, 0)

    names = short_names(
        [lead(1, "Dr. Amara Okafor"), lead(2, "Maya Ortiz"), lead(3, "Maya Chen"), lead(4, "")]
    )
    assert names == {1: "Dr. Okafor", 2: "Maya O.", 3: "Maya C.", 4: "?"}


def test_the_energy_sparkline_draws_every_dot_whole_inside_its_lines(qtbot: QtBot) -> None:
    from ui.lead.energy_widgets import DOT_PEN, DOT_RADIUS, EnergySparkline

    sparkline = EnergySparkline()
    qtbot.addWidget(sparkline)
    start = date(2026, 1, 5)
    sparkline.set_points(
        tuple((start + timedelta(weeks=i), lvl) for i, lvl in enumerate([5, 1, 3]))
    )
    for width in (sparkline.minimumWidth(), 900):
        sparkline.resize(width, sparkline.minimumHeight())
        lines = sparkline.grid_area()
        reach = DOT_RADIUS + DOT_PEN / 2
        first, *_ = dots = sparkline.dot_centres()
        for dot in dots:
            assert lines.left() <= dot.x() - reach and dot.x() + reach <= lines.right()
            assert dot.y() - reach >= 0 and dot.y() + reach <= sparkline.height()
        assert first.x() - reach >= lines.left()


def test_enter_in_the_goal_starts_the_cycle_from_today(qtbot: QtBot, journal: Journal) -> None:
    from ui.lead.cycles.view import StartCycleDialog

    lead = add_lead(journal, "Amara Okafor").id or 0
    window = _window(qtbot, journal)
    window.show_lead(lead)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.cycles)
    keys = Keys()
    _tab_to(keys, page.cycles.start_button)

    def start(dialog: StartCycleDialog) -> None:
        assert focused() is dialog.goal
        keys.type("Every team meeting ends with one next step")
        keys.enter()
        if dialog.isVisible():  # Enter did not start it: leave, and let the test say so
            keys.escape()

    shown = keys.then_in(StartCycleDialog, start)
    keys.press(Qt.Key.Key_Space)
    QTest.qWait(0)
    assert shown, "Start a cycle never opened"
    assert not shown[0].isVisible()
    [cycle] = cycles_for(journal, lead)
    assert cycle.goal == "Every team meeting ends with one next step"
    assert cycle.started_on == date.today() and cycle.planned_weeks == 4
    assert keys.log[-2:] == ["NoModifier+Key_Space", "NoModifier+Key_Return"]


def test_a_long_name_on_a_force_card_chip_ends_in_an_ellipsis(qtbot: QtBot) -> None:
    from iltdesk.models import ForceKind
    from ui.reflect.challenges.force_cards import CHIP_PAD, CardDelegate, CardList, chip_text

    cards = CardList(ForceKind.asset, 1)
    qtbot.addWidget(cards)
    delegate = CardDelegate(cards, ForceKind.asset)
    name = "Dr. Wolfeschlegelsteinhausen-Bergerdorff"
    shape = delegate.shape(cards.font(), 200, "Yolanda as a thought partner", [name])
    [chip] = shape.chips
    metrics = QFontMetrics(delegate.chip_font(cards.font()))
    shown = chip_text(metrics, name, chip.width())
    assert shown.endswith("…")
    assert metrics.horizontalAdvance(shown) <= chip.width() - 2 * CHIP_PAD


def test_no_cycle_card_is_wider_than_the_page_at_1024x700(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    """No horizontal scrolling on a cycle's page, whatever its phase; the learning card's
    'what you did' field keeps room to type in."""
    window = _window(qtbot, journal)
    window.show_lead(long_lead)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.cycles)
    cycle_page = page.cycles.page
    for cycle in page.cycles.cycles:
        page.cycles.select_cycle(cycle.id)
        settle()
        viewport = cycle_page.scroller.viewport().width()
        assert not cycle_page.scroller.horizontalScrollBar().maximum(), cycle.phase
        for card in cycle_page.cards:
            right = card.mapTo(cycle_page.scroller.viewport(), QPoint(card.width(), 0)).x()
            assert card.minimumSizeHint().width() <= viewport, (cycle.phase, type(card))
            assert right <= viewport, (cycle.phase, type(card), right, viewport)
        if not cycle_page.learning.what.isHidden():
            assert cycle_page.learning.what.width() >= 200, cycle_page.learning.what.width()


def _placeholders_cut(root: QWidget) -> list[tuple[str, int, int]]:
    """(placeholder, lines of room, lines it needs) for each visible text box under ``root``
    too short to show its whole placeholder (drawn word-wrapped in the viewport)."""
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    cut = []
    for box in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        if not box.isVisible() or not box.placeholderText():
            continue
        margin = int(box.document().documentMargin())
        room = QRect(0, 0, box.viewport().width() - 2 * margin, 10_000)
        metrics = box.fontMetrics()
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), box.placeholderText())
        height = box.viewport().height() - 2 * margin
        if needed.height() > height + 1:
            spacing = metrics.lineSpacing()
            cut.append((box.placeholderText(), height // spacing, needed.height() // spacing))
    return cut


def test_every_placeholder_is_shown_whole_at_1024x700(
    qtbot: QtBot, journal: Journal, long_lead: int
) -> None:
    window = _window(qtbot, journal)
    window.show_lead(long_lead)
    page = window.lead_page
    page.tabs.setCurrentWidget(page.cycles)
    cut: dict[str, list[tuple[str, int, int]]] = {}
    for cycle in page.cycles.cycles:
        page.cycles.select_cycle(cycle.id)
        settle()
        cut[f"cycle, {cycle.phase}"] = _placeholders_cut(page.cycles.page)
    for key in ("challenges", "tensions", "charter"):
        window.show_reflect_page(key)
        settle()
        cut[key] = _placeholders_cut(window.reflect.pages[key])
    assert {where: boxes for where, boxes in cut.items() if boxes} == {}


def test_a_notes_placeholder_of_two_lines_is_drawn_whole(qtbot: QtBot) -> None:
    """Qt drew it inside the empty document's first line and a half: its second line was
    cut in two (the cycle's 'Evidence for the outcome' at 1024x700)."""
    from ui.kit.markdown_edit import MarkdownEdit

    notes = MarkdownEdit(placeholder="What the numbers and your observations show now, next to it")
    qtbot.addWidget(notes)
    notes.setFixedHeight(40)  # too short: the box grows to show it all
    notes.resize(260, 40)
    notes.show()
    settle()
    viewport = notes.viewport()
    layout = notes.document().documentLayout()
    first_lines = int(layout.frameBoundingRect(notes.document().rootFrame()).bottom())
    image = viewport.grab().toImage()
    base = viewport.palette().color(viewport.backgroundRole()).name()
    below = {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(first_lines + 1, image.height())
    }
    assert below - {base}, "nothing of the placeholder below the document's first line"
    margin = int(notes.document().documentMargin())
    room = QRect(0, 0, viewport.width() - 2 * margin, 10_000)
    flags = int(Qt.TextFlag.TextWordWrap)
    needed = notes.fontMetrics().boundingRect(room, flags, notes.placeholderText()).height()
    assert needed >= 2 * notes.fontMetrics().lineSpacing()  # two lines, or this proves nothing
    assert viewport.height() - 2 * margin >= needed
