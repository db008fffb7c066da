"""The tensions page by keys: a note made of reasoning and a decision with no leaning, a
leaning taken back, and what a reopened note and journal show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from iltdesk.store.journal import Journal
from iltdesk.tension import TENSIONS, add_note, notes_on
from tests.conftest import PASSPHRASE
from tests.keys import (
    DesktopKeys,
    Key,
    Keys,
    choose_in_menu,
    focused,
    settle,
    tab_to,
    wait_for_active,
)
from tests.keys import press_button as press
from ui.kit.context import AppContext
from ui.reflect.tensions.leaning_widget import NOTE_ROLE, OverviewGeometry
from ui.reflect.tensions.note_dialog import TensionNoteDialog
from ui.reflect.tensions.page import TensionsPage
from ui.reflect.tensions.scale import marker_colour, step_x

pytestmark = pytest.mark.usefixtures("app_look")  # the app's own look (tests/conftest.py)

DAY = date(2026, 10, 6)
BOTH = "holds both, depending on the situation"


def host(qtbot: QtBot, journal: Journal) -> TensionsPage:
    """The page on its own, shown and active, as the window a person works in."""
    page = TensionsPage(AppContext(journal))
    qtbot.addWidget(page)
    page.resize(1100, 860)
    page.show()
    page.activateWindow()
    return wait_for_active(TensionsPage)


def go_to_tension(keys: Keys, page: TensionsPage, key: str) -> None:
    tab_to(keys, lambda w: w is page.overview)
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Down, times=[t.key for t in TENSIONS].index(key))
    assert page.current_tension().key == key


def test_a_note_of_reasoning_and_a_decision_with_no_leaning_by_keys(
    qtbot: QtBot, journal: Journal
) -> None:
    page = host(qtbot, journal)
    keys = DesktopKeys()
    go_to_tension(keys, page, "need_readiness")
    seen: list[object] = []

    def write(dialog: TensionNoteDialog) -> None:
        # The reasoning for each side leads, and the form opens on it, with no leaning.
        assert focused() is dialog.first_serves
        assert dialog.picker.leaning() is None and dialog.picker.none_button.isChecked()
        keys.type("A team whose students are furthest behind")
        keys.tab()
        assert focused() is dialog.second_serves
        keys.type("A team that already brings data to every meeting")
        keys.tab()
        assert focused() is dialog.decision
        keys.type("Where to pilot the new reteach tracker")
        seen.append(dialog.picker.words.text())
        press(keys, "Save the note")

    keys.then_in(TensionNoteDialog, write)
    press(keys, "Add a note…")
    qtbot.waitUntil(lambda: bool(notes_on(journal, "need_readiness")))
    assert seen == [f"{BOTH[:1].upper()}{BOTH[1:]}."]
    [note] = notes_on(journal, "need_readiness")
    assert (note.leaning, note.decision, note.first_pole_serves, note.evidence) == (
        None,
        "Where to pilot the new reteach tracker",
        "A team whose students are furthest behind",
        "",
    )
    item = page.overview.item([t.key for t in TENSIONS].index("need_readiness"))
    assert f"{BOTH}, on the decision: Where to pilot the new reteach tracker" in item.text()
    [card] = page.note_cards
    assert card.leaning.text() == "Holds both, depending on the situation"
    shown = [label.text() for label in card.findChildren(type(card.leaning))]
    assert "THE DECISION AT STAKE" in shown and "Where to pilot the new reteach tracker" in shown
    # Drawn as neither balanced (a dot at the middle) nor "not noted yet".
    settle()
    image = page.overview.viewport().grab().toImage()
    scale = OverviewGeometry(page.overview.visualItemRect(item), decision=True).scale
    middle = image.pixelColor(int(step_x(scale, 0)), int(scale.center().y()))
    assert middle != marker_colour()
    assert item.data(NOTE_ROLE).id == note.id


def test_a_note_with_no_words_is_refused_and_keeps_the_form_open(
    qtbot: QtBot, journal: Journal
) -> None:
    page = host(qtbot, journal)
    keys = DesktopKeys()
    said: list[str] = []

    def leaning_only(dialog: TensionNoteDialog) -> None:
        try:
            # Tab lands on the current choice, "No single side"; arrows move along the steps.
            tab_to(keys, lambda w: w in dialog.picker.group.buttons())
            assert focused() is dialog.picker.none_button
            keys.press(Key.Key_Left, times=2)  # a leaning, and nothing else
            assert dialog.picker.leaning() == 1
            press(keys, "Save the note")
            said.append(dialog.error.text() if dialog.isVisible() else "closed")
            tab_to(keys, lambda w: w in dialog.picker.group.buttons())
            assert focused() is dialog.picker.step_button(1)
            keys.press(Key.Key_Backspace)  # the leaning taken back: as the form opened
            keys.press(Key.Key_Escape)  # so it closes without asking
            said.append("open" if dialog.isVisible() else "closed")
        finally:
            if dialog.isVisible():
                dialog.hide()

    keys.then_in(TensionNoteDialog, leaning_only)
    press(keys, "Add a note…")
    qtbot.waitUntil(lambda: len(said) == 2)
    assert said[0].startswith("Write when a side serves, the decision at stake")
    assert said[1:] == ["closed"]
    assert notes_on(journal, TENSIONS[0].key) == []
    assert page.note_cards == []


def test_a_leaning_is_taken_back_by_keys_and_a_reopened_note_shows_none(
    qtbot: QtBot, journal: Journal
) -> None:
    add_note(journal, "fast_slow", 2, note="Push on", decision="Spread the huddles", noted_on=DAY)
    page = host(qtbot, journal)
    keys = DesktopKeys()
    go_to_tension(keys, page, "fast_slow")
    assert page.note_cards[0].leaning.text() == "Strongly leans to Scale slowly"

    def clear(dialog: TensionNoteDialog) -> None:
        assert dialog.decision.text() == "Spread the huddles"
        assert dialog.picker.leaning() == 2
        tab_to(keys, lambda w: w in dialog.picker.group.buttons())
        assert focused() is dialog.picker.step_button(2)  # Tab lands on the current choice
        keys.press(Key.Key_Delete)  # takes the leaning back
        assert dialog.picker.leaning() is None and dialog.picker.none_button.isChecked()
        press(keys, "Save the note")

    def edit_by_keys(then: Callable[[TensionNoteDialog], None]) -> None:
        page.activateWindow()  # a window manager does it when the dialog above closes
        wait_for_active(TensionsPage)
        keys.then_in(TensionNoteDialog, then)
        tab_to(keys, lambda w: w is page.note_cards[0].actions_button)
        choose_in_menu(keys, "Edit…")
        keys.press(Key.Key_Space)

    edit_by_keys(clear)
    qtbot.waitUntil(lambda: notes_on(journal, "fast_slow")[0].leaning is None)
    assert page.note_cards[0].leaning.text() == "Holds both, depending on the situation"
    reopened: list[tuple[int | None, bool]] = []

    def look(dialog: TensionNoteDialog) -> None:
        reopened.append((dialog.picker.leaning(), dialog.picker.none_button.isChecked()))
        keys.press(Key.Key_Escape)  # nothing changed: closes at once

    edit_by_keys(look)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened == [(None, True)]
    path = journal.path
    journal.close()
    again = Journal.open(path, PASSPHRASE)
    try:
        [note] = notes_on(again, "fast_slow")
        assert (note.leaning, note.decision, note.note) == (None, "Spread the huddles", "Push on")
        page = TensionsPage(AppContext(again))
        qtbot.addWidget(page)
        row = page.overview.item([t.key for t in TENSIONS].index("fast_slow"))
        assert BOTH in row.text()
    finally:
        again.close()
