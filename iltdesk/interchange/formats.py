"""Each open format's reader and writer, found by the name the CLI and the app use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iltdesk.interchange.document import Document

EXPORT_FORMATS = ("markdown", "json", "csv")
IMPORT_FORMATS = ("markdown", "json", "dayone", "jrnl", "roster")
#: What each import format is, for a chooser and for messages.
IMPORT_NAMES = {
    "markdown": "a folder of Markdown or text files",
    "json": "an iltdesk JSON export",
    "dayone": "a Day One export (JSON, or its zip)",
    "jrnl": "a jrnl JSON export",
    "roster": "a roster of leads (CSV: name, role, team)",
}
#: The warning every open-format export gives before it writes.
LEAVES_ENCRYPTION = (
    "This export leaves the encryption: anyone who can open {dest} can read everything "
    "in it. Keep it somewhere private, and delete it when it has done its job."
)


def write_export(doc: Document, fmt: str, dest: Path) -> int:
    """Write ``doc`` as ``fmt`` to ``dest`` (a new folder for Markdown, else a file): the
    records written, as a person counts them (action items for the CSV)."""
    if fmt == "markdown":
        from iltdesk.interchange.markdown_out import write_markdown

        write_markdown(doc, dest)  # its files include the manifest: not a record
        return doc.records()
    if fmt == "json":
        from iltdesk.interchange.json_io import write_json

        write_json(doc, dest)
        return doc.records()
    if fmt == "csv":
        from iltdesk.interchange.csv_out import write_action_items_csv

        return write_action_items_csv(doc, dest)
    raise ValueError(fmt)


def read_source(path: Path, fmt: str | None, known_leads: Sequence[str]) -> Document:
    """``path`` read as ``fmt`` (guessed when None) into a Document."""
    if fmt is None:
        from iltdesk.interchange.guess import guess_format

        fmt = guess_format(path)
    if fmt == "markdown":
        from iltdesk.interchange.markdown_in import read_markdown

        return read_markdown(path, known_leads)
    if fmt == "json":
        from iltdesk.interchange.json_io import read_json

        return read_json(path)
    if fmt == "dayone":
        from iltdesk.interchange.dayone import read_dayone

        return read_dayone(path, known_leads)
    if fmt == "jrnl":
        from iltdesk.interchange.jrnl import read_jrnl

        return read_jrnl(path, known_leads)
    if fmt == "roster":
        from iltdesk.interchange.roster import read_roster

        return read_roster(path)
    raise ValueError(fmt)
