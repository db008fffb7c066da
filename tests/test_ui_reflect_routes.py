"""Search hits for the thinking tools open the right page and record from anywhere."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from iltdesk import challenge, charter, self_check, tension
from iltdesk.models import ForceKind, LogKind
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow


def test_reflection_records_open_their_page(qtbot: QtBot, journal: Journal) -> None:
    first = challenge.add_challenge(journal, "Norms lost to turnover")
    second = challenge.add_challenge(journal, "Exhausted team")
    card = challenge.add_card(journal, first.id or 0, ForceKind.asset, "A trusted co-leader")
    entry = challenge.log(journal, second.id or 0, LogKind.learning, "Ask, then listen")
    answers = dict.fromkeys(CURRENT_SET.item_area, 2)
    check = self_check.record_check(journal, answers, notes={"talent": "Delegation is thin"})
    note = tension.add_note(journal, "build_buy", 1, evidence="Outside coach helped the 6th grade")
    scope = charter.add_scope_item(journal, "October", data="Exit tickets")
    window = MainWindow(AppContext(journal))
    qtbot.addWidget(window)
    window.show()
    emit = window.context.open_record.emit

    emit(RecordKind.FORCE_CARD, card.id or 0)
    page = window.reflect.pages["challenges"]
    assert window.pages.currentWidget() is page
    shown = page.view.challenge  # type: ignore[attr-defined]
    assert shown is not None and shown.id == first.id
    assert page.view.board.selected_card() == card.id  # type: ignore[attr-defined]

    emit(RecordKind.CHALLENGE_LOG, entry.id or 0)
    shown = page.view.challenge  # type: ignore[attr-defined]
    assert shown is not None and shown.id == second.id

    [hit] = search(journal, "Delegation is thin", kinds=(RecordKind.SELF_CHECK_NOTE,))
    emit(hit.kind, hit.record_id)
    assert window.pages.currentWidget() is window.reflect.pages["self_check"]
    checks = window.reflect.pages["self_check"].checks  # type: ignore[attr-defined]
    assert checks.currentItem() is not None

    emit(RecordKind.TENSION, note.id or 0)
    tensions = window.reflect.pages["tensions"]
    assert window.pages.currentWidget() is tensions
    assert any(c.note.id == note.id for c in tensions.note_cards)  # type: ignore[attr-defined]

    emit(RecordKind.SCOPE_ITEM, scope.id or 0)
    assert window.pages.currentWidget() is window.reflect.pages["charter"]
    assert window.sidebar.tree.currentIndex().data() == "ILT charter"
    assert check.taken_on == date.today()
    window.release()
