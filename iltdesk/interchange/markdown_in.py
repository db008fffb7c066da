"""A folder of Markdown or text files read into a Document.

Files this app exported (their front matter names an exported table as ``kind``) become
exactly the rows they were written from, with the same ids and links. Any other file is a
note: a 1:1's notes, its lead and day taken from the front matter, the folder and the file
name (``markdown_notes``). Nothing here raises on a bad file: each is one plain line in the
Document's problems, and an import with problems writes nothing. Hidden files and folders
(``.obsidian``, ``.git``) and links are passed over; no link is ever followed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from iltdesk.interchange import markdown_notes as notes
from iltdesk.interchange import markdown_text as text
from iltdesk.interchange import tables
from iltdesk.interchange.document import FORMAT, VERSION, Document, Row, Scope
from iltdesk.interchange.foreign import MAX_PROBLEMS
from iltdesk.interchange.labels import label
from iltdesk.interchange.markdown_files import MAX_BYTES as MAX_BYTES
from iltdesk.interchange.markdown_files import files, read, shown
from iltdesk.translation import translate

Seen = dict[tuple[str, Any], str]  # (table, key) -> the file that holds it


def read_markdown(folder: Path, known_leads: Sequence[str]) -> Document:
    """The rows ``folder``'s files hold (see the module's note); ``folder`` may also be one
    Markdown or text file."""
    found = files(folder)
    if found == [folder]:
        folder = folder.parent
    doc = Document(source="Markdown files")  # not shown: kept in an export's manifest
    if not found:
        doc.problems.append(
            translate(
                "interchange.markdown_in", "{folder} holds no Markdown or text files to import."
            ).format(folder=folder)
        )
        return doc
    seen: Seen = {}
    own = False
    foreign: list[tuple[str, dict[str, Any], str]] = []
    for path in found:
        relative = shown(path.relative_to(folder).as_posix())
        got = read(path, relative, doc.problems)
        if got is None:
            continue
        front, body = got
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


def _cap(problems: list[str]) -> None:
    """The first lines, then a count: a folder of a thousand binary files should not bury
    the preview."""
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems[MAX_PROBLEMS:] = [
            translate("interchange.markdown_in", "... and {more} more like these.").format(
                more=more
            )
        ]


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
        doc.problems.append(
            translate(
                "interchange.markdown_in", "{file} does not say which iltdesk export it belongs to."
            ).format(file=relative)
        )
        return
    if version > VERSION:
        doc.problems.append(
            translate(
                "interchange.markdown_in",
                "{file} was written by a newer iltdesk (export version {version}); "
                "update iltdesk to import it.",
            ).format(file=relative, version=version)
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
        problems.append(
            translate(
                "interchange.markdown_in", "{file}: each {kind} should be lines of 'name: value'."
            ).format(file=relative, kind=label(table))
        )
        return None
    row: Row = {}
    for column in what.columns:
        key = "type" if top and column == "kind" else column
        if key in data:
            value = _value(data[key])
            if isinstance(value, (list, dict, set)):
                problems.append(
                    translate(
                        "interchange.markdown_in", "{file}: {key} should be one value, not a list."
                    ).format(file=relative, key=key)
                )
                return None
            row[column] = value
    for column in _key_columns(table):
        if not _whole(row.get(column)):
            problems.append(
                translate(
                    "interchange.markdown_in", "{file}: a {kind} has no {column} (a whole number)."
                ).format(file=relative, kind=label(table), column=column)
            )
            return None
    for link in what.links:
        value = row.get(link.column)
        if value is not None and not _whole(value):
            problems.append(
                translate(
                    "interchange.markdown_in",
                    "{file}: {column} should be a record's id (a number).",
                ).format(file=relative, column=link.column)
            )
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
        where = (
            translate("interchange.markdown_in", "itself") if seen[key] == relative else seen[key]
        )
        doc.problems.append(
            translate(
                "interchange.markdown_in", "{file} holds the same {kind} as {where}; keep one."
            ).format(file=relative, kind=label(table), where=where)
        )
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
            doc.problems.append(
                translate(
                    "interchange.markdown_in", "{file}: {field} should be a list of entries."
                ).format(file=relative, field=child.name)
            )
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
