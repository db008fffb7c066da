"""Typed text is never thrown away without asking: one rule for every dialog that takes text.

Escape, Cancel and the window's close button all end in ``QDialog.done()`` with a result other
than Accepted (Escape and Cancel through ``reject()``, the close button through ``closeEvent``,
which calls ``reject()`` and keeps the window open if it is still shown), so the question is
asked in ``done()``: no way out passes it by.

A dialog that names its kind and place (``keep_drafts``) also keeps what is typed in it as a
draft inside the journal, so a lock, a quit, a signal or a crash while it is open loses
nothing: opened again for the same record, its text boxes come back filled.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTextEdit,
    QWidget,
)

from iltdesk import dates, drafts
from iltdesk.errors import JournalError
from ui.kit.context import AppContext, Autosaver, Save
from ui.kit.translation import QT_TRANSLATE_NOOP

QUESTION = QT_TRANSLATE_NOOP("unsaved", "Discard what you typed?")
KEEP = QT_TRANSLATE_NOOP("unsaved", "&Keep editing")
DISCARD = QT_TRANSLATE_NOOP("unsaved", "&Discard")


RESTORED = QT_TRANSLATE_NOOP("unsaved", "Restored what you were typing on {}.")
WATCH_MS = 1000
TextBox = QLineEdit | QPlainTextEdit | QTextEdit


def text_boxes(root: QWidget) -> list[TextBox]:
    """Every text box in ``root``'s window, in the order they were made.

    Date fields and fixed drop-downs hold a line edit of their own; their value is a choice,
    not typing, so they are left out. An editable drop-down's text may be typed: it is kept.
    """
    boxes: list[TextBox] = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():  # a message box on top, not the form
            continue
        if isinstance(widget, QLineEdit):
            parent = widget.parent()
            typed = isinstance(parent, QComboBox) and parent.isEditable()
            if typed or not isinstance(parent, (QAbstractSpinBox, QComboBox)):
                boxes.append(widget)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            boxes.append(widget)
    return boxes


def box_text(box: TextBox) -> str:
    """What a text box holds, as typed (a Markdown editor's as Markdown)."""
    if isinstance(box, QLineEdit):
        return box.text()
    markdown = getattr(box, "markdown", None)  # ui.kit.markdown_edit.MarkdownEdit
    if callable(markdown):
        return str(markdown())
    return box.toPlainText()


def set_box_text(box: TextBox, text: str) -> None:
    if isinstance(box, QLineEdit):
        box.setText(text)
        return
    set_markdown = getattr(box, "set_markdown", None)
    if callable(set_markdown):
        set_markdown(text)
    else:
        box.setPlainText(text)


def named_boxes(root: QWidget) -> dict[str, TextBox]:
    """``root``'s text boxes by a name that stays the same each time the form is made: its
    object name, else its accessible name, else its class, with "#2", "#3"... for repeats."""
    named: dict[str, TextBox] = {}
    for box in text_boxes(root):
        base = box.objectName() or box.accessibleName() or type(box).__name__
        name, count = base, 1
        while name in named:
            count += 1
            name = f"{base}#{count}"
        named[name] = box
    return named


def typed_texts(root: QWidget) -> tuple[str, ...]:
    """Every text box's words in ``root``, blank ones left out, in the order they were made."""
    texts = (
        box.toPlainText() if not isinstance(box, QLineEdit) else box.text()
        for box in text_boxes(root)
    )
    return tuple(text for text in texts if text.strip())


def confirm_discard(parent: QWidget) -> bool:
    """Ask before typed text is lost: True only if the person chooses Discard. Keep editing is
    the default, and Escape on the question keeps editing too."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("unsaved", "Unsaved text — iltdesk"))
    box.setText(QCoreApplication.translate("unsaved", QUESTION))
    box.setInformativeText(
        QCoreApplication.translate("unsaved", "What you typed here is not saved yet.")
    )
    keep = box.addButton(
        QCoreApplication.translate("unsaved", KEEP), QMessageBox.ButtonRole.RejectRole
    )
    discard = box.addButton(
        QCoreApplication.translate("unsaved", DISCARD), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    chosen = box.clickedButton() is discard
    box.deleteLater()
    return chosen


class DraftKeeper(QObject):
    """Keeps a dialog's text boxes as a draft in the journal: about a second after typing
    stops (the shared ``Autosaver``, which lock and quit flush first), and at once when the
    journal is about to close under the dialog (``GuardedDialog._journal_closing``)."""

    def __init__(self, dialog: GuardedDialog, context: AppContext, kind: str, place: str) -> None:
        super().__init__(dialog)
        self.dialog, self.context, self.kind, self.place = dialog, context, kind, place
        self.opened = self.fields()  # what the form opened with: no draft needed for it
        self.saver = Autosaver(context, self.keep, self, announce=False)
        self.restored_at = self.restore()
        self.dropped = False
        self._watched: list[TextBox] = []
        self._watch()
        # Boxes a form adds later (an agreement's new expectation) are watched within a second.
        self._watcher = QTimer(self)
        self._watcher.timeout.connect(self._watch)
        self._watcher.start(WATCH_MS)

    def _watch(self) -> None:
        for box in named_boxes(self.dialog).values():
            if box not in self._watched:
                self._watched.append(box)
                box.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self.dropped:
            self.saver.touch()

    def fields(self) -> dict[str, str]:
        return {name: box_text(box) for name, box in named_boxes(self.dialog).items()}

    def restore(self) -> str | None:
        """Fill the boxes from a draft left by a lock, a quit or a crash; when it was kept."""
        journal = self.context.journal
        kept = None if journal.closed else drafts.kept_draft(journal, self.kind, self.place)
        if kept is None:
            return None
        for name, box in named_boxes(self.dialog).items():
            if name in kept.fields:
                set_box_text(box, kept.fields[name])
        when = kept.saved_at.astimezone()
        return f"{dates.short(when.date())}, {when:%H:%M}"

    def keep(self) -> Save[None] | None:
        """Write the draft (or drop it: the text is back to what the form opened with)."""
        journal, kind, place = self.context.journal, self.kind, self.place
        if journal.closed:
            return None  # nothing left to keep it in; lock and quit wrote it before closing
        fields = self.fields()
        if fields == self.opened:
            return Save(lambda: drafts.drop_draft(journal, kind, place))
        return Save(lambda: drafts.keep_draft(journal, kind, place, fields))

    def drop(self) -> None:
        """The dialog saved, or the person discarded: the draft has served."""
        self.dropped = True
        self._watcher.stop()
        self.saver.discard()
        if not self.context.journal.closed:
            # If it cannot be dropped now, it is offered again later: nothing is lost.
            with contextlib.suppress(JournalError):
                drafts.drop_draft(self.context.journal, self.kind, self.place)


class GuardedDialog(QDialog):
    """A dialog that asks before closing unsaved text away.

    Subclasses call ``mark_clean()`` once their fields are filled (the first show does it
    otherwise) and may extend ``unsaved_state()`` with choices that count as work (ratings).
    Those that call ``keep_drafts(kind, place)`` after that also keep their text as a draft.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clean: Hashable | None = None
        self._asking = False
        self.drafts: DraftKeeper | None = None

    def save_buttons(self, text: str, save: Callable[[], object]) -> QDialogButtonBox:
        """Cancel, and ``self.save_button`` (``text``; the default, so Enter saves) that calls
        ``save``."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(text)
        self.save_button.setObjectName("Primary")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(save)
        buttons.rejected.connect(self.reject)
        return buttons

    def keep_drafts(self, kind: str, place: str = "", context: AppContext | None = None) -> None:
        """Keep what is typed here as the draft of ``kind`` (the dialog) at ``place`` (its
        record: "lead:12"), and fill the form from one a lock, quit or crash left behind.

        Call it once the form is filled. ``context``: the parent window's if not given;
        without one (a dialog on its own) nothing is kept.
        """
        context = context or _window_context(self)
        if context is None:
            return
        self.mark_clean()  # a restored draft is unsaved work: closing asks first
        self.drafts = DraftKeeper(self, context, kind, place)
        if self.drafts.restored_at is not None:
            self._show_restored(self.drafts.restored_at)
        parent = self.parentWidget()
        # MainWindow.finishing: a lock or quit is closing the journal under this dialog.
        finishing = getattr(parent.window(), "finishing", None) if parent is not None else None
        if isinstance(finishing, SignalInstance):
            finishing.connect(self._journal_closing)

    def _show_restored(self, when: str) -> None:
        note = QLabel(QCoreApplication.translate("unsaved", RESTORED).format(when))
        note.setObjectName("Hint")
        note.setWordWrap(True)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, note)
        self.restored_note = note

    def _journal_closing(self, *_: object) -> None:
        """The journal is locked or the app ends: the draft is kept (the window flushed every
        autosaver first), so close without asking and without dropping it."""
        if self.drafts is None or not self.isVisible():
            return
        self.drafts.saver.discard()
        with contextlib.suppress(JournalError):  # then it is lost with the journal: nothing
            kept = self.drafts.keep()  # can keep it (a full disk); the lock refused if it could not
            if kept is not None:
                self.drafts.context.journal.run_now(kept.write)
        self.drafts.dropped = True
        QDialog.done(self, QDialog.DialogCode.Rejected)

    def unsaved_state(self) -> Hashable:
        """What the form holds that would be lost by closing it; compared with the start."""
        return typed_texts(self)

    def mark_clean(self) -> None:
        """What the form holds now is what it opened with: closing it loses nothing."""
        self._clean = self.unsaved_state()

    def has_unsaved(self) -> bool:
        """Something was typed (or chosen) since the form opened."""
        return self._clean is not None and self.unsaved_state() != self._clean

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean is None:
            self.mark_clean()
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close, unless that would throw away typed text and the person says keep editing."""
        if result != QDialog.DialogCode.Accepted and self.has_unsaved():
            if self._asking:  # a second close while the question is up: it is still open
                return
            self._asking = True
            try:
                if not confirm_discard(self):
                    return
            finally:
                self._asking = False
        if self.drafts is not None:  # saved, discarded, or nothing typed: no draft to keep
            self.drafts.drop()
            self.drafts = None
        super().done(result)


def _window_context(dialog: QWidget) -> AppContext | None:
    """The app context of the window ``dialog`` was opened from, if any."""
    parent = dialog.parentWidget()
    context = getattr(parent.window(), "context", None) if parent is not None else None
    return context if isinstance(context, AppContext) else None


def close_dialogs(window: QWidget) -> None:
    """The journal is closing under ``window`` (a lock, a quit): close its dialogs, so nothing
    of the journal stays on screen over the unlock dialog. Dialogs that keep drafts closed
    themselves on ``finishing`` with their text kept; the rest show records, or ask what no
    longer applies. Kept open: a progress window (the closing waits for its work) and a
    guarded dialog that keeps no draft and holds unsaved work (closing would lose it)."""
    for dialog in window.findChildren(QDialog):
        if not dialog.isVisible() or isinstance(dialog, QProgressDialog):
            continue
        if isinstance(dialog, GuardedDialog):
            if dialog.drafts is None and dialog.has_unsaved():
                continue
            QDialog.done(dialog, QDialog.DialogCode.Rejected)  # nothing left to ask about
        else:
            dialog.reject()
