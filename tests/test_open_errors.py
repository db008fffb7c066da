"""Opening a journal: each failure a person can meet says what it is, in one line, with its
exit code, and leaves every file in the folder byte-identical.

Real SQLCipher files. Read-only and unreadable journals: ``test_open_permissions.py``.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from iltdesk.errors import (
    JournalDamaged,
    JournalError,
    JournalReadOnly,
    NotAJournal,
    UsageError,
    WrongPassphrase,
)
from iltdesk.lead import add_lead
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from iltdesk.store.wal import FRAME_SIZE, WAL_HEADER, wal_pages
from tests.conftest import PASSPHRASE, REPO

State = dict[str, tuple[int, bytes]]
CRASHED_WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from iltdesk.store.journal import Journal
    from iltdesk.lead import add_lead
    journal = Journal.create(Path(sys.argv[1]), sys.argv[2])
    for i in range(12):
        add_lead(journal, f"Lead {i}")
    os._exit(0)  # no close: the committed edits stay in the WAL, as after a crash
    """
)


def folder_state(folder: Path) -> State:
    """Every entry of ``folder`` by mode and contents (a link by its target)."""
    state: State = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            state[entry.name] = (info.st_mode, os.readlink(entry).encode())
        elif stat.S_ISREG(info.st_mode) and info.st_mode & 0o400:
            state[entry.name] = (info.st_mode, entry.read_bytes())
        else:
            state[entry.name] = (info.st_mode, b"")
    return state


def flip(path: Path, offset: int, mask: int = 0x5A) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A journal closed cleanly, and one a crash left with twelve commits in its WAL."""
    root = tmp_path_factory.mktemp("templates")
    closed = root / "closed" / "j.iltdesk"
    with Journal.create(closed, PASSPHRASE) as journal:
        for i in range(12):
            add_lead(journal, f"Lead {i}")
    crashed = root / "crashed" / "j.iltdesk"
    crashed.parent.mkdir()
    cmd = [sys.executable, "-c", CRASHED_WRITER, str(crashed), PASSPHRASE]
    subprocess.run(cmd, check=True, timeout=120, cwd=REPO)
    assert any(n == 1 for n, _ in wal_pages(crashed)), "page 1 should have a copy in the WAL"
    return {"closed": closed, "crashed": crashed}


def copy_of(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for entry in template.parent.iterdir():
        shutil.copyfile(entry, folder / entry.name)
    return folder / template.name


# Each case makes its files in a folder and returns (path to open, passphrase).
Case = Callable[[dict[str, Path], Path], tuple[Path, str]]


def page_1(kind: str, secret: str, offset: int) -> Case:
    def make(t: dict[str, Path], folder: Path) -> tuple[Path, str]:
        journal = copy_of(t[kind], folder)
        flip(journal, offset)
        return journal, secret

    return make


def wal_frame_3(via: str, secret: str = PASSPHRASE) -> Case:
    """A crash-left WAL with a byte flipped in frame 3, opened directly, by a link or relatively."""

    def make(t: dict[str, Path], folder: Path) -> tuple[Path, str]:
        journal = copy_of(t["crashed"], folder / "real")
        flip(Path(f"{journal}-wal"), WAL_HEADER + 2 * FRAME_SIZE + 500)
        if via == "link":
            (folder / "link.iltdesk").symlink_to(journal)
            return folder / "link.iltdesk", secret
        if via == "relative":
            return Path(os.path.relpath(journal)), secret
        return journal, secret

    return make


def other_file(content: bytes) -> Case:
    def make(t: dict[str, Path], folder: Path) -> tuple[Path, str]:
        folder.mkdir()
        (folder / "file").write_bytes(content)
        return folder / "file", PASSPHRASE

    return make


def cut_short(t: dict[str, Path], folder: Path) -> tuple[Path, str]:
    journal = copy_of(t["closed"], folder)
    with journal.open("r+b") as fh:
        fh.truncate(journal.stat().st_size - PAGE_SIZE // 2)
    return journal, PASSPHRASE


def special(kind: str) -> Case:
    def make(t: dict[str, Path], folder: Path) -> tuple[Path, str]:
        folder.mkdir()
        if kind == "device":
            (folder / "dev").symlink_to("/dev/null")
            return folder / "dev", PASSPHRASE
        if kind == "pipe":
            os.mkfifo(folder / "pipe")
            return folder / "pipe", PASSPHRASE
        (folder / "a").symlink_to(folder / "b")
        (folder / "b").symlink_to(folder / "a")
        return folder / "a", PASSPHRASE

    return make


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 300
RANDOM = os.urandom(3 * PAGE_SIZE + 100)
CASES: dict[str, tuple[Case, type[JournalError], int, str]] = {
    "page 1 damaged, right passphrase": (
        page_1("closed", PASSPHRASE, 100),
        JournalDamaged,
        4,
        "is damaged: its first page is damaged. The file has not been changed; restore",
    ),
    "page 1 damaged, wrong passphrase": (
        page_1("closed", "not it", 100),
        WrongPassphrase,
        3,
        "The passphrase does not unlock",
    ),
    # No copy of the salt anywhere: nothing can tell this from a mistyped passphrase.
    "salt damaged, no WAL, right passphrase": (
        page_1("closed", PASSPHRASE, 5),
        WrongPassphrase,
        3,
        "The passphrase does not unlock",
    ),
    "salt damaged, crash-left WAL, right passphrase": (
        page_1("crashed", PASSPHRASE, 5),
        JournalDamaged,
        4,
        "is damaged: the salt at the head of its file is damaged.",
    ),
    "salt damaged, crash-left WAL, wrong passphrase": (
        page_1("crashed", "not it", 5),
        WrongPassphrase,
        3,
        "The passphrase does not unlock",
    ),
    "page 1 damaged, crash-left WAL, right passphrase": (
        page_1("crashed", PASSPHRASE, 100),
        JournalDamaged,
        4,
        "its first page is damaged",
    ),
    "WAL frame 3 damaged, direct": (
        wal_frame_3("direct"),
        JournalDamaged,
        4,
        "write-ahead log is corrupt before its last saved change",
    ),
    "WAL frame 3 damaged, through a link": (
        wal_frame_3("link"),
        JournalDamaged,
        4,
        "write-ahead log is corrupt before its last saved change",
    ),
    "WAL frame 3 damaged, relative path": (
        wal_frame_3("relative"),
        JournalDamaged,
        4,
        "write-ahead log is corrupt before its last saved change",
    ),
    "crash-left WAL, wrong passphrase, through a link": (
        wal_frame_3("link", "not it"),
        WrongPassphrase,
        3,
        "The passphrase does not unlock",
    ),
    "a PDF": (other_file(PDF), NotAJournal, 4, "is not an iltdesk journal."),
    "random bytes, not whole pages": (
        other_file(RANDOM),
        NotAJournal,
        4,
        "is not an iltdesk journal (or it is one that has been cut short",
    ),
    "a journal cut short": (cut_short, JournalDamaged, 4, "is damaged: it has been cut short."),
    "a device": (special("device"), UsageError, 2, "is not a regular file (a device)"),
    "a pipe": (special("pipe"), UsageError, 2, "is not a regular file (a pipe)"),
    "a link loop": (special("loop"), UsageError, 2, "cannot be used as a journal"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_open_errors(
    name: str, templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, kind, code, words = CASES[name]
    monkeypatch.chdir(tmp_path)
    path, secret = make(templates, tmp_path / "case")
    folders = [p for p in (tmp_path / "case", tmp_path / "case" / "real") if p.is_dir()]
    before = [folder_state(f) for f in folders]
    with pytest.raises(JournalError) as caught:
        Journal.open(path, secret).close()
    error = caught.value
    assert type(error) is kind, f"{name}: {type(error).__name__}: {error}"
    assert error.exit_code == code
    assert words in str(error)
    assert "\n" not in str(error)
    assert str(path) in str(error), "the message names the path the person gave"
    assert [folder_state(f) for f in folders] == before


def test_only_a_failed_open_pays_for_telling_damage_from_a_wrong_passphrase(
    templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ordinary path derives the key once (SQLCipher); the check costs only on failure."""
    from iltdesk.store import diagnose

    salts: list[bytes] = []
    real = diagnose._hmac_key

    def counting(secret: bytes, salt: bytes) -> bytes:
        salts.append(salt)
        return real(secret, salt)

    monkeypatch.setattr(diagnose, "_hmac_key", counting)
    journal = copy_of(templates["closed"], tmp_path / "ok")
    Journal.open(journal, PASSPHRASE).close()
    assert salts == []
    with pytest.raises(WrongPassphrase):
        Journal.open(journal, "not it")
    assert len(salts) == 1


