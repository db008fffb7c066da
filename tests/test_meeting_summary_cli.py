"""`iltdesk export --meeting`: an ILT meeting's summary from the command line, on a real
journal file, with the export's rules for output paths, exit codes and one-line errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.test_destination import snapshot
from tests.test_meeting_summary import PRIVATE, Made, make_meeting
from tests.test_report import pdf_text
from tests.test_self_check_report import pdf_words


@pytest.fixture
def made(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Made]:
    """A closed journal file holding two meetings; the passphrase in the environment."""
    with Journal.create(
        journal_path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera"
    ) as journal:
        meetings = make_meeting(journal)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    return journal_path, meetings


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: "), err
    assert "unexpected" not in err
    return err


def test_the_latest_meeting_round_trips_to_a_private_pdf(
    qapp: QApplication,
    made: tuple[Path, Made],
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal, _ = made
    out = out_dir / "october.pdf"
    assert main(["export", str(journal), "--meeting", "latest", "-o", str(out)]) == 0
    pages = len(PdfReader(out).pages)
    plural = "s" if pages != 1 else ""
    assert capsys.readouterr().out.strip() == f"Wrote {out} ({pages} page{plural})."
    assert [p.name for p in out_dir.iterdir()] == ["october.pdf"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = pdf_words(out)
    assert "October ILT" in text and "Bring the follow-through tracker" in text
    assert "PRIVATE" not in text and PRIVATE not in text


def test_a_meeting_by_its_number_with_a_password(
    qapp: QApplication,
    made: tuple[Path, Made],
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    journal, meetings = made
    out = out_dir / "locked.pdf"
    monkeypatch.setenv("PDF_PASSWORD", "tell me more")
    args = ["export", str(journal), "--meeting", f"#{meetings.earlier_id}", "-o", str(out)]
    assert main([*args, "--password-env", "PDF_PASSWORD"]) == 0
    assert PdfReader(out).is_encrypted
    assert not PdfReader(out).decrypt("not it")
    text = " ".join(pdf_text(out, "tell me more"))
    assert "September ILT" in text and "October ILT" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


BAD: list[tuple[list[str], int, str]] = [
    (["--meeting", "99"], 2, "There is no ILT meeting #99."),
    (["--meeting", "newest"], 2, "latest or a meeting number, not 'newest'"),
    (["--meeting", "²"], 2, "latest or a meeting number"),
    (["--meeting", "latest", "--cycle", "2"], 2, "it takes no --cycle."),
    (["--meeting", "1", "--all-cycles", "--sections", "energy"], 2, "no --sections, --all-cyc"),
    (["--meeting", "latest", "--lead", "Jo"], 2, "add --report recap"),
    ([], 2, "Name the lead (--lead NAME) or the ILT meeting"),
    (["--meeting", "latest", "--password-env", "NO_SUCH_VAR"], 2, "NO_SUCH_VAR holds no"),
]


@pytest.mark.parametrize(("extra", "code", "message"), BAD, ids=[b[2][:24] for b in BAD])
def test_bad_inputs_say_one_line_and_write_nothing(
    made: tuple[Path, Made],
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    code: int,
    message: str,
) -> None:
    journal, _ = made
    before = snapshot(journal.parent)
    assert main(["export", str(journal), *extra, "-o", str(out_dir / "x.pdf")]) == code
    assert message in _one_line(capsys)
    assert list(out_dir.iterdir()) == []
    assert snapshot(journal.parent) == before


def test_a_journal_with_no_meeting_has_nothing_to_export(
    journal_path: Path,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Journal.create(journal_path, PASSPHRASE).close()
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    out = out_dir / "x.pdf"
    assert main(["export", str(journal_path), "--meeting", "latest", "-o", str(out)]) == 2
    assert "Nothing to export yet: no ILT meeting has been recorded." in _one_line(capsys)
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "more", "said"),
    [
        ("J", [], "journal's own file"),
        ("J", ["--force"], "journal's own file"),
        ("J-wal", [], "journal's own file"),
        ("E/old.pdf", [], "already exists; pass --force"),
        ("E/folder.pdf", ["--force"], "is a folder"),
        ("E/pipe.pdf", ["--force"], "not a regular file"),
    ],
)
def test_it_never_writes_over_what_it_must_not(
    made: tuple[Path, Made],
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    target: str,
    more: list[str],
    said: str,
) -> None:
    journal, _ = made
    (out_dir / "old.pdf").write_bytes(b"an older export")
    (out_dir / "folder.pdf").mkdir()
    os.mkfifo(out_dir / "pipe.pdf")
    path = str(journal) + target[1:] if target.startswith("J") else str(out_dir / target[2:])
    before = snapshot(journal.parent, out_dir)
    assert main(["export", str(journal), "--meeting", "latest", "-o", path, *more]) == 2
    assert said in _one_line(capsys)
    assert snapshot(journal.parent, out_dir) == before


def test_the_wrong_passphrase_exits_3(
    made: tuple[Path, Made],
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal, _ = made
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not it")
    assert main(["export", str(journal), "--meeting", "1", "-o", str(out_dir / "x.pdf")]) == 3
    _one_line(capsys)
    assert list(out_dir.iterdir()) == []


def test_a_fresh_process_writes_it(made: tuple[Path, Made], out_dir: Path) -> None:
    """As a user's shell runs it: the real program, its own QGuiApplication, the bundled font."""
    journal, _ = made
    out = out_dir / "shared.pdf"
    env = {"QT_QPA_PLATFORM": "offscreen", "ILTDESK_PASSPHRASE": PASSPHRASE}
    done = run_cli("export", str(journal), "--meeting", "latest", "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {out} (") and done.stderr == ""
    text = pdf_words(out)
    assert "Confidential" in text and "Who does what" in text and PRIVATE not in text
