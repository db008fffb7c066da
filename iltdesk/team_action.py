"""Team action items: next steps the ILT agreed on, owned by the principal, members, or both.

A team item has no ``lead_id``. Its member owners are rows of ``ActionItemOwner``; the
principal owns it too when ``owner`` is ``Author.principal`` (she alone) or ``Author.both``
(she and members). ``Author.lead`` on a team item means members only. An open team item is
carried into every later ILT meeting until it is done, the way a 1:1's unfinished items are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from iltdesk.errors import UsageError
from iltdesk.models import ActionItem, ActionItemOwner, ActionSource, Author, IltMeeting, Lead
from iltdesk.store.journal import Journal, fetch
from iltdesk.today_words import owner_words
from iltdesk.translation import translate


def owner_kind(members: Sequence[int], principal: bool) -> Author:
    """How ``ActionItem.owner`` records who carries a team item besides its member rows."""
    if principal:
        return Author.both if members else Author.principal
    return Author.lead


def principal_owns(item: ActionItem) -> bool:
    """Whether the principal carries this team item (alone or with members)."""
    return item.owner in (Author.principal, Author.both)


def _check_owners(s: Session, owners: Sequence[int], principal: bool) -> list[int]:
    members = list(dict.fromkeys(owners))  # one row per member, in the order given
    if not members and not principal:
        raise UsageError(
            translate(
                "team_action", "Choose who owns the action item: you, one or more members, or both."
            )
        )
    for lead_id in members:
        fetch(s, Lead, lead_id, translate("team_action", "lead"))
    return members


def add_team_item(
    journal: Journal,
    text: str,
    *,
    owners: Sequence[int] = (),
    principal: bool = False,
    due_on: date | None = None,
    meeting_id: int | None = None,
    source: ActionSource = ActionSource.meeting,
) -> ActionItem:
    """Record a next step the team owns: from a meeting (``meeting_id``) or on its own."""
    if not text.strip():
        raise UsageError(translate("team_action", "Describe the action item."))
    with journal.write() as s:
        members = _check_owners(s, owners, principal)
        if meeting_id is not None:
            fetch(s, IltMeeting, meeting_id, translate("team_action", "ILT meeting"))
        item = ActionItem(
            lead_id=None,
            text=text.strip(),
            owner=owner_kind(members, principal),
            due_on=due_on,
            source=source,
            meeting_id=meeting_id,
        )
        s.add(item)
        s.flush()
        assert item.id is not None
        for lead_id in members:
            s.add(ActionItemOwner(action_item_id=item.id, lead_id=lead_id))
    return item


def set_owners(journal: Journal, item_id: int, owners: Sequence[int], principal: bool) -> None:
    """Replace who owns a team item: these members, and the principal if ``principal``."""
    with journal.write() as s:
        item = fetch(s, ActionItem, item_id, translate("team_action", "action item"))
        if item.lead_id is not None:
            raise UsageError(
                translate(
                    "team_action",
                    "This action item belongs to one lead; only a team item has owners.",
                )
            )
        _replace_owners(s, item, owners, principal)


def _replace_owners(s: Session, item: ActionItem, owners: Sequence[int], principal: bool) -> None:
    members = _check_owners(s, owners, principal)
    rows = s.exec(select(ActionItemOwner).where(ActionItemOwner.action_item_id == item.id))
    for row in rows:
        s.delete(row)
    s.flush()
    for lead_id in members:
        s.add(ActionItemOwner(action_item_id=item.id or 0, lead_id=lead_id))
    item.owner = owner_kind(members, principal)
    s.add(item)


def owners_of(journal: Journal, item_ids: Iterable[int]) -> dict[int, list[int]]:
    """The member owners of each item asked for (an item without members maps to [])."""
    wanted = list(dict.fromkeys(item_ids))
    found: dict[int, list[int]] = {item_id: [] for item_id in wanted}
    if not wanted:
        return found
    with journal.session() as s:
        rows = s.exec(
            select(ActionItemOwner.action_item_id, ActionItemOwner.lead_id)
            .where(col(ActionItemOwner.action_item_id).in_(wanted))
            .order_by(col(ActionItemOwner.created_at), col(ActionItemOwner.lead_id))
        ).all()
    for item_id, lead_id in rows:
        found[item_id].append(lead_id)
    return found


def owner_phrases(journal: Journal, items: Iterable[ActionItem]) -> dict[int, str]:
    """``owner_words`` for each team item, by item id, names read from the roster."""
    items = [i for i in items if i.id is not None]
    owners = owners_of(journal, (i.id or 0 for i in items))
    wanted = {lead_id for members in owners.values() for lead_id in members}
    names: dict[int | None, str] = {}
    if wanted:  # the owners' names only: a roster kept for years has thousands of leads
        with journal.session() as s:
            names = dict(
                s.exec(select(col(Lead.id), col(Lead.name)).where(col(Lead.id).in_(wanted))).all()
            )
    return {
        item.id or 0: owner_words(
            principal_owns(item), [names.get(m, "") for m in owners[item.id or 0]]
        )
        for item in items
    }


def ordered(items: Iterable[ActionItem]) -> list[ActionItem]:
    """Open first by due date (undated last), then done, newest first: the lists' order."""
    items = list(items)
    open_items = sorted(
        (i for i in items if i.done_on is None),
        key=lambda i: (i.due_on is None, i.due_on or date.max, i.id or 0),
    )
    done = sorted(
        (i for i in items if i.done_on is not None),
        key=lambda i: (i.done_on or date.min, i.id or 0),
    )
    return open_items + done[::-1]


