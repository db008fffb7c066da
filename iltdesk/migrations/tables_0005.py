"""The tables migration 0005 creates, as they were at 0005 (frozen like the revision itself;
kept apart so the revision reads as its story)."""

import sqlalchemy as sa
import sqlmodel
from alembic import op


def create_tables() -> None:
    op.create_table(
        "joint_practice",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "joint_observation",
                "calibration",
                "team_meeting_visit",
                "data_meeting",
                "peer_observation",
                "other",
                name="practicekind",
            ),
            nullable=False,
        ),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("focus", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("indicator", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("joint_practice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_joint_practice_happened_on"), ["happened_on"], unique=False
        )

    op.create_table(
        "learning_event",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("pd_session", "gathering", "office_hours", name="learningkind"),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("led_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("goal", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("strand", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("learning_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learning_event_held_on"), ["held_on"], unique=False)

    op.create_table(
        "teacher_team",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("members_count", sa.Integer(), nullable=False),
        sa.Column("meeting_day", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("teacher_team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teacher_team_name"), ["name"], unique=False)

    op.create_table(
        "calibration_rating",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Enum("before", "after", name="ratinground"), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("rater", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["practice_id"], ["joint_practice.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("calibration_rating", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calibration_rating_practice_id"), ["practice_id"], unique=False
        )

    op.create_table(
        "ilt_meeting",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pl_topic", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pl_lead_id", sa.Integer(), nullable=True),
        sa.Column("pl_led_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("artifacts", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("protocol", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("guiding_questions", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("private_notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["pl_lead_id"], ["lead.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ilt_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ilt_meeting_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_ilt_meeting_pl_lead_id"), ["pl_lead_id"], unique=False)

    op.create_table(
        "joint_practice_lead",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["practice_id"], ["joint_practice.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("practice_id", "lead_id"),
    )
    with op.batch_alter_table("joint_practice_lead", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_joint_practice_lead_lead_id"), ["lead_id"], unique=False
        )

    op.create_table(
        "lead_coach",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("veteran_lead", "outside_partner", "other", name="coachkind"),
            nullable=False,
        ),
        sa.Column("coach_lead_id", sa.Integer(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("focus", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["coach_lead_id"], ["lead.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("lead_coach", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lead_coach_coach_lead_id"), ["coach_lead_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_coach_lead_id"), ["lead_id"], unique=False)

    op.create_table(
        "learning_event_lead",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.Enum("led", "came", name="learningrole"), nullable=False),
        sa.Column("brought", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["learning_event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "lead_id"),
    )
    with op.batch_alter_table("learning_event_lead", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_learning_event_lead_lead_id"), ["lead_id"], unique=False
        )

    op.create_table(
        "teacher_team_lead",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["team_id"], ["teacher_team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "lead_id"),
    )
    with op.batch_alter_table("teacher_team_lead", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teacher_team_lead_lead_id"), ["lead_id"], unique=False)

    op.create_table(
        "team_data_point",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teacher_team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team_data_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_data_point_team_id"), ["team_id"], unique=False)

    op.create_table(
        "team_intervention",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("brokered", "support", "sat_in", "other", name="interventionkind"),
            nullable=False,
        ),
        sa.Column("what", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("why", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("what_followed", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teacher_team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team_intervention", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_intervention_happened_on"), ["happened_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_team_intervention_team_id"), ["team_id"], unique=False)

    op.create_table(
        "difficult_conversation",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column(
            "holder", sa.Enum("lead", "principal", name="conversationholder"), nullable=False
        ),
        sa.Column("cycle_id", sa.Integer(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("with_whom", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("goal", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("opening_words", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reactions", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rehearsed_on", sa.Date(), nullable=True),
        sa.Column("rehearsed_with", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rehearsal_notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("what_happened", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("debrief", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["learning_cycle.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("difficult_conversation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_difficult_conversation_cycle_id"), ["cycle_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_difficult_conversation_held_on"), ["held_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_difficult_conversation_lead_id"), ["lead_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_difficult_conversation_planned_on"), ["planned_on"], unique=False
        )

    op.create_table(
        "ilt_agenda_item",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("added_by_lead_id", sa.Integer(), nullable=True),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("discussed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["added_by_lead_id"], ["lead.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["meeting_id"], ["ilt_meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ilt_agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ilt_agenda_item_added_by_lead_id"), ["added_by_lead_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ilt_agenda_item_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "ilt_meeting_attendance",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["ilt_meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "lead_id"),
    )
    with op.batch_alter_table("ilt_meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ilt_meeting_attendance_lead_id"), ["lead_id"], unique=False
        )

    op.create_table(
        "ilt_meeting_section",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "part",
            sa.Enum(
                "vision",
                "last_plus_delta",
                "member_items",
                "professional_learning",
                "data",
                "decisions",
                "next_steps",
                "plus_delta",
                "other",
                name="meetingpart",
            ),
            nullable=False,
        ),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prompt", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["ilt_meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ilt_meeting_section", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ilt_meeting_section_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "team_data_value",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("data_point_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["data_point_id"], ["team_data_point.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team_data_value", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_data_value_data_point_id"), ["data_point_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_team_data_value_measured_on"), ["measured_on"], unique=False
        )

    op.create_table(
        "action_item_owner",
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("action_item_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_item_id"], ["action_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("action_item_id", "lead_id"),
    )
    with op.batch_alter_table("action_item_owner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_item_owner_lead_id"), ["lead_id"], unique=False)
