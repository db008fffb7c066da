"""days beside the index

Every indexed record's day is kept by its index rowid in ``search_day``
(``iltdesk.search_days``), so a search orders its newest matches without reading each record's
page: at 1M entries those reads were nine tenths of a slow search. The index of a 1:1's day
alone goes (every read of 1:1s by day is one lead's, which the lead-and-day index serves):
about 1.4 MB of a 100k-entry journal, a quarter of what the days take.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

from iltdesk import search_days
from iltdesk.search_index import SOURCES_V3

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Dropped first: the days take the pages it frees.
    op.execute("DROP INDEX ix_one_on_one_held_on")
    for statement in [*search_days.create_sql(), *search_days.triggers_sql(SOURCES_V3)]:
        op.execute(statement)
    bind = op.get_bind()
    (last_id,) = bind.exec_driver_sql(search_days.last_id_sql(SOURCES_V3)).fetchone()
    fill = search_days.fill_sql(SOURCES_V3)
    for step in search_days.fill_steps(last_id):
        bind.exec_driver_sql(fill, step)


def downgrade() -> None:
    for statement in search_days.drop_sql(SOURCES_V3):
        op.execute(statement)
    op.execute("CREATE INDEX ix_one_on_one_held_on ON one_on_one (held_on)")
