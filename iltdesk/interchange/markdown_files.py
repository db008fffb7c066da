"""Which files of a folder an import reads as notes, and each one's front matter and body.

Hidden files and folders (``.obsidian``, ``.git``) and links are passed over; no link is ever
followed. A file that cannot be read is one plain line in the problems, never an exception.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from iltdesk.errors import UsageError
from iltdesk.interchange import markdown_text as text
from iltdesk.interchange.foreign import safe_text
from iltdesk.translation import translate

SUFFIXES = (".md", ".markdown", ".txt")
MAX_BYTES = 5 * 1024 * 1024


def shown(relative: str) -> str:
    """A file's path as messages and the preview show it: on one line, as text (a name may
    hold a line break, or bytes that are not UTF-8)."""
    return safe_text("".join("\ufffd" if ord(c) < 32 or c == "\x7f" else c for c in relative))


def files(folder: Path) -> list[Path]:
    try:
        info = os.lstat(folder)
    except OSError as exc:
        raise UsageError(
            translate("interchange.markdown_files", "{folder} cannot be read: {reason}.").format(
                folder=folder, reason=(exc.strerror or "error").lower()
            )
        ) from None
    if stat.S_ISLNK(info.st_mode):
        raise UsageError(
            translate(
                "interchange.markdown_files", "{folder} is a link; name the folder itself."
            ).format(folder=folder)
        )
    if stat.S_ISREG(info.st_mode) and folder.name.lower().endswith(SUFFIXES):
        return [folder]
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(
            translate(
                "interchange.markdown_files", "{folder} is not a folder; name a folder of notes."
            ).format(folder=folder)
        )
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


def read(path: Path, relative: str, problems: list[str]) -> tuple[dict[str, Any], str] | None:
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
        problems.append(
            translate("interchange.markdown_files", "{file} cannot be read: {reason}.").format(
                file=relative, reason=(exc.strerror or "error").lower()
            )
        )
        return None
    if len(data) > MAX_BYTES:
        problems.append(
            translate(
                "interchange.markdown_files",
                "{file} is larger than 5 MB; notes that long are not imported.",
            ).format(file=relative)
        )
        return None
    try:
        content = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        problems.append(
            translate(
                "interchange.markdown_files",
                "{file} is not UTF-8 text; save it as UTF-8 and try again.",
            ).format(file=relative)
        )
        return None
    if "\x00" in content:
        problems.append(
            translate("interchange.markdown_files", "{file} is not a text file.").format(
                file=relative
            )
        )
        return None
    yaml_text, body = text.split(content)
    if yaml_text is None:
        return {}, body
    try:
        front = text.load(yaml_text)
    except ValueError as exc:  # YAML read a date that is not one (2025-02-30)
        problems.append(
            translate(
                "interchange.markdown_files",
                "{file}: its front matter has a date that does not exist ({error}).",
            ).format(file=relative, error=exc)
        )
        return None
    except Exception:  # any file may hold anything (PyYAML raises several kinds): one line
        problems.append(
            translate(
                "interchange.markdown_files",
                "{file}: its front matter (between the --- lines) is not valid YAML.",
            ).format(file=relative)
        )
        return None
    if front is None:
        return {}, body
    if not isinstance(front, dict):
        problems.append(
            translate(
                "interchange.markdown_files",
                "{file}: its front matter should be lines of 'name: value'.",
            ).format(file=relative)
        )
        return None
    return front, body