def _team_query(open_only: bool) -> SelectOfScalar[ActionItem]:
    # A principal's own difficult conversation keeps its follow-ups with the conversation:
    # they are lead-less but not the ILT's. "+ 0" keeps SQLite off the conversation index,
    # where nearly every item is NULL (a scan of every item); the lead index finds the few.
    query = select(ActionItem).where(
        col(ActionItem.lead_id).is_(None), (col(ActionItem.conversation_id) + 0).is_(None)
    )
    if open_only:
        query = query.where(col(ActionItem.done_on).is_(None))
    return query


def team_items(
    journal: Journal, *, open_only: bool = False, meeting_id: int | None = None
) -> list[ActionItem]:
    """The team's items (those of one meeting when ``meeting_id`` is given), in list order."""
    query = _team_query(open_only)
    if meeting_id is not None:
        query = query.where(ActionItem.meeting_id == meeting_id)
    with journal.session() as s:
        return ordered(s.exec(query))


def _earlier_meetings(s: Session, meeting: IltMeeting) -> list[int]:
    # Earlier by date; on the same day, the one made first counts as earlier.
    rows = s.exec(select(col(IltMeeting.id), col(IltMeeting.held_on))).all()
    key = (meeting.held_on, meeting.id or 0)
    return [mid for mid, held_on in rows if mid is not None and (held_on, mid) < key]


def carried_into(journal: Journal, meeting_id: int) -> list[ActionItem]:
    """Open team items the meeting inherits: from earlier meetings, or from no meeting."""
    with journal.session() as s:
        meeting = fetch(s, IltMeeting, meeting_id, translate("team_action", "ILT meeting"))
        earlier = _earlier_meetings(s, meeting)
        query = _team_query(open_only=True).where(
            or_(col(ActionItem.meeting_id).is_(None), col(ActionItem.meeting_id).in_(earlier))
        )
        return ordered(s.exec(query))


