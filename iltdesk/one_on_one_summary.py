"""How a 1:1 is summed up in one line (timelines, lists): the first line of its notes that says
something."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from iltdesk.models import OneOnOne

# What a 1:1 with nothing written yet is summed up as (shown: ``no_notes``).
NO_NOTES = QT_TRANSLATE_NOOP("one_on_one_summary", "No notes yet")


def no_notes() -> str:
    """What a 1:1 with nothing written yet is summed up as, in the user's language."""
    return translate("one_on_one_summary", NO_NOTES)


def said_lines(notes: str) -> Iterator[str]:
    """A 1:1's note lines that may say something, as typed (Markdown): not blank, not a heading.

    The rule for which line sums up a 1:1, shared by ``summary_line`` and the app's 1:1 list.
    """
    for raw in notes.splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            yield raw


def clip(line: str, width: int) -> str:
    """``line`` cut to ``width`` characters, with an ellipsis when cut."""
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def summary_line(meeting: OneOnOne, width: int = 90) -> str:
    """The first line of a 1:1's notes that says something (not a heading), for timelines.

    Its Markdown marks are stripped by hand (list signs, ``**``): the core reads no Markdown,
    since Qt's reader lives in iltdesk.report and the CLI's quick path must stay light. The
    app's 1:1 list reads the same lines with ``iltdesk.report.markdown.plain_text`` instead.
    """
    return notes_summary(meeting.notes, width)


def notes_summary(notes: str, width: int = 90) -> str:
    """``summary_line`` of a 1:1 whose notes are ``notes`` (read without the whole 1:1)."""
    for raw in said_lines(notes):
        line = raw.strip().lstrip("#-*0123456789. ").replace("**", "").strip()
        if line:
            return clip(line, width)
    return no_notes()
