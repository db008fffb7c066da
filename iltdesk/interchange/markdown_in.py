"""A folder of Markdown or text files read into a Document.

Files this app exported (their front matter names an exported table as ``kind``) become
exactly the rows they were written from, with the same ids and links. Any other file is a
note: a 1:1's notes, its lead and day taken from the front matter, the folder and the file
name (``markdown_notes``). Nothing here raises on a bad file: each is one plain line in the
Document's problems, and an import with problems writes nothing. Hidden files and folders
(``.obsidian``, ``.git``) and links are passed over; no link is ever followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from iltdesk.errors import UsageError
from iltdesk.interchange import markdown_notes as notes
from iltdesk.interchange import markdown_text as text
from iltdesk.interchange import tables
from iltdesk.interchange.document import FORMAT, VERSION, Document, Row, Scope
from iltdesk.interchange.foreign import MAX_PROBLEMS, safe_text
from iltdesk.interchange.labels import label

SUFFIXES = (".md", ".markdown", ".txt")
MAX_BYTES = 5 * 1024 * 1024
Seen = dict[tuple[str, Any], str]  # (table, key) -> the file that holds it


def read_markdown(folder: Path, known_leads: Sequence[str]) -> Document:
    """The rows ``folder``'s files hold (see the module's note); ``folder`` may also be one
    Markdown or text file."""
    files = _files(folder)
    if files == [folder]:
        folder = folder.parent
    doc = Document(source="Markdown files")
    if not files:
        doc.problems.append(f"{folder} holds no Markdown or text files to import.")
        return doc
    seen: Seen = {}
    own = False
    foreign: list[tuple[str, dict[str, Any], str]] = []
    for path in files:
        relative = _shown(path.relative_to(folder).as_posix())
        read = _read(path, relative, doc.problems)
        if read is None:
            continue
        front, body = read
        kind = front.get("kind")
        if _ours(front):
            if not own:
                own, doc.source = True, "iltdesk"
            _own(doc, str(kind), front, body, relative, seen)
        else:
            foreign.append((relative, front, body))
    if own:
        _tidy(doc)
    elif foreign:
        doc.rows("lead")  # parents first, as tables.exported() orders them
        doc.rows("one_on_one")
    for relative, front, body in foreign:
        notes.add_note(doc, relative, front, body, known_leads)
    _cap(doc.problems)
    return doc


def _shown(relative: str) -> str:
    """A file's path as messages and the preview show it: on one line, as text (a name may
    hold a line break, or bytes that are not UTF-8)."""
    return safe_text("".join("\ufffd" if ord(c) < 32 or c == "\x7f" else c for c in relative))


def _cap(problems: list[str]) -> None:
    """The first lines, then a count: a folder of a thousand binary files should not bury
    the preview."""
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems[MAX_PROBLEMS:] = [f"... and {more} more like these."]


def _files(folder: Path) -> list[Path]:
    try:
        info = os.lstat(folder)
    except OSError as exc:
        raise UsageError(f"{folder} cannot be read: {(exc.strerror or 'error').lower()}.") from None
    if stat.S_ISLNK(info.st_mode):
        raise UsageError(f"{folder} is a link; name the folder itself.")
    if stat.S_ISREG(info.st_mode) and folder.name.lower().endswith(SUFFIXES):
        return [folder]
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{folder} is not a folder; name a folder of notes.")
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _is_link(root, d))
        for name in sorted(names):
            wanted = not name.startswith(".") and name.lower().endswith(SUFFIXES)
            if wanted and not _is_link(root, name):
                found.append(Path(root) / name)
    return found


def _is_link(root: str, name: str) -> bool:
    return os.path.islink(os.path.join(root, name))


def _read(path: Path, relative: str, problems: list[str]) -> tuple[dict[str, Any], str] | None:
    """The file's front matter (empty when it has none) and body, or None with a problem."""
    try:
        # O_NONBLOCK: a FIFO named like a note is refused below instead of waited on.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        problems.append(f"{relative} cannot be read: {(exc.strerror or 'error').lower()}.")
        return None
    if len(data) > MAX_BYTES:
        problems.append(f"{relative} is larger than 5 MB; notes that long are not imported.")
        return None
    try:
        content = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        problems.append(f"{relative} is not UTF-8 text; save it as UTF-8 and try again.")
        return None
    if "\x00" in content:
        problems.append(f"{relative} is not a text file.")
        return None
    yaml_text, body = text.split(content)
    if yaml_text is None:
        return {}, body
    try:
        front = text.load(yaml_text)
    except ValueError as exc:  # YAML read a date that is not one (2025-02-30)
        problems.append(f"{relative}: its front matter has a date that does not exist ({exc}).")
        return None
    except Exception:  # any file may hold anything (PyYAML raises several kinds): one line
        problems.append(f"{relative}: its front matter (between the --- lines) is not valid YAML.")
        return None
    if front is None:
        return {}, body
    if not isinstance(front, dict):
        problems.append(f"{relative}: its front matter should be lines of 'name: value'.")
        return None
    return front, body


