"""Pages that write their own colours and font sizes follow a change of look made while they
are on screen (Settings → Appearance), and what they write reads at WCAG AA in either look.

Before, the charter, the tensions page, the forces board and the leaning picker kept the
colours of the look they were built in, the energy line drew its low dots in a red that
read at 2.6:1 on the dark background, and the sidebar's headings were a grey at 3.5:1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.demo import build_demo
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS
from tests.conftest import kept_look
from tests.keys import Key, Keys, Mod, settle, wait_for_active
from tests.test_ui_contrast import TEXT, ratio, sheet_text_pairs
from ui.journal.settings_dialog import SettingsDialog
from ui.kit import theme
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's own look, starting light and normal-sized; restored after."""
    monkeypatch.delenv(theme.ENVIRONMENT, raising=False)
    monkeypatch.setattr(theme, "_system_scheme", Qt.ColorScheme.Light)
    monkeypatch.setattr(theme, "_chosen", {"theme": "", "text_size": ""})
    with kept_look(qapp):
        theme.apply(qapp, theme="light", text_size="normal")
        yield


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    build_demo(journal)
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    wait_for_active(MainWindow)
    return window


def _in_settings(act: Callable[[Keys], None]) -> None:
    """Open Settings by its shortcut, do ``act`` there (Enter saves and closes)."""
    keys = Keys()
    shown = keys.then_in(SettingsDialog, lambda _dialog: act(keys))
    keys.shortcut("Ctrl+,")
    assert shown, "Settings never came"
    settle()


def _choose_dark(keys: Keys) -> None:
    keys.press(Key.Key_T, Mod.AltModifier)  # "&Theme": System, Light, Dark
    keys.press(Key.Key_End)
    keys.enter()


def _choose_larger_text(keys: Keys) -> None:
    keys.press(Key.Key_X, Mod.AltModifier)  # "Te&xt size": Small, Normal, Large, Larger
    keys.press(Key.Key_End)
    keys.enter()


def _own_sheets(root: QWidget) -> list[tuple[str, str]]:
    """(class, style sheet) of every widget under ``root`` that sets colours of its own."""
    widgets = [root, *root.findChildren(QWidget)]
    return [(type(w).__name__, w.styleSheet()) for w in widgets if "color" in w.styleSheet()]


def _low_contrast(root: QWidget, dark: bool) -> list[tuple[str, str, str, str, float]]:
    low = []
    for kind, sheet in _own_sheets(root):
        for selector, text, ground, needed in sheet_text_pairs(sheet, dark):
            if ratio(text, ground) < needed:
                low.append((kind, selector, text, ground, round(ratio(text, ground), 2)))
    return low


def _reflect_pages(window: MainWindow) -> dict[str, QWidget]:
    pages = {}
    for key in ("charter", "tensions", "challenges"):
        window.show_reflect_page(key)
        settle()
        pages[key] = window.reflect.pages[key]
    return pages


def test_reflect_pages_take_the_dark_colours_when_dark_is_chosen_live(
    qtbot: QtBot, journal: Journal, qapp: QApplication
) -> None:
    window = _window(qtbot, journal)
    pages = _reflect_pages(window)  # built in the light look
    light = theme.LOOKS[False]["accent_text"]
    assert any(light in sheet for _kind, sheet in _own_sheets(pages["charter"]))
    assert {key: _low_contrast(page, False) for key, page in pages.items()} == {
        key: [] for key in pages
    }
    _in_settings(_choose_dark)
    assert theme.is_dark()
    dark = theme.LOOKS[True]["accent_text"]
    for key, page in pages.items():
        sheets = " ".join(sheet for _kind, sheet in _own_sheets(page))
        assert light not in sheets, f"{key} kept the light look's accent"
        assert _low_contrast(page, True) == [], key
    assert any(dark in sheet for _kind, sheet in _own_sheets(pages["charter"]))
    board = pages["challenges"].view.board  # type: ignore[attr-defined]
    from ui.reflect.challenges.force_cards import board_colours

    assert board_colours()["column"] in board.styleSheet()  # the dark board's columns
    counts = pages["charter"].scope.counts.text()  # type: ignore[attr-defined]
    assert theme.LOOKS[True]["strand_data"] in counts  # the strands' dots, in dark colours
    window.release()


