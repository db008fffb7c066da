"""The index's words (``search_term``), so a word being typed can be spelled out.

FTS5 finds a prefix's matches by merging the match list of every word that starts with it,
which grows with the journal; the same words spelled out, ``("meet" OR "meeting")``, are
walked newest first and stop early. The words come from a table, looked up by range (its
cost does not grow with the journal), rather than from ``fts5vocab``, which counts every
word's matches as it lists them. Beside each word the table keeps the rowid of the newest
record it was added with, so a prefix standing for hundreds of words is asked for the words
of the newest records first (``iltdesk.search_query``).

Triggers cannot split text into words, so a write lists its record in ``search_pending``;
a search adds the words of pending records to what the table says (without writing), and
``absorb_pending`` writes them in when the app unlocks the journal. Words only ever join the
table while their records live; ``forget_words`` takes out those no record holds any more
(a purge from the Trash must leave nothing of a record behind).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iltdesk.search_index import INDEX_TABLE
from iltdesk.search_lists import UPSERT, relist_terms_sql
from iltdesk.search_tables import PENDING_TABLE, TERM_TABLE, TITLE_TABLE
from iltdesk.search_text import Readable, read_rows, words

# More records than this waiting to have their words listed, and a search uses FTS5's own
# prefix query instead (slower, never wrong) until the next unlock lists them.
PENDING_READ = 500

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal


def _after(stem: str) -> str:
    """The first string past every word starting with ``stem``."""
    return stem[:-1] + chr(ord(stem[-1]) + 1)


def words_starting(journal: Readable, stem: str) -> list[tuple[str, int]] | None:
    """The index's words that start with ``stem`` (folded), each with the rowid of the newest
    record it may be in, newest first; None when the list cannot be known quickly (very many
    records waiting)."""
    newest = {
        str(term): int(rowid)
        for term, rowid in journal.execute(
            f"SELECT term, newest FROM {TERM_TABLE} WHERE term >= ? AND term < ?",
            (stem, _after(stem)),
        )
    }
    pending = journal.execute(f"SELECT rowid FROM {PENDING_TABLE} LIMIT ?", (PENDING_READ + 1,))
    if len(pending) > PENDING_READ:
        return None
    for rowid, row in read_rows(journal, (int(r[0]) for r in pending), text=True).items():
        for word in words(f"{row.title}\n{row.body}"):
            if word.startswith(stem) and newest.get(word, -1) < rowid:
                newest[word] = rowid
    return sorted(newest.items(), key=lambda pair: (-pair[1], pair[0]))


# More records than this waiting (a demo, an import) and the words are read from the index
# itself, in C, rather than from the records.
RELIST_FROM = 5000


def absorb_pending(journal: Journal, batch: int = 2000) -> int:
    """List the words of every record written since the last time, a transaction a batch;
    returns how many records were waiting."""
    (waiting,) = journal.execute(f"SELECT count(*) FROM {PENDING_TABLE}")[0]
    if not waiting:
        return 0
    if waiting > RELIST_FROM:
        with journal.transaction():
            for statement in relist_terms_sql():
                journal.execute(statement)
        return int(waiting)
    done = 0
    while True:
        with journal.transaction():
            pending = [
                int(r[0])
                for r in journal.execute(f"SELECT rowid FROM {PENDING_TABLE} LIMIT ?", (batch,))
            ]
            found: dict[str, int] = {}
            for rowid, row in read_rows(journal, pending, text=True).items():
                for word in words(f"{row.title}\n{row.body}"):
                    found[word] = max(found.get(word, -1), rowid)
            _insert(journal, found)
            marks = ", ".join("?" * len(pending))
            journal.execute(f"DELETE FROM {PENDING_TABLE} WHERE rowid IN ({marks})", tuple(pending))
        if len(pending) < batch:
            return done + len(pending)
        done += len(pending)


def _insert(journal: Readable, found: dict[str, int]) -> None:
    chosen = sorted(found.items())
    for at in range(0, len(chosen), 400):
        chunk = chosen[at : at + 400]
        marks = ", ".join("(?, ?)" for _ in chunk)
        journal.execute(
            f"INSERT INTO {TERM_TABLE}(term, newest) VALUES {marks} {UPSERT}",
            tuple(value for pair in chunk for value in pair),
        )


def _held(journal: Readable, word: str) -> bool:
    match = '"' + word.replace('"', '""') + '"'
    return any(
        journal.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1", (match,))
        for table in (INDEX_TABLE, TITLE_TABLE)
    )


def forget_words(journal: Readable, text: str) -> int:
    """Take out of the word list the words of ``text`` that no record holds any more (after
    the records holding ``text`` were deleted for good). Returns how many went."""
    gone = [w for w in sorted(set(words(text))) if not _held(journal, w)]
    for word in gone:
        journal.execute(f"DELETE FROM {TERM_TABLE} WHERE term = ?", (word,))
    return len(gone)
