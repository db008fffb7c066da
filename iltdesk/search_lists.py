"""The search index as migration 0009 shaped it: lists for two-letter prefixes only, leaves
that fit a page, and the newest record of every word.

Migration 0007's tables (``iltdesk.search_tables``) kept a list per two- and three-letter
prefix, so the first letters typed found the newest matches at once: 39 MB of a 100k-entry
journal's 258, the three-letter ones 21 MB. The two-letter lists stay (the prefixes standing
for the most words: up to 2,000, too many to ask for one by one). For longer prefixes
``search_term`` keeps, beside every word, the index rowid of the newest record it was added
with, and the words a prefix stands for are asked for newest first, a few at a time
(``iltdesk.search_query``): a search needs the words of the newest few hundred matches, not
every word the prefix stands for.

FTS5 writes its lists in leaves of 4,050 bytes by default, more than an encrypted page holds
(4,096 less SQLCipher's 80 bytes of IV and MAC): every leaf spilled onto a second page.
Leaves of ``LEAF_BYTES`` fit one page each.

``newest`` is never lowered when a record goes or changes: it stays at least the rowid of the
newest record holding the word, which is all a search needs to leave a word out safely.

The index's tables are 0007's without the prefix lists; the triggers, the rowids and
``search_pending`` are 0007's (``iltdesk.search_tables``). Frozen for migration 0009: a later
shape adds its own module and migration.
"""

from __future__ import annotations

from iltdesk.search_index import INDEX_TABLE, Source
from iltdesk.search_tables import (
    PENDING_TABLE,
    TERM_TABLE,
    TITLE_TABLE,
    TOKENIZE,
    VOCABULARY,
    fill_sql,
)

_OPTIONS = f"content = '', columnsize = 0, detail = none, prefix = '2', {TOKENIZE}"
LEAF_BYTES = 3900  # a page's 4,016 usable bytes less the row's header, with room to spare
_TABLES = (INDEX_TABLE, TITLE_TABLE)
# The rowid of the newest record holding the word ``term`` (a column of the outer query).
_NEWEST_OF_TERM = (
    f"(SELECT rowid FROM {INDEX_TABLE} "
    f"WHERE {INDEX_TABLE} MATCH '\"' || replace(term, '\"', '\"\"') || '\"' "
    "ORDER BY rowid DESC LIMIT 1)"
)
_NEWEST = f"coalesce({_NEWEST_OF_TERM}, 0)"  # a word no record holds would be none's
# A word listed again keeps the newer of its two records.
UPSERT = "ON CONFLICT(term) DO UPDATE SET newest = max(newest, excluded.newest)"


def create_sql() -> list[str]:
    """The tables of the index (empty); ``search_tables.triggers_sql`` and ``fill_sql`` do the
    rest."""
    return [
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(title, body, {_OPTIONS})",
        f"CREATE VIRTUAL TABLE {TITLE_TABLE} USING fts5(title, {_OPTIONS})",
        # A deleted record's words leave the index's pages at once (as since 0006).
        *(f"INSERT INTO {t}({t}, rank) VALUES ('secure-delete', 1)" for t in _TABLES),
        *(f"INSERT INTO {t}({t}, rank) VALUES ('pgsz', {LEAF_BYTES})" for t in _TABLES),
        f"CREATE TABLE {TERM_TABLE} (term TEXT PRIMARY KEY, newest INTEGER NOT NULL) WITHOUT ROWID",
        f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (rowid INTEGER PRIMARY KEY)",
    ]


def relist_terms_sql() -> list[str]:
    """Statements that list every word the index holds in ``search_term`` with its newest
    record, read from the index itself (after many records were written at once)."""
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} "
        f"USING fts5vocab(main, {INDEX_TABLE}, row)",
        f"DELETE FROM {PENDING_TABLE}",
        # WHERE true: SQLite's upsert after a SELECT needs it to parse.
        f"INSERT INTO {TERM_TABLE}(term, newest) "
        f"SELECT term, {_NEWEST} FROM {VOCABULARY} WHERE true {UPSERT}",
        f"DROP TABLE {VOCABULARY}",
    ]


def terms_from_index_sql() -> list[str]:
    """Statements that list every word the index holds in ``search_term`` (after a fill)."""
    return [
        *relist_terms_sql(),
        # Merged into one segment: the lists a search walks are each in one place.
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('optimize')",
        f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}) VALUES ('optimize')",
    ]


def refill_sql(sources: tuple[Source, ...]) -> list[str]:
    """Statements that empty the index and fill it again from the records (a repair)."""
    return [
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('delete-all')",
        f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}) VALUES ('delete-all')",
        f"DELETE FROM {TERM_TABLE}",
        *fill_sql(sources),
        *terms_from_index_sql(),
    ]
