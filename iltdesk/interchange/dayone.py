"""Day One's JSON export read into 1:1 notes.

Day One exports a zip holding one ``<Journal name>.json`` per journal (``Journal.json`` when
one journal is exported, the journal's name then in the zip's) and a ``photos/`` folder; each
journal is ``{"metadata": {"version": "1.0"}, "entries": [...]}``, an entry holding ``uuid``,
``creationDate`` (UTC, ``2023-01-05T14:22:10Z``), ``timeZone`` (``America/Chicago``), ``text``
(Markdown), ``tags``, ``starred`` and optionally ``richText``, ``photos``, ``location``, ...
A journal's JSON on its own, or the folder a Mac unzips the zip into, is read the same way.

What each entry becomes:
- its day: ``creationDate`` as a date where it was written (its ``timeZone``; an unknown zone
  is read as UTC, and the preview says so), so a note written at 7:30 pm in Los Angeles is
  on that evening's day;
- its text: ``text`` as the reader saw it in Day One: the backslashes Day One's Markdown puts
  before punctuation (``\\.``, ``\\-``, ``\\(``) are removed outside code, as any Markdown
  viewer removes them, and photo placeholders (``![](dayone-moment://...)``) are left out:
  photos, videos and recordings are not imported yet, and the preview says how many were not;
- its lead: the one a tag names (whole name or surname), else the one the journal's name
  names, else none (the plan asks).
Entries with no text are skipped; an entry that cannot be read stops the import (a problem).
Only the journals' JSON is read, in memory, with caps; nothing in the zip is ever extracted.
"""

from __future__ import annotations

import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from iltdesk.interchange.document import Document, ImportRefused
from iltdesk.interchange.foreign import (
    MAX_BYTES,
    Leads,
    Notes,
    load_json,
    peek,
    read_capped,
    too_large,
)
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

#: A member unpacking to more than this many times its packed size is a zip bomb, not notes:
#: a journal's JSON packs 5 to 20 times smaller (uuids and times do not repeat), while a
#: bomb's filler packs about 1,000 times with deflate, and far more with bzip2 or LZMA.
MAX_RATIO = 200
_SMALL = 1 << 20  # below this a member's ratio does not matter: it cannot hurt
_CHUNK = 1 << 20
#: What else an entry may carry, none of it imported yet: (its key, how the preview counts
#: one, how it counts several).
ATTACHMENTS = (
    ("photos", QT_TRANSLATE_NOOP("interchange.dayone", "{n} photo"),
     QT_TRANSLATE_NOOP("interchange.dayone", "{n} photos")),
    ("videos", QT_TRANSLATE_NOOP("interchange.dayone", "{n} video"),
     QT_TRANSLATE_NOOP("interchange.dayone", "{n} videos")),
    ("audios", QT_TRANSLATE_NOOP("interchange.dayone", "{n} recording"),
     QT_TRANSLATE_NOOP("interchange.dayone", "{n} recordings")),
    ("pdfAttachments", QT_TRANSLATE_NOOP("interchange.dayone", "{n} PDF"),
     QT_TRANSLATE_NOOP("interchange.dayone", "{n} PDFs")),
)  # fmt: skip
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,  # a compression method Python lacks
    RuntimeError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
)
_MOMENT = re.compile(r"!\[[^\]\n]{0,300}\]\(dayone-moment:[^)\s]{0,300}\)")
_ESCAPED = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_INLINE_CODE = re.compile(r"(`[^`\n]*`)")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def read_dayone(path: Path, known_leads: Sequence[str]) -> Document:
    """The notes of a Day One export (zip, or one journal's JSON) as 1:1s; see the module."""
    leads = Leads(known_leads)
    notes = Notes("Day One")  # not shown: the app's name, as the preview names the source
    if path.is_dir():
        packed = folder_journals(path)
    elif is_zip(path):
        packed = zip_journals(path)
    else:
        packed = [(path.name, read_capped(path))]
    journals = [(name, load_json(data, _where(path, name))) for name, data in packed]
    several = len(journals) > 1
    for name, data in journals:
        stem = PurePosixPath(name).stem
        # A single journal is exported as "Journal.json", its name then in the zip's.
        title = path.stem if stem.casefold() == "journal" else stem
        lead = leads.named_in(title)
        _read_journal(notes, leads, data, name, _where(path, name), several, lead)
    return notes.doc


