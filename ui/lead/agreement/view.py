"""A lead's Agreement tab: the current version, any earlier one, and what changed between two."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iltdesk import agreement, dates
from iltdesk.agreement import AgreementVersion
from iltdesk.agreement import Change as Difference  # not a record_kinds.Change
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.record_kinds import Change, RecordKind
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.lead.agreement.dialog import AgreementDialog
from ui.lead.agreement.popup import AgreementReader

# Each count in the summary, as a whole phrase: (one, several, several after the first).
APPROACHES = (
    QT_TRANSLATE_NOOP("view", "{n} approach changed"),
    QT_TRANSLATE_NOOP("view", "{n} approaches changed"),
)
EXPECTATIONS = {
    "added": (
        QT_TRANSLATE_NOOP("view", "{n} expectation added"),
        QT_TRANSLATE_NOOP("view", "{n} expectations added"),
        QT_TRANSLATE_NOOP("view", "{n} added"),
    ),
    "removed": (
        QT_TRANSLATE_NOOP("view", "{n} expectation removed"),
        QT_TRANSLATE_NOOP("view", "{n} expectations removed"),
        QT_TRANSLATE_NOOP("view", "{n} removed"),
    ),
    "changed": (
        QT_TRANSLATE_NOOP("view", "{n} expectation marked differently"),
        QT_TRANSLATE_NOOP("view", "{n} expectations marked differently"),
        QT_TRANSLATE_NOOP("view", "{n} marked differently"),
    ),
}
EXPECTATION_TITLES = {
    "added": QT_TRANSLATE_NOOP("view", "Expectations added"),
    "removed": QT_TRANSLATE_NOOP("view", "Expectations removed"),
    "changed": QT_TRANSLATE_NOOP("view", "Expectations marked differently"),
}


def version_title(version: AgreementVersion, *, is_current: bool) -> str:
    """'Version 2 · agreed 3 Feb 2027 (current)'."""
    a = version.agreement
    title = (
        QCoreApplication.translate("view", "Version {version} · agreed {day} (current)")
        if is_current
        else QCoreApplication.translate("view", "Version {version} · agreed {day}")
    )
    return title.format(version=a.version, day=dates.short(a.agreed_on))


def _line(mark: str, text: str) -> str:
    """One table row: a fixed-width sign column, then the text, both tinted."""
    sign, kind = ("−", "removed") if mark == "-" else ("+", "added")
    # Each pair (palette.LOOKS' added_*/removed_*) reads on its own look: the one on screen.
    fg, bg = theme.colour(f"{kind}_text"), theme.colour(f"{kind}_bg")
    cell = f"background:{bg}; color:{fg}"
    return (
        f"<tr><td width='26' align='center' style='{cell}; padding:4px; font-weight:600'>"
        f"{sign}</td><td style='{cell}; padding:4px 10px 4px 0'>{escape(text)}</td></tr>"
    )


def _section(title: str, rows: list[str]) -> str:
    heading = f"<p style='font-weight:600; margin:16px 0 6px 0'>{escape(title)}</p>"
    table = "<table width='100%' cellspacing='0' cellpadding='0'>" + "".join(rows) + "</table>"
    return heading + table


def _summary(changes: list[Difference]) -> str:
    """'2 approaches changed · 1 expectation added · 1 removed'."""
    approaches = sum(c.what != "Expectation" for c in changes)
    parts = [_translated(APPROACHES[approaches != 1], approaches)] if approaches else []
    counts = [
        (n, phrases)
        for kind, phrases in EXPECTATIONS.items()
        if (n := sum(c.what == "Expectation" and c.change == kind for c in changes))
    ]
    for i, (n, phrases) in enumerate(counts):
        # The noun is said once: "1 expectation added · 2 removed".
        parts.append(_translated(phrases[2] if i else phrases[n != 1], n))
    return " · ".join(parts)


def _translated(phrase: str, n: int) -> str:
    return QCoreApplication.translate("view", phrase).format(n=n)


def changes_html(changes: list[Difference], note: str, palette: QPalette) -> str:
    """The changes as HTML: why, then each changed approach's lines, then the expectations."""
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    if not changes:
        return QCoreApplication.translate(
            "view", "<p>Nothing changed between these two versions.</p>"
        )
    parts = [f"<p style='color:{muted}; margin:0'>{escape(_summary(changes))}</p>"]
    if note:
        why = QCoreApplication.translate("view", "Why it changed")
        parts.append(_section(why, []) + f"<p style='margin:0'>{escape(note)}</p>")
    for change in (c for c in changes if c.what != "Expectation"):
        rows = [_line(ln[0], ln[1:]) for ln in change.lines if ln[:1] in ("-", "+")]
        parts.append(_section(change.what, rows))  # "@@" hunk headers mean nothing to a reader
    for kind, title in EXPECTATION_TITLES.items():
        rows = []
        for c in (c for c in changes if c.what == "Expectation" and c.change == kind):
            rows += [_line("-", c.before)] if c.before else []
            rows += [_line("+", c.after)] if c.after else []
        if rows:
            parts.append(_section(QCoreApplication.translate("view", title), rows))
    return "".join(parts)


