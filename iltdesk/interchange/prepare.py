"""A document's rows checked against the journal's columns, and each row's identity.

A row's identity is its content: every column but its id and stamps, with each link
replaced by the identity of the row it links to; a lead's is its name (any case). Two rows
with one identity are one record, so importing the same file twice, or an export back into
the journal it came from, creates nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import Any

from sqlalchemy import Column
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from iltdesk.interchange.document import SOURCE, Document, Row
from iltdesk.interchange.tables import STAMPS, TableInfo, exported, sql_table
from iltdesk.interchange.values import BadValue, from_json, to_json
from iltdesk.translation import translate

MAX_PROBLEMS = 20
MAX_NAME = 200  # a lead's name: a person's, with room for a title and a role


@dataclass
class Prepared:
    """Rows ready to insert (Python values, the document's own ids and links), by table."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    identity: dict[str, dict[Any, bytes]] = field(default_factory=dict)  # table -> key -> id'ty
    problems: list[str] = field(default_factory=list)
    #: Where each row came from that lacks its day (the person gives one), and how many
    #: rows lack their lead (the person chooses one for all of them).
    undated: list[str] = field(default_factory=list)
    leadless: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)


def key_of(info: TableInfo, row: Row) -> Any:
    """A row's key in its document: its id, or its links for a pure link row."""
    return row["id"] if info.has_id else tuple(row.get(k.column) for k in info.links)


def where(info: TableInfo, row: Row) -> str:
    """How a problem names a row: where it came from, else its kind and id."""
    if row.get(SOURCE):
        return str(row[SOURCE])
    label = info.name.replace("_", " ")
    number = row.get("id")
    return f"{label} #{number}" if info.has_id and isinstance(number, int) else label


def prepare(doc: Document) -> Prepared:
    """Every row converted to its column's type, with what is wrong listed, not raised."""
    known = {info.name: info for info in exported()}
    out = Prepared()
    for name in doc.tables:
        if name not in known:
            out.problem(
                translate(
                    "interchange.prepare", "The file holds records of an unknown kind, '{kind}'."
                ).format(kind=name[:40])
            )
    for info in exported():
        converted = out.rows.setdefault(info.name, [])
        for row in doc.tables.get(info.name, []):
            ready = _convert(info, row, out)
            if ready is not None:
                converted.append(ready)
    _check_links(out)
    return out


def _convert(info: TableInfo, row: Row, out: Prepared) -> Row | None:
    if not isinstance(row, dict):
        out.problem(
            translate("interchange.prepare", "A {kind} in the file is not a record.").format(
                kind=info.name.replace("_", " ")
            )
        )
        return None
    columns = sql_table(info.name).columns
    ready: Row = {k: v for k, v in row.items() if isinstance(k, str) and k.startswith("_")}
    for name in row:
        if isinstance(name, str) and not name.startswith("_") and name not in columns:
            out.problem(
                translate("interchange.prepare", "{where}: no such field as '{field}'.").format(
                    where=where(info, row), field=str(name)[:40]
                )
            )
            return None
    day = info.date_column
    if day and row.get(day) is None and day in row and not columns[day].nullable:
        out.undated.append(where(info, row))
        return None
    for column in columns:
        try:
            ready[column.name] = _value(column, row)
        except BadValue as exc:
            out.problem(_wrong(info, row, str(exc)))
            return None
    if info.has_id and not isinstance(ready.get("id"), int):
        out.problem(_wrong(info, row, translate("interchange.prepare", "it has no id")))
        return None
    if info.name == "lead" and (wrong := _lead_wrong(ready)):
        out.problem(_wrong(info, row, wrong))
        return None
    return ready


def _wrong(info: TableInfo, row: Row, what: str) -> str:
    """A problem with a row: where it came from, and what is wrong."""
    return translate("interchange.prepare", "{where}: {problem}.").format(
        where=where(info, row), problem=what
    )


def _lead_wrong(row: Row) -> str | None:
    """What the app would refuse in a lead (``iltdesk.lead``): the import keeps its rules."""
    from iltdesk.due import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS
    from iltdesk.lead_names import normalise_name

    name = str(row.get("name") or "")
    if not name.strip():
        return translate("interchange.prepare", "a lead needs a name")
    if len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        return translate(
            "interchange.prepare", "a lead's name is one line of at most {n} characters"
        ).format(n=MAX_NAME)
    row["name"] = normalise_name(name)
    cadence = row.get("cadence_days")
    if cadence is not None and not MIN_CADENCE_DAYS <= cadence <= MAX_CADENCE_DAYS:
        return translate("interchange.prepare", "meet every {least} to {most} days").format(
            least=MIN_CADENCE_DAYS, most=MAX_CADENCE_DAYS
        )
    return None


def _value(column: Column[Any], row: Row) -> Any:
    if column.foreign_keys and row.get(column.name) is None:
        return None  # a missing link is judged with the others (_check_links)
    if column.name in row:
        return from_json(column, row[column.name])
    if column.name in STAMPS:
        return None  # now, when written
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    if column.nullable:
        return None
    raise BadValue(
        translate("interchange.prepare", "{column} is missing").format(column=column.name)
    )


def _check_links(out: Prepared) -> None:
    have = {name: {key_of(_info(name), r) for r in rows} for name, rows in out.rows.items()}
    for info in exported():
        kept = []
        for row in out.rows[info.name]:
            missing = [k for k in info.links if k.required and row[k.column] not in have[k.table]]
            if missing and missing[0].table == "lead" and row[missing[0].column] is None:
                out.leadless.append(where(info, row))
            elif missing:
                out.problem(
                    translate(
                        "interchange.prepare",
                        "{where}: it belongs to a record the file does not hold.",
                    ).format(where=where(info, row))
                )
            else:
                for k in info.links:
                    if not k.required and row[k.column] not in have[k.table]:
                        row[k.column] = None  # a link to what the file lacks
                kept.append(row)
        out.rows[info.name] = kept


def _info(name: str) -> TableInfo:
    return next(info for info in exported() if info.name == name)


def identify(prepared: Prepared) -> None:
    """Fill ``prepared.identity``: each row's identity, parents first."""
    for info in exported():
        _identify_table(prepared, info)


def _identify_table(prepared: Prepared, info: TableInfo) -> None:
    ids = prepared.identity.setdefault(info.name, {})
    by_key = {key_of(info, r): r for r in prepared.rows.get(info.name, [])}

    def look(table: str, key: Any) -> bytes:
        # A link within the table (a cycle's previous cycle) may point at a later row.
        if table == info.name and key not in ids and key in by_key:
            ids[key] = b""  # a loop of links ends here
            ids[key] = identity(info, by_key[key], look)
        return prepared.identity.get(table, {}).get(key, b"")

    for key, row in by_key.items():
        if key not in ids:
            ids[key] = identity(info, row, look)


def identity(info: TableInfo, row: Row, linked: Callable[[str, Any], bytes]) -> bytes:
    """The row's identity (see the module's note)."""
    h = blake2b(info.name.encode(), digest_size=16)
    if info.name == "lead":
        name = unicodedata.normalize("NFC", str(row.get("name", ""))).strip().casefold()
        h.update(name.encode("utf-8", "surrogatepass"))
        return h.digest()
    links = {k.column: k.table for k in info.links}
    for column in info.columns:
        if column == "id" or column in STAMPS:
            continue
        value = row.get(column)
        if column in links:
            part = b"-" if value is None else linked(links[column], value)
        else:
            part = repr(to_json(value)).encode("utf-8", "surrogatepass")
        h.update(column.encode() + b"\0" + part + b"\1")
    return h.digest()
