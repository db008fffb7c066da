"""The Trash: "Delete…" moves a record, and everything under it, here for 30 days.

A Trash entry (``TrashEntry``) holds, as JSON inside the encrypted journal, every row the
delete removed (``iltdesk.trash_rows``) and the links it cleared; restoring puts them back
(``iltdesk.trash_restore``), and the search index's triggers index them again. After 30 days,
or at "Empty Trash", the entry itself goes, and the write-ahead log is emptied into the file,
where ``secure_delete`` has overwritten the freed space: removed means unreadable.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlmodel import Session, SQLModel, col, select

from iltdesk.dates import short
from iltdesk.errors import UsageError
from iltdesk.models import TrashEntry
from iltdesk.record_kinds import RecordKind
from iltdesk.search import kind_label
from iltdesk.search_index import CURRENT_SOURCES, KIND_SLOTS
from iltdesk.search_text import read_row
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash_purge import KEPT_FOR as KEPT_FOR
from iltdesk.trash_purge import purge_expired as purge_expired
from iltdesk.trash_purge import wipe
from iltdesk.trash_restore import put_back, repointed
from iltdesk.trash_rows import (
    DRAFT_TABLE,
    VERSION_TABLE,
    Row,
    Schema,
    Snapshot,
    collect,
)
from iltdesk.trash_rows import read_schema as _schema

TITLE_CHARS = 80
_CODE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+")

_SOURCES = {s.table: s for s in CURRENT_SOURCES}
# Rows not in the search index that "Delete…" still reaches: their name, and the page they
# belong to (what a restore tells to refresh).
_UNINDEXED = {
    "team_data_point": (QT_TRANSLATE_NOOP("trash", "Data point"), RecordKind.TEACHER_TEAM),
    "team_data_value": (QT_TRANSLATE_NOOP("trash", "Reading"), RecordKind.TEACHER_TEAM),
}


@dataclass(frozen=True)
class TrashItem:
    """One line of the Trash."""

    id: int
    kind: str  # the record's table
    label: str  # what kind of record it is, in words ("1:1")
    title: str
    lead_id: int | None
    lead_name: str  # "" when it was nobody's, or that lead is gone
    deleted_at: datetime
    days_left: int  # whole days until it is removed for good (0: at the next opening)


@dataclass(frozen=True)
class Restored:
    """A record back from the Trash: where it is now (its id may be new)."""

    kind: str
    record_id: int
    lead_id: int | None
    change_kind: RecordKind | None  # what a page showing it listens for


def label_of(table: str) -> str:
    """A table's records in words ("1:1", "Observation"), in the user's language."""
    if table in _SOURCES:
        return kind_label(RecordKind(_SOURCES[table].kind))
    if table in _UNINDEXED:
        return translate("trash", _UNINDEXED[table][0])
    return table.replace("_", " ").capitalize()


def in_sentence(label: str) -> str:
    """A kind's name inside a sentence: "observation", but "ILT meeting" and "1:1"."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def change_kind_of(table: str) -> RecordKind | None:
    """The record kind a change to ``table``'s rows is announced as."""
    if table in _SOURCES:
        return RecordKind(_SOURCES[table].kind)
    return _UNINDEXED[table][1] if table in _UNINDEXED else None


# -- deleting --------------------------------------------------------------------------------


def trash_in(s: Session, table: str, record_id: int) -> TrashEntry | None:
    """Within a write session: move ``table``'s record ``record_id`` and all under it to the
    Trash. None if there is no such record."""
    conn = s.connection()
    schema = _schema(conn)
    snapshot = collect(conn, schema, table, record_id)
    if not snapshot.rows:
        return None
    title, lead_id = _describe(conn, table, snapshot.rows[0][1])
    entry = TrashEntry(
        kind=table,
        record_id=record_id,
        title=title,
        lead_id=lead_id,
        rows=json.dumps(snapshot.to_json(), ensure_ascii=False),
    )
    conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE id = ?', (record_id,))  # cascades
    for name, row in snapshot.rows:
        if name in (VERSION_TABLE, DRAFT_TABLE):
            conn.exec_driver_sql(f"DELETE FROM {name} WHERE id = ?", (row["id"],))
    s.add(entry)
    s.flush()
    return entry


def move_to_trash(journal: Journal, table: str, record_id: int) -> int | None:
    """Move a record to the Trash in one transaction; the entry's id (None: no such record)."""
    with journal.write() as s:
        entry = trash_in(s, table, record_id)
        return None if entry is None else entry.id