def test_pixel_font_sizes_in_page_sheets_follow_the_text_size(
    qtbot: QtBot, journal: Journal, qapp: QApplication
) -> None:
    window = _window(qtbot, journal)
    charter = _reflect_pages(window)["charter"]
    kicker = next(w for w in charter.findChildren(QLabel) if w.objectName() == "Kicker")
    before = kicker.fontInfo().pixelSize()
    assert before == 11
    _in_settings(_choose_larger_text)
    assert theme.text_scale() == pytest.approx(1.3)
    assert kicker.fontInfo().pixelSize() == round(11 * 1.3)
    assert "font-size: 14px" in charter.styleSheet()  # 11 px, 30% larger
    window.release()


def test_the_leaning_picker_follows_the_look(qtbot: QtBot, qapp: QApplication) -> None:
    from ui.reflect.tensions.leaning_widget import LeaningPicker

    picker = LeaningPicker(TENSIONS[0])
    qtbot.addWidget(picker)
    assert "#b8c0c7" in picker.styleSheet()
    theme.apply(qapp, theme="dark", text_size="normal")
    assert "#5a646c" in picker.styleSheet() and theme.colour("accent") in picker.styleSheet()
    assert ratio(theme.colour("on_accent"), theme.colour("accent")) >= TEXT


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_sidebar_headings_read_in_either_look(
    qtbot: QtBot, journal: Journal, qapp: QApplication, dark: bool
) -> None:
    window = _window(qtbot, journal)
    if dark:
        _in_settings(_choose_dark)
    tree = window.sidebar.tree
    model = tree.model()
    headings = [
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.hasChildren(model.index(row, 0))
    ]
    assert len(headings) >= 2
    palette = qapp.palette()
    for heading in headings:
        brush = heading.data(Qt.ItemDataRole.ForegroundRole)
        colour = brush.color().name()
        assert colour == theme.PALETTES[dark][Role.PlaceholderText]
        for ground in (Role.Window, Role.Base):
            assert ratio(colour, palette.color(ground).name()) >= TEXT, (heading.data(), colour)
    image = tree.grab().toImage()  # drawn in that colour, as the look on screen has it
    rect = tree.visualRect(headings[0])
    seen = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert theme.PALETTES[dark][Role.PlaceholderText] in seen
    window.release()


def _drawn_colours(widget: QWidget) -> set[str]:
    """The colours ``widget`` paints, drawn four times larger so that its one-pixel pens
    show their own colour, not a blend with what is around them."""
    image = QImage(widget.size() * 4, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.scale(4, 4)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }


def test_the_energy_line_draws_low_dots_in_the_looks_error_colour(
    qtbot: QtBot, qapp: QApplication
) -> None:
    from datetime import date, timedelta

    from ui.lead.energy_widgets import EnergySparkline

    sparkline = EnergySparkline()
    qtbot.addWidget(sparkline)
    start = date(2026, 1, 5)
    sparkline.set_points(tuple((start + timedelta(weeks=i), 1) for i in range(3)))
    sparkline.resize(300, max(sparkline.minimumHeight(), 60))
    for dark in (False, True):
        theme.apply(qapp, theme="dark" if dark else "light", text_size="normal")
        drawn = _drawn_colours(sparkline)
        error = theme.LOOKS[dark]["error"]
        assert error in drawn and "#c0392b" not in drawn, dark
        assert ratio(error, theme.PALETTES[dark][Role.Base]) >= TEXT


def test_an_overdue_action_item_takes_the_looks_overdue_colour(
    qapp: QApplication, journal: Journal
) -> None:
    """It was one red in both looks (2.6:1 on dark); now the look's, read when drawn."""
    from datetime import date, timedelta

    from iltdesk.action_item import action_items_for, add_action_item
    from iltdesk.lead import add_lead
    from ui.lead.action_items import ActionItemsModel

    lead = add_lead(journal, "Priya Natarajan", on_ilt_since=date.today()).id or 0
    add_action_item(journal, lead, "Book coverage", due_on=date.today() - timedelta(days=3))
    model = ActionItemsModel(AppContext(journal))
    model.set_items(action_items_for(journal, lead))
    due = model.index(0, 3)
    for dark in (False, True, False):
        theme.apply(qapp, theme="dark" if dark else "light", text_size="normal")
        colour = due.data(Qt.ItemDataRole.ForegroundRole).color().name()
        assert colour == theme.LOOKS[dark]["overdue"], dark
        assert ratio(colour, theme.PALETTES[dark][Role.Base]) >= TEXT
