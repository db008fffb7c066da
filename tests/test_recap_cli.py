"""`iltdesk export --lead NAME --report recap [--meeting DATE|latest]`: a 1:1's recap from the
command line, on a real journal file, with the export's rules for paths and one-line errors."""

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
from tests.test_recap import EARLIER, PRIVATE, TRACKER, Made, make_recap
from tests.test_report import pdf_text

RECAP = ["--lead", "Priya", "--report", "recap"]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Made]]:
    """A closed journal file holding Priya's two 1:1s."""
    path = tmp_path_factory.mktemp("recap_cli") / "school.iltdesk"
    with Journal.create(
        path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera"
    ) as journal:
        ids = make_recap(journal)
    yield path, ids


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: "), err
    return err.strip()


def test_the_latest_recap_as_a_private_pdf(
    qapp: QApplication, made: tuple[Path, Made], tmp_path: Path
) -> None:
    journal, _ = made
    out = tmp_path / "recap.pdf"
    assert main(["export", str(journal), *RECAP, "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(pdf_text(out))
    assert "1:1 recap" in text.casefold() or "1:1 RECAP" in text
    for shown in (TRACKER, "Keep it, monthly", "Send the revised exit ticket", "Start on time"):
        assert shown in text, shown
    assert PRIVATE not in text and "PRIVATE-NOTE-MARK" not in text
    assert "FEEDBACK-MARK" not in text  # not chosen


def test_an_earlier_1_1_by_its_date_with_sections_and_a_password(
    qapp: QApplication,
    made: tuple[Path, Made],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    journal, _ = made
    out = tmp_path / "locked.pdf"
    monkeypatch.setenv("PDF_PASSWORD", "tell me more")
    args = [*RECAP, "--meeting", EARLIER.isoformat(), "--sections", "action_items,feedback"]
    assert (
        main(["export", str(journal), *args, "--password-env", "PDF_PASSWORD", "-o", str(out)]) == 0
    )
    assert PdfReader(out).is_encrypted
    text = " ".join(pdf_text(out, "tell me more"))
    assert "Bring three pieces of student work" in text
    assert "What we discussed" not in text and TRACKER not in text


def test_other_people_named_as_the_principal_chooses(
    qapp: QApplication,
    made: tuple[Path, Made],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal, _ = made
    out = tmp_path / "guarded.pdf"
    args = [*RECAP, "--name", "Marcus Feld=role:a 6th grade lead", "-o", str(out)]
    assert main(["export", str(journal), *args]) == 0
    text = " ".join(pdf_text(out))
    assert "Marcus" not in text and "a 6th grade lead" in text
    assert "Priya Natarajan" in text  # the lead it is for is never touched


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--meeting", "2027-02-30"], "not '2027-02-30'"),
        (["--meeting", "last week"], "Choose the 1:1 as latest or by its date (YYYY-MM-DD)"),
        (["--meeting", "1999-01-01"], "Priya Natarajan had no 1:1 on 1 Jan 1999; the nearest:"),
        (["--sections", "notes"], "Unknown section notes"),
        (["--cycle", "latest"], "A 1:1 recap takes no --cycle."),
        (["--name", "Marcus Feld"], "--name 'Marcus Feld' is not NAME=keep"),
    ],
)
def test_what_it_refuses_is_one_line_exit_2_and_no_file(
    made: tuple[Path, Made],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    said: str,
) -> None:
    journal, _ = made
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "recap.pdf"
    assert main(["export", str(journal), *RECAP, *extra, "-o", str(out)]) == 2
    assert said in _one_line(capsys)
    assert list(folder.iterdir()) == []  # nothing written, not even a temporary file
