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


def upgrade() -> None:
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
