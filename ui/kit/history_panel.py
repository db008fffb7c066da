"""The History panel: a text's earlier versions, what changed in each (word by word), and
"Restore this version". Opened from an editor by HISTORY_SHORTCUT; the editor's typing is
saved first, so nothing typed is lost, and restoring keeps the replaced text as a version."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates, history
from iltdesk.history import Run, Version
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.style import DIALOG_FLAGS
from ui.kit.translation import QT_TRANSLATE_NOOP

HISTORY_SHORTCUT = "Ctrl+Shift+H"
NOW = QT_TRANSLATE_NOOP("history_panel", "Now")
FIRST_WORDS = 60
MARKS = re.compile(r"[#*_>`]+|^\s*[-+] ", re.MULTILINE)  # headings, emphasis, list bullets
LEGEND = QT_TRANSLATE_NOOP(
    "history_panel", "Green: written in this version. Struck through in red: taken out in it."
)
OLDEST = QT_TRANSLATE_NOOP(
    "history_panel",
    "The oldest version kept. Compare it with the text now to see what changed since.",
)
LEGEND_NOW = QT_TRANSLATE_NOOP(
    "history_panel", "Green: in this version, not now. Struck through in red: written since."
)
NO_VERSIONS = QT_TRANSLATE_NOOP(
    "history_panel",
    (
        "No earlier versions yet. A version is kept each time you come back to change this text "
        "after a pause of ten minutes or more."
    ),
)


def until(version: Version) -> str:
    """'Fri 4 Dec, 17:54': when the kept text stopped being the record's (local time; the
    charter's versions are dated by day)."""
    if version.kind == history.CHARTER:
        return dates.list_date(version.saved_at.date())
    local = version.saved_at.astimezone()
    return f"{dates.list_date(local.date())}, {local:%H:%M}"


def when_words(version: Version) -> str:
    """'Until Fri 4 Dec, 17:54'."""
    return QCoreApplication.translate("history_panel", "Until {when}").format(when=until(version))


def first_words(text: str) -> str:
    """The text's first words on one line, as read (Markdown's marks left out)."""
    line = " ".join(MARKS.sub(" ", text).split())
    return line if len(line) <= FIRST_WORDS else line[: FIRST_WORDS - 1].rstrip() + "…"


def words(text: str) -> str:
    """'1 word', '34 words' ('empty' for none): how long each version is, at a glance."""
    count = len(MARKS.sub(" ", text).split())
    if not count:
        return QCoreApplication.translate("history_panel", "empty")
    if count == 1:
        return QCoreApplication.translate("history_panel", "1 word")
    return QCoreApplication.translate("history_panel", "{count} words").format(count=count)


def runs_html(runs: list[Run]) -> str:
    """The runs as HTML: added words tinted green, removed ones struck through in red."""
    parts = []
    for number, run in enumerate(runs):
        text = escape(run.text).replace("\n", "<br>")
        if run.op == "same":
            parts.append(text)
            continue
        kind = "added" if run.op == "added" else "removed"
        style = f"color:{theme.colour(f'{kind}_text')}; background:{theme.colour(f'{kind}_bg')}"
        if kind == "removed":
            style += "; text-decoration:line-through"
        parts.append(f"<span style='{style}'>{text}</span>")
        # A word taken out just before one put in: a space between them, to read two words.
        ahead = runs[number + 1].op if number + 1 < len(runs) else ""
        if kind == "removed" and ahead == "added" and not run.text[-1:].isspace():
            parts.append(" ")
    return f"<div style='white-space:pre-wrap'>{''.join(parts)}</div>"


