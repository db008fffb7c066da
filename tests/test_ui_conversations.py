"""The difficult conversations page, driven from the main window by keys: planned, rehearsed,
held and debriefed, with a follow-up, then read again from the reopened journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from iltdesk import due_dates
from iltdesk.conversation import (
    Stage,
    add_conversation,
    add_follow_up,
    conversations,
    follow_ups,
    stage_of,
)
from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.models import ActionItem, ActionSource, Author, ConversationHolder
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Mod, press_button, settle, show_main_window, tab_to
from ui.kit.pages import ReflectPage
from ui.shell.main_window import MainWindow
from ui.team.conversations.new_dialog import NewConversationDialog
from ui.team.conversations.page import ConversationsPage

# The app's own look: some faults (Enter reaching another default button) show only under it.
pytestmark = pytest.mark.usefixtures("app_look")


def go_to_conversations(window: MainWindow, keys: DesktopKeys) -> ConversationsPage:
    """Alt+G opens the Go menu; D is Difficult conversations' letter."""
    keys.press(Key.Key_G, Mod.AltModifier)
    keys.press(Key.Key_D)
    page = window.reflect.pages[ReflectPage.CONVERSATIONS]
    assert window.pages.currentWidget() is page
    assert isinstance(page, ConversationsPage)
    return page


def plan_a_conversation(keys: DesktopKeys, with_whom: str, goal: str) -> None:
    """Press New conversation…, then fill the dialog: a lead's, the first lead, by keys."""

    def fill(dialog: NewConversationDialog) -> None:
        assert dialog.whose.currentText().startswith("A lead's")
        tab_to(keys, lambda w: w is dialog.with_whom)
        keys.type(with_whom)
        keys.tab()
        assert QApplication.focusWidget() is dialog.goal
        keys.type(goal)
        keys.enter()  # starts planning

    keys.then_in(NewConversationDialog, fill)
    press_button(keys, "New conversation…")


def test_plan_rehearse_hold_and_debrief_by_keys(
    qtbot: QtBot, journal: Journal, journal_path: Path
) -> None:
    lead = add_lead(journal, "Maria Lopez")
    start_cycle(journal, lead.id or 0, goal="Data meetings end with a reteach plan")
    window = show_main_window(qtbot, journal)
    window.resize(1024, 700)
    keys = DesktopKeys()
    page = go_to_conversations(window, keys)
    assert page.stack.currentWidget() is page.empty

    plan_a_conversation(keys, "Mr Hale", "Agree a date for the reteach plan")
    editor = page.editor
    assert window.focusWidget() is editor.opening  # straight on to planning
    keys.type("I want to talk about what Tuesday's data showed.")
    keys.tab()
    assert QApplication.focusWidget() is editor.reactions
    keys.type("They may say there was no time: ask what would make time.")
    tab_to(keys, lambda w: w is editor.rehearsed)
    keys.press(Key.Key_Space)  # rehearsed today
    tab_to(keys, lambda w: w is editor.rehearsed_with)
    keys.type("Dev Patel")
    keys.tab()
    assert QApplication.focusWidget() is editor.rehearsal
    keys.type("Open with the students, not the plan.")
    tab_to(keys, lambda w: w is editor.held)
    keys.press(Key.Key_Space)  # held today
    tab_to(keys, lambda w: w is editor.what_happened)
    keys.type("He argued, then agreed on Friday.")
    keys.tab()
    assert QApplication.focusWidget() is editor.debrief
    keys.type("Naming the impact first worked.")
    tab_to(keys, lambda w: w is editor.follow_up.text)
    keys.type("Send the agreed dates to the team")
    keys.tab()
    keys.press(Key.Key_M)  # owned by me
    keys.tab()
    keys.type("fri")
    keys.enter()
    qtbot.waitUntil(lambda: editor.follow_up.items.count() == 1)
    assert "Debriefed" in page.list.item(0).text()
    assert "Maria Lopez" in page.list.item(0).text()
    window.context.flush_all()  # as a lock or quit does
    window.release()
    window.close()
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        (c,) = conversations(reopened)
        assert (c.holder, c.lead_id, c.with_whom) == (ConversationHolder.lead, lead.id, "Mr Hale")
        assert c.goal == "Agree a date for the reteach plan"
        assert c.opening_words.strip() == "I want to talk about what Tuesday's data showed."
        assert c.reactions.startswith("They may say there was no time")
        assert (c.rehearsed_on, c.rehearsed_with) == (date.today(), "Dev Patel")
        assert c.rehearsal_notes.strip() == "Open with the students, not the plan."
        assert c.held_on == date.today()
        assert c.what_happened.strip() == "He argued, then agreed on Friday."
        assert c.debrief.strip() == "Naming the impact first worked."
        assert stage_of(c, date.today()) is Stage.debriefed
        (item,) = follow_ups(reopened, c.id or 0)
        friday = due_dates.parse_due("fri", date.today())
        assert (item.text, item.owner, item.lead_id) == (
            "Send the agreed dates to the team",
            Author.principal,
            lead.id,
        )
        assert (item.due_on, item.source) == (friday, ActionSource.conversation)

        again = show_main_window(qtbot, reopened)
        keys = DesktopKeys()
        page = go_to_conversations(again, keys)
        assert page.list.count() == 1 and "Debriefed" in page.list.item(0).text()
        assert page.editor.debrief.markdown().strip() == "Naming the impact first worked."
        assert page.editor.with_whom.text() == "Mr Hale"
        assert page.editor.held.isChecked() and page.editor.rehearsed.isChecked()
        assert page.editor.follow_up.items.item(0).text().startswith("Send the agreed dates")
        assert "Debriefed" in page.editor.stage.text()
        again.release()
        again.close()


