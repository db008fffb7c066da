"""Appearance in Settings, from the keyboard: the theme and the text size change the running
app at once, are kept for the next start, and System follows the computer when it switches."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
)
from pytestqt.qtbot import QtBot

from iltdesk.store.journal import Journal
from tests.conftest import kept_look
from tests.keys import DesktopKeys, Key, Keys, Mod, show_main_window
from ui.journal.settings_dialog import SettingsDialog
from ui.kit import preferences, theme
from ui.kit.markdown_edit import MarkdownEdit
from ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's own look, starting light whatever the machine says; restored after."""
    monkeypatch.delenv(theme.ENVIRONMENT, raising=False)
    monkeypatch.setattr(theme, "_system_scheme", Qt.ColorScheme.Light)
    monkeypatch.setattr(theme, "_chosen", {"theme": "", "text_size": ""})
    with kept_look(qapp):
        theme.apply(qapp)
        yield


def _window(qtbot: QtBot, journal: Journal) -> MainWindow:
    return show_main_window(qtbot, journal)


def _in_settings(keys: Keys, act: Callable[[Keys], None]) -> None:
    """Open Settings by its shortcut and do ``act`` in it (it closes it too)."""
    shown = keys.then_in(SettingsDialog, lambda _dialog: act(keys))
    keys.shortcut("Ctrl+,")
    assert shown, "Settings never came"


