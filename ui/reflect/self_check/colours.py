"""Colours and words the self-check chart, page and dialog share, so the three always agree."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from iltdesk.self_check import frequency_label
from iltdesk.self_check_items import CURRENT_SET
from ui.kit import theme

AREA_KEYS = frozenset(area.key for area in CURRENT_SET.areas)  # the same five in every set
STILL = 0.05  # a change that rounds to 0.0 is no change


def area_colour(area: str) -> QColor:
    """The colour that marks an area in the chart, the form and the page (``area_<key>`` in
    ui.kit.palette; one hue in both looks, so an area keeps its colour)."""
    name = f"area_{area}" if area in AREA_KEYS else "area_unknown"
    return QColor(theme.colour(name))


def area_dot(area: str) -> str:
    """Rich text: the area's colour as a dot, to put before its name."""
    return f"<span style='color:{area_colour(area).name()}'>●</span>&nbsp;"


def movement_colours(change: float) -> tuple[str, str]:
    """Text and background colours for a change up or down, readable in the look on screen."""
    way = "rise" if change > 0 else "fall"
    return theme.colour(f"{way}_text"), theme.colour(f"{way}_bg")


def change_text(change: float, places: int = 1) -> str:
    """'▲ +1.0', '▼ −0.7' (a true minus sign), or 'no change'."""
    if abs(change) < STILL:
        return QCoreApplication.translate("colours", "no change")
    arrow = "▲" if change > 0 else "▼"
    return f"{arrow} {'+' if change > 0 else '−'}{abs(change):.{places}f}"


def closest_word(score: float) -> str:
    """The frequency word nearest a mean score: 2.7 is 'often'."""
    return frequency_label(min(4, max(0, math.floor(score + 0.5)))).lower()
