"""What the readers of other apps' files (Day One, jrnl, a roster) share.

Reading a file with a size cap, JSON that cannot crash the reader (any nesting, any number),
matching a tag or a journal's name to one of the journal's leads, and building the 1:1 notes
every foreign note becomes (``document``'s module note). A file that is not what it claims
raises ``ImportRefused`` (one plain line naming it); trouble in one entry that would lose a
note is a line in ``Document.problems``, which stops the import before anything is written.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from iltdesk.interchange.document import SOURCE, Document, ImportRefused, Row
from iltdesk.lead_names import TITLES, name_key, normalise_name
from iltdesk.translation import translate

#: The most an import reads into memory from one file, or from all of a zip's journals:
#: years of a principal's notes are a few megabytes, so anything near this is not notes.
MAX_BYTES = 200 * 1024 * 1024
#: A row's key for what the preview should say about it that is no problem ("2 photos not
#: imported"); like ``SOURCE``, never a column.
NOTE = "_note"
#: Problem lines listed before "... and N more": a damaged file should not bury the preview.
MAX_PROBLEMS = 10

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_SURROGATE = re.compile("[\ud800-\udfff]")


def peek(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path`` (to tell a zip from JSON without reading it)."""
    return read_capped(path, size, whole=False)


def read_capped(path: Path, limit: int = MAX_BYTES, *, whole: bool = True) -> bytes:
    """The file's bytes, refused with a plain line when it is missing, unreadable or (with
    ``whole``) larger than ``limit``."""
    name = path.name or str(path)
    try:
        # Not blocking on open (a FIFO would wait for a writer for ever), and only a regular
        # file is read: a pipe or a device named as notes is refused, not waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            kind = os.fstat(file.fileno()).st_mode
            if stat.S_ISDIR(kind):
                raise IsADirectoryError
            if not stat.S_ISREG(kind):
                raise ImportRefused(
                    translate(
                        "interchange.foreign",
                        "{name} is not a regular file; nothing was read from it.",
                    ).format(name=name)
                )
            data = file.read(limit + 1 if whole else limit)
    except FileNotFoundError:
        said = translate("interchange.foreign", "There is no file at {path}.")
        raise ImportRefused(said.format(path=path)) from None
    except IsADirectoryError:
        said = translate("interchange.foreign", "{name} is a folder, not a file.")
        raise ImportRefused(said.format(name=name)) from None
    except PermissionError:
        said = translate(
            "interchange.foreign", "You may not read {name} (its permissions deny it)."
        )
        raise ImportRefused(said.format(name=name)) from None
    except OSError as err:
        said = translate("interchange.foreign", "{name} cannot be read: {reason}.")
        raise ImportRefused(said.format(name=name, reason=err.strerror or err)) from None
    if whole and len(data) > limit:
        raise ImportRefused(too_large(name))
    return data


