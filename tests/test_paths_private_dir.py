"""``ensure_private_dir`` when another process makes the same folder at the same moment (two
launches at once on a fresh machine: one of thirty once died with FileExistsError)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from iltdesk.paths import DIR_MODE, ensure_private_dir


def test_a_folder_made_meanwhile_by_another_process_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config" / "iltdesk"
    made = Path.mkdir

    def raced(self: Path, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        if self == target.parent:  # the other launch makes the next one first
            made(target, mode=DIR_MODE)

    monkeypatch.setattr(Path, "mkdir", raced)
    assert ensure_private_dir(target) == target
    assert target.is_dir()
    assert stat.S_IMODE(target.parent.stat().st_mode) == DIR_MODE
