"""The bench's realistic corpus (bench/corpus.py) keeps a note's shape and the journal whole.

Run without wordfreq: every test passes its own small vocabulary. The bench itself is never
run here.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import product
from pathlib import Path
from random import Random

import pytest

from bench.corpus import Vocabulary, describe, realistic, rewrite_journal
from bench.queries import REALISTIC_SHAPES, realistic_queries
from iltdesk.demo import build_demo
from iltdesk.store.journal import Journal

PASS = "pass"
INVENTED = Vocabulary.of([("zorbel", 5.0), ("quintara", 3.0), ("i", 2.0), ("mellowfax", 1.0)])
NOTE = (
    "- **Agenda:** Yolanda added 4 items to the 8th grade team's agenda; "
    'Ms. Pham said "I don\'t know" at 3:15.\n\nNext: Yolanda.'
)
# A Zipf-like language of 512 made-up words, for a journal (its 150 commonest are not queried).
SYLLABLES = ("ka", "lo", "mi", "ru", "te", "zo", "ven", "dar")
MADE_UP = Vocabulary.of(
    [("quintara", 1.0), ("mellowfax", 0.5)]
    + [(a + b + c, 1.0 / (3 + i)) for i, (a, b, c) in enumerate(product(SYLLABLES, repeat=3))]
)
WORD = re.compile(r"\w+(?:'\w+)*")


def _shape(text: str) -> str:
    return WORD.sub("w", text)


def test_a_note_keeps_its_punctuation_numbers_capitals_and_names() -> None:
    kept = frozenset({"Yolanda"})
    rewritten = realistic(NOTE, Random(1), INVENTED, keep=kept)
    assert _shape(rewritten) == _shape(NOTE)
    for before, after in zip(WORD.findall(NOTE), WORD.findall(rewritten), strict=True):
        if before in {*kept, "Ms", "Pham"} or any(c.isdigit() for c in before):
            assert after == before
        else:
            assert after.lower() in INVENTED.words
            assert after[0].isupper() == (before[0].isupper() or after == "I")
    assert "Ms. Pham" in rewritten
    assert realistic(NOTE, Random(1), INVENTED, keep=kept) == rewritten  # the same every time


def test_words_are_drawn_as_often_as_they_are_used() -> None:
    drawn = Counter(INVENTED.draw(Random(7), 11_000))
    assert 0.40 < drawn["zorbel"] / 11_000 < 0.50  # 5 of 11
    assert 0.05 < drawn["mellowfax"] / 11_000 < 0.13  # 1 of 11
    assert INVENTED.share("quintara") == 3.0 / 11.0


def _names(journal: Journal) -> set[str]:
    return {str(name).split()[0] for (name,) in journal.execute("SELECT name FROM lead")}


def _matches(journal: Journal, query: str) -> int:
    """Records whose indexed words match ``query`` (FTS5 syntax), whatever the index's shape."""
    found = "SELECT count(*) FROM search_index WHERE search_index MATCH ?"
    return int(journal.execute(found, (query,))[0][0])


def _triggers(journal: Journal) -> list[tuple[str, str]]:
    rows = journal.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return sorted((str(name), str(sql)) for name, sql in rows)


@pytest.mark.slow
def _indexed(journal: Journal) -> int:
    """How many records the index holds words of (it keeps no rows to count: 0007)."""
    journal.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed USING fts5vocab(main, search_index, "
        "instance)"
    )
    return int(journal.execute("SELECT count(DISTINCT doc) FROM temp.indexed")[0][0])


def test_a_rewritten_journal_is_searched_in_its_new_words(tmp_path: Path) -> None:
    path = tmp_path / "tiny.iltdesk"
    with Journal.create(path, PASS) as journal:
        build_demo(journal, today=date(2027, 3, 17))
        names, triggers = _names(journal), _triggers(journal)
        versions = journal.execute("SELECT count(*) FROM record_version")[0][0]
        indexed = _indexed(journal)
        assert _matches(journal, "agenda")
    rewrite_journal(path, seed="test", passphrase=PASS, words=MADE_UP)
    with Journal.open(path, PASS) as journal:
        assert _matches(journal, "quintara") and _matches(journal, "mellow*")
        assert not _matches(journal, "agenda")  # no word of the demo's banks is left
        name = sorted(names)[0]
        assert _matches(journal, name) > 1, "a lead's name stays in the notes that mention it"
        assert _triggers(journal) == triggers
        assert journal.execute("SELECT count(*) FROM record_version")[0][0] == versions
        assert _indexed(journal) == indexed
        queries = realistic_queries(journal, count=25)
    assert Counter(shape for shape, _ in queries) == dict.fromkeys(REALISTIC_SHAPES, 5)
    described = describe(path, PASS)
    assert described["text_bytes"] > 0 and described["ratio"] > 1
    # the made-up words drawn, the people's names, numbers such as "8th": nothing else
    assert 300 < described["distinct_words"] < 512 + 2 + 400
    assert all(text for _, text in queries)
