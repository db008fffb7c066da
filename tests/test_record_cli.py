"""`iltdesk export --lead NAME --report record [--from --to]`: a lead's record from the command
line, on a real journal file, with the export's rules for paths and one-line errors."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_record_report import (
    IN_TALK,
    OUT_TALK,
    PRIVATE,
    SINCE,
    UNTIL,
    make_record,
)
from tests.test_report import pdf_text

RECORD = ["--lead", "Maria", "--report", "record"]
RANGE = ["--from", SINCE.isoformat(), "--to", UNTIL.isoformat()]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A closed journal file holding Maria's year."""
    path = tmp_path_factory.mktemp("record_cli") / "school.iltdesk"
    with Journal.create(path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera") as j:
        make_record(j)
    yield path


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)


def test_a_range_as_a_private_pdf_with_names_guarded(
    qapp: QApplication,
    made: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "record.pdf"
    monkeypatch.setenv("PDF_PASSWORD", "mid-year")
    args = [*RECORD, *RANGE, "--name", "Marcus Feld=initials", "--password-env", "PDF_PASSWORD"]
    assert main(["export", str(made), *args, "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Wrote" in capsys.readouterr().out
    text = " ".join(pdf_text(out, "mid-year"))
    assert IN_TALK in text and OUT_TALK not in text and PRIVATE not in text
    assert "Marcus Feld" not in text and "M. F. joined" in text
    reader = PdfReader(out)
    reader.decrypt("mid-year")
    assert reader.outline  # the bookmarks survive the password


def test_private_sections_when_named(qapp: QApplication, made: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.pdf"
    args = [*RECORD, "--sections", "cycles,principal_reflection", "-o", str(out)]
    assert main(["export", str(made), *args]) == 0
    text = " ".join(pdf_text(out))
    assert PRIVATE in text and IN_TALK not in text


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--from", "2031-01-01"], "Nothing to put in Maria's record (Since 1 Jan 2031)"),
        (["--from", "2026-08-02", "--to", "2026-08-01"], "The range starts (2 Aug 2026) after"),
        (["--from", "2026-02-30"], "'2026-02-30' is not a date (YYYY-MM-DD)"),
        (["--sections", "notes"], "Unknown section notes; choose from overview"),
        (["--cycle", "latest"], "A lead's record takes no --cycle."),
        (["--meeting", "latest"], "A lead's record takes no --meeting."),
        (["--all"], "A lead's record takes no --all."),
        (["--name", "Marcus Feld"], "--name 'Marcus Feld' is not NAME=keep"),
        (["--password-env", "NO_SUCH_VARIABLE"], "NO_SUCH_VARIABLE holds no password"),
    ],
)
def test_what_it_refuses_is_one_line_exit_2_and_no_file(
    made: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    said: str,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "record.pdf"
    assert main(["export", str(made), *RECORD, *extra, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: "), err
    assert said in err
    assert list(folder.iterdir()) == []  # nothing written, not even a temporary file


def test_a_lead_must_be_named(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "record.pdf"
    assert main(["export", str(made), "--report", "record", "-o", str(out)]) == 2
    assert "Name the lead whose record to export (--lead NAME)." in capsys.readouterr().err
    assert not out.exists()
