"""jrnl's JSON export (``jrnl --format json``) read into 1:1 notes.

jrnl writes ``{"tags": {"@pham": 2}, "entries": [...]}``, each entry ``{"title", "body",
"date": "2023-01-05", "time": "14:22", "tags": ["@pham"], "starred"}`` (and ``uuid``,
``creator`` for a Day One-backed journal); exported to a folder (``--file folder/``) each
entry is a file of its own holding one such entry, which is read the same way.

What each entry becomes: its day is ``date`` (jrnl's dates are already local; an unreadable
one is left for the plan to ask); its text is the title, then the body on the next line, as
jrnl shows an entry; its lead is the one a tag names without its "@" (whole name or surname),
else none (the plan asks). Entries with neither title nor body are skipped; one that cannot
be read stops the import (a problem).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from iltdesk.interchange.document import Document, ImportRefused
from iltdesk.interchange.foreign import Leads, Notes, load_json, read_capped
from iltdesk.translation import translate


def read_jrnl(path: Path, known_leads: Sequence[str]) -> Document:
    """The entries of a jrnl JSON export as 1:1s; see the module's note."""
    leads = Leads(known_leads)
    notes = Notes("jrnl")
    for number, entry in enumerate(entries(load_json(read_capped(path), path.name), path), 1):
        where = translate("interchange.jrnl", "entry {number}").format(number=number)
        if not isinstance(entry, dict):
            notes.problem(
                translate("interchange.jrnl", "Entry {number} is not a jrnl entry.").format(
                    number=number
                )
            )
            continue
        title, body = entry.get("title", ""), entry.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            notes.problem(
                translate(
                    "interchange.jrnl", "Entry {number} has a title or text that cannot be read."
                ).format(number=number)
            )
            continue
        text = shown(title, body)
        if not text:
            continue
        notes.add(
            leads=leads.in_tags(entry.get("tags")),
            held_on=_day(entry.get("date")),
            text=text,
            source=where,
            note="",
        )
    return notes.doc


def entries(data: Any, path: Path) -> list[Any]:
    """The export's entries: its list, or the one entry a per-entry file holds."""
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        found: list[Any] = data["entries"]
        return found
    if is_entry(data):
        return [data]
    raise ImportRefused(
        translate(
            "interchange.jrnl",
            "{name} is not a jrnl export: expected an object with a list of entries.",
        ).format(name=path.name)
    )


def is_entry(data: Any) -> bool:
    """Whether ``data`` looks like one jrnl entry (a date, and a title or body)."""
    return isinstance(data, dict) and "date" in data and ("title" in data or "body" in data)


def shown(title: str, body: str) -> str:
    """The entry as jrnl prints it: the title, and the body from the next line."""
    title, body = title.strip(), body.strip()
    return f"{title}\n{body}" if title and body else title or body


def _day(text: object) -> date | None:
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
