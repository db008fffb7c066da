"""The realistic corpus: the demo journal with its words replaced by real English ones.

The demo composes its notes from phrase banks, so a journal of any size has about 1,700
distinct words, and every short prefix stands for few of them. A person's journal is written
in English: tens of thousands of words, a few very common, most rare. This module rewrites a
copy of a demo journal so that every word of every text the search index reads is drawn from
English's word frequencies (``wordfreq``'s lists, shipped inside its wheel: nothing is
downloaded), keeping the demo's shape: the same records, the same number of words in each
text, its punctuation, Markdown, line breaks and capitals, and the people's names.

``wordfreq`` is a bench-only dependency (``pip install -e '.[bench]'``); ``realistic`` takes
any ``Vocabulary``, so a test can make a tiny realistic journal without it.
"""

from __future__ import annotations

import itertools
import re
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from random import Random
from typing import Any

VOCABULARY_SIZE = 60_000  # wordfreq's top 60k English words, ~57k of them plain letters
SEED = "bench:realistic"
# A word as the index's tokenizer reads one: letters and digits, perhaps joined by apostrophes
# ("don't"). Only words of letters alone are replaced ("8th" and "3:15" stay), and a title with
# the name after it ("Ms. Pham") is a person: kept, like the leads' names.
_TOKEN = re.compile(r"((?:Mr|Ms|Mrs|Dr)\. [^\W\d_]+|\w+(?:'\w+)*)")
_LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_PLAIN_WORD = re.compile(r"[a-z]+")
# Columns that hold a person's name, not prose: kept as the demo wrote them.
NAME_COLUMNS = frozenset({("lead", "name"), ("lead_coach", "name")})
BATCH = 2_000  # rows read, rewritten and written back at a time


