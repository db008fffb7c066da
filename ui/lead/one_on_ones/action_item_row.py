"""How a 1:1 lists an action item: one line saying what, who and when. (The row that adds
one is the kit's ``ActionItemRow``.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from iltdesk import action_item, dates
from iltdesk.models import ActionItem
from ui.kit.translation import QT_TRANSLATE_NOOP

OWNERS = {
    "lead": QT_TRANSLATE_NOOP("action_item_row", "lead"),
    "principal": QT_TRANSLATE_NOOP("action_item_row", "me"),
    "both": QT_TRANSLATE_NOOP("action_item_row", "both of us"),
}
TEAM_OWNER = QT_TRANSLATE_NOOP("action_item_row", "the ILT")  # a team item: the ILT's
# (has a due date, is overdue): the whole line
LINES = {
    (False, False): QT_TRANSLATE_NOOP("action_item_row", "{text}  ({owner})"),
    (True, False): QT_TRANSLATE_NOOP("action_item_row", "{text}  ({owner}, due {day})"),
    (False, True): QT_TRANSLATE_NOOP("action_item_row", "{text}  ({owner}) — overdue"),
    (True, True): QT_TRANSLATE_NOOP("action_item_row", "{text}  ({owner}, due {day}) — overdue"),
}


def item_label(item: ActionItem, today: date) -> str:
    """An action item in one line: what, who, when."""
    # A team item is the ILT's, whoever of it owns it.
    owner = TEAM_OWNER if item.lead_id is None else OWNERS[item.owner.value]
    day = dates.list_date(item.due_on, today) if item.due_on else ""
    line = LINES[item.due_on is not None, action_item.is_overdue(item, today)]
    return QCoreApplication.translate("action_item_row", line).format(
        text=item.text, owner=QCoreApplication.translate("action_item_row", owner), day=day
    )