class CompareDialog(QDialog):
    """Pick two versions and read what changed from the first to the second."""

    def __init__(
        self, found: list[AgreementVersion], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.found = found  # newest first, as agreement.versions gives them
        self.setWindowTitle(
            self.tr("What changed in the agreement with {name} — iltdesk").format(name=name)
        )
        self.resize(760, 640)
        heading = QLabel(self.tr("What changed in the agreement with {name}").format(name=name))
        heading.setObjectName("PageTitle")
        self.older, self.newer = QComboBox(), QComboBox()
        row = QHBoxLayout()
        for word, box in ((self.tr("&From"), self.older), (self.tr("&to"), self.newer)):
            for i, version in enumerate(found):
                box.addItem(version_title(version, is_current=i == 0))
            box.currentIndexChanged.connect(lambda *_: self.refresh())
            label = QLabel(word)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.pick(min(1, len(found) - 1), 0)  # the previous version against the current one

    def pick(self, older: int, newer: int) -> None:
        """Compare the versions at these positions (0 is the current one)."""
        self.older.setCurrentIndex(older)
        self.newer.setCurrentIndex(newer)
        self.refresh()

    def refresh(self) -> None:
        """Show the changes between the two chosen versions."""
        old, new = self.found[self.older.currentIndex()], self.found[self.newer.currentIndex()]
        if old.agreement.id == new.agreement.id:
            self.browser.setHtml(
                self.tr("<p>Choose two different versions to see what changed.</p>")
            )
            return
        note = new.agreement.revision_note if old.agreement.version < new.agreement.version else ""
        html = changes_html(agreement.diff(old, new), note, self.palette())
        self.browser.setHtml(html)


class AgreementView(QWidget):
    """The Agreement tab of a lead's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lead_id: int | None = None
        self.found: list[AgreementVersion] = []
        self.versions = QComboBox()
        self.versions.setAccessibleName(self.tr("Version"))
        self.versions.currentIndexChanged.connect(lambda *_: self._show_selected())
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.clicked.connect(self.compare)
        self.revise_button = QPushButton(self.tr("Revise…"))
        self.revise_button.clicked.connect(self.revise)
        self.only_version = QLabel()  # one version: a plain title, not a list of one
        self.only_version.setStyleSheet("font-weight: 600")
        self.older_hint = QLabel()
        self.older_hint.setObjectName("Hint")
        self.reader = AgreementReader()
        bar = QHBoxLayout()
        bar.addWidget(self.versions)
        bar.addWidget(self.only_version)
        bar.addWidget(self.older_hint, 1)
        bar.addWidget(self.compare_button)
        bar.addWidget(self.revise_button)
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 12, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.reader, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(reading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.dialog: QDialog | None = None
        context.changed.connect(self._on_changed)

    def _empty_state(self) -> QWidget:
        title = QLabel(self.tr("No coaching agreement yet"))
        title.setObjectName("SectionTitle")
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("Hint")
        self.empty_hint.setWordWrap(True)
        self.write_button = QPushButton(self.tr("Write the first agreement…"))
        self.write_button.setObjectName("Primary")
        self.write_button.clicked.connect(self.revise)
        # A fixed-width block lets the wrapped hint take its full height; centred, it reads
        # as a note rather than a form.
        block = QWidget()
        block.setFixedWidth(440)
        column = QVBoxLayout(block)
        for label in (title, self.empty_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addSpacing(10)
        column.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(block, 1, 1)
        for i, stretch in enumerate((2, 0, 3)):
            grid.setRowStretch(i, stretch)
            grid.setColumnStretch(i, 0 if i == 1 else 1)
        return page

    def _on_changed(self, change: Change) -> None:
        if change.kind is RecordKind.AGREEMENT:
            self.reload()

    def show_lead(self, lead_id: int) -> None:
        """Show one lead's agreement, opened at the current version."""
        self.lead_id = lead_id
        self.reload()

    def reload(self) -> None:
        """Re-read the versions and show the current one."""
        if self.lead_id is None:
            return
        self.found = agreement.versions(self.context.journal, self.lead_id)
        if not self.found:
            name = short_name(get_lead(self.context.journal, self.lead_id).name)
            self.empty_hint.setText(
                self.tr(
                    "An agreement is what you and {name} decide together about how you will work: "
                    "how often you meet, how feedback lands, and which expectations never bend."
                ).format(name=name)
            )
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.versions.blockSignals(True)  # one redraw once the list is complete
        self.versions.clear()
        for i, version in enumerate(self.found):
            self.versions.addItem(version_title(version, is_current=i == 0))
        self.versions.setCurrentIndex(0)
        self.versions.blockSignals(False)
        self.versions.setVisible(len(self.found) > 1)
        self.only_version.setVisible(len(self.found) == 1)
        self.only_version.setText(
            self.tr("Version {version}").format(version=self.found[0].agreement.version)
        )
        self.compare_button.setEnabled(len(self.found) > 1)
        self.compare_button.setToolTip(
            "" if len(self.found) > 1 else self.tr("There is only one version so far.")
        )
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.versions.currentIndex()
        if not 0 <= row < len(self.found):
            return
        newer = self.found[row - 1] if row else None
        self.reader.set_version(self.found[row], date.today(), replaced_by=newer)
        self.older_hint.setText(
            self.tr("An earlier version, kept as it was agreed.") if row else ""
        )

    def select_version(self, agreement_id: int) -> None:
        """Open one version of the shown lead's agreement (from search or the timeline)."""
        row = next((i for i, v in enumerate(self.found) if v.agreement.id == agreement_id), -1)
        if row >= 0:
            self.versions.setCurrentIndex(row)

    def revise(self) -> AgreementDialog | None:
        """Open the editor for a new version, starting from the current one."""
        if self.lead_id is None:
            return None
        base = self.found[0] if self.found else None
        dialog = AgreementDialog(self.context, self.lead_id, base, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop, so tests can drive it
        self.dialog = dialog
        return dialog

    def compare(self) -> CompareDialog | None:
        """Show what changed; it stays open beside the tab while the user reads."""
        if len(self.found) < 2:
            return None
        name = get_lead(self.context.journal, self.lead_id or 0).name
        dialog = CompareDialog(self.found, name, self)
        # Reading an earlier version? Compare that one with today's; else the last revision.
        dialog.pick(max(1, self.versions.currentIndex()), 0)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
        return dialog
