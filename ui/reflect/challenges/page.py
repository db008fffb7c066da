"""Complex challenges: the list of reflections on the left, the chosen one as a guided page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.challenge import add_challenge, board, challenges
from iltdesk.models import Challenge
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.fields import date_edit, day_of
from ui.kit.icons import icon
from ui.kit.rich_delegate import TwoLineDelegate
from ui.kit.roles import RECORD_ID
from ui.kit.style import field_label, hint, page_style
from ui.kit.unsaved import GuardedDialog
from ui.kit.writing import write_or_say
from ui.reflect.challenges.view import STATUS_TITLES, ChallengeView

LIST_WIDTH = 260
TOOLTIP_CHARS = 300  # of the problem statement, under the title in a row's tooltip


def challenge_row(challenge: Challenge) -> str:
    """A challenge as two list lines: its title, then when it opened and where it stands."""
    when = dates.list_date(challenge.opened_on)
    return f"{challenge.title}\nOpened {when} · {STATUS_TITLES[challenge.status]}"


def challenge_tooltip(challenge: Challenge) -> str:
    """A row's tooltip: the whole title, then the start of the problem statement (plain)."""
    words = " ".join(challenge.statement.replace("**", "").replace("*", "").split())
    if len(words) > TOOLTIP_CHARS:
        words = words[:TOOLTIP_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{challenge.title}\n\n{words}" if words else challenge.title


class NewChallengeDialog(GuardedDialog):
    """Ask for a short title (and the day it began, if not today)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.challenge: Challenge | None = None
        self.setWindowTitle(self.tr("New complex challenge — iltdesk"))
        self.setStyleSheet(page_style())
        self.setMinimumWidth(500)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Half the team is new and our norms are gone"))
        self.opened = date_edit()
        self.error = QLabel(self.tr("Give it a short title first; you can change it later."))
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = buttons.addButton(
            self.tr("Start thinking it through"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        start.setObjectName("Primary")
        start.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        when = QHBoxLayout()
        when.addWidget(QLabel(self.tr("It began")))
        when.addWidget(self.opened)
        when.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(6)
        layout.addWidget(
            hint(
                self.tr(
                    "Something hard and tangled: turnover, exhaustion, a change nobody asked for. "
                    "Name it here; next you tell the problem and its story so far, then work "
                    "through it area by area, at your own pace."
                )
            )
        )
        layout.addSpacing(6)
        layout.addWidget(field_label(self.tr("What is the challenge?")))
        layout.addWidget(self.title)
        layout.addLayout(when)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.keep_drafts("challenge_new", "new", context)  # a lock keeps the title typed

    def save(self) -> None:
        """Open the reflection; stay open with a message if the title is missing."""
        if not self.title.text().strip():
            self.error.show()
            return
        opened = day_of(self.opened)
        made = write_or_say(
            self.context,
            lambda: add_challenge(self.context.journal, self.title.text(), opened_on=opened),
            Change(RecordKind.CHALLENGE),
            self.error,
            failed=self.tr("Not started"),
        )
        if isinstance(made, NotWritten):
            return  # the status bar says why; the title stays typed
        self.challenge = made
        self.accept()


class ChallengesPage(QWidget):
    """The "Complex challenges" page, shared by the whole team rather than one lead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.challenges: list[Challenge] = []
        self.new_button = QPushButton(
            icon("add", theme.colour("on_accent")), self.tr("New challenge…")
        )
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self.new_challenge)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Complex challenges: open first, resolved last"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.view = ChallengeView(context)
        self.view.saved.connect(self._saved)
        self.view.changed.connect(lambda: context.announce(RecordKind.CHALLENGE))
        self.empty = hint(
            self.tr(
                "No complex challenges yet.\n\nWhen something is hard and tangled, open one here: "
                "think it through area by area,\nname the forces at work, and log what you decide "
                "and learn."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        self._lay_out()
        context.changed.connect(self._changed_elsewhere)
        self.refresh()

    def _lay_out(self) -> None:
        title = QLabel(self.tr("Complex challenges"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(self.tr("Hard, tangled problems, thought through one area at a time"))
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)  # the list's width decides, not the sentence's
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(16, 18, 8, 12)
        side.setSpacing(4)
        side.addWidget(title)
        side.addWidget(subtitle)
        side.addSpacing(12)
        side.addWidget(self.new_button)
        side.addSpacing(4)
        side.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 980])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        """Re-read the challenges, keeping the one on screen selected."""
        keep = self.view.challenge.id if self.view.challenge else None
        self.challenges = challenges(self.context.journal)
        self.list.blockSignals(True)
        self.list.clear()
        for challenge in self.challenges:
            item = QListWidgetItem(challenge_row(challenge))
            item.setData(RECORD_ID, challenge.id)
            item.setToolTip(challenge_tooltip(challenge))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.challenges]
        if keep in ids:
            self.list.blockSignals(True)  # still the same challenge: leave its text alone
            self.list.setCurrentRow(ids.index(keep))
            self.list.blockSignals(False)
            self.view.reload_parts()
        else:
            self.select_challenge(ids[0] if ids else None)

    def select_challenge(self, challenge_id: int | None) -> bool:
        """Open a challenge (or show how to start one); False if it is not in the journal."""
        ids = [c.id for c in self.challenges]
        if challenge_id is None or challenge_id not in ids:
            self.view.load(None)
            self.stack.setCurrentWidget(self.empty)
            return False
        row = ids.index(challenge_id)
        if self.list.currentRow() == row:
            self._current_changed(self.list.item(row), None)
        else:
            self.list.setCurrentRow(row)
        return self.view.challenge is not None and self.view.challenge.id == challenge_id

    def select_card(self, card_id: int) -> bool:
        """Open the challenge a force card is on, scroll to the board and select the card."""
        self.challenges = self.challenges or challenges(self.context.journal)
        for challenge in self.challenges:
            cards = board(self.context.journal, challenge.id or 0).values()
            if any(card.id == card_id for column in cards for card in column):
                if not self.select_challenge(challenge.id):
                    return False
                self.view.scroll_to("Forces")
                return self.view.board.select_card(card_id)
        return False

    def _current_changed(self, item: QListWidgetItem | None, previous: object) -> None:
        chosen = next((c for c in self.challenges if item and c.id == item.data(RECORD_ID)), None)
        if not self.view.load(chosen):
            # The open challenge holds text that could not be saved: stay on it.
            ids = [c.id for c in self.challenges]
            self.list.blockSignals(True)
            self.list.setCurrentRow(
                ids.index(self.view.challenge.id) if self.view.challenge else -1
            )
            self.list.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.view if chosen else self.empty)

    def _saved(self, challenge: Challenge) -> None:
        before = next((c for c in self.challenges if c.id == challenge.id), None)
        if before is not None and before.status is not challenge.status:
            self.refresh()  # resolved challenges move to the bottom of the list
        else:
            for row, known in enumerate(self.challenges):
                if known.id == challenge.id:
                    self.challenges[row] = challenge
                    self.list.item(row).setText(challenge_row(challenge))
                    self.list.item(row).setToolTip(challenge_tooltip(challenge))
        self.context.announce(RecordKind.CHALLENGE)

    def new_challenge(self) -> None:
        """Ask for a title, open the new challenge and put the cursor in its problem statement:
        the story comes before any area."""
        if not self.view.autosaver.flush():
            return
        dialog = NewChallengeDialog(self.context, self)
        if not dialog.exec() or dialog.challenge is None:
            return
        self.challenges = challenges(self.context.journal)
        self.refresh()
        self.select_challenge(dialog.challenge.id)
        self.view.areas["statement"].setFocus()

    def open(self, where: Location) -> bool:
        """Show a challenge, or the challenge a force card or log entry is on."""
        if where.kind == RecordKind.FORCE_CARD:
            return self.select_card(where.record_id)
        return self.select_challenge(where.challenge_id or where.record_id)

    def _changed_elsewhere(self, change: Change) -> None:
        if change.about(RecordKind.LEAD) and self.view.challenge is not None:
            self.view.reload_parts()  # a renamed or archived lead shows on the cards
