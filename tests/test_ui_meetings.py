"""ILT meetings in the app, driven by keys from the main window: Ctrl+Shift+M makes a meeting
from the template; notes typed into its parts, attendance ticked, a member's agenda item and a
plus/delta survive Escape, switching meetings and a reopened journal."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from iltdesk import ilt_meeting as im
from iltdesk import meeting_members as members
from iltdesk import meeting_template as mt
from iltdesk.charter import revise_charter
from iltdesk.lead import add_lead, set_archived
from iltdesk.models import ActionItem, MeetingPart
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from iltdesk.team_action import add_team_item
from tests.conftest import PASSPHRASE
from tests.keys import DesktopKeys, Key, Mod, focused, settle, show_main_window, tab_to
from ui.kit.pages import ReflectPage
from ui.reflect.charter.page import CharterPage
from ui.shell.main_window import MainWindow
from ui.team.meetings.editor import MeetingEditor
from ui.team.meetings.page import MeetingsPage
from ui.team.meetings.template_dialog import TemplateDialog

pytestmark = pytest.mark.usefixtures("app_look")

LAST_TIME = date.today() - timedelta(days=14)


def _page(window: MainWindow) -> MeetingsPage:
    page = window.reflect.pages[ReflectPage.ILT_MEETINGS]
    assert isinstance(page, MeetingsPage)
    return page


def _card(editor: MeetingEditor, part: MeetingPart) -> QWidget:
    return next(c.notes for c in editor.cards if c.section.part is part)


def _last_meeting(journal: Journal) -> int:
    """A meeting two weeks ago, with a plus/delta and an item it did not reach."""
    add_lead(journal, "Maya Ortiz")
    add_lead(journal, "Ben Adler")
    revise_charter(journal, purpose="Every student reads on grade level by grade 3.")
    earlier = im.new_meeting(journal, LAST_TIME)
    im.add_plus_delta(journal, earlier.id or 0, "Student work first", "Ran long")
    members.add_agenda_item(journal, earlier.id or 0, "Lunch duty rota")
    return earlier.id or 0


def test_a_meeting_made_and_filled_by_keys_is_all_kept(
    qtbot: QtBot, journal: Journal, journal_path: Path
) -> None:
    earlier = _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    window.resize(1024, 700)
    keys = DesktopKeys()
    keys.shortcut("Ctrl+Shift+M")
    page = _page(window)
    qtbot.waitUntil(lambda: page.editor.meeting is not None and page.editor.meeting.id != earlier)
    editor = page.editor
    meeting_id = editor.meeting.id if editor.meeting else 0
    assert focused() is _card(editor, MeetingPart.vision)  # the cursor is in the first part
    assert "Every student reads" in editor.cards[0].helper.text()  # type: ignore[union-attr]
    keys.type("Read the purpose aloud; Maya tied it to the reading data.")

    assert editor.last is not None
    tab_to(keys, lambda w: w is editor.last.responses[next(iter(editor.last.responses))][0])  # type: ignore[union-attr]
    keys.type("Each item now has a timekeeper")

    assert editor.agenda is not None
    assert editor.agenda.items.topLevelItem(0).text(0) == "Lunch duty rota"  # carried forward
    tab_to(keys, lambda w: w is editor.agenda.text)  # type: ignore[union-attr]
    keys.type("Exit ticket data from grade 7")
    keys.tab()  # to who added it: the first member, Ben
    keys.press(Key.Key_Down)  # Maya added it
    keys.press(Key.Key_Tab, Mod.ShiftModifier)
    keys.enter()
    qtbot.waitUntil(lambda: editor.agenda.items.topLevelItemCount() == 2)  # type: ignore[union-attr]

    tab_to(keys, lambda w: w is _card(editor, MeetingPart.decisions))
    keys.type("Common exit ticket in every grade from November.")
    assert editor.closing is not None
    tab_to(keys, lambda w: w is editor.closing.rows[0].plus)  # type: ignore[union-attr]
    keys.type("Real student work")
    keys.tab()
    keys.type("Start on time")
    tab_to(keys, lambda w: w is editor.private)
    keys.type("Ben was quiet: check in with him.")
    keys.escape()  # nothing typed is lost on Escape

    tab_to(keys, lambda w: w is editor.attendance)
    keys.press(Key.Key_Space)  # Ben (first by name) was away
    tab_to(keys, lambda w: w is page.list)
    keys.press(Key.Key_Down)  # to the earlier meeting: everything pending is saved first
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.id == earlier)
    keys.press(Key.Key_Up)
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.id == meeting_id)
    assert "Common exit ticket" in _card(editor, MeetingPart.decisions).toPlainText()  # type: ignore[attr-defined]
    assert editor.closing is not None and editor.closing.rows[0].typed() == (
        "Real student work",
        "Start on time",
    )

    window.context.flush_all()
    window.close()
    settle()
    journal.close()
    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        notes = {s.part: s.notes for s in im.sections(reopened, meeting_id)}
        assert "Maya tied it" in notes[MeetingPart.vision]
        assert "Common exit ticket in every grade" in notes[MeetingPart.decisions]
        kept = im.get_meeting(reopened, meeting_id)
        assert kept.private_notes.startswith("Ben was quiet")
        assert [(lead.name, here) for lead, here in members.attendance(reopened, meeting_id)] == [
            ("Ben Adler", False),
            ("Maya Ortiz", True),
        ]
        items = members.agenda_items(reopened, meeting_id)
        maya = members.attendance(reopened, meeting_id)[1][0].id
        assert [(i.text, i.added_by_lead_id) for i in items] == [
            ("Lunch duty rota", None),
            ("Exit ticket data from grade 7", maya),
        ]
        [closing] = im.plus_deltas(reopened, meeting_id)
        assert (closing.plus, closing.delta, closing.met_on) == (
            "Real student work",
            "Start on time",
            date.today(),
        )
        [last] = im.plus_deltas(reopened, earlier)
        assert last.response == "Each item now has a timekeeper"
    finally:
        reopened.close()


def test_an_untouched_meeting_is_dropped_when_left(qtbot: QtBot, journal: Journal) -> None:
    earlier = _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    keys.shortcut("Ctrl+Shift+M")
    page = _page(window)
    qtbot.waitUntil(lambda: len(im.meetings(journal)) == 2)
    keys.shortcut("Ctrl+Shift+M")  # a second one leaves the first, untouched: it goes
    qtbot.waitUntil(lambda: page.list.count() == 2)
    assert len(im.meetings(journal)) == 2
    keys.shortcut("Ctrl+T")  # to Today: the page is left
    qtbot.waitUntil(lambda: [m.id for m in im.meetings(journal)] == [earlier])
    # The carried item is still waiting at the earlier meeting.
    assert [i.text for i in members.agenda_items(journal, earlier)] == ["Lunch duty rota"]


def test_the_agenda_template_edited_by_keys_shapes_the_next_meeting(
    qtbot: QtBot, journal: Journal
) -> None:
    _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    keys.shortcut("Alt+G")
    keys.type("i")  # Go → ILT meetings
    page = _page(window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)

    def edit(dialog: TemplateDialog) -> None:
        tab_to(keys, lambda w: w is dialog.list)
        keys.press(Key.Key_Delete)  # the vision part goes
        keys.press(
            Key.Key_Down, Mod.ControlModifier
        )  # last time's plus/delta moves below members' items
        tab_to(keys, lambda w: w is dialog.title)
        keys.press(Key.Key_A, Mod.ControlModifier)
        keys.type("What we said last time")
        keys.shortcut("Ctrl+Return")

    seen = keys.then_in(TemplateDialog, edit)
    tab_to(keys, lambda w: w is page.template_button)
    keys.press(Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    parts = mt.meeting_template(journal)
    assert [p.part for p in parts[:2]] == [MeetingPart.member_items, MeetingPart.last_plus_delta]
    assert parts[1].title == "What we said last time"
    assert MeetingPart.vision not in {p.part for p in parts}

    keys.shortcut("Ctrl+Shift+M")
    qtbot.waitUntil(lambda: len(im.meetings(journal)) == 2)
    assert [c.section.title for c in page.editor.cards[:2]] == [
        "Members' items",
        "What we said last time",
    ]
    assert isinstance(QApplication.focusWidget(), QWidget)
    assert isinstance(page.editor.attendance, QListWidget)
    assert page.editor.agenda is not None and isinstance(page.editor.agenda.items, QTreeWidget)


def test_a_plus_delta_on_the_charter_page_opens_its_meeting(qtbot: QtBot, journal: Journal) -> None:
    earlier = _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.CHARTER)
    charter = window.reflect.pages[ReflectPage.CHARTER]
    assert isinstance(charter, CharterPage)
    keys = DesktopKeys()
    tab_to(keys, lambda w: w is charter.feedback.list)
    keys.enter()  # the plus/delta is written and answered with its meeting: it opens there
    page = _page(window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    assert page.editor.meeting is not None and page.editor.meeting.id == earlier
    assert page.editor.closing is not None
    assert page.editor.closing.rows[0].typed() == ("Student work first", "Ran long")
    assert focused() is page.editor.closing.rows[0].plus


def test_search_hits_open_the_meeting_at_their_part_and_keys_jump_between_parts(
    qtbot: QtBot, journal: Journal
) -> None:
    earlier = _last_meeting(journal)
    [decisions] = [s for s in im.sections(journal, earlier) if s.part is MeetingPart.decisions]
    im.save_meeting(journal, earlier, notes={decisions.id or 0: "Shared exit tickets"})
    [item] = members.agenda_items(journal, earlier)
    later = im.new_meeting(journal)  # the newest: the one the page opens on
    im.save_meeting(journal, later.id or 0, title="Data day")
    window = show_main_window(qtbot, journal)
    window.context.open_record.emit(RecordKind.MEETING_SECTION, decisions.id)  # as search does
    page = _page(window)
    qtbot.waitUntil(lambda: page.editor.meeting is not None and page.editor.meeting.id == earlier)
    assert focused() is _card(page.editor, MeetingPart.decisions)
    keys = DesktopKeys()
    keys.shortcut("Ctrl+1")
    assert focused() is _card(page.editor, MeetingPart.vision)
    keys.shortcut("Ctrl+0")
    assert focused() is page.editor.private
    keys.shortcut("Ctrl+Shift+I")
    assert page.editor.team_items is not None and focused() is page.editor.team_items.text
    window.context.open_record.emit(RecordKind.MEETING_AGENDA_ITEM, item.id)
    agenda = page.editor.agenda
    assert agenda is not None
    qtbot.waitUntil(lambda: focused() is agenda.items)
    current = agenda.items.currentItem()
    assert current is not None and current.text(0) == "Lunch duty rota"


def test_a_meeting_deleted_by_keys_leaves_its_team_action_items(
    qtbot: QtBot, journal: Journal
) -> None:
    earlier = _last_meeting(journal)
    item = add_team_item(journal, "Share the tracker", principal=True, meeting_id=earlier)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = _page(window)
    keys = DesktopKeys()

    def confirm(box: QMessageBox) -> None:
        tab_to(keys, lambda w: isinstance(w, QPushButton) and w.text() == "Delete")
        keys.press(Key.Key_Space)

    asked = keys.then_in(QMessageBox, confirm)
    tab_to(keys, lambda w: w is page.list)
    keys.press(Key.Key_Delete)
    qtbot.waitUntil(lambda: im.meetings(journal) == [])
    assert asked and page.list.count() == 0 and page.stack.currentWidget() is page.empty
    with journal.session() as s:
        kept = s.get(ActionItem, item.id)
        assert kept is not None and kept.meeting_id is None


def test_a_leader_or_member_who_has_left_is_kept_when_the_meeting_is_saved(
    qtbot: QtBot, journal: Journal
) -> None:
    _last_meeting(journal)
    guest = add_lead(journal, "Rosa Delgado")
    set_archived(journal, guest.id or 0, True)
    meeting = im.new_meeting(journal)  # Rosa had left: no attendance row for her
    im.save_meeting(journal, meeting.id or 0, pl_lead_id=guest.id)
    members.add_agenda_item(journal, meeting.id or 0, "Her tracker", added_by_lead_id=guest.id)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = _page(window)
    agenda = page.editor.agenda
    assert agenda is not None and agenda.items.topLevelItem(1).text(1) == "Rosa"
    keys = DesktopKeys()
    keys.shortcut("Ctrl+6")  # the decisions part
    keys.type("Keep the tracker")
    window.context.flush_all()
    kept = im.get_meeting(journal, meeting.id or 0)
    assert kept.pl_lead_id == guest.id
    assert "Keep the tracker" in im.sections(journal, meeting.id or 0)[5].notes


def test_coming_back_to_the_page_shows_the_charter_as_it_now_reads(
    qtbot: QtBot, journal: Journal
) -> None:
    _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = _page(window)
    keys = DesktopKeys()
    keys.shortcut("Ctrl+6")
    keys.type("Decided while the charter was older")
    keys.shortcut("Ctrl+T")  # away to Today; the charter is revised meanwhile
    revise_charter(journal, why="Wider", purpose="Every student reads and writes with joy.")
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    vision = page.editor.cards[0].helper
    assert vision is not None and "reads and writes with joy" in vision.text()  # type: ignore[attr-defined]
    assert "Decided while" in _card(page.editor, MeetingPart.decisions).toPlainText()  # type: ignore[attr-defined]


def test_the_summary_is_shared_from_the_open_meeting_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    from ui.team.meetings.summary_export import MeetingExportDialog

    earlier = _last_meeting(journal)
    window = show_main_window(qtbot, journal)
    window.show_reflect_page(ReflectPage.ILT_MEETINGS)
    page = _page(window)
    keys = DesktopKeys()
    seen: list[int] = []

    def look_and_leave(dialog: MeetingExportDialog) -> None:
        seen.append(dialog.meeting_id)
        keys.escape()

    keys.then_in(MeetingExportDialog, look_and_leave)
    keys.press(Key.Key_S, Mod.AltModifier)  # "Share the summary…"
    qtbot.waitUntil(lambda: seen == [earlier])
    qtbot.waitUntil(
        lambda: (
            not any(
                isinstance(w, MeetingExportDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
    )
    assert page.share_button.isEnabled()
