"""The benchmark's journals, cached across runs in a private folder (``.bench/`` by default).

Every journal is built under a temporary name and renamed when complete, so an interrupted
run leaves nothing half-made that a later run would trust. The passphrase is public on
purpose: demo journals hold invented people only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

PASSPHRASE = "bench"
REPO = Path(__file__).resolve().parent.parent
# The CLI's keychain lookup would otherwise find a real keychain (or hang on a locked one).
NO_KEYCHAIN = "keyring.backends.null.Keyring"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as 0700 and return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for iltdesk commands: private HOME/XDG dirs, no keychain, offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ILTDESK_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        ILTDESK_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND=NO_KEYCHAIN,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    return env


def iltdesk_command() -> list[str]:
    """How to run the installed ``iltdesk`` command (the console script beside this Python)."""
    script = Path(sys.executable).parent / "iltdesk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "iltdesk"]


def _build(target: Path, make: object, *args: object) -> Path:
    """Run ``make(temp_path, *args)`` and rename the result to ``target`` once it succeeded."""
    if target.exists():
        return target
    building = target.with_name(f"building-{target.name}")
    for leftover in building.parent.glob(f"{building.name}*"):
        leftover.unlink()
    make(building, *args)  # type: ignore[operator]
    building.rename(target)
    return target


IGNORE_ALL = "# Made by bench/run.py: the benchmark cache is never committed nor linted.\n*\n"


@dataclass(frozen=True)
class Cache:
    """The cache folder: journals, the jrnl venv, and per-run scratch space."""

    root: Path

    def __post_init__(self) -> None:
        private_dir(self.root)
        # Like .pytest_cache: git (and ruff, which follows .gitignore) skip the whole folder,
        # jrnl's venv included.
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text(IGNORE_ALL, encoding="utf-8")

    @property
    def journals(self) -> Path:
        """Where built journals live."""
        return private_dir(self.root / "journals")

    @property
    def home(self) -> Path:
        """A private HOME for every command the benchmark runs."""
        return private_dir(self.root / "home")

    def demo(self, entries: int) -> Path:
        """``iltdesk demo --entries N``, built once (and migrated once by a newer iltdesk)."""
        path = _build(self.journals / f"demo-{entries}.iltdesk", self._make_demo, entries)
        return _up_to_date(path, self.journals / f"demo-{entries}.plain.sqlite")

    def _make_demo(self, path: Path, entries: int) -> None:
        subprocess.run(
            [*iltdesk_command(), "demo", str(path), "--entries", str(entries)],
            env=cli_env(self.home),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def plain(self, entries: int) -> Path:
        """An unencrypted copy of the demo journal (same schema, same rows), built once."""
        source = self.demo(entries)
        return _plain_copy(self.journals / f"demo-{entries}.plain.sqlite", source)

    def realistic(self, entries: int) -> Path:
        """The demo journal of ``entries`` rewritten in English's words (``bench.corpus``: 43k
        distinct words at 10k entries, 57k at 100k, against the demo's 1,800), built once;
        needs wordfreq (``corpus.available()``)."""
        path = _build(self.journals / f"realistic-{entries}.iltdesk", self._make_realistic, entries)
        return _up_to_date(path, self.journals / f"realistic-{entries}.plain.sqlite")

    def _make_realistic(self, path: Path, entries: int) -> None:
        from bench import corpus

        if not corpus.available():  # fail before the demo journal is built for nothing
            corpus.vocabulary(1)
        shutil.copyfile(self.demo(entries), path)
        path.chmod(0o600)
        corpus.rewrite_journal(path)

    def realistic_plain(self, entries: int) -> Path:
        """An unencrypted copy of the realistic journal, built once."""
        source = self.realistic(entries)
        return _plain_copy(self.journals / f"realistic-{entries}.plain.sqlite", source)

    def lead_heavy(self, records: int, base_entries: int) -> Path:
        """A demo journal of ``base_entries`` in which one lead has ``records`` more records."""
        base = self.demo(base_entries)
        target = self.journals / f"lead-{records}-in-{base_entries}.iltdesk"
        return _up_to_date(_build(target, _make_lead_heavy, base, records))


_CURRENT: set[Path] = set()


def _up_to_date(path: Path, *derived: Path) -> Path:
    """``path``, migrated to this build's schema if an older iltdesk made it (once), so that no
    measured run pays for a migration; copies ``derived`` from it are deleted to be remade.

    Opening compacts a journal after the migrations that rewrote most of it (0008, 0009;
    ``iltdesk.store.rewrite``), as the app does: a migrated file left as it was reads
    scattered pages (search as seen at 100k realistic, p95: 38–49 ms migrated, 24 ms
    compacted, on a machine that pages files out within seconds)."""
    if path in _CURRENT:
        return path
    from iltdesk.store import schema
    from iltdesk.store.backups import backups_dir
    from iltdesk.store.connection import open_connection
    from iltdesk.store.journal import Journal

    conn = open_connection(path, PASSPHRASE)
    try:
        current = schema.stored_revision(conn) == schema.HEAD_REVISION
    finally:
        conn.close()
    if not current:
        Journal.open(path, PASSPHRASE).close()  # migrated, then compacted
        shutil.rmtree(backups_dir(path), ignore_errors=True)  # the copy kept before migrating
        for copy in derived:
            copy.unlink(missing_ok=True)
    _CURRENT.add(path)
    return path


def _plain_copy(target: Path, source: Path) -> Path:
    """``target``, a plain copy of ``source``, made again if it is of an older schema (its
    journal migrated by something other than this cache: a probe run by hand)."""
    import sqlcipher3.dbapi2 as sqlcipher

    from iltdesk.store import schema

    if target.exists():
        conn = sqlcipher.connect(str(target))
        try:
            stale = schema.stored_revision(conn) != schema.HEAD_REVISION
        finally:
            conn.close()
        if stale:
            target.unlink()
    return _build(target, export_plain, source)


def export_plain(path: Path, source: Path) -> None:
    """Write ``source``'s contents, decrypted, to a new plain SQLite file at ``path``."""
    import sqlcipher3.dbapi2 as sqlcipher

    from iltdesk.store.connection import sql_string

    conn = sqlcipher.connect(str(source), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = {sql_string(PASSPHRASE)}")
        conn.execute(f"ATTACH DATABASE {sql_string(str(path))} AS plaintext KEY ''")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA plaintext.user_version = {int(version)}")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    path.chmod(0o600)


def _make_lead_heavy(path: Path, base: Path, records: int) -> None:
    """Copy ``base`` and give its first active lead ``records`` more composed records."""
    from iltdesk.demo import text
    from iltdesk.demo.records import add_composed_observation, add_composed_one_on_one
    from iltdesk.demo.rows import Rows
    from iltdesk.demo.text import Composer
    from iltdesk.store.journal import Journal

    shutil.copyfile(base, path)
    path.chmod(0o600)
    today = date.today()
    rng = Composer("bench:lead-heavy")
    with Journal.open(path, PASSPHRASE) as journal:
        lead_id, name = heaviest_lead(journal)
        first = name.split()[0]
        meetings = records * 7 // 10  # 1:1s and observations in the demo's usual proportion
        with journal.write() as session:
            rows = Rows(session.connection(), rows_now())
            for i in range(meetings):
                held = today - timedelta(days=7 * (i + 1))
                ctx = text.context(rng, first, "team")
                season = text.SEASONS[i % len(text.SEASONS)]
                add_composed_one_on_one(rows, rng, lead_id, held, ctx, season, today)
            for i in range(records - meetings):
                seen = today - timedelta(days=11 * (i + 1))
                ctx = text.context(rng, first, "team")
                add_composed_observation(rows, rng, lead_id, None, seen, ctx, today)
            rows.flush()


def rows_now() -> datetime:
    """The latest moment a composed record may say it was written."""
    return datetime.now(UTC)


def heaviest_lead(journal: Journal) -> tuple[int, str]:
    """The active lead with the most 1:1s and observations: (id, name)."""
    rows = journal.execute(
        "SELECT lead.id, lead.name FROM lead WHERE archived_on IS NULL ORDER BY "
        "(SELECT count(*) FROM one_on_one WHERE lead_id = lead.id) + "
        "(SELECT count(*) FROM observation WHERE lead_id = lead.id) DESC, lead.id LIMIT 1"
    )
    return int(rows[0][0]), str(rows[0][1])


def working_copy(source: Path, folder: Path) -> Path:
    """A private copy of ``source`` in ``folder`` that a run may change freely."""
    target = private_dir(folder) / source.name
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target
