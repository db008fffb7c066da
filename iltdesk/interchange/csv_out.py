"""The action items of a Document as a CSV a spreadsheet opens: one row each.

UTF-8 with a byte-order mark: without it Excel on Windows reads the file in the machine's
old code page and garbles every accented name ("Zoë" as "ZoÃ«"); LibreOffice, Numbers,
Google Sheets and Python's ``utf-8-sig`` all take the mark in their stride. Lines end with
CRLF, as RFC 4180 has it. A cell that starts with ``= + - @`` (or a tab or carriage return) is
one a spreadsheet would run as a formula, so it gets a leading apostrophe: a note saying
"=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from iltdesk.interchange.document import Document, Row
from iltdesk.paths import write_private
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

# Only a person reads the CSV (no import parses it), so its words are in their language.
HEADER = (
    QT_TRANSLATE_NOOP("interchange.csv_out", "Action item"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Lead"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Owner"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Due"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Done"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Came from"),
    QT_TRANSLATE_NOOP("interchange.csv_out", "Record"),
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_SOURCES = {
    "one_on_one": QT_TRANSLATE_NOOP("interchange.csv_out", "1:1"),
    "observation": QT_TRANSLATE_NOOP("interchange.csv_out", "Observation"),
    "cycle": QT_TRANSLATE_NOOP("interchange.csv_out", "Learning cycle"),
    "manual": QT_TRANSLATE_NOOP("interchange.csv_out", "Written directly"),
    "meeting": QT_TRANSLATE_NOOP("interchange.csv_out", "ILT meeting"),
    "conversation": QT_TRANSLATE_NOOP("interchange.csv_out", "Difficult conversation"),
    "self_check": QT_TRANSLATE_NOOP("interchange.csv_out", "ILT self-check"),
}
#: An action item's link -> (the table it points at, how the record is named with its date,
#: its date)
_RECORDS = (
    ("one_on_one_id", "one_on_one", QT_TRANSLATE_NOOP("interchange.csv_out", "1:1 {day}"),
     "held_on"),
    ("observation_id", "observation",
     QT_TRANSLATE_NOOP("interchange.csv_out", "Observation {day}"), "observed_on"),
    ("cycle_id", "learning_cycle",
     QT_TRANSLATE_NOOP("interchange.csv_out", "Learning cycle from {day}"), "started_on"),
    ("meeting_id", "ilt_meeting", QT_TRANSLATE_NOOP("interchange.csv_out", "ILT meeting {day}"),
     "held_on"),
    ("conversation_id", "difficult_conversation",
     QT_TRANSLATE_NOOP("interchange.csv_out", "Conversation planned {day}"), "planned_on"),
)  # fmt: skip


def write_action_items_csv(doc: Document, path: Path) -> int:
    """Write ``doc``'s action items to ``path`` (0600, whole or not at all); the row count."""
    items = doc.tables.get("action_item", [])
    index = _Index(doc)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([translate("interchange.csv_out", heading) for heading in HEADER])
    for item in items:
        writer.writerow([guard(cell) for cell in index.cells(item)])
    write_private(
        path,
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        what=translate("interchange.csv_out", "the CSV export"),
    )
    return len(items)


def guard(cell: str) -> str:
    """``cell`` as text a spreadsheet will not run as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA) else cell


class _Index:
    """The rows an action item's cells name, found by id (one pass over the document)."""

    def __init__(self, doc: Document) -> None:
        self.leads = {r.get("id"): str(r.get("name") or "") for r in doc.tables.get("lead", [])}
        self.owners: dict[Any, list[str]] = {}
        for row in doc.tables.get("action_item_owner", []):
            if row.get("lead_id") in self.leads:
                name = self.leads[row["lead_id"]]
                self.owners.setdefault(row.get("action_item_id"), []).append(name)
        self.rows = {
            (table, r.get("id")): r
            for _, table, _, _ in _RECORDS
            for r in doc.tables.get(table, [])
        }

    def cells(self, item: Row) -> list[str]:
        lead = self.leads.get(item.get("lead_id"), "")
        source = item.get("source")
        return [
            _text(item.get("text")),
            lead,
            self._owners(item, lead),
            _text(item.get("due_on")),
            _text(item.get("done_on")),
            translate("interchange.csv_out", _SOURCES[str(source)])
            if str(source) in _SOURCES
            else _text(source),
            self._record(item),
        ]

    def _owners(self, item: Row, lead: str) -> str:
        owner = item.get("owner")
        names = []
        if owner in ("principal", "both"):
            names.append(translate("interchange.csv_out", "Principal"))
        if owner in ("lead", "both") and lead:
            names.append(lead)
        names.extend(self.owners.get(item.get("id"), []))
        return "; ".join(names)

    def _record(self, item: Row) -> str:
        """What the item came from, as a person names it ("1:1 2024-03-01")."""
        for column, table, label, day in _RECORDS:
            row = self.rows.get((table, item.get(column))) if item.get(column) is not None else None
            if row is not None:
                named = (
                    translate("interchange.csv_out", label).format(day=_text(row.get(day))).strip()
                )
                if table == "ilt_meeting" and row.get("title"):
                    return f"{named} {row['title']}"
                return named
        return ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)
