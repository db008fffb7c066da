"""The command line: each subcommand, each exit code, one plain line on stderr."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.test_store import HOLDER


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def made(journal_path: Path, env: None, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["init", str(journal_path), "--school", "Riverside", "--principal", "A. R."]) == 0
    assert main(["note", str(journal_path), "--lead", "x", "hello"]) == 2  # no leads yet
    with Journal.open(journal_path, PASSPHRASE) as j:
        from iltdesk.models import Lead

        with j.write() as s:
            s.add(Lead(name="Marcus Bell", role="Team Lead", team="Grade 5"))
            s.add(Lead(name="Marta Quinn", role="Dean of Instruction", team="Whole school"))
    capsys.readouterr()
    return journal_path


def test_help_documents_exit_codes_and_passphrase_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for code in range(8):
        assert f"  {code}  " in out
    assert "ILTDESK_PASSPHRASE" in out and "keychain" in out
    for command in ("init", "demo", "check", "passwd", "backup", "restore", "search", "note"):
        assert command in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main(["backup"]) == 2


def test_init_then_check(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(made)]) == 0
    assert "OK" in capsys.readouterr().out
    with Journal.open(made, PASSPHRASE) as j:
        assert j.settings()["school"] == "Riverside"


def test_note_and_leads(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["note", str(made), "--lead", "bell", "--date", "2026-10-01", "Talked *norms*"]) == 0
    )
    assert "2026-10-01" in capsys.readouterr().out
    assert main(["note", str(made), "--lead", "mar", "ambiguous"]) == 2
    err = capsys.readouterr().err
    assert "Marcus Bell" in err and "Marta Quinn" in err
    assert main(["leads", str(made), "--json"]) == 0
    leads = json.loads(capsys.readouterr().out)
    bell = next(row for row in leads if row["name"] == "Marcus Bell")
    assert bell["last_one_on_one"] == "2026-10-01" and bell["team"] == "Grade 5"
    assert main(["leads", str(made)]) == 0
    assert "Marta Quinn" in capsys.readouterr().out
    assert main(["search", str(made), "norms"]) == 0
    assert "[norms]" in capsys.readouterr().out


def test_note_from_stdin(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("From a pipe: **release time**\n"))
    assert main(["note", str(made), "--lead", "Marta Quinn", "-"]) == 0
    with Journal.open(made, PASSPHRASE) as j:
        assert j.execute("SELECT notes FROM one_on_one")[0][0].startswith("From a pipe")


def test_empty_note_is_refused(made: Path) -> None:
    assert main(["note", str(made), "--lead", "Marcus Bell", "   "]) == 2


def test_backup_restore_passwd(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "copy.iltdesk"
    assert main(["backup", str(made), str(dest)]) == 0
    assert main(["check", str(dest)]) == 0
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", "second passphrase")
    assert main(["passwd", str(made)]) == 0
    assert main(["check", str(made)]) == 3  # the environment still holds the old one
    assert main(["restore", str(dest), str(made)]) == 2  # exists: needs --force
    assert main(["restore", str(dest), str(made), "--force"]) == 0
    assert main(["check", str(made)]) == 0
    assert list(made.parent.glob("*before-restore*"))


def test_remember_and_forget(
    made: Path, memory_keyring: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["remember", str(made)]) == 0
    monkeypatch.delenv("ILTDESK_PASSPHRASE")
    assert main(["check", str(made)]) == 0  # from the keychain alone
    assert main(["forget", str(made)]) == 0
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["check", str(made)]) == 2  # nothing to unlock with, nobody to ask


def test_remember_takes_the_passphrase_in_the_one_order(
    made: Path,
    memory_keyring: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from iltdesk import keychain
    from iltdesk.store.opening import no_passphrase

    keychain.remember(made, "a stale passphrase")  # refused: the environment's is next
    monkeypatch.setattr(sys, "stdin", None)  # nobody at a terminal
    assert main(["remember", str(made)]) == 0
    assert keychain.recall(made) == PASSPHRASE
    keychain.forget(made)
    monkeypatch.delenv("ILTDESK_PASSPHRASE")
    capsys.readouterr()
    assert main(["remember", str(made)]) == 2  # nothing to try, nobody to ask
    assert str(no_passphrase()) in capsys.readouterr().err
    assert keychain.recall(made) is None


def test_open_without_app_prints_help(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    launched: list[object] = []
    monkeypatch_target = "iltdesk.cli.commands._app_launcher"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(monkeypatch_target, lambda: None)
        assert main(["open", str(made)]) == 0
        assert "usage: iltdesk" in capsys.readouterr().out
        mp.setattr(monkeypatch_target, lambda: lambda path, unlock: launched.append(path) or 0)
        assert main([]) == 0
    assert launched == [None]


# -- real processes: exit codes and stderr exactly as a script would see them ----------------


def one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("iltdesk: ")
    return lines[0]


@pytest.fixture
def closed(journal_path: Path) -> Path:
    Journal.create(journal_path, PASSPHRASE).close()
    return journal_path


def test_exit_3_wrong_passphrase(closed: Path) -> None:
    result = run_cli("check", str(closed), env={"ILTDESK_PASSPHRASE": "nope"})
    assert result.returncode == 3
    assert "does not unlock" in one_plain_line(result)


def test_exit_4_not_a_journal(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    result = run_cli("leads", str(plain), env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 4
    assert "not an iltdesk journal" in one_plain_line(result)


def test_exit_5_open_elsewhere(closed: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(closed), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = run_cli("search", str(closed), "x", env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert result.returncode == 5
    assert "open in another" in one_plain_line(result)


def test_exit_6_newer_version(closed: Path) -> None:
    with Journal.open(closed, PASSPHRASE) as j:
        j.execute("UPDATE alembic_version SET version_num = '0042'")
    result = run_cli("check", str(closed), env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 6
    assert "newer version" in one_plain_line(result)


def test_exit_2_unknown_lead_and_no_passphrase(closed: Path) -> None:
    result = run_cli(
        "note", str(closed), "--lead", "Nobody", "hi", env={"ILTDESK_PASSPHRASE": PASSPHRASE}
    )
    assert result.returncode == 2
    assert "No lead is called 'Nobody'" in one_plain_line(result)
    result = run_cli("check", str(closed), stdin="")
    assert result.returncode == 2
    assert "ILTDESK_PASSPHRASE" in one_plain_line(result)


def test_python_dash_m_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("iltdesk ")
