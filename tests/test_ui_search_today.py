"""Search, the lead switcher and Today, driven by the keyboard over real encrypted journals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from iltdesk.action_item import add_action_item
from iltdesk.lead import add_lead, set_archived
from iltdesk.one_on_one import add_quick_note
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.navigation.hit_rows import hit_html
from ui.navigation.search_dialog import SearchDialog
from ui.navigation.switcher import QuickSwitcher, filter_leads
from ui.navigation.today_page import TodayPage

MET = date(2027, 3, 12)
TODAY = date.today()


def _lead(journal: Journal, name: str, **fields: object) -> int:
    # On the ILT since today, so Today's "Leads to meet" stays out of these tests.
    lead = add_lead(journal, name, on_ilt_since=TODAY, **fields)
    assert lead.id is not None
    return lead.id


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


def _search(qtbot: QtBot, context: AppContext) -> SearchDialog:
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _notes(journal: Journal) -> tuple[int, int]:
    _lead(journal, "Maya Ortiz", role="Team Lead", team="Grade 6")
    _lead(journal, "Daniel Kim")
    first = add_quick_note(
        journal, "Maya Ortiz", "Planned the <b>exit ticket</b> routine for Friday.", held_on=MET
    )
    second = add_quick_note(
        journal, "Daniel Kim", "Looked at exit tickets from the last unit.", held_on=MET
    )
    assert first.id is not None and second.id is not None
    return first.id, second.id


# -- search ------------------------------------------------------------------------------------


def test_typing_finds_a_word_in_a_one_on_one_note(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    maya_note, _ = _notes(journal)
    dialog = _search(qtbot, context)
    assert dialog.empty.text() == "Type to search your whole journal."
    qtbot.keyClicks(dialog.field, "routine")
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=2000)
    hit = dialog.results_model.hits[0]
    assert (hit.kind, hit.record_id, hit.lead_name) == ("one_on_one", maya_note, "Maya Ortiz")
    assert dialog.results.isVisible()

    dialog.set_query("zebra")
    assert dialog.results_model.rowCount() == 0
    assert dialog.empty.isVisible()
    assert dialog.empty.text().startswith("No matches for “zebra”.")


def test_hit_html_highlights_the_term_and_escapes_what_was_typed(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    _notes(journal)
    dialog = _search(qtbot, context)
    dialog.set_query("routine")
    index = dialog.results_model.index(0, 0)
    html = dialog.results.itemDelegate().html(index, "#777777", False)  # type: ignore[attr-defined]
    assert "1:1</span>" in html and "Maya Ortiz" in html and "12 Mar 2027" in html
    assert "&lt;b&gt;exit ticket&lt;/b&gt;" in html
    assert "<b>exit" not in html
    assert "font-weight:bold'>routine</span>" in html
    marked = hit_html(dialog.results_model.hits[0], highlight="#fff1a8")
    assert "background-color:#fff1a8" in marked


def test_enter_opens_the_selected_hit(qtbot: QtBot, journal: Journal, context: AppContext) -> None:
    maya_note, _ = _notes(journal)
    dialog = _search(qtbot, context)
    dialog.set_query("routine")
    with qtbot.waitSignal(context.open_record, timeout=1000) as opened:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert opened.args == [RecordKind.ONE_ON_ONE, maya_note]
    assert opened.args[0] is RecordKind.ONE_ON_ONE  # the kind itself, not its spelling
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_arrows_in_the_field_move_the_selection(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    _notes(journal)
    dialog = _search(qtbot, context)
    dialog.set_query("exit")
    assert dialog.results_model.rowCount() == 2
    assert dialog.results.currentIndex().row() == 0
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)  # stays on the last hit
    assert dialog.results.currentIndex().row() == 1
    second = dialog.results_model.hits[1]
    with qtbot.waitSignal(context.open_record, timeout=1000) as opened:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Enter)
    assert opened.args == [second.kind, second.record_id]


def test_up_returns_and_escape_closes(qtbot: QtBot, journal: Journal, context: AppContext) -> None:
    _notes(journal)
    dialog = _search(qtbot, context)
    dialog.set_query("exit")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Up)
    assert dialog.results.currentIndex().row() == 0
    assert dialog.field.text() == "exit"  # arrows never reach the text
    with qtbot.assertNotEmitted(context.open_record):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


# -- the lead switcher -------------------------------------------------------------------------


def test_switcher_filters_by_typing_and_enter_opens_the_lead(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    _lead(journal, "Marcus Bell")
    _lead(journal, "Priya Raman", team="Grade 7 Math")
    tom = _lead(journal, "Tom Malley")
    set_archived(journal, tom, True)
    switcher = QuickSwitcher(context)
    qtbot.addWidget(switcher)
    switcher.show()
    everyone = [lead.name for lead in switcher.leads_model.leads]
    assert everyone == ["Marcus Bell", "Maya Ortiz", "Priya Raman", "Tom Malley"]
    assert switcher.leads_model.index(3, 0).data() == "Tom Malley (archived)"

    # Word starts first, archived after active among equals, then "anywhere", then the team.
    assert [lead.name for lead in filter_leads(switcher.leads_model.leads, "MA")] == [
        "Marcus Bell", "Maya Ortiz", "Tom Malley", "Priya Raman",
    ]  # fmt: skip
    qtbot.keyClicks(switcher.field, "ort")
    assert [lead.name for lead in switcher.leads_model.leads] == ["Maya Ortiz"]
    with qtbot.waitSignal(context.open_record, timeout=1000) as opened:
        qtbot.keyClick(switcher.field, Qt.Key.Key_Return)
    assert opened.args == [RecordKind.LEAD, maya]
    assert opened.args[0] is RecordKind.LEAD
    assert switcher.result() == QDialog.DialogCode.Accepted


def test_switcher_says_when_nothing_matches(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    _lead(journal, "Maya Ortiz")
    switcher = QuickSwitcher(context)
    qtbot.addWidget(switcher)
    switcher.show()
    qtbot.keyClicks(switcher.field, "zz")
    assert switcher.empty.isVisible() and switcher.empty.text() == "No lead matches “zz”."
    with qtbot.assertNotEmitted(context.open_record):
        qtbot.keyClick(switcher.field, Qt.Key.Key_Return)


# -- Today -------------------------------------------------------------------------------------


def _today(qtbot: QtBot, context: AppContext) -> TodayPage:
    page = TodayPage(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh(TODAY)
    return page


def test_today_groups_overdue_and_due_this_week(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    late = add_action_item(
        journal, maya, "Share the exit-ticket protocol", due_on=TODAY - timedelta(3)
    )
    soon = add_action_item(journal, maya, "Draft meeting norms", due_on=TODAY + timedelta(2))
    add_action_item(journal, maya, "Plan the spring retreat", due_on=TODAY + timedelta(30))
    page = _today(qtbot, context)
    shown = [
        (section, [(r.title, r.record_id) for r in rows]) for section, rows in page.rows_shown()
    ]
    assert shown == [
        ("Overdue action items", [("Share the exit-ticket protocol", late.id)]),
        ("Due this week", [("Draft meeting norms", soon.id)]),
    ]
    assert page.tree.isVisible() and not page.empty.isVisible()
    assert page.title.text() == "Today"
    assert str(TODAY.year) in page.subtitle.text()

    # Another page adds something: Today follows without being asked.
    add_action_item(journal, maya, "Book a co-observation", due_on=TODAY - timedelta(1))
    context.announce(RecordKind.ACTION_ITEM, maya)
    assert len(page.rows_shown()[0][1]) == 2


def test_today_is_calm_when_nothing_is_due(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    _lead(journal, "Maya Ortiz")  # without any lead, Today welcomes instead
    page = _today(qtbot, context)
    assert page.rows_shown() == []
    assert page.empty.isVisible()
    assert page.empty.text() == "Nothing needs you today."


def test_activating_a_today_row_opens_its_record(
    qtbot: QtBot, journal: Journal, context: AppContext
) -> None:
    maya = _lead(journal, "Maya Ortiz")
    late = add_action_item(journal, maya, "Share the protocol", due_on=TODAY - timedelta(2))
    page = _today(qtbot, context)
    heading = page.tree.topLevelItem(0)
    assert heading is not None
    item = heading.child(0)
    assert item is not None
    assert page.tree.currentItem() is item  # Enter opens the most urgent row straight away
    with qtbot.waitSignal(context.open_record, timeout=1000) as opened:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened.args == [RecordKind.ACTION_ITEM, late.id]
    assert opened.args[0] is RecordKind.ACTION_ITEM

    centre = page.tree.visualItemRect(item).center()
    with qtbot.waitSignal(context.open_record, timeout=1000) as opened:
        # A real double click starts with a press; Qt opens only what that press was on.
        qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [RecordKind.ACTION_ITEM, late.id]
    assert opened.args[0] is RecordKind.ACTION_ITEM

    page.tree.setCurrentItem(heading)
    with qtbot.assertNotEmitted(context.open_record):
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
