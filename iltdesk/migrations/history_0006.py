"""Frozen for migration 0006: the triggers that keep earlier versions of long texts.

Never edited: a later schema that keeps history differently adds its own module and a
migration that drops these triggers and makes its own, or old migrations would change.

The rule (iltdesk.history explains it to a reader): when an UPDATE changes one of the texts
below, the text it replaces is kept in ``record_version`` if

- the record's previous save (``OLD.updated_at``) is at least ``SESSION_MINUTES`` old, so
  the replaced text is what an earlier editing session left (the autosave's many saves
  within one session keep nothing), and
- the replaced text is not blank, and not the same as the newest version already kept.

``saved_at`` is written as SQLAlchemy writes a ``UTCDateTime`` in SQLite ("YYYY-MM-DD
HH:MM:SS.ffffff", UTC), so the two compare as text and read back as the same type.

A migration that rebuilds one of these tables (``batch_alter_table``) drops its triggers:
it must make them again.
"""

SESSION_MINUTES = 10
VERSION_TABLE = "record_version"
# The record's table, then the columns whose earlier texts are kept.
TRACKED: dict[str, tuple[str, ...]] = {
    "one_on_one": ("notes", "feedback_given"),
    "observation": ("evidence", "feedback"),
    "learning_cycle": (
        "goal",
        "success_measure",
        "baseline_quantitative",
        "baseline_qualitative",
        "focus_indicator",
        "outcome_evidence",
        "lead_reflection",
        "principal_reflection",
        "next_goal",
    ),
    "challenge": (
        "statement",
        "systems",
        "technical_needs",
        "relationships",
        "adaptive_needs",
        "information_flow",
        "equity",
        "root_causes",
    ),
}
NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


def trigger_name(table: str, column: str) -> str:
    return f"history_{table}_{column}"


def _trigger(table: str, column: str) -> str:
    newest = (
        f"SELECT text FROM {VERSION_TABLE} WHERE kind = '{table}' AND record_id = OLD.id "
        f"AND field = '{column}' ORDER BY saved_at DESC, id DESC LIMIT 1"
    )
    return (
        f"CREATE TRIGGER {trigger_name(table, column)} AFTER UPDATE OF {column} ON {table} "
        f"WHEN OLD.{column} IS NOT NEW.{column} AND OLD.{column} <> '' "
        f"AND julianday('now') - COALESCE(julianday(OLD.updated_at), 0) "
        f">= {SESSION_MINUTES} / 1440.0 "
        f"AND OLD.{column} IS NOT ({newest}) "
        f"BEGIN INSERT INTO {VERSION_TABLE} (kind, record_id, field, text, saved_at) "
        f"VALUES ('{table}', OLD.id, '{column}', OLD.{column}, {NOW}); END"
    )


def create_triggers_sql() -> list[str]:
    return [_trigger(table, column) for table, columns in TRACKED.items() for column in columns]


def drop_triggers_sql() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {trigger_name(table, column)}"
        for table, columns in TRACKED.items()
        for column in columns
    ]
