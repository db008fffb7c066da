"""Compiling a translation catalogue for a test, as a translator's release would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def compile_catalogue(ts: Path, resources: Path, name: str = "iltdesk_fr.qm") -> Path:
    """Compile ``ts`` into ``resources``/translations/``name`` (the folder made); return
    ``resources``, laid out as the app's own resources folder is."""
    from iltdesk.translation import FOLDER

    folder = resources / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(
        [str(LRELEASE), str(ts), "-qm", str(folder / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return resources
