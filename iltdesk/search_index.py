"""The full-text index: one FTS5 table inside the encrypted file, kept in step by triggers.

Triggers (not application code) keep the index in step, so every write path, bulk inserts
and cascading deletes included, updates it in the same transaction. Each indexed row gets the
FTS rowid ``record_id * KIND_SLOTS + code``, so an update or delete touches one index row by
rowid instead of scanning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

INDEX_TABLE = "search_index"
KIND_SLOTS = 32


@dataclass(frozen=True)
class Source:
    """How one table feeds the index."""

    table: str
    kind: str
    code: int
    title: str  # an SQL expression over NEW/OLD-less column names
    body: tuple[str, ...]
    lead: str = "NULL"
    happened: str = "NULL"
    # (parent table, this table's key to it, parent columns the index copies): when those
    # change, this table's rows are re-indexed so their lead and date never go stale.
    parent: tuple[str, str, tuple[str, ...]] | None = None


def _via(parent: str, column: str, key: str) -> str:
    return f"(SELECT {column} FROM {parent} WHERE id = {{row}}.{key})"


# Frozen for migration 0001: a later schema that indexes differently adds SOURCES_V2 and a
# migration that rebuilds; this tuple is never edited, or old migrations would change.
SOURCES_V1: tuple[Source, ...] = (
    Source("lead", "lead", 1, "name", ("role", "team", "notes"), "{row}.id", "{row}.on_ilt_since"),
    Source("lead_trait", "trait", 2, "title", ("evidence",), "{row}.lead_id", "{row}.noted_on"),
    Source("energy_check", "energy", 3, "''", ("note",), "{row}.lead_id", "{row}.checked_on"),
    Source(
        "one_on_one",
        "one_on_one",
        4,
        "''",
        ("notes", "feedback_given"),
        "{row}.lead_id",
        "{row}.held_on",
    ),
    Source(
        "agenda_item",
        "agenda_item",
        5,
        "text",
        ("notes",),
        _via("one_on_one", "lead_id", "one_on_one_id"),
        _via("one_on_one", "held_on", "one_on_one_id"),
        ("one_on_one", "one_on_one_id", ("lead_id", "held_on")),
    ),
    Source("action_item", "action_item", 6, "text", (), "{row}.lead_id", "{row}.due_on"),
    Source(
        "coaching_agreement",
        "agreement",
        7,
        "''",
        ("meeting_cadence", "feedback_approach", "coaching_approach", "revision_note"),
        "{row}.lead_id",
        "{row}.agreed_on",
    ),
    Source(
        "agreement_expectation",
        "expectation",
        8,
        "text",
        (),
        _via("coaching_agreement", "lead_id", "agreement_id"),
        _via("coaching_agreement", "agreed_on", "agreement_id"),
        ("coaching_agreement", "agreement_id", ("lead_id", "agreed_on")),
    ),
    Source(
        "learning_cycle",
        "cycle",
        9,
        "goal",
        (
            "success_measure",
            "baseline_quantitative",
            "baseline_qualitative",
            "focus_indicator",
            "outcome_evidence",
            "lead_reflection",
            "principal_reflection",
            "next_goal",
        ),
        "{row}.lead_id",
        "{row}.started_on",
    ),
    Source(
        "cycle_activity",
        "activity",
        10,
        "title",
        ("notes",),
        _via("learning_cycle", "lead_id", "cycle_id"),
        "{row}.happened_on",
        ("learning_cycle", "cycle_id", ("lead_id",)),
    ),
    Source(
        "observation",
        "observation",
        11,
        "''",
        ("evidence", "feedback", "action_step"),
        "{row}.lead_id",
        "{row}.observed_on",
    ),
    Source(
        "challenge",
        "challenge",
        12,
        "title",
        (
            "systems",
            "technical_needs",
            "relationships",
            "adaptive_needs",
            "information_flow",
            "equity",
            "root_causes",
        ),
        "NULL",
        "{row}.opened_on",
    ),
    Source(
        "force_card",
        "force_card",
        13,
        "''",
        ("text",),
        "NULL",
        _via("challenge", "opened_on", "challenge_id"),
        ("challenge", "challenge_id", ("opened_on",)),
    ),
    Source("challenge_log_entry", "challenge_log", 14, "''", ("text",), "NULL", "{row}.logged_on"),
    Source("self_check", "self_check", 15, "''", ("note",), "NULL", "{row}.taken_on"),
    Source(
        "self_check_area_note",
        "self_check_note",
        16,
        "area",
        ("note",),
        "NULL",
        _via("self_check", "taken_on", "self_check_id"),
        ("self_check", "self_check_id", ("taken_on",)),
    ),
    Source(
        "tension_note",
        "tension",
        17,
        "tension",
        ("first_pole_serves", "second_pole_serves", "evidence", "note"),
        "NULL",
        "{row}.noted_on",
    ),
    Source(
        "charter",
        "charter",
        18,
        "'ILT charter'",  # not shown: SQL, the index's title for it (search.py translates)
        ("purpose", "vision_link", "goals", "norms", "member_qualities"),
    ),
    Source("scope_item", "scope_item", 19, "period", ("focus",), "NULL", "{row}.starts_on"),
    Source(
        "meeting_feedback",
        "meeting_feedback",
        20,
        "''",
        ("plus", "delta", "response"),
        "NULL",
        "{row}.met_on",
    ),
)


_COLUMNS = "rowid, kind, record_id, lead_id, happened_on, title, body"  # not shown: SQL


def _row_values(source: Source, row: str) -> str:
    def col(expr: str) -> str:
        expr = expr.format(row=row)
        if expr.startswith(("'", "(", "NULL")) or "." in expr:
            return expr
        return f"{row}.{expr}"

    body = ", ".join(f"{row}.{name}" for name in source.body) or "''"
    return (
        f"{row}.id * {KIND_SLOTS} + {source.code}, '{source.kind}', {row}.id, "
        f"{col(source.lead)}, {col(source.happened)}, {col(source.title)}, "
        f"concat_ws(char(10), {body})"  # not shown: SQL
    )


def create_index_sql(sources: tuple[Source, ...]) -> list[str]:
    """The statements that create the FTS5 table and the triggers that keep it in step."""
    return [
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5("
        "title, body, kind UNINDEXED, record_id UNINDEXED, lead_id UNINDEXED, "
        "happened_on UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
        *create_triggers_sql(sources),
    ]


def create_triggers_sql(sources: tuple[Source, ...]) -> list[str]:
    """The triggers that keep an existing index in step with ``sources``."""
    statements = []
    for s in sources:
        insert = f"INSERT INTO {INDEX_TABLE}({_COLUMNS}) VALUES ({_row_values(s, 'NEW')});"
        delete = f"DELETE FROM {INDEX_TABLE} WHERE rowid = OLD.id * {KIND_SLOTS} + {s.code};"
        statements += [
            f"CREATE TRIGGER {INDEX_TABLE}_{s.table}_ai AFTER INSERT ON {s.table} "
            f"BEGIN {insert} END",
            f"CREATE TRIGGER {INDEX_TABLE}_{s.table}_au AFTER UPDATE ON {s.table} "
            f"BEGIN {delete} {insert} END",
            f"CREATE TRIGGER {INDEX_TABLE}_{s.table}_ad AFTER DELETE ON {s.table} "
            f"BEGIN {delete} END",
        ]
        statements += _parent_trigger_sql(s)
    return statements


def _parent_trigger_sql(s: Source) -> list[str]:
    if s.parent is None:
        return []
    parent, key, watched = s.parent
    children = f"FROM {s.table} WHERE {s.table}.{key} = NEW.id"
    return [
        f"CREATE TRIGGER {INDEX_TABLE}_{s.table}_via_{parent} "
        f"AFTER UPDATE OF {', '.join(watched)} ON {parent} BEGIN "
        f"DELETE FROM {INDEX_TABLE} WHERE rowid IN "
        f"(SELECT {s.table}.id * {KIND_SLOTS} + {s.code} {children}); "
        f"INSERT INTO {INDEX_TABLE}({_COLUMNS}) SELECT {_row_values(s, s.table)} {children}; END"
    ]


def drop_index_sql(sources: tuple[Source, ...]) -> list[str]:
    """The statements that remove the index and its triggers."""
    return [*drop_triggers_sql(sources), f"DROP TABLE IF EXISTS {INDEX_TABLE}"]


def drop_triggers_sql(sources: tuple[Source, ...]) -> list[str]:
    """The statements that remove the triggers of ``sources``, keeping the index."""
    return [
        f"DROP TRIGGER IF EXISTS {INDEX_TABLE}_{s.table}_{suffix}"
        for s in sources
        for suffix in ("ai", "au", "ad", *([f"via_{s.parent[0]}"] if s.parent else []))
    ]


def rebuild_index_sql(sources: tuple[Source, ...]) -> list[str]:
    """Statements that refill the index from the tables (after a repair or a bulk load)."""
    fills = [
        f"INSERT INTO {INDEX_TABLE}({_COLUMNS}) SELECT {_row_values(s, s.table)} FROM {s.table}"
        for s in sources
    ]
    return [f"DELETE FROM {INDEX_TABLE}", *fills]


def reindex_kinds_sql(sources: tuple[Source, ...], kinds: set[str]) -> list[str]:
    """Statements that refill the index for ``kinds`` only, from ``sources``: a migration that
    reshapes a few small tables need not re-read a long-kept journal's every 1:1."""
    chosen = tuple(s for s in sources if s.kind in kinds)
    listed = ", ".join(f"'{kind}'" for kind in sorted(kinds))
    return [f"DELETE FROM {INDEX_TABLE} WHERE kind IN ({listed})", *rebuild_index_sql(chosen)[1:]]


