"""The team's charter beside a 1:1: the qualities it co-built, the commitments and the norms,
read from the charter in force, folded away and back by keys, and following a revision."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from iltdesk.charter import revise_charter
from iltdesk.lead import add_lead
from iltdesk.one_on_one import start_one_on_one
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from tests.keys import Key, Keys, focused, wait_for_active
from ui.kit.context import AppContext
from ui.lead.one_on_ones.charter_panel import NOTHING_ON_THIS, NOTHING_YET
from ui.lead.one_on_ones.editor import OneOnOneEditor

DAY = date.today() - timedelta(days=60)


def _editor(qtbot: QtBot, journal: Journal) -> OneOnOneEditor:
    lead = add_lead(journal, "Priya Natarajan", on_ilt_since=DAY).id or 0
    editor = OneOnOneEditor(AppContext(journal))
    qtbot.addWidget(editor)
    editor.resize(1100, 800)
    editor.show()
    editor.load(start_one_on_one(journal, lead))
    editor.activateWindow()
    wait_for_active(OneOnOneEditor)
    return editor


def test_the_qualities_commitments_and_norms_sit_beside_the_notes(
    qtbot: QtBot, journal: Journal
) -> None:
    editor = _editor(qtbot, journal)
    panel = editor.charter
    assert panel.plain_text() == NOTHING_YET

    revise_charter(journal, made_on=DAY, purpose="Grow readers")
    editor.context.announce(RecordKind.CHARTER)  # as the charter page does when it saves
    assert panel.plain_text() == NOTHING_ON_THIS

    revise_charter(
        journal,
        why="Co-built at the October retreat",
        made_on=DAY + timedelta(1),
        lead_qualities="- Brings **team data** to every meeting",
        coach_qualities="Asks before telling",
        commitments="Each of us brings one artifact a month",
        norms="Start on time",
    )
    editor.context.announce(RecordKind.CHARTER)
    text = panel.plain_text()
    assert "What a strong Senior/Team Lead does" in text and "Brings team data" in text
    assert "**" not in text  # read as Markdown, not shown as typed
    assert "What an effective coach does\nAsks before telling" in text
    assert "What an effective team does" not in text  # nothing written there: not shown
    order = [text.index(t) for t in ("Senior/Team Lead", "coach", "commitments", "Norms")]
    assert order == sorted(order)
    assert "Grow readers" not in text  # the purpose lives on the charter page

    # Tab from the notes reaches the panel's heading; Space folds it away and back.
    editor.notes.setFocus()
    keys = Keys()
    keys.tab()
    assert focused() is panel.toggle
    assert panel.body.isVisible()
    keys.press(Key.Key_Space)
    assert not panel.body.isVisible()
    keys.press(Key.Key_Space)
    assert panel.body.isVisible()
