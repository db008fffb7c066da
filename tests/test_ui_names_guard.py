"""The names guard in the cycle summary's export dialog, by keys: who is listed, and the
preview (what is exported and printed) showing the choice made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.keys import Keys, focused, tab_to, wait_for_active
from ui.kit.context import AppContext
from ui.kit.names_guard import EMPTY, NamesGuardPanel

GOAL = "Co-plan with Ms. Xu and Sam Okafor; Ms. Xu's data first."


def _open(qtbot: QtBot, journal: Journal, goal: str) -> object:
    from ui.lead.export_dialog import ExportDialog

    maria = add_lead(journal, "Maria Lopez", role="Team Lead", team="7th grade team").id or 0
    add_lead(journal, "Sam Okafor", role="Team Lead", team="6th grade team")
    start_cycle(journal, maria, goal=goal)
    dialog = ExportDialog(AppContext(journal), maria)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return wait_for_active(ExportDialog)


def _how(name: str) -> object:
    def is_it(widget: QWidget) -> bool:
        return isinstance(widget, QComboBox) and widget.accessibleName() == f"How {name} appears"

    return is_it


def test_initials_and_a_role_chosen_by_keys_reach_the_preview(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = _open(qtbot, journal, GOAL)
    panel = dialog.names  # type: ignore[attr-defined]
    assert [p.name for p in panel.people()] == ["Ms. Xu", "Sam Okafor"]
    assert "with Ms. Xu and Sam Okafor" in dialog.preview.toPlainText()  # type: ignore[attr-defined]
    keys = Keys()
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the panel's mnemonic
    assert _how("Ms. Xu")(focused())
    keys.press(Qt.Key.Key_I)  # a combo box chooses the item starting with the letter typed
    tab_to(keys, _how("Sam Okafor"))
    keys.press(Qt.Key.Key_R)
    keys.tab()
    field = focused()
    assert isinstance(field, QLineEdit) and field.text() == "a 6th-grade teacher"
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type("a grade-level partner")
    text = dialog.preview.toPlainText()  # type: ignore[attr-defined]
    assert "Co-plan with Ms. X. and a grade-level partner; Ms. X.'s data first." in text
    assert "Xu" not in dialog.html and "Okafor" not in dialog.html  # type: ignore[attr-defined]
    assert "Maria Lopez" in text
    keys.escape()
    assert not dialog.isVisible()  # type: ignore[attr-defined]


def test_tab_runs_from_the_sections_through_the_names_to_the_password(
    qtbot: QtBot, journal: Journal
) -> None:
    from iltdesk.report import Section

    dialog = _open(qtbot, journal, GOAL)
    keys = Keys()
    last = dialog.sections[Section.conversation_notes]  # type: ignore[attr-defined]
    tab_to(keys, lambda w: w is last)
    keys.tab()
    assert _how("Ms. Xu")(focused())
    keys.tab()
    assert _how("Sam Okafor")(focused())
    keys.press(Qt.Key.Key_R)
    keys.tab()
    assert focused().accessibleName() == "Role words for Sam Okafor"
    keys.tab()
    assert focused() is dialog.protect  # type: ignore[attr-defined]
    keys.escape()


def test_a_choice_outlives_a_change_of_sections(qtbot: QtBot, journal: Journal) -> None:
    from iltdesk.report import Section

    dialog = _open(qtbot, journal, GOAL)
    keys = Keys()
    tab_to(keys, _how("Ms. Xu"))
    keys.press(Qt.Key.Key_I)
    tab_to(keys, lambda w: w is dialog.sections[Section.principal_reflection])  # type: ignore[attr-defined]
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog._timer.isActive())  # type: ignore[attr-defined]
    assert "Ms. X." in dialog.preview.toPlainText()  # type: ignore[attr-defined]
    keys.escape()


def test_with_no_one_else_named_the_panel_says_so(qtbot: QtBot, journal: Journal) -> None:
    dialog = _open(qtbot, journal, "Every meeting ends with one decision.")
    panel: NamesGuardPanel = dialog.names  # type: ignore[attr-defined]
    assert panel.people() == [] and panel.choices() == {}
    assert panel._empty.isVisible() and panel._empty.text() == EMPTY
    Keys().escape()


def test_a_meeting_summary_lists_only_people_outside_the_team(
    qtbot: QtBot, journal: Journal
) -> None:
    from datetime import date

    from iltdesk.models.team import IltMeeting, MeetingAttendance
    from ui.team.meetings.summary_export import MeetingExportDialog

    sam = add_lead(journal, "Sam Okafor", role="Team Lead").id or 0
    with journal.write() as s:
        meeting = IltMeeting(
            held_on=date(2026, 10, 14),
            title="October ILT",
            guiding_questions="What did Mr. Diaz see? What will Sam Okafor try?",
        )
        s.add(meeting)
        s.flush()
        s.add(MeetingAttendance(meeting_id=meeting.id or 0, lead_id=sam))
    dialog = MeetingExportDialog(AppContext(journal), meeting.id or 0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    wait_for_active(MeetingExportDialog)
    assert [p.name for p in dialog.names.people()] == ["Mr. Diaz"]
    keys = Keys()
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    keys.press(Qt.Key.Key_R)
    text = dialog.preview.toPlainText()
    assert "What did a colleague see? What will Sam Okafor try?" in text
    assert "Diaz" not in dialog.html
    keys.escape()


def test_a_typical_name_sits_on_one_line_beside_its_choice(qtbot: QtBot, app_look: None) -> None:
    """The rows come after the side column has its width: "Mr. Castellanos" once wrapped."""
    from iltdesk.names_guard import NamedPerson
    from ui.kit.names_guard import TYPICAL_NAME, side_column

    panel = NamesGuardPanel()
    column = side_column(panel)
    qtbot.addWidget(column)
    column.resize(column.width(), 400)
    column.show()
    panel.set_people([NamedPerson(TYPICAL_NAME, "a teacher", 1)])
    qtbot.waitUntil(lambda: panel._rows[0].name.isVisible())
    label = panel._rows[0].name
    assert label.width() >= label.fontMetrics().horizontalAdvance(TYPICAL_NAME)
    # Tab goes to the fields inside; a stop on the frameless area showed no focus at all.
    assert column.focusPolicy() == Qt.FocusPolicy.NoFocus
