"""The days every search orders by, read into memory when a journal's search first opens.

Every search reads the day of each of its newest few hundred matches (``search_day``), and a
rare word's matches lie all over the journal: at 1M entries, ~300 pages a search from the disk
(17–25 ms of a search's 25–40) until they have been read once. Read here in steps of a few
milliseconds, one per turn of the event loop, so keys typed meanwhile are handled between
steps: 7 MB at 100k entries, 68 MB at 1M (~0.3 s of steps).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, QTimer

from iltdesk.errors import JournalError
from iltdesk.search_days import warm_step
from iltdesk.store.journal import Journal

# How far each open journal has been read: the rowid to go on after, or None once done.
_READ_UP_TO: WeakKeyDictionary[Journal, int | None] = WeakKeyDictionary()


class DaysWarmer(QObject):
    """Reads ``journal``'s days a step per turn of the event loop while its parent lives;
    a later search window goes on where an earlier one stopped, and a journal read once is
    not read again while it is open."""

    def __init__(self, journal: Journal, parent: QObject) -> None:
        super().__init__(parent)
        self._journal = journal
        if _READ_UP_TO.setdefault(journal, -1) is not None:
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        after = _READ_UP_TO.get(self._journal)
        if after is None:
            return
        try:
            _READ_UP_TO[self._journal] = warm_step(self._journal, after)
        except JournalError:
            return  # a search tells what is wrong; this only saves it time
        QTimer.singleShot(0, self, self._step)

    @staticmethod
    def done(journal: Journal) -> bool:
        """Whether ``journal``'s days have all been read."""
        return journal in _READ_UP_TO and _READ_UP_TO[journal] is None
