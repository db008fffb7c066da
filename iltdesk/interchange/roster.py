"""A roster of leads (a CSV file, as a spreadsheet saves it) read into ``lead`` rows.

The first line names the columns, in any case and order: the name ("Name", "Lead", "Full
name", or "First name" and "Last name"), the role ("Role", "Title", "Position") and the team
("Team", "Grade", "Department", "Subject"); other columns are ignored. Commas, semicolons (a
European Excel) or tabs separate them: the separator is the one that makes the first line a
header naming the most known columns (``csv.Sniffer`` guesses wrong on a one- or two-column
file, and a roster's header is what we know), or the one an Excel "sep=;" line names.
UTF-8 with or without a byte-order mark, and UTF-16 (Excel's "Unicode text"), are read.

Lines without a name are skipped; the same name twice (any case or accent form) stops the
import with one line listing them, since which line holds the right role is the principal's
call. The load step matches leads by name.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from iltdesk.interchange.document import SOURCE, Document, ImportRefused
from iltdesk.interchange.foreign import decode, read_capped, safe_text
from iltdesk.lead_names import name_key, normalise_name
from iltdesk.translation import translate

#: A roster of 25 leads is a few kilobytes; a file this big is not a roster.
MAX_ROSTER_BYTES = 5 * 1024 * 1024
#: Header words (case folded, trimmed, spaces single) for each field a roster fills: matched
#: against a file's first line, so they stay as written ("# not shown").
HEADERS = {
    "name": {
        "name",
        "lead",
        "lead name",  # not shown: matched in a roster's header
        "full name",  # not shown: matched in a roster's header
        "leader",
        "teacher leader",  # not shown: matched in a roster's header
        "person",
    },
    "first": {"first name", "first", "given name"},  # not shown: matched in a roster's header
    "last": {"last name", "last", "surname", "family name"},  # not shown: matched, as above
    "role": {"role", "title", "position", "job title", "ilt role"},  # not shown: matched
    "team": {
        "team",
        "grade",
        "grade level",  # not shown: matched in a roster's header
        "department",
        "dept",
        "subject",
        "team/grade",
        "content area",  # not shown: matched in a roster's header
    },
}
_SEPARATORS = (",", ";", "\t")


def read_roster(path: Path) -> Document:
    """The roster's leads as ``lead`` rows ``{name, role, team}``; see the module's note."""
    text = decode(read_capped(path, MAX_ROSTER_BYTES), path.name)
    if not text.strip():
        raise ImportRefused(
            translate("interchange.roster", "{name} is empty.").format(name=path.name)
        )
    lines = text.splitlines(keepends=True)
    start, separator = _header_line(lines)
    rows = csv.reader(io.StringIO("".join(lines[start:])), delimiter=separator)
    doc = Document(source="roster")
    try:
        columns = _columns(next(rows, []), path.name)
        for cells in rows:
            name = _name(cells, columns)
            if not name:
                continue
            row = {
                field: _cell(cells, i) for field, i in columns.items() if field in ("role", "team")
            }
            row["name"] = name
            row[SOURCE] = translate("interchange.roster", "{file} line {number}").format(
                file=path.name, number=start + rows.line_num
            )
            doc.add("lead", row)
    except csv.Error as err:
        said = translate("interchange.roster", "{name} cannot be read as a roster ({error}).")
        raise ImportRefused(said.format(name=path.name, error=err)) from None
    _duplicates(doc, path.name)
    return doc


def _header_line(lines: list[str]) -> tuple[int, str]:
    """Where the header is (past blank lines and an Excel "sep=" line) and the separator."""
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    first = lines[start].strip() if lines else ""
    if first.casefold().startswith("sep=") and len(first) == 5:
        return start + 1, first[4]
    header = lines[start] if lines else ""
    return start, max(_SEPARATORS, key=lambda sep: _known_columns(header, sep))


def _known_columns(header: str, separator: str) -> tuple[int, int]:
    """How many known columns ``header`` names when split by ``separator`` (then how many
    columns, so a one-column header stays one column)."""
    try:
        cells = next(csv.reader([header], delimiter=separator), [])
    except csv.Error:
        return (0, 0)
    known = sum(1 for cell in cells if _field(cell))
    return (known, -len(cells))


def _field(header: str) -> str | None:
    words = " ".join(header.strip().strip(":*").casefold().split())
    return next((field for field, names in HEADERS.items() if words in names), None)


def _columns(header: list[str], name: str) -> dict[str, int]:
    """Each known field's column (the first column naming it)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = _field(cell)
        if field and field not in columns:
            columns[field] = index
    if "name" not in columns and not ("first" in columns or "last" in columns):
        raise ImportRefused(
            translate(
                "interchange.roster",
                "{name} has no column of names: its first line should name the columns, "
                "like Name, Role, Team.",
            ).format(name=name)
        )
    return columns


def _cell(cells: list[str], index: int) -> str:
    return safe_text(cells[index].strip()) if index < len(cells) else ""


def _name(cells: list[str], columns: dict[str, int]) -> str:
    if "name" in columns:
        return normalise_name(_cell(cells, columns["name"]))
    parts = (_cell(cells, columns[f]) for f in ("first", "last") if f in columns)
    return normalise_name(" ".join(p for p in parts if p))


def _duplicates(doc: Document, name: str) -> None:
    counts = Counter(name_key(row["name"]) for row in doc.rows("lead"))
    twice = [row["name"] for row in doc.rows("lead") if counts.pop(name_key(row["name"]), 0) > 1]
    if twice:
        doc.problems.append(
            translate(
                "interchange.roster",
                "{name} names the same lead on more than one line: {leads}. "
                "Keep one line for each lead and import it again.",
            ).format(name=name, leads=", ".join(twice))
        )
