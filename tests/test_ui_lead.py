"""A lead's page in the main window: writing a 1:1, follow-ups, search hits, archive, growth."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import action_item, growth
from iltdesk.lead import add_lead, get_lead, lead_summaries
from iltdesk.models import ActionSource, Author, TraitKind
from iltdesk.one_on_one import (
    add_agenda_item,
    add_next_step,
    get_one_on_one,
    next_steps,
    start_one_on_one,
)
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from ui.kit.context import AppContext
from ui.kit.markdown_edit import MarkdownEdit
from ui.kit.roles import RECORD_ID
from ui.lead.lead_dialog import LeadDialog
from ui.lead.page import ACTION_ITEMS, ONE_ON_ONES, OVERVIEW
from ui.lead.trait_dialog import TraitDialog
from ui.navigation.leads_sidebar import LEAD_ID, LeadsSidebar
from ui.shell.main_window import MainWindow

TODAY = date.today()
OpenWindow = Callable[[], MainWindow]


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes answer Cancel at once (a blocked test would hang the run)."""
    shown: list[str] = []

    def box(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        shown.append(title)
        return QMessageBox.StandardButton.Cancel

    for kind in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box)
    yield shown


@pytest.fixture
def open_window(qtbot: QtBot, journal: Journal) -> OpenWindow:
    """Open the main window on the journal as it is now (after the test's setup)."""

    def open_it() -> MainWindow:
        win = MainWindow(AppContext(journal))
        qtbot.addWidget(win)  # closed (flushing and releasing) before the journal closes
        win.show()
        return win

    return open_it


def _lead(journal: Journal, name: str) -> int:
    return add_lead(journal, name, on_ilt_since=TODAY).id or 0


def _notes(journal: Journal, meeting_id: int | None) -> str:
    return get_one_on_one(journal, meeting_id or 0).notes


def _sidebar_groups(sidebar: LeadsSidebar) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for row in range(sidebar.model.rowCount()):
        group = sidebar.model.item(row)
        name = group.text().split()[0]
        groups[name] = [group.child(r).text() for r in range(group.rowCount())]
    return groups


def _type_at_end(qtbot: QtBot, editor: MarkdownEdit, *lines: str) -> None:
    """Type each line on a new line after what is there (the template's last heading)."""
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for line in lines:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


# -- writing a 1:1 -----------------------------------------------------------------------------


def test_add_a_lead_write_a_one_on_one_and_find_it_after_reopening(
    qtbot: QtBot, open_window: OpenWindow, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_save(self: LeadDialog) -> int:
        qtbot.keyClicks(self.name, "Maya Ortiz")
        qtbot.keyClicks(self.role, "Team Lead")
        qtbot.keyClicks(self.team, "Grade 6")
        self.cadence.setValue(7)
        self.save()
        return self.result()

    monkeypatch.setattr(LeadDialog, "exec", fill_and_save)
    window = open_window()
    window.add_lead()
    [summary] = lead_summaries(journal)
    assert (summary.name, summary.role, summary.team) == ("Maya Ortiz", "Team Lead", "Grade 6")
    assert get_lead(journal, summary.id).cadence_days == 7
    assert _sidebar_groups(window.sidebar)["LEADS"] == ["Maya Ortiz"]
    assert window.sidebar.current_lead_id() == summary.id
    assert window.pages.currentWidget() is window.lead_page
    assert "meets every 7 days" in window.lead_page.details.text()

    window.lead_page.new_one_on_one()  # Ctrl+N: the 1:1s tab, with a new 1:1 open
    meeting = window.lead_page.one_on_ones.current()
    assert meeting is not None and meeting.held_on == TODAY
    notes = window.lead_page.one_on_ones.editor.notes
    assert notes.markdown().startswith("## Goals revisited\n")
    assert "## Release time" in notes.markdown()

    window.save_state.setText("")  # so that only a save can put the words back
    _type_at_end(qtbot, notes, "Agreed on **bold** goals", "- item")
    qtbot.waitUntil(lambda: "- item" in _notes(journal, meeting.id), timeout=2000)
    assert window.save_state.text() == "All changes saved"
    row = window.lead_page.one_on_ones.model.index(0).data()
    assert "Agreed on bold goals" in row  # the timeline shows the saved first line

    assert window.close()
    journal.close()
    with Journal.open(journal.path, PASSPHRASE) as reopened:
        saved = get_one_on_one(reopened, meeting.id or 0).notes
    assert "## Goals revisited" in saved
    assert "Agreed on **bold** goals\n" in saved
    assert "\n- item\n" in saved


def test_a_lead_needs_a_name(qtbot: QtBot, journal: Journal) -> None:
    dialog = LeadDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.role, "Team Lead")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and "needs a name" in dialog.error.text()
    assert lead_summaries(journal) == []


