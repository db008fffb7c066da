"""A note written elsewhere (a text file, an Obsidian page) as a 1:1's notes.

Its lead: the front matter's ``lead:`` (an Obsidian ``[[link]]`` is read as the name it links
to), else the nearest folder named as one of the journal's leads, else the folder the file
sits in (not the import's own top folder), else not known. Its day: the front matter's
``date:``, else a date at the start of the file name (``2024-03-01 …``, ``20240301``), else
not known. A lead's name that matches one of the journal's leads but for case or spacing takes
the journal's spelling. The plan lists what is not known, and the person chooses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from iltdesk.interchange.document import SOURCE, Document
from iltdesk.lead_names import name_key, normalise_name

_NAME_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_LINK = re.compile(r"^\[\[([^\]|#]*)(?:[|#][^\]]*)?\]\]$")


def add_note(
    doc: Document, relative: str, front: dict[str, Any], body: str, known: Sequence[str]
) -> None:
    """Add ``relative``'s note to ``doc``: a ``one_on_one`` row and, when named, its lead."""
    path = PurePosixPath(relative)
    name = _lead_name(front.get("lead"), path, known)
    lead_id = _lead_id(doc, name) if name else None
    held_on = _day(front.get("date")) or _day_from_name(path.stem)
    row = {"lead_id": lead_id, "held_on": held_on, "notes": body, SOURCE: relative}
    doc.add("one_on_one", row)


def _lead_name(value: Any, path: PurePosixPath, known: Sequence[str]) -> str | None:
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # Obsidian writes a one-item list for a list property
    if isinstance(value, str) and value.strip():
        match = _LINK.match(value.strip())
        written = PurePosixPath(match.group(1)).name if match else value
        return _spelling(written, known)
    folders = path.parts[:-1]
    for folder in reversed(folders):
        for lead in known:
            if _same(folder, lead):
                return lead
    return _spelling(folders[-1], known) if folders else None


def _spelling(name: str, known: Sequence[str]) -> str | None:
    cleaned = normalise_name(" ".join(name.split()))
    if not cleaned:
        return None
    return next((lead for lead in known if _same(cleaned, lead)), cleaned)


def _same(a: str, b: str) -> bool:
    return " ".join(name_key(a).split()) == " ".join(name_key(b).split())


def _lead_id(doc: Document, name: str) -> int:
    for lead in doc.rows("lead"):
        if isinstance(lead.get("name"), str) and _same(lead["name"], name):
            return int(lead["id"])
    return int(doc.add("lead", {"name": name})["id"])


def _day(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        match = _NAME_DAY.match(value.strip())
        return _valid(match) if match else None
    return None


def _day_from_name(stem: str) -> str | None:
    match = _NAME_DAY.match(stem)
    return _valid(match) if match else None


def _valid(match: re.Match[str]) -> str | None:
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