def _v2(source: Source) -> Source:
    """A v1 source as migration 0004 changed it (the problem statement, the decision at stake,
    the charter in versions, the scope's three strands)."""
    if source.table == "challenge":
        return replace(source, body=("statement", *source.body))
    if source.table == "tension_note":
        return replace(source, body=(*source.body, "decision"))
    if source.table == "charter":
        return replace(
            source,
            table="charter_version",
            body=(
                "why",
                "purpose",
                "vision_link",
                "goals",
                "norms",
                "lead_qualities",
                "coach_qualities",
                "team_qualities",
                "commitments",
                "theme",
            ),
            happened="{row}.made_on",
        )
    if source.table == "scope_item":
        return replace(
            source, body=("focus", "data", "observation_feedback", "professional_learning")
        )
    return source


# Frozen for migration 0004, like SOURCES_V1.
SOURCES_V2: tuple[Source, ...] = (
    *(_v2(source) for source in SOURCES_V1),
    Source("leadership_note", "leadership_note", 21, "''", ("text",), "NULL", "{row}.noted_on"),
    Source("principal_energy", "own_energy", 22, "''", ("note",), "NULL", "{row}.checked_on"),
)


def _in_meeting(table: str, kind: str, code: int, title: str, lead: str = "NULL") -> Source:
    return Source(
        table,
        kind,
        code,
        title,
        ("notes",),
        lead,
        _via("ilt_meeting", "held_on", "meeting_id"),
        ("ilt_meeting", "meeting_id", ("held_on",)),
    )


