"""A journal, or one lead's part of it, or a range of days, as a ``Document``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from iltdesk.interchange.document import Document, Row, Scope
from iltdesk.interchange.tables import TableInfo, exported, sql_table
from iltdesk.interchange.values import to_json
from iltdesk.store.journal import Journal


def dump(journal: Journal, scope: Scope | None = None) -> Document:
    """The rows ``scope`` covers, every table parents first.

    A lead's export holds that lead and what is theirs (their 1:1s, cycles, observations,
    action items and what hangs from those); the team's and the principal's own records are
    the whole journal's. A range keeps the records dated within it, with everything under
    them; a record with no day of its own (a lead, a teacher team) is kept. A link to a row
    left out becomes null.
    """
    scope = scope or Scope()
    lead_id, lead_name = _lead(journal, scope.lead)
    doc = Document(scope=Scope(lead_name, scope.since, scope.until))
    kept: dict[str, set[int]] = {}
    leads_of: dict[str, dict[int, int | None]] = {}
    with journal.session() as s:
        for info in exported():
            table = sql_table(info.name)
            order = list(table.primary_key.columns)
            rows = [dict(r._mapping) for r in s.execute(select(table).order_by(*order))]
            out = doc.rows(info.name)  # every table, even with no rows: one shape
            mine = leads_of.setdefault(info.name, {})
            ids = kept.setdefault(info.name, set())
            for row in rows:
                owner = _lead_of(info, row, leads_of)
                key = row.get("id")
                if key is not None:
                    mine[key] = owner
                if _keep(info, row, owner, lead_id, scope, kept):
                    if key is not None:
                        ids.add(key)
                    out.append(_as_json(info, row, kept))
    return doc


def _lead(journal: Journal, name: str | None) -> tuple[int | None, str | None]:
    if name is None:
        return None, None
    from iltdesk.lead import find_lead

    with journal.session() as s:
        lead = find_lead(s, name)
    return lead.id, lead.name


def _lead_of(
    info: TableInfo, row: dict[str, Any], leads_of: dict[str, dict[int, int | None]]
) -> int | None:
    """The lead a row is about: itself, its ``lead_id``, or its parent's."""
    if info.name == "lead":
        return int(row["id"])
    if info.lead_link is not None:
        value = row[info.lead_link.column]
        return None if value is None else int(value)
    parent = info.parent
    if parent is None or row[parent.column] is None:
        return None
    return leads_of.get(parent.table, {}).get(row[parent.column])


def _keep(
    info: TableInfo,
    row: dict[str, Any],
    owner: int | None,
    lead_id: int | None,
    scope: Scope,
    kept: dict[str, set[int]],
) -> bool:
    # Every required link must point at a kept row: a child goes with its parent.
    for link in info.links:
        if link.required and row[link.column] not in kept.get(link.table, ()):
            return False
    if lead_id is not None and owner != lead_id:
        return False
    if info.parent is not None or info.name == "lead":
        return True
    return _in_range(_day_of(info, row), scope)


def _day_of(info: TableInfo, row: dict[str, Any]) -> date | None:
    day = row.get(info.date_column) if info.date_column else None
    if day is None and row.get("created_at") is not None:
        # An action item with no due day is dated by when it was written.
        day = row["created_at"].date()
    return day if isinstance(day, date) else None


def _in_range(day: date | None, scope: Scope) -> bool:
    if day is None:
        return True
    if scope.since is not None and day < scope.since:
        return False
    return scope.until is None or day <= scope.until


def _as_json(info: TableInfo, row: dict[str, Any], kept: dict[str, set[int]]) -> Row:
    out = {name: to_json(row[name]) for name in info.columns}
    for link in info.links:
        if not link.required and out[link.column] not in kept.get(link.table, ()):
            out[link.column] = None
    return out


def leads_named(doc: Document) -> Iterable[str]:
    """The names of the leads a document holds."""
    return (str(row.get("name", "")) for row in doc.tables.get("lead", []))
