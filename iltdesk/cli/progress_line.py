"""One line on stderr that tells how far a long command is ("Checking… 43% (512 of 1,190
MB, 85 MB/s)"), rewritten in place, and gone once the command is done.

Only at a terminal: on a pipe or in a file, partial lines would be noise, so nothing is
written and only the command's final line (``done``) says what was done and how fast. The
line is cleared with spaces, not terminal escapes, so a plain console shows it right too.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from iltdesk.store.backups.progress import done_text, progress_text

REDRAW_EVERY_S = 0.1  # ten times a second is as smooth as the eye wants; more costs time


class ProgressLine:
    """A ``(done, total)`` callback (bytes) for the core's long jobs; a context manager that
    clears the line however the job ends (an error's own line is then written clean)."""

    def __init__(self, doing: str, stream: TextIO | None = None) -> None:
        self.doing = doing
        self.stream = stream if stream is not None else sys.stderr
        self.live = _is_terminal(self.stream)
        self.started = time.monotonic()
        self.total = 0  # bytes in all, as last told
        self._drawn = 0  # width of the line on screen
        self._next = 0.0

    @property
    def seconds(self) -> float:
        """Time since the job started."""
        return time.monotonic() - self.started

    def __call__(self, done: int, total: int) -> None:
        self.total = total
        now = time.monotonic()
        if not self.live or (now < self._next and done < total):
            return
        self._next = now + REDRAW_EVERY_S
        self._draw(progress_text(self.doing, done, total, now - self.started))

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(text)

    def clear(self) -> None:
        """Take the line off the screen."""
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def done(self, did: str) -> str:
        """'Checked 1,190 MB in 14.2 s (84 MB/s).'"""
        return done_text(did, self.total, self.seconds)

    def __enter__(self) -> ProgressLine:
        self.started = time.monotonic()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.clear()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False
