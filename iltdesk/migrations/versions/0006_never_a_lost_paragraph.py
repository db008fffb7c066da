"""never a lost paragraph

Earlier versions of long texts (``record_version``) and a Trash for deleted records
(``trash_entry``). The search index now removes a deleted record's words from its pages at
once (FTS5's secure-delete), so a record purged from the Trash leaves nothing behind in it.
Triggers keep a long text's earlier version once per editing session
(``iltdesk.migrations.history_0006``).

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from iltdesk.migrations.history_0006 import create_triggers_sql, drop_triggers_sql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX_TABLE = "search_index"  # frozen: the index's name at 0006


def upgrade() -> None:
    op.create_table(
        "record_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("saved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("record_version") as batch:
        # One index serves every lookup (a text's versions, newest first; a record's, for the
        # Trash): smaller than one per column, and each kept version costs one entry.
        batch.create_index("ix_record_version_text", ["kind", "record_id", "field", "saved_at"])
    op.create_table(
        "trash_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("rows", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("trash_entry") as batch:
        batch.create_index(batch.f("ix_trash_entry_deleted_at"), ["deleted_at"])
    op.execute(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES ('secure-delete', 1)")
    # Earlier versions of long texts, one per editing session (history_0006 says the rule).
    for sql in create_triggers_sql():
        op.execute(sql)


def downgrade() -> None:
    for sql in drop_triggers_sql():
        op.execute(sql)
    op.execute(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES ('secure-delete', 0)")
    op.drop_table("trash_entry")
    op.drop_table("record_version")
