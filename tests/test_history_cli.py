"""`iltdesk history`: search, list, --show, --diff and --restore on a real journal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from iltdesk.history import current_text, versions
from iltdesk.lead import add_lead
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_history import _pause


def test_history_round_trip(
    journal_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    with Journal.create(journal_path, PASSPHRASE) as journal:
        lead = add_lead(journal, "Maria Lopez").id or 0
        meeting = start_one_on_one(journal, lead, held_on=date(2025, 3, 5)).id or 0
        save_one_on_one(journal, meeting, notes="We met on Monday about the rota.")
        _pause(journal, "one_on_one", meeting)
        save_one_on_one(journal, meeting, notes="We met on Friday about the rota and data.")
        kept = versions(journal, "one_on_one", meeting, "notes")[0].id
    j, m, v = str(journal_path), str(meeting), str(kept)

    assert main(["history", j, "--search", "monday"]) == 0
    out = capsys.readouterr().out
    assert f"  1:1 with Maria Lopez, 5 Mar 2025 · Notes  (one_on_one {m}, version {v})\n" in out
    assert "We met on Monday about the rota." in out
    assert main(["history", j, "--search", "friday"]) == 0  # the text now is not a version
    assert capsys.readouterr().out == ""

    assert main(["history", j, "one_on_one", m, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["field"], r["label"]) for r in listed] == [(kept, "notes", "Notes")]
    assert main(["history", j, "one_on_one", m, "--show", v]) == 0
    assert capsys.readouterr().out == "We met on Monday about the rota.\n"
    assert main(["history", j, "one_on_one", m, "--diff", v]) == 0
    assert capsys.readouterr().out == (
        "We met on [-Monday-] {+Friday+} about the rota {+and data+}.\n"
    )

    before = journal_path.read_bytes()
    bad = [
        ["history", j, "one_on_one", m, "--restore", v],  # not a terminal and no --yes
        ["history", j, "one_on_one", m, "--restore", "999", "--yes"],
        ["history", j, "one_on_one", "999", "--show", v],
        ["history", j, "meeting", m],
        ["history", j, "one_on_one", m, "--field", "title"],
    ]
    for args in bad:
        assert main(args) == 2, args
    assert journal_path.read_bytes() == before
    capsys.readouterr()

    assert main(["history", j, "one_on_one", m, "--restore", v, "--yes"]) == 0
    assert "Restored “Notes” (1:1 with Maria Lopez, 5 Mar 2025)" in capsys.readouterr().out
    with Journal.open(journal_path, PASSPHRASE, read_only=True) as journal:
        assert current_text(journal, "one_on_one", meeting, "notes").startswith("We met on Mon")
        undo = versions(journal, "one_on_one", meeting, "notes")[0]  # the replaced text, kept
        assert undo.text == "We met on Friday about the rota and data."