class HistoryPanel(QDialog):
    """Earlier versions of one record's texts, newest first under the text as it is now."""

    restored = Signal(str)  # the field whose earlier text is the record's again

    def __init__(
        self,
        context: AppContext,
        kind: str,
        record_id: int,
        fields: tuple[str, ...],
        field: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.context, self.kind, self.record_id = context, kind, record_id
        self.setWindowTitle(self.tr("History — iltdesk"))
        self.resize(860, 560)
        self.found: list[Version] = []
        self.now = ""
        self.field = QComboBox()
        self.field.setAccessibleName(self.tr("Which text"))
        for name in fields:
            self.field.addItem(history.field_label(kind, name), name)
        self.field.setCurrentIndex(max(0, fields.index(field) if field in fields else 0))
        self.field.currentIndexChanged.connect(lambda *_: self.load())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions, newest first"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda *_: self.show_version())
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("The version, with what changed"))
        self.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes list → buttons
        self.against_now = QCheckBox(self.tr("Compare with the text &now"))
        self.against_now.toggled.connect(lambda *_: self.show_version())
        self.legend = QLabel(QCoreApplication.translate("history_panel", LEGEND))
        self.legend.setObjectName("Hint")
        self.legend.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore this version…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self._lay_out(fields)
        self.load()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self, fields: tuple[str, ...]) -> None:
        title = QLabel(self.tr("History"))
        title.setObjectName("PageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        which = QLabel(self.tr("&Text"))
        which.setBuddy(self.field)
        top.addWidget(which)
        top.addWidget(self.field)
        which.setVisible(len(fields) > 1)
        self.field.setVisible(len(fields) > 1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        below = QHBoxLayout()
        below.addWidget(self.against_now)
        below.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(below)
        layout.addWidget(buttons)

    @property
    def field_name(self) -> str:
        return str(self.field.currentData())

    def load(self) -> None:
        """Read the chosen text's versions; the newest earlier one selected (or Now, if none)."""
        journal, field = self.context.journal, self.field_name
        self.now = history.current_text(journal, self.kind, self.record_id, field)
        self.found = history.versions(journal, self.kind, self.record_id, field)
        self.list.blockSignals(True)
        self.list.clear()
        now = QListWidgetItem(
            self.tr("{NOW} · {value}\n{value2}").format(
                NOW=QCoreApplication.translate("history_panel", NOW),
                value=words(self.now),
                value2=first_words(self.now),
            )
        )
        now.setToolTip(self.tr("The text as it stands now"))
        self.list.addItem(now)
        for version in self.found:
            title = f"{when_words(version)} · {words(version.text)}"
            item = QListWidgetItem(
                self.tr("{title}\n{value}").format(title=title, value=first_words(version.text))
            )
            item.setToolTip(self.tr("The text as it stood then, before the next round of editing"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(1 if self.found else 0)
        self.show_version()

    def select_version(self, field: str, version_id: int) -> bool:
        """Show ``field``'s version ``version_id`` (one a search found); False if it is not
        among this panel's texts or versions (it stays as it was)."""
        at = self.field.findData(field)
        if at < 0:
            return False
        self.field.setCurrentIndex(at)  # another text: its versions are loaded
        ids = [version.id for version in self.found]
        if version_id not in ids:
            return False
        self.list.setCurrentRow(ids.index(version_id) + 1)  # row 0 is the text now
        return True

    def _text(self, row: int) -> str:
        return self.now if row == 0 else self.found[row - 1].text

    def show_version(self) -> None:
        """The selected version, with what changed in it (or from it to the text now)."""
        row = max(0, self.list.currentRow())
        self.restore_button.setEnabled(row > 0)
        if not self.found:
            self.legend.setText(QCoreApplication.translate("history_panel", NO_VERSIONS))
            self.browser.setHtml(runs_html([Run("same", self.now)]))
            return
        text = self._text(row)
        if self.against_now.isChecked():
            runs = history.word_diff(self.now, text)
            self.legend.setText(QCoreApplication.translate("history_panel", LEGEND_NOW))
        else:
            older = self._text(row + 1) if row < len(self.found) else ""
            runs = history.word_diff(older, text) if older else [Run("same", text)]
            self.legend.setText(
                QCoreApplication.translate("history_panel", LEGEND if older else OLDEST)
            )
        self.browser.setHtml(runs_html(runs))

    def ask_restore(self) -> None:
        """Ask, then make the selected version the text again (the text now is kept)."""
        row = self.list.currentRow()
        if row < 1:
            return
        version = self.found[row - 1]
        label = history.field_label(self.kind, version.field)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore — iltdesk"))
        box.setText(
            self.tr("Bring back this version of “{label}”, as it stood until {value}?").format(
                label=label, value=until(version)
            )
        )
        box.setInformativeText(
            self.tr("The text as it stands now is kept in the History: you can bring it back too.")
        )
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(cancel)
        box.exec()
        chosen = box.clickedButton() is restore
        box.deleteLater()
        if not chosen:
            return
        journal = self.context.journal
        done = self.context.write(
            lambda: history.restore(journal, version), failed=self.tr("Not restored")
        )
        if isinstance(done, NotWritten):
            return
        self.restored.emit(version.field)
        self.accept()


def field_in_focus(boxes: dict[str, QWidget]) -> str:
    """The field whose text box has the cursor, else the first: the History opens on it."""
    for field, box in boxes.items():
        if box.hasFocus():
            return field
    return next(iter(boxes))


def history_button(open_history: Callable[[], object], what: str) -> QPushButton:
    """A "History…" button that opens the History of ``what`` ("the notes and feedback")."""
    button = QPushButton(QCoreApplication.translate("history_panel", "History…"))
    button.setToolTip(
        QCoreApplication.translate(
            "history_panel", "Earlier versions of {what} ({HISTORY_SHORTCUT})"
        ).format(what=what, HISTORY_SHORTCUT=HISTORY_SHORTCUT)
    )
    button.clicked.connect(lambda *_: open_history())
    return button


def add_history_shortcut(owner: QWidget, open_history: Callable[[], object]) -> QShortcut:
    """HISTORY_SHORTCUT anywhere in ``owner`` opens its History."""
    shortcut = QShortcut(QKeySequence(HISTORY_SHORTCUT), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(open_history)
    return shortcut


def show_history(
    owner: QWidget,
    context: AppContext,
    where: tuple[str, int],
    fields: tuple[str, ...],
    field: str,
    *,
    saved: Callable[[], bool],
    reload: Callable[[], object],
) -> HistoryPanel | None:
    """Open the History of record ``where`` (its table and id) over ``owner``'s window, on
    ``field``. ``saved()`` saves what is typed first (False: it could not be, the status bar
    says why, and the History stays closed so nothing typed is lost); ``reload()`` shows the
    record again after a restore."""
    if not saved():
        return None
    panel = HistoryPanel(context, where[0], where[1], fields, field, owner.window())
    panel.restored.connect(lambda *_: reload())
    panel.finished.connect(panel.deleteLater)
    panel.open()
    return panel
