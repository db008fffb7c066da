"""Which tables an export holds, in an order where every row's parents come first, and how
each row reaches a lead and a date (for a lead's or a date range's export)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Table

#: Not records a principal wrote: open-dialog drafts, earlier versions and the Trash (kept
#: inside the journal only), settings (a journal's own: passphrase verifier, recovery kit).
LEFT_OUT = frozenset({"draft", "record_version", "trash_entry", "journal_setting"})
STAMPS = ("created_at", "updated_at")
#: The column that dates a row, where its table has one; rows of other tables are dated by
#: their parent's (an agenda item by its 1:1), or not at all (a lead, a framework item).
DATE_COLUMNS = {
    "one_on_one": "held_on",
    "lead_trait": "noted_on",
    "energy_check": "checked_on",
    "coaching_agreement": "agreed_on",
    "learning_cycle": "started_on",
    "cycle_activity": "happened_on",
    "observation": "observed_on",
    "action_item": "due_on",
    "challenge": "opened_on",
    "challenge_log_entry": "logged_on",
    "charter_version": "made_on",
    "meeting_feedback": "met_on",
    "ilt_meeting": "held_on",
    "joint_practice": "happened_on",
    "learning_event": "held_on",
    "leadership_note": "noted_on",
    "principal_energy": "checked_on",
    "self_check": "taken_on",
    "tension_note": "noted_on",
    "team_intervention": "happened_on",
    "team_data_value": "measured_on",
    "difficult_conversation": "planned_on",
    "lead_coach": "since",
}


@dataclass(frozen=True)
class Link:
    """A column holding another row's id."""

    column: str
    table: str
    required: bool  # NOT NULL: the row cannot exist without that parent


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[str, ...]  # every column, ``id`` first where the table has one
    links: tuple[Link, ...]
    date_column: str | None

    @property
    def parent(self) -> Link | None:
        """The first required link to a table other than ``lead``: what the row belongs to
        (an agenda item's 1:1), or None for a record of its own."""
        return next((k for k in self.links if k.required and k.table != "lead"), None)

    @property
    def has_id(self) -> bool:
        """False for a pure link (a team's leads, an item's owners): its links are its key."""
        return self.columns[0] == "id"

    @property
    def lead_link(self) -> Link | None:
        return next((k for k in self.links if k.column == "lead_id"), None)


def _info(table: Table) -> TableInfo:
    links = tuple(
        Link(c.name, next(iter(c.foreign_keys)).column.table.name, not c.nullable)
        for c in table.columns
        if c.foreign_keys
    )
    names = tuple(c.name for c in table.columns if c.name == "id")
    names += tuple(c.name for c in table.columns if c.name != "id")
    return TableInfo(table.name, names, links, DATE_COLUMNS.get(table.name))


@cache
def exported() -> tuple[TableInfo, ...]:
    """Every exported table, parents before children (SQLAlchemy's dependency order, ties by
    name, so the order is the same on every machine)."""
    from sqlmodel import SQLModel

    import iltdesk.models  # noqa: F401  (registers every table)

    return tuple(_info(t) for t in SQLModel.metadata.sorted_tables if t.name not in LEFT_OUT)


@cache
def info(name: str) -> TableInfo:
    for table in exported():
        if table.name == name:
            return table
    raise KeyError(name)


@cache
def sql_table(name: str) -> Table:
    from sqlmodel import SQLModel

    import iltdesk.models  # noqa: F401

    return SQLModel.metadata.tables[name]
