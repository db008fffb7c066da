"""A lead's action items read a page at a time: a lead kept for years owns thousands, and
reading them all (and sizing the table's columns to all of them) made the tab slow to show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from iltdesk import team_action
from iltdesk.models import ActionItem
from iltdesk.store.journal import Journal

PAGE = 50  # rows read at a time: two screenfuls or so


@dataclass(frozen=True)
class Page:
    """Some of the list's items, with what their rows show of the team items among them."""

    items: list[ActionItem]
    team_owners: dict[int, str]
    team_days: dict[int, date]


PageReader = Callable[[list[int]], Page]


def nothing(ids: list[int]) -> Page:
    """No items (a model given its items whole reads no page)."""
    return Page([], {}, {})


def read_page(journal: Journal, ids: list[int]) -> Page:
    """The items of ``ids`` and, for the team items among them, their owners and meeting day."""
    items = team_action.items_by_id(journal, ids)
    team = [i for i in items if i.lead_id is None]
    return Page(
        items, team_action.owner_phrases(journal, team), team_action.meeting_days(journal, team)
    )
