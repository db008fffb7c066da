"""Search the whole journal as you type, and open what you find with the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from iltdesk.errors import JournalError
from iltdesk.search import Hit, Ranked, hits, rank
from ui.kit.context import AppContext
from ui.kit.rich_delegate import ItemIndex, RichTextDelegate
from ui.kit.roles import RECORD
from ui.navigation.hit_rows import HitDelegate
from ui.navigation.picker import ListKeys, picker_layout
from ui.navigation.search_warmer import DaysWarmer
from ui.navigation.switcher import picker_window
from ui.navigation.version_hits import VersionHit, find_versions, open_version

DEBOUNCE_MS = 150  # long enough to skip half-typed words, short enough to feel instant
LIMIT = 50
# Rows listed (so measured and laid out) in one turn of the event loop. The first rows are as
# many as the list can show (``_first_rows``); the others are listed once they are painted,
# a step at a time (``RestAfterPaint``): laying out all 50 rich-text rows before the first
# paint cost more than the search itself, and a key typed meanwhile would wait for it all.
STEP_ROWS = 12


# Reads the hits of positions start..stop of a search's ranking (a record deleted since the
# search is left out).
HitReader = Callable[[int, int], list[Hit]]


class SearchResultsModel(QAbstractListModel):
    """The hits of the latest search, then the earlier versions found (when asked for).

    ``set_hits(count, read, ..., first=n)`` lists only the first ``n`` rows, and reads only
    their records; ``list_more`` lists (and reads) the others.
    """

    HIT_ROLE = RECORD  # a row's Hit (or VersionHit)
    recounted = Signal()  # fewer hits than found: records deleted since the search

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []  # those read so far, in order
        self.versions: list[VersionHit] = []
        self._ranked = 0  # hits the search found
        self._read: HitReader = lambda _start, _stop: []
        self._next = 0  # the ranking's position the next read starts at
        self._listed = 0
        self._plain: dict[int, str] = {}  # a row's plain text, once asked for

    def set_hits(
        self,
        count: int = 0,
        read: HitReader | None = None,
        versions: list[VersionHit] | None = None,
        *,
        first: int = 0,
    ) -> None:
        """Replace the results: ``count`` hits that ``read`` reads, then ``versions``; list
        only the ``first`` rows for now when ``first`` is set."""
        self.beginResetModel()
        self.hits, self._ranked, self._next = [], count, 0
        self._read = read or (lambda _start, _stop: [])
        self.versions = list(versions or [])
        self._listed = min(first, self.found()) if first > 0 else self.found()
        self._read_up_to(self._listed)
        self._listed = min(self._listed, self.found())
        self._plain = {}
        self.endResetModel()

    def _read_up_to(self, rows: int) -> None:
        """Read hits until ``rows`` rows are read or every hit is."""
        while len(self.hits) < min(rows, self._count):
            wanted = min(rows, self._count) - len(self.hits)
            got = self._read(self._next, self._next + wanted)
            self._next += wanted
            self.hits += got
            if len(got) < wanted:
                self.recounted.emit()

    @property
    def _count(self) -> int:
        """Hits found, read or not, less those whose records were gone when read."""
        return self._ranked - (self._next - len(self.hits))

    def found(self) -> int:
        """Every row of the results, listed yet or not."""
        return self._count + len(self.versions)

    def list_more(self, count: int) -> bool:
        """List up to ``count`` more of the rows ``set_hits`` held back; True if some remain."""
        self._read_up_to(self._listed + count)
        last = min(self._listed + count, self.found())
        if self._listed < last:
            self.beginInsertRows(QModelIndex(), self._listed, last - 1)
            self._listed = last
            self.endInsertRows()
        return self._listed < self.found()

    def rowCount(self, parent: ItemIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._listed

    def data(self, index: ItemIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row() if index.isValid() else -1
        if not 0 <= row < self.rowCount():
            return None
        if row >= self._count:
            found = self.versions[row - self._count]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return found.plain()
            return found if role == self.HIT_ROLE else None
        hit = self.hits[row]
        if role == self.HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Plain text for screen readers and type-ahead; the delegate draws the rich version.
            # Asked for at every measure and paint of the row: made once per search.
            plain = self._plain.get(row)
            if plain is None:
                words = " ".join(text for text, _ in hit.snippet_parts())
                plain = self._plain[row] = f"{hit.kind_label}, {hit.lead_name or ''}: {words}"
            return plain
        return None


class RestAfterPaint(QObject):
    """Lists the results' held-back rows once the first ones are on screen, a step at a time.

    Watches the results' viewport: a paint shows the first rows, and the rest are listed
    after it, ``STEP_ROWS`` per turn of the event loop, so keys typed meanwhile are handled
    between steps. A list never painted (the dialog hidden) gets them after ``LATEST_MS``.
    """

    LATEST_MS = 100

    def __init__(self, model: SearchResultsModel, parent: QObject) -> None:
        super().__init__(parent)
        self._model = model
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(self.LATEST_MS)
        self._later.timeout.connect(self._step)
        model.modelReset.connect(self._held)

    def _held(self) -> None:
        if self._model.rowCount() < self._model.found():
            self._later.start()

    def _step(self) -> None:
        if self._model.list_more(STEP_ROWS):
            QTimer.singleShot(0, self._step_if_current)

    def _step_if_current(self) -> None:
        if not self._later.isActive():  # a newer search's rows wait for their own paint
            self._step()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._later.isActive():
            self._later.stop()
            QTimer.singleShot(0, self._step)  # runs once this paint is done
        return False


class SearchDialog(QDialog):
    """Type to search every note, lead and action item; Enter opens the chosen one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._opened = False
        self.setWindowTitle(self.tr("Search — iltdesk"))
        picker_window(self, parent, QSize(680, 480))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search notes, leads, action items…"))
        # Off at each opening: earlier versions are looked through only when asked for.
        self.versions_box = QCheckBox(self.tr("Also search &earlier versions"))
        self.versions_box.setToolTip(
            self.tr("Earlier wording of notes and other long texts (words of 3 letters or more)")
        )
        self.versions_box.toggled.connect(self._versions_toggled)
        self.results_model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        delegate = HitDelegate(self.results)
        self.results.setItemDelegate(delegate)
        self.results_model.modelAboutToBeReset.connect(delegate.forget_sizes)
        self.results_model.recounted.connect(self._show_state)
        self.results.viewport().installEventFilter(RestAfterPaint(self.results_model, self))
        self.results.clicked.connect(self._open)
        self.empty = QLabel()
        self.footer = QLabel()
        self._stack = picker_layout(self, self.field, self.results, self.empty, self.footer)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.versions_box)  # under the field, above the results
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        ListKeys(self.field, self.results, self.open_current)
        DaysWarmer(context.journal, self)
        self._show_state()

    def set_query(self, text: str) -> None:
        """Search for ``text`` now, without waiting for the typing pause."""
        self.field.setText(text)
        self._timer.stop()
        self._run()

    def _versions_toggled(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)  # typing goes on in the field
        self._timer.stop()
        self._run()

    def _run(self) -> None:
        text = self.field.text()
        journal = self._context.journal
        try:
            ranked = rank(journal, text, limit=LIMIT) if text.strip() else Ranked()
            # A scan of every version: only when ticked (find_versions skips short words).
            found = find_versions(journal, text) if self.versions_box.isChecked() else []
            read = partial(self._read, ranked)
            self.results_model.set_hits(len(ranked), read, found, first=self._first_rows())
        except JournalError as exc:
            self._failed(exc)
            return
        if self.results_model.hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._show_state()

    def _read(self, ranked: Ranked, start: int, stop: int) -> list[Hit]:
        """The hits ``start..stop`` of ``ranked``, read when their rows are listed."""
        try:
            return hits(self._context.journal, ranked, start, stop)
        except JournalError as exc:
            QTimer.singleShot(0, partial(self._failed, exc))  # not while the list changes
            return []

    def _failed(self, exc: JournalError) -> None:
        self.results_model.set_hits()
        self._show_state(self.tr("Search is not available right now: {error}").format(error=exc))

    def _first_rows(self) -> int:
        """As many rows as the list shows at once, counted at the least height of a row (its
        two lines), so the first paint fills the list whatever the snippets' lengths."""
        lines = self.results.fontMetrics().lineSpacing() * 2
        least = lines + 2 * RichTextDelegate.PAD_Y
        # A list not shown yet (the first search) has no height of its own: the dialog's is
        # more than it will have.
        shown = self.results.isVisible() and self.results.viewport().height()
        return (shown or self.height()) // max(least, 1) + 1

    def _matches(self, count: int, hits: int) -> str:
        if count == 1:
            return self.tr("1 match")
        if hits >= LIMIT:
            return self.tr("The {count} best matches").format(count=count)
        return self.tr("{count} matches").format(count=count)

    def _show_state(self, problem: str | None = None) -> None:
        count = self.results_model.found()
        text = self.field.text().strip()
        if problem:
            self.empty.setText(problem)
        elif not text:
            self.empty.setText(self.tr("Type to search your whole journal."))
        else:
            self.empty.setText(
                self.tr("No matches for “{text}”.\nTry fewer words, or the start of one.").format(
                    text=text
                )
            )
        self._stack.setCurrentIndex(1 if count else 0)
        if count:
            hits = self.results_model.found() - len(self.results_model.versions)
            self.footer.setText(
                self.tr(
                    "{value}   ·   ↑ ↓ to choose   ·   Enter to open   ·   Esc to close"
                ).format(value=self._matches(count, hits))
            )
        else:
            self.footer.setText(self.tr("Esc to close"))

    def open_current(self) -> None:
        """Open the selected hit, or the first one if none is selected."""
        index = self.results.currentIndex()
        if not index.isValid():
            index = self.results_model.index(0, 0)
        self._open(index)

    def _open(self, index: ItemIndex) -> None:
        hit = index.data(SearchResultsModel.HIT_ROLE) if index.isValid() else None
        if not isinstance(hit, Hit | VersionHit) or self._opened:
            return
        self._opened = True  # a double click must not open the record twice
        if isinstance(hit, VersionHit):
            open_version(self._context, self.parentWidget() or self, hit)
        else:
            self._context.open_record.emit(hit.kind, hit.record_id)
        self.accept()
