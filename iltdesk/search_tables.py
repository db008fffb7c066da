"""The search index as migration 0007 shaped it: word lists only, no copy of the text.

Two contentless FTS5 tables hold, for every word, the rowids of the records it occurs in
(``detail=none``: no positions, no second copy of the text, which before 0007 was a third of
the file): ``search_index`` over each record's title and body, ``search_title`` over titles
alone (the hits listed first). Both keep a list per two- and three-letter prefix too, so the
first letters typed find the newest matches at once instead of merging the lists of every word
that starts with them. Longer prefixes are spelled out from ``search_term``, the index's words.

A record's rowid is ``id * KIND_SLOTS + code`` as before; its kind, day, lead and text are read
from the record itself (``iltdesk.search_text``). Triggers keep all of it in step in the same
transaction as the write; a row leaves the index by the words it was added with, so the
triggers' expressions for a row's title and body must never change under an existing index.
``search_pending`` lists records written since their words were last added to
``search_term`` (plain SQL cannot split text into words; Python does it later).

Frozen for migration 0007: a later shape adds its own module and migration.
"""

from __future__ import annotations

from iltdesk.search_index import INDEX_TABLE, KIND_SLOTS, Source

TITLE_TABLE = "search_title"
TERM_TABLE = "search_term"
PENDING_TABLE = "search_pending"
VOCABULARY = "temp.search_vocabulary"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
# A row leaves the index by FTS5's 'delete' command given the words it was added with (the
# triggers have them: OLD), and secure-delete takes those words out of the index's pages at
# once. (contentless_delete would only mark the row deleted, leaving its words in the file
# until a merge: a purged record must leave nothing behind.)
_OPTIONS = f"content = '', columnsize = 0, detail = none, prefix = '2 3', {TOKENIZE}"


def source_sql(expression: str, row: str) -> str:
    """One of a source's expressions (title, lead, day) for ``row``: a bare column name is the
    row's own."""
    expression = expression.format(row=row)
    if expression.startswith(("'", "(", "NULL")) or "." in expression:
        return expression
    return f"{row}.{expression}"


def rowid_sql(source: Source, row: str) -> str:
    """The index rowid of ``row`` of ``source``'s table."""
    return f"{row}.id * {KIND_SLOTS} + {source.code}"


def title_sql(source: Source, row: str) -> str:
    """The text ``source`` indexes as the title of ``row``."""
    return f"coalesce({source_sql(source.title, row)}, '')"


def body_sql(source: Source, row: str) -> str:
    """The text ``source`` indexes as the body of ``row``: its long texts, one per line."""
    columns = ", ".join(f"{row}.{name}" for name in source.body) or "''"
    return f"concat_ws(char(10), {columns})"


def create_sql() -> list[str]:
    """The tables of the index (empty); ``triggers_sql`` and ``fill_sql`` do the rest."""
    return [
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(title, body, {_OPTIONS})",
        f"CREATE VIRTUAL TABLE {TITLE_TABLE} USING fts5(title, {_OPTIONS})",
        # A deleted record's words leave the index's pages at once (as since 0006).
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES ('secure-delete', 1)",
        f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}, rank) VALUES ('secure-delete', 1)",
        f"CREATE TABLE {TERM_TABLE} (term TEXT PRIMARY KEY) WITHOUT ROWID",
        f"CREATE TABLE {PENDING_TABLE} (rowid INTEGER PRIMARY KEY)",
    ]


def _add(source: Source, row: str) -> str:
    rowid, title = rowid_sql(source, row), title_sql(source, row)
    return (
        f"INSERT INTO {INDEX_TABLE}(rowid, title, body) "
        f"VALUES ({rowid}, {title}, {body_sql(source, row)}); "
        f"INSERT INTO {TITLE_TABLE}(rowid, title) SELECT {rowid}, {title} WHERE {title} <> ''; "
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(rowid) VALUES ({rowid});"
    )


def _remove(source: Source, row: str) -> str:
    rowid, title = rowid_sql(source, row), title_sql(source, row)
    return (
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, title, body) "
        f"VALUES ('delete', {rowid}, {title}, {body_sql(source, row)}); "
        f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}, rowid, title) "
        f"SELECT 'delete', {rowid}, {title} WHERE {title} <> '';"
    )


def triggers_sql(sources: tuple[Source, ...]) -> list[str]:
    """The triggers that keep the index in step with ``sources``' tables."""
    statements = []
    for s in sources:
        name = f"{INDEX_TABLE}_{s.table}"
        # Only a change to an indexed text re-indexes: ticking an agenda item leaves it be.
        texts = sorted({*s.body, *([s.title] if s.title.isidentifier() else [])})
        statements += [
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {s.table} BEGIN {_add(s, 'NEW')} END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE OF id, {', '.join(texts)} ON {s.table} "
            f"BEGIN {_remove(s, 'OLD')} {_add(s, 'NEW')} END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {s.table} BEGIN {_remove(s, 'OLD')} END",
        ]
    return statements


def trigger_names(sources: tuple[Source, ...]) -> set[str]:
    """The names of the triggers ``triggers_sql`` makes."""
    return {f"{INDEX_TABLE}_{s.table}_{step}" for s in sources for step in ("ai", "au", "ad")}


def fill_sql(sources: tuple[Source, ...]) -> list[str]:
    """Statements that fill the empty index from every record of ``sources`` (the words come
    after, from the index itself: ``terms_from_index_sql``)."""
    statements = []
    for s in sources:
        rowid, title = rowid_sql(s, s.table), title_sql(s, s.table)
        statements += [
            f"INSERT INTO {INDEX_TABLE}(rowid, title, body) "
            f"SELECT {rowid}, {title}, {body_sql(s, s.table)} FROM {s.table}",
            f"INSERT INTO {TITLE_TABLE}(rowid, title) "
            f"SELECT {rowid}, {title} FROM {s.table} WHERE {title} <> ''",
        ]
    return statements


def relist_terms_sql() -> list[str]:
    """Statements that list every word the index holds in ``search_term``, read from the
    index itself (after many records were written at once)."""
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} "
        f"USING fts5vocab(main, {INDEX_TABLE}, row)",
        f"DELETE FROM {PENDING_TABLE}",
        f"INSERT OR IGNORE INTO {TERM_TABLE}(term) SELECT term FROM {VOCABULARY}",
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


def drop_sql(sources: tuple[Source, ...]) -> list[str]:
    """Statements that remove the index, its word list and its triggers."""
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in sorted(trigger_names(sources))),
        *(
            f"DROP TABLE IF EXISTS {table}"
            for table in (INDEX_TABLE, TITLE_TABLE, TERM_TABLE, PENDING_TABLE)
        ),
    ]