def test_the_stage_moves_as_the_conversation_is_rehearsed(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez")
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    page = go_to_conversations(window, keys)
    plan_a_conversation(keys, "Ms Ortiz", "")
    assert page.list.item(0).text().startswith("With Ms Ortiz\nPlanned")
    tab_to(keys, lambda w: w is page.editor.rehearsal)
    keys.type("Slower, and ask first.")
    # Leaving the notes saves them; the stage moves on, which Today and the timeline show.
    with qtbot.waitSignal(window.context.changed) as changed:
        keys.tab()
    assert changed.args == [Change(RecordKind.CONVERSATION, lead.id)]
    qtbot.waitUntil(lambda: "Rehearsed" in page.list.item(0).text().split("\n")[1])
    assert page.editor.stage.accessibleDescription() == "Stage: Rehearsed"
    (c,) = conversations(journal)
    assert (c.planned_on, c.rehearsed_on, c.held_on) == (date.today(), None, None)
    assert c.rehearsal_notes.strip() == "Slower, and ask first."
    window.release()
    window.close()


def test_my_own_conversation_has_team_follow_ups_and_can_be_deleted(
    qtbot: QtBot, journal: Journal, journal_path: Path
) -> None:
    add_lead(journal, "Maria Lopez")
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    page = go_to_conversations(window, keys)

    def fill(dialog: NewConversationDialog) -> None:
        keys.press(Key.Key_Down)  # whose: my own
        keys.tab()
        assert QApplication.focusWidget() is dialog.lead
        keys.press(Key.Key_Home)  # no lead
        assert dialog.lead.currentText() == "No lead"
        keys.tab()
        keys.type("The union rep")
        keys.tab()
        keys.type("Clarify release time")
        keys.enter()

    keys.then_in(NewConversationDialog, fill)
    press_button(keys, "New conversation…")
    editor = page.editor
    assert "mine" in page.list.item(0).text()
    assert not editor.follow_up.owner.isEnabled()
    tab_to(keys, lambda w: w is editor.follow_up.text)
    keys.type("Write to the rep")
    keys.enter()
    qtbot.waitUntil(lambda: editor.follow_up.items.count() == 1)
    (c,) = conversations(journal)
    (item,) = follow_ups(journal, c.id or 0)
    assert (c.holder, c.lead_id) == (ConversationHolder.principal, None)
    assert (item.lead_id, item.owner, item.conversation_id) == (None, Author.principal, c.id)

    def confirm(box: QMessageBox) -> None:
        tab_to(keys, lambda w: isinstance(w, QPushButton) and w.text() == "Delete")
        keys.press(Key.Key_Space)

    keys.then_in(QMessageBox, confirm)
    press_button(keys, "Delete this conversation…")
    assert conversations(journal) == []
    assert page.list.count() == 0 and page.stack.currentWidget() is page.empty
    with journal.session() as s:
        kept = s.get(ActionItem, item.id)
        assert kept is not None and kept.text == "Write to the rep"
    window.release()
    window.close()


def test_the_page_fits_a_small_window(qtbot: QtBot, journal: Journal) -> None:
    lead = add_lead(journal, "Dr. Maria Alejandra Lopez-Hernandez")
    cycle = start_cycle(journal, lead.id or 0, goal="Every data meeting ends " * 6)
    c = add_conversation(
        journal,
        ConversationHolder.lead,
        lead_id=lead.id,
        with_whom="The whole seventh-grade mathematics team, and the two co-teachers",
        goal="Agree a date for the reteach plan " * 4,
        cycle_id=cycle.id,
    )
    add_follow_up(journal, c.id or 0, "Send the agreed dates to the team " * 4)
    window = show_main_window(qtbot, journal)
    window.resize(1024, 700)
    page = go_to_conversations(window, DesktopKeys())
    settle()
    editor = page.editor
    assert page.stack.currentWidget() is editor
    # Scrolled down only: a column wider than its view would cut its words at the right.
    assert editor.widget().width() <= editor.viewport().width()
    assert page.list.isVisible() and page.new_button.isVisible()
    window.release()
    window.close()
