"""Notes on the seven tensions a system leader balances, on real encrypted journals."""

from __future__ import annotations

from datetime import date

import pytest

from iltdesk.errors import UsageError
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from iltdesk.tension import (
    TENSION_BY_KEY,
    TENSIONS,
    add_note,
    edit_note,
    leaning_words,
    notes_on,
    overview,
)

KEYS = [
    "tight_loose",
    "fast_slow",
    "need_readiness",
    "build_buy",
    "fixed_adaptive",
    "model_menu",
    "practices_process",
]


def test_there_are_seven_tensions_in_a_fixed_order() -> None:
    assert [t.key for t in TENSIONS] == KEYS
    assert list(TENSION_BY_KEY) == KEYS


def test_add_note_stores_every_field(journal: Journal) -> None:
    note = add_note(
        journal,
        "build_buy",
        -1,
        first_pole_serves="Coaching that has to last after grants end",
        second_pole_serves="A skill nobody on staff has yet",
        evidence="Two of our three coaches came up through the ILT",
        note="Grow first, hire for the gap",
        noted_on=date(2024, 11, 4),
    )

    (stored,) = notes_on(journal, "build_buy")
    assert stored.id == note.id
    assert (
        stored.tension,
        stored.leaning,
        stored.first_pole_serves,
        stored.second_pole_serves,
        stored.evidence,
        stored.note,
        stored.noted_on,
    ) == (
        "build_buy",
        -1,
        "Coaching that has to last after grants end",
        "A skill nobody on staff has yet",
        "Two of our three coaches came up through the ILT",
        "Grow first, hire for the gap",
        date(2024, 11, 4),
    )
    assert add_note(journal, "fast_slow", 0, note="Hold").noted_on == date.today()


def test_add_note_refuses_unknown_tensions_and_leanings_out_of_range(journal: Journal) -> None:
    for key in ("tight-loose", "", "Tight_Loose", "speed"):
        with pytest.raises(UsageError, match=f"^There is no tension called '{key}'.$"):
            add_note(journal, key, 0, note="Words")
    for leaning in (-3, 3, 10, -100):
        with pytest.raises(UsageError, match=r"^A leaning runs from -2 .* to 2 "):
            add_note(journal, "tight_loose", leaning, note="Words")
    assert journal.execute("SELECT count(*) FROM tension_note") == [(0,)]

    # Both ends of the range are accepted.
    for leaning in (-2, -1, 0, 1, 2):
        add_note(journal, "tight_loose", leaning, note="Why", noted_on=date(2024, 9, leaning + 3))
    assert [n.leaning for n in notes_on(journal, "tight_loose")] == [2, 1, 0, -1, -2]


def test_notes_on_newest_first_and_overview_shows_the_latest(journal: Journal) -> None:
    assert overview(journal) == [(t, None) for t in TENSIONS]

    add_note(journal, "fixed_adaptive", -2, note="September", noted_on=date(2024, 9, 5))
    add_note(journal, "fixed_adaptive", 1, note="January", noted_on=date(2025, 1, 20))
    add_note(journal, "fixed_adaptive", 0, note="January, later", noted_on=date(2025, 1, 20))
    add_note(journal, "fixed_adaptive", 2, note="November", noted_on=date(2024, 11, 2))
    add_note(journal, "tight_loose", -1, note="Tight on curriculum", noted_on=date(2024, 10, 1))
    add_note(journal, "practices_process", 2, note="Share failures", noted_on=date(2023, 5, 1))

    assert [n.note for n in notes_on(journal, "fixed_adaptive")] == [
        "January, later",
        "January",
        "November",
        "September",
    ]
    assert [n.note for n in notes_on(journal, "tight_loose")] == ["Tight on curriculum"]
    assert notes_on(journal, "build_buy") == []

    rows = overview(journal)  # latest by date, even when an older note was written later
    assert [t.key for t, _ in rows] == KEYS
    assert [(t.key, n.note if n else None) for t, n in rows] == [
        ("tight_loose", "Tight on curriculum"),
        ("fast_slow", None),
        ("need_readiness", None),
        ("build_buy", None),
        ("fixed_adaptive", "January, later"),
        ("model_menu", None),
        ("practices_process", "Share failures"),
    ]
    assert [rows[i][0] for i in range(7)] == list(TENSIONS)


