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


def check_export_destination(
    fmt: str,
    dest: Path,
    *,
    journal: Path,
    replace: bool,
    hint: str = "choose another name",
    folder_hint: str = "choose another",
) -> None:
    """Refuse a bad place for an export before any work (``UsageError``): Markdown goes in a
    new or empty folder whose parent exists; a file goes where ``check_destination`` allows.
    ``hint`` and ``folder_hint`` are the next step in the asker's words (a flag, a choice)."""
    from iltdesk.destination import check_destination
    from iltdesk.errors import UsageError

    if fmt == "markdown":
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
            raise UsageError(f"{dest} is not a new or empty folder; {folder_hint}.")
        if not dest.parent.is_dir():
            raise UsageError(f"There is no folder {dest.parent} to make {dest.name} in.")
        return
    check_destination(dest, journal=journal, replace=replace, hint=hint)


def new_export_folder(chosen: Path, stem: str) -> Path:
    """Where a Markdown export goes when ``chosen`` is picked: ``chosen`` itself when it is
    empty, else a new folder inside it named ``stem`` (numbered; never one that exists)."""
    if chosen.is_dir() and not any(chosen.iterdir()):
        return chosen
    candidate, number = chosen / stem, 2
    while candidate.exists():
        candidate, number = chosen / f"{stem} ({number})", number + 1
    return candidate


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
