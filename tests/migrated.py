"""What the migration tests share: a migrated copy of a fixture journal, and a step down."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iltdesk.store import schema
from iltdesk.store.journal import Journal


def migrated_copy(factory: pytest.TempPathFactory, fixture: Path, passphrase: str) -> Path:
    """A copy of ``fixture`` (never the fixture itself) opened once as the app opens it: a
    checked copy kept, then every migration up to head."""
    path = factory.mktemp("migrated") / "old.iltdesk"
    shutil.copyfile(fixture, path)
    Journal.open(path, passphrase).close()
    return path


def downgrade(journal: Journal, revision: str) -> None:
    """Take ``journal``'s schema down to ``revision`` (``"base"``: before the first)."""
    from alembic import command
    from alembic.config import Config

    config = schema.alembic_config()
    assert isinstance(config, Config)
    with journal.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()


def assert_at_head_after_a_kept_copy(migrated: Path, passphrase: str, before: str) -> None:
    """``migrated`` is at head, whole, its search index in step, and the copy kept before its
    migration from ``before`` is there."""
    from iltdesk.store.backups.integrity import check, index_out_of_step

    with Journal.open(migrated, passphrase) as journal:
        assert journal.execute("SELECT version_num FROM alembic_version") == [
            (schema.HEAD_REVISION,)
        ]
        assert check(journal).ok
        assert index_out_of_step(journal.connection) == []
    kept = list(migrated.parent.glob(f"old.backups/before-migration-from-{before}-*.iltdesk"))
    assert len(kept) == 1
