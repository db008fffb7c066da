"""`iltdesk trash`: the list, --restore, --delete and --empty, on a real journal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.lead import add_lead
from iltdesk.one_on_one import delete_one_on_one, get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE


@pytest.fixture
def trashed(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A journal with two 1:1s in the Trash; their ids."""
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    ids = []
    with Journal.create(journal_path, PASSPHRASE) as journal:
        lead = add_lead(journal, "Maria Lopez").id or 0
        for day, notes in ((date(2025, 3, 5), "Rota first"), (date(2025, 3, 12), "Budget")):
            meeting = start_one_on_one(journal, lead, held_on=day).id or 0
            save_one_on_one(journal, meeting, notes=notes)
            delete_one_on_one(journal, meeting)
            ids.append(meeting)
    return ids


def test_the_trash_lists_restores_and_empties(
    trashed: list[int], journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trash", str(journal_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("   2  1:1: 12 Mar 2025 · Budget  (Maria Lopez)  deleted ")
    assert out[0].endswith("30 days left") and "Rota first" in out[1]

    assert main(["trash", str(journal_path), "--restore", "1"]) == 0
    assert "Restored the 1:1 “5 Mar 2025 · Rota first” (Maria Lopez)." in capsys.readouterr().out
    assert main(["trash", str(journal_path), "--restore", "1"]) == 2  # no longer there
    assert main(["trash", str(journal_path), "--empty"]) == 2  # not a terminal: not asked
    assert main(["trash", str(journal_path), "--empty", "--yes"]) == 0
    capsys.readouterr()
    assert main(["trash", str(journal_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with Journal.open(journal_path, PASSPHRASE) as journal:
        assert get_one_on_one(journal, trashed[0]).notes == "Rota first"
