"""`iltdesk init` and `passwd` refuse a new passphrase that is easy to guess: exit 2 and one
line with zxcvbn's advice, nothing made or changed; a demo journal's public one is not judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from iltdesk.cli import passphrase as cli_passphrase
from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.passphrases import SCHOOL, SCHOOL_AND_YEAR, STRONG, WEAK


def _refused(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("iltdesk: That passphrase is too easy to guess.")
    assert "Nothing was changed." in lines[0]
    return lines[0]


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_a_weak_passphrase_with_exit_2_and_the_advice(
    tmp_path: Path, weak: str
) -> None:
    target = tmp_path / "school.iltdesk"
    done = run_cli("init", str(target), env={"ILTDESK_PASSPHRASE": weak})
    assert done.returncode == 2, done.stderr
    line = _refused(done.stderr)
    assert "commonly used passphrase" in line and "Add another word or two" in line
    assert done.stdout == "" and not target.exists()


def test_init_accepts_a_strong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "school.iltdesk"
    monkeypatch.setenv("ILTDESK_PASSPHRASE", STRONG[1])
    assert main(["init", str(target)]) == 0
    assert "Created" in capsys.readouterr().out
    with Journal.open(target, STRONG[1]):
        pass


def test_init_judges_with_the_school_and_principal_as_first_guesses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", SCHOOL_AND_YEAR)
    named = tmp_path / "named.iltdesk"
    assert main(["init", str(named), "--school", SCHOOL, "--principal", "A. Rivera"]) == 2
    assert "Names from the journal" in _refused(capsys.readouterr().err)
    assert not named.exists()
    # To someone who does not know the school, the same words are three uncommon parts.
    assert main(["init", str(tmp_path / "unnamed.iltdesk")]) == 0


def test_a_typed_passphrase_is_refused_before_it_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(cli_passphrase, "_interactive", lambda: True)
    monkeypatch.setattr(
        cli_passphrase.getpass, "getpass", lambda label: asked.append(label) or WEAK[0]
    )
    assert main(["init", str(tmp_path / "typed.iltdesk")]) == 2
    assert asked == ["New passphrase: "]
    _refused(capsys.readouterr().err)


def test_passwd_refuses_a_weak_passphrase_and_keeps_the_old_one(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", WEAK[1])
    assert main(["passwd", str(journal_path)]) == 2
    _refused(capsys.readouterr().err)
    with Journal.open(journal_path, PASSPHRASE):
        pass
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", STRONG[0])
    assert main(["passwd", str(journal_path)]) == 0
    with Journal.open(journal_path, STRONG[0]):
        pass


def test_passwd_judges_against_the_journals_own_names(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from iltdesk.lead import add_lead

    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz", role="Team Lead")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", "Maya Ortiz 1987")
    assert main(["passwd", str(journal_path)]) == 2
    _refused(capsys.readouterr().err)
    with Journal.open(journal_path, PASSPHRASE):
        pass


def test_a_demo_journals_public_passphrase_is_not_judged(tmp_path: Path) -> None:
    target = tmp_path / "demo.iltdesk"
    done = run_cli("demo", str(target), "--entries", "0", env={"ILTDESK_PASSPHRASE": "demo"})
    assert done.returncode == 0, done.stderr
    with Journal.open(target, "demo", read_only=True):
        pass


def test_init_and_passwd_help_say_what_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("init", "passwd"):
        assert main([command, "--help"]) == 0
        said = " ".join(capsys.readouterr().out.split())
        assert "hard to guess" in said and "(exit 2)" in said and "demo" in said
