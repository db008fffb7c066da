"""T11 interrupted rekey / backup / day's backup / restore / migration: kill -9 mid-way, often.

Each operation runs in a forked worker (``workers.ForkServer``) through the real core API and is
killed at a random moment between its "start" and the time a whole run takes (measured once
first). After every kill the journal must open with the old or the new passphrase, pass
``check`` and hold every row; leftover temporary files must not stop the next run.

The migration case: iltdesk's own revisions after 0001 only add indexes, too quick to
interrupt reliably. Faking one by editing ``alembic_version`` would make Alembic fail rather
than run. Instead the worker runs with a test-only copy of the migration scripts holding an extra
revision 0900 on top of the real head (``workers.PROBE_SOURCE``: it fills a new table from every
note and rebuilds the search index, a realistic data-touching migration) and
``schema.HEAD_REVISION`` set to match. Opening a 0001 journal then takes the real path:
``backup_before_migration``, then ``schema.upgrade`` through every revision.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from iltdesk.errors import JournalError, WrongPassphrase
from iltdesk.lead import add_lead
from iltdesk.models import OneOnOne
from iltdesk.one_on_one import add_quick_note
from iltdesk.store import schema
from iltdesk.store.backups import (
    backup_before_migration,
    backups_dir,
    check,
    check_connection,
    files,
    restore,
    rotation,
)
from iltdesk.store.connection import open_connection
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Figure, Trials
from tests.reliability.workers import (
    PROBE_REVISION,
    ForkServer,
    Outcome,
    interrupt,
    probe_migrations,
)

NEW_PASSPHRASE = "a new passphrase — öffnen"
Snapshot = list[tuple[object, ...]]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    home = tmp_path_factory.mktemp("home")  # the workers never see the real HOME either
    env = {
        **os.environ,
        "HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    with ForkServer(env) as worker_server:
        yield worker_server
        worker_server.close()


def rows_of(journal: Journal) -> Snapshot:
    return [
        *journal.execute("SELECT id, name FROM lead ORDER BY id"),
        *journal.execute("SELECT id, notes FROM one_on_one ORDER BY id"),
    ]


def add_notes(journal: Journal, first: int, count: int) -> None:
    for n in range(first, first + count):
        add_quick_note(journal, "Rosa Delgado", f"Note {n}: norms " + "and trust " * (n % 50))


def new_journal(path: Path, notes: int = 60) -> Snapshot:
    with Journal.create(path, PASSPHRASE) as journal:
        lead = add_lead(journal, "Rosa Delgado")
        with journal.write() as s:  # one commit: fsync per note would make setup slow
            s.add_all(
                OneOnOne(lead_id=lead.id or 0, notes=f"Note {n}: norms " + "and trust " * (n % 50))
                for n in range(notes)
            )
        return rows_of(journal)


def temp_leftovers(*folders: Path) -> list[Path]:
    return [p for f in folders if f.exists() for p in f.iterdir() if p.name.startswith(".iltdesk-")]


# Temporary files found beside a journal right after a kill, by journal: each must be gone
# once the journal has been opened again, at once (their process is gone), not an hour on.
LEFT_BY_KILLS: dict[str, int] = {}


def sweep(path: Path, passphrase: str, problems: list[str]) -> str:
    """Open the journal once more and check that nothing temporary is left beside it; the
    figure's words for what the kills left and the next opens swept."""
    folders = (path.parent, backups_dir(path))
    Journal.open(path, passphrase).close()
    remaining = temp_leftovers(*folders)
    if remaining:
        problems.append(f"{len(remaining)} temporary files survived an open")
    left = LEFT_BY_KILLS.pop(str(path), 0)
    return f"{left} temporary files left by kills, each swept by the next open (no waiting)"


def healthy(path: Path, passphrase: str, rows: list[Snapshot]) -> str | None:
    """None when the journal opens with ``passphrase``, passes check, holds one of ``rows`` and
    its passphrase verifier agrees. ``WrongPassphrase`` propagates (the caller tries another).
    """
    folders = (path.parent, backups_dir(path))
    left = len(temp_leftovers(*folders))
    try:
        journal = Journal.open(path, passphrase)
    except WrongPassphrase:
        raise
    except JournalError as exc:
        return f"{type(exc).__name__}: {exc}"
    LEFT_BY_KILLS[str(path)] = LEFT_BY_KILLS.get(str(path), 0) + left
    with journal:
        if temp_leftovers(*folders):
            return "a temporary file of a killed process survived the open"
        if not check(journal).ok:
            return "check failed"
        if rows_of(journal) not in rows:
            return "rows differ"
        if not journal.verify_passphrase(passphrase):
            return "its passphrase verifier holds another passphrase"
    return None


