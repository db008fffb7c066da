"""How a 1:1 lists an action item: one line saying what, who and when. (The row that adds
one is the kit's ``ActionItemRow``.)"""

from __future__ import annotations

from datetime import date

from iltdesk import action_item, dates
from iltdesk.models import ActionItem


def item_label(item: ActionItem, today: date) -> str:
    """An action item in one line: what, who, when."""
    owner = {"lead": "lead", "principal": "me", "both": "both of us"}[item.owner.value]
    if item.lead_id is None:  # a team item: the ILT's, whoever of it owns it
        owner = "the ILT"
    due = f", due {dates.list_date(item.due_on, today)}" if item.due_on else ""
    late = " — overdue" if action_item.is_overdue(item, today) else ""
    return f"{item.text}  ({owner}{due}){late}"
