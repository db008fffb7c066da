"""The names guard in an export dialog: each other person the export names, and how they
appear to its reader — as written, as initials, or as a role ("a 7th-grade teacher").

The rules (who is named, how a choice rewrites the text) are the core's
(``iltdesk.names_guard``); this panel only asks. A choice lives as long as the dialog: it is
for this export only, never saved.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iltdesk.names_guard import NameChoice, NamedPerson, Treatment, colleague, initials
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP

EMPTY = QT_TRANSLATE_NOOP("names_guard", "No one else is named.")
TITLE = QT_TRANSLATE_NOOP("names_guard", "Other people &named")
ORDER = (Treatment.keep, Treatment.initials, Treatment.role)
TYPICAL_NAME = "Mr. Castellanos"  # not shown: measures a title and a longish surname


class _Row:
    """One person: their name, the choice, and the role's words (for Role only)."""

    def __init__(self, person: NamedPerson, grid: QGridLayout, at: int) -> None:
        self.person = person
        self.name = QLabel(person.name)
        forms = ", ".join(person.forms) or person.name
        self.name.setToolTip(
            QCoreApplication.translate("_Row", "Written as {forms} ({value})").format(
                forms=forms, value=_times(person.mentions)
            )
        )
        self.name.setWordWrap(True)  # a long name wraps in a narrow column
        self.how = _choice_box()
        # The items start with K, I and R, so typing that letter on the box chooses it.
        self.how.addItems(
            [
                QCoreApplication.translate("_Row", "Keep"),
                QCoreApplication.translate("_Row", "Initials ({value})").format(
                    value=initials(person.name)
                ),
                QCoreApplication.translate("_Row", "Role"),
            ]
        )
        self.how.setAccessibleName(
            QCoreApplication.translate("_Row", "How {name} appears").format(name=person.name)
        )
        self.name.setBuddy(self.how)
        self.role = QLineEdit(person.suggested_role)
        self.role.setPlaceholderText(person.suggested_role or colleague())
        self.role.setAccessibleName(
            QCoreApplication.translate("_Row", "Role words for {name}").format(name=person.name)
        )
        self.role.setEnabled(False)
        self.role.hide()  # shown for Role only: the panel stays short in a side column
        grid.addWidget(self.name, at, 0, 1, 2)
        grid.addWidget(self.how, at, 2)
        grid.addWidget(self.role, at + 1, 1, 1, 2)  # indented: the words belong to the name

    def choice(self) -> NameChoice:
        treatment = ORDER[max(self.how.currentIndex(), 0)]
        role = self.role.text().strip() if treatment == Treatment.role else ""
        return NameChoice(treatment, role)

    def restore(self, choice: NameChoice) -> None:
        self.how.setCurrentIndex(ORDER.index(choice.treatment))
        if choice.role:
            self.role.setText(choice.role)
        self.show_role(choice.treatment == Treatment.role)

    def show_role(self, on: bool) -> None:
        self.role.setEnabled(on)
        self.role.setVisible(on)


def _choice_box() -> QComboBox:
    box = QComboBox()
    # As wide as "Initials (M. R.)", not as the longest initials: the column stays narrow.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(len("Initials (M. R.)"))
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


def _times(mentions: int) -> str:
    if mentions == 1:
        return QCoreApplication.translate("names_guard", "once")
    return QCoreApplication.translate("names_guard", "{mentions} times").format(mentions=mentions)


class NamesGuardPanel(QGroupBox):
    """Per person named besides the export's lead: Keep, Initials or Role (with its words).

    ``changed`` is emitted whenever a choice or a role's words change.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("names_guard", TITLE), parent)
        self.setAccessibleName(self.tr("Other people named in the export"))
        self._rows: list[_Row] = []
        self._people: list[NamedPerson] = []
        # Rows are made as people are found, after the dialog's other fields, so Tab would
        # reach them last: they are chained after this hidden stop, made with the panel, in
        # the panel's place (Tab skips a hidden widget; Qt orders only focusable ones).
        self._tab_anchor = QWidget(self)
        self._tab_anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._tab_anchor.hide()
        layout = self._column = QVBoxLayout(self)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnMinimumWidth(0, 12)
        self._grid.setColumnStretch(1, 1)
        self._empty = hint(QCoreApplication.translate("names_guard", EMPTY))
        layout.addLayout(self._grid)
        layout.addWidget(self._empty)
        self._note = hint(self.tr("For this export only: what you choose here is not saved."))
        layout.addWidget(self._note)
        self.set_people([])

    def set_people(self, people: list[NamedPerson]) -> None:
        """Show ``people``; a person listed before keeps what was chosen for them."""
        same = [(p.name, p.suggested_role) for p in people] == [
            (p.name, p.suggested_role) for p in self._people
        ]
        if same and self._rows:
            self._people = list(people)  # the same rows: keep them, and the focus in them
            for row, person in zip(self._rows, people, strict=True):
                row.person = person
            return
        before = self.choices()
        for row in self._rows:
            for widget in (row.name, row.how, row.role):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._people = list(people)
        self._rows = [_Row(p, self._grid, 2 * i) for i, p in enumerate(people)]
        for row in self._rows:
            if row.person.name in before:
                row.restore(before[row.person.name])
            row.how.currentIndexChanged.connect(lambda _i, r=row: self._switched(r))
            row.role.textChanged.connect(lambda _t: self.changed.emit())
        chain: list[QWidget] = [self._tab_anchor]
        for row in self._rows:
            chain += [row.how, row.role]
        for first, then in pairwise(chain):
            QWidget.setTabOrder(first, then)
        self._empty.setVisible(not people)
        self._note.setVisible(bool(people))

    def roomy_width(self) -> int:
        """A width at which a typical name sits on one line beside its choice: the rows
        come after the dialog has its size, so the column is made this wide beforehand."""
        margins = self._column.contentsMargins()
        frame = 4  # the group box's own edge, either side
        return (
            margins.left()
            + margins.right()
            + frame
            + self.fontMetrics().horizontalAdvance(TYPICAL_NAME)
            + self._grid.horizontalSpacing()
            + _choice_box().sizeHint().width()
        )

    def people(self) -> list[NamedPerson]:
        """The people shown, in the order the reader meets them."""
        return list(self._people)

    def choices(self) -> dict[str, NameChoice]:
        """What is chosen for each person shown, by name."""
        return {row.person.name: row.choice() for row in self._rows}

    def _switched(self, row: _Row) -> None:
        row.show_role(row.choice().treatment == Treatment.role)
        self.changed.emit()


def side_column(*groups: QWidget, width: int | None = None, gap: int = 0) -> QScrollArea:
    """An export dialog's choices beside its preview (``width`` wide, else as wide as they
    need, a typical name on one line in the names panel), scrolling when a long list of names
    makes them taller than the window."""
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(0, 0, 0, 0)
    for group in groups:
        column.addWidget(group)
        column.addSpacing(gap)
    column.addStretch(1)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Tab stops on the fields inside (the area scrolls to each), not on the frameless area,
    # where the focus would seem to vanish.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    bar = area.verticalScrollBar().sizeHint().width()
    if width is None:  # as wide as they need, and the names panel needs room for a name
        roomy = [g.roomy_width() for g in groups if isinstance(g, NamesGuardPanel)]
        width = max([inner.sizeHint().width(), *roomy])
    area.setFixedWidth(width + bar)
    area.setMinimumHeight(200)
    return area
