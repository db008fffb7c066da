"""The day of every indexed record, kept beside the search index: what a search orders by.

A search orders the newest few hundred matches by day (``iltdesk.search``). Read from the
records, those days cost a page each: a record's row lies with its long texts, so at 1M
entries a search waited on up to 600 random reads of a 2 GB file. ``search_day`` keeps them
by index rowid (``id * KIND_SLOTS + code``), the day as a number (days since 1970-01-01), about
11 bytes a record: the newest matches' days lie together on a few pages.

Triggers keep it in step in the same transaction as the write, like the index: a record's own
day, or its parent's (an agenda item's is its 1:1's), whichever the source names. A record
without a day has a row all the same, its day NULL.

Frozen for migration 0010: a later shape adds its own module and migration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iltdesk.search_index import KIND_SLOTS, Source
from iltdesk.search_tables import rowid_sql, source_sql
from iltdesk.search_text import Readable
from iltdesk.store.connection import Connection
from iltdesk.translation import translate

DAY_TABLE = "search_day"
# julianday() of 1970-01-01 is 2440587.5; a date's is a whole number and a half, so the
# whole part less this is the days since 1970 (negative before it).
_JULIAN_1970 = 2440587
_OWN_COLUMN = re.compile(r"\{row\}\.(\w+)")
_FROM_PARENT = re.compile(r"\(SELECT (\w+) FROM (\w+) WHERE id = \{row\}\.(\w+)\)")
FILL_STEP = 8192  # ids a fill statement takes at once: its sort stays small


def day_number_sql(day: str) -> str:
    """SQL for the day number of ``day``, an ISO date (NULL when it is none)."""
    return f"CAST(julianday(substr({day}, 1, 10)) AS INTEGER) - {_JULIAN_1970}"


def day_sql(source: Source, row: str) -> str:
    """The day number of ``row`` of ``source``'s table."""
    return day_number_sql(source_sql(source.happened, row))


def create_sql() -> list[str]:
    """The table (empty); ``triggers_sql`` and ``fill_sql`` do the rest."""
    return [f"CREATE TABLE {DAY_TABLE} (rowid INTEGER PRIMARY KEY, day INTEGER)"]


def _put(source: Source) -> str:
    return (
        f"INSERT OR REPLACE INTO {DAY_TABLE}(rowid, day) "
        f"VALUES ({rowid_sql(source, 'NEW')}, {day_sql(source, 'NEW')});"
    )


def _parent_trigger_sql(source: Source) -> list[str]:
    """When a parent's day changes, its children's days change with it."""
    via = _FROM_PARENT.fullmatch(source.happened)
    if via is None:
        return []
    column, parent, key = via.groups()
    children = f"SELECT id * {KIND_SLOTS} + {source.code} FROM {source.table} WHERE {key} = NEW.id"
    return [
        f"CREATE TRIGGER {DAY_TABLE}_{source.table}_via_{parent} "
        f"AFTER UPDATE OF {column} ON {parent} BEGIN "
        f"UPDATE {DAY_TABLE} SET day = {day_number_sql(f'NEW.{column}')} "
        f"WHERE rowid IN ({children}); END"
    ]


def triggers_sql(sources: tuple[Source, ...]) -> list[str]:
    """The triggers that keep ``search_day`` in step with ``sources``' tables."""
    statements = []
    for s in sources:
        name = f"{DAY_TABLE}_{s.table}"
        # Only what the day is read from: typing into a note leaves the table be.
        watched = ", ".join(["id", *sorted(set(_OWN_COLUMN.findall(s.happened)))])
        statements += [
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {s.table} BEGIN {_put(s)} END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE OF {watched} ON {s.table} BEGIN "
            f"DELETE FROM {DAY_TABLE} WHERE rowid = {rowid_sql(s, 'OLD')} AND OLD.id <> NEW.id; "
            f"{_put(s)} END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {s.table} BEGIN "
            f"DELETE FROM {DAY_TABLE} WHERE rowid = {rowid_sql(s, 'OLD')}; END",
            *_parent_trigger_sql(s),
        ]
    return statements


