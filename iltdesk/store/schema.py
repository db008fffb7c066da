"""Which schema a journal has, and bringing it up to date with Alembic."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk.errors import JournalDamaged, JournalTooNew, NotAJournal
from iltdesk.store.connection import Connection
from iltdesk.translation import translate

if TYPE_CHECKING:  # reading the revision must not load SQLAlchemy (the quick CLI commands)
    from sqlalchemy import Engine

# The newest revision this build knows. A test checks it equals Alembic's head, so opening an
# up-to-date journal never has to import Alembic or scan the migration scripts.
HEAD_REVISION = "0010"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def stored_revision(conn: Connection) -> str | None:
    """The journal's Alembic revision, or None for a brand-new, empty file."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return None
    if "alembic_version" not in tables:
        raise NotAJournal(not_a_journal())
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise NotAJournal(not_a_journal())
    return str(row[0])


def not_a_journal() -> str:
    """An encrypted file that opened but holds no journal (another app's, or made up)."""
    return translate("store.schema", "This encrypted file is not an iltdesk journal.")


def is_known(revision: str) -> bool:
    """Whether this build has a migration script for ``revision`` (read at call time)."""
    if revision == HEAD_REVISION:
        return True
    versions = MIGRATIONS_DIR / "versions"
    return any(versions.glob(f"{revision}_*.py")) if revision.isdigit() else False


def opening_migrates(conn: Connection) -> bool:
    """Whether opening the journal on ``conn`` will migrate it (a checked copy, then the
    migrations: seconds for a large journal). False when opening will refuse it instead."""
    try:
        return needs_upgrade(stored_revision(conn))
    except Exception:  # too new, not a journal, unreadable: opening says which
        return False


def needs_upgrade(revision: str | None) -> bool:
    """Whether a journal at ``revision`` must be migrated.

    Refuses one from a newer iltdesk (``JournalTooNew``) and one at a revision no iltdesk
    ever made (``NotAJournal``), before anything (a pre-migration backup, say) is written.
    """
    if revision is None:
        return True
    if not revision.isdigit():
        raise NotAJournal(not_a_journal())
    if int(revision) > int(HEAD_REVISION):
        raise JournalTooNew(
            translate(
                "store.schema",
                "This journal was saved by a newer version of iltdesk. "
                "Update iltdesk to open it; the file has not been changed.",
            )
        )
    if not is_known(revision):
        raise NotAJournal(not_a_journal())
    return revision != HEAD_REVISION


def alembic_config() -> object:
    """An Alembic configuration pointing at the packaged migrations (no ini file)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply migrations up to ``target``; each runs in its own transaction."""
    from alembic import command
    from alembic.config import Config

    config = alembic_config()
    assert isinstance(config, Config)
    with engine.connect() as connection:
        # A batch migration rebuilds a table (copy, DROP, rename); with foreign keys on, the
        # DROP would cascade to every child row (a self-check's answers, a challenge's cards).
        # The pragma only takes effect outside a transaction, so it goes to the driver's
        # connection directly (SQLAlchemy would BEGIN first).
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            connection.commit()
            broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        if broken:
            raise JournalDamaged(
                translate("store.schema", "Updating the journal left {count} broken links.").format(
                    count=len(broken)
                )
            )