# -- carrying action items forward -------------------------------------------------------------


def test_a_new_one_on_one_follows_up_open_items_and_records_next_steps(
    qtbot: QtBot, open_window: OpenWindow, journal: Journal
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    earlier = start_one_on_one(journal, maya, held_on=TODAY - timedelta(14))
    due = TODAY + timedelta(3)
    still_open = add_next_step(
        journal, earlier, "Share the protocol", owner=Author.lead, due_on=due
    )
    done = add_next_step(journal, earlier, "Book the room", owner=Author.principal, due_on=due)
    action_item.set_done(journal, done.id or 0, True)

    window = open_window()
    window.sidebar.select_lead(maya)
    window.lead_page.tabs.setCurrentIndex(ACTION_ITEMS)  # seen once, then kept up to date
    window.lead_page.new_one_on_one()
    editor = window.lead_page.one_on_ones.editor
    assert editor.meeting is not None and editor.meeting.id != earlier.id
    rows = [editor.follow_ups.item(r) for r in range(editor.follow_ups.count())]
    assert [item.data(RECORD_ID) for item in rows] == [still_open.id]
    assert rows[0].text().startswith("Share the protocol  (lead, due ")

    rows[0].setCheckState(Qt.CheckState.Checked)
    [ticked] = [i for i in action_item.action_items_for(journal, maya) if i.id == still_open.id]
    assert ticked.done_on == TODAY

    qtbot.keyClicks(editor.step_text, "Observe the grade 6 data meeting")
    editor.step_owner.setCurrentIndex(1)  # "Me"
    editor._add_step()
    [step] = next_steps(journal, editor.meeting.id or 0)
    assert step.text == "Observe the grade 6 data meeting"
    assert (step.source, step.owner) == (ActionSource.one_on_one, Author.principal)
    assert step.due_on == TODAY + timedelta(7)
    assert editor.step_text.text() == ""
    assert [editor.steps.item(r).data(RECORD_ID) for r in range(editor.steps.count())] == [step.id]
    shown = [i.id for i in window.lead_page.action_items.model.items]
    assert step.id in shown  # the Action items tab heard about it


# -- opening search hits -----------------------------------------------------------------------


def test_open_record_shows_the_right_lead_tab_and_row(
    open_window: OpenWindow, journal: Journal
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    daniel = _lead(journal, "Daniel Kim")
    older = start_one_on_one(journal, maya, held_on=TODAY - timedelta(14)).id or 0
    start_one_on_one(journal, maya, held_on=TODAY - timedelta(7))
    agenda = add_agenda_item(journal, older, "Release time plan").id or 0
    action_item.add_action_item(journal, daniel, "Draft norms", due_on=TODAY)
    second = action_item.add_action_item(journal, daniel, "Plan the retreat").id or 0
    finished = action_item.add_action_item(journal, daniel, "Order books").id or 0
    action_item.set_done(journal, finished, True)
    window = open_window()
    page = window.lead_page
    assert window.pages.currentWidget() is window.today

    def selected_item() -> int | None:
        rows = page.action_items.table.selectionModel().selectedRows()
        return page.action_items.model.items[rows[0].row()].id if len(rows) == 1 else None

    def meeting_id() -> int | None:
        meeting = page.one_on_ones.current()
        return meeting.id if meeting else None

    window.context.open_record.emit("one_on_one", older)
    assert window.pages.currentWidget() is page
    assert (page.lead and page.lead.id, window.sidebar.current_lead_id()) == (maya, maya)
    assert (page.tabs.currentIndex(), meeting_id()) == (ONE_ON_ONES, older)

    window.context.open_record.emit("action_item", second)
    assert (page.lead and page.lead.id, window.sidebar.current_lead_id()) == (daniel, daniel)
    assert (page.tabs.currentIndex(), selected_item()) == (ACTION_ITEMS, second)
    page.action_items.show_done.setChecked(False)
    window.context.open_record.emit("action_item", finished)  # hidden done items come back
    assert page.action_items.show_done.isChecked() and selected_item() == finished

    window.context.open_record.emit("agenda_item", agenda)
    assert (page.lead and page.lead.id, page.tabs.currentIndex()) == (maya, ONE_ON_ONES)
    assert meeting_id() == older

    window.context.open_record.emit("lead", daniel)
    assert (page.lead and page.lead.id, page.tabs.currentIndex()) == (daniel, OVERVIEW)


# -- the lead page -----------------------------------------------------------------------------


def test_archive_moves_the_lead_to_the_archived_group_and_back(
    open_window: OpenWindow, journal: Journal
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    _lead(journal, "Daniel Kim")
    window = open_window()
    window.sidebar.select_lead(maya)
    page = window.lead_page
    assert _sidebar_groups(window.sidebar)["LEADS"] == ["Daniel Kim", "Maya Ortiz"]

    page.toggle_archived()
    assert get_lead(journal, maya).archived_on == TODAY
    groups = _sidebar_groups(window.sidebar)
    assert (groups["LEADS"], groups["ARCHIVED"]) == (["Daniel Kim"], ["Maya Ortiz"])
    assert window.sidebar.current_lead_id() == maya  # still selected, archive unfolded
    assert page.archive_button.text() == "Bring back" and "(archived)" in page.name.text()

    page.toggle_archived()
    assert get_lead(journal, maya).archived_on is None
    groups = _sidebar_groups(window.sidebar)
    assert groups["LEADS"] == ["Daniel Kim", "Maya Ortiz"] and "ARCHIVED" not in groups
    assert page.archive_button.text() == "Archive"
    assert window.sidebar.model.item(1).child(1).data(LEAD_ID) == maya


def test_strengths_are_added_and_resolved_and_energy_is_recorded(
    qtbot: QtBot, open_window: OpenWindow, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    window = open_window()
    window.sidebar.select_lead(maya)
    overview = window.lead_page.overview

    def fill_and_save(self: TraitDialog) -> int:
        qtbot.keyClicks(self.title, "Runs data meetings that end in decisions")
        qtbot.keyClicks(self.evidence, "Seen on **12 March**")
        self.save()
        return self.result()

    monkeypatch.setattr(TraitDialog, "exec", fill_and_save)
    overview.strengths.add()
    [trait] = growth.traits_for(journal, maya)
    assert trait.kind is TraitKind.strength
    assert trait.title == "Runs data meetings that end in decisions"
    assert "**12 March**" in trait.evidence
    assert overview.strengths.list.count() == 1 and overview.growth_areas.list.count() == 0

    overview.strengths.list.setCurrentRow(0)
    assert overview.strengths.resolve_button.text() == "Mark resolved"
    overview.strengths.toggle_resolved()
    assert growth.traits_for(journal, maya)[0].resolved_on == TODAY
    overview.strengths.list.setCurrentRow(0)
    assert overview.strengths.resolve_button.text() == "Reopen"

    assert "Record how" in overview.energy_summary.text()
    overview.energy_form.recorded.emit(2, "tired")
    [check] = growth.energy_checks_for(journal, maya)
    assert (check.level, check.note) == (2, "tired")
    assert "2 of 5" in overview.energy_summary.text()
    assert "tired" in overview.energy_summary.text()


def test_the_1_1_list_shows_a_notes_first_line_as_it_reads(qapp: object) -> None:
    from iltdesk.models import OneOnOne
    from ui.lead.one_on_ones.list_model import OneOnOneListModel

    model = OneOnOneListModel()
    notes = "## Check-in\n\n- **Energy**: a *busy* week with [parents](https://x.org)"
    model.set_meetings([OneOnOne(id=1, lead_id=1, held_on=date(2027, 3, 12), notes=notes)])
    shown = str(model.data(model.index(0), Qt.ItemDataRole.DisplayRole))
    assert shown.split("\n")[1] == "Energy: a busy week with parents"
    assert model.data(model.index(0), Qt.ItemDataRole.ToolTipRole) == (
        "Energy: a busy week with parents"
    )
