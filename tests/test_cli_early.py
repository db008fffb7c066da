"""A quick command starts unlocking before its command line is parsed (``iltdesk.cli.early``),
and leaves without tearing the interpreter down (``iltdesk.cli.main.run``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from iltdesk.cli import early
from iltdesk.cli.main import main
from iltdesk.demo import build_demo
from iltdesk.errors import JournalInUse
from iltdesk.one_on_one import one_on_ones_for
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.test_store import held_elsewhere


@pytest.fixture
def demo_path(journal_path: Path) -> Path:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        build_demo(journal, entries=20)
    return journal_path


@pytest.fixture(autouse=True)
def nothing_left_pending() -> Iterator[None]:
    yield
    early.release()


def lead_name(path: Path) -> str:
    with Journal.open(path, PASSPHRASE) as journal:
        return str(journal.execute("SELECT name FROM lead ORDER BY id LIMIT 1")[0][0])


def test_the_guess_is_the_journal_a_quick_command_names(demo_path: Path, tmp_path: Path) -> None:
    assert early.guess(["search", str(demo_path), "data"]) == demo_path
    assert early.guess(["note", str(demo_path), "--lead", "M", "hi"]) == demo_path
    assert early.guess(["search", "--limit", "5", str(demo_path), "data"]) is None
    assert early.guess(["search", str(tmp_path / "missing.iltdesk"), "data"]) is None
    assert early.guess(["backup", str(demo_path)]) is None  # only the quick commands
    assert early.guess(["search"]) is None
    assert early.guess(["note", str(demo_path), "--lead", "M", "-"]) is None  # typed on stdin


def test_an_early_unlock_is_handed_only_to_the_same_journal_and_passphrase(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    early.begin(["search", str(demo_path), "data"])
    assert early.claim(tmp_path / "other.iltdesk", PASSPHRASE) is None
    assert early.claim(demo_path, "another passphrase", read_only=True) is None
    assert early.claim(demo_path, PASSPHRASE) is None  # a search's unlock reads only
    ahead = early.claim(demo_path, PASSPHRASE, read_only=True)
    assert ahead is not None
    conn = ahead.connection()
    try:
        assert conn.execute("SELECT count(*) FROM lead").fetchone()[0] > 0
        assert early.claim(demo_path, PASSPHRASE, read_only=True) is None  # handed over once
    finally:
        conn.close()


def test_no_passphrase_in_the_environment_starts_nothing(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ILTDESK_PASSPHRASE", raising=False)
    early.begin(["search", str(demo_path), "data"])
    assert early.claim(demo_path, PASSPHRASE) is None


def test_an_unclaimed_unlock_is_released_with_its_lock(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    early.begin(["search", str(demo_path), "data"])
    early.release()  # at once, while the key may still be being derived
    with Journal.open(demo_path, PASSPHRASE):
        pass
    early.begin(["search", str(demo_path), "data"])
    ahead = early.claim(demo_path, PASSPHRASE, read_only=True)
    assert ahead is not None
    ahead.wait()
    with pytest.raises(JournalInUse):
        Journal.open(demo_path, PASSPHRASE)  # the early unlock holds the journal...
    ahead.discard()
    with Journal.open(demo_path, PASSPHRASE):  # ...until it lets go
        pass


def test_a_usage_error_after_an_early_unlock_leaves_the_journal_free(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["note", str(demo_path), "no --lead given"]) == 2
    assert "--lead" in capsys.readouterr().err
    with Journal.open(demo_path, PASSPHRASE):
        pass


def test_a_wrong_passphrase_found_early_is_the_same_error(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not the passphrase")
    assert main(["search", str(demo_path), "data"]) == 3
    assert "does not unlock" in capsys.readouterr().err
    with Journal.open(demo_path, PASSPHRASE):
        pass


def test_a_quick_command_exits_at_once_with_its_output_and_its_work_done(demo_path: Path) -> None:
    name = lead_name(demo_path)
    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    saved = run_cli("note", str(demo_path), "--lead", name, "Left in a hurry", env=env)
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("Saved a 1:1 note dated")
    found = run_cli("search", str(demo_path), "hurry", "--json", env=env)
    assert found.returncode == 0, found.stderr
    assert [hit["lead"] for hit in json.loads(found.stdout)] == [name]
    with Journal.open(demo_path, PASSPHRASE) as journal:  # committed, closed, not locked
        lead_id = int(journal.execute("SELECT id FROM lead WHERE name = ?", (name,))[0][0])
        assert "Left in a hurry" in [m.notes for m in one_on_ones_for(journal, lead_id)]
    assert not Path(f"{demo_path}-wal").exists()  # closed cleanly: the WAL was folded in


def test_a_quick_command_keeps_its_exit_code(demo_path: Path) -> None:
    refused = run_cli("search", str(demo_path), "x", env={"ILTDESK_PASSPHRASE": "nope"})
    assert refused.returncode == 3
    assert refused.stderr.strip() == (
        f"iltdesk: The passphrase does not unlock {demo_path}. Check Caps Lock."
    )


def test_a_note_on_standard_input_is_refused_before_it_is_typed_when_held_elsewhere(
    demo_path: Path,
) -> None:
    with held_elsewhere(demo_path):
        note = subprocess.Popen(
            [sys.executable, "-m", "iltdesk", "note", str(demo_path), "--lead", "x", "-"],
            stdin=subprocess.PIPE,  # left open: a person still typing
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE},
            cwd=REPO,
        )
        try:
            assert note.wait(timeout=60) == 5
        finally:
            note.kill()
            _, err = note.communicate()
        assert "open in another" in err
