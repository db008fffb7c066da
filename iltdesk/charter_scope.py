"""The year's scope and sequence: each period's overarching focus and its three strands.

A period is a month or a quarter. Besides its focus, each period says what the team does in
each of three strands (data, observation and feedback, professional learning); a year works
best when the three carry roughly equal weight, so the plan counts them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from sqlmodel import select

from iltdesk.errors import UsageError
from iltdesk.models import FocusKind, ScopeItem
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

FOCUS_TITLES = {
    FocusKind.data: QT_TRANSLATE_NOOP("charter_scope", "Data"),
    FocusKind.observation_feedback: QT_TRANSLATE_NOOP("charter_scope", "Observation and feedback"),
    FocusKind.professional_learning: QT_TRANSLATE_NOOP("charter_scope", "Professional learning"),
}
# What a period's entry holds besides its name and start: the focus, then a column per strand.
SCOPE_TEXTS = ("focus", *(kind.value for kind in FocusKind))
SCOPE_CHANGES = frozenset({"period", "starts_on", *SCOPE_TEXTS})
# The year is out of balance when one strand has at least this many more periods than another.
IMBALANCE = 2
NAME_THE_PERIOD = QT_TRANSLATE_NOOP(
    "charter_scope", "Name the period, e.g. 'October' or 'Quarter 2'."
)


def focus_title(kind: FocusKind) -> str:
    """A strand's title (``FOCUS_TITLES``) in the user's language."""
    return translate("charter_scope", FOCUS_TITLES[kind])


def scope_items(journal: Journal) -> list[ScopeItem]:
    """The year's scope and sequence, in order."""
    with journal.session() as s:
        items = list(s.exec(select(ScopeItem)))
    # Dated periods in calendar order; undated ones after them, in the order they were added.
    return sorted(
        items, key=lambda i: (i.starts_on is None, i.starts_on or date.max, i.position, i.id or 0)
    )


def add_scope_item(
    journal: Journal,
    period: str,
    *,
    starts_on: date | None = None,
    focus: str = "",
    data: str = "",
    observation_feedback: str = "",
    professional_learning: str = "",
) -> ScopeItem:
    """Plan one period (a month or quarter): its overarching focus and its three strands."""
    if not period.strip():
        raise UsageError(translate("charter_scope", NAME_THE_PERIOD))
    with journal.write() as s:
        count = len(list(s.exec(select(ScopeItem.id))))
        item = ScopeItem(
            period=period.strip(),
            starts_on=starts_on,
            position=count,
            focus=focus.strip(),
            data=data.strip(),
            observation_feedback=observation_feedback.strip(),
            professional_learning=professional_learning.strip(),
        )
        s.add(item)
        s.flush()
    return item


def update_scope_item(journal: Journal, item_id: int, **changes: object) -> ScopeItem:
    """Change a period's name, start, focus or what one of its strands does."""
    if unknown := set(changes) - SCOPE_CHANGES:
        raise UsageError(
            translate("charter_scope", "Cannot change {fields} of a scope item.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    for name in ("period", *SCOPE_TEXTS):
        if name in changes:
            changes[name] = str(changes[name]).strip()
    if "period" in changes and not changes["period"]:
        raise UsageError(translate("charter_scope", NAME_THE_PERIOD))
    with journal.write() as s:
        item = fetch(s, ScopeItem, item_id, translate("charter_scope", "scope item"))
        for name, value in changes.items():
            setattr(item, name, value)
        s.add(item)
    return item


def delete_scope_item(journal: Journal, item_id: int) -> None:
    """Move a period of the plan to the Trash."""
    with journal.write() as s:
        trash_record(s, ScopeItem, item_id)


def strand_text(item: ScopeItem, kind: FocusKind) -> str:
    """What ``item``'s period plans in strand ``kind`` ("" when nothing)."""
    return str(getattr(item, kind.value))


def strand_counts(items: list[ScopeItem]) -> dict[FocusKind, int]:
    """For each strand (in FocusKind order), how many periods plan something in it.

    The one count behind the balance hint and the counts over the scope table."""
    return {kind: sum(1 for item in items if strand_text(item, kind).strip()) for kind in FocusKind}


def next_period(items: list[ScopeItem], today: date) -> tuple[str, date]:
    """A guess at the next period: the month after the last one planned (this month if none),
    named after its month."""
    starts = [item.starts_on for item in items if item.starts_on]
    if starts:
        last = max(starts)
        start = last.replace(day=calendar.monthrange(last.year, last.month)[1]) + timedelta(1)
    else:
        start = today.replace(day=1)
    return f"{start:%B}", start


def thinnest_strand(items: list[ScopeItem]) -> FocusKind:
    """The strand with the fewest periods so far (the first in order on a tie): the one a
    period being planned could give more to."""
    counts = strand_counts(items)
    return min(FocusKind, key=lambda k: (counts[k], list(FocusKind).index(k)))


def balance_hint(items: list[ScopeItem]) -> str | None:
    """A hint when data, observation and feedback, and professional learning drift apart."""
    counts = strand_counts(items)
    if not any(counts.values()):
        return None
    most = max(FocusKind, key=lambda k: counts[k])
    least = thinnest_strand(items)
    if counts[most] - counts[least] < IMBALANCE:
        return None
    most_title, least_title = focus_title(most).lower(), focus_title(least).lower()
    if counts[least]:
        hint = translate(
            "charter_scope",
            "The year leans on {most} ({periods} periods) and gives {least} only {count}: the "
            "three strands work best in roughly equal measure.",
        )
    else:
        hint = translate(
            "charter_scope",
            "The year leans on {most} ({periods} periods) and gives {least} none: the three "
            "strands work best in roughly equal measure.",
        )
    return hint.format(
        most=most_title, periods=counts[most], least=least_title, count=counts[least]
    )
