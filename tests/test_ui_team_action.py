"""Team action items by keys: added in a meeting's list with two owners, carried into the next
meeting, changed in the edit dialog, ticked done; refused without an owner."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from iltdesk.due import next_step_due
from iltdesk.lead import add_lead
from iltdesk.models import ActionSource, Author, IltMeeting
from iltdesk.store.journal import Journal
from iltdesk.team_action import owners_of, team_items
from tests.keys import DesktopKeys, Key, Keys, focused, tab_to, wait_for_active
from ui.kit.context import AppContext
from ui.team.action_item_parts import TeamItemDialog
from ui.team.action_items import TeamItemsView

pytestmark = pytest.mark.usefixtures("app_look")

TODAY = date.today()


def _meeting(journal: Journal, held_on: date) -> int:
    with journal.write() as s:
        meeting = IltMeeting(held_on=held_on, title="ILT")
        s.add(meeting)
        s.flush()
        assert meeting.id is not None
        return meeting.id


def host(qtbot: QtBot, journal: Journal, meeting_id: int | None) -> TeamItemsView:
    view = TeamItemsView(AppContext(journal), meeting_id)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: wait_for_active(TeamItemsView) is view)
    return view


def tick_owners(keys: Keys, owners: QListWidget, names: list[str]) -> None:
    """Arrow through the owners list, pressing Space on each named row."""
    keys.press(Key.Key_Home)
    for _row in range(owners.count()):
        if owners.currentItem().text() in names:
            keys.press(Key.Key_Space)
        keys.press(Key.Key_Down)


def test_a_team_item_with_two_owners_is_added_by_keys_and_carried_on(
    qtbot: QtBot, journal: Journal
) -> None:
    ana, ben = add_lead(journal, "Ana Ruiz").id, add_lead(journal, "Ben Lee").id
    add_lead(journal, "Cleo Park")
    day = TODAY - timedelta(days=2)
    meeting = _meeting(journal, day)
    view = host(qtbot, journal, meeting)
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is view.text)
    keys.type("Bring one piece of student work")
    keys.tab()
    assert focused() is view.owners
    tick_owners(keys, view.owners, ["Ana Ruiz", "Ben Lee"])
    tab_to(keys, lambda w: w is view.text)
    keys.enter()
    [item] = team_items(journal, meeting_id=meeting)
    assert (item.text, item.owner, item.lead_id) == ("Bring one piece of student work",
                                                     Author.lead, None)  # fmt: skip
    assert (item.due_on, item.source) == (next_step_due(day), ActionSource.meeting)
    assert sorted(owners_of(journal, [item.id or 0])[item.id or 0]) == sorted([ana, ben])
    row = view.tree.topLevelItem(0)
    assert row is not None and row.text(2) == "Ana Ruiz and Ben Lee"
    assert row.text(4) == "This meeting"
    assert view.text.text() == "" and view.owners.chosen() == ([], False)

    # The next meeting shows it carried in, marked so; Enter changes its owners.
    later = host(qtbot, journal, _meeting(journal, TODAY))
    row = later.tree.topLevelItem(0)
    assert row is not None and row.text(4).startswith("Carried from")
    tab_to(keys, lambda w: w is later.tree)

    def edit(dialog: TeamItemDialog) -> None:
        tab_to(keys, lambda w: w is dialog.owners)
        tick_owners(keys, dialog.owners, ["You (the principal)", "Ben Lee"])
        keys.enter()

    keys.then_in(TeamItemDialog, edit)
    keys.enter()
    qtbot.waitUntil(lambda: owners_of(journal, [item.id or 0])[item.id or 0] == [ana])
    [changed] = team_items(journal)
    assert changed.owner == Author.both
    tab_to(keys, lambda w: w is later.tree)
    keys.press(Key.Key_Space)
    assert team_items(journal, open_only=True) == []
    done_row = later.tree.topLevelItem(0)
    assert done_row is not None and done_row.text(0) == "✓"  # stays in place until a reload


def test_an_item_without_an_owner_is_refused_and_its_words_stay(
    qtbot: QtBot, journal: Journal
) -> None:
    add_lead(journal, "Ana Ruiz")
    view = host(qtbot, journal, None)
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is view.text)
    keys.type("Plan the spring retreat")
    keys.enter()
    assert team_items(journal) == []
    assert view.text.text() == "Plan the spring retreat"
    keys.tab()
    keys.press(Key.Key_Space)  # the principal, first in the list
    tab_to(keys, lambda w: w is view.text)
    keys.enter()
    [item] = team_items(journal)
    assert (item.owner, item.meeting_id, item.source) == (Author.principal, None,
                                                          ActionSource.manual)  # fmt: skip
    assert view.tree.topLevelItemCount() == 1


def test_the_whole_ilts_list_hides_done_items_until_asked(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.action_item import set_done
    from iltdesk.team_action import add_team_item

    add_team_item(journal, "Still to do", principal=True)
    done = add_team_item(journal, "Already done", principal=True)
    set_done(journal, done.id or 0, True)
    view = host(qtbot, journal, None)
    assert [view.tree.topLevelItem(0).text(1)] == ["Still to do"]  # type: ignore[union-attr]
    assert view.tree.topLevelItemCount() == 1
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is view.show_done)
    keys.press(Key.Key_Space)
    assert view.tree.topLevelItemCount() == 2
