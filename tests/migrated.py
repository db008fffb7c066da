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
