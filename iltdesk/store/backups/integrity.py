"""Checking journals and copies of them: SQLCipher's pages, SQLite's integrity and foreign
keys, the search index, and (for a file about to replace a journal) that it is a whole
journal this build can open."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from iltdesk import search_days
from iltdesk.errors import JournalDamaged, NotAJournal
from iltdesk.search_index import CURRENT_SOURCES, INDEX_TABLE, KIND_SLOTS, Source
from iltdesk.search_tables import body_sql, title_sql, trigger_names
from iltdesk.search_text import words
from iltdesk.store import schema
from iltdesk.store.backups.files import storage_error
from iltdesk.store.backups.progress import (
    CHECK,
    CHECK_READ_ONLY,
    Meter,
    Report,
    journal_bytes,
)
from iltdesk.store.connection import Connection, classify, open_connection, sql_string
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate


@dataclass
class CheckReport:
    """What ``check`` found. ``ok`` when there are no problems."""

    revision: str | None = None
    pages: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return not self.problems


# What each check is called where its problems are told (the keys are the phases' names).
CHECK_NAMES = {
    "cipher": QT_TRANSLATE_NOOP("store.backups.integrity", "cipher"),
    "integrity": QT_TRANSLATE_NOOP("store.backups.integrity", "integrity"),
    "foreign keys": QT_TRANSLATE_NOOP(  # not shown: the key, a phase's name
        "store.backups.integrity", "foreign keys"
    ),
}


def damaged(path: Path, problems: list[str]) -> str:
    """The file at ``path`` failed its check: what was found."""
    return translate("store.backups.integrity", "{path} is damaged: {problems}").format(
        path=path, problems="; ".join(problems)
    )


def check_connection(
    conn: Connection, schema_name: str = "main", *, index: bool = True, meter: Meter | None = None
) -> CheckReport:
    """Run SQLCipher's page checks, SQLite's integrity and foreign-key checks and the index's
    (unless ``index`` is False: FTS5 checks through an INSERT, which a read-only file refuses).

    ``meter`` hears how far each check is (``progress.Meter``: its phases ``VERIFY``, or
    ``CHECK_READ_ONLY`` without the index).
    """
    report = CheckReport()
    meter = meter or Meter(None, 0, ())
    checks = (
        ("integrity", f"PRAGMA {schema_name}.integrity_check"),
        ("foreign keys", f"PRAGMA {schema_name}.foreign_key_check"),  # not shown: a phase
    )
    try:
        report.pages = int(conn.execute(f"PRAGMA {schema_name}.page_count").fetchone()[0])
        size = journal_bytes(conn, schema_name)
        with meter.phase("cipher", size=size):
            # SQLCipher checks every page's HMAC while the statement is prepared.
            cursor = conn.execute(f"PRAGMA {schema_name}.cipher_integrity_check")
        report.problems += _problems("cipher", cursor.fetchall())
        for label, sql in checks:
            with meter.phase(label, conn, report.pages, size):
                rows = conn.execute(sql).fetchall()
            report.problems += _problems(label, rows)
        if index:
            with meter.phase("index", conn, report.pages, size):
                conn.execute(
                    f"INSERT INTO {schema_name}.{INDEX_TABLE}({INDEX_TABLE}, rank) "
                    "VALUES ('integrity-check', 1)"
                )
        report.revision = conn.execute(
            f"SELECT version_num FROM {schema_name}.alembic_version"
        ).fetchone()[0]
    except sqlcipher.Error as exc:
        report.problems.append(unreadable(exc))
    return report


def unreadable(exc: BaseException) -> str:
    """A check SQLite could not finish (its own words, which name what it could not read)."""
    return translate("store.backups.integrity", "unreadable: {error}").format(error=exc)


def _problems(label: str, rows: list[tuple[object, ...]]) -> list[str]:
    """What one check said, but its "ok" (the first 20 lines: a wrecked file says thousands)."""
    found = [r for r in rows if r and r[0] != "ok"]
    shown = translate("store.backups.integrity", CHECK_NAMES[label])
    said = translate("store.backups.integrity", "{check}: {details}")
    return [said.format(check=shown, details=" ".join(map(str, row))) for row in found[:20]]


def index_out_of_step(conn: Connection, schema_name: str = "main") -> list[str]:
    """What keeps the search index from matching the records: a record with words missing
    from it, an entry whose record is gone, a day missing or wrong (``search_days``), or a
    missing trigger (every later write would go unindexed).

    FTS5's own check proves the index whole, not that it holds every record of every kind.
    The index keeps no rows, only words (migration 0007): the records it holds are read from
    its word lists, once, into a temporary table."""
    triggers = {
        str(r[0])
        for r in conn.execute(f"SELECT name FROM {schema_name}.sqlite_master WHERE type='trigger'")
    }
    said = translate("store.backups.integrity", "search index: {table} has lost {triggers}")
    problems = [
        said.format(table=s.table, triggers=", ".join(sorted(lost)))
        for s in CURRENT_SOURCES
        if (lost := trigger_names((s,)) - triggers)
    ]
    problems += search_days.out_of_step(conn, CURRENT_SOURCES, schema_name)
    conn.execute(
        f"CREATE VIRTUAL TABLE temp.checked_words USING fts5vocab({schema_name}, {INDEX_TABLE}, "
        "instance)"
    )
    conn.execute("CREATE TEMP TABLE checked_docs (doc INTEGER PRIMARY KEY)")
    try:
        conn.execute("INSERT OR IGNORE INTO temp.checked_docs SELECT doc FROM temp.checked_words")
        for source in CURRENT_SOURCES:
            problems += _source_out_of_step(conn, schema_name, source)
    finally:
        conn.execute("DROP TABLE temp.checked_docs")
        conn.execute("DROP TABLE temp.checked_words")
    return problems


def _source_out_of_step(conn: Connection, schema_name: str, source: Source) -> list[str]:
    table, code = f"{schema_name}.{source.table}", source.code
    unlisted = conn.execute(
        f"SELECT {title_sql(source, 't')}, {body_sql(source, 't')} FROM {table} t "
        f"WHERE t.id * {KIND_SLOTS} + {code} NOT IN (SELECT doc FROM temp.checked_docs)"
    ).fetchall()
    # A record without a single word (an empty note) has nothing to be found by.
    missing = sum(1 for title, body in unlisted if words(f"{title}\n{body}"))
    (stale,) = conn.execute(
        f"SELECT count(*) FROM temp.checked_docs WHERE doc % {KIND_SLOTS} = {code} "
        f"AND doc / {KIND_SLOTS} NOT IN (SELECT id FROM {table})"
    ).fetchone()
    found = []
    if missing:
        found.append(
            translate(
                "store.backups.integrity", "search index: {count} {table} row(s) missing from it"
            ).format(count=missing, table=source.table)
        )
    if stale:
        found.append(
            translate(
                "store.backups.integrity",
                "search index: {count} {kind} entry(s) whose record is gone",
            ).format(count=stale, kind=source.kind)
        )
    return found


def check(journal: Journal, progress: Report | None = None) -> CheckReport:
    """Check an open journal from end to end (passphrase already proven by opening it).

    A journal opened read-only is checked as far as reading allows: not its search index.
    ``progress(done, total)`` hears how far the check is, in bytes of the journal.
    """
    with journal.raw() as conn:
        if journal.read_only:
            meter = Meter(progress, journal_bytes(conn), CHECK_READ_ONLY)
            report = check_connection(conn, index=False, meter=meter)
            meter.finish()
            return report
        try:
            # Folding the WAL in needs room on the disk; a full one is told as such.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            meter = Meter(progress, journal_bytes(conn), CHECK)
        except sqlcipher.Error as exc:
            unfinished = translate("store.backups.integrity", "the journal could not be checked")
            raise storage_error(exc, journal.path, unfinished) from None
        report = check_connection(conn, meter=meter)
        # Only here, not when a backup is verified: a byte copy keeps the index as it was, and
        # at 100k entries this takes a few seconds.
        if report.revision == schema.HEAD_REVISION:
            try:
                phase = "index rows"  # not shown: a phase's name
                with meter.phase(phase, conn, report.pages, meter.total):
                    report.problems += index_out_of_step(conn)
            except sqlcipher.Error as exc:
                report.problems.append(unreadable(exc))
        meter.finish()
        return report


def _missing_parts(conn: Connection) -> list[str]:
    """The tables and columns of this build's schema that the database lacks."""
    from sqlmodel import SQLModel

    from iltdesk import models  # noqa: F401 (registers every table in SQLModel.metadata)

    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = []
    for name, table in SQLModel.metadata.tables.items():
        if name not in found:
            missing.append(translate("store.backups.integrity", "table {name}").format(name=name))
            continue
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({sql_string(name)})")}
        said = translate("store.backups.integrity", "column {table}.{column}")
        missing += [
            said.format(table=name, column=c.name) for c in table.columns if c.name not in columns
        ]
    return missing


def verify_file(path: Path, passphrase: str) -> CheckReport:
    """Prove ``path`` is a whole, readable journal this build can open (refused otherwise)."""
    conn = open_connection(path, passphrase)
    try:
        revision = schema.stored_revision(conn)
        # Refuses a backup from a newer iltdesk, or at a revision no iltdesk made.
        schema.needs_upgrade(revision)
        # An older journal's tables are the migrations' business; a current one has them all.
        missing = _missing_parts(conn) if revision == schema.HEAD_REVISION else []
        report = check_connection(conn)
    except sqlcipher.Error as exc:
        raise classify(exc, path) from None
    finally:
        conn.close()
    if revision is None or missing:
        parts = ", ".join(missing[:5]) or translate("store.backups.integrity", "no tables")
        raise NotAJournal(
            translate(
                "store.backups.integrity",
                "{path} is not a whole iltdesk journal: it lacks {parts}.",
            ).format(path=path, parts=parts)
        )
    if not report.ok:
        raise JournalDamaged(damaged(path, report.problems))
    return report
