"""`iltdesk export JOURNAL --meeting` given what a person might type: meeting choices that
name nothing, a journal with no meeting, and outputs that must never be written (the journal
itself, its -wal, a folder, /dev/null, a link to the journal). Each gets one line, exit code
2 (the documented usage error), and leaves every file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_destination import snapshot


@pytest.fixture
def empty(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed journal with no meeting; the passphrase in the environment."""
    Journal.create(journal_path, PASSPHRASE, school="Riverside Middle").close()
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    return journal_path


def _export(journal: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the export; it must fail with 2 in one line and change no file beside the journal."""
    before = snapshot(journal.parent)
    assert main(["export", str(journal), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: "), err
    assert "unexpected" not in err and "Traceback" not in err
    assert snapshot(journal.parent) == before
    return err


@pytest.mark.parametrize(
    ("choice", "said"),
    [
        ("0", "There is no ILT meeting #0."),
        ("-1", "not '-1'"),
        ("99999", "There is no ILT meeting #99999."),
        ("abc", "not 'abc'"),
        ("latest", "Nothing to export yet: no ILT meeting has been recorded."),
        ("", "not ''"),
        ("#", "not '#'"),
        ("1.5", "not '1.5'"),
        ("٣", "latest or a meeting number"),
        ("9" * 40, "latest or a meeting number"),
    ],
)
def test_a_meeting_choice_that_names_nothing_is_one_line(
    empty: Path, capsys: pytest.CaptureFixture[str], choice: str, said: str
) -> None:
    out = empty.parent / "summary.pdf"
    assert said in _export(empty, capsys, "--meeting", choice, "-o", str(out))
    assert not out.exists()


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("J", "is the journal's own file"),
        ("J-wal", "is the journal's own file"),
        ("J-shm", "is the journal's own file"),
        ("link.pdf", "is the journal's own file"),
        ("folder", "is a folder"),
        ("/dev/null", "not a regular file"),
        ("missing/x.pdf", "There is no folder"),
    ],
)
def test_an_output_that_must_not_be_written_is_one_line(
    empty: Path,
    capsys: pytest.CaptureFixture[str],
    target: str,
    said: str,
    force: list[str],
) -> None:
    folder = empty.parent
    (folder / "folder").mkdir()
    os.symlink(empty, folder / "link.pdf")
    out = {"J": str(empty), "J-wal": f"{empty}-wal", "J-shm": f"{empty}-shm"}.get(target)
    out = out or (target if target.startswith("/") else str(folder / target))
    # A journal with no meeting still refuses the path first: the path is checked before
    # the journal is unlocked.
    assert said in _export(empty, capsys, "--meeting", "latest", "-o", out, *force)
