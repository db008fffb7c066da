"""The ILT self-check: the check-in dialog, the trend chart and the page, on real journals."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from iltdesk import dates
from iltdesk.errors import UsageError
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.self_check import check_ins, record_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.reflect.self_check.chart import SelfCheckChart
from ui.reflect.self_check.colours import area_colour
from ui.reflect.self_check.dialog import SelfCheckDialog
from ui.reflect.self_check.page import CHECK_ID, SelfCheckPage

FIRST_DAY = date(2026, 9, 14)
SECOND_DAY = date(2026, 12, 7)
# The second check-in: talent climbs to 3.0 (strongest), school culture drops to 1.3 (weakest).
CHANGES = {"delegate_across_team": 4, "support_newcomers": 3, "decide_by_norms": 0}
ITEM_AREA = CURRENT_SET.item_area
TEXT = {key: CURRENT_SET.item(key).text for key in ITEM_AREA}  # type: ignore[union-attr]


def plain(text: str) -> str:
    """A label's rich text as the words a reader sees, spaces normalised."""
    doc = QTextDocument()
    doc.setHtml(text)
    return " ".join(doc.toPlainText().replace("\xa0", " ").split())


def every(value: int) -> dict[str, int]:
    return dict.fromkeys(ITEM_AREA, value)


def record_two(journal: Journal, second_by: str = "principal") -> tuple[int, int]:
    """A steady 'sometimes' check-in, then one where a few actions moved."""
    first = record_check(
        journal, every(2), notes={"talent": "Too much on my plate."}, taken_on=FIRST_DAY
    )
    second = record_check(journal, every(2) | CHANGES, taken_on=SECOND_DAY, taken_by=second_by)
    return first.id or 0, second.id or 0


def detail_text(page: SelfCheckPage) -> str:
    """Everything the ratings column says, label by label."""
    items = (page.detail.itemAt(i) for i in range(page.detail.count()))
    labels = [item.widget() for item in items if item is not None]
    return " | ".join(plain(w.text()) for w in labels if isinstance(w, QLabel))


def assert_drawn(shown: SelfCheckChart, width: int, height: int) -> None:
    """The chart paints at this size, with ink beyond the background and its area colours."""
    chart = SelfCheckChart()  # the page's own is held to its size by the page's layout
    chart.set_trends(shown.trends, shown.cards[0].lead.rater if shown.cards[0].lead else None)
    chart.resize(width, height)
    image = chart.grab().toImage()
    assert (image.width(), image.height()) == (width, height)
    background = image.pixelColor(0, image.height() - 1).rgb()
    seen = {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert len(seen - {background}) > 20, "the chart came out blank"
    talent = area_colour("talent").rgb()
    assert talent in seen, "no line or dot in the talent colour"


def test_the_dialog_saves_only_once_all_fifteen_are_rated(qtbot: QtBot, journal: Journal) -> None:
    context = AppContext(journal)
    dialog = SelfCheckDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert "15 actions left" in dialog.left.text()
    keys = list(ITEM_AREA)
    for number, key in enumerate(keys[:-1]):
        dialog.set_rating(key, number % 5)
    assert not dialog.save_button.isEnabled()
    assert "1 action left" in dialog.left.text()
    dialog.save()  # refused quietly: the button says why
    assert check_ins(journal) == []

    dialog.set_rating(keys[-1], 4)
    assert dialog.save_button.isEnabled()
    dialog.notes["talent"].set_markdown("Delegation is **real** now.")
    dialog.notes["school_culture"].setPlainText("   ")
    dialog.who.button(1).click()  # with the team
    with qtbot.waitSignal(context.changed) as signal:
        dialog.save()
    assert signal.args == [Change(RecordKind.SELF_CHECK)]
    assert dialog.result() == QDialog.DialogCode.Accepted
    [saved] = check_ins(journal)
    assert len(saved.answers) == 15
    assert saved.answers == {key: number % 5 for number, key in enumerate(keys[:-1])} | {
        keys[-1]: 4
    }
    assert saved.notes == {"talent": "Delegation is **real** now."}
    assert (saved.check.taken_on, saved.check.taken_by) == (date.today(), "team")


def test_keys_rate_an_action(qtbot: QtBot, journal: Journal) -> None:
    dialog = SelfCheckDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    picker = dialog.pickers["build_shared_picture"]
    assert picker.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(picker, Qt.Key.Key_4)
    assert picker.value() == 3
    qtbot.keyClick(picker, Qt.Key.Key_Right)
    qtbot.keyClick(picker, Qt.Key.Key_Right)  # stays at "always"
    assert picker.value() == 4
    qtbot.keyClick(picker, Qt.Key.Key_Left)
    assert picker.value() == 3
    qtbot.keyClick(picker, Qt.Key.Key_Home)
    assert picker.value() == 0
    fresh = dialog.pickers["watch_floor_time"]
    qtbot.keyClick(fresh, Qt.Key.Key_Right)  # from "not rated", Right starts at "never"
    assert fresh.value() == 0
    assert "Never" in fresh.accessibleDescription()


def test_tab_walks_the_actions_then_the_note(qtbot: QtBot, journal: Journal) -> None:
    dialog = SelfCheckDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.pickers["build_shared_picture"].hasFocus)  # ready to rate at once
    expected = ["align_ela_math", "coach_data_steps", "note", "decide_by_norms"]
    for key in expected:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        wanted = dialog.notes["learning_teaching"] if key == "note" else dialog.pickers[key]
        assert dialog.focusWidget() is wanted


