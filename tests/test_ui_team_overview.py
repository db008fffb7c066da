"""The Team overview and a lead's other coaches, by keys: from the main window Alt+G then O,
a PD session led by a member with two who came (Escape keeps what was typed), a calibration
with its ratings before and after norming; on a lead's overview, a veteran lead and an outside
partner as coaches, one of them ended; everything read back from the reopened journal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.charter import revise_charter
from iltdesk.coach import coach_name, coaches_of, ended
from iltdesk.lead import add_lead
from iltdesk.models import CoachKind, LearningKind, LearningRole, PracticeKind
from iltdesk.practice import calibration, practices
from iltdesk.store.journal import Journal
from iltdesk.team_learning import Member, events
from tests.conftest import PASSPHRASE
from tests.keys import (
    DesktopKeys,
    Key,
    Keys,
    focused,
    press_button,
    settle,
    show_main_window,
    tab_to,
)
from ui.kit.context import AppContext
from ui.kit.pages import ReflectPage
from ui.lead.coaches import CoachDialog
from ui.shell.main_window import MainWindow
from ui.team.overview.event_dialog import LearningEventDialog
from ui.team.overview.page import TeamOverviewPage
from ui.team.overview.practice_dialog import JointPracticeDialog

pytestmark = pytest.mark.usefixtures("app_look")

THEME = "Checking for understanding (rubric 3b)"
TOPIC = "Writing a dated reteach plan"
GOAL = "Every team leaves its data meeting with a reteach plan"
FOCUS = "A 7th-grade science lesson on video"


def _journal(path: Path) -> tuple[Journal, dict[str, int]]:
    journal = Journal.create(path, PASSPHRASE, school="Riverside Middle")
    revise_charter(journal, theme=THEME)
    ids = {name: add_lead(journal, name).id or 0 for name in ("Jo Park", "Maya Ortiz", "Sam Lee")}
    return journal, ids


def _go_to_overview(keys: Keys, window: MainWindow) -> TeamOverviewPage:
    keys.shortcut("Alt+G")
    keys.type("o")
    settle()
    page = window.reflect.pages[ReflectPage.TEAM_OVERVIEW]
    assert window.pages.currentWidget() is page
    assert isinstance(page, TeamOverviewPage)
    return page


def _add_pd_session(keys: DesktopKeys, seen: list[str]) -> None:
    """Queued before the key that opens the form: a topic, Escape (the question's Escape
    keeps editing), Maya led, Jo and Sam came, the goal; saved."""

    def keep_editing(box: QMessageBox) -> None:
        seen.append(box.text())
        keys.escape()

    def fill(dialog: LearningEventDialog) -> None:
        assert focused() is dialog.kind and dialog.kind.currentData() == "pd_session"
        tab_to(keys, lambda w: w is dialog.topic)
        keys.type(TOPIC)
        keys.then_in(QMessageBox, keep_editing)
        keys.escape()
        qtbot_wait(lambda: bool(seen))
        assert dialog.isVisible() and dialog.topic.text() == TOPIC  # kept, not thrown away
        tab_to(keys, lambda w: w is dialog.members)
        keys.press(Key.Key_Space)  # Jo Park came
        keys.press(Key.Key_Down)
        keys.press(Key.Key_Space, times=2)  # Maya Ortiz led
        keys.press(Key.Key_Down)
        keys.press(Key.Key_Space)  # Sam Lee came
        tab_to(keys, lambda w: w is dialog.goal)
        keys.type(GOAL)
        press_button(keys, "Save")

    keys.then_in(LearningEventDialog, fill)


def qtbot_wait(done: Callable[[], bool], timeout_ms: int = 5000) -> None:
    """Run events until ``done()`` (inside a dialog's queued actions, where no qtbot is)."""
    from PySide6.QtTest import QTest

    waited = 0
    while not done() and waited < timeout_ms:
        QTest.qWait(10)
        waited += 10
    assert done(), "it never happened"


def _add_calibration(keys: DesktopKeys, drawn: list[str]) -> None:
    def fill(dialog: JointPracticeDialog) -> None:
        assert focused() is dialog.kind
        keys.press(Key.Key_Down)  # a joint observation, the first, becomes a calibration
        assert dialog.kind.currentData() == "calibration"
        assert dialog.indicator.text() == THEME  # the ILT's theme, unless changed
        tab_to(keys, lambda w: w is dialog.focus_box)
        keys.type(FOCUS)
        tab_to(keys, lambda w: w is dialog.leads)
        keys.press(Key.Key_Space)  # Jo Park
        keys.press(Key.Key_Down)
        keys.press(Key.Key_Space)  # Maya Ortiz
        tab_to(keys, lambda w: w is dialog.before)
        keys.type("1 2 2 4")
        keys.tab()
        assert focused() is dialog.after
        keys.type("3 3 3 2")
        drawn.append(dialog.chart.accessibleDescription())
        press_button(keys, "Save")

    keys.then_in(JointPracticeDialog, fill)


def test_learning_and_a_calibration_by_keys_from_the_main_window_read_back_after_reopening(
    qtbot: QtBot, journal_path: Path
) -> None:
    journal, ids = _journal(journal_path)
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()
    page = _go_to_overview(keys, window)
    asked: list[str] = []
    _add_pd_session(keys, asked)
    press_button(keys, "Add a learning event…")
    qtbot.waitUntil(lambda: bool(events(journal)))
    assert asked == ["Discard what you typed?"]
    [event] = events(journal)
    assert (event.record.kind, event.record.topic, event.record.goal) == (
        LearningKind.pd_session,
        TOPIC,
        GOAL,
    )
    assert event.led() == (ids["Maya Ortiz"],)
    assert sorted(event.came()) == sorted([ids["Jo Park"], ids["Sam Lee"]])
    assert "led by Maya Ortiz · 2 came (Jo Park, Sam Lee)" in page.events.item(0).text()

    drawn: list[str] = []
    _add_calibration(keys, drawn)
    press_button(keys, "Add joint practice…")
    qtbot.waitUntil(lambda: bool(practices(journal)))
    assert drawn == [
        "Before norming: 4 ratings from 1 to 4 (a range of 3); 2 of 4 agreed on 2. "
        "After norming: 4 ratings from 2 to 3 (a range of 1); 3 of 4 agreed on 3"
    ]
    assert page.spread.isVisible() and "brought the ratings closer" in page.spread_words.text()
    counts = page.counts.text()
    assert "Observation and feedback&nbsp;<b>1</b>" in counts
    assert "Professional learning&nbsp;<b>1</b>" in counts

    window.context.flush_all()
    window.hide()
    settle()
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as again:
        [practice] = practices(again)
        assert practice.record.kind is PracticeKind.calibration
        assert (practice.record.focus, practice.record.indicator) == (FOCUS, THEME)
        assert practice.lead_ids == (ids["Jo Park"], ids["Maya Ortiz"])
        kept = calibration(again, practice.id)
        assert (kept.before, kept.after) == ((1, 2, 2, 4), (3, 3, 3, 2))
        [event] = events(again)
        assert set(event.members) == {
            Member(ids["Maya Ortiz"], LearningRole.led),
            Member(ids["Jo Park"]),
            Member(ids["Sam Lee"]),
        }
        reread = TeamOverviewPage(AppContext(again))
        qtbot.addWidget(reread)
        assert reread.events.item(0).text().startswith(f"PD session: {TOPIC}\n")
        assert reread.practices.item(0).text().startswith(f"Calibration on the rubric: {FOCUS}")


def _add_coach(keys: DesktopKeys, partner: str | None) -> list[CoachDialog]:
    def fill(dialog: CoachDialog) -> None:
        assert focused() is dialog.kind
        if partner is None:  # a veteran lead, the first offered: Jo Park
            keys.tab()
            assert focused() is dialog.veteran and dialog.veteran.currentText() == "Jo Park"
            tab_to(keys, lambda w: w is dialog.focus_box)
            keys.type("Running data meetings")
        else:
            keys.press(Key.Key_Down)  # an outside partner
            tab_to(keys, lambda w: w is dialog.name)
            keys.type(partner)
        press_button(keys, "Save")

    return keys.then_in(CoachDialog, fill)


def test_a_leads_other_coaches_added_and_ended_by_keys_read_back_after_reopening(
    qtbot: QtBot, journal_path: Path
) -> None:
    journal, ids = _journal(journal_path)
    maya = ids["Maya Ortiz"]
    window = show_main_window(qtbot, journal)
    keys = DesktopKeys()

    def go_to(_switcher: object) -> None:
        keys.type("maya")
        keys.enter()

    from ui.navigation.switcher import QuickSwitcher

    keys.then_in(QuickSwitcher, go_to)
    keys.shortcut("Ctrl+K")
    qtbot.waitUntil(lambda: window.lead_page.lead is not None and window.lead_page.lead.id == maya)
    coaches = window.lead_page.overview.coaches
    assert window.lead_page.tabs.currentWidget() is window.lead_page.overview
    added = _add_coach(keys, None)
    press_button(keys, "Add a coach…")
    qtbot.waitUntil(lambda: bool(added) and not added[0].isVisible())
    added = _add_coach(keys, "City Literacy Partners")
    press_button(keys, "Add a coach…")
    qtbot.waitUntil(lambda: len(coaches_of(journal, maya)) == 2)
    assert coaches.list.count() == 2
    assert coaches.list.currentItem().text() == "Jo Park"  # the first added, first
    press_button(keys, "End coaching")  # Jo Park's coaching ends today
    qtbot.waitUntil(lambda: any(ended(c) for c in coaches_of(journal, maya)))
    assert [coaches.list.item(r).text() for r in range(2)] == [
        "City Literacy Partners",
        "Jo Park",
    ]

    window.context.flush_all()
    window.hide()
    settle()
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as again:
        partner, veteran = coaches_of(again, maya)
        assert (partner.kind, coach_name(again, partner)) == (
            CoachKind.outside_partner,
            "City Literacy Partners",
        )
        assert (veteran.kind, veteran.coach_lead_id, veteran.focus) == (
            CoachKind.veteran_lead,
            ids["Jo Park"],
            "Running data meetings",
        )
        assert veteran.until == date.today() and partner.until is None
