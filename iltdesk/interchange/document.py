"""The one shape every export is written from and every import is read into.

A ``Document`` holds rows of the journal's own tables (``tables.EXPORTED``), each row a dict
of column name to a JSON value: text, whole and decimal numbers, true/false, null, a date as
``YYYY-MM-DD`` and a moment as ISO 8601 with its UTC offset. A row's ``id`` and its links
(``lead_id``, ``one_on_one_id``, ...) are the ids of the place it came from: they only tie
the document's rows together, and an import gives every created row a new id. A link to a
row the document does not hold is null.

An importer of another app's files builds rows the same way; it may leave out any column
that has a default (a new row takes it), and ``created_at``/``updated_at`` (now). A note
becomes a 1:1's notes: a ``lead`` row (``id``, ``name``: matched to the journal's lead of
that name, or created) and a ``one_on_one`` row (``lead_id``, ``held_on``, ``notes``). A
note whose lead or day is not known has ``lead_id``/``held_on`` null: the plan lists it,
and the person chooses (the CLI's ``--lead``; the app's preview) before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iltdesk.errors import UsageError

FORMAT = "iltdesk-export"
#: The JSON export's schema version (docs/format.md, "The JSON export"). A reader takes every
#: version up to its own; a newer one is refused with one plain line.
VERSION = 1

Row = dict[str, Any]


class ImportRefused(UsageError):
    """An import that cannot go ahead: a file that is not what it claims, or a plan with
    problems. ``str(err)`` is one plain line; nothing was written to the journal."""


#: A row's key for where it came from ("Pham/2024-03-01.md", "entry 12"): shown in messages
#: and the preview, never written to the journal. Keys starting with "_" are not columns.
SOURCE = "_source"


@dataclass(frozen=True)
class Scope:
    """What an export covers: one lead (by name as written) or all, and an optional range."""

    lead: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass
class Document:
    """Rows by table name, in the order ``tables.EXPORTED`` gives; see the module's note."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    scope: Scope = field(default_factory=Scope)
    #: Where the rows came from, shown in an import's preview ("iltdesk", "Day One", ...).
    source: str = "iltdesk"
    #: Why the document cannot be imported as it is, one plain line each ("notes.txt has no
    #: date: ..."); an import with problems writes nothing.
    problems: list[str] = field(default_factory=list)
    #: What the reader left out and why, for the preview ("3 entries had no text and were
    #: left out"); these do not stop the import.
    notes: list[str] = field(default_factory=list)
    _next_id: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def rows(self, table: str) -> list[Row]:
        """The table's rows (an empty list, kept, when there are none yet)."""
        return self.tables.setdefault(table, [])

    def add(self, table: str, row: Row) -> Row:
        """Append ``row`` to ``table``, giving it the next free id when it has none."""
        rows = self.rows(table)
        if table not in self._next_id:
            self._next_id[table] = max((r["id"] for r in rows), default=0) + 1
        if row.get("id") is None:
            row["id"] = self._next_id[table]
        self._next_id[table] = max(self._next_id[table], row["id"] + 1)
        rows.append(row)
        return row

    def count(self) -> int:
        """Every row, the records' parts included."""
        return sum(len(rows) for rows in self.tables.values())

    def records(self) -> int:
        """The records a person would count: rows of tables that are records of their own
        (a 1:1, a lead), not their parts (an agenda item) or links (an item's owners)."""
        from iltdesk.interchange.tables import exported

        own = {t.name for t in exported() if t.parent is None and t.has_id}
        return sum(len(rows) for name, rows in self.tables.items() if name in own)
