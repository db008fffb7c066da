"""A journey through the ILT-as-a-team pages, from the unlock dialog, by keys only.

Unlock; Ctrl+Shift+M makes an ILT meeting; Ctrl+6 puts the cursor in its Decisions part and
notes go in; Ben is ticked away in the attendance; Maya's agenda item goes on; Ctrl+Shift+I
starts a team action item that Ben and Maya own together. Alt+G then E: a teacher team run
by Maya, something tracked about it and a reading. Alt+G then D: a difficult conversation
planned for Maya. Ctrl+Q quits. A fresh process then opens the journal and finds every
record, as the next launch would; search finds them by their words and Today lists the
conversation coming up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.models import MeetingPart
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.keys import (
    DesktopKeys,
    Key,
    Keys,
    Mod,
    focused,
    press_button,
    settle,
    tab_to,
    wait_for_active,
)
from ui.kit.pages import ReflectPage
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow
from ui.team.conversations.new_dialog import NewConversationDialog
from ui.team.conversations.page import ConversationsPage
from ui.team.meetings.page import MeetingsPage
from ui.team.teacher_teams.dialogs import DataPointDialog, NewTeamDialog, ReadingDialog
from ui.team.teacher_teams.page import TeacherTeamsPage

pytestmark = pytest.mark.usefixtures("app_look")

DECISION = "Common exit ticket in every grade from November"
AGENDA = "Lunch duty rota for the spring term"
TEAM_ITEM = "Bring one piece of student work each"
TEAM = "Grade 6 team"
TRACKED = "Left the data meeting with a reteach plan"
WITH_WHOM = "Mr Hale"
GOAL = "Agree a date for the reteach plan"

# Run in a fresh Python: everything the journey saved, as the journal holds it.
READ_BACK = """
import json, os, sys
from datetime import date, timedelta
from pathlib import Path
from iltdesk import (
    conversation,
    ilt_meeting,
    meeting_members,
    team_action,
    teacher_team,
    teacher_team_data,
)
from iltdesk.store.journal import Journal
from iltdesk.today import today_rows
with Journal.open(Path(sys.argv[1]), os.environ["ILTDESK_PASSPHRASE"], read_only=True) as j:
    [m] = ilt_meeting.meetings(j)
    mid = m.id
    [item] = team_action.team_items(j, meeting_id=mid)
    [team] = teacher_team.list_teams(j)
    [series] = teacher_team_data.team_series(j, team.id)
    [talk] = conversation.conversations(j)
    print(json.dumps({
        "held_on": str(m.held_on),
        "notes": {s.part.value: s.notes for s in ilt_meeting.sections(j, mid)},
        "present": {lead.name: here for lead, here in meeting_members.attendance(j, mid)},
        "agenda": [(a.text, a.added_by_lead_id) for a in meeting_members.agenda_items(j, mid)],
        "item": [item.text, item.owner.value, item.lead_id, item.source.value, str(item.due_on)],
        "item_owners": sorted(team_action.owners_of(j, [item.id])[item.id]),
        "team": [team.name, [lead.name for lead in teacher_team.leads_of(j, team.id)]],
        "tracked": [series.point.name, [(str(v.measured_on), v.value) for v in series.values]],
        "talk": [talk.holder.value, talk.lead_id, talk.with_whom, talk.goal, str(talk.held_on)],
        "leads": {lead.name: lead.id for lead, _ in meeting_members.attendance(j, mid)},
        "today": [[r.section, r.title] for r in today_rows(j)],
    }))