def test_a_failed_save_shows_inline_and_keeps_the_dialog(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise UsageError("The journal is read-only just now.")

    monkeypatch.setattr("ui.reflect.self_check.dialog.record_check", refuse)
    dialog = SelfCheckDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    for key in ITEM_AREA:
        dialog.set_rating(key, 1)
    dialog.save()
    assert not dialog.error.isHidden()
    assert "read-only" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_leaving_with_ratings_asks_first(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]  # keep editing, then discard
    monkeypatch.setattr("ui.kit.unsaved.confirm_discard", lambda *_: answers.pop(0))
    dialog = SelfCheckDialog(AppContext(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_rating("delegate_across_team", 2)
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert answers == []


def test_a_second_check_in_extends_every_line(qtbot: QtBot, journal: Journal) -> None:
    record_check(journal, every(1), taken_on=FIRST_DAY)
    context = AppContext(journal)
    page = SelfCheckPage(context)
    qtbot.addWidget(page)
    assert [len(t.points) for t in page.chart.cards] == [1] * 5
    assert_drawn(page.chart, 600, 360)  # one dot per area, no line yet

    page.new_button.click()
    dialog = page.findChild(SelfCheckDialog)
    assert dialog is not None and dialog.isVisible()
    for key in ITEM_AREA:
        dialog.set_rating(key, 3)
    dialog.save()
    assert not dialog.isVisible()
    assert [len(t.points) for t in page.chart.cards] == [2] * 5
    assert [t.change for t in page.chart.cards] == [2.0] * 5
    assert page.checks.count() == 2
    assert page.checks.currentItem().data(CHECK_ID) == check_ins(journal)[-1].check.id
    for width, height in ((300, 200), (1200, 700)):
        assert_drawn(page.chart, width, height)


def test_the_page_names_the_ends_and_what_moved(qtbot: QtBot, journal: Journal) -> None:
    record_two(journal)
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    glance = plain(page.glance.text())
    assert "Strongest: ● Talent management (3.0)" in glance
    assert "Weakest: ● School culture (1.3)" in glance
    assert glance.startswith(f"Just me, {dates.short(SECOND_DAY)}:")
    moved = plain(page.moved.text())
    assert moved.startswith(f"Just me, since {dates.short(FIRST_DAY)}")
    assert "Talent management ▲ +1.0" in moved
    assert "▲ +2 Delegate responsibilities across the team's members" in moved
    assert "▲ +1 Support new staff and new team members through a system" in moved
    assert "School culture ▼ −0.7" in moved
    assert "▼ −2 Build and use shared norms, beliefs and values to guide decisions" in moved
    assert "Learning and teaching" not in moved  # nothing moved there


def test_selecting_a_past_check_in_shows_its_ratings(qtbot: QtBot, journal: Journal) -> None:
    first, second = record_two(journal, second_by="team")
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    assert page.checks.item(0).data(CHECK_ID) == second  # newest first, and shown
    assert "Delegate responsibilities across the team's members Always" in detail_text(page)
    assert page.detail_title.text() == f"{dates.short(SECOND_DAY)}, with the team"

    page.checks.setCurrentRow(1)  # as a click on the older one
    assert page.checks.currentItem().data(CHECK_ID) == first
    shown = detail_text(page)
    assert page.detail_title.text() == f"{dates.short(FIRST_DAY)}, just me"
    assert "Delegate responsibilities across the team's members Sometimes" in shown
    assert "Always" not in shown
    assert "Too much on my plate." in shown
    page.select_check(second)
    assert page.checks.currentItem().data(CHECK_ID) == second
    assert "Too much on my plate." not in detail_text(page)


def test_an_empty_journal_invites_the_first_check_in(qtbot: QtBot, journal: Journal) -> None:
    page = SelfCheckPage(AppContext(journal))
    qtbot.addWidget(page)
    assert page.checks.count() == 0
    assert page.new_button.isHidden()
    chart = SelfCheckChart()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    image = chart.grab().toImage()  # the "no check-ins yet" text, not a blank box
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 400, 2) for y in range(0, 240, 2)}
    assert len(colours) > 2
