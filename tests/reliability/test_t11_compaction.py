"""T11 interrupted compaction: kill -9 while opening compacts a journal a migration marked
(``iltdesk.store.rewrite``). After every kill the journal must open, pass ``check`` and hold
every row; the open after a kill finishes the compaction, and what a kill left is swept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iltdesk.store import rewrite
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Figure, Trials
from tests.reliability.test_t11_interrupted import new_journal, opens, report, server, sweep
from tests.reliability.workers import ForkServer, Outcome, interrupt

__all__ = ["server"]  # the module's worker server, shared with the other T11 cases


def mark(path: Path) -> None:
    """Leave the journal as a migration through 0008 leaves it: to be compacted."""
    with Journal.open(path, PASSPHRASE) as journal:
        journal.set_settings({rewrite.PENDING: "0007"})


def still_marked(path: Path) -> bool:
    with Journal.open(path, PASSPHRASE, read_only=True) as journal:
        return bool(journal.settings().get(rewrite.PENDING))


def test_interrupted_compaction(
    server: ForkServer, tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    path = tmp_path / "j" / "school.iltdesk"
    rows = new_journal(path, notes=3000)  # a file that takes a while to write afresh
    mark(path)

    def task() -> dict[str, Any]:
        return dict(task="compact", path=str(path), passphrase=PASSPHRASE)

    def verify(outcome: Outcome) -> str | None:
        problem = opens(path, [rows])  # an open to write: it finishes what a kill cut short
        if problem is None and still_marked(path):
            problem = "an open left it marked"
        mark(path)  # the next run compacts again
        return problem

    kills, runs, problems = interrupt(server, trials(1, 100), task, verify)
    swept = sweep(path, PASSPHRASE, problems)
    ok = report(
        figure,
        "compaction",
        kills,
        runs,
        problems,
        f"every next open finished the compaction; {swept}",
    )
    assert ok, problems
