"""A Document as a folder of Markdown files, one a record, readable in Obsidian or any editor.

A record is a row of a table with no parent (``TableInfo.parent``); the rows that belong to it
(a 1:1's agenda, a meeting's attendance, an action item's owners) are lists in its front
matter, and shown in its body for people. The front matter holds every column: ``kind`` (the
table), ``id``, the row's columns (its own ``kind`` column as ``type``), a link as the linked
row's id plus an Obsidian ``[[link]]`` to its file; the long texts are body sections
(``markdown_text``). ``iltdesk export.md`` at the top says what the folder is (and its scope).
The folder is written beside the destination under a temporary name and renamed into place
whole, so a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from iltdesk.interchange import markdown_folder as folders
from iltdesk.interchange import markdown_names as names
from iltdesk.interchange import markdown_text as text
from iltdesk.interchange import tables
from iltdesk.interchange.document import FORMAT, VERSION, Document, Row
from iltdesk.interchange.markdown_folder import STAGING as STAGING
from iltdesk.paths import DIR_MODE, FILE_MODE, fsync_dir
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

MANIFEST = "iltdesk export"  # not shown: a file's name
#: The file of rows whose record was not exported: its name (as written), and its heading.
LOOSE = QT_TRANSLATE_NOOP("interchange.markdown_out", "Loose rows")
#: Short text columns stay in the front matter; every other text column is a body section.
SHORT = frozenset(
    {"name", "role", "team", "title", "code", "theme", "topic", "led_by", "strand", "period"}
    | {"taken_by", "tension", "meeting_day", "pl_topic", "pl_led_by", "with_whom"}
    | {"rehearsed_with", "rater", "unit", "area", "item"}
)
STAMPS = frozenset(tables.STAMPS)
#: The heading of each list of a record's parts, for a person (the front matter holds them).
CHILD_HEADINGS = {
    "agenda_item": QT_TRANSLATE_NOOP("interchange.markdown_out", "Agenda"),
    "ilt_agenda_item": QT_TRANSLATE_NOOP("interchange.markdown_out", "Agenda"),
    "ilt_meeting_attendance": QT_TRANSLATE_NOOP("interchange.markdown_out", "Attendance"),
    "ilt_meeting_section": QT_TRANSLATE_NOOP("interchange.markdown_out", "Meeting parts"),
    "action_item_owner": QT_TRANSLATE_NOOP("interchange.markdown_out", "Owners"),
    "agreement_expectation": QT_TRANSLATE_NOOP("interchange.markdown_out", "Expectations"),
    "cycle_activity": QT_TRANSLATE_NOOP("interchange.markdown_out", "Activities"),
    "force_card": QT_TRANSLATE_NOOP("interchange.markdown_out", "Forces"),
    "force_card_lead": QT_TRANSLATE_NOOP("interchange.markdown_out", "Leads named"),
    "challenge_log_entry": QT_TRANSLATE_NOOP("interchange.markdown_out", "Log"),
    "self_check_answer": QT_TRANSLATE_NOOP("interchange.markdown_out", "Answers"),
    "self_check_area_note": QT_TRANSLATE_NOOP("interchange.markdown_out", "Notes by area"),
    "team_data_point": QT_TRANSLATE_NOOP("interchange.markdown_out", "Data points"),
    "team_data_value": QT_TRANSLATE_NOOP("interchange.markdown_out", "Values"),
    "team_intervention": QT_TRANSLATE_NOOP("interchange.markdown_out", "Interventions"),
    "teacher_team_lead": QT_TRANSLATE_NOOP("interchange.markdown_out", "Leads"),
    "joint_practice_lead": QT_TRANSLATE_NOOP("interchange.markdown_out", "Leads"),
    "calibration_rating": QT_TRANSLATE_NOOP("interchange.markdown_out", "Calibration ratings"),
    "learning_event_lead": QT_TRANSLATE_NOOP("interchange.markdown_out", "Leads"),
}

Key = tuple[str, Any]  # (table, id); a link table's rows have no id of their own


@dataclass
class _Layout:
    """Every record's file (relative, without ``.md``) and every row's children."""

    paths: dict[Key, str] = field(default_factory=dict)
    children: dict[Key, list[tuple[str, Row]]] = field(default_factory=dict)
    records: list[tuple[str, Row]] = field(default_factory=list)
    loose: list[tuple[str, Row]] = field(default_factory=list)
    lead_names: dict[int, str] = field(default_factory=dict)  # id -> the profile's stem
    names_of: dict[Any, str] = field(default_factory=dict)  # id -> the lead's name
    lead_files: dict[Any, list[str]] = field(default_factory=dict)  # id -> their records


def write_markdown(doc: Document, folder: Path) -> int:
    """Write ``doc`` into ``folder`` (new, or empty); return how many files were written."""
    folders.check_folder(folder)
    layout = _lay_out(doc)
    staging = folders.staging(folder)
    try:
        count = _write_all(doc, layout, staging)
        folders.move_into_place(staging, folder)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise folders.write_error(exc, folder) from None
        raise
    with contextlib.suppress(OSError):
        fsync_dir(folder.parent)
    return count


# ---------------------------------------------------------------------------- layout


def _lay_out(doc: Document) -> _Layout:
    layout = _Layout()
    taken = names.Names()
    taken.claim((), names.LEADS, "")
    taken.claim((), names.TEAM, "")
    taken.claim((), names.OWN, "")
    taken.claim((names.LEADS,), names.NO_LEAD, "")  # records whose lead is not exported
    present: set[Key] = {(t, r.get("id")) for t, rows in doc.tables.items() for r in rows}
    for info in tables.exported():
        for row in doc.tables.get(info.name, []):
            parent = info.parent
            if parent is None:
                layout.records.append((info.name, row))
            elif (parent.table, row.get(parent.column)) in present:
                key = (parent.table, row[parent.column])
                layout.children.setdefault(key, []).append((info.name, row))
            else:
                layout.loose.append((info.name, row))
    for row in doc.tables.get("lead", []):
        cleaned = names.clean(str(row.get("name") or ""), "No name")  # not shown: a file name
        stem = taken.claim((names.LEADS,), cleaned)
        layout.lead_names[row["id"]] = stem
        layout.names_of[row["id"]] = str(row.get("name") or "")
        layout.paths[("lead", row["id"])] = f"{names.LEADS}/{stem}"
    for table, row in layout.records:
        if table != "lead":
            lead = layout.lead_names.get(row.get("lead_id"))  # type: ignore[arg-type]
            folder, stem = names.place(table, row, lead)
            unique = taken.claim(folder, stem)
            path = "/".join((*folder, unique))
            layout.paths[(table, row["id"])] = path
            if lead is not None:
                layout.lead_files.setdefault(row.get("lead_id"), []).append(path)
    return layout


# ---------------------------------------------------------------------------- files


def _write_all(doc: Document, layout: _Layout, root: Path) -> int:
    count = 0
    for table, row in layout.records:
        path = layout.paths[(table, row["id"])]
        _write_file(root, path, _record_file(table, row, layout))
        count += 1
    if layout.loose:
        loose: dict[str, Any] = {"kind": "loose_rows"}
        for table, row in layout.loose:
            loose.setdefault(table, []).append(_nested(table, row, layout))
        note = translate(
            "interchange.markdown_out",
            "Rows whose record was not part of this export, kept so that nothing is lost.",
        )
        heading = translate("interchange.markdown_out", LOOSE)
        _write_file(root, LOOSE, text.front_matter(loose) + f"# {heading}\n\n{note}\n")
        count += 1
    _write_file(root, MANIFEST, _manifest(doc))
    return count + 1


def _write_file(root: Path, relative: str, content: str) -> None:
    path = root
    parts = relative.split("/")
    for part in parts[:-1]:
        path = path / part
        if not path.is_dir():
            path.mkdir(mode=DIR_MODE)
            os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask
    path = path / f"{parts[-1]}.md"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        os.chmod(path, FILE_MODE)
        out.write(content.encode("utf-8"))


def _manifest(doc: Document) -> str:
    scope = doc.scope
    data: dict[str, Any] = {
        "kind": "export",
        "format": FORMAT,
        "version": VERSION,
        "source": doc.source,
        "lead": scope.lead,
        "since": scope.since,
        "until": scope.until,
    }
    # Only a person reads it (the reader goes by the front matter): in their language.
    body = translate(
        "interchange.markdown_out",
        "# Exported from iltdesk\n\n"
        "These files are a copy of records from an iltdesk journal. They are not encrypted:\n"
        "anyone who can open this folder can read them. Keep them somewhere private.\n\n"
        "Each file's front matter holds the record's details; iltdesk can import this\n"
        "folder back exactly as it was written.\n",
    )
    return text.front_matter(data) + body


def _record_file(table: str, row: Row, layout: _Layout) -> str:
    data: dict[str, Any] = {"kind": table}
    body_fields: list[tuple[str, str]] = []
    for column, value in _columns(table, row, layout).items():
        if column in _prose(table) and isinstance(value, str) and value:
            body_fields.append((column, value))
        else:
            data["type" if column == "kind" else column] = value
    grouped = _grouped(table, row, layout)
    data.update(grouped)
    lead = layout.names_of.get(row.get("lead_id"))
    parts = [text.front_matter(data), f"# {names.title(table, row, lead)}\n\n"]
    for column, value in body_fields:
        parts.append(text.field_section(column, _heading(column), value))
    parts.extend(_views(table, row, layout, grouped))
    return "".join(parts)


def _columns(table: str, row: Row, layout: _Layout) -> dict[str, Any]:
    """The row's columns in a reading order (``id`` first, stamps last), each link preceded
    by a ``[[link]]`` to the linked record's file where it has one."""
    info = tables.info(table)
    links = {link.column: link.table for link in info.links}
    if info.parent is not None:
        del links[info.parent.column]  # nested in its parent's file: no link to itself
    known = [c for c in info.columns if c in row]  # keys starting with "_" are not columns
    order = [c for c in known if c not in STAMPS] + [c for c in known if c in STAMPS]
    out: dict[str, Any] = {}
    for column in order:
        value = row[column]
        target = layout.paths.get((links[column], value)) if column in links else None
        if target is not None:
            out[_link_key(table, column)] = f"[[{target}]]"
        out[column] = _day(value) if column in _dates(table) else value
    return out


