"""The self-check chart's cards: one per area, every rater's series on one time axis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iltdesk.self_check_items import CURRENT_SET
from iltdesk.self_check_trends import AreaTrend, RaterTrend


@dataclass(frozen=True)
class AreaCard:
    """One area's card: each rater's series on the dates of every check-in, and the series
    whose latest step the badge reports (the rater who rated last)."""

    area: str
    title: str
    series: tuple[AreaTrend, ...]
    lead: AreaTrend | None
    days: tuple[date, ...]  # every check-in date of either rater, oldest first

    @property
    def points(self) -> tuple[tuple[date, float], ...]:
        """The latest rater's points (the badge and the status read them)."""
        return self.lead.points if self.lead is not None else ()

    @property
    def change(self) -> float:
        """What moved since the latest rater's check-in before."""
        return self.lead.change if self.lead is not None else 0.0


def area_cards(trends: list[RaterTrend], latest_rater: str | None) -> list[AreaCard]:
    """One card per area, with every rater's series; the axis is the union of their dates."""
    days = tuple(sorted({d for t in trends for d, _ in t.areas[0].points} if trends else ()))
    cards = []
    for index, area in enumerate(CURRENT_SET.areas):
        series = tuple(t.areas[index] for t in trends)
        lead = next((s for s in series if s.rater == latest_rater), series[-1] if series else None)
        cards.append(AreaCard(area.key, area.title, series, lead, days))
    return cards
