"""SIGTERM while the app compacts a journal at unlock (logout, shutdown, ``kill``): the app
ends as on any signal (exit 0, no error, no crash at exit), the journal as it was (still
marked, so the next open compacts it), and what the cut-off copy left is swept by that open."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from iltdesk.demo import build_demo
from iltdesk.store import rewrite
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO

WAIT_S = 60


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_begun(folder: Path) -> bool:
    """Whether the compaction's copy has appeared beside the journal."""
    return any(p.name.startswith(".iltdesk-") for p in folder.iterdir())


def test_sigterm_during_compaction_leaves_the_journal_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "journals" / "school.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        build_demo(journal, entries=5000)  # a copy that takes a moment to write
        journal.set_settings({rewrite.PENDING: "0007"})
    before = digest(path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ILTDESK_PASSPHRASE": PASSPHRASE,
        "HOME": str(tmp_path / "home"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "iltdesk", "open", str(path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + WAIT_S
        while not copy_begun(path.parent) and app.poll() is None:
            assert time.monotonic() < deadline, "the compaction never began"
            time.sleep(0.005)
        # Held still mid-copy, so the signal lands while the copy is being written.
        app.send_signal(signal.SIGSTOP)
        app.send_signal(signal.SIGTERM)
        app.send_signal(signal.SIGCONT)
        _out, err = app.communicate(timeout=WAIT_S)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, err
    assert "iltdesk:" not in err and "Traceback" not in err, err
    assert digest(path) == before
    with Journal.open(path, PASSPHRASE, read_only=True) as journal:
        assert journal.settings().get(rewrite.PENDING) == "0007"
    with Journal.open(path, PASSPHRASE) as journal:  # the next open compacts it, and sweeps
        assert rewrite.PENDING not in journal.settings()
    assert sorted(p.name for p in path.parent.iterdir()) == ["school.iltdesk"]
