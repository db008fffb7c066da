"""A journey through the principal's own pages, from the unlock dialog, by keys only.

Unlock; Alt+G then M for My leadership, write a question about her own leadership; Alt+G
then N for Tensions, a note that gives each side's reasoning and the decision at stake but no
leaning; lock by quitting. A fresh process then finds both, as the next launch would.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.keys import DesktopKeys, Keys, focused, press_button, settle, wait_for_active
from ui.kit.pages import ReflectPage
from ui.reflect.principal.dialogs import LeadershipNoteDialog
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("app_look")

QUESTION = "How do I move the team without taking it over?"
FIRST_SIDE = "Safety routines every classroom must share"
DECISION = "Whether every grade uses the same exit ticket"


def _go(keys: Keys, window: MainWindow, letter: str, page: ReflectPage) -> None:
    """Alt+G opens the Go menu; one letter picks the page."""
    keys.shortcut("Alt+G")
    keys.type(letter)
    settle()
    assert window.pages.currentWidget() is window.reflect.pages[page]


def test_unlock_then_my_leadership_and_a_tension_by_keys_read_back_by_a_fresh_process(
    qtbot: QtBot, controller: AppController, journal_path: Path
) -> None:
    journal = Journal.create(journal_path, PASSPHRASE, school="Riverside Middle")
    add_lead(journal, "Maya Ortiz", on_ilt_since=date.today() - timedelta(days=60))
    journal.close()
    keys = DesktopKeys()
    keys.unlock_with(PASSPHRASE)
    controller.start(journal_path)
    window = wait_for_active(MainWindow)

    _go(keys, window, "m", ReflectPage.MY_LEADERSHIP)

    def ask(dialog: LeadershipNoteDialog) -> None:
        assert focused() is dialog.text
        keys.type(QUESTION)
        keys.shortcut("Ctrl+Return")

    asked = keys.then_in(LeadershipNoteDialog, ask)
    press_button(keys, "Add a question…")
    qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())

    _go(keys, window, "n", ReflectPage.TENSIONS)

    def note(dialog: TensionNoteDialog) -> None:
        assert focused() is dialog.first_serves  # the reasoning leads
        keys.type(FIRST_SIDE)
        keys.tab(2)
        assert focused() is dialog.decision
        keys.type(DECISION)
        press_button(keys, "Save the note")  # no leaning given: it is optional

    noted = keys.then_in(TensionNoteDialog, note)
    press_button(keys, "Add a note…")
    qtbot.waitUntil(lambda: bool(noted) and not noted[0].isVisible())
    controller.close_journal(True)

    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    for words, kind in (("taking it over", "leadership_note"), ("exit ticket", "tension")):
        found = run_cli("search", "--json", str(journal_path), words, env=env)
        assert found.returncode == 0, found.stderr
        assert [h["kind"] for h in json.loads(found.stdout)] == [kind], found.stdout
    with Journal.open(journal_path, PASSPHRASE, read_only=True) as again:
        [row] = again.execute("SELECT leaning, first_pole_serves, decision FROM tension_note")
        assert tuple(row) == (None, FIRST_SIDE, DECISION)