def _where(path: Path, name: str) -> str:
    if name == path.name:
        return path.name
    return translate("interchange.dayone", "{file} ({journal})").format(
        file=path.name, journal=name
    )


def _read_journal(
    notes: Notes,
    leads: Leads,
    data: Any,
    name: str,
    label: str,
    several: bool,
    journal_lead: str | None,
) -> None:
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ImportRefused(
            translate(
                "interchange.dayone",
                "{name} is not a Day One export: expected an object with a list of entries.",
            ).format(name=label)
        )
    for number, entry in enumerate(entries, 1):
        where = _entry(name, number, several)
        if not isinstance(entry, dict):
            notes.problem(
                translate("interchange.dayone", "{entry} is not a Day One entry.").format(
                    entry=_first_up(where)
                )
            )
            continue
        text = entry.get("text", "")
        if not isinstance(text, str):
            notes.problem(
                translate("interchange.dayone", "{entry} has text that cannot be read.").format(
                    entry=_first_up(where)
                )
            )
            continue
        text = clean_text(text)
        if not text:
            continue  # a photo alone, or an empty page: nothing to import yet
        named = leads.in_tags(entry.get("tags"))
        zone = _zone(entry.get("timeZone"))
        notes.add(
            leads=named or ([journal_lead] if journal_lead else []),
            held_on=local_day(entry.get("creationDate"), zone or UTC),
            text=text,
            source=where,
            note="; ".join(filter(None, [attachments_note(entry), _zone_note(entry, zone)])),
        )


def _entry(journal: str, number: int, several: bool) -> str:
    """Where a note came from, as the preview and its questions name it."""
    if several:
        return translate("interchange.dayone", "{journal} entry {number}").format(
            journal=journal, number=number
        )
    return translate("interchange.dayone", "entry {number}").format(number=number)


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def local_day(stamp: object, zone: tzinfo) -> date | None:
    """The day ``stamp`` (ISO 8601, UTC when it has no offset) was in ``zone``."""
    if not isinstance(stamp, str):
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(zone).date()
    except (OverflowError, ValueError):  # a moment at the edge of year 1 or 9999
        return moment.date()


def _zone(name: object) -> tzinfo | None:
    """The time zone called ``name``, or None when this computer does not know it (or it is
    not a zone's name)."""
    if isinstance(name, str) and name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return None


def _zone_note(entry: dict[str, Any], zone: tzinfo | None) -> str:
    """Why an entry's day may be off by one, when its time zone is not known here (Windows
    without the tzdata package knows none)."""
    name = entry.get("timeZone")
    if zone is not None or not isinstance(name, str) or not name:
        return ""
    return translate("interchange.dayone", "time zone {zone} unknown here: dated in UTC").format(
        zone=name[:40]
    )


def clean_text(text: str) -> str:
    """Day One's Markdown as its reader saw it: photo placeholders out, Day One's backslash
    escapes removed outside code (fenced blocks and `inline code` kept as written)."""
    lines: list[str] = []
    fence = ""
    for line in _MOMENT.sub("", text).splitlines():
        opening = _FENCE.match(line)
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
        elif opening:
            fence = opening.group(1)
        else:
            parts = _INLINE_CODE.split(line)
            line = "".join(p if i % 2 else _ESCAPED.sub(r"\1", p) for i, p in enumerate(parts))
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def attachments_note(entry: dict[str, Any]) -> str:
    """ "2 photos and 1 video not imported", or "" when the entry has none."""
    counts = []
    for key, one, many in ATTACHMENTS:
        items = entry.get(key)
        if isinstance(items, list) and items:
            counted = one if len(items) == 1 else many
            counts.append(translate("interchange.dayone", counted).format(n=len(items)))
    if not counts:
        return ""
    listed = counts[0]
    if len(counts) > 1:
        listed = translate("interchange.dayone", "{items} and {last}").format(
            items=", ".join(counts[:-1]), last=counts[-1]
        )
    return translate("interchange.dayone", "{attachments} not imported").format(attachments=listed)