def trigger_names(sources: tuple[Source, ...]) -> set[str]:
    """The names of the triggers ``triggers_sql`` makes."""
    names = set()
    for s in sources:
        names |= {f"{DAY_TABLE}_{s.table}_{step}" for step in ("ai", "au", "ad")}
        if via := _FROM_PARENT.fullmatch(s.happened):
            names.add(f"{DAY_TABLE}_{s.table}_via_{via.group(2)}")
    return names


def last_id_sql(sources: tuple[Source, ...]) -> str:
    """SQL for the largest record id of ``sources`` (NULL when there are none)."""
    return "SELECT max(" + ", ".join(f"(SELECT max(id) FROM {s.table})" for s in sources) + ")"


def fill_sql(sources: tuple[Source, ...]) -> str:
    """One statement that adds the days of ``sources``' records with ids from ``:first`` up
    to ``:last`` (not included), in rowid order: filled a step at a time from the lowest ids,
    the table is written in order and its pages are full."""
    parts = (
        f"SELECT {rowid_sql(s, 't')}, {day_sql(s, 't')} FROM {s.table} AS t "
        "WHERE t.id >= :first AND t.id < :last"
        for s in sources
    )
    return f"INSERT INTO {DAY_TABLE}(rowid, day) " + " UNION ALL ".join(parts) + " ORDER BY 1"


def fill_steps(last_id: int | None) -> Iterable[dict[str, int]]:
    """The bound values of ``fill_sql`` that, one after another, take every id up to
    ``last_id``."""
    for first in range(0, (last_id or 0) + 1, FILL_STEP):
        yield {"first": first, "last": first + FILL_STEP}


def drop_sql(sources: tuple[Source, ...]) -> list[str]:
    """Statements that remove the table and its triggers."""
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in sorted(trigger_names(sources))),
        f"DROP TABLE IF EXISTS {DAY_TABLE}",
    ]


def out_of_step(
    conn: Connection, sources: tuple[Source, ...], schema_name: str = "main"
) -> list[str]:
    """What keeps ``search_day`` from matching the records: a record without its day or with
    another, a day whose record is gone, or a missing trigger."""
    execute = conn.execute
    triggers = {
        str(r[0])
        for r in execute(f"SELECT name FROM {schema_name}.sqlite_master WHERE type='trigger'")
    }
    problems = []
    if lost := trigger_names(sources) - triggers:
        problems.append(
            translate("search_days", "search days: {count} trigger(s) lost: {triggers}").format(
                count=len(lost), triggers=", ".join(sorted(lost))
            )
        )
    kept = dict(
        execute(f"SELECT rowid % {KIND_SLOTS}, count(*) FROM {schema_name}.{DAY_TABLE} GROUP BY 1")
    )
    for s in sources:
        differs = f"d.rowid IS NOT NULL AND d.day IS NOT {day_sql(s, 't')}"
        records, held, wrong = execute(
            f"SELECT count(*), count(d.rowid), coalesce(sum({differs}), 0) "
            f"FROM {schema_name}.{s.table} AS t "
            f"LEFT JOIN {schema_name}.{DAY_TABLE} AS d ON d.rowid = {rowid_sql(s, 't')}"
        ).fetchone()
        if (lacking := records - held + wrong) > 0:
            problems.append(
                translate(
                    "search_days", "search days: {count} {table} day(s) missing or wrong"
                ).format(count=lacking, table=s.table)
            )
        if (stale := kept.pop(s.code, 0) - held) > 0:
            problems.append(
                translate(
                    "search_days", "search days: {count} {kind} day(s) whose record is gone"
                ).format(count=stale, kind=s.kind)
            )
    if stray := sum(kept.values()):
        problems.append(
            translate("search_days", "search days: {count} day(s) of no kind of record").format(
                count=stray
            )
        )
    return problems


WARM_ROWS = 32768  # about 95 pages: a step takes a few milliseconds, even from the disk


def warm_step(journal: Readable, after: int, rows: int = WARM_ROWS) -> int | None:
    """Read the days of the ``rows`` records after index rowid ``after``, so that the
    searches to come find their pages in memory (every search reads a day for each of its
    newest few hundred matches, wherever they lie); where to go on, or None at the end."""
    sql = (
        f"SELECT max(rowid) FROM (SELECT rowid FROM {DAY_TABLE} WHERE rowid > ? "
        "ORDER BY rowid LIMIT ?)"
    )
    (last,) = journal.execute(sql, (after, rows))[0]
    return None if last is None else int(last)