# Frozen for migration 0005 (the ILT as a team), like SOURCES_V1. Codes 23-31 fill the last
# of the KIND_SLOTS: a later kind needs a new rowid scheme or a shared code.
SOURCES_V3: tuple[Source, ...] = (
    *SOURCES_V2,
    Source(
        "ilt_meeting",
        "ilt_meeting",
        23,
        "title",
        ("pl_topic", "pl_led_by", "artifacts", "protocol", "guiding_questions", "private_notes"),
        "NULL",
        "{row}.held_on",
    ),
    _in_meeting("ilt_meeting_section", "meeting_section", 24, "title"),
    _in_meeting("ilt_agenda_item", "meeting_agenda_item", 25, "text", "{row}.added_by_lead_id"),
    Source("teacher_team", "teacher_team", 26, "name", ("meeting_day", "notes")),
    Source(
        "team_intervention",
        "team_intervention",
        27,
        "''",
        ("what", "why", "what_followed"),
        "NULL",
        "{row}.happened_on",
    ),
    Source(
        "difficult_conversation",
        "conversation",
        28,
        "with_whom",
        (
            "goal",
            "opening_words",
            "reactions",
            "rehearsed_with",
            "rehearsal_notes",
            "what_happened",
            "debrief",
        ),
        "{row}.lead_id",
        "{row}.planned_on",
    ),
    Source(
        "joint_practice",
        "joint_practice",
        29,
        "focus",
        ("indicator", "notes"),
        "NULL",
        "{row}.happened_on",
    ),
    Source("lead_coach", "lead_coach", 30, "name", ("focus",), "{row}.lead_id", "{row}.since"),
    Source(
        "learning_event",
        "learning_event",
        31,
        "topic",
        ("led_by", "goal", "notes"),
        "NULL",
        "{row}.held_on",
    ),
)

CURRENT_SOURCES = SOURCES_V3