def is_zip(path: Path) -> bool:
    return peek(path, 4) in (b"PK\x03\x04", b"PK\x05\x06")


def is_journal(member: str) -> bool:
    """A journal's JSON: at the top of the zip or in one folder, not a macOS copy's leftover."""
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return (
        member.lower().endswith(".json")
        and 0 < len(parts) <= 2
        and parts[0] != "__MACOSX"
        and not parts[-1].startswith(".")
    )


def holds_journal(path: Path) -> bool:
    """Whether the zip at ``path`` holds a journal's JSON (what guess_format asks)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(is_journal(i.filename) and not i.is_dir() for i in archive.infolist())
    except _ZIP_ERRORS:
        raise ImportRefused(_damaged(path.name)) from None


def zip_journals(path: Path) -> list[tuple[str, bytes]]:
    """Each journal's (file name, bytes), read in memory within ``MAX_BYTES`` all told."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [i for i in archive.infolist() if is_journal(i.filename) and not i.is_dir()]
            if not members:
                raise ImportRefused(_no_journal(path.name))
            _check_sizes(path.name, members)
            budget = MAX_BYTES
            read = []
            for info in members:
                data = _read_member(archive, info, path.name, budget)
                budget -= len(data)
                read.append((PurePosixPath(info.filename.replace("\\", "/")).name, data))
            return read
    except _ZIP_ERRORS:
        raise ImportRefused(_damaged(path.name)) from None


def folder_journals(path: Path) -> list[tuple[str, bytes]]:
    """Each journal's (file name, bytes) in an unzipped export (a Mac unzips a downloaded
    zip by itself): the folder's own .json files, never a link out of it."""
    try:
        files = sorted(f for f in path.iterdir() if is_journal(f.name) and _plain_file(f))
    except OSError:
        raise ImportRefused(
            translate("interchange.dayone", "The folder {name} cannot be read.").format(
                name=path.name
            )
        ) from None
    if not files:
        raise ImportRefused(_no_journal(path.name))
    read = [(f.name, read_capped(f)) for f in files]
    if sum(len(data) for _, data in read) > MAX_BYTES:
        raise ImportRefused(too_large(path.name))
    return read


def _plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
    if sum(i.file_size for i in members) > MAX_BYTES:
        raise ImportRefused(too_large(name))
    for info in members:
        if info.flag_bits & 0x1:
            raise ImportRefused(
                translate(
                    "interchange.dayone",
                    "{name} is locked with a password; export it from Day One without one.",
                ).format(name=name)
            )
        if info.file_size > _SMALL and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused(
                translate(
                    "interchange.dayone",
                    "{name} unpacks to far more than it holds: not a Day One export.",
                ).format(name=name)
            )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: int) -> bytes:
    """The member's bytes, never more than ``budget`` whatever its header claims."""
    chunks = []
    total = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            total += len(chunk)
            if total > budget:
                raise ImportRefused(too_large(name))
            chunks.append(chunk)
    return b"".join(chunks)


def _damaged(name: str) -> str:
    return translate(
        "interchange.dayone",
        "{name} is not a zip file that can be read (it may be cut short or damaged).",
    ).format(name=name)


def _no_journal(name: str) -> str:
    return translate(
        "interchange.dayone", "{name} holds no Day One journal (no .json file)."
    ).format(name=name)
