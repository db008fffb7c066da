"""a smaller file

The search index loses its three-letter prefix lists (``search_term`` keeps every word's
newest record instead, and a longer prefix is spelled out newest words first) and writes
leaves that fit an encrypted page (``iltdesk.search_lists``). Links most rows leave empty are
indexed only where set, and the index of a 1:1's lead alone goes (the lead-and-day index
serves it). A 100k-entry journal loses about 33 MB of its 271.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op

from iltdesk import search_lists, search_tables
from iltdesk.search_index import SOURCES_V3

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen: the indexes this revision makes partial, as (table, column).
PARTIAL = (
    ("action_item", "observation_id"),
    ("action_item", "cycle_id"),
    ("action_item", "meeting_id"),
    ("action_item", "conversation_id"),
    ("observation", "team_id"),
)
# Frozen: indexes this revision drops, as (table, column): a 1:1's lead alone (the lead-and-day
# index serves it) and every item's due day (what reads by due day reads open items only,
# which ``ix_action_item_open_due_on`` holds).
DROPPED = (("one_on_one", "lead_id"), ("action_item", "due_on"))

# The old lists, emptied a step at a time before they are dropped: with secure_delete on, a
# DROP zeroes every page it frees at once and holds them in memory (as in 0007).
_EMPTIED_IN_STEPS = ("search_index_data", "search_title_data")
_STEP = 20000


def _empty_old_lists() -> None:
    bind = op.get_bind()
    for table in _EMPTIED_IN_STEPS:
        while bind.exec_driver_sql(
            f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT {_STEP})"
        ).rowcount:
            pass


def _index_sql(table: str, column: str, where: str) -> list[str]:
    name = f"ix_{table}_{column}"
    return [f"DROP INDEX {name}", f"CREATE INDEX {name} ON {table} ({column}){where}"]


def upgrade() -> None:
    _empty_old_lists()
    statements = [
        *search_tables.drop_sql(SOURCES_V3),
        *search_lists.create_sql(),
        *search_tables.triggers_sql(SOURCES_V3),
        *search_tables.fill_sql(SOURCES_V3),
        *search_lists.terms_from_index_sql(),
        *(s for t, c in PARTIAL for s in _index_sql(t, c, f" WHERE {c} IS NOT NULL")),
        *(f"DROP INDEX ix_{t}_{c}" for t, c in DROPPED),
    ]
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = [
        *search_tables.drop_sql(SOURCES_V3),
        *search_tables.create_sql(),
        *search_tables.triggers_sql(SOURCES_V3),
        *search_tables.fill_sql(SOURCES_V3),
        *search_tables.terms_from_index_sql(),
        *(s for t, c in PARTIAL for s in _index_sql(t, c, "")),
        *(f"CREATE INDEX ix_{t}_{c} ON {t} ({c})" for t, c in DROPPED),
    ]
    for statement in statements:
        op.execute(statement)
