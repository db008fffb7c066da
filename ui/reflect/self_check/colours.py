"""Colours and words the self-check chart, page and dialog share, so the three always agree."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor, QPalette

from iltdesk.self_check import FREQUENCY_LABELS
from ui.kit import theme

# Mid-tone hues with at least 3:1 contrast on both the light and the dark card colour, so one
# set serves both looks and an area keeps its colour when the theme changes.
AREA_COLOURS = {
    "learning_teaching": "#3b82c4",
    "school_culture": "#c97a1e",
    "talent": "#8e6bd6",
    "planning_operations": "#1f9a7a",
    "personal_leadership": "#d0508a",
}
# (text, background) for a rise and a fall, per look; the text reads at 4.5:1 on its pill and
# on the page, so a change never depends on the arrow's colour alone (the arrow says it too).
MOVEMENT = {
    (False, True): ("#1b6b45", "#dcf1e4"),
    (False, False): ("#a3261e", "#fbe3e0"),
    (True, True): ("#93dcb2", "#1e3b2c"),
    (True, False): ("#f4a79c", "#4a2623"),
}
STILL = 0.05  # a change that rounds to 0.0 is no change


def area_colour(area: str) -> QColor:
    """The colour that marks an area in the chart, the form and the page."""
    return QColor(AREA_COLOURS.get(area, "#7a848c"))


def area_dot(area: str) -> str:
    """Rich text: the area's colour as a dot, to put before its name."""
    return f"<span style='color:{area_colour(area).name()}'>●</span>&nbsp;"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the dark look is on: ui.kit.theme decides (``palette`` is no longer consulted)."""
    return theme.is_dark()


def movement_colours(palette: QPalette | None, change: float) -> tuple[str, str]:
    """Text and background colours for a change up or down, readable in the look on screen."""
    return MOVEMENT[(is_dark(palette), change > 0)]


def change_text(change: float, places: int = 1) -> str:
    """'▲ +1.0', '▼ −0.7' (a true minus sign), or 'no change'."""
    if abs(change) < STILL:
        return "no change"
    arrow = "▲" if change > 0 else "▼"
    return f"{arrow} {'+' if change > 0 else '−'}{abs(change):.{places}f}"


def closest_word(score: float) -> str:
    """The frequency word nearest a mean score: 2.7 is 'often'."""
    return FREQUENCY_LABELS[min(4, max(0, math.floor(score + 0.5)))].lower()
