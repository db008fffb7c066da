"""What every window and page shares: the open journal, navigation, and autosave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from iltdesk.errors import JournalError
from iltdesk.messages import not_done
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from ui.kit.presenter import Presenter

T = TypeVar("T")

SAVE_DELAY_MS = 800  # a pause in typing this long saves
# ...and so does typing on without a pause: a kill then loses at most this much of the text.
MAX_WAIT_MS = 1000
RETRY_MS = 5000


class Autosaver(QObject):
    """Debounces edits and saves them; a failed save keeps the text and retries.

    A save comes ``SAVE_DELAY_MS`` after the last keystroke, but never later than
    ``MAX_WAIT_MS`` after the first unsaved one, so continuous typing is saved every second.

    ``save`` reads the editor's current text itself, so nothing typed is ever dropped: until a
    save succeeds the saver stays dirty and the editor keeps what the user wrote.
    """

    def __init__(
        self,
        context: AppContext,
        save: Callable[[], None],
        owner: QObject,
        *,
        announce: bool = True,
    ) -> None:
        # Owned by the editor, so it dies with it and never saves from a deleted widget.
        super().__init__(owner)
        self._context = context
        # A dialog's draft is not the record: "All changes saved" would say it was.
        self._announce = announce
        self._save = save
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._unsaved_since = QElapsedTimer()  # started by the first edit after a save attempt
        context.register(self)

    def touch(self) -> None:
        """Something changed: save after a short pause, or at the latest MAX_WAIT_MS after
        the first change not yet saved."""
        self.dirty = True
        if not self._unsaved_since.isValid():
            self._unsaved_since.start()
        left = MAX_WAIT_MS - self._unsaved_since.elapsed()
        self._timer.start(max(0, min(SAVE_DELAY_MS, left)))

    def flush(self) -> bool:
        """Save now if anything is pending; True when nothing is left unsaved."""
        self._timer.stop()
        self._unsaved_since.invalidate()  # the next edit starts a new maximum wait
        if not self.dirty:
            return True
        try:
            self._save()
        except JournalError as exc:
            self._context.save_failed.emit(
                not_done("Not saved", exc, "Your text is kept here and iltdesk will try again.")
            )
            self._timer.start(RETRY_MS)
            return False
        self.dirty = False
        if self._announce:
            self._context.saved.emit()
        return True

    def discard(self) -> None:
        """Forget pending edits (the record they belong to was deleted)."""
        self._timer.stop()
        self._unsaved_since.invalidate()
        self.dirty = False


class AppContext(QObject):
    """The open journal plus the signals pages use to talk to each other."""

    open_record = Signal(object, int)  # a RecordKind, the record's id
    changed = Signal(object)  # a Change: what kind of record changed, and whose
    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._savers: list[Autosaver] = []
        self.is_demo = journal.settings().get("demo") == "yes"
        # Presenter mode: pages hide the principal's private fields while it is on.
        self.presenter = Presenter(self)

    def register(self, saver: Autosaver) -> None:
        """Track an autosaver so that lock and quit can flush it."""
        self._savers.append(saver)
        saver.destroyed.connect(lambda *_: self._forget(saver))

    def _forget(self, saver: Autosaver) -> None:
        if saver in self._savers:
            self._savers.remove(saver)

    def flush_all(self) -> bool:
        """Save every pending edit now; False if something could not be saved."""
        return all([saver.flush() for saver in list(self._savers)])

    def announce(self, kind: RecordKind, lead_id: int | None = None) -> None:
        """Tell every page that a record of ``kind`` (of lead ``lead_id``) changed."""
        self.changed.emit(Change(kind, lead_id))

    def write(
        self,
        work: Callable[[], T],
        change: Change | None = None,
        *,
        failed: str = "Not saved",
    ) -> T | NotWritten:
        """Run one write to the journal from the UI, the one way every page writes.

        On success, announce ``change``. A ``JournalError`` (a full disk, a lost file) is shown
        in the status bar in the core's words, ``failed`` first, and comes back as
        ``NOT_WRITTEN``, so the caller keeps what was typed (a dialog stays open). Anything
        else is a bug and goes on to the crash dialog.
        """
        try:
            result = work()
        except JournalError as exc:
            self.save_failed.emit(not_done(failed, exc))
            return NOT_WRITTEN
        if change is not None:
            self.changed.emit(change)
        return result


class NotWritten:
    """What ``AppContext.write`` gives back when the journal refused the write."""

    def __bool__(self) -> bool:
        return False


NOT_WRITTEN: Final = NotWritten()