@dataclass(frozen=True)
class Vocabulary:
    """Words and their cumulative weights, to draw words as often as English uses them."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]
    rank: dict[str, int] = field(compare=False, repr=False)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, float]]) -> Vocabulary:
        """From (word, frequency) pairs, most frequent first."""
        chosen = list(pairs)
        words = tuple(word for word, _ in chosen)
        cum = tuple(itertools.accumulate(frequency for _, frequency in chosen))
        return cls(words, cum, {word: i for i, word in enumerate(words)})

    def draw(self, rng: Random, count: int) -> list[str]:
        """``count`` words drawn by frequency."""
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)

    def share(self, word: str) -> float:
        """The share of English text that ``word`` is (0 for a word not in the list)."""
        i = self.rank.get(word)
        if i is None:
            return 0.0
        return (self.cum_weights[i] - (self.cum_weights[i - 1] if i else 0.0)) / self.total

    @property
    def total(self) -> float:
        """The sum of all weights."""
        return self.cum_weights[-1]

    def cumulative_rank(self, share: float) -> int:
        """How many of the most frequent words make up ``share`` of the text."""
        return bisect_right(self.cum_weights, share * self.total)


def vocabulary(n: int = VOCABULARY_SIZE) -> list[tuple[str, float]]:
    """English's ``n`` most frequent words that are plain letters, with their frequencies
    (wordfreq's "best" list; numbers, "it's" and "u.s" are left out, so a few less than n)."""
    try:
        import wordfreq
    except ImportError as exc:
        raise RuntimeError(
            "The realistic corpus needs wordfreq, a bench-only dependency: "
            "pip install -e '.[bench]' (make bench installs it)."
        ) from exc
    frequencies = wordfreq.get_frequency_dict("en", wordlist="best")
    words = wordfreq.top_n_list("en", n, wordlist="best")
    return [(word, frequencies[word]) for word in words if _PLAIN_WORD.fullmatch(word)]


def available() -> bool:
    """Whether wordfreq is installed, i.e. whether realistic journals can be built here."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def english() -> Vocabulary:
    """The vocabulary realistic journals are written in."""
    return Vocabulary.of(vocabulary(VOCABULARY_SIZE))


def realistic(
    text: str,
    rng: Random,
    words: Vocabulary | None = None,
    keep: frozenset[str] = frozenset(),
) -> str:
    """``text`` with each word replaced by one drawn from ``words`` (English by default),
    a capital kept as a capital; punctuation, numbers, Markdown, spacing, a title and name
    ("Mr. Whitcomb") and the words in ``keep`` (people's names) stay as they were."""
    parts = _TOKEN.split(text)
    if len(parts) == 1:
        return text
    replaced = [i for i in range(1, len(parts), 2) if _replaceable(parts[i], keep)]
    drawn = (words or english()).draw(rng, len(replaced))
    for i, word in zip(replaced, drawn, strict=True):
        parts[i] = word.capitalize() if word == "i" or parts[i][0].isupper() else word
    return "".join(parts)


def _replaceable(token: str, keep: frozenset[str]) -> bool:
    return token not in keep and _LETTERS.fullmatch(token) is not None


def _columns(source: Any) -> tuple[str, ...]:
    """The text columns of an index source: its title, when a column, and its body."""
    title = () if source.title.startswith(("'", "(", "NULL")) else (source.title,)
    return tuple(c for c in (*title, *source.body) if (source.table, c) not in NAME_COLUMNS)


def _names(conn: Any) -> frozenset[str]:
    """Every word of every person's name, which a note mentions and a person searches for."""
    found: set[str] = set()
    for table, column in sorted(NAME_COLUMNS):
        for (name,) in conn.execute(f"SELECT {column} FROM {table}"):
            found.update(w for w in _TOKEN.findall(name or "") if len(w) > 1)
    return frozenset(found)


def _batches(conn: Any, table: str, columns: tuple[str, ...]) -> Iterator[list[Any]]:
    """The rows of ``table`` (id first), ``BATCH`` at a time in id order."""
    last = -1
    select = f"SELECT id, {', '.join(columns)} FROM {table} WHERE id > ? ORDER BY id LIMIT {BATCH}"
    while rows := conn.execute(select, (last,)).fetchall():
        yield rows
        last = rows[-1][0]


def rewrite_table(
    conn: Any,
    table: str,
    columns: tuple[str, ...],
    rng: Random,
    words: Vocabulary,
    keep: frozenset[str],
) -> int:
    """Rewrite every text of ``columns`` in ``table``; the number of rows."""
    update = f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"
    count = 0
    for rows in _batches(conn, table, columns):
        changed = [
            (*(realistic(v, rng, words, keep) if v else v for v in row[1:]), row[0]) for row in rows
        ]
        conn.execute("BEGIN")
        conn.executemany(update, changed)
        conn.execute("COMMIT")
        count += len(rows)
    return count


def _triggers(conn: Any) -> list[tuple[str, str]]:
    """Every trigger (search index and kept versions) as this journal's schema made it."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    return [(str(name), str(sql)) for name, sql in rows.fetchall()]


def _refill_sql(conn: Any) -> list[str]:
    """The statements that fill the search index again from the records, in this journal's
    schema: the word lists of migration 0009 (``iltdesk.search_lists``) or 0007
    (``iltdesk.search_tables``), or the older FTS5 table that kept a copy of the text, made
    again empty first (DELETE would read every row)."""
    from iltdesk import search_index

    sources = search_index.CURRENT_SOURCES
    tables = {str(name) for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if "search_term" in tables:
        from iltdesk import search_lists, search_tables

        terms = {str(row[1]) for row in conn.execute("PRAGMA table_info(search_term)")}
        shape = search_lists if "newest" in terms else search_tables
        return shape.refill_sql(sources)
    (create,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
        (search_index.INDEX_TABLE,),
    ).fetchone()
    return [
        f"DROP TABLE {search_index.INDEX_TABLE}",
        str(create),
        *search_index.rebuild_index_sql(sources),
    ]


def rewrite_journal(
    path: Path, *, seed: str = SEED, passphrase: str = "bench", words: Vocabulary | None = None
) -> dict[str, float]:
    """Rewrite the journal at ``path`` in place in ``words`` (English's by default).

    The triggers (search index and kept versions) are dropped while the texts change, so the
    history gains no versions and the index is not edited row by row; the index is then made
    again from the records (``_refill_sql``) and the same triggers put back, and the
    file vacuumed, so its size is that of a journal written with these words. Returns the
    seconds each step took.
    """
    from iltdesk.search_index import CURRENT_SOURCES
    from iltdesk.store.journal import Journal

    seconds: dict[str, float] = {}
    began = time.perf_counter()
    rng = Random(seed)
    words = words or english()
    with Journal.open(path, passphrase) as journal:
        conn = journal.connection
        # Freed pages need not be zeroed here: VACUUM below writes a new file anyway.
        conn.execute("PRAGMA secure_delete = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA synchronous = OFF")  # a build cut short is thrown away whole
        triggers = _triggers(conn)
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        keep = _names(conn)
        for source in CURRENT_SOURCES:
            if columns := _columns(source):
                rewrite_table(conn, source.table, columns, rng, words, keep)
        seconds["rewrite"] = time.perf_counter() - began
        conn.execute("BEGIN")
        for statement in [*_refill_sql(conn), *(sql for _, sql in triggers)]:
            conn.execute(statement)
        conn.execute("COMMIT")
        seconds["index"] = time.perf_counter() - began - seconds["rewrite"]
        conn.execute("PRAGMA temp_store = FILE")  # VACUUM's copy: on disk, not 4 GB of RAM
        conn.execute("VACUUM")
        seconds["vacuum"] = time.perf_counter() - began - seconds["rewrite"] - seconds["index"]
    return seconds


def text_bytes(conn: Any) -> int:
    """The raw text: UTF-8 bytes of every text the search index reads (names included)."""
    from iltdesk.search_index import CURRENT_SOURCES

    total = 0
    for source in CURRENT_SOURCES:
        title = () if source.title.startswith(("'", "(", "NULL")) else (source.title,)
        sizes = " + ".join(
            f"coalesce(length(CAST({c} AS BLOB)), 0)" for c in (*title, *source.body)
        )
        total += conn.execute(f"SELECT coalesce(sum({sizes}), 0) FROM {source.table}").fetchone()[0]
    return int(total)


def distinct_words(conn: Any) -> int:
    """How many distinct words (the index's terms) the journal holds."""
    from iltdesk.search_index import INDEX_TABLE

    conn.execute(
        f"CREATE VIRTUAL TABLE temp.corpus_words USING fts5vocab(main, {INDEX_TABLE}, row)"
    )
    try:
        return int(conn.execute("SELECT count(*) FROM temp.corpus_words").fetchone()[0])
    finally:
        conn.execute("DROP TABLE temp.corpus_words")


def describe(path: Path, passphrase: str = "bench") -> dict[str, float]:
    """A closed journal's size against its raw text, and its distinct words (it is only read)."""
    from iltdesk.store.connection import immutable_connection

    conn = immutable_connection(path.resolve(), passphrase)
    try:
        raw = text_bytes(conn)
        words = distinct_words(conn)
    finally:
        conn.close()
    size = path.stat().st_size
    return {"file_bytes": size, "text_bytes": raw, "ratio": size / raw, "distinct_words": words}
