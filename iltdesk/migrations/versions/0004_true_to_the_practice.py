"""true to the practice

A challenge gets its problem statement; a self-check remembers the wording it was answered
against (every earlier check-in: set 1); a tension note's leaning becomes optional and it can
name the decision at stake; the charter keeps every version (the one charter becomes the first
version, its member qualities the qualities of a strong lead); a scope period gets an
overarching focus and one entry per strand (an old period's focus moves to its strand); the
two frameworks; the principal's own energy and leadership journal. The search index follows
SOURCES_V2 (the reshaped kinds re-read). No row is lost or re-dated.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from iltdesk.search_index import (
    SOURCES_V1,
    SOURCES_V2,
    create_index_sql,
    create_triggers_sql,
    drop_index_sql,
    drop_triggers_sql,
    rebuild_index_sql,
    reindex_kinds_sql,
)

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = sqlmodel.sql.sqltypes.AutoString
CHARTER_TEXT = ("purpose", "vision_link", "goals", "norms")
VERSION_TEXT = (
    "why",
    *CHARTER_TEXT,
    "lead_qualities",
    "coach_qualities",
    "team_qualities",
    "commitments",
    "theme",
)
STRANDS = ("data", "observation_feedback", "professional_learning")
# The index kinds whose text 0004 changes; every other kind's index rows stay as they are.
REINDEXED = {"challenge", "tension", "charter", "scope_item"}


def _stamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    ]


def _add_text(table: str, *names: str, default: str = "") -> None:
    """Add NOT NULL text columns, filled for existing rows, without a lasting server default
    (the models give the default, as for every other column)."""
    with op.batch_alter_table(table) as batch:
        for name in names:
            batch.add_column(sa.Column(name, TEXT(), nullable=False, server_default=default))
    with op.batch_alter_table(table) as batch:
        for name in names:
            batch.alter_column(name, server_default=None)


def upgrade() -> None:
    # Triggers name the tables and batch operations rebuild tables, so the triggers go first.
    # The index itself stays: rows keep their ids, and only the kinds reshaped here are
    # re-read (at 100,000 entries a whole rebuild would keep the person waiting).
    for statement in drop_triggers_sql(SOURCES_V1):
        op.execute(statement)
    _add_text("challenge", "statement")
    _self_check_item_sets()
    _tension_notes()
    _charter_versions()
    _scope_strands()
    _new_tables()
    for statement in create_triggers_sql(SOURCES_V2) + reindex_kinds_sql(SOURCES_V2, REINDEXED):
        op.execute(statement)


def _self_check_item_sets() -> None:
    with op.batch_alter_table("self_check") as batch:
        batch.add_column(sa.Column("item_set", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("self_check") as batch:
        batch.alter_column("item_set", server_default=None)


def _tension_notes() -> None:
    _add_text("tension_note", "decision")
    with op.batch_alter_table("tension_note") as batch:
        batch.alter_column("leaning", existing_type=sa.Integer(), nullable=True)


def _charter_versions() -> None:
    op.create_table(
        "charter_version",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        *(sa.Column(name, TEXT(), nullable=False) for name in VERSION_TEXT),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("charter_version") as batch:
        batch.create_index(batch.f("ix_charter_version_made_on"), ["made_on"], unique=False)
    # The one charter becomes the first version, dated the day it was last written.
    op.execute(
        "INSERT INTO charter_version (created_at, updated_at, made_on, why, purpose, "
        "vision_link, goals, norms, lead_qualities, coach_qualities, team_qualities, "
        "commitments, theme) SELECT created_at, updated_at, substr(updated_at, 1, 10), '', "
        "purpose, vision_link, goals, norms, member_qualities, '', '', '', '' FROM charter "
        "ORDER BY id LIMIT 1"
    )
    op.drop_table("charter")


def _scope_strands() -> None:
    _add_text("scope_item", *STRANDS)
    # An old period had one focus in one strand: that text is what the strand does then.
    for strand in STRANDS:
        op.execute(f"UPDATE scope_item SET {strand} = focus WHERE kind = '{strand}'")
    op.execute("UPDATE scope_item SET focus = ''")
    with op.batch_alter_table("scope_item") as batch:
        batch.drop_column("kind")


def _new_tables() -> None:
    op.create_table(
        "framework_item",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "framework", sa.Enum("leadership", "teacher", name="frameworkkind"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", TEXT(), nullable=False),
        sa.Column("title", TEXT(), nullable=False),
        sa.Column("description", TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("framework_item") as batch:
        batch.create_index(batch.f("ix_framework_item_framework"), ["framework"], unique=False)
    op.create_table(
        "principal_energy",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("principal_energy") as batch:
        batch.create_index(batch.f("ix_principal_energy_checked_on"), ["checked_on"])
    op.create_table(
        "leadership_note",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column(
            "kind", sa.Enum("question", "realisation", name="leadershipnotekind"), nullable=False
        ),
        sa.Column("text", TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("leadership_note") as batch:
        batch.create_index(batch.f("ix_leadership_note_noted_on"), ["noted_on"])


def downgrade() -> None:
    for statement in drop_index_sql(SOURCES_V2):
        op.execute(statement)
    for table in ("leadership_note", "principal_energy", "framework_item"):
        op.drop_table(table)
    with op.batch_alter_table("scope_item") as batch:
        batch.add_column(
            sa.Column(
                "kind",
                sa.Enum(*STRANDS, name="focuskind"),
                nullable=False,
                server_default="data",
            )
        )
    # Each period goes back to one strand: the first with text, its text the focus.
    for strand in reversed(STRANDS):
        op.execute(
            f"UPDATE scope_item SET kind = '{strand}', focus = {strand} WHERE {strand} != ''"
        )
    with op.batch_alter_table("scope_item") as batch:
        batch.alter_column("kind", server_default=None)
        for strand in STRANDS:
            batch.drop_column(strand)
    op.create_table(
        "charter",
        *_stamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        *(sa.Column(name, TEXT(), nullable=False) for name in CHARTER_TEXT),
        sa.Column("member_qualities", TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        "INSERT INTO charter (created_at, updated_at, purpose, vision_link, goals, norms, "
        "member_qualities) SELECT created_at, updated_at, purpose, vision_link, goals, norms, "
        "lead_qualities FROM charter_version ORDER BY made_on DESC, id DESC LIMIT 1"
    )
    op.drop_table("charter_version")
    op.execute("UPDATE tension_note SET leaning = 0 WHERE leaning IS NULL")
    with op.batch_alter_table("tension_note") as batch:
        batch.alter_column("leaning", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("decision")
    with op.batch_alter_table("self_check") as batch:
        batch.drop_column("item_set")
    with op.batch_alter_table("challenge") as batch:
        batch.drop_column("statement")
    for statement in create_index_sql(SOURCES_V1) + rebuild_index_sql(SOURCES_V1):
        op.execute(statement)
