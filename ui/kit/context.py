"""What every window and page shares: the open journal, navigation, and autosave."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QThread, QTimer, Signal

from iltdesk.errors import JournalError
from iltdesk.messages import not_done
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.committer import Ticket
from iltdesk.store.journal import Journal
from ui.kit.presenter import Presenter

T = TypeVar("T")

SAVE_DELAY_MS = 800  # a pause in typing this long saves
# ...and so does typing on without a pause: a kill then loses at most this much of the text.
MAX_WAIT_MS = 1000
RETRY_MS = 5000
# The last save is still on its way to the disk: the text stays in the editor and the next
# save is tried again this soon (after the last one's result is taken), never waiting for it.
BUSY_RETRY_MS = 15


@dataclass(frozen=True)
class Save(Generic[T]):
    """One save, as an editor hands it over: ``write`` the journal's writes, built from what
    the editor held when it was asked (it runs on the journal's committer thread, so it must
    not touch a widget); ``then`` back on the UI thread with what ``write`` returned, once
    that is committed and synced (the editor keeps the saved record, tells the list)."""

    write: Callable[[], T]
    then: Callable[[T], None] | None = None


class Autosaver(QObject):
    """Debounces edits and saves them; a failed save keeps the text and retries.

    A save comes ``SAVE_DELAY_MS`` after the last keystroke, but never later than
    ``MAX_WAIT_MS`` after the first unsaved one, so continuous typing is saved every second.

    ``save`` reads the editor's current text itself and returns the ``Save`` to write it (None:
    nothing to save), so nothing typed is ever dropped: until that save is committed and
    synced the saver stays ``dirty`` and the editor keeps what the user wrote. The timer's
    saves never wait for the disk or the journal: the writes and the commit run on the
    journal's committer thread (``Journal.defer``); the saver hears back on this thread and
    only then says "All changes saved" (or that it failed, and tries again). ``flush`` saves
    and waits for the commit, for whoever needs it in the journal now.
    """

    def __init__(
        self,
        context: AppContext,
        save: Callable[[], Save[Any] | None],
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
        self._edited = False  # changed since the last save was handed to the journal
        self._ticket: Ticket | None = None  # that save's commit, until it is heard
        self._handed: Save[Any] | None = None  # the save the ticket is for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_in_background)
        self._unsaved_since = QElapsedTimer()  # started by the first edit after a save attempt
        context.register(self)

    @property
    def dirty(self) -> bool:
        """Whether some of the text is not yet committed and synced."""
        return self._edited or self._ticket is not None

    def touch(self) -> None:
        """Something changed: save after a short pause, or at the latest MAX_WAIT_MS after
        the first change not yet saved."""
        self._edited = True
        if not self._unsaved_since.isValid():
            self._unsaved_since.start()
        left = MAX_WAIT_MS - self._unsaved_since.elapsed()
        self._timer.start(max(0, min(SAVE_DELAY_MS, left)))

    def save_in_background(self) -> None:
        """The timer's save: what the editor holds now, written on the journal's own thread."""
        self._timer.stop()
        if not self._edited:
            return
        if self._ticket is not None:
            if not self._ticket.done:  # the last save is still on its way: its turn first
                self._timer.start(BUSY_RETRY_MS)
                return
            self.hear(self._ticket)  # its ``then`` before the next save reads the editor
            if not self._edited:
                return
        self._unsaved_since.invalidate()  # the next edit starts a new maximum wait
        self._edited = False
        handed = self._save()
        if handed is None:
            return
        try:
            ticket = self._context.journal.defer(handed.write, self._context.commit_finished)
        except JournalError as exc:
            self._edited = True
            self._failed(exc)
            return
        self._ticket, self._handed = ticket, handed

    def hear(self, ticket: Ticket) -> None:
        """The commit of ``ticket`` is finished (``AppContext`` tells, on the UI thread)."""
        if ticket is self._ticket:
            handed, self._ticket, self._handed = self._handed, None, None
            self._finished(ticket, handed)

    def _finished(self, ticket: Ticket, handed: Save[Any] | None) -> bool:
        """Act on a finished commit: take its result and announce it, or keep the text and
        try again."""
        if not ticket.ok:
            self._edited = True  # what the editor holds is written again
            if ticket.crash is not None:  # a fault, not the disk: the crash report's
                self._timer.start(RETRY_MS)
                raise ticket.crash
            assert ticket.error is not None
            self._failed(ticket.error)
            return False
        self._took(handed, ticket.result)
        return True

    def _took(self, handed: Save[Any] | None, result: object) -> None:
        """A save is committed: the editor takes what it wrote, and the window says so."""
        if handed is not None and handed.then is not None:
            handed.then(result)
        if self._announce:  # as every save did, even with typing gone on since
            self._context.saved.emit()

    def _failed(self, exc: JournalError) -> None:
        self._context.save_failed.emit(
            not_done(
                self.tr("Not saved"),
                exc,
                self.tr("Your text is kept here and iltdesk will try again."),
            )
        )
        self._timer.start(RETRY_MS)

    def flush(self) -> bool:
        """Save now and wait for the commit (lock, quit, another record, focus leaving);
        True when nothing is left unsaved."""
        self._timer.stop()
        self._unsaved_since.invalidate()  # the next edit starts a new maximum wait
        ticket, handed = self._ticket, self._handed
        if ticket is not None:
            self._context.journal.settle()  # on this thread, or waits for the committer's
            self._ticket = self._handed = None
            if not ticket.done:  # the journal closed under it
                self._edited = True
                return False
            if not self._finished(ticket, handed) or not self._edited:
                return not self._edited
        if not self._edited:
            return True
        self._edited = False
        handed = self._save()
        if handed is None:
            return True
        try:
            result = self._context.journal.run_now(handed.write)
        except JournalError as exc:
            self._edited = True
            self._failed(exc)
            return False
        self._took(handed, result)
        return True

    def discard(self) -> None:
        """Forget pending edits (the record they belong to was deleted)."""
        self._timer.stop()
        self._unsaved_since.invalidate()
        self._edited = False
        self._ticket = self._handed = None


class AppContext(QObject):
    """The open journal plus the signals pages use to talk to each other."""

    open_record = Signal(object, int)  # a RecordKind, the record's id
    changed = Signal(object)  # a Change: what kind of record changed, and whose
    saved = Signal()
    save_failed = Signal(str)
    _commits_finished = Signal()  # from the committer's thread: tell the savers on this one

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._savers: list[Autosaver] = []
        self._finished: deque[Ticket] = deque()  # commits finished, their savers not yet told
        self._commits_finished.connect(self.tell_savers, Qt.ConnectionType.QueuedConnection)
        # Told before this thread reads the journal too, so that what it reads as committed
        # has been announced (the queued message may still be on its way).
        journal.on_use = self.tell_savers
        journal.start_committer()  # so that the first autosave does not wait for it to start
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

    def commit_finished(self, ticket: Ticket) -> None:
        """An autosave's commit is finished (called from whichever thread finished it)."""
        self._finished.append(ticket)
        with suppress(RuntimeError):  # the window, and this context with it, is gone
            self._commits_finished.emit()

    def tell_savers(self) -> None:
        """Tell each saver whose commit is finished (on this context's thread only)."""
        try:
            elsewhere = QThread.currentThread() is not self.thread()
        except RuntimeError:  # this context's window is gone; its savers with it
            return
        if elsewhere:
            return
        while self._finished:
            ticket = self._finished.popleft()
            for saver in list(self._savers):
                saver.hear(ticket)

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
        failed: str | None = None,
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
            self.save_failed.emit(not_done(failed or self.tr("Not saved"), exc))
            return NOT_WRITTEN
        if change is not None:
            self.changed.emit(change)
        return result


class NotWritten:
    """What ``AppContext.write`` gives back when the journal refused the write."""

    def __bool__(self) -> bool:
        return False


NOT_WRITTEN: Final = NotWritten()
