"""indexes for a long-kept journal

Today, and deleting a 1:1, an observation or a cycle, read every action item, observation
or 1:1 a journal has ever held without these: ~0.9 s of Today's reads at 100k entries.
Indexes only: no row changes.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, columns); each plain index is what the model's ``index=True`` names.
PLAIN = (
    ("ix_action_item_one_on_one_id", "action_item", ["one_on_one_id"]),
    ("ix_action_item_observation_id", "action_item", ["observation_id"]),
    ("ix_action_item_cycle_id", "action_item", ["cycle_id"]),
    ("ix_learning_cycle_previous_cycle_id", "learning_cycle", ["previous_cycle_id"]),
    ("ix_observation_follow_up_on", "observation", ["follow_up_on"]),
    ("ix_one_on_one_lead_id_held_on", "one_on_one", ["lead_id", "held_on"]),
)


def upgrade() -> None:
    for name, table, columns in PLAIN:
        op.create_index(name, table, columns)
    op.create_index(
        "ix_action_item_open_due_on",
        "action_item",
        ["due_on"],
        sqlite_where=sa.text("done_on IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_action_item_open_due_on", table_name="action_item")
    for name, table, _ in reversed(PLAIN):
        op.drop_index(name, table_name=table)
