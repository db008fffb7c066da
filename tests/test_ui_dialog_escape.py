"""Escape, Cancel or the window's close button never throw typed text away, in every dialog
that takes text: "Discard what you typed?" comes first, Keep editing by default (and on
Escape), and nothing is lost unless the person chooses Discard. Driven by keys, as a person
does: each dialog is opened from its page (the observation from the main window by its
shortcut), the question is answered by keys too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iltdesk import agreement, growth
from iltdesk.challenge import add_card, add_challenge, board, log, log_entries
from iltdesk.charter import charter_versions
from iltdesk.lead import add_lead
from iltdesk.meeting_template import meeting_template
from iltdesk.models import ForceKind, LogKind, TraitKind
from iltdesk.observation import observations_for
from iltdesk.self_check import check_ins
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, notes_on
from tests.keys import Key, Keys, Mod, focused, settle, wait_for_active
from ui.kit.context import AppContext
from ui.kit.unsaved import QUESTION
from ui.lead.agreement.dialog import AgreementDialog
from ui.lead.agreement.view import AgreementView
from ui.lead.observations.dialog import ObservationDialog
from ui.lead.overview import TraitList
from ui.lead.trait_dialog import TraitDialog
from ui.navigation.switcher import QuickSwitcher
from ui.reflect.challenges.card_dialog import CardDialog
from ui.reflect.challenges.force_cards import CardList
from ui.reflect.challenges.forces_board import ForcesBoard
from ui.reflect.challenges.log import CHOICES
from ui.reflect.challenges.log_entry_dialog import LogEntryDialog
from ui.reflect.charter.charter_card import CharterCard
from ui.reflect.charter.charter_dialog import CharterDialog
from ui.reflect.self_check.dialog import SelfCheckDialog
from ui.reflect.self_check.frequency_picker import FrequencyPicker
from ui.reflect.self_check.page import SelfCheckPage
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.reflect.tensions.page import TensionsPage
from ui.shell.main_window import MainWindow
from ui.team.meetings.page import MeetingsPage
from ui.team.meetings.template_dialog import TemplateDialog

MARK = "Zebra crossing talk"  # typed into each dialog; found in the journal only if saved
LEAD = "Dr. Amara Okafor"
TAB_LIMIT = 150


pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)


# -- moving about by keys ------------------------------------------------------------------------


def is_text_box(widget: QWidget) -> bool:
    """A box a person types words into (not a date field's or a drop-down's own line edit)."""
    if isinstance(widget, QLineEdit):
        return not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
    return isinstance(widget, (QPlainTextEdit, QTextEdit))


def tab_until(keys: Keys, wanted: Callable[[QWidget], bool], *, back: bool = False) -> QWidget:
    """Press Tab (Shift+Tab with ``back``) until the focused widget is the one wanted."""
    for _ in range(TAB_LIMIT):
        if wanted(focused()):
            return focused()
        keys.press(Key.Key_Backtab if back else Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; focus is on {focused()!r}")


def button_named(text: str) -> Callable[[QWidget], bool]:
    return lambda w: isinstance(w, QAbstractButton) and w.text().replace("&", "") == text


def press_button(keys: Keys, text: str) -> None:
    """Tab to the button labelled ``text`` and press Space, as a keyboard user does."""
    tab_until(keys, button_named(text))
    keys.press(Key.Key_Space)


class Question:
    """The discard question, answered by a key when it shows (queued before the key that
    brings it up). ``seen`` holds the question's text if it came."""

    def __init__(self, keys: Keys, answer: Callable[[Keys], None]) -> None:
        self.seen: list[str] = []
        self.live = True

        def act(box: QMessageBox) -> None:
            if self.live:  # a question that never came must not answer a later one
                self.live = False
                self.seen.append(box.text())
                answer(keys)

        keys.then_in(QMessageBox, act, timeout_ms=4000)


def is_open(dialog: QDialog) -> bool:
    """Shown (a dialog that deletes itself on closing counts as closed once gone)."""
    return isValid(dialog) and dialog.isVisible()


def back_in(dialog: QDialog) -> None:
    """After the question, wait for keystrokes to reach the dialog again (if it is open).
    Offscreen there is no window manager to hand focus back to the window below a closed
    message box, so the test does what it would do."""
    if is_open(dialog):
        dialog.activateWindow()
        wait_for_active(type(dialog))


def keep_by_enter(keys: Keys) -> None:
    keys.enter()  # Keep editing is the default button


def keep_by_escape(keys: Keys) -> None:
    keys.escape()


def discard(keys: Keys) -> None:
    keys.press(Key.Key_D, Mod.AltModifier)  # "&Discard"


# -- the eight dialogs, each opened where a person opens it -------------------------------------

