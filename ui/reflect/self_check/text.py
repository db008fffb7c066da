"""The self-check page's words: the at-a-glance line, what moved, and one check-in's ratings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from iltdesk.self_check import CheckIn, as_sentence, frequency_label
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.self_check_trends import AreaTrend, RaterTrend, tied_with
from ui.kit.markdown_edit import markdown_html
from ui.reflect.self_check.colours import (
    STILL,
    area_colour,
    area_dot,
    change_text,
    movement_colours,
)


def label(text: str = "", name: str = "") -> QLabel:
    """A wrapping, selectable label with a style-sheet role."""
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setIndent(0)  # a role with a margin would otherwise indent it half an "x"
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def ends_html(trends: tuple[AreaTrend, ...], best: AreaTrend, worst: AreaTrend) -> str:
    """'Strongest: … · Weakest: …', naming every area tied at the top or the bottom."""

    def named(end: AreaTrend, heading: str, tied_heading: str) -> str:
        score = end.points[-1][1]
        tied = tied_with(trends, end)
        heading = tied_heading if len(tied) > 1 else heading
        names = ", ".join(f"{area_dot(t.area)}{escape(t.title)}" for t in tied)
        return f"<b>{heading}:</b> {names} ({score:.1f})"

    gap = "&nbsp;&nbsp;&nbsp;·&nbsp;&nbsp;&nbsp;"
    strongest = named(
        best,
        QCoreApplication.translate("text", "Strongest"),
        QCoreApplication.translate("text", "Strongest (tied)"),
    )
    weakest = named(
        worst,
        QCoreApplication.translate("text", "Weakest"),
        QCoreApplication.translate("text", "Weakest (tied)"),
    )
    return strongest + gap + weakest


def moved_html(rater: RaterTrend, palette: QPalette) -> str:
    """Each area with actions that moved since this rater's previous check-in, then those
    actions with their arrow and amount; after a rewording, only the areas."""
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    if rater.reworded:
        return reworded_html(rater, muted)
    parts = []
    for trend in rater.areas:
        if not trend.moved_items:
            continue
        still = abs(trend.change) < STILL  # items moved both ways and cancelled out
        fg = muted if still else movement_colours(trend.change)[0]
        parts.append(
            f"<p style='margin:0 0 3px 0'><b>{area_dot(trend.area)}{escape(trend.title)}</b>"
            f"&nbsp;&nbsp;<span style='color:{fg}'>{change_text(trend.change)}</span></p>"
        )
        # A table keeps a long action's second line clear of the arrow column.
        rows = "".join(moved_row(text, amount) for text, amount in trend.moved_items)
        parts.append(f"<table cellspacing='0' style='margin-bottom:10px'>{rows}</table>")
    return "".join(parts) or QCoreApplication.translate(
        "text", "Every action was rated the same as last time."
    )


def reworded_html(rater: RaterTrend, muted: str) -> str:
    """The questions changed between the two check-ins: areas compare, single actions not."""
    rows = "".join(
        f"<p style='margin:0 0 3px 0'>{area_dot(t.area)}{escape(t.title)}&nbsp;&nbsp;"
        f"{change_text(t.change)}</p>"
        for t in rater.areas
    )
    reworded = QCoreApplication.translate(
        "text",
        "The questions were reworded since the previous check-in, so single actions are not "
        "compared; the areas are.",
    )
    return f"<p style='color:{muted}'>{reworded}</p>" + rows


def moved_row(text: str, amount: int) -> str:
    """One action that moved: '▲ +1' in the rise or fall colour, then the action."""
    colour = movement_colours(amount)[0]
    arrow = change_text(amount, 0).replace(" ", "&nbsp;")
    return (
        f"<tr><td style='padding:1px 8px 1px 22px; font-weight:600; color:{colour}'>{arrow}</td>"
        f"<td style='padding:1px 0'>{escape(as_sentence(text))}</td></tr>"
    )


def ratings_label(entry: CheckIn, area_key: str) -> QLabel:
    """One area of a check-in: its average, then each action and how often, read-only."""
    area = entry.wording.area(area_key)
    if area is None:
        return label("")
    rows = []
    for item in area.items:
        value = entry.answers.get(item.key)
        word = (
            frequency_label(value)
            if value is not None
            else QCoreApplication.translate("text", "not rated")
        )
        rows.append(
            f"<tr><td style='padding:1px 16px 1px 22px'>{escape(as_sentence(item.text))}</td>"
            f"<td style='padding:1px 0' align='right'><b>{word}</b></td></tr>"
        )
    return label(
        f"<p style='margin:0 0 3px 0'><b>{area_dot(area_key)}{escape(area.title)}</b>"
        f"&nbsp;&nbsp;{entry.area_score(area_key):.1f}</p>"
        f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"
    )


def note_label(note: str, area_key: str) -> QLabel:
    """The area note as written (Markdown), set off by a bar in the area's colour."""
    widget = label(markdown_html(note))
    widget.setTextFormat(Qt.TextFormat.RichText)
    title = next((a.title for a in CURRENT_SET.areas if a.key == area_key), area_key)
    widget.setAccessibleName(
        QCoreApplication.translate("text", "Note on {value}").format(value=title.lower())
    )
    # Qt draws a one-sided border only once the other sides are set too.
    widget.setStyleSheet(
        f"QLabel {{ border: 0 solid transparent; border-left: 3px solid "
        f"{area_colour(area_key).name()}; padding: 1px 0 1px 10px; margin: 6px 0 0 22px; }}"
    )
    return widget