def _window_colour(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_chosen_by_keys_is_on_at_once_and_kept(
    qtbot: QtBot, journal: Journal, qapp: QApplication
) -> None:
    window = _window(qtbot, journal)
    assert _window_colour(qapp) > 128
    keys = Keys()

    def choose_dark(keys: Keys) -> None:
        keys.press(Key.Key_T, Mod.AltModifier)  # "&Theme"
        keys.press(Key.Key_End)  # System, Light, Dark
        keys.enter()

    _in_settings(keys, choose_dark)
    assert _window_colour(qapp) < 128 and theme.is_dark()
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert preferences.theme() == "dark"
    again = _window(qtbot, journal)  # a new window, and the look applied as at a start
    theme.apply(qapp)
    assert theme.is_dark() and again.palette().color(QPalette.ColorRole.Window).lightness() < 128
    window.release()
    again.release()


def test_escape_puts_the_look_back(qtbot: QtBot, journal: Journal, qapp: QApplication) -> None:
    window = _window(qtbot, journal)
    keys = Keys()
    seen: list[bool] = []

    def preview_then_escape(keys: Keys) -> None:
        keys.press(Key.Key_T, Mod.AltModifier)
        keys.press(Key.Key_End)
        seen.append(theme.is_dark())  # previewed live, before Save
        keys.escape()

    _in_settings(keys, preview_then_escape)
    assert seen == [True]
    assert not theme.is_dark() and _window_colour(qapp) > 128
    assert preferences.theme() == "system"
    window.release()


def test_a_larger_text_size_makes_the_app_text_bigger_live(
    qtbot: QtBot, journal: Journal, qapp: QApplication
) -> None:
    window = _window(qtbot, journal)
    before = qapp.font().pointSizeF()
    notes = MarkdownEdit()
    qtbot.addWidget(notes)
    notes_before = notes.font().pointSizeF()
    keys = Keys()

    def choose_large(keys: Keys) -> None:
        keys.press(Key.Key_X, Mod.AltModifier)  # "Te&xt size": Normal
        keys.press(Key.Key_Down)  # Large
        keys.enter()

    _in_settings(keys, choose_large)
    assert preferences.text_size() == "large"
    assert qapp.font().pointSizeF() == pytest.approx(before * 1.15, abs=0.1)
    assert window.font().pointSizeF() > before
    assert notes.font().pointSizeF() >= notes_before  # notes never below their minimum
    window.release()


def test_system_follows_the_computer_when_it_switches(
    qtbot: QtBot, journal: Journal, qapp: QApplication
) -> None:
    window = _window(qtbot, journal)
    keys = Keys()

    def choose_system(keys: Keys) -> None:
        keys.press(Key.Key_T, Mod.AltModifier)
        keys.press(Key.Key_Home)  # "As the computer"
        keys.enter()

    _in_settings(keys, choose_system)
    assert preferences.theme() == "system" and not theme.is_dark()
    theme.on_colour_scheme_changed(Qt.ColorScheme.Dark)  # the computer, not the user
    assert theme.is_dark() and _window_colour(qapp) < 128
    theme.on_colour_scheme_changed(Qt.ColorScheme.Light)
    assert not theme.is_dark() and _window_colour(qapp) > 128
    window.release()


def test_a_chosen_theme_does_not_follow_the_computer(qapp: QApplication) -> None:
    preferences.save_appearance(theme="light", text_size="normal")
    theme.apply(qapp)
    theme.on_colour_scheme_changed(Qt.ColorScheme.Dark)
    assert not theme.is_dark()


def test_the_environment_variable_still_overrides(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    preferences.save_appearance(theme="light", text_size="normal")
    monkeypatch.setenv(theme.ENVIRONMENT, "dark")
    theme.apply(qapp)
    assert theme.is_dark()


def _block_formats(notes: MarkdownEdit) -> list[tuple[str, int, float, float]]:
    block, found = notes.document().begin(), []
    while block.isValid():
        fmt = block.blockFormat()
        found.append((block.text(), fmt.headingLevel(), fmt.lineHeight(), fmt.topMargin()))
        block = block.next()
    return found


def test_notes_are_set_for_reading_at_length(qtbot: QtBot) -> None:
    notes = MarkdownEdit(placeholder="Notes")
    qtbot.addWidget(notes)
    notes.set_markdown("## Goals\n\nWhat we agreed.\n\n## Next\n\nOne step.\n")
    assert notes.font().pointSizeF() >= 13
    formats = _block_formats(notes)
    assert all(height >= 140 for _text, _level, height, _top in formats)
    later_headings = [top for text, level, _h, top in formats if level and text != "Goals"]
    assert later_headings and all(top > 0 for top in later_headings)  # room above headings
    assert notes.markdown() == "## Goals\n\nWhat we agreed.\n\n## Next\n\nOne step.\n"


def test_a_template_starts_the_cursor_under_its_first_heading(qtbot: QtBot) -> None:
    notes = MarkdownEdit()
    qtbot.addWidget(notes)
    notes.set_markdown("## Heading\n\nBody\n")
    cursor = notes.textCursor()
    assert cursor.block().text() == "Body" and cursor.positionInBlock() == 0
    notes.set_markdown("## Goals\n\n\n## Calendar\n\n\n")  # only headings, as the 1:1 template
    cursor = notes.textCursor()
    assert cursor.block().blockFormat().headingLevel() == 0
    assert cursor.block().previous().text() == "Goals"
    assert not notes.document().isModified()
    notes.show()
    qtbot.keyClicks(notes, "Two goals met")
    assert notes.markdown() == "## Goals\n\nTwo goals met\n\n## Calendar\n"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_notes_box_shows_a_focus_ring(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, dark: bool
) -> None:
    monkeypatch.setenv(theme.ENVIRONMENT, "dark" if dark else "light")
    theme.apply(qapp)
    notes = MarkdownEdit(placeholder="Notes")
    qtbot.addWidget(notes)
    notes.resize(300, 120)
    notes.show()
    notes.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    edge = notes.grab().toImage().pixelColor(1, 60).name()
    assert edge == theme.LOOKS[dark]["focus"]


def _spin_box_up_arrow(spin: QAbstractSpinBox) -> tuple[QRect, set[str]]:
    """The up button's rectangle, as the style on screen lays it out, and its colours."""
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    up = spin.style().subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxUp, spin
    )
    image = spin.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(up.left(), up.right() + 1)
        for y in range(up.top(), up.bottom() + 1)
    }
    return up, colours


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_energy_spin_box_shows_its_arrows_and_a_focus_ring(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, dark: bool
) -> None:
    from tests.test_ui_contrast import ratio
    from ui.lead.energy_widgets import EnergyForm

    monkeypatch.setenv(theme.ENVIRONMENT, "dark" if dark else "light")
    theme.apply(qapp)
    form = EnergyForm()
    qtbot.addWidget(form)
    form.resize(500, form.sizeHint().height())
    form.show()
    form.activateWindow()
    spin = form.level
    for state, focus in (("unfocused", form.note), ("focused", spin)):
        focus.setFocus()
        qtbot.waitUntil(focus.hasFocus)
        up, colours = _spin_box_up_arrow(spin)
        assert up.width() >= 12 and up.height() >= 5, (state, up)
        button = spin.palette().color(QPalette.ColorRole.Button).name()
        colours.discard(theme.LOOKS[dark]["focus"])  # the ring, not an arrow
        edges = (QPalette.ColorRole.Shadow, QPalette.ColorRole.Dark, QPalette.ColorRole.Mid)
        colours -= {theme.PALETTES[dark][role] for role in edges}  # a button's bevel
        arrow = [c for c in colours if ratio(c, button) >= 3.0]
        assert arrow, f"{state}: no arrow on the up button, only {sorted(colours)}"
    ring = spin.grab().toImage().pixelColor(0, spin.height() // 2).name()
    assert ring == theme.LOOKS[dark]["focus"]


def _lightness_of_ink(image: QImage, rect: QRect, ground: QColor) -> int:
    """The lightness of the pixels in ``rect`` that differ most from ``ground`` (the ink)."""
    far: list[tuple[int, int]] = []
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = image.pixelColor(x, y)
            distance = sum(
                abs(a - b) for a, b in zip(pixel.getRgb()[:3], ground.getRgb()[:3], strict=True)
            )
            far.append((distance, pixel.lightness()))
    far.sort(reverse=True)
    ink = far[: max(1, len(far) // 20)]
    return sum(light for _, light in ink) // len(ink)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_the_selected_sidebar_icon_is_light_on_the_accent(
    qtbot: QtBot, journal: Journal, qapp: QApplication, look: str
) -> None:
    """In light the selected row's icon stayed dark on the teal; it takes the white text's
    colour now, as it always did in dark."""
    theme.apply(qapp, theme=look)
    window = _window(qtbot, journal)
    tree = window.sidebar.tree
    qtbot.waitUntil(lambda: tree.currentIndex().data() == "Today")  # where a window opens
    index = tree.currentIndex()
    selected = tree.model().data(index, Qt.ItemDataRole.DecorationRole)
    pixmap = selected.pixmap(QSize(16, 16), QIcon.Mode.Selected)
    assert _lightness_of_ink(pixmap.toImage(), QRect(0, 0, 16, 16), QColor(0, 0, 0, 0)) > 200
    image = tree.viewport().grab().toImage()
    row = tree.visualRect(index)
    # Inside the row's padding (the style sheet's 5px 6px), where the 16px icon is drawn.
    icon_area = QRect(row.left() + 6, row.top() + 5, 16, row.height() - 10)
    accent = QColor(theme.colour("accent"))
    assert _lightness_of_ink(image, icon_area, accent) > 200


def _contrast(one: QColor, other: QColor) -> float:
    def lum(c: QColor) -> float:
        parts = [
            v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c.getRgbF()[:3]
        ]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    high, low = sorted((lum(one), lum(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("look", ["light", "dark"])
@pytest.mark.parametrize(
    "element",
    [
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    ],
    ids=["check box", "item view"],
)
@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_an_unchecked_box_shows_its_outline(
    qtbot: QtBot, qapp: QApplication, look: str, element: QStyle.PrimitiveElement, enabled: bool
) -> None:
    """Dark: an unchecked box was outlined at 1:1 on the base (the 1:1's agenda, the Done
    column, unlock's "remember"). Its outline reads at 3:1 now, in both looks."""
    theme.apply(qapp, theme=look)
    box = QCheckBox("Remember")
    box.setEnabled(enabled)
    qtbot.addWidget(box)
    option = QStyleOptionButton()
    option.initFrom(box)
    option.rect = QRect(2, 2, 16, 16)
    option.state |= QStyle.StateFlag.State_Off
    ground = qapp.palette().color(QPalette.ColorRole.Base)
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(ground)
    painter = QPainter(image)
    qapp.style().drawPrimitive(element, option, painter, box)
    painter.end()
    best = max(_contrast(image.pixelColor(x, 2), ground) for x in range(2, 18))
    assert best >= 3.0


def test_locking_with_the_screen_is_turned_off_and_on_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    """Settings' "Also when the screen locks or the computer sleeps" (on by default) is kept
    when Save is pressed, and left as it was on Escape."""
    _window(qtbot, journal)
    keys = DesktopKeys()  # the main window is active again after each dialog
    assert preferences.lock_with_screen()

    def toggle_then(finish: Callable[[], None]) -> Callable[[Keys], None]:
        def act(keys: Keys) -> None:
            keys.press(Key.Key_L, Mod.AltModifier)  # "Also when the screen &locks…"
            # A mnemonic clicks the box after a short animation; a person's next key comes
            # later than that (Escape during it would only let the box go).
            QTest.qWait(250)
            finish()

        return act

    _in_settings(keys, toggle_then(keys.escape))
    assert preferences.lock_with_screen()
    _in_settings(keys, toggle_then(keys.enter))  # Enter: the dialog's Save
    assert not preferences.lock_with_screen()
    _in_settings(keys, toggle_then(keys.enter))  # Enter: the dialog's Save
    assert preferences.lock_with_screen()
