"""Notes on the seven tensions a system leader balances, on real encrypted journals."""

from __future__ import annotations

from datetime import date

import pytest

from iltdesk.errors import UsageError
from iltdesk.store.journal import Journal
from iltdesk.tension import TENSION_BY_KEY, TENSIONS, add_note, leaning_words, notes_on, overview

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
    assert add_note(journal, "fast_slow", 0).noted_on == date.today()


def test_add_note_refuses_unknown_tensions_and_leanings_out_of_range(journal: Journal) -> None:
    for key in ("tight-loose", "", "Tight_Loose", "speed"):
        with pytest.raises(UsageError, match=f"^There is no tension called '{key}'.$"):
            add_note(journal, key, 0)
    for leaning in (-3, 3, 10, -100):
        with pytest.raises(UsageError, match=r"^A leaning runs from -2 .* to 2 "):
            add_note(journal, "tight_loose", leaning)
    assert journal.execute("SELECT count(*) FROM tension_note") == [(0,)]

    # Both ends of the range are accepted.
    for leaning in (-2, -1, 0, 1, 2):
        add_note(journal, "tight_loose", leaning, noted_on=date(2024, 9, leaning + 3))
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
        "leans to Bring expertise in",
        "strongly leans to Bring expertise in",
    ]
    tight_loose = TENSION_BY_KEY["tight_loose"]
    assert leaning_words(tight_loose, -1) == "leans to Centralised (tight)"
    assert leaning_words(tight_loose, 2) == "strongly leans to Decentralised (loose)"