def too_large(name: str) -> str:
    return translate(
        "interchange.foreign", "{name} is larger than {size} MB: too large to be notes to import."
    ).format(name=name, size=MAX_BYTES // 2**20)


def decode(data: bytes, name: str) -> str:
    """Text from UTF-8 (a byte-order mark allowed, as Excel writes it) or BOM-marked UTF-16."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        said = translate(
            "interchange.foreign", "{name} is not UTF-8 text; save it as UTF-8 and import it again."
        )
        raise ImportRefused(said.format(name=name)) from None


def load_json(data: bytes, name: str) -> Any:
    """The JSON value ``data`` holds, or one plain line saying why it is not JSON."""
    text = decode(data, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        said = translate("interchange.foreign", "{name} is not valid JSON (line {line}).")
        raise ImportRefused(said.format(name=name, line=err.lineno)) from None
    except RecursionError:
        said = translate("interchange.foreign", "{name} is nested too deeply to be an export.")
        raise ImportRefused(said.format(name=name)) from None
    except ValueError:  # a whole number longer than Python converts (4,300 digits)
        said = translate("interchange.foreign", "{name} holds a number too long to read.")
        raise ImportRefused(said.format(name=name)) from None


def safe_text(text: str) -> str:
    """``text`` with any lone surrogate (JSON's ``\\ud800``, which no file or journal can
    store) shown as the replacement character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _words(text: str) -> list[str]:
    """The words of a name, tag or title, compared in any case and Unicode form; titles
    ("Ms.", "Dr") left out. ``_`` separates words, as tags write spaces."""
    words = _WORD.findall(name_key(text))
    return [w for w in words if w not in TITLES and f"{w}." not in TITLES] or words


def _squash(words: Iterable[str]) -> str:
    return "".join(ch for word in words for ch in word if ch.isalnum())


class Leads:
    """The journal's leads by name, to find which one a tag or a journal's name means."""

    def __init__(self, names: Sequence[str]) -> None:
        self._words: dict[str, list[str]] = {}
        for raw in names:
            name = normalise_name(raw) if isinstance(raw, str) else ""
            if (words := _words(name)) and name not in self._words:
                self._words[name] = words

    def in_tags(self, tags: object) -> set[str]:
        """The leads ``tags`` name: a tag that is a lead's whole name or surname (any case;
        "@pham", "#jordan_pham", "Jordan Pham" and "JordanPham" all name Jordan Pham)."""
        if not isinstance(tags, list):
            return set()
        return {lead for tag in tags if isinstance(tag, str) and (lead := self.for_tag(tag))}

    def for_tag(self, tag: str) -> str | None:
        wanted = _squash(_words(tag))
        if not wanted:
            return None
        whole = [n for n, words in self._words.items() if _squash(words) == wanted]
        surname = [n for n, words in self._words.items() if _squash(words[-1:]) == wanted]
        return _only(whole) or _only(surname)

    def named_in(self, title: str) -> str | None:
        """The one lead a journal's name names ("Pham 1:1s", "Notes on Jordan Pham"): by
        whole name, else by a surname no other lead has."""
        # Hyphens join a name ("García-López") or a file name's parts ("2024-02-01-Pham").
        readings = (_words(title), _words(title.replace("-", " ")))
        joined = " ".join(f" {' '.join(words)} " for words in readings)
        whole = [n for n, w in self._words.items() if f" {' '.join(w)} " in joined]
        surname = [n for n, w in self._words.items() if any(w[-1] in r for r in readings)]
        return _only(whole) or _only(surname)


def _only(names: list[str]) -> str | None:
    return names[0] if len(names) == 1 else None


class Notes:
    """A document of 1:1 notes: one ``lead`` row per lead named, one ``one_on_one`` each."""

    def __init__(self, source: str) -> None:
        self.doc = Document(source=source)
        self.doc.rows("lead")  # parents first, as tables.exported() orders them
        self.doc.rows("one_on_one")
        self._lead_ids: dict[str, int] = {}
        self._dropped = 0

    def add(
        self, *, leads: Collection[str], held_on: date | None, text: str, source: str, note: str
    ) -> Row:
        """A 1:1 holding ``text``: its lead the one of ``leads``, else null (the plan asks)."""
        notes = [note] if note else []
        if len(leads) > 1:
            notes.append(
                translate("interchange.foreign", "names more than one lead ({leads})").format(
                    leads=", ".join(sorted(leads))
                )
            )
        row: Row = {
            "lead_id": self._lead_id(next(iter(leads))) if len(leads) == 1 else None,
            "held_on": held_on.isoformat() if held_on else None,
            "notes": safe_text(text),
            SOURCE: source,
        }
        if notes:
            row[NOTE] = "; ".join(notes)
        return self.doc.add("one_on_one", row)

    def problem(self, line: str) -> None:
        """One plain line that stops the import (the first ``MAX_PROBLEMS``, then a count)."""
        problems = self.doc.problems
        if len(problems) < MAX_PROBLEMS:
            problems.append(safe_text(line))
            return
        self._dropped += 1
        more = translate("interchange.foreign", "... and {n} more like these.").format(
            n=self._dropped
        )
        if len(problems) == MAX_PROBLEMS:
            problems.append(more)
        else:
            problems[-1] = more

    def _lead_id(self, name: str) -> int:
        if name not in self._lead_ids:
            self._lead_ids[name] = self.doc.add("lead", {"name": name})["id"]
        return self._lead_ids[name]