def _ours(front: dict[str, Any]) -> bool:
    """Whether a file is one this app exported: its ``kind`` one of ours and what that kind
    always has (a vault whose own notes say ``kind: observation`` is still a vault)."""
    kind = front.get("kind")
    if kind == "export":
        return front.get("format") == FORMAT
    if kind == "loose_rows":
        return True
    return isinstance(kind, str) and "id" in front and _is_table(kind)


def _is_table(kind: str) -> bool:
    try:
        tables.info(kind)
    except KeyError:
        return False
    return True


# ---------------------------------------------------------------------------- own files


def _own(
    doc: Document,
    kind: str,
    front: dict[str, Any],
    body: str,
    relative: str,
    seen: Seen,
) -> None:
    problems = doc.problems
    if kind == "export":
        _manifest(doc, front, relative)
    elif kind == "loose_rows":
        for table, items in front.items():
            if table != "kind" and _is_table(str(table)) and isinstance(items, list):
                for item in items:
                    _nested(doc, str(table), item, None, relative, seen)
    else:
        row = _row(kind, front, relative, problems, top=True)
        if row is None:
            return
        fields = text.read_fields(body)
        for column, value in fields.items():
            if column in tables.info(kind).columns:
                row[column] = value
        if _keep(doc, kind, row, relative, seen):
            _children(doc, kind, row.get("id"), front, relative, seen)


def _manifest(doc: Document, front: dict[str, Any], relative: str) -> None:
    version = front.get("version")
    if front.get("format") != FORMAT or not isinstance(version, int) or version < 1:
        doc.problems.append(f"{relative} does not say which iltdesk export it belongs to.")
        return
    if version > VERSION:
        doc.problems.append(
            f"{relative} was written by a newer iltdesk (export version {version}); "
            "update iltdesk to import it."
        )
        return
    lead = front.get("lead")
    doc.scope = Scope(
        lead=lead if isinstance(lead, str) else None,
        since=_day_or_none(front.get("since")),
        until=_day_or_none(front.get("until")),
    )
    if isinstance(front.get("source"), str):
        doc.source = front["source"]


def _day_or_none(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _row(table: str, data: Any, relative: str, problems: list[str], *, top: bool) -> Row | None:
    what = tables.info(table)
    if not isinstance(data, dict):
        problems.append(f"{relative}: each {label(table)} should be lines of 'name: value'.")
        return None
    row: Row = {}
    for column in what.columns:
        key = "type" if top and column == "kind" else column
        if key in data:
            value = _value(data[key])
            if isinstance(value, (list, dict, set)):
                problems.append(f"{relative}: {key} should be one value, not a list.")
                return None
            row[column] = value
    for column in _key_columns(table):
        if not _whole(row.get(column)):
            problems.append(f"{relative}: a {label(table)} has no {column} (a whole number).")
            return None
    for link in what.links:
        value = row.get(link.column)
        if value is not None and not _whole(value):
            problems.append(f"{relative}: {link.column} should be a record's id (a number).")
            return None
    return row  # no _source: an export read back equals the Document it was written from


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@cache
def _key_columns(table: str) -> tuple[str, ...]:
    """The columns naming a row: ``id``, or a link table's pair of links."""
    return tuple(c.name for c in tables.sql_table(table).primary_key.columns)


def _value(value: Any) -> Any:
    """A YAML value as the Document holds it: dates (and moments) as ISO text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _keep(doc: Document, table: str, row: Row, relative: str, seen: Seen) -> bool:
    key = (table, tuple(row[c] for c in _key_columns(table)))
    if key in seen:
        where = "itself" if seen[key] == relative else seen[key]
        doc.problems.append(f"{relative} holds the same {label(table)} as {where}; keep one.")
        return False
    seen[key] = relative
    doc.rows(table).append(row)
    return True


def _children(
    doc: Document,
    table: str,
    ident: int | None,
    data: dict[str, Any],
    relative: str,
    seen: Seen,
) -> None:
    for child in tables.exported():
        parent = child.parent
        if parent is None or parent.table != table or child.name not in data or ident is None:
            continue
        items = data[child.name]
        if not isinstance(items, list):
            doc.problems.append(f"{relative}: {child.name} should be a list of entries.")
            continue
        for item in items:
            _nested(doc, child.name, item, (parent.column, ident), relative, seen)


def _nested(
    doc: Document,
    table: str,
    item: Any,
    parent: tuple[str, int] | None,
    relative: str,
    seen: Seen,
) -> None:
    row = _row(table, item, relative, doc.problems, top=False)
    if row is None:
        return
    if parent is not None:
        row.setdefault(parent[0], parent[1])  # a person may have left the parent's id out
    if _keep(doc, table, row, relative, seen):
        _children(doc, table, row.get("id"), item, relative, seen)


def _tidy(doc: Document) -> None:
    """Every exported table, parents first, each table's rows in id order (as dumped)."""
    ordered = {}
    for info in tables.exported():
        keys = _key_columns(info.name)
        ordered[info.name] = sorted(doc.rows(info.name), key=lambda r: [r[c] for c in keys])
    doc.tables = ordered