# ``ordered`` in SQL, so that a long list is read a page at a time: open first by due date
# (undated last, then by id), then done, newest first.
_LIST_ORDER = (
    "action_item.done_on IS NOT NULL, "
    "CASE WHEN action_item.done_on IS NULL THEN action_item.due_on IS NULL END, "
    "CASE WHEN action_item.done_on IS NULL THEN action_item.due_on END, "
    "CASE WHEN action_item.done_on IS NULL THEN action_item.id END, "
    "action_item.done_on DESC, action_item.id DESC"
)
_OWNED_BY = (
    "(action_item.lead_id = :lead OR action_item.id IN "
    "(SELECT action_item_id FROM action_item_owner WHERE lead_id = :lead))"
)


def items_owned_by(journal: Journal, lead_id: int, *, open_only: bool = False) -> list[ActionItem]:
    """A lead's own action items and the team items they own, in list order."""
    return items_by_id(journal, ids_owned_by(journal, lead_id, open_only=open_only))


def ids_owned_by(journal: Journal, lead_id: int, *, open_only: bool = False) -> list[int]:
    """The ids of ``items_owned_by``'s items, in list order: a list of thousands lays itself
    out from these, reading the items themselves a page at a time (``items_by_id``)."""
    where = _OWNED_BY + (" AND action_item.done_on IS NULL" if open_only else "")
    sql = f"SELECT id FROM action_item WHERE {where} ORDER BY {_LIST_ORDER}"
    return [int(item_id) for (item_id,) in journal.execute(sql, {"lead": lead_id})]


def items_by_id(journal: Journal, item_ids: Sequence[int]) -> list[ActionItem]:
    """These action items in the order given (ids of no item left out)."""
    if not item_ids:
        return []
    with journal.session() as s:
        found = {
            i.id: i for i in s.exec(select(ActionItem).where(col(ActionItem.id).in_(set(item_ids))))
        }
    return [found[i] for i in item_ids if i in found]


def meeting_days(journal: Journal, items: Iterable[ActionItem]) -> dict[int, date]:
    """The day of the meeting each item came from, by item id (items without one left out)."""
    by_meeting = {i.id or 0: i.meeting_id for i in items if i.meeting_id is not None}
    if not by_meeting:
        return {}
    with journal.session() as s:
        days: dict[int | None, date] = dict(
            s.exec(
                select(col(IltMeeting.id), col(IltMeeting.held_on)).where(
                    col(IltMeeting.id).in_(set(by_meeting.values()))
                )
            ).all()
        )
    return {item_id: days[mid] for item_id, mid in by_meeting.items() if mid in days}


def meeting_day(journal: Journal, meeting_id: int) -> date:
    """The day an ILT meeting was held (or is planned)."""
    with journal.session() as s:
        return fetch(s, IltMeeting, meeting_id, translate("team_action", "ILT meeting")).held_on


def active_members(journal: Journal, *, keep: Iterable[int] = ()) -> list[tuple[int, str]]:
    """The members who can own a team item: active leads, and those in ``keep`` (owners who
    have left the ILT, so an item can be passed on), by name."""
    kept = set(keep)
    with journal.session() as s:
        leads = s.exec(
            select(Lead).where(or_(col(Lead.archived_on).is_(None), col(Lead.id).in_(kept)))
        ).all()
    return sorted(((lead.id or 0, lead.name) for lead in leads), key=lambda p: p[1].casefold())


def update_team_item(
    journal: Journal,
    item_id: int,
    *,
    text: str,
    owners: Sequence[int],
    principal: bool,
    due_on: date | None,
) -> None:
    """Change a team item's words, owners and due date together: all of it, or nothing."""
    if not text.strip():
        raise UsageError(translate("team_action", "Describe the action item."))
    with journal.write() as s:
        item = fetch(s, ActionItem, item_id, translate("team_action", "action item"))
        if item.lead_id is not None:
            raise UsageError(
                translate(
                    "team_action",
                    "This action item belongs to one lead; only a team item has owners.",
                )
            )
        _replace_owners(s, item, owners, principal)
        item.text, item.due_on = text.strip(), due_on
        s.add(item)
