"""The ILT charter: purpose, norms, member qualities, a balanced year, and meeting feedback."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta

from sqlmodel import col, select

from iltdesk.errors import UsageError
from iltdesk.models import Charter, FocusKind, MeetingFeedback, ScopeItem
from iltdesk.store.journal import Journal, fetch

FOCUS_TITLES = {
    FocusKind.data: "Data",
    FocusKind.observation_feedback: "Observation and feedback",
    FocusKind.professional_learning: "Professional learning",
}
CHARTER_FIELDS = ("purpose", "vision_link", "goals", "norms", "member_qualities")
# The year is out of balance when one strand has at least this many more periods than another.
IMBALANCE = 2


def charter(journal: Journal) -> Charter:
    """The journal's charter (an empty one until something is written)."""
    with journal.session() as s:
        found = s.exec(select(Charter).order_by(col(Charter.id))).first()
    return found or Charter()


def save_charter(journal: Journal, **fields: str) -> Charter:
    """Save parts of the charter (the autosave path)."""
    if unknown := set(fields) - set(CHARTER_FIELDS):
        raise UsageError(f"The charter has no {', '.join(sorted(unknown))}.")
    with journal.write() as s:
        row = s.exec(select(Charter).order_by(col(Charter.id))).first() or Charter()
        for name, value in fields.items():
            setattr(row, name, value)
        s.add(row)
        s.flush()
    return row


def scope_items(journal: Journal) -> list[ScopeItem]:
    """The year's scope and sequence, in order."""
    with journal.session() as s:
        items = list(s.exec(select(ScopeItem)))
    # Dated periods in calendar order; undated ones after them, in the order they were added.
    return sorted(
        items, key=lambda i: (i.starts_on is None, i.starts_on or date.max, i.position, i.id or 0)
    )


def add_scope_item(
    journal: Journal, period: str, kind: FocusKind, focus: str, *, starts_on: date | None = None
) -> ScopeItem:
    """Plan one period's focus (a month or quarter)."""
    if not period.strip():
        raise UsageError("Name the period, e.g. 'October' or 'Quarter 2'.")
    with journal.write() as s:
        count = len(list(s.exec(select(ScopeItem.id))))
        item = ScopeItem(
            period=period.strip(), kind=kind, focus=focus, starts_on=starts_on, position=count
        )
        s.add(item)
        s.flush()
    return item


def update_scope_item(journal: Journal, item_id: int, **changes: object) -> ScopeItem:
    """Change a period, its strand, its focus or its start."""
    if unknown := set(changes) - {"period", "kind", "focus", "starts_on"}:
        raise UsageError(f"Cannot change {', '.join(sorted(unknown))} of a scope item.")
    if "period" in changes:
        changes["period"] = str(changes["period"]).strip()
        if not changes["period"]:
            raise UsageError("Name the period, e.g. 'October' or 'Quarter 2'.")
    with journal.write() as s:
        item = fetch(s, ScopeItem, item_id, "scope item")
        if "kind" in changes:
            try:
                changes["kind"] = FocusKind(str(changes["kind"]))
            except ValueError:
                raise UsageError(
                    "A strand is data, observation and feedback, or learning."
                ) from None
        for name, value in changes.items():
            setattr(item, name, value)
        s.add(item)
    return item


def delete_scope_item(journal: Journal, item_id: int) -> None:
    """Remove a period from the plan."""
    with journal.write() as s:
        item = s.get(ScopeItem, item_id)
        if item is not None:
            s.delete(item)


def strand_counts(items: list[ScopeItem]) -> dict[FocusKind, int]:
    """How many periods of the plan each strand has, every strand listed (in FocusKind order).

    The one count behind the balance hint, the counts over the scope table and the strand a
    new period is offered in."""
    counts = Counter(item.kind for item in items)
    return {kind: counts[kind] for kind in FocusKind}


def next_period(items: list[ScopeItem], today: date) -> tuple[str, date, FocusKind]:
    """A guess at the next period: the month after the last one planned (this month if none),
    named after its month, in the thinnest strand."""
    starts = [item.starts_on for item in items if item.starts_on]
    if starts:
        last = max(starts)
        start = last.replace(day=calendar.monthrange(last.year, last.month)[1]) + timedelta(1)
    else:
        start = today.replace(day=1)
    counts = strand_counts(items)
    # Offering the strand with the fewest periods nudges the year towards balance.
    kind = min(FocusKind, key=lambda k: counts[k])
    return f"{start:%B}", start, kind


def balance_hint(items: list[ScopeItem]) -> str | None:
    """A hint when data, observation and feedback, and professional learning drift apart."""
    if not items:
        return None
    counts = strand_counts(items)
    most = max(FocusKind, key=lambda k: counts[k])
    least = min(FocusKind, key=lambda k: (counts[k], list(FocusKind).index(k)))
    if counts[most] - counts[least] < IMBALANCE:
        return None
    light = f"only {counts[least]}" if counts[least] else "none"
    return (
        f"The year leans on {FOCUS_TITLES[most].lower()} ({counts[most]} periods) and gives "
        f"{FOCUS_TITLES[least].lower()} {light}: the three strands work best "
        "in roughly equal measure."
    )


def add_meeting_feedback(
    journal: Journal, plus: str, delta: str, *, met_on: date | None = None, response: str = ""
) -> MeetingFeedback:
    """Record an ILT meeting's plus/delta."""
    if not (plus.strip() or delta.strip()):
        raise UsageError("Write what worked (plus) or what to change (delta).")
    row = MeetingFeedback(met_on=met_on or date.today(), plus=plus, delta=delta, response=response)
    with journal.write() as s:
        s.add(row)
        s.flush()
    return row


def meeting_feedback(journal: Journal) -> list[MeetingFeedback]:
    """Meeting feedback, last meeting first (it is revisited at the start of the next)."""
    with journal.session() as s:
        return list(
            s.exec(
                select(MeetingFeedback).order_by(
                    col(MeetingFeedback.met_on).desc(), col(MeetingFeedback.id).desc()
                )
            )
        )


def update_meeting_feedback(journal: Journal, row_id: int, **changes: object) -> MeetingFeedback:
    """Change a plus/delta entry, or record how the team responded to it."""
    if unknown := set(changes) - {"plus", "delta", "response", "met_on"}:
        raise UsageError(f"Cannot change {', '.join(sorted(unknown))} of meeting feedback.")
    with journal.write() as s:
        row = fetch(s, MeetingFeedback, row_id, "meeting feedback")
        for name, value in changes.items():
            setattr(row, name, value)
        s.add(row)
    return row
