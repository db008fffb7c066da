"""drafts of open dialogs

What is typed in a dialog (an observation, a tension note, a log entry...) is kept as a draft
inside the journal while the dialog is open, so a lock, a quit, a signal or a crash does not
lose it. A new table only: no row changes.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("fields", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("saved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "place", name="uq_draft_kind_place"),
    )


def downgrade() -> None:
    op.drop_table("draft")
