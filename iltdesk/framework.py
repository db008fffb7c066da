"""The two frameworks the principal owns: the leadership framework (leads' cycles and growth
areas) and the teacher-practice rubric (the ILT's year-long theme)."""

from __future__ import annotations

from sqlmodel import col, select

from iltdesk.models import FrameworkItem, FrameworkKind
from iltdesk.store.journal import Journal

FRAMEWORK_TITLES = {
    FrameworkKind.leadership: "Leadership framework",
    FrameworkKind.teacher: "Teacher-practice rubric",
}


def framework_items(journal: Journal, framework: FrameworkKind) -> list[FrameworkItem]:
    """One framework's items, in the principal's order."""
    with journal.session() as s:
        return list(
            s.exec(
                select(FrameworkItem)
                .where(FrameworkItem.framework == framework)
                .order_by(col(FrameworkItem.position), col(FrameworkItem.id))
            )
        )


def item_label(item: FrameworkItem) -> str:
    """How an item is named where a record refers to it, e.g. '2.1 Leading adult learning'.

    Records keep this text (not the item's id), so a later edit of the list never rewrites
    what an earlier cycle or theme said."""
    return f"{item.code} {item.title}".strip() if item.code else item.title
