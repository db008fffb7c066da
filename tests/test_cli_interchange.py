"""`iltdesk export --format json|csv|markdown` and `iltdesk import` from the command line, on
real journals: the warning first, one plain line per bad input with nothing written, the
preview, --dry-run, and importing twice creating nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.test_destination import snapshot


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A journal with a lead and two 1:1s, and an empty one."""
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    source, target = tmp_path / "a" / "source.iltdesk", tmp_path / "b" / "target.iltdesk"
    with Journal.create(source, PASSPHRASE) as journal:
        journal.execute("INSERT INTO lead (name, role, team, cadence_days, notes, created_at, "
                        "updated_at) VALUES ('Dana Pham', 'Team lead', '6th', 14, '', "
                        "'2025-01-01 00:00:00', '2025-01-01 00:00:00')")  # fmt: skip
        for day in ("2025-01-06", "2025-03-03"):
            journal.execute(
                "INSERT INTO one_on_one (lead_id, held_on, notes, feedback_given, created_at, "
                "updated_at) VALUES (1, ?, 'Talked about the data wall.', '', "
                "'2025-01-01 00:00:00', '2025-01-01 00:00:00')",
                (day,),
            )
    Journal.create(target, PASSPHRASE).close()
    return source, target


def test_export_then_import_with_preview_then_nothing_new(
    two: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = two
    out = tmp_path / "pham.json"
    assert main(["export", str(source), "--format", "json", "--lead", "Pham", "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "leaves the encryption" in said.err and "Wrote 3 records" in said.out
    assert out.stat().st_mode & 0o777 == 0o600
    before = snapshot(target.parent)
    assert main(["import", str(target), str(out), "--dry-run"]) == 0
    preview = capsys.readouterr().out
    assert "Creates 2 1:1s, 1 lead." in preview and "2025-03-03  1:1 · Dana Pham" in preview
    assert "Nothing was written (--dry-run)." in preview
    assert snapshot(target.parent) == before
    assert main(["import", str(target), str(out), "--yes"]) == 0
    assert "Imported 3 records." in capsys.readouterr().out
    assert main(["import", str(target), str(out), "--yes"]) == 0
    assert "the journal holds all of it already" in capsys.readouterr().out
    done = run_cli("leads", str(target), "--json", env={"ILTDESK_PASSPHRASE": PASSPHRASE})
    assert [lead["name"] for lead in json.loads(done.stdout)] == ["Dana Pham"]


def test_import_without_a_terminal_or_yes_asks_and_writes_nothing(
    two: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = two
    out = tmp_path / "all.json"
    assert main(["export", str(source), "--format", "json", "--all", "-o", str(out)]) == 0
    before = snapshot(target.parent)
    assert main(["import", str(target), str(out)]) == 2
    assert "add --yes to import without being asked" in capsys.readouterr().err
    assert snapshot(target.parent) == before


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--format", "json"], "Name the lead (--lead NAME), or export the whole journal"),
        (["--format", "json", "--all", "--lead", "Dana"], "Name the lead"),
        (["--format", "csv", "--all", "--report", "recap"], "A csv export takes no --report."),
        (["--format", "json", "--all", "--password-env", "X"], "takes no --password-env"),
        (["--format", "json", "--all", "--from", "2025-02-01", "--to", "2025-01-01"], "after"),
        (["--format", "json", "--all", "--from", "01/02/2025"], "is not a date"),
        (["--format", "json", "--lead", "Nobody"], "No lead is called 'Nobody'."),
    ],
)
def test_bad_export_inputs_say_one_line_and_write_nothing(
    two: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    said: str,
) -> None:
    source, _ = two
    before = snapshot(tmp_path)
    assert main(["export", str(source), *extra, "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") <= 2  # the warning, at most, and the one line
    assert snapshot(tmp_path) == before


def test_export_never_writes_over_the_journal_or_into_a_full_folder(
    two: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, _ = two
    before = snapshot(tmp_path)
    args = ["export", str(source), "--format", "json", "--all", "--force", "-o", str(source)]
    assert main(args) == 2
    assert main(["export", str(source), "--format", "markdown", "--all", "-o", str(source.parent)])
    assert "not a new or empty folder" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("content", "fmt", "said"),
    [
        (b'{"format": "iltdesk-export", "version": 7}', "json", "newer iltdesk"),
        (b"\xff\x01", "json", "not UTF-8"),
        (b'{"format": "iltdesk-export", "version": 1, "tables": {"lead": [{"id": 1}]}}',
         "json", "lead #1: name is missing"),
    ],
)  # fmt: skip
def test_a_bad_file_is_one_line_and_the_journal_is_untouched(
    two: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    fmt: str,
    said: str,
) -> None:
    _, target = two
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = snapshot(target.parent)
    assert main(["import", str(target), str(bad), "--format", fmt, "--yes"]) == 2
    told = capsys.readouterr()
    assert said in told.out + told.err
    assert snapshot(target.parent) == before