def _nested(table: str, row: Row, layout: _Layout) -> dict[str, Any]:
    out = _columns(table, row, layout)
    out.update(_grouped(table, row, layout))
    return out


def _grouped(table: str, row: Row, layout: _Layout) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for child, child_row in layout.children.get((table, row.get("id")), []):
        grouped.setdefault(child, []).append(_nested(child, child_row, layout))
    return grouped


def _link_key(table: str, column: str) -> str:
    key = column.removesuffix("_id")
    info = tables.info(table)
    clash = key in info.columns or key in ("kind", "type") or key == column
    return f"{key}_link" if clash else key


def _day(value: Any) -> Any:
    """A date column's value as a YAML date (Obsidian shows it as one) when that reads back
    as exactly the same text; otherwise as it is."""
    if isinstance(value, str) and len(value) == 10:
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(value)
            if day.isoformat() == value:
                return day
    return value


def _heading(column: str) -> str:
    return column.replace("_", " ").capitalize()


def _views(
    table: str, row: Row, layout: _Layout, grouped: dict[str, list[dict[str, Any]]]
) -> list[str]:
    """Readable lists of what belongs to the record (its front matter holds them exactly)."""
    sections = []
    for child, rows in grouped.items():
        lines = [f"- {_summary(child, r)}" for r in rows]
        heading = CHILD_HEADINGS.get(child)
        shown = translate("interchange.markdown_out", heading) if heading else _heading(child)
        sections.append(text.view_section(shown, lines))
    if table == "lead":
        mine = sorted(f"- [[{path}]]" for path in layout.lead_files.get(row.get("id"), []))
        if mine:
            sections.append(
                text.view_section(translate("interchange.markdown_out", "Records"), mine)
            )
    return sections


def _summary(table: str, row: dict[str, Any]) -> str:
    info = tables.info(table)
    hidden = {"id", *STAMPS, *(link.column for link in info.links)}
    if info.parent is not None:
        hidden.add(_link_key(table, info.parent.column))
    words = []
    for column, value in row.items():
        if column in hidden or isinstance(value, list) or value in (None, ""):
            continue
        shown = str(value)
        if isinstance(value, bool):
            yes, no = (
                translate("interchange.markdown_out", "yes"),
                translate("interchange.markdown_out", "no"),
            )
            shown = yes if value else no
        words.append(f"{_heading(column)}: {' '.join(shown.split())}")
    return "; ".join(words) or translate("interchange.markdown_out", "(empty)")


@cache
def _prose(table: str) -> frozenset[str]:
    return frozenset(
        c.name
        for c in tables.sql_table(table).columns
        if type(c.type).__name__ == "AutoString" and c.name not in SHORT
    )


@cache
def _dates(table: str) -> frozenset[str]:
    return frozenset(c.name for c in tables.sql_table(table).columns if isinstance(c.type, sa.Date))
