"""Action items: next steps with an owner and a due date, and when they count as overdue."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from iltdesk.due import DUE_SOON_DAYS as DUE_SOON_DAYS
from iltdesk.due import is_due_soon as is_due_soon
from iltdesk.due import is_overdue as is_overdue
from iltdesk.due import next_step_due as next_step_due
from iltdesk.errors import UsageError
from iltdesk.models import ActionItem, ActionSource, Author
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import translate
from iltdesk.trash import trash_record


def add_action_item(
    journal: Journal,
    lead_id: int,
    text: str,
    *,
    owner: Author = Author.lead,
    due_on: date | None = None,
    source: ActionSource = ActionSource.manual,
    one_on_one_id: int | None = None,
    observation_id: int | None = None,
) -> ActionItem:
    """Record a next step for a lead."""
    if not text.strip():
        raise UsageError(translate("action_item", "Describe the action item."))
    item = ActionItem(
        lead_id=lead_id,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
        source=source,
        one_on_one_id=one_on_one_id,
        observation_id=observation_id,
    )
    with journal.write() as s:
        s.add(item)
        s.flush()
    return item


def set_done(journal: Journal, item_id: int, done: bool, *, on: date | None = None) -> ActionItem:
    """Mark an action item done (today, unless ``on`` says otherwise) or open again."""
    with journal.write() as s:
        item = fetch(s, ActionItem, item_id, translate("action_item", "action item"))
        item.done_on = (on or date.today()) if done else None
        s.add(item)
    return item


def update_action_item(journal: Journal, item_id: int, **changes: object) -> ActionItem:
    """Change an action item's text, owner or due date (a team item's owners: ``set_owners``)."""
    allowed = {"text", "owner", "due_on"}
    if unknown := set(changes) - allowed:
        raise UsageError(
            translate("action_item", "Cannot change {fields} of an action item.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    with journal.write() as s:
        item = fetch(s, ActionItem, item_id, translate("action_item", "action item"))
        if "owner" in changes and item.lead_id is None:
            # A team item's owner goes with its member rows: iltdesk.team_action.set_owners.
            raise UsageError(
                translate(
                    "action_item", "Change who owns a team action item with its owners, not alone."
                )
            )
        for name, value in changes.items():
            setattr(item, name, value)
        s.add(item)
    return item


def delete_action_item(journal: Journal, item_id: int) -> None:
    """Move an action item to the Trash."""
    with journal.write() as s:
        trash_record(s, ActionItem, item_id)


def action_items_for(
    journal: Journal, lead_id: int, *, open_only: bool = False
) -> list[ActionItem]:
    """A lead's action items: open first by due date (undated last), then done, newest first."""
    with journal.session() as s:
        query = select(ActionItem).where(ActionItem.lead_id == lead_id)
        if open_only:
            query = query.where(col(ActionItem.done_on).is_(None))
        items = list(s.exec(query))
    open_items = sorted(
        (i for i in items if i.done_on is None),
        key=lambda i: (i.due_on is None, i.due_on or date.max, i.id or 0),
    )
    done = sorted((i for i in items if i.done_on is not None), key=lambda i: i.done_on or date.min)
    return open_items + done[::-1]
