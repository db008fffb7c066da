"""Indexes on links that most rows leave empty."""

from __future__ import annotations

from sqlalchemy import Index, text


def set_links_indexed(table: str, columns: tuple[str, ...]) -> tuple[Index, ...]:
    """An index per column of ``table`` holding only the rows where it is set: a lookup by a
    link (``col = ?``, and SQLite's own for ON DELETE) uses it, and the empty ones cost
    nothing."""
    return tuple(
        Index(f"ix_{table}_{column}", column, sqlite_where=text(f"{column} IS NOT NULL"))
        for column in columns
    )
