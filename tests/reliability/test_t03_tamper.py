"""T3 tamper: flip one byte in the salt, page 1, a random page and the WAL.

Each trial copies a journal, flips one random bit pattern in one byte of one region, then opens
the copy and runs ``check`` on it, as ``iltdesk check`` does. A flip counts as detected when the
open is refused with one of our errors or ``check`` reports a problem.

A flip in page 1 or in the salt must say "damaged" (``JournalDamaged``), not "wrong passphrase",
whenever anything can tell: page 1 always (the other pages prove the key), the salt when a
crash-left WAL still holds a copy of page 1 or a backup in the journal's backups folder
remembers it (the journal records its salt on each writable open). A damaged salt with no copy
anywhere is refused as a wrong passphrase: no reader can tell it from one. The WAL flips also
run through a symlink and a relative path, where SQLite keeps the WAL beside the link's target.

One case cannot be detected by any reader of the format: a flip in the WAL's final frame makes
that frame fail its checksum exactly as a write torn by a power cut does, and SQLite then drops
the last commit. Such a flip must return exactly the journal as it was before that commit; it
is counted and reported on its own ("rolled back"), never as detected.
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from iltdesk.errors import JournalError
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.backups import backups_dir, check, rotation
from iltdesk.store.connection import PAGE_SIZE
from iltdesk.store.journal import Journal
from iltdesk.store.wal import wal_pages
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Figure, Trials

Snapshot = list[tuple[object, ...]]
Original = tuple[Path, Snapshot, Snapshot]  # file, its rows, its rows before the last commit
FRAME = 24 + PAGE_SIZE
# What a refusal must say, where the passphrase is right (other regions: any of our errors).
EXPECTED = {
    "page 1": "refused:JournalDamaged",
    "salt, copy in the WAL": "refused:JournalDamaged",
    "salt, with a backup": "refused:JournalDamaged",
    "salt": "refused:WrongPassphrase",  # no copy of the salt anywhere: cannot be told
}
# Region -> (journal, how it is opened).
REGIONS = {
    "salt": ("closed", "direct"),
    "salt, copy in the WAL": ("live", "direct"),
    "salt, with a backup": ("backed up", "direct"),
    "page 1": ("closed", "direct"),
    "random page": ("closed", "direct"),
    "WAL": ("live", "direct"),
    "WAL through a symlink": ("live", "link"),
    "WAL by a relative path": ("live", "relative"),
}


@dataclass
class Tally:
    trials: int = 0
    detected: int = 0
    exact: int = 0  # not detected, but every row read back equals the original
    rolled_back: int = 0  # a flip in the WAL's final frame: exactly the state before it
    wrong: int = 0  # not detected and the data differs: the failure this test exists for
    mislabelled: int = 0  # refused, but not as EXPECTED says (e.g. damage as a wrong key)
    how: Counter[str] = field(default_factory=Counter)


def snapshot(journal: Journal) -> Snapshot:
    return [
        *journal.execute("SELECT id, name FROM lead ORDER BY id"),
        *journal.execute("SELECT id, lead_id, held_on, notes FROM one_on_one ORDER BY id"),
    ]


def write_notes(journal: Journal, first: int, count: int) -> None:
    for n in range(first, first + count):
        add_quick_note(journal, "Rosa Delgado", f"Note {n}: " + "trust and norms " * (n % 40 + 1))


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Original]:
    """Three journals: one closed cleanly, one copied while open with commits only in its WAL,
    and one reopened (so it records its salt) with an automatic backup beside it."""
    folder = tmp_path_factory.mktemp("t3")
    closed = folder / "closed" / "journal.iltdesk"
    with Journal.create(closed, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado")
        write_notes(journal, 0, 60)
        closed_rows = snapshot(journal)
    live = folder / "live" / "journal.iltdesk"
    live.parent.mkdir()
    shutil.copyfile(closed, live)
    with Journal.open(live, PASSPHRASE) as journal:
        write_notes(journal, 60, 11)  # a dozen commits that live only in the WAL
        before_last = snapshot(journal)
        write_notes(journal, 71, 1)
        wal_rows = snapshot(journal)
        shutil.copyfile(live, folder / "journal.iltdesk")
        shutil.copyfile(f"{live}-wal", folder / "journal.iltdesk-wal")
    shutil.rmtree(live.parent)
    live.parent.mkdir()
    for name in ("journal.iltdesk", "journal.iltdesk-wal"):
        (folder / name).rename(live.parent / name)
    backed = folder / "backed" / "journal.iltdesk"
    backed.parent.mkdir()
    shutil.copyfile(closed, backed)
    with Journal.open(backed, PASSPHRASE) as journal:
        rotation.take(journal, datetime.now())
    return {
        "closed": (closed, closed_rows, closed_rows),
        "live": (live, wal_rows, before_last),
        "backed up": (backed, closed_rows, closed_rows),
    }


def flip(path: Path, offset: int, mask: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)[0]
        fh.seek(offset)
        fh.write(bytes([byte ^ mask]))


def opened_as(copy: Path, via: str) -> Path:
    """The path ``copy`` is opened by: itself, a symlink beside its folder, or relative."""
    if via == "link":
        link = copy.parent.parent / f"link-{copy.name}"
        link.unlink(missing_ok=True)
        link.symlink_to(copy)
        return link
    return Path(os.path.relpath(copy)) if via == "relative" else copy


def trial(
    original: Original, target: str, offset: int, mask: int, work: Path, via: str = "direct"
) -> str:
    """Tamper with a copy; return how it came out: 'refused:<Error>', 'check', 'exact',
    'rolled back' (the state before the last commit) or 'wrong'.
    """
    source, rows, before_last = original
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    copy = work / source.name
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    if backups_dir(source).is_dir():
        shutil.copytree(backups_dir(source), backups_dir(copy))
    flip(Path(f"{copy}{target}"), offset, mask)
    try:
        with Journal.open(opened_as(copy, via), PASSPHRASE) as journal:
            read_back = snapshot(journal)
            report = check(journal)
    except JournalError as exc:
        return f"refused:{type(exc).__name__}"
    if not report.ok:
        return "check"
    if read_back == rows:
        return "exact"
    return "rolled back" if read_back == before_last else "wrong"


def offsets(where: str, rng: random.Random, sizes: dict[str, int]) -> tuple[str, int]:
    """(file suffix, byte offset) of one random byte in region ``where``."""
    if where.startswith("salt"):
        return "", rng.randrange(16)
    if where == "page 1":
        return "", rng.randrange(16, PAGE_SIZE)
    if where == "random page":
        page = rng.randrange(2, sizes["main"] // PAGE_SIZE + 1)
        return "", (page - 1) * PAGE_SIZE + rng.randrange(PAGE_SIZE)
    return "-wal", rng.randrange(sizes["wal"])


def test_one_flipped_byte_is_always_detected(
    originals: dict[str, Original], tmp_path: Path, trials: Trials, figure: Figure
) -> None:
    count = trials(3, 100)
    rng = random.Random()
    tallies: dict[str, Tally] = {}
    assert any(n == 1 for n, _ in wal_pages(originals["live"][0])), "page 1 not in the WAL"
    for where, (which, via) in REGIONS.items():
        original = originals[which]
        source = original[0]
        wal = Path(f"{source}-wal")
        sizes = {"main": source.stat().st_size, "wal": wal.stat().st_size if wal.exists() else 0}
        tally = tallies[where] = Tally()
        for _ in range(count):
            suffix, offset = offsets(where, rng, sizes)
            mask = rng.randrange(1, 256)
            result = trial(original, suffix, offset, mask, tmp_path / "work", via)
            in_final_frame = suffix == "-wal" and offset >= sizes["wal"] - FRAME
            if result == "rolled back" and not in_final_frame:
                result = "wrong"
            tally.trials += 1
            tally.how[result] += 1
            tally.detected += result.startswith("refused") or result == "check"
            tally.exact += result == "exact"
            tally.rolled_back += result == "rolled back"
            tally.wrong += result == "wrong"
            tally.mislabelled += where in EXPECTED and result != EXPECTED[where]
    for where, t in tallies.items():
        ways = ", ".join(f"{n} {how}" for how, n in sorted(t.how.items()))
        figure(
            "T3",
            f"tamper {where}",
            f"{t.detected}/{t.trials} detected, {t.wrong} returned wrong data silently"
            + (f", {t.rolled_back} rolled back the last commit" if "WAL" in where else "")
            + (f", {t.mislabelled} not {EXPECTED[where]}" if where in EXPECTED else "")
            + f" ({ways})",
            t.detected + t.rolled_back == t.trials and t.wrong == 0 and t.mislabelled == 0,
        )
    assert all(t.wrong == 0 for t in tallies.values()), tallies
    assert all(t.mislabelled == 0 for t in tallies.values()), tallies
    assert all(t.detected + t.rolled_back == t.trials for t in tallies.values()), tallies