Opener = Callable[[QtBot, Journal, Keys], Callable[[], None]]


def _host(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show a page on its own, active, as the window a person works in."""
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    widget.activateWindow()
    wait_for_active(type(widget))
    return widget


def open_observation(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    add_lead(journal, LEAD)
    window = MainWindow(AppContext(journal))
    _host(qtbot, window)

    def go() -> None:
        keys.then_in(QuickSwitcher, lambda _s: (keys.type("Okafor"), keys.enter()))
        keys.shortcut("Ctrl+K")
        window.activateWindow()  # offscreen has no window manager to do it
        wait_for_active(MainWindow)
        assert window.lead_on_screen() is not None
        keys.shortcut("Ctrl+Shift+O")

    return go


def open_tension_note(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    page = _host(qtbot, TensionsPage(AppContext(journal)))
    assert isinstance(page, TensionsPage)
    return lambda: press_button(keys, page.add_button.text())


def open_log_entry(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    # Opened from an entry's ⋯ menu, a popup the key kit does not drive: shown directly.
    challenge = add_challenge(journal, "Turnover on a half-new team").id or 0
    entry = log(journal, challenge, LogKind.decision, "Paused new initiatives")
    dialog = LogEntryDialog(AppContext(journal), entry, CHOICES)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.mark_clean())
    return dialog.open


def open_card(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    challenge = add_challenge(journal, "Turnover on a half-new team").id or 0
    add_card(journal, challenge, ForceKind.hinders, "Half the team is new")
    forces = ForcesBoard(AppContext(journal))
    forces.load(challenge)
    _host(qtbot, forces)

    def go() -> None:
        tab_until(keys, lambda w: isinstance(w, CardList) and w.count() > 0)
        keys.press(Key.Key_F2)

    return go


def open_template(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    # The ILT meeting's agenda template (the plus/delta dialog it replaces went with meetings).
    page = _host(qtbot, MeetingsPage(AppContext(journal)))
    assert isinstance(page, MeetingsPage)
    return lambda: press_button(keys, page.template_button.text().replace("&", ""))


def open_charter(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    card = CharterCard(AppContext(journal))
    card.refresh()
    _host(qtbot, card)
    return lambda: press_button(keys, card.write_button.text())


def open_trait(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    lead = add_lead(journal, LEAD).id or 0
    strengths = TraitList(AppContext(journal), TraitKind.strength)
    strengths.show_lead(lead)
    _host(qtbot, strengths)
    return lambda: press_button(keys, strengths.add_button.text())


def open_agreement(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    lead = add_lead(journal, LEAD).id or 0
    view = AgreementView(AppContext(journal))
    view.show_lead(lead)
    _host(qtbot, view)
    return lambda: press_button(keys, view.write_button.text())


def open_self_check(qtbot: QtBot, journal: Journal, keys: Keys) -> Callable[[], None]:
    _host(qtbot, SelfCheckPage(AppContext(journal)))
    return lambda: press_button(keys, "Start the first check-in…")


# -- saving by keys, as each dialog saves -------------------------------------------------------


def save_by_ctrl_enter(keys: Keys) -> None:
    keys.shortcut("Ctrl+Return")


def save_button(text: str) -> Callable[[Keys], None]:
    return lambda keys: press_button(keys, text)


def save_tension_note(keys: Keys) -> None:
    tab_until(keys, lambda w: w.objectName() == "LeaningStep", back=True)
    keys.press(Key.Key_Space)  # a note needs a leaning
    press_button(keys, "Save the note")


def save_self_check(keys: Keys) -> None:
    for _ in range(TAB_LIMIT):  # rate every action "often" (4 of 5), note fields passed by
        widget = focused()
        if isinstance(widget, FrequencyPicker):
            if widget.value() is not None:
                break  # round again to the first: all rated
            keys.press(Key.Key_4)
        keys.tab()
    save_by_ctrl_enter(keys)


@dataclass(frozen=True)
class Case:
    kind: type[QDialog]
    open: Opener
    save: Callable[[Keys], None]
    saved: Callable[[Journal], str]  # everything the journal holds that this dialog writes

    def __str__(self) -> str:
        return self.kind.__name__


def _all(*texts: str) -> str:
    return "\n".join(texts)


CASES = [
    Case(
        ObservationDialog,
        open_observation,
        save_by_ctrl_enter,
        lambda j: _all(*(o.evidence for o in observations_for(j, 1))),
    ),
    Case(
        TensionNoteDialog,
        open_tension_note,
        save_tension_note,
        lambda j: _all(
            *(n.first_pole_serves + n.note for t in TENSIONS for n in notes_on(j, t.key))
        ),
    ),
    Case(
        LogEntryDialog,
        open_log_entry,
        save_button("Save"),
        lambda j: _all(*(e.text for e in log_entries(j, 1))),
    ),
    Case(
        CardDialog,
        open_card,
        save_button("Save"),
        lambda j: _all(*(c.text for cards in board(j, 1).values() for c in cards)),
    ),
    Case(
        TemplateDialog,
        open_template,
        save_by_ctrl_enter,
        lambda j: _all(*(p.title for p in meeting_template(j))),
    ),
    Case(
        CharterDialog,
        open_charter,
        save_by_ctrl_enter,
        lambda j: _all(*(v.purpose for v in charter_versions(j))),
    ),
    Case(
        TraitDialog,
        open_trait,
        save_button("Save"),
        lambda j: _all(*(t.title for t in growth.traits_for(j, 1))),
    ),
    Case(
        AgreementDialog,
        open_agreement,
        save_by_ctrl_enter,
        lambda j: _all(*(v.agreement.meeting_cadence for v in agreement.versions(j, 1))),
    ),
    Case(
        SelfCheckDialog,
        open_self_check,
        save_self_check,
        lambda j: _all(*(note for c in check_ins(j) for note in c.notes.values())),
    ),
]


# -- the tests --------------------------------------------------------------------------------


def drive(qtbot: QtBot, journal: Journal, case: Case, act: Callable[[QDialog, Keys], None]) -> None:
    """Open the case's dialog by keys and run ``act`` in it. Whatever happens, the dialog ends
    closed (hidden, if ``act`` left it open because the test failed), so nothing waits."""
    keys = Keys()
    go = case.open(qtbot, journal, keys)
    finished: list[bool] = []

    def run(dialog: QDialog) -> None:
        try:
            tab_until(keys, is_text_box)
            keys.type(MARK)
            act(dialog, keys)
        finally:
            finished.append(True)
            if is_open(dialog):
                dialog.hide()

    shown = keys.then_in(case.kind, run)
    go()
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert shown, f"{case} never opened"
    settle()


def typed_text_shown(dialog: QDialog) -> bool:
    boxes = [w for w in dialog.findChildren(QWidget) if is_text_box(w) and w.isVisible()]
    return any(MARK in (b.text() if isinstance(b, QLineEdit) else b.toPlainText()) for b in boxes)


def dismiss_by(way: str, keys: Keys, dialog: QDialog) -> None:
    if way == "escape":
        keys.escape()
    elif way == "cancel":
        press_button(keys, "Cancel")
    else:
        dialog.close()  # stands in for the title bar's close button: the same closeEvent


@pytest.mark.parametrize("way", ["escape", "cancel", "close_button"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_dismissing_typed_text_asks_and_keeps_it_until_discard(
    qtbot: QtBot, journal: Journal, case: Case, way: str
) -> None:
    seen: list[tuple[list[str], bool, bool]] = []

    def act(dialog: QDialog, keys: Keys) -> None:
        for answer in (keep_by_enter, keep_by_escape, discard):
            question = Question(keys, answer)
            dismiss_by(way, keys, dialog)
            back_in(dialog)
            seen.append(
                (question.seen, is_open(dialog), is_open(dialog) and typed_text_shown(dialog))
            )

    drive(qtbot, journal, case, act)
    kept = (True, True)
    assert seen[0] == ([QUESTION], *kept), "Enter on the question keeps editing"
    assert seen[1] == ([QUESTION], *kept), "Escape on the question keeps editing too"
    assert seen[2][:2] == ([QUESTION], False), "Discard closes"
    assert MARK not in case.saved(journal)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_escape_closes_at_once_when_nothing_is_left_changed(
    qtbot: QtBot, journal: Journal, case: Case
) -> None:
    seen: list[tuple[list[str], bool]] = []

    def act(dialog: QDialog, keys: Keys) -> None:
        first = Question(keys, keep_by_enter)
        keys.escape()
        back_in(dialog)
        seen.append((first.seen, is_open(dialog)))
        keys.press(Key.Key_Backspace, times=len(MARK))  # back to what it opened with
        second = Question(keys, keep_by_enter)
        keys.escape()
        second.live = False
        seen.append((second.seen, is_open(dialog)))

    drive(qtbot, journal, case, act)
    assert seen == [([QUESTION], True), ([], False)]
    assert MARK not in case.saved(journal)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_typed_text_is_saved_by_keys_after_keep_editing(
    qtbot: QtBot, journal: Journal, case: Case
) -> None:
    closed: list[bool] = []

    def act(dialog: QDialog, keys: Keys) -> None:
        Question(keys, keep_by_escape)
        keys.escape()
        back_in(dialog)
        case.save(keys)
        closed.append(not is_open(dialog))

    drive(qtbot, journal, case, act)
    assert closed == [True]
    assert MARK in case.saved(journal)
