"""The self-check over time, one line per rater: the principal's own check-ins and the team's
are two series that are never joined, and what "moved" compares a check-in only with the one
before it by the same rater.

Area scores are compared across question sets (the five areas did not change), but single
actions only within one set: when the wording changed between two check-ins, the trend says so
(``reworded``) instead of calling a different question a movement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iltdesk.self_check import PRINCIPAL, TEAM, CheckIn, rater_label
from iltdesk.self_check_items import CURRENT_SET

TIED = 1e-9  # area scores are means of whole numbers; equal ones may differ in the last bit


@dataclass(frozen=True)
class AreaTrend:
    """One area across one rater's check-ins, and what moved since that rater's previous one."""

    area: str
    title: str
    rater: str
    points: tuple[tuple[date, float], ...]
    change: float  # latest minus previous by the same rater (0 with fewer than two)
    moved_items: tuple[tuple[str, int], ...]  # (action text, change) for actions that moved
    reworded: bool = False  # the latest two were asked in different wordings

    @property
    def latest(self) -> float | None:
        """The latest score, if this rater has rated the area."""
        return self.points[-1][1] if self.points else None


@dataclass(frozen=True)
class RaterTrend:
    """Every area across one rater's check-ins."""

    rater: str
    areas: tuple[AreaTrend, ...]
    history: tuple[CheckIn, ...]  # this rater's check-ins, oldest first

    @property
    def label(self) -> str:
        """'Just me' or 'With the team'."""
        return rater_label(self.rater)

    @property
    def since(self) -> date | None:
        """The date of the check-in the latest is compared with, if there are two."""
        return self.history[-2].check.taken_on if len(self.history) > 1 else None

    @property
    def reworded(self) -> bool:
        """The latest two check-ins were asked in different wordings."""
        return len(self.history) > 1 and (
            self.history[-1].check.item_set != self.history[-2].check.item_set
        )


def raters(history: list[CheckIn]) -> list[str]:
    """The raters who took check-ins: the principal, the team, then any older wording."""
    seen = {c.rater for c in history}
    known = [r for r in (PRINCIPAL, TEAM) if r in seen]
    return known + sorted(seen - {PRINCIPAL, TEAM})


def trends(history: list[CheckIn]) -> list[RaterTrend]:
    """One trend per rater who has check-ins, each built only from that rater's check-ins."""
    return [
        rater_trend(rater, [c for c in history if c.rater == rater]) for rater in raters(history)
    ]


def rater_trend(rater: str, own: list[CheckIn]) -> RaterTrend:
    """Every area across ``own`` (one rater's check-ins, oldest first)."""
    return RaterTrend(
        rater, tuple(_area(rater, area.key, own) for area in CURRENT_SET.areas), tuple(own)
    )


def _area(rater: str, area_key: str, own: list[CheckIn]) -> AreaTrend:
    title = next(a.title for a in CURRENT_SET.areas if a.key == area_key)
    points = tuple((c.check.taken_on, c.area_score(area_key)) for c in own)
    change = points[-1][1] - points[-2][1] if len(points) > 1 else 0.0
    if len(own) < 2:
        return AreaTrend(area_key, title, rater, points, change, ())
    before, after = own[-2], own[-1]
    if before.check.item_set != after.check.item_set:
        return AreaTrend(area_key, title, rater, points, change, (), reworded=True)
    found = after.wording.area(area_key)
    items = found.items if found is not None else ()
    moved = tuple(
        (i.text, after.answers[i.key] - before.answers[i.key])
        for i in items
        if i.key in before.answers
        and i.key in after.answers
        and after.answers[i.key] != before.answers[i.key]
    )
    return AreaTrend(area_key, title, rater, points, change, moved)


def latest_trend(history: list[CheckIn], found: list[RaterTrend]) -> RaterTrend | None:
    """The trend of whoever rated most recently: the conversation starts there."""
    if not history:
        return None
    newest = history[-1].rater
    return next((t for t in found if t.rater == newest), None)


def strongest_and_weakest(
    areas: tuple[AreaTrend, ...] | list[AreaTrend],
) -> tuple[AreaTrend, AreaTrend] | None:
    """The areas rated highest and lowest in the rater's latest check-in."""
    rated = [t for t in areas if t.points]
    if not rated:
        return None
    ranked = sorted(rated, key=lambda t: (t.points[-1][1], t.title))
    return ranked[-1], ranked[0]


def tied_with(areas: tuple[AreaTrend, ...] | list[AreaTrend], end: AreaTrend) -> list[AreaTrend]:
    """Every area whose latest score equals ``end``'s (itself included)."""
    score = end.latest
    return [
        t
        for t in areas
        if t.latest is not None and score is not None and abs(t.latest - score) < TIED
    ]
