"""Reading the charter's versions: one version laid out to be read, the history of versions
with their dates and whys, and what changed between any two."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.charter import FieldChange, compare, field_title
from iltdesk.models import CharterVersion
from ui.kit import theme
from ui.kit.markdown_edit import markdown_html
from ui.kit.roles import RECORD_ID
from ui.kit.translation import QT_TRANSLATE_NOOP

# What the team is for (read first), then how it works and the picture it holds of itself.
WHAT_FOR = ("purpose", "vision_link", "goals", "theme")
HOW_WE_WORK = ("norms", "lead_qualities", "coach_qualities", "team_qualities", "commitments")
NOT_WRITTEN = QT_TRANSLATE_NOOP("versions", "Not written in this version.")


def version_words(version: CharterVersion, *, in_force: bool) -> str:
    """'18 Aug 2026 · in force — Half the team is new' (a first version without a why says
    it was the first)."""
    why = " ".join(version.why.split()) or QCoreApplication.translate(
        "versions", "the first version"
    )
    when = dates.short(version.made_on)
    if in_force:
        return QCoreApplication.translate("versions", "{when} · in force — {why}").format(
            when=when, why=why
        )
    return QCoreApplication.translate("versions", "{when} — {why}").format(when=when, why=why)


def _label(text: str, name: str = "", *, markdown: bool = False) -> QLabel:
    label = QLabel(markdown_html(text) if markdown else text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setIndent(0)  # styled labels otherwise indent by half an "x" and lose the left edge
    label.setTextFormat(Qt.TextFormat.RichText if markdown else Qt.TextFormat.PlainText)
    # Selectable, so a norm or a quality can be copied into an agenda or a message.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def part_labels(version: CharterVersion, names: tuple[str, ...]) -> list[QLabel]:
    """Each part's title, then its text read as Markdown (or a quiet 'not written')."""
    labels: list[QLabel] = []
    for name in names:
        title = _label(field_title(name), "FieldLabel")
        title.setContentsMargins(0, 8 if labels else 0, 0, 0)  # a little air between parts
        labels.append(title)
        text = getattr(version, name)
        labels.append(
            _label(text, markdown=True)
            if text
            else _label(QCoreApplication.translate("versions", NOT_WRITTEN), "Hint")
        )
    return labels


def shown_text(root: QWidget) -> str:
    """Every label's words under ``root``, as read (for tests and copying)."""
    texts = []
    for label in root.findChildren(QLabel):
        if label.textFormat() is Qt.TextFormat.RichText:
            texts.append(QTextDocumentFragment.fromHtml(label.text()).toPlainText())
        else:
            texts.append(label.text())
    return "\n".join(texts)


class CharterReader(QWidget):
    """One version of the charter, laid out to be read: when and why, then its parts in two
    columns (what the team is for; how it works and what it holds itself to)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("The charter"))
        self.version: CharterVersion | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None

    def set_version(self, version: CharterVersion, replaced_by: CharterVersion | None) -> None:
        """Show ``version``; ``replaced_by`` is the version after it (None: it is in force)."""
        self.version = version
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        written = dates.short(version.made_on)
        when = (
            self.tr("Written on {written}").format(written=written)
            if replaced_by is None
            else self.tr(
                "Written on {written} · replaced on {replaced}: kept as it was written"
            ).format(written=written, replaced=dates.short(replaced_by.made_on))
        )
        self.dates_label = _label(when, "Hint")
        outer.addWidget(self.dates_label)
        if version.why:
            outer.addWidget(_label(self.tr("Why it changed"), "FieldLabel"))
            outer.addWidget(_label(version.why, "CharterWhy", markdown=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        for column, names in enumerate((WHAT_FOR, HOW_WE_WORK)):
            parts = QVBoxLayout()
            parts.setSpacing(4)
            for label in part_labels(version, names):
                parts.addWidget(label)
            parts.addStretch(1)
            grid.addLayout(parts, 0, column)
            grid.setColumnStretch(column, 1)
        outer.addLayout(grid)
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.hide()  # gone at once, not when the deletion comes round
            self._body.deleteLater()
        self._layout.addWidget(body)
        self._body = body

    def plain_text(self) -> str:
        """Everything shown, as text."""
        return shown_text(self._body) if self._body is not None else ""


class HistoryList(QListWidget):
    """Every version, the one in force first, each with its date and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Versions of the charter"))
        self.setWordWrap(True)
        # A long why wraps within the card's width; the list grows to show it (see _fit).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def load(self, versions: list[CharterVersion], keep: int | None = None) -> None:
        """Show ``versions`` (newest first); keep the version ``keep`` selected, else the first."""
        self.blockSignals(True)  # one change of selection once the list is complete
        self.clear()
        for n, version in enumerate(versions):
            item = QListWidgetItem(version_words(version, in_force=n == 0))
            item.setData(RECORD_ID, version.id)
            self.addItem(item)
        rows = [n for n, v in enumerate(versions) if v.id == keep]
        self.setCurrentRow(rows[0] if rows else 0)
        self.blockSignals(False)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # a narrower card wraps the whys onto more lines

    def _fit(self) -> None:
        """Tall enough for every version without a scroll bar of its own, up to a dozen; each
        row as tall as its wrapped why, not as the first row."""
        self.doItemsLayout()
        rows = range(min(self.count(), 12))
        height = sum(self.visualRect(self.model().index(r, 0)).height() for r in rows)
        height = max(height, self.fontMetrics().lineSpacing())
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)


