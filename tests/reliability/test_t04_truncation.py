"""T4 truncation: a journal cut short at a page boundary or mid-page.

Every cut must give our clean "damaged" answer: the core refuses it with ``JournalDamaged`` (or
opens it and ``check`` lists the problems), and the CLI prints one plain line and exits 4, never
a traceback or "unexpected error". Then the latest backup is restored, through the core and
through ``iltdesk restore``, and every row is back.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from iltdesk.cli.main import main as cli_main
from iltdesk.errors import JournalDamaged, JournalError
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.backups import backup, backups_dir, check, restore
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, Trials

Snapshot = list[tuple[object, ...]]
READING_COMMANDS = (("check", "{}"), ("leads", "{}"), ("search", "{}", "norms"))


def snapshot(journal: Journal) -> Snapshot:
    return [
        *journal.execute("SELECT id, name FROM lead ORDER BY id"),
        *journal.execute("SELECT id, notes FROM one_on_one ORDER BY id"),
    ]


def cut_points(size: int, count: int, rng: random.Random) -> list[tuple[str, int]]:
    """Fixed telling cuts first, then random ones, alternating page boundary and mid-page."""
    pages = size // PAGE_SIZE
    fixed = [
        ("page boundary", size - PAGE_SIZE),
        ("mid-page", size - PAGE_SIZE // 2),
        ("page boundary", PAGE_SIZE * (pages // 2)),
        ("mid-page", PAGE_SIZE + 100),
        ("page boundary", PAGE_SIZE),
        ("mid-page", 2000),
        ("mid-page", 8),  # inside the salt
    ]
    while len(fixed) < count:
        page = rng.randrange(1, pages)
        fixed.append(("page boundary", page * PAGE_SIZE))
        fixed.append(("mid-page", page * PAGE_SIZE + rng.randrange(1, PAGE_SIZE)))
    return fixed[:count]


def core_answer(path: Path) -> str:
    """'refused' (JournalDamaged), 'check' (opened, check lists problems) or what went wrong."""
    try:
        with Journal.open(path, PASSPHRASE) as journal:
            report = check(journal)
            if report.ok:
                snapshot(journal)
                return "opened as if whole"
            return "check"
    except JournalDamaged:
        return "refused"
    except JournalError as exc:
        return f"wrong error {type(exc).__name__}"


def cli_answer(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli_main(list(args))
    return code, capsys.readouterr().err


@pytest.fixture
def damaged_setup(tmp_path: Path) -> tuple[Path, Path, Snapshot]:
    """A journal with notes, closed, and its latest backup in the backups folder."""
    path = tmp_path / "journals" / "school.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado")
        for n in range(80):
            add_quick_note(journal, "Rosa Delgado", f"Note {n}: norms " + "and trust " * n)
        rows = snapshot(journal)
        latest = backups_dir(path) / "latest.iltdesk"
        backup(journal, latest)
    return path, latest, rows


def test_cut_journal_is_refused_cleanly_and_restores(
    damaged_setup: tuple[Path, Path, Snapshot],
    tmp_path: Path,
    trials: Trials,
    figure: Figure,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, latest, rows = damaged_setup
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    whole = path.read_bytes()
    cuts = cut_points(len(whole), trials(2, 30), random.Random())
    clean = 0
    failures: list[str] = []
    for kind, offset in cuts:
        path.write_bytes(whole[:offset])
        answer = core_answer(path)
        codes = [cli_answer(capsys, *(a.format(path) for a in cmd)) for cmd in READING_COMMANDS]
        plain = all(
            code == 4 and err.count("\n") == 1 and "damaged" in err and "Traceback" not in err
            for code, err in codes
        )
        if answer in ("refused", "check") and plain:
            clean += 1
        else:
            failures.append(f"{kind} at {offset}: core {answer}, cli {codes}")
    # One cut through a real process too: what a user's shell sees.
    path.write_bytes(whole[: len(whole) - PAGE_SIZE // 2])
    shell = run_cli("check", str(path))
    shell_plain = shell.returncode == 4 and shell.stderr.count("\n") == 1
    shell_plain = shell_plain and "Traceback" not in shell.stderr and shell.stdout == ""

    restored = restore_both_ways(path, latest, rows, tmp_path)
    ok = clean == len(cuts) and shell_plain and restored
    figure(
        "T4",
        "truncation",
        f"{clean}/{len(cuts)} cuts ({sum(k == 'mid-page' for k, _ in cuts)} mid-page) gave the "
        f"clean damaged error (core JournalDamaged or failed check; CLI exit 4, one line); "
        f"restore from the latest backup {'brought every row back' if restored else 'FAILED'} "
        "(core and iltdesk restore)",
        ok,
    )
    assert not failures, failures
    assert shell_plain, (shell.returncode, shell.stderr)
    assert restored


def restore_both_ways(path: Path, latest: Path, rows: Snapshot, tmp_path: Path) -> bool:
    """Restore the cut journal from ``latest`` with the core, cut it again, restore with the CLI."""
    aside = restore(latest, path, PASSPHRASE, force=True)
    with Journal.open(path, PASSPHRASE) as journal:
        core_ok = check(journal).ok and snapshot(journal) == rows
    path.write_bytes(path.read_bytes()[: PAGE_SIZE * 3])
    done = run_cli(
        "restore", str(latest), str(path), "--force", env={"ILTDESK_PASSPHRASE": PASSPHRASE}
    )
    with Journal.open(path, PASSPHRASE) as journal:
        cli_ok = done.returncode == 0 and check(journal).ok and snapshot(journal) == rows
    kept = aside is not None and aside.exists()  # the damaged file is kept beside, not deleted
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
    return core_ok and cli_ok and kept
