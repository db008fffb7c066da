"""What a file or folder given to ``iltdesk import`` is, when ``--format`` does not say.

- a folder, or one ``.md``/``.markdown``/``.txt`` file: "markdown"; but a folder whose first
  ``.json`` is Day One's (a Mac unzips a downloaded export by itself): "dayone";
- a ``.csv`` file: "roster";
- a zip holding a journal's ``.json``: "dayone" (Day One's export is the only zip we read);
- JSON: our own export ("json", its "format" is "iltdesk-export"), Day One's ("dayone": a list
  of entries with a ``creationDate``, or none under Day One's "metadata") or jrnl's ("jrnl":
  entries with a ``date`` and a title, body or time; or one such entry, as jrnl writes one
  file per entry).
Anything else is one plain line asking for ``--format``. Our export is told by its first bytes
(it writes ``format`` first, and may be larger than the readers' cap for other apps' files);
other JSON is read whole (within that cap) to be sure: guessing from its first bytes would
misread a reordered file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from iltdesk.interchange.dayone import holds_journal, is_zip
from iltdesk.interchange.document import FORMAT, ImportRefused
from iltdesk.interchange.foreign import load_json, peek, read_capped
from iltdesk.interchange.jrnl import is_entry
from iltdesk.translation import translate

FORMATS = ("markdown", "json", "dayone", "jrnl", "roster")
_TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_SAMPLE = 200  # entries looked at to tell Day One's from jrnl's


class FormatUnknown(ImportRefused):
    """The file is none of the formats iltdesk reads, as far as it can tell; ``plain`` says
    so without the command line's advice (the app asks with its Format list instead)."""

    def __init__(self, name: str) -> None:
        self.plain = translate("interchange.guess", "Cannot tell what {name} is").format(name=name)
        super().__init__(
            translate("interchange.guess", "{cannot_tell}; pass --format {formats}.").format(
                cannot_tell=self.plain, formats="|".join(FORMATS)
            )
        )


def guess_format(path: Path) -> str:
    """One of ``FORMATS``, or ``ImportRefused`` with one plain line naming ``path``."""
    if path.is_dir():
        return "dayone" if _unzipped_day_one(path) else "markdown"
    if not path.exists():
        raise ImportRefused(
            translate("interchange.guess", "There is no file or folder at {path}.").format(
                path=path
            )
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "roster"
    if suffix in _TEXT_SUFFIXES:
        return "markdown"
    if is_zip(path):
        if holds_journal(path):
            return "dayone"
    elif suffix == ".zip":
        raise ImportRefused(
            translate("interchange.guess", "{name} is not a zip file that can be read.").format(
                name=path.name
            )
        )
    elif _our_export(path):
        return "json"  # told by its first bytes: it may be larger than other apps' files
    elif suffix == ".json" or _starts_like_json(path):
        kind = json_kind(load_json(read_capped(path), path.name))
        if kind:
            return kind
    raise FormatUnknown(path.name)


def _unzipped_day_one(folder: Path) -> bool:
    """Whether ``folder`` is a Day One export a Mac unzipped: its first .json is Day One's."""
    try:
        first = next((f for f in sorted(folder.iterdir()) if f.suffix.lower() == ".json"), None)
    except OSError:
        return False
    if first is None or not first.is_file():
        return False
    try:
        return json_kind(load_json(read_capped(first), first.name)) == "dayone"
    except ImportRefused:
        return False  # a folder of notes holding some other JSON: the Markdown reader says


_OURS = re.compile(rb'\s*\{\s*"format"\s*:\s*"' + FORMAT.encode() + rb'"')


def _our_export(path: Path) -> bool:
    """Whether ``path`` begins as iltdesk's JSON export does (``format`` first)."""
    return _OURS.match(peek(path, 256).removeprefix(b"\xef\xbb\xbf")) is not None


def _starts_like_json(path: Path) -> bool:
    start = peek(path, 64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return start[:1] == b"{"


def json_kind(data: Any) -> str | None:
    """Which JSON export ``data`` is ("json", "dayone", "jrnl"), or None."""
    if not isinstance(data, dict):
        return None
    if data.get("format") == FORMAT:
        return "json"
    entries = data.get("entries")
    if isinstance(entries, list):
        sample = [e for e in entries[:_SAMPLE] if isinstance(e, dict)]
        if any("creationDate" in e for e in sample):
            return "dayone"
        if any(is_entry(e) or ("date" in e and "time" in e) for e in sample):
            return "jrnl"
        if not sample and isinstance(data.get("metadata"), dict):
            return "dayone"
        if not sample and isinstance(data.get("tags"), dict):
            return "jrnl"
        return None
    return "jrnl" if is_entry(data) else None