def test_read_only_on_a_writable_journal_refuses_writes(journal_path: Path) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
    before = journal_path.read_bytes()
    with Journal.open(journal_path, PASSPHRASE, read_only=True) as journal:
        assert journal.read_only
        assert len(journal.execute("SELECT id FROM lead")) == 1
        with pytest.raises(JournalReadOnly, match="read-only"):
            add_lead(journal, "Dana Whitfield")
        with pytest.raises(JournalReadOnly):
            journal.execute("DELETE FROM lead")
    assert journal_path.read_bytes() == before


def test_a_journal_made_through_a_link_lives_where_the_link_leads(tmp_path: Path) -> None:
    real = tmp_path / "real" / "j.iltdesk"
    real.parent.mkdir()
    link = tmp_path / "j.iltdesk"
    link.symlink_to(real)
    with Journal.create(link, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
        assert Path(f"{real}-wal").exists()
        assert not Path(f"{link}-wal").exists()
    with Journal.open(link, PASSPHRASE) as journal:
        assert len(journal.execute("SELECT id FROM lead")) == 1


def test_read_only_migrates_a_writable_older_journal_first(tmp_path: Path) -> None:
    """Reading needs the current schema: a journal this process may change is migrated (after
    its verified backup), as any open does, and is read-only afterwards."""
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(REPO / "tests" / "fixtures" / "journal-0001.iltdesk", path)
    with Journal.open(path, "fixture-0001 passphrase", read_only=True) as journal:
        from iltdesk.store import schema

        revision = journal.execute("SELECT version_num FROM alembic_version")[0][0]
        assert revision == schema.HEAD_REVISION
        with pytest.raises(JournalReadOnly):
            add_lead(journal, "Dana Whitfield")
