"""Nothing a person types can write over the journal: every path a command writes is checked.

Each case runs the real command line on a real journal and asserts the exit code, the one
plain line, and that every file in the folders involved is exactly as it was.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.destination import check_destination, check_restore_target
from iltdesk.errors import UsageError
from iltdesk.store.backups import backup, backups_dir
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_ui_export import _lead_with_a_closed_cycle

Snapshot = dict[str, tuple[str, int, bytes]]


def snapshot(*folders: Path) -> Snapshot:
    """Every entry under ``folders``: its kind, mode and (for regular files) bytes.

    FIFOs and devices are never opened: reading one would block or read a device. The app's
    own log folder (platformdirs' state folder) is left out: every CLI run makes it for its
    native crash log, which a clean exit deletes.
    """
    seen: Snapshot = {}
    for folder in folders:
        for entry in sorted(folder.rglob("*")):
            if ".local/state" in entry.as_posix() or entry.name == ".local":
                continue  # (.local holds nothing of ours but the state folder, when it is new)
            info = entry.lstat()
            kind = stat.S_IFMT(info.st_mode)
            data = entry.read_bytes() if stat.S_ISREG(info.st_mode) else b""
            target = os.readlink(entry).encode() if entry.is_symlink() else b""
            seen[str(entry)] = (oct(kind), stat.S_IMODE(info.st_mode), data + target)
    return seen


@pytest.fixture
def place(tmp_path: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal with a lead and a closed cycle (so an export would succeed), a backup of it,
    and an ``elsewhere`` folder holding a link, a hard link, a FIFO and a folder."""
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    with Journal.create(journal_path, PASSPHRASE) as journal:
        _lead_with_a_closed_cycle(journal)
        backup(journal, tmp_path / "kept" / "monday.iltdesk")
    backups_dir(journal_path).mkdir(mode=0o700)
    (backups_dir(journal_path) / "school.auto-20261201-090000.iltdesk").write_bytes(b"old")
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "link.pdf").symlink_to(journal_path)
    os.link(journal_path, other / "hard.pdf")
    os.mkfifo(other / "pipe.pdf")
    (other / "folder.pdf").mkdir()
    (other / "old.pdf").write_bytes(b"an older export")
    (other / "notes.db").write_bytes(b"another program's database")
    (other / "other.iltdesk").write_bytes(b"someone else's journal")
    if os.geteuid() == 0:  # a device node, as root could meet /dev/null
        os.mknod(other / "device.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    return tmp_path


def _expand(place: Path, word: str) -> str:
    """``J`` the journal (``J-wal`` its WAL…), ``B`` its backup, ``E/x`` a file elsewhere,
    ``.backups/x`` in its backups folder."""
    journal = place / "journals" / "school.iltdesk"
    if word == "B":
        return str(place / "kept" / "monday.iltdesk")
    if word.startswith("J"):
        return str(journal) + word[1:]
    if word.startswith("E/"):
        return str(place / "elsewhere" / word[2:])
    if word.startswith(".backups"):
        return str(backups_dir(journal)) + word.removeprefix(".backups")
    return word


def _export(place: Path, out: str, *more: str) -> list[str]:
    journal = place / "journals" / "school.iltdesk"
    return ["export", str(journal), "--lead", "Rosa", "-o", _expand(place, out), *more]


REFUSED: list[tuple[str, list[str], str]] = [
    ("the journal", ["J"], "journal's own file"),
    ("the journal, forced", ["J", "--force"], "journal's own file"),
    ("its WAL", ["J-wal"], "journal's own file"),
    ("its shared memory", ["J-shm"], "journal's own file"),
    ("its rollback journal", ["J-journal"], "journal's own file"),
    ("a link to it", ["E/link.pdf", "--force"], "journal's own file"),
    ("a hard link to it", ["E/hard.pdf", "--force"], "journal's own file"),
    ("its backups folder", [".backups"], "backups"),
    ("a backup in it", [".backups/school.auto-20261201-090000.iltdesk", "--force"], "backups"),
    ("a FIFO", ["E/pipe.pdf", "--force"], "not a regular file"),
    ("a folder", ["E/folder.pdf", "--force"], "is a folder"),
    ("an existing file", ["E/old.pdf"], "already exists; pass --force"),
    ("another journal", ["E/other.iltdesk", "--force"], "is an iltdesk journal"),
    ("another database's WAL", ["E/notes.db-wal"], "belongs to the database"),
    ("a missing folder", ["E/missing/x.pdf"], "no folder"),
]


@pytest.mark.parametrize(("what", "out", "said"), REFUSED, ids=[r[0] for r in REFUSED])
def test_export_never_writes_over_what_it_must_not(
    place: Path, what: str, out: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(place)
    assert main(_export(place, *out)) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1, err
    assert snapshot(place) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_export_never_replaces_a_device(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = place / "elsewhere" / "device.pdf"
    before = snapshot(place)
    assert main(_export(place, "E/device.pdf", "--force")) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISCHR(device.lstat().st_mode) and snapshot(place) == before


def test_export_replaces_an_older_export_only_when_told(
    qapp: QApplication, place: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """(``qapp``: the export makes a QGuiApplication otherwise, and the widgets of later
    tests in this process would have no QApplication.)"""
    old = place / "elsewhere" / "old.pdf"
    assert main(_export(place, "E/old.pdf")) == 2
    assert old.read_bytes() == b"an older export"
    assert main(_export(place, "E/old.pdf", "--force")) == 0
    assert old.read_bytes().startswith(b"%PDF") and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert "Wrote" in capsys.readouterr().out


WRITERS: list[tuple[str, str, str]] = [
    ("backup onto the WAL", "backup J J-wal", "journal's own file"),
    ("backup onto a link", "backup J E/link.pdf", "journal's own file"),
    ("backup onto a FIFO", "backup J E/pipe.pdf", "not a regular file"),
    ("backup over a file", "backup J E/old.pdf", "already exists"),
    ("restore onto itself", "restore B B --force", "the backup itself"),
    ("restore into a folder", "restore B E/folder.pdf --force", "folder"),
    ("restore into a FIFO", "restore B E/pipe.pdf --force", "regular"),
    ("restore over, unforced", "restore B J", "pass --force"),
    ("init as the WAL", "init J-wal", "belongs to the database"),
    ("init on a FIFO", "init E/pipe.pdf", "not a regular file"),
    ("demo on another DB's WAL", "demo E/notes.db-wal", "belongs to"),
]


@pytest.mark.parametrize(("what", "words", "said"), WRITERS, ids=[w[0] for w in WRITERS])
def test_other_writing_commands_are_checked_too(
    place: Path,
    what: str,
    words: str,
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command, *rest = words.split()
    argv = [command, *(_expand(place, w) for w in rest)]
    before = snapshot(place)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1, err
    assert snapshot(place) == before


def test_the_core_checks_as_well(place: Path) -> None:
    """The app writes through the same check (its save dialog has asked about replacing)."""
    journal = place / "journals" / "school.iltdesk"
    for dest in (journal, Path(f"{journal}-wal"), place / "elsewhere" / "hard.pdf"):
        with pytest.raises(UsageError, match="journal's own file"):
            check_destination(dest, journal=journal, replace=True)
    fresh = place / "elsewhere" / "new.pdf"
    assert check_destination(fresh, journal=journal) == fresh
    link = place / "elsewhere" / "to-old.pdf"
    link.symlink_to(place / "elsewhere" / "old.pdf")
    assert check_destination(link, journal=journal, replace=True) == place / "elsewhere" / "old.pdf"
    with pytest.raises(UsageError, match="backup itself"):
        check_restore_target(journal, backup=place / "elsewhere" / "link.pdf", replace=True)
