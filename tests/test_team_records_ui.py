"""A lead's timeline tab shows their team work under a few filters, and Enter opens an entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QListView, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.timeline import CONVERSATIONS, KINDS, LEARNING, TEAM
from tests.keys import Key, Keys, tab_to, wait_for_active
from tests.test_team_records import _team_records
from ui.kit.context import AppContext
from ui.lead.timeline import TimelineView


def _box(label: str) -> Callable[[QWidget], bool]:
    def is_it(widget: QWidget) -> bool:
        return isinstance(widget, QCheckBox) and widget.text() == label

    return is_it


def test_team_filters_are_one_box_each_and_enter_opens_the_entry(
    qtbot: QtBot, journal: Journal
) -> None:
    team = _team_records(journal)
    context = AppContext(journal)
    view = TimelineView(context)
    qtbot.addWidget(view)
    view.show_lead(team.rosa)
    view.show()
    view.activateWindow()
    wait_for_active(TimelineView)
    keys = Keys()

    labels = [box.text() for box in view.findChildren(QCheckBox)]
    assert labels == list(dict.fromkeys(KINDS.values()))  # one box per filter name
    assert {TEAM, CONVERSATIONS, LEARNING} <= set(labels)
    shown = {e.kind for e in view.model.entries}
    assert RecordKind.ILT_MEETING in shown and RecordKind.LEAD_COACH in shown

    # Space on the Team box hides every team kind at once, and only those.
    tab_to(keys, _box(TEAM))
    keys.press(Key.Key_Space)
    team_kinds = {kind for kind, name in KINDS.items() if name == TEAM}
    assert not {e.kind for e in view.model.entries} & team_kinds
    assert RecordKind.CONVERSATION in {e.kind for e in view.model.entries}
    keys.press(Key.Key_Space)
    assert {e.kind for e in view.model.entries} == shown

    # Enter on the newest entry (the gathering Rosa led) asks the shell to open it.
    tab_to(keys, lambda w: isinstance(w, QListView))
    keys.press(Key.Key_Home)
    with qtbot.waitSignal(context.open_record) as opened:
        keys.enter()
    assert opened.args == [RecordKind.LEARNING_EVENT, team.event]