def opens(path: Path, rows: list[Snapshot]) -> str | None:
    try:
        return healthy(path, PASSPHRASE, rows)
    except WrongPassphrase:
        return "the passphrase no longer opens it"


def report(
    figure: Figure, what: str, kills: int, runs: int, problems: list[str], extra: str
) -> bool:
    ok = not problems and kills > 0
    bad = len({p.split(":")[0] for p in problems if p.startswith("run ")})
    figure(
        "T11",
        f"interrupted {what}",
        f"{kills} kills mid-{what} in {runs} runs; {runs - bad}/{runs} journals opened with "
        f"all data and passed check; {extra}",
        ok,
    )
    return ok


def test_interrupted_rekey(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    path = tmp_path / "j" / "school.iltdesk"
    rows = new_journal(path)
    state = {"current": PASSPHRASE, "other": NEW_PASSPHRASE}
    opened_with: dict[str, int] = {"old": 0, "new": 0}

    def task() -> dict[str, Any]:
        return dict(task="rekey", path=str(path), passphrase=state["current"], new=state["other"])

    def verify(outcome: Outcome) -> str | None:
        for which, secret in (("old", state["current"]), ("new", state["other"])):
            try:
                problem = healthy(path, secret, [rows])
            except WrongPassphrase:
                continue
            opened_with[which] += 1
            if which == "new":
                state["current"], state["other"] = state["other"], state["current"]
            return problem
        return "opens with neither passphrase"

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    swept = sweep(path, state["current"], problems)
    ok = report(
        figure,
        "rekey",
        kills,
        runs,
        problems,
        f"{opened_with['old']} opened with the old passphrase, {opened_with['new']} with the new; "
        f"the next rekey unaffected; {swept}",
    )
    assert ok, problems


def test_interrupted_backup(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    path = tmp_path / "j" / "school.iltdesk"
    rows = new_journal(path)
    folder = backups_dir(path)
    counter = iter(range(10**6))
    made: list[Path] = []

    def task() -> dict[str, Any]:
        made.append(folder / f"backup-{next(counter)}.iltdesk")
        return dict(task="backup", path=str(path), passphrase=PASSPHRASE, dest=str(made[-1]))

    def verify(outcome: Outcome) -> str | None:
        problem = opens(path, [rows])
        if problem is None and made[-1].exists():
            problem = backup_problem(made[-1], rows)
        return problem

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    swept = sweep(path, PASSPHRASE, problems)
    complete = sum(p.exists() for p in made)
    ok = report(
        figure,
        "backup",
        kills,
        runs,
        problems,
        f"{complete} finished backups all passed check; the next backup unaffected; {swept}",
    )
    assert ok, problems


def test_interrupted_days_backup(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    path = tmp_path / "j" / "school.iltdesk"
    rows = new_journal(path)
    folder = backups_dir(path)
    counter = iter(range(1, 10**6))

    def task() -> dict[str, Any]:
        return dict(
            task="daily_backup", path=str(path), passphrase=PASSPHRASE, days_on=next(counter)
        )

    def verify(outcome: Outcome) -> str | None:
        problem = opens(path, [rows])
        finished = rotation.automatic_backups(folder, path.stem)
        if problem is None and finished:
            problem = backup_problem(finished[0][1], rows)
        return problem

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    swept = sweep(path, PASSPHRASE, problems)
    complete = len(rotation.automatic_backups(folder, path.stem))
    ok = report(
        figure,
        "day's backup",
        kills,
        runs,
        problems,
        f"{complete} day's backups kept after pruning, the newest passed check; {swept}",
    )
    assert ok, problems


def backup_problem(backup: Path, rows: Snapshot) -> str | None:
    """A finished backup must open, pass check and hold every row (it is never migrated here)."""
    try:
        conn = open_connection(backup, PASSPHRASE)
    except JournalError as exc:
        return f"backup {backup.name}: {type(exc).__name__}"
    try:
        found = [
            *conn.execute("SELECT id, name FROM lead ORDER BY id").fetchall(),
            *conn.execute("SELECT id, notes FROM one_on_one ORDER BY id").fetchall(),
        ]
        ok = check_connection(conn).ok and found == rows
    finally:
        conn.close()
    return None if ok else f"backup {backup.name} is incomplete or fails check"


def live_copy(path: Path, more_notes: int, template: Path) -> Snapshot:
    """Copy ``path`` to ``template`` while it is open with commits only in its WAL."""
    with Journal.open(path, PASSPHRASE) as journal:
        add_notes(journal, 1000, more_notes)
        template.mkdir()
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{path}{suffix}", template / f"{path.name}{suffix}")
        return rows_of(journal)


def test_interrupted_restore(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    path = tmp_path / "j" / "school.iltdesk"
    source = tmp_path / "b" / "backup.iltdesk"
    backup_rows = new_journal(source, notes=30)
    new_journal(path, notes=50)
    # The journal being replaced was left by a crash: its last commits are only in its WAL.
    old_rows = live_copy(path, 5, tmp_path / "template")

    def reset() -> None:
        for suffix in ("", "-wal"):
            shutil.copyfile(tmp_path / "template" / f"{path.name}{suffix}", f"{path}{suffix}")

    def task() -> dict[str, Any]:
        reset()
        return dict(task="restore", path=str(path), passphrase=PASSPHRASE, source=str(source))

    def verify(outcome: Outcome) -> str | None:
        problem = opens(path, [old_rows, backup_rows])
        return problem or opens(source, [backup_rows])

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    problems += asides_problems(path, source, reset, old_rows, backup_rows)
    swept = sweep(path, PASSPHRASE, problems)
    ok = report(
        figure,
        "restore",
        kills,
        runs,
        problems,
        "each held the journal before or the backup; back-to-back restores keep every journal "
        f"they replace; {swept}",
    )
    assert ok, problems


def asides_problems(
    path: Path, source: Path, reset: Callable[[], object], old: Snapshot, new: Snapshot
) -> list[str]:
    """Two restores in the same second (a retry right after an interruption): both journals
    they replaced must be kept beside, one holding the old rows and one the backup's. The
    second is pinned by giving both the same timestamp, since the name is all it changes.
    """
    before = set(path.parent.glob("*.before-restore-*.iltdesk"))
    reset()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(files, "stamp", lambda: "20260101-080000")
        restore(source, path, PASSPHRASE, force=True)
        restore(source, path, PASSPHRASE, force=True)
    kept = sorted(set(path.parent.glob("*.before-restore-*.iltdesk")) - before)
    held = []
    for aside in kept:
        with Journal.open(aside, PASSPHRASE) as journal:
            held.append(rows_of(journal))
    if len(kept) != 2 or old not in held or new not in held:
        return [f"two restores in one second kept {len(kept)} distinct replaced journals, not 2"]
    return []


def test_interrupted_migration(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    template = tmp_path / "template.iltdesk"
    rows = new_journal(template, notes=120)
    migrations = probe_migrations(tmp_path / "migrations")
    path = tmp_path / "j" / "school.iltdesk"
    path.parent.mkdir()
    folder = backups_dir(path)
    backups_seen = 0

    def task() -> dict[str, Any]:
        shutil.rmtree(path.parent)
        path.parent.mkdir()
        shutil.copyfile(template, path)
        return dict(task="migrate", path=str(path), passphrase=PASSPHRASE, into=str(migrations))

    def verify(outcome: Outcome) -> str | None:
        nonlocal backups_seen
        for backup in sorted(folder.glob("*.iltdesk")):  # before the test opens (and migrates) it
            backups_seen += 1
            problem = backup_problem(backup, rows)
            if problem:
                return problem
        with probe_build(migrations):
            return opens(path, [rows]) or migrated_problem(path)

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    with probe_build(migrations):
        swept = sweep(path, PASSPHRASE, problems)
    problems += same_second_backups(template)
    ok = report(
        figure,
        "migration",
        kills,
        runs,
        problems,
        f"every reopen finished the migration to 0900; {backups_seen} backups taken before "
        f"migrating all passed check; {swept}",
    )
    assert ok, problems


@contextmanager
def probe_build(migrations: Path) -> Iterator[None]:
    """This process as a build whose head is the probe revision 0900 (undone after)."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(schema, "MIGRATIONS_DIR", migrations)
        patched.setattr(schema, "HEAD_REVISION", PROBE_REVISION)
        yield


def migrated_problem(path: Path) -> str | None:
    with Journal.open(path, PASSPHRASE) as journal:
        revision = journal.execute("SELECT version_num FROM alembic_version")[0][0]
        probed = journal.execute("SELECT count(*) FROM reliability_probe")[0][0]
        notes = journal.execute("SELECT count(*) FROM one_on_one")[0][0]
    if revision != PROBE_REVISION or probed != notes:
        return f"migration incomplete: revision {revision}, {probed}/{notes} rows"
    return None


def same_second_backups(template: Path) -> list[str]:
    """A migration retried within the second its interrupted try backed up must not stop on
    finding that backup's name taken: both copies are kept under distinct names.
    """
    conn = open_connection(template, PASSPHRASE)
    try:
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(files, "stamp", lambda: "20260101-080000")
            first = backup_before_migration(conn, template, "0001")
            second = backup_before_migration(conn, template, "0001")
    except JournalError as exc:
        return [f"a second backup before migrating in the same second failed: {exc}"]
    finally:
        conn.close()
    if first is None or second is None or first == second or not second.exists():
        return ["two backups before migrating in one second did not both survive"]
    return []
