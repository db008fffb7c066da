"""Each open format's reader and writer, found by the name the CLI and the app use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iltdesk.interchange.document import Document
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

EXPORT_FORMATS = ("markdown", "json", "csv")
IMPORT_FORMATS = ("markdown", "json", "dayone", "jrnl", "roster")
#: What each import format is, for a chooser and for messages (shown by ``import_name``).
IMPORT_NAMES = {
    "markdown": QT_TRANSLATE_NOOP("interchange.formats", "a folder of Markdown or text files"),
    "json": QT_TRANSLATE_NOOP("interchange.formats", "an iltdesk JSON export"),
    "dayone": QT_TRANSLATE_NOOP("interchange.formats", "a Day One export (JSON, or its zip)"),
    "jrnl": QT_TRANSLATE_NOOP("interchange.formats", "a jrnl JSON export"),
    "roster": QT_TRANSLATE_NOOP("interchange.formats", "a roster of leads (CSV: name, role, team)"),
}
#: The warning every open-format export gives before it writes (shown by
#: ``leaves_encryption``).
LEAVES_ENCRYPTION = QT_TRANSLATE_NOOP(
    "interchange.formats",
    "This export leaves the encryption: anyone who can open {dest} can read everything "
    "in it. Keep it somewhere private, and delete it when it has done its job.",
)


def import_name(fmt: str) -> str:
    """What the import format ``fmt`` is, in the person's language."""
    return translate("interchange.formats", IMPORT_NAMES[fmt])


def leaves_encryption(dest: object) -> str:
    """The warning an open-format export gives before it writes to ``dest``."""
    return translate("interchange.formats", LEAVES_ENCRYPTION).format(dest=dest)


def check_export_destination(
    fmt: str,
    dest: Path,
    *,
    journal: Path,
    replace: bool,
    hint: str | None = None,
    folder_hint: str | None = None,
) -> None:
    """Refuse a bad place for an export before any work (``UsageError``): Markdown goes in a
    new or empty folder whose parent exists; a file goes where ``check_destination`` allows.
    ``hint`` and ``folder_hint`` are the next step in the asker's words (a flag, a choice;
    "choose another name", "choose another" when not given)."""
    from iltdesk.destination import check_destination
    from iltdesk.errors import UsageError

    if fmt == "markdown":
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
            if folder_hint is None:
                folder_hint = translate("interchange.formats", "choose another")
            raise UsageError(
                translate(
                    "interchange.formats", "{folder} is not a new or empty folder; {hint}."
                ).format(folder=dest, hint=folder_hint)
            )
        if not dest.parent.is_dir():
            raise UsageError(
                translate(
                    "interchange.formats", "There is no folder {parent} to make {name} in."
                ).format(parent=dest.parent, name=dest.name)
            )
        return
    if hint is None:
        hint = translate("interchange.formats", "choose another name")
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
