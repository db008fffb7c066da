"""Our own JSON export: one document, its schema versioned (docs/format.md, "The JSON
export"), read back by ``iltdesk import``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from iltdesk import __version__
from iltdesk.errors import UsageError
from iltdesk.interchange.document import FORMAT, VERSION, Document, Scope
from iltdesk.paths import write_private_with
from iltdesk.translation import translate

#: Past this a file is not an export of a journal a principal keeps (the 100k-entry bench
#: journal exports to about 150 MB).
MAX_BYTES = 1 << 30


def as_json(doc: Document) -> dict[str, Any]:
    scope = doc.scope
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "scope": {
            "lead": scope.lead,
            "from": scope.since.isoformat() if scope.since else None,
            "to": scope.until.isoformat() if scope.until else None,
        },
        "tables": {name: rows for name, rows in doc.tables.items() if rows},
    }


def write_json(doc: Document, path: Path) -> int:
    """Write ``doc`` to ``path`` (0600), a row a line as it goes; the number of rows."""
    write_private_with(
        path, lambda out: _write(doc, out), what=translate("interchange.json_io", "the JSON export")
    )
    return doc.count()


def _write(doc: Document, out: BinaryIO) -> None:
    """The document, with ``format`` first (so a reader can tell it from the first bytes)
    and one row a line: readable, and each row encoded by the C encoder as it is written (a
    100k-entry journal's whole text at once took 2.3 GB)."""
    head = as_json(doc)
    tables = head.pop("tables")
    text = json.dumps(head, ensure_ascii=False)
    out.write(text[:-1].encode() + b',\n "tables": {')
    for number, (name, rows) in enumerate(tables.items()):
        out.write(f"{',' if number else ''}\n  {json.dumps(name)}: [".encode())
        for index, row in enumerate(rows):
            line = json.dumps(row, ensure_ascii=False)
            out.write(f"{',' if index else ''}\n   {line}".encode())
        out.write(b"\n  ]")
    out.write(b"\n }\n}\n")


def read_json(path: Path) -> Document:
    """An export read back, or a ``UsageError`` line saying what is wrong with the file."""
    from iltdesk.interchange.foreign import read_capped

    name = path.name
    raw = read_capped(path, MAX_BYTES)  # a regular file, within the cap, or one plain line
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        said = translate(
            "interchange.json_io", "{name} is not UTF-8 text; it is not an iltdesk export."
        )
        raise UsageError(said.format(name=name)) from None
    except (ValueError, RecursionError):
        said = translate("interchange.json_io", "{name} is not JSON; it is not an iltdesk export.")
        raise UsageError(said.format(name=name)) from None
    return from_json(data, name)


def from_json(data: Any, name: str) -> Document:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        said = translate(
            "interchange.json_io", '{name} is not an iltdesk export (no "format": "{format}").'
        )
        raise UsageError(said.format(name=name, format=FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        said = translate("interchange.json_io", "{name} has no schema version.")
        raise UsageError(said.format(name=name))
    if version > VERSION:
        said = translate(
            "interchange.json_io",
            "{name} was written by a newer iltdesk (schema {version}); "
            "update iltdesk to import it.",
        )
        raise UsageError(said.format(name=name, version=version))
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
        for rows in tables.values()
    ):
        said = translate("interchange.json_io", "{name} has no tables of records.")
        raise UsageError(said.format(name=name))
    return Document(dict(tables), _scope(data.get("scope")), source="iltdesk")


def _scope(value: Any) -> Scope:
    if not isinstance(value, dict):
        return Scope()
    lead = value.get("lead") if isinstance(value.get("lead"), str) else None
    return Scope(lead, _day(value.get("from")), _day(value.get("to")))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
