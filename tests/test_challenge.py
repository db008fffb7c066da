"""Complex-challenge reflections on real encrypted journals: the reflection, the forces board
(adding, moving, deleting cards), the leads a card names, the log, search and reopening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.challenge import (
    add_card,
    add_challenge,
    board,
    card_leads,
    cards_about,
    challenges,
    delete_card,
    edit_card,
    log,
    log_entries,
    move_card,
    set_card_leads,
    update_challenge,
)
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.models import Challenge, ChallengeStatus, ForceCard, ForceKind, Lead, LogKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

H, A, M, C = ForceKind.hinders, ForceKind.asset, ForceKind.move, ForceKind.context

Layout = list[tuple[ForceKind, int, str]]


def _challenge(journal: Journal, title: str = "Norms lost to turnover", **kw: object) -> int:
    challenge = add_challenge(journal, title, **kw)  # type: ignore[arg-type]
    assert challenge.id is not None
    return challenge.id


def _card(journal: Journal, challenge_id: int, kind: ForceKind, text: str) -> int:
    card = add_card(journal, challenge_id, kind, text)
    assert card.id is not None
    return card.id


def _lead(journal: Journal, name: str) -> int:
    lead = add_lead(journal, name)
    assert lead.id is not None
    return lead.id


def layout(journal: Journal, challenge_id: int) -> Layout:
    """Every card on the board as (column, position, text), column by column, top to bottom."""
    return [
        (kind, card.position, card.text)
        for kind, cards in board(journal, challenge_id).items()
        for card in cards
    ]


def _stored(journal: Journal, challenge_id: int) -> Challenge:
    with journal.session() as s:
        challenge = s.get(Challenge, challenge_id)
    assert challenge is not None
    return challenge


def _rows(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- the reflection ---------------------------------------------------------------------------


def test_add_challenge_strips_the_title_and_starts_open(journal: Journal) -> None:
    challenge_id = _challenge(journal, "  Norms lost to turnover  ", opened_on=date(2024, 9, 3))

    stored = _stored(journal, challenge_id)
    assert (stored.title, stored.opened_on, stored.status, stored.systems, stored.equity) == (
        "Norms lost to turnover",
        date(2024, 9, 3),
        ChallengeStatus.open,
        "",
        "",
    )
    assert add_challenge(journal, "Team is exhausted").opened_on == date.today()


def test_add_challenge_refuses_an_empty_title(journal: Journal) -> None:
    for title in ("", "   ", "\n\t"):
        with pytest.raises(UsageError, match="Give the challenge a short title"):
            add_challenge(journal, title)
    assert _rows(journal, "challenge") == 0


def test_challenges_newest_first_with_resolved_last(journal: Journal) -> None:
    old = _challenge(journal, "Old", opened_on=date(2024, 1, 10))
    new = _challenge(journal, "New", opened_on=date(2024, 5, 1))
    middle = _challenge(journal, "Middle", opened_on=date(2024, 3, 1))
    same_day_later = _challenge(journal, "Same day, added later", opened_on=date(2024, 3, 1))
    newest_resolved = _challenge(journal, "Newest but resolved", opened_on=date(2024, 6, 1))
    older_resolved = _challenge(journal, "Older resolved", opened_on=date(2023, 11, 1))
    update_challenge(journal, newest_resolved, status="resolved")
    update_challenge(journal, older_resolved, status=ChallengeStatus.resolved)
    update_challenge(journal, old, status="working")

    assert [c.id for c in challenges(journal)] == [
        new,
        same_day_later,
        middle,
        old,
        newest_resolved,
        older_resolved,
    ]
    assert challenges(journal)[3].status is ChallengeStatus.working


def test_update_challenge_saves_areas_and_converts_status_text(journal: Journal) -> None:
    challenge_id = _challenge(journal)

    returned = update_challenge(
        journal,
        challenge_id,
        systems="No onboarding for new team members",
        root_causes="Norms lived in people, not in writing",
        status="working",
    )

    stored = _stored(journal, challenge_id)
    assert returned.status is ChallengeStatus.working
    assert (stored.systems, stored.root_causes, stored.status, stored.relationships) == (
        "No onboarding for new team members",
        "Norms lived in people, not in writing",
        ChallengeStatus.working,
        "",
    )
    assert type(stored.status) is ChallengeStatus
    update_challenge(journal, challenge_id, title="Norms, rebuilt", status="resolved")
    stored = _stored(journal, challenge_id)
    assert (stored.title, stored.status, stored.systems) == (
        "Norms, rebuilt",
        ChallengeStatus.resolved,
        "No onboarding for new team members",
    )


def test_update_challenge_refuses_unknown_fields_and_changes_nothing(journal: Journal) -> None:
    challenge_id = _challenge(journal)

    with pytest.raises(UsageError, match="Cannot change id, mood of a challenge"):
        update_challenge(journal, challenge_id, systems="changed", mood="tired", id=99)

    stored = _stored(journal, challenge_id)
    assert (stored.id, stored.systems) == (challenge_id, "")
    with pytest.raises(UsageError, match="There is no challenge #42"):
        update_challenge(journal, 42, systems="x")
    for title in ("", "   "):
        with pytest.raises(UsageError, match="short title"):
            update_challenge(journal, challenge_id, title=title, systems="changed")
    stored = _stored(journal, challenge_id)
    assert (stored.title, stored.systems) == ("Norms lost to turnover", "")


# -- the forces board -------------------------------------------------------------------------


def test_add_card_appends_positions_per_column(journal: Journal) -> None:
    cid = _challenge(journal)
    _card(journal, cid, H, "Turnover")
    _card(journal, cid, A, "A trusted co-leader")
    _card(journal, cid, H, "  Burnout  ")
    _card(journal, cid, C, "Distance learning")
    _card(journal, cid, H, "Too many initiatives")
    _card(journal, cid, A, "High-capacity teachers")
    _card(journal, cid, A, "My experience")

    assert layout(journal, cid) == [
        (H, 0, "Turnover"),
        (H, 1, "Burnout"),
        (H, 2, "Too many initiatives"),
        (A, 0, "A trusted co-leader"),
        (A, 1, "High-capacity teachers"),
        (A, 2, "My experience"),
        (C, 0, "Distance learning"),
    ]
    assert list(board(journal, cid)) == [H, A, M, C]
    assert board(journal, cid)[M] == []
    top = board(journal, cid)[A][0]
    assert isinstance(top, ForceCard)
    assert (top.challenge_id, top.kind) == (cid, A)
    # Each challenge has its own board, numbered from 0.
    other = _challenge(journal, "Team is exhausted")
    _card(journal, other, H, "Exhaustion")
    assert layout(journal, other) == [(H, 0, "Exhaustion")]
    assert len(layout(journal, cid)) == 7


def test_add_card_refuses_empty_text_and_missing_challenge(journal: Journal) -> None:
    cid = _challenge(journal)
    with pytest.raises(UsageError, match="Write the card first"):
        add_card(journal, cid, H, "  ")
    with pytest.raises(UsageError, match="There is no challenge #99"):
        add_card(journal, 99, H, "Turnover")
    assert _rows(journal, "force_card") == 0


def _column_of(journal: Journal, kind: ForceKind, texts: tuple[str, ...]) -> dict[str, int]:
    """A new challenge with ``texts`` as cards in column ``kind``: {text: card id}."""
    cid = _challenge(journal, "Moves")
    return {text: _card(journal, cid, kind, text) for text in texts}


MOVES_WITHIN = [
    ("c", 0, "cabd"),  # to the top
    ("a", 3, "bcda"),  # to the bottom
    ("b", 2, "acbd"),  # down one place
    ("c", 1, "acbd"),  # up one place
    ("b", 1, "abcd"),  # to its own place: nothing changes
    ("b", 4, "acdb"),  # one past the end clamps to the bottom
    ("b", 99, "acdb"),
    ("c", -1, "cabd"),  # negative clamps to the top
    ("d", -50, "dabc"),
]


def test_move_card_within_its_column(journal: Journal) -> None:
    for card, position, expected in MOVES_WITHIN:
        ids = _column_of(journal, H, ("a", "b", "c", "d"))
        cid = _stored_card(journal, ids["a"]).challenge_id
        _card(journal, cid, A, "untouched")

        moved = move_card(journal, ids[card], H, position)

        case = (card, position)
        assert (moved.kind, moved.position) == (H, expected.index(card)), case
        assert layout(journal, cid) == [
            *((H, i, text) for i, text in enumerate(expected)),
            (A, 0, "untouched"),
        ], case


def _stored_card(journal: Journal, card_id: int) -> ForceCard:
    with journal.session() as s:
        card = s.get(ForceCard, card_id)
    assert card is not None
    return card


def test_move_card_across_columns_renumbers_both(journal: Journal) -> None:
    cid = _challenge(journal)
    ids = {text: _card(journal, cid, H, text) for text in ("h0", "h1", "h2")}
    for text in ("m0", "m1"):
        _card(journal, cid, M, text)

    moved = move_card(journal, ids["h0"], M, 1)

    assert (moved.kind, moved.position) == (M, 1)
    assert layout(journal, cid) == [
        (H, 0, "h1"),
        (H, 1, "h2"),
        (M, 0, "m0"),
        (M, 1, "h0"),
        (M, 2, "m1"),
    ]
    # ...and straight back into the middle of where it came from.
    move_card(journal, ids["h0"], H, 1)
    assert layout(journal, cid) == [
        (H, 0, "h1"),
        (H, 1, "h0"),
        (H, 2, "h2"),
        (M, 0, "m0"),
        (M, 1, "m1"),
    ]
    # From the middle of a column to the top of another; then past the end of another.
    move_card(journal, ids["h0"], M, 0)
    assert layout(journal, cid) == [
        (H, 0, "h1"),
        (H, 1, "h2"),
        (M, 0, "h0"),
        (M, 1, "m0"),
        (M, 2, "m1"),
    ]
    move_card(journal, ids["h1"], M, 99)
    assert layout(journal, cid) == [
        (H, 0, "h2"),
        (M, 0, "h0"),
        (M, 1, "m0"),
        (M, 2, "m1"),
        (M, 3, "h1"),
    ]
    with pytest.raises(UsageError, match="There is no card #99"):
        move_card(journal, 99, H, 0)


def test_move_card_into_an_empty_column_at_any_position(journal: Journal) -> None:
    for position in (0, 1, 7, -3):
        ids = _column_of(journal, H, ("h0", "h1", "h2"))
        cid = _stored_card(journal, ids["h0"]).challenge_id

        move_card(journal, ids["h1"], C, position)

        assert layout(journal, cid) == [(H, 0, "h0"), (H, 1, "h2"), (C, 0, "h1")], position


def test_moving_the_last_card_out_empties_the_column(journal: Journal) -> None:
    cid = _challenge(journal)
    only = _card(journal, cid, A, "only asset")
    _card(journal, cid, M, "m0")

    move_card(journal, only, M, 0)

    assert board(journal, cid)[A] == []
    assert layout(journal, cid) == [(M, 0, "only asset"), (M, 1, "m0")]
    # A card added to the emptied column starts again at the top.
    _card(journal, cid, A, "new asset")
    assert layout(journal, cid)[0] == (A, 0, "new asset")


def test_many_moves_keep_every_column_dense(journal: Journal) -> None:
    cid = _challenge(journal)
    ids = [_card(journal, cid, kind, f"{kind}{i}") for kind in (H, A, M) for i in range(3)]
    plan = [(0, M, 0), (4, H, 9), (8, C, 0), (1, C, 1), (2, A, -1), (6, H, 2), (0, C, 5)]
    for index, kind, position in plan:
        move_card(journal, ids[index], kind, position)
        for cards in board(journal, cid).values():
            assert [c.position for c in cards] == list(range(len(cards)))

    assert layout(journal, cid) == [
        (H, 0, "asset1"),
        (H, 1, "move0"),
        (A, 0, "hinders2"),
        (A, 1, "asset0"),
        (A, 2, "asset2"),
        (M, 0, "move1"),
        (C, 0, "move2"),
        (C, 1, "hinders1"),
        (C, 2, "hinders0"),
    ]


def test_delete_card_closes_the_gap(journal: Journal) -> None:
    ids = _column_of(journal, H, ("a", "b", "c", "d"))
    cid = _stored_card(journal, ids["a"]).challenge_id
    _card(journal, cid, A, "asset")

    delete_card(journal, ids["b"])

    assert layout(journal, cid) == [(H, 0, "a"), (H, 1, "c"), (H, 2, "d"), (A, 0, "asset")]
    delete_card(journal, ids["a"])
    assert layout(journal, cid) == [(H, 0, "c"), (H, 1, "d"), (A, 0, "asset")]
    # A card added after the deletes goes to the bottom, with no duplicate position.
    _card(journal, cid, H, "e")
    assert layout(journal, cid) == [(H, 0, "c"), (H, 1, "d"), (H, 2, "e"), (A, 0, "asset")]
    with pytest.raises(UsageError, match=f"There is no card #{ids['b']}"):
        delete_card(journal, ids["b"])


def test_edit_card(journal: Journal) -> None:
    cid = _challenge(journal)
    card_id = _card(journal, cid, H, "Turnover")

    edited = edit_card(journal, card_id, "  Turnover: 4 of 9 new  ")

    assert edited.text == "Turnover: 4 of 9 new"
    assert layout(journal, cid) == [(H, 0, "Turnover: 4 of 9 new")]


def test_edit_card_refuses_empty_text(journal: Journal) -> None:
    cid = _challenge(journal)
    card_id = _card(journal, cid, H, "Turnover")

    for text in ("", "   "):
        with pytest.raises(UsageError, match="A card cannot be empty"):
            edit_card(journal, card_id, text)

    assert layout(journal, cid) == [(H, 0, "Turnover")]
    with pytest.raises(UsageError, match="There is no card #99"):
        edit_card(journal, 99, "Text")


# -- leads named on cards ---------------------------------------------------------------------


def test_set_card_leads_replaces_the_set(journal: Journal) -> None:
    cid = _challenge(journal)
    card_id = _card(journal, cid, A, "Co-leaders as thought partners")
    other_card = _card(journal, cid, A, "Other card")
    maria, dev, sam = (_lead(journal, n) for n in ("Maria Lopez", "Dev Patel", "Sam Okafor"))

    assert card_leads(journal, card_id) == set()
    set_card_leads(journal, card_id, {maria, dev})
    set_card_leads(journal, other_card, {sam})
    assert card_leads(journal, card_id) == {maria, dev}

    set_card_leads(journal, card_id, {dev, sam})
    assert card_leads(journal, card_id) == {dev, sam}
    assert card_leads(journal, other_card) == {sam}

    set_card_leads(journal, card_id, set())
    assert card_leads(journal, card_id) == set()
    assert card_leads(journal, other_card) == {sam}


def test_set_card_leads_on_a_missing_card(journal: Journal) -> None:
    maria = _lead(journal, "Maria Lopez")
    with pytest.raises(UsageError, match="There is no card #3"):
        set_card_leads(journal, 3, {maria})
    assert _rows(journal, "force_card_lead") == 0


def test_cards_about_a_lead(journal: Journal) -> None:
    older = _challenge(journal, "Older", opened_on=date(2024, 1, 5))
    newer = _challenge(journal, "Newer", opened_on=date(2024, 4, 5))
    maria, dev, sam = (_lead(journal, n) for n in ("Maria Lopez", "Dev Patel", "Sam Okafor"))
    old_card = _card(journal, older, H, "Maria is stretched thin")
    _card(journal, newer, A, "Unrelated")
    new_card = _card(journal, newer, A, "Maria mentors new staff")
    dev_card = _card(journal, newer, M, "Dev leads the data meeting")
    set_card_leads(journal, old_card, {maria})
    set_card_leads(journal, new_card, {maria, dev})
    set_card_leads(journal, dev_card, {dev})

    about_maria = [(c.id, c.title, f.id, f.text) for c, f in cards_about(journal, maria)]
    assert about_maria == [
        (newer, "Newer", new_card, "Maria mentors new staff"),
        (older, "Older", old_card, "Maria is stretched thin"),
    ]
    assert {f.id for _, f in cards_about(journal, dev)} == {new_card, dev_card}
    assert cards_about(journal, sam) == []
    assert cards_about(journal, 999) == []


def test_deleting_a_lead_removes_its_links(journal: Journal) -> None:
    cid = _challenge(journal)
    card_id = _card(journal, cid, A, "Co-leaders")
    maria, dev = _lead(journal, "Maria Lopez"), _lead(journal, "Dev Patel")
    set_card_leads(journal, card_id, {maria, dev})

    with journal.write() as s:
        s.delete(s.get(Lead, maria))

    assert card_leads(journal, card_id) == {dev}
    assert cards_about(journal, maria) == []
    assert journal.execute("SELECT lead_id FROM force_card_lead") == [(dev,)]
    assert layout(journal, cid) == [(A, 0, "Co-leaders")]


def test_deleting_a_card_removes_its_links(journal: Journal) -> None:
    cid = _challenge(journal)
    card_id = _card(journal, cid, A, "Co-leaders")
    maria = _lead(journal, "Maria Lopez")
    set_card_leads(journal, card_id, {maria})

    delete_card(journal, card_id)

    assert cards_about(journal, maria) == []
    assert _rows(journal, "force_card_lead") == 0


# -- the log ----------------------------------------------------------------------------------


def test_log_entries_newest_first(journal: Journal) -> None:
    cid = _challenge(journal)
    other = _challenge(journal, "Other")
    log(journal, cid, LogKind.decision, "  Gather staff feedback monthly  ", on=date(2024, 2, 1))
    log(journal, cid, LogKind.learning, "Ask 'tell me more' first", on=date(2024, 4, 9))
    log(journal, cid, LogKind.change, "Meetings start on time", on=date(2024, 3, 2))
    log(journal, cid, LogKind.change, "Same day, later entry", on=date(2024, 3, 2))
    log(journal, other, LogKind.decision, "Not this challenge", on=date(2024, 5, 1))
    today_entry = log(journal, cid, LogKind.decision, "Undated means today")

    assert today_entry.logged_on == date.today()
    assert [(e.logged_on, e.kind, e.text) for e in log_entries(journal, cid)] == [
        (date.today(), LogKind.decision, "Undated means today"),
        (date(2024, 4, 9), LogKind.learning, "Ask 'tell me more' first"),
        (date(2024, 3, 2), LogKind.change, "Same day, later entry"),
        (date(2024, 3, 2), LogKind.change, "Meetings start on time"),
        (date(2024, 2, 1), LogKind.decision, "Gather staff feedback monthly"),
    ]


def test_log_refuses_empty_text_and_missing_challenge(journal: Journal) -> None:
    cid = _challenge(journal)
    with pytest.raises(UsageError, match="Write the entry first"):
        log(journal, cid, LogKind.decision, " ")
    with pytest.raises(UsageError, match="There is no challenge #77"):
        log(journal, 77, LogKind.decision, "Something")
    assert log_entries(journal, cid) == []
    assert _rows(journal, "challenge_log_entry") == 0


# -- search and reopening ---------------------------------------------------------------------


def test_search_finds_card_text_and_challenge_areas(journal: Journal) -> None:
    cid = _challenge(journal, "Norms lost to turnover", opened_on=date(2024, 9, 3))
    other = _challenge(journal, "Team exhaustion")
    update_challenge(journal, cid, relationships="Veterans distrust the newcomers' zeal")
    card_id = _card(journal, cid, C, "Pandemic gridlock in scheduling")
    _card(journal, other, H, "Nothing relevant here")

    cards = search(journal, "gridlock", kinds=("force_card",))
    assert [(h.kind, h.record_id, h.happened_on) for h in cards] == [
        ("force_card", card_id, date(2024, 9, 3))
    ]
    areas = search(journal, "distrust", kinds=("challenge",))
    assert [(h.kind, h.record_id, h.title) for h in areas] == [
        ("challenge", cid, "Norms lost to turnover")
    ]
    assert search(journal, "gridlock", kinds=("challenge",)) == []

    edit_card(journal, card_id, "Schedules set by the district")
    update_challenge(journal, cid, relationships="")
    assert search(journal, "gridlock") == []
    assert search(journal, "distrust") == []
    assert [h.record_id for h in search(journal, "district", kinds=("force_card",))] == [card_id]


def test_card_hits_follow_a_changed_opening_date(journal: Journal) -> None:
    cid = _challenge(journal, "Norms lost to turnover", opened_on=date(2024, 1, 8))
    card_id = _card(journal, cid, H, "Pandemic gridlock")

    update_challenge(journal, cid, opened_on=date(2024, 9, 3))

    assert [(h.kind, h.record_id, h.happened_on) for h in search(journal, "gridlock")] == [
        ("force_card", card_id, date(2024, 9, 3))
    ]


def test_everything_survives_close_and_reopen(journal: Journal, journal_path: Path) -> None:
    cid = _challenge(journal, "Norms lost to turnover", opened_on=date(2024, 9, 3))
    update_challenge(journal, cid, status="working", equity="Newcomers teach the neediest")
    ids = {text: _card(journal, cid, H, text) for text in ("h0", "h1", "h2")}
    _card(journal, cid, M, "m0")
    move_card(journal, ids["h2"], M, 0)
    maria = _lead(journal, "Maria Lopez")
    set_card_leads(journal, ids["h0"], {maria})
    log(journal, cid, LogKind.learning, "Listen first", on=date(2024, 10, 1))
    journal.close()

    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        stored = _stored(reopened, cid)
        assert (stored.title, stored.status, stored.equity, stored.opened_on) == (
            "Norms lost to turnover",
            ChallengeStatus.working,
            "Newcomers teach the neediest",
            date(2024, 9, 3),
        )
        assert layout(reopened, cid) == [(H, 0, "h0"), (H, 1, "h1"), (M, 0, "h2"), (M, 1, "m0")]
        assert card_leads(reopened, ids["h0"]) == {maria}
        assert [(c.id, f.text) for c, f in cards_about(reopened, maria)] == [(cid, "h0")]
        assert [(e.kind, e.text) for e in log_entries(reopened, cid)] == [
            (LogKind.learning, "Listen first")
        ]
        assert [h.record_id for h in search(reopened, "neediest", kinds=("challenge",))] == [cid]
    finally:
        reopened.close()
