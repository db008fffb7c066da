"""Frozen for migration 0008: the triggers that keep earlier versions of long texts, with
moments stored as integer milliseconds since 1970-01-01 UTC.

Never edited: a later schema that keeps history differently adds its own module and a
migration that drops these triggers and makes its own, or old migrations would change.

The rule is migration 0006's (``history_0006`` says it, and names the texts it watches):
when an UPDATE changes one of them, the text it replaces is kept in ``record_version`` if the
record's previous save (``OLD.updated_at``) is at least ``SESSION_MINUTES`` old and the text
is neither blank nor the same as the newest version already kept. Only the reading and the
writing of the moments differ: ``OLD.updated_at`` is read, and ``saved_at`` written, as
integer milliseconds, as the ORM's ``Instant`` stores them. The triggers keep 0006's names.
"""

from iltdesk.migrations.history_0006 import SESSION_MINUTES, TRACKED, VERSION_TABLE, trigger_name

# Now, to the millisecond (rounded: the product of a float may fall a hair under the integer).
NOW_MS = "CAST(round(unixepoch('now', 'subsec') * 1000) AS INTEGER)"
SESSION_MS = SESSION_MINUTES * 60 * 1000


def _trigger(table: str, column: str) -> str:
    newest = (
        f"SELECT text FROM {VERSION_TABLE} WHERE kind = '{table}' AND record_id = OLD.id "
        f"AND field = '{column}' ORDER BY saved_at DESC, id DESC LIMIT 1"
    )
    return (
        f"CREATE TRIGGER {trigger_name(table, column)} AFTER UPDATE OF {column} ON {table} "
        f"WHEN OLD.{column} IS NOT NEW.{column} AND OLD.{column} <> '' "
        f"AND {NOW_MS} - COALESCE(OLD.updated_at, 0) >= {SESSION_MS} "
        f"AND OLD.{column} IS NOT ({newest}) "
        f"BEGIN INSERT INTO {VERSION_TABLE} (kind, record_id, field, text, saved_at) "
        f"VALUES ('{table}', OLD.id, '{column}', OLD.{column}, {NOW_MS}); END"
    )


def create_triggers_sql() -> list[str]:
    return [_trigger(table, column) for table, columns in TRACKED.items() for column in columns]


def drop_triggers_sql() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {trigger_name(table, column)}"
        for table, columns in TRACKED.items()
        for column in columns
    ]
