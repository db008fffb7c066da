"""Alembic environment: always runs on the journal's own, already keyed, connection."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import iltdesk.models  # noqa: F401  (registers the tables)


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 table and its shadow tables are made by raw SQL, not by the models.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    transaction_per_migration=True,
    render_as_batch=True,
    include_object=_include,
)
with context.begin_transaction():
    context.run_migrations()
