"""Journal → Export…: one lead or the whole journal, over a range of days or all of them, in
an open format (a Markdown folder, a JSON file, a CSV of action items), as ``iltdesk export
--format`` writes it. The dialog says, before anything is written, that the export leaves the
journal's encryption, and its button says so too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iltdesk.errors import JournalError
from iltdesk.interchange.document import Scope
from iltdesk.interchange.dump import dump
from iltdesk.interchange.formats import (
    check_export_destination,
    leaves_encryption,
    new_export_folder,
    write_export,
)
from iltdesk.roster import roster
from iltdesk.store.journal import Journal
from ui.interchange.export_formats import CHOICES, EXPORT_TEXT, FILTER, SUFFIX, WROTE
from ui.kit.context import AppContext
from ui.kit.fields import date_edit, day_of
from ui.kit.style import DIALOG_FLAGS, error_line, hint
from ui.kit.worker import run_modal


@dataclass(frozen=True)
class Report:
    """A PDF report of one lead that the window can open from here. The features that make
    them are not this one's to import, so the window hands them in: a button's text (with
    its mnemonic), what the report is, and how to open it for a lead's id (this dialog closes
    first)."""

    text: str
    why: str
    open: Callable[[int], None]


def open_export_dialog(
    parent: QWidget | None,
    context: AppContext,
    lead_id: int | None = None,
    reports: Sequence[Report] = (),
) -> ExportDialog:
    """Open the export dialog (it closes and deletes itself); ``lead_id``: the lead on screen,
    chosen already."""
    context.flush_all()  # what is being typed belongs in the export
    dialog = ExportDialog(context, lead_id, reports, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ExportDialog(QDialog):
    """What, whose, which days and where; then the export, written off the UI thread."""

    def __init__(
        self,
        context: AppContext,
        lead_id: int | None = None,
        reports: Sequence[Report] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, DIALOG_FLAGS)
        self.context = context
        self.dest: Path | None = None
        self.replace = False  # the save dialog asked before replacing this very file
        self.setWindowTitle(self.tr("Export — iltdesk"))
        self._build_what(reports)
        self._build_whose(lead_id)
        self._build_when()
        self._build_where()
        self._lay_out()
        self._update()
        self._fit()

    # -- the choices ----------------------------------------------------------------------------

    def _build_what(self, reports: Sequence[Report]) -> None:
        self.what = QGroupBox(self.tr("What to export"))
        self.formats = QButtonGroup(self)
        column = QVBoxLayout(self.what)
        for number, choice in enumerate(CHOICES):
            button = QRadioButton(
                self.tr("{format} — {why}").format(
                    format=QCoreApplication.translate("export_dialog", choice.text),
                    why=QCoreApplication.translate("export_dialog", choice.why),
                )
            )
            self.formats.addButton(button, number)
            column.addWidget(button)
        self.formats.button(0).setChecked(True)
        self.formats.idToggled.connect(self._format_toggled)
        self.report_buttons: list[QPushButton] = []
        if reports:
            column.addSpacing(6)
            column.addWidget(
                hint(self.tr("Or a PDF report of the chosen lead, in its own window:"))
            )
            row = QHBoxLayout()
            for report in reports:
                opens = QPushButton(report.text)
                opens.setToolTip(report.why)
                opens.setAccessibleDescription(report.why)
                opens.clicked.connect(lambda *_, r=report: self._open_report(r))
                row.addWidget(opens)
                self.report_buttons.append(opens)
            row.addStretch(1)
            column.addLayout(row)

    def _build_whose(self, lead_id: int | None) -> None:
        self.whose = QGroupBox(self.tr("Whose records"))
        self.one_lead = QRadioButton(self.tr("One &lead:"))
        self.lead = QComboBox()
        self.lead.setAccessibleName(self.tr("Lead to export"))
        for entry in roster(self.context.journal):
            archived = self.tr("{name} (archived)").format(name=entry.name)
            shown = entry.name if entry.active else archived
            self.lead.addItem(shown, entry.id)
            self.lead.setItemData(self.lead.count() - 1, entry.name, Qt.ItemDataRole.UserRole + 1)
        self.everyone = QRadioButton(self.tr("The &whole journal"))
        found = self.lead.findData(lead_id) if lead_id is not None else -1
        self.lead.setCurrentIndex(max(found, 0))
        self.one_lead.setEnabled(self.lead.count() > 0)
        (self.one_lead if found >= 0 else self.everyone).setChecked(True)
        grid = QGridLayout(self.whose)
        grid.addWidget(self.one_lead, 0, 0)
        grid.addWidget(self.lead, 0, 1)
        grid.addWidget(self.everyone, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.one_lead.toggled.connect(lambda *_: self._update())
        self.lead.currentIndexChanged.connect(lambda *_: self._choice_changed())

    def _build_when(self) -> None:
        self.when = QGroupBox(self.tr("Which days"))
        self.all_dates = QCheckBox(self.tr("&All dates"))
        self.all_dates.setChecked(True)
        today = date.today()
        self.since = date_edit(today - timedelta(days=365), self.tr("Export from"))
        self.until = date_edit(today, self.tr("Export until"))
        row = QHBoxLayout(self.when)
        row.addWidget(self.all_dates)
        row.addSpacing(16)
        row.addWidget(_buddy(self.tr("&From"), self.since))
        row.addWidget(self.since)
        row.addWidget(_buddy(self.tr("&To"), self.until))
        row.addWidget(self.until)
        row.addStretch(1)
        self.all_dates.toggled.connect(lambda *_: self._choice_changed())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda *_: self._choice_changed())

    def _build_where(self) -> None:
        self.where_box = QGroupBox(self.tr("Where"))
        self.where = QLineEdit()
        self.where.setReadOnly(True)
        self.where.setAccessibleName(self.tr("Where the export goes"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.clicked.connect(self.choose_destination)
        self.where_hint = hint()
        grid = QGridLayout(self.where_box)
        grid.addWidget(self.where, 0, 0)
        grid.addWidget(self.choose, 0, 1)
        grid.addWidget(self.where_hint, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        # Said before anything is written, in the dialog itself: not a tooltip.
        self.warning = QLabel()
        self.warning.setObjectName("Banner")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_line()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.export_button = QPushButton(QCoreApplication.translate("export_dialog", EXPORT_TEXT))
        self.export_button.setObjectName("Primary")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for part in (self.what, self.whose, self.when, self.where_box):
            layout.addWidget(part)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _fit(self) -> None:
        """A size, not a minimum: a minimum width set on the dialog stops its layout from
        setting its own, and the dialog opened narrower and shorter than its rows need (the
        report buttons were squeezed to a sliver of their words). As tall as its wrapped
        lines need at that width, once the labels that start hidden are."""
        hint = self.sizeHint()
        width = max(hint.width(), min(640, self.screen().availableGeometry().width() - 40))
        self.resize(width, max(hint.height(), self.heightForWidth(width)))

    # -- reading them ---------------------------------------------------------------------------

    def fmt(self) -> str:
        return CHOICES[max(self.formats.checkedId(), 0)].fmt

    def lead_name(self) -> str | None:
        """The chosen lead's name as written, or None for the whole journal."""
        if not self.one_lead.isChecked() or self.lead.currentIndex() < 0:
            return None
        return str(self.lead.currentData(Qt.ItemDataRole.UserRole + 1))

    def scope(self) -> Scope:
        if self.all_dates.isChecked():
            return Scope(self.lead_name())
        return Scope(self.lead_name(), day_of(self.since), day_of(self.until))

    def _range_problem(self) -> str:
        scope = self.scope()
        if scope.since and scope.until and scope.since > scope.until:
            return self.tr("“From” is after “To”: no day lies between them.")
        return ""

    def _format_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._format_changed()

    def _format_changed(self) -> None:
        self.dest = None  # a folder is no file, and a name ends as its format does
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.status.hide()  # what it said was about the export before this choice
        self._update()

    def _update(self) -> None:
        folder = self.fmt() == "markdown"
        self.lead.setEnabled(self.one_lead.isChecked())
        for button in self.report_buttons:
            button.setEnabled(self.lead_name() is not None)
        for edit in (self.since, self.until):
            edit.setEnabled(not self.all_dates.isChecked())
        self.where.setText(str(self.dest) if self.dest else "")
        self.where.setPlaceholderText(
            self.tr("Choose a folder") if folder else self.tr("Choose a file")
        )
        self.where_hint.setText(
            self.tr(
                "An empty folder, or a new one made inside the folder you choose: one file per "
                "record goes in it."
            )
            if folder
            else self.tr("The file is written whole; a file there already is replaced.")
        )
        unchosen = self.tr("that folder") if folder else self.tr("that file")
        place = str(self.dest) if self.dest else unchosen
        self.warning.setText(leaves_encryption(place))
        problem = self._range_problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        ready = self.dest is not None and not problem
        self.export_button.setEnabled(ready)
        # Enter chooses a place while there is none; writing a readable copy takes its button.
        self.choose.setDefault(self.dest is None)

    # -- doing it -------------------------------------------------------------------------------

    def _stem(self) -> str:
        whose, day = self.lead_name() or "iltdesk", date.today().isoformat()
        if self.fmt() == "csv":
            return self.tr("{whose} action items {day}").format(whose=whose, day=day)
        return self.tr("{whose} export {day}").format(whose=whose, day=day)

    def choose_destination(self) -> None:
        """Ask the system's dialog where: a folder for Markdown, a file for JSON and CSV."""
        fmt = self.fmt()
        start = self.dest.parent if self.dest else Path.home()
        if fmt == "markdown":
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a new or empty folder for the export"), str(start)
            )
            if chosen:
                self.dest, self.replace = new_export_folder(Path(chosen), self._stem()), False
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to"),
                str(start / f"{self._stem()}{SUFFIX[fmt]}"),
                QCoreApplication.translate("export_dialog", FILTER[fmt]),
            )
            if chosen:
                path = Path(chosen)
                if path.suffix.lower() != SUFFIX[fmt]:
                    path = path.with_name(path.name + SUFFIX[fmt])
                # The save dialog asked before replacing what was chosen, not a name we added to.
                self.dest, self.replace = path, path == Path(chosen)
        self.status.hide()
        self._update()
        if self.dest is not None:
            self.export_button.setFocus()

    def export(self) -> int | None:
        """Write the export off the UI thread; the number written, or None (said why)."""
        if self.dest is None or self._range_problem():
            return None
        fmt, dest, scope, journal = self.fmt(), self.dest, self.scope(), self.context.journal
        try:
            check_export_destination(fmt, dest, journal=journal.path, replace=self.replace)
            written = run_modal(
                self,
                self.tr("Writing the export…"),
                lambda _progress: _write(journal, scope, fmt, dest),
            )
        except JournalError as exc:
            self._failed(str(exc))
            return None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._failed(self.tr("The export was not written ({reason}).").format(reason=reason))
            return None
        self.error.hide()
        wrote = QCoreApplication.translate("export_dialog", WROTE[fmt == "csv", written == 1])
        self.status.setText(wrote.format(written=written, dest=dest))
        self.status.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        return written

    def _failed(self, line: str) -> None:
        """Say why in the dialog; every choice stays as it was."""
        self.status.hide()
        self.error.setText(line)
        self.error.show()

    def _open_report(self, report: Report) -> None:
        lead_id = self.lead.currentData()
        if self.lead_name() is None or lead_id is None:
            return
        self.accept()
        report.open(int(lead_id))


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    # A little room on the right: "To" was drawn a pixel or two wider than Qt measured it,
    # and lost the end of its "o".
    label.setContentsMargins(0, 0, 3, 0)
    return label


def _write(journal: Journal, scope: Scope, fmt: str, dest: Path) -> int:
    """Read the scope and write it: the work, on a worker's thread."""
    return write_export(dump(journal, scope), fmt, dest)
