"""The principal's ratings beside the team's for the same stretch of the year, and the weak
actions worth a conversation.

A team check-in is paired with the principal's own check-in nearest to it in time, within
``PAIR_WINDOW``: the principal usually reflects alone shortly before discussing with the team,
so the two belong to one period. Further apart, they describe different moments and are not
compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from iltdesk.self_check import PRINCIPAL, TEAM, CheckIn
from iltdesk.self_check_items import CheckItem

PAIR_WINDOW = timedelta(days=45)
WEAK_AT_MOST = 1  # 'rarely' or 'never': an action worth turning into work


@dataclass(frozen=True)
class Pair:
    """A team check-in and the principal's nearest one within the window (None if none)."""

    team: CheckIn
    principal: CheckIn | None

    @property
    def same_wording(self) -> bool:
        """Both were asked the same questions, so single actions can be compared."""
        return self.principal is not None and (
            self.principal.check.item_set == self.team.check.item_set
        )


@dataclass(frozen=True)
class ItemGap:
    """One action as the principal and the team rated it."""

    key: str
    text: str
    principal: int
    team: int

    @property
    def gap(self) -> int:
        """The team's rating minus the principal's: positive when the team sees it more often."""
        return self.team - self.principal


@dataclass(frozen=True)
class AreaGap:
    """One area as the principal and the team rated it, with its actions when comparable."""

    area: str
    title: str
    principal: float
    team: float
    items: tuple[ItemGap, ...]

    @property
    def gap(self) -> float:
        """The team's mean minus the principal's."""
        return self.team - self.principal


def pairs(history: list[CheckIn]) -> list[Pair]:
    """Every team check-in, oldest first, each with the principal's nearest one in the window.

    Ties go to the principal's earlier check-in: reflecting alone before the team is the
    practice.
    """
    own = [c for c in history if c.rater == PRINCIPAL]
    result = []
    for team in (c for c in history if c.rater == TEAM):
        day = team.check.taken_on
        near = [c for c in own if abs(c.check.taken_on - day) <= PAIR_WINDOW]
        best = min(
            near, key=lambda c: (abs(c.check.taken_on - day), c.check.taken_on > day), default=None
        )
        result.append(Pair(team, best))
    return result


def latest_pair(history: list[CheckIn]) -> Pair | None:
    """The newest team check-in that has a principal's check-in to stand beside."""
    return next((p for p in reversed(pairs(history)) if p.principal is not None), None)


def pair_for(history: list[CheckIn], check_id: int) -> Pair | None:
    """The pair a check-in belongs to (as the team's or as the principal's), if any; the
    newest such pair when the principal's check-in stands beside several."""
    found = [
        p
        for p in pairs(history)
        if p.principal is not None and check_id in (p.team.check.id, p.principal.check.id)
    ]
    return found[-1] if found else None


def side_by_side(pair: Pair) -> list[AreaGap]:
    """Per area the two means and their gap; per action too when both used one wording."""
    if pair.principal is None:
        return []
    mine, theirs = pair.principal, pair.team
    result = []
    for area in theirs.wording.areas:
        items: tuple[ItemGap, ...] = ()
        if pair.same_wording:
            items = tuple(
                ItemGap(i.key, i.text, mine.answers[i.key], theirs.answers[i.key])
                for i in area.items
                if i.key in mine.answers and i.key in theirs.answers
            )
        result.append(
            AreaGap(
                area.key, area.title, mine.area_score(area.key), theirs.area_score(area.key), items
            )
        )
    return result


def widest_gaps(areas: list[AreaGap], count: int = 3) -> list[ItemGap]:
    """The actions the two raters see most differently (at least a step apart), widest first."""
    every = [item for area in areas for item in area.items if item.gap != 0]
    return sorted(every, key=lambda i: (-abs(i.gap), i.text))[:count]


@dataclass(frozen=True)
class WeakItem:
    """An action rated 'rarely' or 'never' in a check-in: somewhere to start."""

    area: str
    item: CheckItem
    rating: int
    item_set: int


def weak_items(entry: CheckIn, at_most: int = WEAK_AT_MOST) -> list[WeakItem]:
    """The check-in's actions rated ``at_most`` or lower, lowest first, then in asked order."""
    found = [
        WeakItem(area, item, rating, entry.check.item_set)
        for area, item, rating in entry.rated_items()
        if rating <= at_most
    ]
    return sorted(found, key=lambda w: w.rating)  # stable: asked order within a rating
