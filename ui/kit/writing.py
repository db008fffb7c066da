"""A form's write: the one helper (``AppContext.write``), with a refusal of what was typed
said beside the field it is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from iltdesk.errors import UsageError
from iltdesk.record_kinds import Change
from ui.kit.context import NOT_WRITTEN, AppContext, NotWritten

T = TypeVar("T")


class _Refused(Exception):
    """The core refused what was typed (an empty entry, no goal, no name): not a failure of
    the journal."""


def write_or_say(
    context: AppContext,
    work: Callable[[], T],
    change: Change | None,
    error: QLabel,
    *,
    failed: str | None = None,
) -> T | NotWritten:
    """``context.write(work, change)``; a ``UsageError`` (the person's input refused, e.g. an
    empty entry) is shown in ``error`` instead of the status bar, since it is about the form,
    not the journal. Either way the form keeps its text and ``NOT_WRITTEN`` comes back."""

    def attempt() -> T:
        try:
            return work()
        except UsageError as exc:
            raise _Refused(str(exc)) from exc

    error.hide()
    try:
        failed = failed or QCoreApplication.translate("writing", "Not saved")
        return context.write(attempt, change, failed=failed)
    except _Refused as exc:
        error.setText(str(exc))
        error.show()
        return NOT_WRITTEN
