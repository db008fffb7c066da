"""The Complex challenges page: guided areas that save themselves, the forces board, the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from iltdesk.challenge import add_card, add_challenge, board, challenges, log
from iltdesk.errors import DiskFull
from iltdesk.lead import add_lead
from iltdesk.models import ChallengeStatus, ForceKind, LogKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.kit.fields import qdate
from ui.lead.challenges import LeadChallengeLinks
from ui.reflect.challenges.card_dialog import CardDialog
from ui.reflect.challenges.force_cards import CARD_MIME, NAMES_ROLE, CardList
from ui.reflect.challenges.forces_board import ForcesBoard
from ui.reflect.challenges.page import ChallengesPage, NewChallengeDialog

TITLE = "Turnover and burnout on a half-new team"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Questions answer Yes at once (a blocked test would hang the run); titles are kept."""
    asked: list[str] = []

    def question(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    yield asked


@pytest.fixture
def context(journal: Journal) -> AppContext:
    return AppContext(journal)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> ChallengesPage:
    widget = ChallengesPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    return widget


def layout(journal: Journal, challenge_id: int) -> dict[ForceKind, list[str]]:
    """The board as stored: each column's card texts in order."""
    return {kind: [c.text for c in cards] for kind, cards in board(journal, challenge_id).items()}


def opened(page: ChallengesPage, journal: Journal) -> tuple[int, ForcesBoard]:
    """A challenge made in the journal and shown on the page."""
    challenge = add_challenge(journal, TITLE)
    page.refresh()
    assert page.select_challenge(challenge.id)
    return challenge.id or 0, page.view.board


def add_by_typing(qtbot: QtBot, forces: ForcesBoard, column: int, *texts: str) -> None:
    field = forces.columns[column].add_field
    for text in texts:
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_new_challenge_then_its_areas_title_and_status_save_themselves(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: ChallengesPage, journal: Journal
) -> None:
    assert page.stack.currentWidget() is page.empty and page.list.count() == 0

    def exec_(dialog: NewChallengeDialog) -> int:
        dialog.save()  # an empty title is refused and the dialog stays open
        assert dialog.error.isVisibleTo(dialog) and dialog.challenge is None
        dialog.title.setText(TITLE)
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(NewChallengeDialog, "exec", exec_)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [challenge] = challenges(journal)
    assert page.stack.currentWidget() is page.view and page.view.challenge == challenge
    assert page.view.title.text() == TITLE
    assert page.list.item(0).text().endswith("· Open")
    qtbot.keyClicks(page.view.areas["equity"], "Leavers teach our multilingual learners.")
    qtbot.waitUntil(lambda: "multilingual" in challenges(journal)[0].equity, timeout=3000)
    page.view.title.selectAll()
    qtbot.keyClicks(page.view.title, "Norms lost with the people who held them")
    qtbot.waitUntil(lambda: challenges(journal)[0].title.startswith("Norms"), timeout=3000)
    assert page.list.item(0).text().startswith("Norms lost")
    qtbot.mouseClick(page.view.status.button(2), Qt.MouseButton.LeftButton)
    assert challenges(journal)[0].status is ChallengeStatus.resolved
    qtbot.waitUntil(lambda: page.list.item(0).text().endswith("· Resolved"), timeout=2000)


def test_cards_are_added_reordered_and_moved_by_keyboard_and_stay_selected(
    qtbot: QtBot, page: ChallengesPage, journal: Journal
) -> None:
    cid, forces = opened(page, journal)
    add_by_typing(qtbot, forces, 0, "Half the team is new", "Burnout", "Norms lost")
    add_by_typing(qtbot, forces, 1, "A trusted co-leader")
    assert forces.columns[0].add_field.text() == ""  # ready for the next card
    assert layout(journal, cid)[ForceKind.hinders] == [
        "Half the team is new",
        "Burnout",
        "Norms lost",
    ]
    hinders, assets = forces.lists[0], forces.lists[1]
    burnout = hinders.card_ids()[1]
    forces.select_card(burnout)
    qtbot.keyClick(hinders, Qt.Key.Key_Up, ALT)
    assert layout(journal, cid)[ForceKind.hinders] == [
        "Burnout",
        "Half the team is new",
        "Norms lost",
    ]
    assert forces.selected_card() == burnout and hinders.currentRow() == 0
    qtbot.keyClick(hinders, Qt.Key.Key_Up, ALT)  # already at the top: nothing moves
    assert hinders.card_ids()[0] == burnout
    qtbot.keyClick(hinders, Qt.Key.Key_Right, ALT)
    stored = board(journal, cid)
    assert [(c.text, c.position) for c in stored[ForceKind.asset]] == [
        ("Burnout", 0),
        ("A trusted co-leader", 1),
    ]
    assert [c.position for c in stored[ForceKind.hinders]] == [0, 1]  # the gap is closed
    assert assets.card_ids()[0] == burnout and forces.selected_card() == burnout
    assert assets.currentRow() == 0 and not hinders.selectedItems()
    qtbot.keyClick(assets, Qt.Key.Key_Down, ALT)
    assert layout(journal, cid)[ForceKind.asset] == ["A trusted co-leader", "Burnout"]
    qtbot.keyClick(assets, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(forces.lists[2], Qt.Key.Key_Right, ALT)
    qtbot.keyClick(forces.lists[3], Qt.Key.Key_Right, ALT)  # the last column: stays put
    assert layout(journal, cid)[ForceKind.context] == ["Burnout"]
    assert forces.lists[3].card_ids() == [burnout] and forces.selected_card() == burnout


def drop(target: CardList, card: int, row: int, *, below: bool = False) -> None:
    """Drop ``card`` on the top (or bottom) half of ``row`` in ``target``, as a drag would."""
    rect = target.visualRect(target.model().index(row, 0))
    y = rect.bottom() - 3 if below else rect.top() + 3
    mime = QMimeData()
    mime.setData(CARD_MIME, QByteArray(str(card).encode()))
    at = QPointF(rect.center().x(), y)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, ALT.NoModifier
    entering = QDragEnterEvent(at.toPoint(), move, mime, left, none)
    target.dragEnterEvent(entering)
    hovering = QDragMoveEvent(at.toPoint(), move, mime, left, none)
    target.dragMoveEvent(hovering)
    assert entering.isAccepted() and hovering.isAccepted()  # the list takes this kind of drag
    event = QDropEvent(at, move, mime, left, none)
    target.dropEvent(event)
    assert event.isAccepted()


def test_dropping_a_card_moves_it_in_the_journal_and_the_board_reloads(
    page: ChallengesPage, journal: Journal
) -> None:
    cid, forces = opened(page, journal)
    for text in ("Turnover", "Burnout", "Screens"):
        add_card(journal, cid, ForceKind.hinders, text)
    for text in ("Pulse survey", "Outside coaching"):
        add_card(journal, cid, ForceKind.move, text)
    forces.reload()
    hinders, moves = forces.lists[0], forces.lists[2]
    turnover, burnout, screens = hinders.card_ids()
    drop(hinders, turnover, 2)  # onto the top half of the third: between the second and third
    assert layout(journal, cid)[ForceKind.hinders] == ["Burnout", "Turnover", "Screens"]
    assert hinders.card_ids() == [burnout, turnover, screens]
    drop(moves, burnout, 1)  # above "Outside coaching"
    assert layout(journal, cid)[ForceKind.move] == ["Pulse survey", "Burnout", "Outside coaching"]
    assert hinders.card_ids() == [turnover, screens] and moves.card_ids()[1] == burnout
    assert forces.selected_card() == burnout
    drop(hinders, turnover, 1, below=True)  # onto the lower half of the last: to the end
    assert layout(journal, cid)[ForceKind.hinders] == ["Screens", "Turnover"]
    drop(forces.lists[3], screens, 0)  # an empty column: lands at its top
    assert layout(journal, cid)[ForceKind.context] == ["Screens"]
    assert forces.columns[3].count.text() == "1" and forces.columns[0].count.text() == "1"


def test_cards_name_leads_whose_overview_links_back(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: ChallengesPage, journal: Journal
) -> None:
    cid, forces = opened(page, journal)
    yolanda = add_lead(journal, "Yolanda Brooks").id or 0
    add_lead(journal, "Marcus Lee")
    add_lead(journal, "Keisha Grant")
    card = add_card(journal, cid, ForceKind.asset, "A co-leader who tells me the truth").id or 0
    forces.reload(select=card)

    def exec_(dialog: CardDialog) -> int:
        assert dialog.focusWidget() is dialog.leads  # "Leads…" opens at the list of leads
        for row in range(dialog.leads.count()):
            item = dialog.leads.item(row)
            if item.text().startswith(("Yolanda", "Keisha")):
                item.setCheckState(Qt.CheckState.Checked)
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(CardDialog, "exec", exec_)
    qtbot.mouseClick(forces.leads_button, Qt.MouseButton.LeftButton)
    assert forces.lists[1].item(0).data(NAMES_ROLE) == ["Keisha", "Yolanda"]
    links = LeadChallengeLinks(page.context)
    qtbot.addWidget(links)
    links.show_lead(add_lead(journal, "Hal Ortiz").id or 0)
    assert links.isHidden()  # named nowhere: nothing to show
    links.show_lead(yolanda)
    assert not links.isHidden() and links.list.count() == 1
    assert "Assets that help" in links.list.item(0).text() and TITLE in links.list.item(0).text()
    with qtbot.waitSignal(page.context.open_record) as opening:
        links.list.itemActivated.emit(links.list.item(0))
    assert opening.args == ["force_card", card]


def test_editing_and_deleting_a_card_by_keyboard(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: ChallengesPage, answers: list[str]
) -> None:
    cid, forces = opened(page, page.context.journal)
    add_by_typing(qtbot, forces, 2, "Ask before deciding", "Pulse survey", "Coaching")
    moves = forces.lists[2]

    def exec_(dialog: CardDialog) -> int:
        dialog.text.setPlainText("   ")
        dialog.save()  # an empty card is refused: delete it instead
        assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)
        dialog.text.setPlainText("Ask 'tell me more' before deciding")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(CardDialog, "exec", exec_)
    forces.select_card(moves.card_ids()[0])
    qtbot.keyClick(moves, Qt.Key.Key_F2)
    journal = page.context.journal
    assert layout(journal, cid)[ForceKind.move][0] == "Ask 'tell me more' before deciding"
    pulse = moves.card_ids()[1]
    forces.select_card(pulse)
    qtbot.keyClick(moves, Qt.Key.Key_Delete)
    assert answers == ["Delete this card?"]
    assert layout(journal, cid)[ForceKind.move] == [
        "Ask 'tell me more' before deciding",
        "Coaching",
    ]
    assert forces.selected_card() == moves.card_ids()[1]  # the next card takes its place


def test_a_card_edit_refused_by_the_journal_keeps_the_dialog_and_its_words(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: ChallengesPage
) -> None:
    cid, forces = opened(page, page.context.journal)
    add_by_typing(qtbot, forces, 2, "Ask before deciding")
    moves = forces.lists[2]
    failures: list[str] = []
    page.context.save_failed.connect(failures.append)

    def disk_full(*_: object) -> None:
        raise DiskFull("The disk is full; nothing was saved.")

    monkeypatch.setattr("ui.reflect.challenges.forces_board.edit_card", disk_full)
    kept: list[tuple[int, str]] = []

    def exec_(dialog: CardDialog) -> int:
        dialog.text.setPlainText("Ask 'tell me more' first")
        dialog.save()
        kept.append((dialog.result(), dialog.card_text()))
        return 0  # then Cancel

    monkeypatch.setattr(CardDialog, "exec", exec_)
    forces.select_card(moves.card_ids()[0])
    qtbot.keyClick(moves, Qt.Key.Key_F2)
    assert kept == [(0, "Ask 'tell me more' first")]  # still open, the words still there
    assert failures == ["Not saved: The disk is full; nothing was saved."]
    assert layout(page.context.journal, cid)[ForceKind.move] == ["Ask before deciding"]


def test_the_log_adds_entries_and_shows_the_newest_first(
    qtbot: QtBot, page: ChallengesPage, journal: Journal
) -> None:
    cid, _ = opened(page, journal)
    today = date.today()
    log(journal, cid, LogKind.decision, "Stopped adding anything new", on=today - timedelta(30))
    page.view.load(challenges(journal)[0])
    entries = page.view.log
    assert entries.card.isVisibleTo(entries) and not entries.empty.isVisibleTo(entries)
    entries.kind.setCurrentIndex(2)
    entries.when.setDate(qdate(today - timedelta(40)))
    qtbot.keyClicks(entries.text, "I was directing because I was scared")
    qtbot.keyClick(entries.text, Qt.Key.Key_Return)
    entries.kind.setCurrentIndex(1)
    entries.when.setDate(qdate(today))
    qtbot.keyClicks(entries.text, "Two teams rewrote their norms")
    qtbot.mouseClick(entries.add_button, Qt.MouseButton.LeftButton)
    assert [(e.kind, e.text[:9]) for e in entries.entries] == [
        (LogKind.change, "Two teams"),
        (LogKind.decision, "Stopped a"),
        (LogKind.learning, "I was dir"),
    ]
    assert entries.text.text() == "" and entries.rows.count() == 5  # three rows, two rules
    qtbot.mouseClick(entries.add_button, Qt.MouseButton.LeftButton)
    assert entries.error.isVisibleTo(entries) and len(entries.entries) == 3


def test_select_card_opens_its_challenge_and_selects_it(
    qtbot: QtBot, page: ChallengesPage, journal: Journal
) -> None:
    older = add_challenge(journal, "Distance learning", opened_on=date(2026, 3, 1)).id or 0
    newer = add_challenge(journal, TITLE).id or 0
    add_card(journal, older, ForceKind.context, "The pandemic")
    card = add_card(journal, older, ForceKind.context, "Screens all day").id or 0
    add_card(journal, newer, ForceKind.hinders, "Turnover")
    page.refresh()
    assert page.view.challenge is not None and page.view.challenge.id == newer
    assert page.select_card(card)
    assert page.view.challenge.id == older and page.list.currentRow() == 1
    assert page.view.board.selected_card() == card
    assert page.view.board.lists[3].currentRow() == 1
    assert page.view.scroller.verticalScrollBar().value() > 0  # the board is in view
    assert not page.select_card(9999)


def test_a_dialog_cancel_changes_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: ChallengesPage, journal: Journal
) -> None:
    cid, forces = opened(page, journal)
    add_card(journal, cid, ForceKind.hinders, "Turnover")
    forces.reload()
    monkeypatch.setattr(CardDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    forces.edit(forces.lists[0].card_ids()[0])
    monkeypatch.setattr(NewChallengeDialog, "exec", lambda _self: 0)
    page.new_challenge()
    assert layout(journal, cid)[ForceKind.hinders] == ["Turnover"] and len(challenges(journal)) == 1


def test_the_log_entry_box_has_room_for_a_few_sentences(
    qtbot: QtBot, page: ChallengesPage, journal: Journal
) -> None:
    """It was a one-line field beside the kind, the date and the button: ~90 px wide at 1024."""
    opened(page, journal)
    page.resize(1024, 700)
    qtbot.waitUntil(lambda: page.width() == 1024)
    box = page.view.log.text
    assert box.height() >= 5 * box.fontMetrics().lineSpacing()
    assert box.width() >= 400
    qtbot.keyClicks(box, "Paused new initiatives")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line
    qtbot.keyClicks(box, "until the team settles")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # adds it
    [entry] = page.view.log.entries
    assert entry.text == "Paused new initiatives\nuntil the team settles" and box.text() == ""