def _line(mark: str, text: str) -> str:
    """One changed line: a sign column, then the text, both tinted as added or removed."""
    sign, kind = ("−", "removed") if mark == "-" else ("+", "added")
    if text[:2] in ("- ", "* "):  # a list item reads as one, not as its markdown
        text = "• " + text[2:]
    fg, bg = theme.colour(f"{kind}_text"), theme.colour(f"{kind}_bg")
    cell = f"background:{bg}; color:{fg}"
    return (
        f"<tr><td width='26' align='center' style='{cell}; padding:4px; font-weight:600'>"
        f"{sign}</td><td style='{cell}; padding:4px 10px 4px 0'>{escape(text)}</td></tr>"
    )


def _part_title(change: FieldChange) -> str:
    """A changed part's title, saying when it was written for the first time or left out."""
    if change.change == "added":
        return QCoreApplication.translate("versions", "{part} (written for the first time)").format(
            part=change.label
        )
    if change.change == "removed":
        return QCoreApplication.translate("versions", "{part} (left out)").format(part=change.label)
    return change.label


def changes_html(changes: list[FieldChange], whys: list[str]) -> str:
    """The changed parts as HTML: why each revision in between was written, then each part's
    changed lines."""
    if not changes:
        same = QCoreApplication.translate("versions", "These two versions read the same.")
        return f"<p>{same}</p>"
    names = escape(", ".join(c.label for c in changes))
    changed = QCoreApplication.translate("versions", "Changed: {names}.").format(names=names)
    parts = [f"<p style='margin:0'>{changed}</p>"]
    if whys:
        why_title = QCoreApplication.translate("versions", "Why it changed")
        parts.append(f"<p style='font-weight:600; margin:16px 0 6px 0'>{why_title}</p>")
        parts += [f"<p style='margin:0 0 4px 0'>{escape(why)}</p>" for why in whys]
    for change in changes:
        title = _part_title(change)
        rows = "".join(_line(line[0], line[1:]) for line in change.lines)
        parts.append(
            f"<p style='font-weight:600; margin:16px 0 6px 0'>{escape(title)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='0'>{rows}</table>"
        )
    return "".join(parts)


class CompareDialog(QDialog):
    """Pick any two versions and read, part by part, what changed from the first to the
    second."""

    def __init__(self, found: list[CharterVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found  # the one in force first, as charter_versions gives them
        self.setWindowTitle(self.tr("What changed in the charter — iltdesk"))
        self.resize(760, 640)
        heading = QLabel(self.tr("What changed in the charter"))
        heading.setObjectName("PageTitle")
        self.older, self.newer = QComboBox(), QComboBox()
        row = QHBoxLayout()
        for word, box in ((self.tr("&From"), self.older), (self.tr("&to"), self.newer)):
            for n, version in enumerate(found):
                box.addItem(version_words(version, in_force=n == 0))
                box.setItemData(
                    n, version_words(version, in_force=n == 0), Qt.ItemDataRole.ToolTipRole
                )
            # A why can be a paragraph: without this the box (and the dialog) grew as wide.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
            box.currentIndexChanged.connect(lambda *_: self.refresh())
            label = QLabel(word)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box, 1)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("What changed"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.pick(min(1, len(found) - 1), 0)  # the previous version against the one in force

    def pick(self, older: int, newer: int) -> None:
        """Compare the versions at these rows (0 is the one in force)."""
        self.older.setCurrentIndex(older)
        self.newer.setCurrentIndex(newer)
        self.refresh()

    def refresh(self) -> None:
        """Show the changes between the two chosen versions."""
        old, new = self.found[self.older.currentIndex()], self.found[self.newer.currentIndex()]
        if old.id == new.id:
            self.browser.setHtml(
                self.tr("<p>Choose two different versions to see what changed.</p>")
            )
            return
        # Each revision after the earlier of the two, up to the later, says why it was made.
        rows = sorted((self.older.currentIndex(), self.newer.currentIndex()))
        whys = [
            f"{dates.short(v.made_on)}: {' '.join(v.why.split())}"
            for v in reversed(self.found[rows[0] : rows[1]])
            if v.why.strip()
        ]
        self.browser.setHtml(changes_html(compare(old, new), whys))
