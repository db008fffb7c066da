"""The action items as CSV: one row each with lead, owners, dates and where it came from;
UTF-8 with a BOM for Excel; formulas kept as text; 0600; whole or not at all."""

from __future__ import annotations

import csv
import errno
import os
from pathlib import Path

import pytest

from iltdesk.errors import DiskFull, UsageError
from iltdesk.interchange.csv_out import HEADER, guard, write_action_items_csv
from iltdesk.interchange.document import Document


def document() -> Document:
    doc = Document()
    doc.rows("lead").extend([{"id": 1, "name": "Zoë Pham"}, {"id": 2, "name": "Luis Ortega"}])
    doc.rows("one_on_one").append({"id": 4, "lead_id": 1, "held_on": "2024-03-01"})
    doc.rows("ilt_meeting").append({"id": 6, "held_on": "2024-03-04", "title": "Norms"})
    doc.rows("action_item").extend(
        [
            {
                "id": 1, "lead_id": 1, "text": "Send the data", "owner": "both",
                "due_on": "2024-03-08", "done_on": None, "source": "one_on_one",
                "one_on_one_id": 4,
            },
            {
                "id": 2, "lead_id": None, "text": "=HYPERLINK(\"http://x\")", "owner": "principal",
                "due_on": None, "done_on": "2024-03-10", "source": "meeting", "meeting_id": 6,
            },
            {
                "id": 3, "lead_id": 2, "text": "Line one\nline two, \"quoted\"", "owner": "lead",
                "due_on": None, "done_on": None, "source": "manual",
            },
        ]
    )  # fmt: skip
    doc.rows("action_item_owner").extend(
        [{"action_item_id": 2, "lead_id": 1}, {"action_item_id": 2, "lead_id": 2}]
    )
    return doc


def test_one_row_per_action_item(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    assert write_action_items_csv(document(), path) == 3
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    assert path.stat().st_mode & 0o777 == 0o600
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        list(HEADER),
        ["Send the data", "Zoë Pham", "Principal; Zoë Pham", "2024-03-08", "", "1:1",
         "1:1 2024-03-01"],
        ["'=HYPERLINK(\"http://x\")", "", "Principal; Zoë Pham; Luis Ortega", "", "2024-03-10",
         "ILT meeting", "ILT meeting 2024-03-04 Norms"],
        ["Line one\nline two, \"quoted\"", "Luis Ortega", "Luis Ortega", "", "",
         "Written directly", ""],
    ]  # fmt: skip
    assert b"\r\n" in data


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formulas_stay_text(cell: str) -> None:
    assert guard(cell) == f"'{cell}"
    assert guard(f"a{cell}") == f"a{cell}"


def test_no_action_items_is_a_header(tmp_path: Path) -> None:
    assert write_action_items_csv(Document(), tmp_path / "none.csv") == 0
    assert (tmp_path / "none.csv").read_text("utf-8-sig").splitlines() == [",".join(HEADER)]


def test_a_full_disk_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DiskFull):
        write_action_items_csv(document(), tmp_path / "place.csv")
    monkeypatch.setattr(os, "replace", real_replace)
    assert not (tmp_path / "place.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".iltdesk")] == []
    with pytest.raises(UsageError):
        write_action_items_csv(document(), tmp_path)  # a folder
