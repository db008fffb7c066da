"""the ILT as a team

ILT meetings become records (their agenda parts, attendance and members' agenda items), and
every earlier plus/delta becomes the closing part of a meeting on its day. An action item may
belong to the team instead of one lead (``lead_id`` NULL), to a meeting, and to a difficult
conversation; its owners may be several members. Teacher teams with their data points and the
principal's interventions; difficult conversations; joint practice, calibration ratings, other
coaches; the ILT's own learning events. An observation may name the teacher team whose meeting
the lead was running. The search index follows SOURCES_V3. No row is lost or re-dated.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from iltdesk.migrations.tables_0005 import create_tables
from iltdesk.search_index import (
    SOURCES_V2,
    SOURCES_V3,
    create_triggers_sql,
    drop_triggers_sql,
)

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_SOURCES = ("one_on_one", "observation", "cycle", "manual")
NEW_SOURCES = (*OLD_SOURCES, "meeting", "conversation", "self_check")
OPEN_DUE = "ix_action_item_open_due_on"
# Frozen wording of the one agenda part a meeting made from an old plus/delta has.
PLUS_DELTA_TITLE = "Plus/delta"
PLUS_DELTA_PROMPT = "What worked today, and what would make the next meeting better?"


def upgrade() -> None:
    # Batch operations rebuild action_item, meeting_feedback and observation, and triggers
    # name tables, so every trigger goes first; the index rows keep their rowids.
    for statement in drop_triggers_sql(SOURCES_V2):
        op.execute(statement)
    create_tables()
    _action_items()
    with op.batch_alter_table("meeting_feedback") as batch:
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_meeting_feedback_meeting_id"), ["meeting_id"])
        batch.create_foreign_key(
            "fk_meeting_feedback_meeting_id", "ilt_meeting", ["meeting_id"], ["id"],
            ondelete="CASCADE",
        )  # fmt: skip
    with op.batch_alter_table("observation") as batch:
        batch.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_observation_team_id"), ["team_id"])
        batch.create_foreign_key(
            "fk_observation_team_id", "teacher_team", ["team_id"], ["id"], ondelete="SET NULL"
        )
    for statement in create_triggers_sql(SOURCES_V3):
        op.execute(statement)
    _meetings_from_plus_deltas()


def _action_items() -> None:
    # The partial index is not rebuilt faithfully by a batch copy: it is made again after.
    op.drop_index(OPEN_DUE, table_name="action_item")
    with op.batch_alter_table("action_item") as batch:
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("conversation_id", sa.Integer(), nullable=True))
        batch.alter_column("lead_id", existing_type=sa.Integer(), nullable=True)
        batch.alter_column(
            "source",
            existing_type=sa.Enum(*OLD_SOURCES, name="actionsource"),
            type_=sa.Enum(*NEW_SOURCES, name="actionsource"),
            existing_nullable=False,
        )
        batch.create_index(batch.f("ix_action_item_conversation_id"), ["conversation_id"])
        batch.create_index(batch.f("ix_action_item_meeting_id"), ["meeting_id"])
        batch.create_foreign_key(
            "fk_action_item_meeting_id", "ilt_meeting", ["meeting_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
        batch.create_foreign_key(
            "fk_action_item_conversation_id", "difficult_conversation", ["conversation_id"],
            ["id"], ondelete="SET NULL",
        )  # fmt: skip
    op.create_index(OPEN_DUE, "action_item", ["due_on"], sqlite_where=sa.text("done_on IS NULL"))


def _meetings_from_plus_deltas() -> None:
    """Each earlier plus/delta was gathered at a meeting: that meeting becomes a record on the
    same day, made when the plus/delta was, holding it as its closing part."""
    op.execute(
        "INSERT INTO ilt_meeting (created_at, updated_at, held_on, title, pl_topic, pl_led_by, "
        "artifacts, protocol, guiding_questions, private_notes) SELECT min(created_at), "
        "min(created_at), met_on, '', '', '', '', '', '', '' FROM meeting_feedback "
        "GROUP BY met_on ORDER BY met_on"
    )
    op.execute(
        "UPDATE meeting_feedback SET meeting_id = "
        "(SELECT id FROM ilt_meeting WHERE held_on = meeting_feedback.met_on)"
    )
    op.execute(
        "INSERT INTO ilt_meeting_section (created_at, updated_at, meeting_id, position, part, "
        "title, prompt, notes) SELECT created_at, created_at, id, 0, 'plus_delta', "
        f"'{PLUS_DELTA_TITLE}', '{PLUS_DELTA_PROMPT}', '' FROM ilt_meeting"
    )


NEW_TABLES = (
    "action_item_owner",
    "team_data_value",
    "ilt_meeting_section",
    "ilt_meeting_attendance",
    "ilt_agenda_item",
    "difficult_conversation",
    "team_intervention",
    "team_data_point",
    "teacher_team_lead",
    "learning_event_lead",
    "lead_coach",
    "joint_practice_lead",
    "ilt_meeting",
    "calibration_rating",
    "teacher_team",
    "learning_event",
    "joint_practice",
)


def downgrade() -> None:
    for statement in drop_triggers_sql(SOURCES_V3):
        op.execute(statement)
    # Before 0005 every action item had one lead: a team's items cannot go back.
    op.execute("DELETE FROM action_item WHERE lead_id IS NULL")
    op.execute("UPDATE action_item SET source = 'manual' WHERE source NOT IN "
               "('one_on_one', 'observation', 'cycle', 'manual')")  # fmt: skip
    op.drop_index(OPEN_DUE, table_name="action_item")
    with op.batch_alter_table("action_item") as batch:
        batch.drop_constraint("fk_action_item_conversation_id", type_="foreignkey")
        batch.drop_constraint("fk_action_item_meeting_id", type_="foreignkey")
        batch.drop_index(batch.f("ix_action_item_meeting_id"))
        batch.drop_index(batch.f("ix_action_item_conversation_id"))
        batch.alter_column(
            "source",
            existing_type=sa.Enum(*NEW_SOURCES, name="actionsource"),
            type_=sa.Enum(*OLD_SOURCES, name="actionsource"),
            existing_nullable=False,
        )
        batch.alter_column("lead_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("conversation_id")
        batch.drop_column("meeting_id")
    op.create_index(OPEN_DUE, "action_item", ["due_on"], sqlite_where=sa.text("done_on IS NULL"))
    with op.batch_alter_table("observation") as batch:
        batch.drop_constraint("fk_observation_team_id", type_="foreignkey")
        batch.drop_index(batch.f("ix_observation_team_id"))
        batch.drop_column("team_id")
    with op.batch_alter_table("meeting_feedback") as batch:
        batch.drop_constraint("fk_meeting_feedback_meeting_id", type_="foreignkey")
        batch.drop_index(batch.f("ix_meeting_feedback_meeting_id"))
        batch.drop_column("meeting_id")
    op.execute(
        "DELETE FROM search_index WHERE kind IN ('ilt_meeting', 'meeting_section', "
        "'meeting_agenda_item', 'teacher_team', 'team_intervention', 'conversation', "
        "'joint_practice', 'lead_coach', 'learning_event')"
    )
    for table in NEW_TABLES:
        op.drop_table(table)
    for statement in create_triggers_sql(SOURCES_V2):
        op.execute(statement)
