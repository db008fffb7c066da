"""The benchmark harness runs end to end: `bench/run.py --quick` on a tiny journal.

Only that it completes and reports every measure is checked; timings are never asserted
(figures belong to `make bench` and docs/performance.md, not to tests).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "performance.md"
MEASURES = (
    "save one edit in the app",
    "save cost",
    "search as you type",
    "plaintext floor: save",
    "plaintext floor: search",
    "cold add a note",
    "cold search",
    "cold start to unlocked window",
    "lead switch",
    "PDF cycle summary",
    "peak memory",
    "save during the day's backup",
    "Markdown export, whole journal",
    "JSON export, whole journal",
    "import that JSON into an empty journal",
    "import it again",
    "search dialog, typing pause to rows painted",
    "lead tab 1:1s",
    "journal file ÷ raw text",
)
# "typing under a dd load" needs a disk to load: it runs in make bench, not in the smoke run.
NEVER_HANGS_SECONDS = 600


def _doc_state() -> tuple[bool, int]:
    return (DOC.exists(), DOC.stat().st_mtime_ns if DOC.exists() else 0)


@pytest.mark.slow
def test_quick_bench_run_reports_every_measure(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    doc_before = _doc_state()
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--no-write", "--cache", cache],
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=NEVER_HANGS_SECONDS,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    out = proc.stdout
    for measure in MEASURES:  # progress lines are indented; table rows start with the measure
        lines = [line for line in out.splitlines() if line.startswith(measure)]
        assert lines, f"no row for {measure!r} in:\n{out}"
        assert not any(line.endswith(": failed]") for line in lines), lines
    assert "Total time:" in proc.stdout
    # --no-write leaves the document alone; the raw figures are kept in the cache instead.
    assert _doc_state() == doc_before
    assert len(list((cache / "results").glob("run-*.json"))) == 1
    # The cache is private, and the run's scratch copies are gone.
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    journals = list((cache / "journals").iterdir())
    assert journals
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in journals)
    assert not list(cache.glob("work-*"))
    # jrnl's venv lives here too: the cache keeps itself out of git and the linter.
    assert "*" in (cache / ".gitignore").read_text().splitlines()