class _Raw:
    """A session's connection as search's readers take it (raw SQL, all rows)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        return list(self._conn.exec_driver_sql(sql, params).fetchall())


def _describe(conn: Connection, table: str, row: Row) -> tuple[str, int | None]:
    """What the Trash calls a record ("Sun 7 Mar 2027 · Talked about the timetable"), and its
    lead: read from the search index, which already names every kind of record."""
    text, happened, lead_id = "", None, row.get("lead_id")
    source = _SOURCES.get(table)
    if source is not None and row.get("id") is not None:
        hit = read_row(_Raw(conn), row["id"] * KIND_SLOTS + source.code)
        if hit is not None:
            lines = [line.strip() for line in hit.body.splitlines() if line.strip()]
            named = hit.title.strip()
            if _CODE.fullmatch(named):  # a key, not words (a tension's "fast_slow")
                named = ""
            text = named or (lines[0] if lines else "")
            happened, lead_id = _day(hit.happened_on), hit.lead_id
    if not text:  # a row the index does not hold (a team's reading): its own words and day
        text = next((str(row[c]) for c in ("name", "title", "text", "note") if row.get(c)), "")
        happened = happened or next((_day(v) for c, v in row.items() if c.endswith("_on")), None)
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1].rstrip() + "…"
    parts = [short(happened)] if happened else []
    title = " · ".join([*parts, text] if text else parts) or label_of(table)
    return title, int(lead_id) if lead_id is not None else None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# -- the list --------------------------------------------------------------------------------


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def days_left(deleted_at: datetime, now: datetime | None = None) -> int:
    """Whole days (rounded up) before an entry deleted at ``deleted_at`` is removed."""
    remaining = _aware(deleted_at) + KEPT_FOR - (now or datetime.now(UTC))
    return max(0, math.ceil(remaining / timedelta(days=1)))


def trash_items(journal: Journal, now: datetime | None = None) -> list[TrashItem]:
    """What is in the Trash, the latest deleted first."""
    with journal.session() as s:
        entries = list(
            s.exec(
                select(TrashEntry).order_by(
                    col(TrashEntry.deleted_at).desc(), col(TrashEntry.id).desc()
                )
            )
        )
    names = {int(i): str(n) for i, n in journal.execute("SELECT id, name FROM lead")}
    return [
        TrashItem(
            e.id or 0,
            e.kind,
            label_of(e.kind),
            e.title,
            e.lead_id,
            names.get(e.lead_id, "") if e.lead_id is not None else "",
            _aware(e.deleted_at),
            days_left(e.deleted_at, now),
        )
        for e in entries
    ]


# -- restoring -------------------------------------------------------------------------------


def restore(journal: Journal, entry_id: int) -> Restored:
    """Put an entry's record back where it was, with everything under it, in one transaction.

    Refused (``UsageError``, nothing changed) while the record it lived in is gone."""
    with journal.write() as s:
        entry = _entry(s, entry_id)
        snapshot = Snapshot.from_json(json.loads(entry.rows))
        conn = s.connection()
        schema = _schema(conn)
        others = list(s.exec(select(TrashEntry).where(TrashEntry.id != entry_id)))
        later = [(o, Snapshot.from_json(json.loads(o.rows))) for o in others if _after(o, entry)]
        remap = put_back(
            conn,
            schema,
            snapshot,
            lambda t, v: _parked(entry, later, t, v),
            lambda t, _v: _gone(entry, t),
        )
        if remap:  # what was deleted before it and pointed at it follows it to its new id
            for other in others:
                if not _after(other, entry):
                    other.rows = _followed(schema, other.rows, remap)
                    s.add(other)
        kind, record_id, lead_id = entry.kind, entry.record_id, entry.lead_id
        s.delete(entry)
    new_id = int(remap.get((kind, record_id), record_id))
    return Restored(kind, new_id, lead_id, change_kind_of(kind))


def _entry(s: Session, entry_id: int) -> TrashEntry:
    """The Trash's entry ``entry_id``, or a ``UsageError`` saying there is none."""
    entry = s.get(TrashEntry, entry_id)
    if entry is None:
        said = translate("trash", "There is no item in the Trash #{id}.")
        raise UsageError(said.format(id=entry_id))
    return entry


def _after(other: TrashEntry, entry: TrashEntry) -> bool:
    """Whether ``other`` was deleted after ``entry``."""
    return (_aware(other.deleted_at), other.id or 0) > (_aware(entry.deleted_at), entry.id or 0)


def _parked(
    entry: TrashEntry, later: list[tuple[TrashEntry, Snapshot]], table: str, value: Any
) -> str | None:
    """Why a record that ``table``/``value`` names must come back first: it is in an entry
    deleted after ``entry`` (its id may belong to another record by now). None if not."""
    what, noun = in_sentence(label_of(entry.kind)), in_sentence(label_of(table))
    for other, held in later:
        if any(t == table and r.get("id") == value for t, r in held.rows):
            return translate(
                "trash",
                "This {what} belongs to the {noun} “{title}”: restore “{title}” from the Trash "
                "first.",
            ).format(what=what, noun=noun, title=other.title)
    return None


def _gone(entry: TrashEntry, table: str) -> str:
    what, noun = in_sentence(label_of(entry.kind)), in_sentence(label_of(table))
    return translate(
        "trash",
        "This {what} belonged to something since deleted for good ({noun}), so it can't come back.",
    ).format(what=what, noun=noun)


def _followed(schema: Schema, rows: str, remap: dict[tuple[str, Any], Any]) -> str:
    """An earlier entry's JSON with its links to the restored rows' old ids moved to their new
    ones (links between its own rows stay)."""
    held = Snapshot.from_json(json.loads(rows))
    own = {(t, r.get("id")) for t, r in held.rows}
    outside = {k: v for k, v in remap.items() if k not in own}
    held.rows = [
        (t, r if t in (VERSION_TABLE, DRAFT_TABLE) else repointed(schema, t, r, outside))
        for t, r in held.rows
    ]
    return json.dumps(held.to_json(), ensure_ascii=False)


# -- removing for good -----------------------------------------------------------------------


def delete_forever(journal: Journal, entry_id: int) -> None:
    """Remove one entry from the Trash, unreadably."""
    with journal.write() as s:
        entry = _entry(s, entry_id)
        held = entry.rows
        s.delete(entry)
    wipe(journal, [held])


def empty_trash(journal: Journal) -> int:
    """Remove everything in the Trash, unreadably; how many entries there were."""
    with journal.write() as s:
        entries = list(s.exec(select(TrashEntry)))
        for entry in entries:
            s.delete(entry)
        held = [entry.rows for entry in entries]
    if entries:
        wipe(journal, held)
    return len(entries)


def trash_record(s: Session, model: type[SQLModel], record_id: int) -> TrashEntry | None:
    """``trash_in`` for a model's record (its table read from the model)."""
    return trash_in(s, str(model.__tablename__), record_id)