def test_leaning_words() -> None:
    build_buy = TENSION_BY_KEY["build_buy"]

    assert [leaning_words(build_buy, leaning) for leaning in (-2, -1, 0, 1, 2)] == [
        "strongly leans to Build talent inside",
        "leans to Build talent inside",
        "balanced between the two",
        "leans to Buy from outside",
        "strongly leans to Buy from outside",
    ]
    tight_loose = TENSION_BY_KEY["tight_loose"]
    assert leaning_words(tight_loose, -1) == "leans to Centralised (tight)"
    assert leaning_words(tight_loose, 2) == "strongly leans to Decentralised (loose)"
    assert leaning_words(build_buy, None) == "holds both, depending on the situation"


def test_a_note_may_hold_both_sides_and_need_only_a_decision(journal: Journal) -> None:
    """Leaders rarely pick one pole: no leaning is a note's default, distinct from balanced."""
    note = add_note(
        journal,
        "need_readiness",
        decision="  Where to pilot the new reteach tracker  ",
        noted_on=date(2026, 9, 14),
    )
    balanced = add_note(journal, "need_readiness", 0, note="Both grade teams are ready")
    [*_, stored] = notes_on(journal, "need_readiness")
    assert (stored.id, stored.leaning, stored.decision) == (
        note.id,
        None,
        "Where to pilot the new reteach tracker",
    )
    assert balanced.leaning == 0  # a real choice, not the same as "no leaning given"
    assert [
        leaning_words(TENSION_BY_KEY["need_readiness"], n.leaning) for n in (note, balanced)
    ] == [
        "holds both, depending on the situation",
        "balanced between the two",
    ]


@pytest.mark.parametrize("leaning", [None, -2, 0, 2])
def test_a_note_with_no_words_is_refused_whatever_its_leaning(
    journal: Journal, leaning: int | None
) -> None:
    with pytest.raises(UsageError, match=r"^Write when a side serves, the decision at stake"):
        add_note(journal, "build_buy", leaning, note="   ", decision="\n")
    assert journal.execute("SELECT count(*) FROM tension_note") == [(0,)]
    words: tuple[dict[str, str], ...] = (
        {"first_pole_serves": "A skill we will need for years"},
        {"second_pole_serves": "Nobody here has done it"},
        {"note": "Ask the district"},
        {"evidence": "Two coaches grew from the ILT"},
    )
    for one in words:
        assert add_note(journal, "build_buy", leaning, noted_on=None, **one).id is not None


def test_editing_keeps_the_decision_unless_given_and_may_clear_the_leaning(
    journal: Journal,
) -> None:
    kept = add_note(journal, "fast_slow", 2, decision="How far to spread the huddles")
    fields = {"first_pole_serves": "", "second_pole_serves": "", "evidence": "", "note": ""}
    edited = edit_note(journal, kept.id or 0, None, noted_on=date(2026, 10, 1), **fields)
    assert (edited.leaning, edited.decision) == (None, "How far to spread the huddles")
    with pytest.raises(UsageError, match=r"^Write when a side serves"):
        edit_note(journal, kept.id or 0, 1, noted_on=date(2026, 10, 1), decision=" ", **fields)
    [stored] = notes_on(journal, "fast_slow")
    assert (stored.leaning, stored.decision) == (None, "How far to spread the huddles")


def test_the_seven_pulls_keep_the_sources_sense() -> None:
    """Scaling asks how to make it last too; piloting is where need meets readiness."""
    fast_slow = TENSION_BY_KEY["fast_slow"]
    assert "make it last" in fast_slow.question
    assert "pilot" in TENSION_BY_KEY["need_readiness"].question
    poles = [(t.first_pole, t.second_pole) for t in TENSIONS]
    assert poles == [
        ("Centralised (tight)", "Decentralised (loose)"),
        ("Scale fast", "Scale slowly"),
        ("Pilot where need is greatest", "Pilot where readiness is greatest"),
        ("Build talent inside", "Buy from outside"),
        ("Hold a fixed strategy", "Adapt with experience"),
        ("One comprehensive model", "A menu of modular tools"),
        ("Share best practices", "Share process and failures"),
    ]


def test_a_notes_decision_is_found_by_search(journal: Journal) -> None:
    note = add_note(journal, "need_readiness", decision="Where to pilot the quokka tracker")
    hits = search(journal, "quokka")
    assert [(h.kind, h.record_id) for h in hits] == [(RecordKind.TENSION, note.id)]
