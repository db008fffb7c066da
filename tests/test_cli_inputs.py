"""Bad words on the command line: each gets its documented exit code and one short, plain
line, and no file changes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_ui_export import _lead_with_a_closed_cycle

COMMANDS = [
    ["check", "J"],
    ["search", "J", "x"],
    ["note", "J", "--lead", "Rosa", "hi"],
    ["leads", "J"],
    ["export", "J", "--lead", "Rosa", "-o", "out.pdf"],
    ["backup", "J", "copy.iltdesk"],
    ["passwd", "J"],
]


@pytest.fixture
def made(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        _lead_with_a_closed_cycle(journal)  # Rosa, whose cycles a bad --cycle cannot name
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(journal_path.parent)
    return journal_path


def _said(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("iltdesk: "), err
    assert len(err) < 200 and "unexpected" not in err
    return err


@pytest.mark.parametrize("words", COMMANDS, ids=[w[0] for w in COMMANDS])
def test_a_link_loop_is_a_usage_error_for_every_journal_command(
    made: Path, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink("loop-b", made.parent / "loop-a")
    os.symlink("loop-a", made.parent / "loop-b")
    assert main([w.replace("J", "loop-a") if w == "J" else w for w in words]) == 2
    assert "links go round in a loop" in _said(capsys)


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["search", "J", "x", "--limit", "9" * 20], "whole number from 1 to 999999"),
        (["search", "J", "x", "--limit", "0"], "whole number from 1 to 999999"),
        (["export", "J", "--lead", "Rosa", "--cycle", "²", "-o", "o.pdf"], "cycle number"),
        (["export", "J", "--lead", "Rosa", "--cycle", "1" * 5000, "-o", "o.pdf"], "cycle"),
    ],
    ids=["limit too big", "limit zero", "cycle superscript", "cycle 5000 digits"],
)
def test_numbers_out_of_reach_are_usage_errors(
    made: Path, words: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(made) if w == "J" else w for w in words]) == 2
    assert said in _said(capsys)


@pytest.mark.parametrize("data", [b"\xff\xfe", b"caf\xe9"], ids=["invalid", "latin-1"])
def test_a_note_on_standard_input_that_is_not_utf8_saves_nothing(
    made: Path, data: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a C locale reads it: undecodable bytes become lone surrogates.
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", stdin)
    before = made.read_bytes()
    assert main(["note", str(made), "--lead", "Rosa", "-"]) == 2
    assert "not UTF-8 text; nothing was saved" in _said(capsys)
    assert made.read_bytes() == before
