"""The Learning cycles and Observations tabs: walking a cycle's phases, closing it, following on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk import action_item
from iltdesk.cycle import activities, cycles_for, start_cycle, update_cycle
from iltdesk.errors import DiskFull
from iltdesk.lead import add_lead
from iltdesk.models import ActionSource, ActivityKind, CyclePhase, ObservationSetting, Outcome
from iltdesk.observation import ObservationNotes, add_observation, observations_for
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.store.journal import Journal
from tests.dialogs import answer_with
from tests.keys import Keys
from ui.kit import theme
from ui.kit.context import AppContext
from ui.kit.roles import RECORD_ID
from ui.lead.cycles.view import CyclesView, StartCycleDialog
from ui.lead.observations.dialog import NO_CYCLE, ObservationDialog
from ui.lead.observations.view import ObservationsView

TODAY = date.today()
GOAL = "Every 8th grade team meeting ends with one owned next step"
NEXT_GOAL = "Each meeting opens by checking last meeting's step against student work"


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
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


@pytest.fixture
def lead(journal: Journal) -> int:
    return add_lead(journal, "Yolanda Brooks").id or 0


@pytest.fixture
def view(qtbot: QtBot, context: AppContext) -> CyclesView:
    widget = CyclesView(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def test_start_a_cycle_from_the_tab_then_the_intention_saves_itself(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, view: CyclesView, journal: Journal, lead: int
) -> None:
    view.show_lead(lead)
    assert view.stack.currentWidget() is view.empty
    assert "No learning cycles yet" in view.empty.text()

    def fill(dialog: StartCycleDialog) -> None:
        assert not dialog.use_next.isVisibleTo(dialog)  # no earlier cycle to follow on from
        dialog.goal.set_text(GOAL)
        dialog.weeks.setValue(5)

    answer_with(monkeypatch, StartCycleDialog, fill)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    [cycle] = cycles_for(journal, lead)
    assert (cycle.goal, cycle.planned_weeks, cycle.phase) == (GOAL, 5, CyclePhase.intention)
    assert view.stack.currentWidget() is view.page and view.list.count() == 1
    assert view.page.goal_title.text() == GOAL
    assert view.page.steps.current == 0
    intention = view.page.intention
    qtbot.keyClicks(intention.measure, "4 of the next 5 meetings")
    qtbot.keyClicks(intention.baseline_numbers, "1 of the last 5")
    qtbot.keyClicks(intention.baseline_seen, "Meetings end when the bell rings.")
    qtbot.keyClicks(intention.focus, "3d Using assessment")
    qtbot.waitUntil(lambda: not view.page.autosaver.dirty, timeout=3000)  # no Save button
    [saved] = cycles_for(journal, lead)
    assert saved.success_measure == "4 of the next 5 meetings"
    assert saved.baseline_quantitative == "1 of the last 5"
    assert saved.baseline_qualitative.strip() == "Meetings end when the bell rings."
    assert saved.focus_indicator == "3d Using assessment"


def test_the_start_dialog_asks_for_a_goal_and_minds_the_length(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    dialog = StartCycleDialog(context, lead)
    qtbot.addWidget(dialog)
    assert dialog.weeks_note.text() == ""  # four weeks is usual
    dialog.weeks.setValue(8)
    assert "long" in dialog.weeks_note.text()
    dialog.weeks.setValue(2)
    assert "short" in dialog.weeks_note.text()
    dialog.save()
    assert "goal" in dialog.error.text() and dialog.cycle is None
    assert cycles_for(journal, lead) == []


def test_log_an_activity(view: CyclesView, journal: Journal, lead: int) -> None:
    cycle = start_cycle(journal, lead, goal=GOAL)
    view.show_lead(lead)
    card = view.page.learning
    assert card.empty.isVisibleTo(card) and not card.list.isVisibleTo(card)
    card.kind.setCurrentIndex(card.kind.findData(ActivityKind.co_planning))
    card.what.setText("Planned Thursday's meeting together")
    card.log_button.click()
    [activity] = activities(journal, cycle.id or 0)
    assert (activity.kind, activity.title) == (
        ActivityKind.co_planning,
        "Planned Thursday's meeting together",
    )
    assert card.list.count() == 1 and card.what.text() == ""
    assert "Co-planning" in card.list.item(0).text()


def test_an_observation_added_from_practice_lands_in_the_cycle_and_makes_an_action_item(
    monkeypatch: pytest.MonkeyPatch, view: CyclesView, journal: Journal, lead: int
) -> None:
    cycle = start_cycle(journal, lead, goal=GOAL)
    update_cycle(journal, cycle.id or 0, phase=CyclePhase.practice)
    view.show_lead(lead)
    seen: list[object] = []

    def fill(dialog: ObservationDialog) -> None:
        seen.append(dialog.cycle.currentData())
        dialog.setting.setCurrentIndex(dialog.setting.findData(ObservationSetting.data_meeting))
        dialog.evidence.setPlainText("0:05 Y. asks each teacher to name one student group.")
        dialog.step.setText("Close with each owner saying their step aloud")

    answer_with(monkeypatch, ObservationDialog, fill)
    view.page.practice.add_button.click()
    assert seen == [cycle.id]  # this cycle was chosen already
    [observation] = observations_for(journal, lead)
    assert observation.cycle_id == cycle.id
    practice = view.page.practice.list
    assert practice.count() == 1 and "Data meeting" in practice.item(0).text()
    assert "Close with each owner" in practice.item(0).text()
    [item] = action_item.action_items_for(journal, lead)
    assert item.text == "Close with each owner saying their step aloud"
    assert item.source is ActionSource.observation
    assert item.due_on == TODAY + timedelta(days=7)


def test_the_observation_dialog_is_quick_and_says_what_is_wrong(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    kinds: list[Change] = []
    context.changed.connect(kinds.append)
    dialog = ObservationDialog(context, lead)  # no cycle yet
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cycle.currentText() == NO_CYCLE
    assert "Yolanda's action item" in dialog.step_note.text()
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and dialog.observation is None
    dialog.observed_on.setDate(dialog.observed_on.date().addDays(-2))
    assert dialog.follow_up.date() == dialog.observed_on.date().addDays(7)  # moves along
    dialog.evidence.setPlainText("Started on time; agenda on the board.")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog.evidence, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [observation] = observations_for(journal, lead)
    assert observation.cycle_id is None and observation.observed_on == TODAY - timedelta(days=2)
    assert kinds == [Change(RecordKind.OBSERVATION, lead), Change(RecordKind.ACTION_ITEM, lead)]


def test_closing_is_refused_until_the_evaluation_is_written_then_it_closes(
    qtbot: QtBot, view: CyclesView, journal: Journal, lead: int
) -> None:
    cycle = start_cycle(journal, lead, goal=GOAL)
    update_cycle(journal, cycle.id or 0, phase=CyclePhase.evaluation)
    view.show_lead(lead)
    page, evaluation = view.page, view.page.evaluation
    assert page.close_button.isVisibleTo(page) and not page.next_button.isVisibleTo(page)
    page.close_button.click()
    assert cycles_for(journal, lead)[0].phase is CyclePhase.evaluation  # still open
    problems = page.problems.text()
    for needed in ("the outcome", "the evidence for that outcome", "a reflection"):
        assert needed in problems
    for name, widget in (("outcome", evaluation.outcome_row), ("evidence", evaluation.evidence)):
        assert evaluation.notes[name].isVisibleTo(evaluation) and widget.property("missing")
    assert evaluation.lead_reflection.property("missing")
    evaluation.outcomes.button(1).click()  # Partly met: saved at once
    assert cycles_for(journal, lead)[0].outcome is Outcome.partly
    assert "the outcome (" not in page.problems.text()  # the list shrinks as it is filled in
    assert not evaluation.outcome_row.property("missing")
    qtbot.keyClicks(evaluation.evidence, "3 of 4 meetings ended with an owned step.")
    qtbot.keyClicks(evaluation.principal_reflection, "She closes meetings now.")
    qtbot.keyClicks(evaluation.next_goal, NEXT_GOAL)
    page.close_button.click()  # saves what was typed first
    closed = cycles_for(journal, lead)[0]
    assert closed.phase is CyclePhase.closed and closed.closed_on == TODAY
    assert closed.next_goal == NEXT_GOAL
    assert page.reopen_button.isVisibleTo(page) and page.follow_button.isVisibleTo(page)
    assert page.follow_button.text() == "Start the next cycle from this next goal"
    assert evaluation.evidence.isReadOnly() and page.steps.current == 4
    assert "Closed" in view.list.item(0).text() and "Partly met" in view.list.item(0).text()
    page.reopen_button.click()
    assert cycles_for(journal, lead)[0].phase is CyclePhase.evaluation
    assert not evaluation.evidence.isReadOnly()


def test_start_the_next_cycle_from_the_closed_ones_next_goal(
    monkeypatch: pytest.MonkeyPatch, view: CyclesView, journal: Journal, lead: int
) -> None:
    first = start_cycle(journal, lead, goal=GOAL, started_on=TODAY - timedelta(weeks=5))
    update_cycle(
        journal,
        first.id or 0,
        outcome=Outcome.met,
        outcome_evidence="4 of 5",
        lead_reflection="It stuck.",
        next_goal=NEXT_GOAL,
    )
    view.show_lead(lead)
    view.page.close_cycle()
    checked: list[bool] = []
    answer_with(monkeypatch, StartCycleDialog, lambda d: checked.append(d.use_next.isChecked()))
    view.page.follow_button.click()
    assert checked == [True]
    new, old = cycles_for(journal, lead)
    assert new.goal == NEXT_GOAL and new.previous_cycle_id == old.id == first.id
    assert view.page.cycle is not None and view.page.cycle.id == new.id
    assert view.list.currentRow() == 0 and view.list.count() == 2


def test_moving_through_the_phases(view: CyclesView, journal: Journal, lead: int) -> None:
    start_cycle(journal, lead, goal=GOAL)
    view.show_lead(lead)
    page = view.page
    assert page.next_button.text() == "Move on to Learning →"
    assert not page.back_button.isVisibleTo(page)
    page.next_button.click()
    page.next_button.click()
    assert cycles_for(journal, lead)[0].phase is CyclePhase.practice
    assert page.steps.current == 2 and page.practice.property("state") == "current"
    assert page.intention.property("state") == "done"
    assert "Practice" in view.list.item(0).text()
    page.back_button.click()
    assert cycles_for(journal, lead)[0].phase is CyclePhase.learning


def test_select_cycle_and_select_observation_pick_the_right_rows(
    qtbot: QtBot, view: CyclesView, context: AppContext, journal: Journal, lead: int
) -> None:
    older = start_cycle(journal, lead, goal="Older goal", started_on=TODAY - timedelta(weeks=8))
    newer = start_cycle(journal, lead, goal=GOAL)
    notes = [
        ObservationNotes(evidence=f"Visit {n}", observed_on=TODAY - timedelta(days=n))
        for n in (1, 9, 4)
    ]
    made = [add_observation(journal, lead, n, cycle_id=older.id) for n in notes]
    view.show_lead(lead)
    assert view.page.cycle is not None and view.page.cycle.id == newer.id
    view.select_cycle(older.id)
    assert view.list.currentItem().data(RECORD_ID) == older.id
    assert view.page.goal_title.text() == "Older goal"
    assert view.page.practice.list.count() == 3
    observations = ObservationsView(context)
    qtbot.addWidget(observations)
    observations.show_lead(lead)
    assert observations.list.currentRow() == 0  # newest first: 1 day ago
    observations.select_observation(made[1].id)  # 9 days ago: the last row
    assert observations.list.currentRow() == 2
    assert observations.editor.evidence.markdown().strip() == "Visit 9"
    assert "Older goal" in observations.list.item(2).text()


def test_an_overrun_cycle_says_how_far_past_the_plan(
    view: CyclesView, journal: Journal, lead: int
) -> None:
    start_cycle(journal, lead, goal=GOAL, planned_weeks=4, started_on=TODAY - timedelta(days=31))
    view.show_lead(lead)
    assert view.page.status.text() == "Week 5 of 4 · 3 days past the plan"
    assert view.page.status.objectName() == "Overrun"
    assert "past the plan" in view.list.item(0).text()


def test_observation_edits_save_themselves(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int
) -> None:
    observation = add_observation(
        journal, lead, ObservationNotes(evidence="First notes", action_step="Name the norm")
    )
    tab = ObservationsView(context)
    qtbot.addWidget(tab)
    tab.show_lead(lead)
    editor = tab.editor
    assert editor.step.text() == "Name the norm" and "action item" in editor.step_note.text()
    editor.setting.setCurrentIndex(editor.setting.findData(ObservationSetting.one_on_one))
    editor.feedback.setPlainText("Clear and kind.")
    editor.has_follow_up.setChecked(False)
    assert editor.autosaver.flush()
    [saved] = observations_for(journal, lead)
    assert (saved.id, saved.setting) == (observation.id, ObservationSetting.one_on_one)
    assert saved.feedback.strip() == "Clear and kind." and saved.follow_up_on is None
    assert "1:1" in tab.list.item(0).text()


def test_a_failed_save_keeps_the_text_and_the_cycle_on_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, view: CyclesView, journal: Journal, lead: int
) -> None:
    older = start_cycle(journal, lead, goal="Older goal", started_on=TODAY - timedelta(weeks=8))
    start_cycle(journal, lead, goal=GOAL)
    view.show_lead(lead)

    def full(*_: object, **__: object) -> None:
        raise DiskFull("The disk is full.")

    monkeypatch.setattr("ui.lead.cycles.page.update_cycle", full)
    qtbot.keyClicks(view.page.intention.measure, "Typed before the disk filled")
    assert not view.page.autosaver.flush()
    view.select_cycle(older.id)
    assert view.page.goal_title.text() == GOAL  # stayed on the cycle with unsaved text
    assert view.page.intention.measure.text() == "Typed before the disk filled"
    assert view.list.currentRow() == 0
    view.page.autosaver.discard()  # let the test end without retrying


def test_the_cycle_choice_shows_its_goal_and_names_keep_their_title(
    qtbot: QtBot, qapp: QApplication, context: AppContext, journal: Journal
) -> None:
    """The Cycle combo once shared a row with the date and setting and showed a few words;
    "Dr. Amara Okafor" was once "Dr." in "No observations of Dr. yet"."""
    lead = add_lead(journal, "Dr. Amara Okafor").id or 0
    start_cycle(journal, lead, goal="Every department meeting ends with a decision the team owns")
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    theme.apply(qapp)  # the app's own font and padding
    try:
        dialog = ObservationDialog(context, lead)
        qtbot.addWidget(dialog)
        dialog.resize(dialog.minimumSize())
        dialog.show()
        combo = dialog.cycle
        wanted = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert combo.width() > wanted + 20  # the text, the arrow and the padding
        assert "Dr. Okafor's action item" in dialog.step_note.text()
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setStyle(style)
    observations = ObservationsView(context)
    qtbot.addWidget(observations)
    observations.show_lead(lead)
    assert "No observations of Dr. Okafor yet" in observations.empty.text()


def test_an_observation_the_disk_refuses_stays_typed_in_its_dialog(
    qtbot: QtBot, context: AppContext, journal: Journal, lead: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk is said in the status bar (the core's words), not the crash dialog; the
    dialog stays open with what was typed, and saves it once the disk has room."""
    said: list[str] = []
    context.save_failed.connect(said.append)
    dialog = ObservationDialog(context, lead)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    def full(*_: object, **__: object) -> None:
        raise DiskFull("The disk is full.")

    monkeypatch.setattr("ui.lead.observations.dialog.add_observation", full)
    keys = Keys()
    keys.type("Started on time; agenda on the board.")
    keys.shortcut("Ctrl+Return")
    assert said == ["Not saved: The disk is full."]
    assert (
        dialog.isVisible() and dialog.observation is None and not dialog.error.isVisibleTo(dialog)
    )
    assert dialog.evidence.markdown().strip() == "Started on time; agenda on the board."
    monkeypatch.setattr("ui.lead.observations.dialog.add_observation", add_observation)
    # Room again: the same keys save it.
    keys.shortcut("Ctrl+Return")
    assert dialog.result() == QDialog.DialogCode.Accepted
    [observation] = observations_for(journal, lead)
    assert observation.evidence.strip() == "Started on time; agenda on the board."


@pytest.mark.usefixtures("app_look")
def test_the_chosen_outcome_shows_its_whole_name(
    qtbot: QtBot, view: CyclesView, journal: Journal, lead: int
) -> None:
    """ "Partly met", once chosen, was drawn bolder than the size Qt gave it: "artly me"."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    cycle = start_cycle(journal, lead, goal=GOAL)
    update_cycle(journal, cycle.id or 0, phase=CyclePhase.evaluation, outcome=Outcome.partly)
    view.show_lead(lead)
    for button in view.page.evaluation.outcomes.buttons():
        option = QStyleOptionButton()
        button.initStyleOption(option)
        inside = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        assert button.fontMetrics().horizontalAdvance(button.text()) <= inside.width()
        if not button.isChecked():
            continue
        # Centred and cut off, the word's ink reaches both edges of the button's contents.
        image = button.grab().toImage()
        ground = QColor(image.pixel(inside.left(), inside.top())).lightness()
        inked = [
            max(abs(QColor(image.pixel(x, y)).lightness() - ground) for y in range(inside.height()))
            > 40
            for x in (inside.left(), inside.right())
        ]
        assert not all(inked), button.text()
