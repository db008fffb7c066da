"""Alembic migrations of the journal schema, applied on open."""
