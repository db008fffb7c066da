"""Where a record lives: which lead's page, and which 1:1, shows it."""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.search_index import CURRENT_SOURCES, INDEX_TABLE, KIND_SLOTS
from iltdesk.store.journal import Journal

_CODES = {s.kind: s.code for s in CURRENT_SOURCES}


@dataclass(frozen=True)
class Location:
    """What to open to show a record."""

    kind: str
    record_id: int
    lead_id: int | None
    one_on_one_id: int | None = None


def locate(journal: Journal, kind: str, record_id: int) -> Location:
    """Find the lead (and 1:1, for 1:1s and their agenda items) a record belongs to."""
    one_on_one_id: int | None = None
    if kind == "one_on_one":
        one_on_one_id = record_id
    elif kind == "agenda_item":
        rows = journal.execute("SELECT one_on_one_id FROM agenda_item WHERE id = ?", (record_id,))
        one_on_one_id = int(rows[0][0]) if rows else None
    lead_id: int | None = None
    if kind == "lead":
        lead_id = record_id
    elif kind in _CODES:
        rows = journal.execute(
            f"SELECT lead_id FROM {INDEX_TABLE} WHERE rowid = ?",
            (record_id * KIND_SLOTS + _CODES[kind],),
        )
        lead_id = int(rows[0][0]) if rows and rows[0][0] is not None else None
    return Location(kind, record_id, lead_id, one_on_one_id)