"""


def _go(keys: Keys, window: MainWindow, letter: str, page: ReflectPage) -> None:
    """Alt+G opens the Go menu; one letter picks the page."""
    keys.shortcut("Alt+G")
    keys.type(letter)
    settle()
    assert window.pages.currentWidget() is window.reflect.pages[page]


def _tick(keys: Keys, names: list[str]) -> None:
    """In a list of names with check boxes: from the top, Space on each named row."""
    listing = focused()
    keys.press(Key.Key_Home)
    for _row in range(listing.count()):  # type: ignore[attr-defined]
        if listing.currentItem().text() in names:  # type: ignore[attr-defined]
            keys.press(Key.Key_Space)
        keys.press(Key.Key_Down)


def _meeting_by_keys(qtbot: QtBot, keys: Keys, window: MainWindow) -> None:
    keys.shortcut("Ctrl+Shift+M")
    page = window.reflect.pages[ReflectPage.ILT_MEETINGS]
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: page.editor.meeting is not None)
    editor = page.editor
    decisions = next(c for c in editor.cards if c.section.part is MeetingPart.decisions)
    keys.shortcut(f"Ctrl+{editor.cards.index(decisions) + 1}")
    assert focused() is decisions.notes
    keys.type(DECISION)

    tab_to(keys, lambda w: w is editor.attendance)
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Space)  # Ben (first by name) was away

    assert editor.agenda is not None
    tab_to(keys, lambda w: w is editor.agenda.text)  # type: ignore[union-attr]
    keys.type(AGENDA)
    keys.tab()  # who added it: the first member, Ben
    keys.press(Key.Key_Down)  # Maya did
    keys.press(Key.Key_Tab, Mod.ShiftModifier)
    keys.enter()
    qtbot.waitUntil(lambda: editor.agenda.items.topLevelItemCount() == 1)  # type: ignore[union-attr]

    keys.shortcut("Ctrl+Shift+I")
    assert editor.team_items is not None and focused() is editor.team_items.text
    keys.type(TEAM_ITEM)
    keys.tab()
    assert focused() is editor.team_items.owners
    _tick(keys, ["Ben Adler", "Maya Ortiz"])
    keys.tab()
    assert focused() is editor.team_items.due  # a week from today, as a next step is
    keys.press(Key.Key_Down, times=2)  # two days sooner: due this week
    tab_to(keys, lambda w: w is editor.team_items.text)  # type: ignore[union-attr]
    keys.enter()
    qtbot.waitUntil(lambda: editor.team_items.tree.topLevelItemCount() == 1)  # type: ignore[union-attr]


def _teacher_team_by_keys(qtbot: QtBot, keys: Keys, window: MainWindow) -> None:
    _go(keys, window, "e", ReflectPage.TEACHER_TEAMS)
    page = window.reflect.pages[ReflectPage.TEACHER_TEAMS]
    assert isinstance(page, TeacherTeamsPage)

    def new_team(dialog: NewTeamDialog) -> None:
        assert focused() is dialog.name
        keys.type(TEAM)
        tab_to(keys, lambda w: w is dialog.leads)
        _tick(keys, ["Maya Ortiz"])
        press_button(keys, "Add the team")

    added = keys.then_in(NewTeamDialog, new_team)
    press_button(keys, "New team…")
    qtbot.waitUntil(lambda: bool(added) and not added[0].isVisible())
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)

    def track(_dialog: DataPointDialog) -> None:
        keys.type(TRACKED)
        keys.tab()
        keys.type("of 5")
        keys.enter()

    tracked = keys.then_in(DataPointDialog, track)
    keys.press(Key.Key_Space)  # the new team's page has the focus on "Track something new…"
    qtbot.waitUntil(lambda: bool(tracked) and bool(page.view.data.blocks))

    def reading(dialog: ReadingDialog) -> None:
        assert focused() is dialog.value
        keys.type("3")
        press_button(keys, "Add the reading")

    read = keys.then_in(ReadingDialog, reading)
    keys.press(Key.Key_Space)  # the focus is on the data point's "Add a reading…"
    qtbot.waitUntil(lambda: bool(read) and not read[0].isVisible())


def _conversation_by_keys(qtbot: QtBot, keys: Keys, window: MainWindow) -> None:
    _go(keys, window, "d", ReflectPage.CONVERSATIONS)
    page = window.reflect.pages[ReflectPage.CONVERSATIONS]
    assert isinstance(page, ConversationsPage)

    def plan(dialog: NewConversationDialog) -> None:
        assert dialog.whose.currentText().startswith("A lead's")
        tab_to(keys, lambda w: w is dialog.lead)
        while dialog.lead.currentText() != "Maya Ortiz":
            keys.press(Key.Key_Down)
        tab_to(keys, lambda w: w is dialog.with_whom)
        keys.type(WITH_WHOM)
        keys.tab()
        assert QApplication.focusWidget() is dialog.goal
        keys.type(GOAL)
        keys.enter()  # starts planning

    planned = keys.then_in(NewConversationDialog, plan)
    press_button(keys, "New conversation…")
    qtbot.waitUntil(lambda: bool(planned) and not planned[0].isVisible())
    qtbot.waitUntil(lambda: page.list.count() == 1)
    tab_to(keys, lambda w: w is page.editor.held)
    keys.press(Key.Key_Space)  # set for today: Today lists it as coming up


def _read_back(path: Path) -> dict[str, object]:
    read = subprocess.run(
        [sys.executable, "-c", READ_BACK, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert read.returncode == 0, read.stderr
    found: dict[str, object] = json.loads(read.stdout)
    return found


def test_unlock_then_a_meeting_a_teacher_team_and_a_conversation_by_keys_read_back(
    qtbot: QtBot, controller: AppController, journal_path: Path
) -> None:
    journal = Journal.create(journal_path, PASSPHRASE, school="Riverside Middle")
    for name in ("Maya Ortiz", "Ben Adler"):
        add_lead(journal, name)
    journal.close()
    keys = DesktopKeys()
    keys.unlock_with(PASSPHRASE)
    controller.start(journal_path)
    window = wait_for_active(MainWindow)
    window.resize(1024, 700)

    _meeting_by_keys(qtbot, keys, window)
    _teacher_team_by_keys(qtbot, keys, window)
    _conversation_by_keys(qtbot, keys, window)
    keys.shortcut("Ctrl+Q")
    assert not window.isVisible()
    controller.close_journal(True)  # what quitting the application then does

    saved = _read_back(journal_path)
    leads = saved["leads"]
    assert isinstance(leads, dict)
    maya, ben = leads["Maya Ortiz"], leads["Ben Adler"]
    assert saved["held_on"] == date.today().isoformat()
    notes = saved["notes"]
    assert isinstance(notes, dict) and notes[MeetingPart.decisions.value].strip() == DECISION
    assert saved["present"] == {"Ben Adler": False, "Maya Ortiz": True}
    assert saved["agenda"] == [[AGENDA, maya]]
    due = (date.today() + timedelta(days=5)).isoformat()
    assert saved["item"] == [TEAM_ITEM, "lead", None, "meeting", due]  # members own it
    assert saved["item_owners"] == sorted([maya, ben])
    assert saved["team"] == [TEAM, ["Maya Ortiz"]]
    assert saved["tracked"] == [TRACKED, [[date.today().isoformat(), 3.0]]]
    assert saved["talk"] == ["lead", maya, WITH_WHOM, GOAL, date.today().isoformat()]  # held
    assert saved["today"] == [  # today's first, then by date
        ["Conversations coming up", f"Conversation with {WITH_WHOM}"],
        ["Due this week", TEAM_ITEM],
    ]

    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    for words, kind in (
        ("exit ticket", "meeting_section"),
        ("lunch duty", "meeting_agenda_item"),
        ("student work", "action_item"),
        ("Grade 6", "teacher_team"),
        ("reteach plan", "conversation"),
    ):
        found = run_cli("search", "--json", str(journal_path), words, env=env)
        assert found.returncode == 0, found.stderr
        assert kind in [h["kind"] for h in json.loads(found.stdout)], (words, found.stdout)
