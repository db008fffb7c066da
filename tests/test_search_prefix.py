"""Search finds exactly what reading every record finds (``tests/search_oracle.py``), on the
demo's text and on text with a realistic vocabulary (tens of thousands of words, most short
prefixes standing for hundreds of them): the spelled-out words, asked for newest first a
few at a time, phrases checked against the records, kinds and limits."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from random import Random

import pytest

from bench.corpus import Vocabulary, rewrite_journal
from iltdesk import search_query
from iltdesk.demo import build_demo
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.search import MARK_START, Hit, search
from iltdesk.search_terms import PENDING_READ, absorb_pending
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.search_oracle import Found, expected

TYPED = (
    "da",
    "dat",
    "data",
    "data mee",
    "data meeting",
    "te",
    "team",
    "walk",
    "walkt",
    "ob",
    "obs",
    "norms ag",
    "exit tic",
    "Marc",
    "MEET",
    "st",
    "student work",
    "ret",
    '"next steps" fo',
    '"next steps"',
    "t",
    "zzqx",
)


def found(hits: list[Hit]) -> list[Found]:
    return [(h.kind, h.record_id, h.happened_on) for h in hits]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path = tmp_path_factory.mktemp("prefix") / "demo.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        build_demo(journal, entries=120)
    with Journal.open(path, PASSPHRASE) as journal:
        yield journal


def _zipf_vocabulary(size: int = 30_000) -> Vocabulary:
    """Made-up English-like words, as often as Zipf's law has words used (no word list
    needed): most two-letter prefixes stand for hundreds of them."""
    rng = Random(22)
    onsets = ["", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "st", "pr", "tr"]
    vowels = ["a", "e", "i", "o", "u", "ea", "ou"]
    codas = ["", "n", "r", "s", "t", "nd", "ng", "ck", "st"]
    syllables = ["".join(p) for p in itertools.product(onsets, vowels, codas)]
    chosen: dict[str, float] = {}
    while len(chosen) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3))))
        chosen.setdefault(word, 1.0 / (len(chosen) + 1))
    return Vocabulary.of(chosen.items())


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path = tmp_path_factory.mktemp("realistic") / "realistic.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        build_demo(journal, entries=150)
    rewrite_journal(path, seed="tests", passphrase=PASSPHRASE, words=_zipf_vocabulary())
    with Journal.open(path, PASSPHRASE) as journal:
        absorb_pending(journal)
        yield journal


@pytest.mark.parametrize("text", TYPED)
def test_search_finds_what_reading_every_record_finds(demo: Journal, text: str) -> None:
    hits = search(demo, text, limit=500)
    assert found(hits) == expected(demo, text, limit=500)
    assert all(MARK_START in h.snippet for h in hits)  # highlighted
    if text not in ("walkt", "zzqx"):
        assert hits, text  # the comparison is between real results


def test_the_same_with_kinds_and_a_small_limit(demo: Journal) -> None:
    for text in ("data mee", "obs", "te", '"next steps"'):
        kinds = ("one_on_one", "observation", "agenda_item")
        mine = search(demo, text, kinds=kinds, limit=7)  # type: ignore[arg-type]
        assert found(mine) == expected(demo, text, kinds=kinds, limit=7)


def _typed_in(journal: Journal, count: int) -> list[str]:
    """What a person types, drawn from the journal's own words: 2-, 3- and 4-letter
    prefixes, whole words, and two words with the second partial."""
    rng = Random(4)
    rows = journal.execute("SELECT notes FROM one_on_one ORDER BY id")
    vocabulary = sorted({w.lower() for (notes,) in rows for w in notes.split() if w.isalpha()})
    typed = []
    for i in range(count):
        word, other = rng.choice(vocabulary), rng.choice(vocabulary)
        shape = i % 5
        if shape < 3:
            typed.append(word[: shape + 2])
        elif shape == 3:
            typed.append(word)
        else:
            typed.append(f"{word} {other[: max(2, len(other) // 2)]}")
    return typed


def test_on_a_realistic_vocabulary_search_finds_what_reading_finds(realistic: Journal) -> None:
    typed = _typed_in(realistic, 60)
    for text in typed:
        assert found(search(realistic, text, limit=60)) == expected(realistic, text, limit=60), text
    assert sum(bool(search(realistic, t)) for t in typed) > 40  # real results compared


@pytest.mark.parametrize(("first", "growth"), [(1, 2), (3, 3)])
def test_asked_a_few_words_at_a_time_search_finds_the_same_hits(
    realistic: Journal, monkeypatch: pytest.MonkeyPatch, first: int, growth: int
) -> None:
    monkeypatch.setattr(search_query, "FIRST_TURN", first)
    monkeypatch.setattr(search_query, "FIRST_TURN_WITH_WORDS", first)
    monkeypatch.setattr(search_query, "TURN_GROWTH", growth)
    for text in ("sta", "pro", "stea", "prou", "tran", "ba st", "ta pro", "bar"):
        assert found(search(realistic, text, limit=80)) == expected(realistic, text, limit=80)


def _turns(journal: Journal, text: str) -> list[tuple[str, int]] | None:
    query = search_query.parse(text)
    assert query is not None
    turns = query.turns(journal)
    return None if turns is None else list(turns)


def test_what_the_query_becomes(demo: Journal) -> None:
    assert _turns(demo, "zzqx") is None  # no word starts so: nothing can match
    assert _turns(demo, "data meeting ") == [('"data" AND "meeting"', -1)]  # as typed
    assert _turns(demo, "da") == [('"da"*', -1)]  # two letters: the index's own lists
    assert _turns(demo, "Réun") == _turns(demo, "reun")  # folded as the index folds it
    assert _turns(demo, "ελλη") == [('"ελλη"*', -1)]  # another script: FTS5's prefix query
    spelled = _turns(demo, "data meet")
    assert spelled is not None and len(spelled) == 1 and spelled[0][1] == -1
    assert spelled[0][0].startswith('"data" AND ("meet') and '"meeting"' in spelled[0][0]
    assert "*" not in spelled[0][0]


def test_a_prefix_of_many_words_asks_for_the_newest_words_first(
    realistic: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_query, "FIRST_TURN", 8)
    turns = _turns(realistic, "sta")
    assert turns is not None and len(turns) > 1
    floors = [floor for _, floor in turns]
    assert floors == sorted(floors, reverse=True) and floors[-1] == -1
    first_words = turns[0][0].count(" OR ") + 1
    assert first_words == search_query.FIRST_TURN
    # Every word left out of the first turn is in no record above its floor.
    newest = dict(realistic.execute("SELECT term, newest FROM search_term WHERE term >= 'sta'"))
    asked = {w.strip('"()') for w in turns[0][0].split(" OR ")}
    assert all(
        rowid <= floors[0] for w, rowid in newest.items() if w.startswith("sta") and w not in asked
    )


def test_a_words_newest_record_is_kept_through_edits_and_deletes(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "j.iltdesk", PASSPHRASE) as journal:
        add_lead(journal, "Dana Whitfield")
        first = add_quick_note(journal, "Dana", "Zymurgy starts here", held_on=date.today())
        second = add_quick_note(journal, "Dana", "Zymurgy again", held_on=date.today())
        absorb_pending(journal)
        newest = "SELECT newest FROM search_term WHERE term = 'zymurgy'"
        [(kept,)] = journal.execute(newest)
        journal.execute("UPDATE one_on_one SET notes = 'nothing here' WHERE id = ?", (second.id,))
        journal.execute(
            "UPDATE one_on_one SET notes = 'Zymurgy' || notes WHERE id = ?", (first.id,)
        )
        absorb_pending(journal)
        assert journal.execute(newest) == [(kept,)]  # never lowered: still an upper bound
        assert [h.record_id for h in search(journal, "zym")] == [first.id]


def test_new_words_are_found_at_once_and_listed_at_the_next_unlock(tmp_path: Path) -> None:
    path = tmp_path / "j.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, "Renée Okafor")
        assert search(journal, "zygo") == []
        add_quick_note(journal, "Renée", "Réunion about zygomorphic flowers", held_on=date.today())
        assert [h.kind for h in search(journal, "zygo")] == ["one_on_one"]  # pending, read
        assert {h.kind for h in search(journal, "reun")} == {"one_on_one"}  # accents folded
        assert [h.kind for h in search(journal, "rené")] == ["lead"]  # FTS5's prefix query
        assert [h.kind for h in search(journal, "rene")] == ["lead"]  # spelled out
        assert absorb_pending(journal) == 2
        assert journal.execute("SELECT count(*) FROM search_pending") == [(0,)]
        assert [h.kind for h in search(journal, "zygo")] == ["one_on_one"]  # now listed


def test_very_many_unlisted_records_fall_back_to_fts5_with_the_same_hits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("iltdesk.search_terms.PENDING_READ", 3)
    with Journal.create(tmp_path / "j.iltdesk", PASSPHRASE) as journal:
        add_lead(journal, "Dana Whitfield")
        for i in range(5):
            add_quick_note(journal, "Dana", f"Walkthrough number {i}", held_on=date.today())
        assert found(search(journal, "walkt")) == expected(journal, "walkt")
        assert len(search(journal, "walkt")) == 5
    assert PENDING_READ > 3


def test_a_record_purged_from_the_trash_leaves_no_word_behind(tmp_path: Path) -> None:
    from iltdesk.models import OneOnOne
    from iltdesk.trash import empty_trash, trash_record

    with Journal.create(tmp_path / "j.iltdesk", PASSPHRASE) as journal:
        add_lead(journal, "Dana Whitfield")
        gone = add_quick_note(journal, "Dana", "Quixotically zyzzyva talk", held_on=date.today())
        add_quick_note(journal, "Dana", "Quixotically kept", held_on=date.today())
        absorb_pending(journal)
        terms = "SELECT term FROM search_term WHERE term IN ('zyzzyva', 'quixotically')"
        assert sorted(journal.execute(terms)) == [("quixotically",), ("zyzzyva",)]
        with journal.write() as s:
            trash_record(s, OneOnOne, gone.id or 0)
        assert empty_trash(journal) == 1
        assert journal.execute(terms) == [("quixotically",)]  # still held by the other note
        assert search(journal, "zyzz") == []
