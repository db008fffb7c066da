"""search without a copy

The search index keeps word lists only (``iltdesk.search_tables``): no second copy of every
text, no positions, a list per two- and three-letter prefix, and the index's words in
``search_term``; a search reads snippets, days and leads from the records themselves. A
100k-entry journal's file shrinks by about a third, and the first letters typed find the
newest matches at once.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

from iltdesk.search_index import SOURCES_V3, create_index_sql, drop_index_sql, rebuild_index_sql
from iltdesk.search_tables import (
    create_sql,
    drop_sql,
    fill_sql,
    terms_from_index_sql,
    triggers_sql,
)

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX_TABLE = "search_index"  # frozen: the index's name at 0007


# The old index's storage, emptied a step at a time before it is dropped: with secure_delete
# on, a DROP zeroes every page it frees at once and held them all in memory (2.4 GB at 1M
# entries); deleting rows in steps zeroes as much and lets SQLite write pages out as it goes.
_EMPTIED_IN_STEPS = ("search_index_content", "search_index_docsize", "search_index_data")
_STEP = 20000


def _empty_old_index() -> None:
    bind = op.get_bind()
    for table in _EMPTIED_IN_STEPS:
        while bind.exec_driver_sql(
            f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT {_STEP})"
        ).rowcount:
            pass
    op.execute("DELETE FROM search_index_idx")


def upgrade() -> None:
    _empty_old_index()
    statements = [
        *drop_index_sql(SOURCES_V3),
        *create_sql(),
        *triggers_sql(SOURCES_V3),
        *fill_sql(SOURCES_V3),
        *terms_from_index_sql(),
    ]
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = [
        *drop_sql(SOURCES_V3),
        *create_index_sql(SOURCES_V3),
        *rebuild_index_sql(SOURCES_V3),
        f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES ('secure-delete', 1)",
    ]
    for statement in statements:
        op.execute(statement)
