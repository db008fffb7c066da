"""Read-only and unreadable journals: an honest line and exit code 8, reading still works
where SQLite can read without changing a file, and nothing in the folder ever changes.

Permissions do not bind root, so as root each case runs in a child process as ``nobody``
(``setpriv``); as anyone else it runs as that user.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO

AS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(
    os.name != "posix" or (AS_ROOT and SETPRIV is None),
    reason="needs POSIX permissions, and setpriv to drop root's",
)

# Opens the journal as the unprivileged user; prints what happened as JSON.
PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from iltdesk.errors import JournalError
    from iltdesk.lead import add_lead
    from iltdesk.store.journal import Journal
    out = {}
    try:
        with Journal.open(Path(sys.argv[1]), sys.argv[2], read_only=sys.argv[3] == "1") as j:
            out["leads"] = len(j.execute("SELECT id FROM lead"))
            try:
                add_lead(j, "Dana Whitfield")
                out["write"] = "written"
            except JournalError as exc:
                out["write"] = [type(exc).__name__, exc.exit_code, str(exc)]
    except JournalError as exc:
        out["error"] = [type(exc).__name__, exc.exit_code, str(exc)]
    print(json.dumps(out))
    """
)


def as_user(args: list[str], home: Path, env: dict[str, str] | None = None) -> list[str]:
    full_env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        **(env or {}),
    }
    prefix = [SETPRIV or "", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    words = [f"{k}={v}" for k, v in full_env.items()]
    return ["env", "-i", *words, *(prefix if AS_ROOT else []), sys.executable, *args]


def owned(path: Path) -> None:
    if AS_ROOT:
        shutil.chown(path, "nobody", "nogroup")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("perm-templates")
    closed = root / "closed" / "j.iltdesk"
    with Journal.create(closed, PASSPHRASE) as journal:
        for i in range(3):
            add_lead(journal, f"Lead {i}")
    crashed = root / "crashed" / "j.iltdesk"
    crashed.parent.mkdir()
    writer = (
        "import os, sys; from pathlib import Path; from iltdesk.store.journal import Journal;"
        "from iltdesk.lead import add_lead; j = Journal.create(Path(sys.argv[1]), sys.argv[2]);"
        "[add_lead(j, f'Lead {i}') for i in range(3)]; os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", writer, str(crashed), PASSPHRASE], check=True, cwd=REPO)
    assert Path(f"{crashed}-wal").exists()
    return {"closed": closed, "crashed": crashed}


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder the unprivileged user can reach (pytest's tmp_path is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="iltdesk-perm-"))
    base.chmod(0o755)
    (base / "home").mkdir()
    owned(base / "home")
    yield base
    for folder, _, _ in os.walk(base):
        os.chmod(folder, 0o755)
    shutil.rmtree(base)


def state(folder: Path) -> dict[str, tuple[int, str]]:
    out = {".": (folder.stat().st_mode, str(folder.stat().st_mtime_ns))}
    for entry in sorted(folder.iterdir()):
        out[entry.name] = (entry.stat().st_mode, hashlib.sha256(entry.read_bytes()).hexdigest())
    return out


def lay_out(template: Path, place: Path, how: str) -> Path:
    folder = place / "journals"
    folder.mkdir()
    for entry in template.parent.iterdir():
        shutil.copyfile(entry, folder / entry.name)
        owned(folder / entry.name)
        (folder / entry.name).chmod(0o600)
    owned(folder)
    journal = folder / template.name
    if how == "file 0400":
        for entry in folder.iterdir():
            entry.chmod(0o400)
    elif how == "folder read-only":
        folder.chmod(0o555)
    elif how == "file 000":
        journal.chmod(0)
    return journal


READ = "read only"
# (template, how, read_only) -> (error type or None, exit code, words; leads read, write error)
CASES = {
    ("closed", "file 0400", False): ("JournalReadOnly", 8, "cannot be changed here: its file"),
    ("closed", "folder read-only", False): (
        "JournalReadOnly",
        8,
        "cannot be changed here: its folder",
    ),
    ("closed", "file 000", False): ("JournalUnreadable", 8, "You do not have permission to read"),
    ("closed", "file 000", True): ("JournalUnreadable", 8, "You do not have permission to read"),
    ("closed", "file 0400", True): (None, 8, READ),
    ("closed", "folder read-only", True): (None, 8, READ),
    # SQLite cannot read a WAL without creating files here: refused rather than shown stale.
    ("crashed", "file 0400", True): ("JournalReadOnly", 8, "holds changes an iltdesk"),
    ("crashed", "folder read-only", True): ("JournalReadOnly", 8, "holds changes an iltdesk"),
    ("crashed", "folder read-only", False): ("JournalReadOnly", 8, "its folder is read-only"),
}


@pytest.mark.parametrize(("kind", "how", "read_only"), list(CASES))
def test_read_only_and_unreadable_journals(
    kind: str, how: str, read_only: bool, templates: dict[str, Path], place: Path
) -> None:
    error, code, words = CASES[(kind, how, read_only)]
    journal = lay_out(templates[kind], place, how)
    before = state(journal.parent) if how != "file 000" else None
    cmd = as_user(
        ["-c", PROBE, str(journal), PASSPHRASE, "1" if read_only else "0"], place / "home"
    )
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    if error is None:
        assert out["leads"] == 3
        name, exit_code, message = out["write"]
        assert (name, exit_code) == ("JournalReadOnly", code)
        assert "is read-only here, so nothing was changed" in message
    else:
        name, exit_code, message = out["error"]
        assert (name, exit_code) == (error, code)
        assert words in message
        assert "\n" not in message
        assert str(journal) in message
    if before is not None:
        assert state(journal.parent) == before


@pytest.mark.parametrize("how", ["file 0400", "folder read-only", "file 000"])
def test_the_cli_says_so_in_one_line_with_exit_8(
    how: str, templates: dict[str, Path], place: Path
) -> None:
    journal = lay_out(templates["closed"], place, how)
    before = state(journal.parent) if how != "file 000" else None
    cmd = as_user(
        ["-m", "iltdesk", "note", str(journal), "--lead", "Lead 1", "a note"],
        place / "home",
        {"ILTDESK_PASSPHRASE": PASSPHRASE},
    )
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 8, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("iltdesk: ")
    assert "unexpected" not in result.stderr and "damaged" not in result.stderr
    if before is not None:
        assert state(journal.parent) == before
    assert stat.S_IMODE(journal.stat().st_mode) in (0o400, 0o600, 0)


@pytest.mark.parametrize("how", ["file 0400", "folder read-only"])
@pytest.mark.parametrize(
    ("words", "shows"),
    [
        (["search", "J", "Lead"], "Lead 1"),
        (["leads", "J"], "Lead 2"),
        (["check", "J"], "OK (passphrase"),
    ],
    ids=["search", "leads", "check"],
)
def test_the_commands_that_only_read_still_work(
    how: str, words: list[str], shows: str, templates: dict[str, Path], place: Path
) -> None:
    journal = lay_out(templates["closed"], place, how)
    before = state(journal.parent)
    argv = [str(journal) if w == "J" else w for w in words]
    cmd = as_user(["-m", "iltdesk", *argv], place / "home", {"ILTDESK_PASSPHRASE": PASSPHRASE})
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert shows in result.stdout
    assert state(journal.parent) == before
