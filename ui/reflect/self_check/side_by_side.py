"""The principal's ratings beside the team's for one period, as the page shows them: per area
the two averages and the gap, then per action the two ratings when both used one wording."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from iltdesk import dates
from iltdesk.self_check import as_sentence, frequency_label
from iltdesk.self_check_compare import PAIR_WINDOW, AreaGap, ItemGap, Pair, side_by_side
from ui.reflect.self_check.colours import STILL, area_dot, movement_colours

CELL = "padding:1px 10px 1px 0"


def gap_text(gap: float, places: int = 1) -> str:
    """'team +1.0', 'team −0.7' (a true minus) or 'same'."""
    if abs(gap) < STILL:
        return QCoreApplication.translate("side_by_side", "same")
    return QCoreApplication.translate("side_by_side", "team {gap}").format(
        gap=f"{'+' if gap > 0 else '−'}{abs(gap):.{places}f}"
    )


def _gap_cell(gap: float, places: int) -> str:
    colour = movement_colours(gap)[0] if abs(gap) >= STILL else ""
    style = f"{CELL}; font-weight:600" + (f"; color:{colour}" if colour else "")
    return f"<td style='{style}' align='right'>{gap_text(gap, places)}</td>"


def _area_row(area: AreaGap) -> str:
    return (
        f"<tr><td style='{CELL}'><b>{area_dot(area.area)}{escape(area.title)}</b></td>"
        f"<td style='{CELL}' align='right'>{area.principal:.1f}</td>"
        f"<td style='{CELL}' align='right'>{area.team:.1f}</td>{_gap_cell(area.gap, 1)}</tr>"
    )


def _item_row(item: ItemGap) -> str:
    return (
        f"<tr><td style='padding:1px 10px 1px 22px'>{escape(as_sentence(item.text))}</td>"
        f"<td style='{CELL}' align='right'>{frequency_label(item.principal)}</td>"
        f"<td style='{CELL}' align='right'>{frequency_label(item.team)}</td>"
        f"{_gap_cell(item.gap, 0)}</tr>"
    )


def pair_title(pair: Pair | None) -> str:
    """'Just me (3 Oct) beside the team (6 Oct)', or the section's plain name."""
    if pair is None or pair.principal is None:
        return QCoreApplication.translate("side_by_side", "Just me beside the team")
    mine, theirs = pair.principal.check.taken_on, pair.team.check.taken_on
    return QCoreApplication.translate(
        "side_by_side", "Just me ({mine}) beside the team ({theirs})"
    ).format(mine=dates.short(mine), theirs=dates.short(theirs))


def side_by_side_html(pair: Pair | None, muted: str) -> str:
    """The comparison as a table, or a line saying why there is none yet."""
    days = PAIR_WINDOW.days
    if pair is None or pair.principal is None:
        why = (
            QCoreApplication.translate(
                "side_by_side",
                "Rate alone, then with the team within {days} days: the two sets of ratings "
                "show here side by side.",
            )
            if pair is None
            else QCoreApplication.translate(
                "side_by_side",
                "You have no check-in of your own within {days} days of this one with the team.",
            )
        )
        return f"<span style='color:{muted}'>{why.format(days=days)}</span>"
    head = (
        "<tr><td></td>"
        + "".join(
            f"<td style='{CELL}; color:{muted}' align='right'>{title}</td>"
            for title in (
                QCoreApplication.translate("side_by_side", "Just me"),
                QCoreApplication.translate("side_by_side", "Team"),
                QCoreApplication.translate("side_by_side", "Gap"),
            )
        )
        + "</tr>"
    )
    rows = "".join(
        _area_row(a) + "".join(_item_row(i) for i in a.items) for a in side_by_side(pair)
    )
    different = QCoreApplication.translate(
        "side_by_side",
        "The two were asked in different wordings: areas compare, single actions do not.",
    )
    note = "" if pair.same_wording else f"<p style='color:{muted}'>{different}</p>"
    return f"{note}<table cellspacing='0'>{head}{rows}</table>"
