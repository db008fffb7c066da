"""`iltdesk export`: a lead's cycle summary to PDF from the command line."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.report import Section
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.test_report import SHOWN, make_rich, pdf_text


@pytest.fixture
def made(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed journal file holding a lead with one full cycle; the passphrase in the env."""
    with Journal.create(
        journal_path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera"
    ) as journal:
        make_rich(journal)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    return journal_path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_export_writes_one_private_pdf_and_says_so(
    qapp: QApplication, made: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = out_dir / "maria.pdf"
    assert main(["export", str(made), "--lead", "maria", "-o", str(out)]) == 0
    pages = len(PdfReader(out).pages)
    assert capsys.readouterr().out.strip() == f"Wrote {out} ({pages} pages)."
    assert [p.name for p in out_dir.iterdir()] == ["maria.pdf"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(pdf_text(out))
    assert SHOWN[Section.intention][0] in text
    assert SHOWN[Section.principal_reflection][0] not in text


def test_export_chosen_sections_with_a_password(
    qapp: QApplication, made: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = out_dir / "locked.pdf"
    monkeypatch.setenv("PDF_PASSWORD", "tell me more")
    args = ["export", str(made), "--lead", "Maria Lopez", "--all-cycles", "-o", str(out)]
    args += ["--sections", "energy,principal_reflection", "--password-env", "PDF_PASSWORD"]
    assert main(args) == 0
    assert PdfReader(out).is_encrypted
    text = " ".join(pdf_text(out, "tell me more"))
    assert SHOWN[Section.energy][0] in text
    assert SHOWN[Section.principal_reflection][0] in text
    assert SHOWN[Section.intention][0] not in text


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--lead", "nobody"], 2, "No lead is called 'nobody'."),
        (["--lead", "maria", "--cycle", "99"], 2, "Maria Lopez has no learning cycle #99."),
        (["--lead", "maria", "--cycle", "newest"], 2, "latest, all or a cycle number"),
        (["--lead", "maria", "--sections", "goal"], 2, "Unknown section goal; choose from"),
        (["--lead", "maria", "--password-env", "NO_SUCH_VAR"], 2, "NO_SUCH_VAR holds no"),
    ],
)
def test_export_usage_errors(
    made: Path,
    out_dir: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    code: int,
    message: str,
) -> None:
    assert main(["export", str(made), *extra, "-o", str(out_dir / "x.pdf")]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: ") and message in err
    assert list(out_dir.iterdir()) == []


def test_export_with_the_wrong_passphrase_exits_3(
    made: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not it")
    assert main(["export", str(made), "--lead", "maria", "-o", str(out_dir / "x.pdf")]) == 3
    assert capsys.readouterr().err.count("\n") == 1
    assert list(out_dir.iterdir()) == []


def test_export_with_no_system_fonts_still_writes_text(
    made: Path, out_dir: Path, tmp_path: Path
) -> None:
    """A bare machine: fontconfig finds no fonts at all, so only the bundled font can draw."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?><fontconfig><dir>/nonexistent</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    env = {
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_FONTDIR": str(empty),
        "QT_QPA_PLATFORM": "offscreen",
        "ILTDESK_PASSPHRASE": PASSPHRASE,
    }
    out = out_dir / "bare.pdf"
    done = run_cli("export", str(made), "--lead", "maria", "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    pages = pdf_text(out)
    assert done.stdout.strip() == f"Wrote {out} ({len(pages)} pages)."
    assert SHOWN[Section.intention][0] in " ".join(pages)
    assert "Confidential" in pages[0] and f"Page 1 of {len(pages)}" in pages[0]
    assert [p.name for p in out_dir.iterdir()] == ["bare.pdf"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
