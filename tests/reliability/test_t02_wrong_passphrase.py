"""T2 wrong passphrase: every wrong passphrase is refused with our error and changes nothing.

Each attempt is a real ``Journal.open`` (a full PBKDF2 derivation, ~0.2 s), so the short run
tries a dozen and the full run 1,000. After every attempt the journal's folder is compared
with a snapshot taken before: the same names, sizes, modification times and SHA-256 of each
file, and the folder's own modification time (a -wal or -shm created and removed again would
change it).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from iltdesk.errors import WrongPassphrase
from iltdesk.lead import add_lead, lead_summaries
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.connection import normalise_passphrase
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, Trials

Snapshot = dict[str, tuple[int, int, str]]
KINDS = (
    "empty",
    "very long",
    "non-ASCII",
    "near miss",
    "NUL byte",
    "random",
    "raw-key syntax",
    "SQL quoting",
    "lone surrogate",
)
SCRIPTS = (
    "äöüßéèñçøåæœ"
    + "ДЖЩЯжщя"
    + "中文日本語한국어"
    + "عربيעברית"
    + "🙂🔐👩‍🏫"
    + "\u0301\u200b\u00a0"
)


def snapshot(folder: Path) -> Snapshot:
    """Every entry of ``folder`` (and the folder itself) by size, mtime and content hash."""
    state: Snapshot = {".": (0, folder.stat().st_mtime_ns, "")}
    for entry in sorted(folder.iterdir()):
        info = entry.stat()
        digest = hashlib.sha256(entry.read_bytes()).hexdigest() if entry.is_file() else "dir"
        state[entry.name] = (info.st_size, info.st_mtime_ns, digest)
    return state


def near_miss(right: str, rnd: random.Random) -> str:
    """``right`` with one small slip: a character dropped, doubled, changed, or added."""
    i = rnd.randrange(len(right))
    slips = (
        right[:i] + right[i + 1 :],
        right[:i] + right[i] + right[i:],
        right[:i] + right[i].swapcase() + right[i + 1 :],
        right[:i] + chr(ord(right[i]) + 1) + right[i + 1 :],
        right + rnd.choice([" ", "\n", "\t", "1", "!"]),
        " " + right,
        right.upper(),
    )
    return rnd.choice(slips)


def wrong_passphrase(kind: str, right: str, rnd: random.Random) -> str:
    """A passphrase of ``kind`` that is certainly not ``right`` (even after NFC)."""
    while True:
        if kind == "empty":
            text = ""
        elif kind == "very long":
            text = right * (100_000 // len(right) + 1)
        elif kind == "non-ASCII":
            text = "".join(rnd.choice(SCRIPTS) for _ in range(rnd.randint(1, 40)))
        elif kind == "near miss":
            text = near_miss(right, rnd)
        elif kind == "NUL byte":
            i = rnd.randrange(len(right) + 1)
            text = right[:i] + "\x00" + right[i:]
        elif kind == "raw-key syntax":  # SQLCipher reads x'…' as a raw key, skipping the KDF
            text = "x'" + "".join(rnd.choice("0123456789ABCDEF") for _ in range(64)) + "'"
        elif kind == "SQL quoting":
            text = rnd.choice(["'", "''", "'; PRAGMA key = 'x", "\\'", '"', right + "'--"])
        elif kind == "lone surrogate":  # what a non-UTF-8 byte in a terminal becomes
            text = right[:5] + chr(rnd.randint(0xDC80, 0xDCFF)) + right[5:]
        else:
            text = "".join(chr(rnd.randint(1, 0x2FFF)) for _ in range(rnd.randint(1, 64)))
            text = text.encode("utf-8", "replace").decode("utf-8", "replace")
        if text != right and normalise_passphrase(text) != normalise_passphrase(right):
            return text


def make_journal(path: Path) -> None:
    with Journal.create(path, PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
        add_quick_note(journal, "Maya", "Planning release time for **SLO** data.")


def attempt_all(path: Path, count: int, rnd: random.Random) -> tuple[Counter[str], list[str]]:
    """Try ``count`` wrong passphrases; count each outcome, note what changed on disk."""
    before = snapshot(path.parent)
    outcomes: Counter[str] = Counter()
    changes: list[str] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        secret = wrong_passphrase(kind, PASSPHRASE, rnd)
        try:
            Journal.open(path, secret).close()
            outcomes["opened"] += 1
        except WrongPassphrase:
            outcomes["rejected"] += 1
        except Exception as exc:
            outcomes[f"{kind}: {type(exc).__name__}"] += 1
        after = snapshot(path.parent)
        if after != before:
            changes.append(f"{kind}: {sorted(set(after.items()) ^ set(before.items()))[:3]}")
            before = after
    return outcomes, changes


def test_wrong_passphrases_are_refused_and_change_nothing(
    journal_path: Path, trials: Trials, figure: Figure
) -> None:
    make_journal(journal_path)
    count = trials(len(KINDS) + 3, 1000)
    outcomes, changes = attempt_all(journal_path, count, random.Random(2))
    others = {k: v for k, v in outcomes.items() if k != "rejected"}
    ok = outcomes["rejected"] == count and not changes
    figure(
        "T2",
        "wrong passphrase",
        f"{outcomes['rejected']:,}/{count:,} rejected with WrongPassphrase "
        f"({len(KINDS)} kinds: {', '.join(KINDS)}); other outcomes {others or 'none'}; "
        f"folder changed after {len(changes)} attempts",
        ok,
    )
    assert not others, others
    assert not changes, changes[:5]
    with Journal.open(journal_path, PASSPHRASE) as journal:
        assert [s.name for s in lead_summaries(journal)] == ["Maya Ortiz"]


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


@pytest.mark.parametrize("via", ["direct", "symlink", "relative"])
def test_wrong_passphrases_leave_a_crash_left_wal_alone(
    tmp_path: Path,
    journal_path: Path,
    trials: Trials,
    figure: Figure,
    via: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Directly, through a symlink (SQLite keeps the WAL beside the link's target), and by a
    path relative to another folder."""
    journal_path.parent.mkdir(parents=True)
    cmd = [sys.executable, "-c", CRASHED_WRITER, str(journal_path), PASSPHRASE]
    subprocess.run(cmd, check=True, timeout=120)
    assert Path(f"{journal_path}-wal").stat().st_size > 0
    opened = journal_path
    if via == "symlink":
        opened = tmp_path / "elsewhere" / "link.iltdesk"
        opened.parent.mkdir()
        opened.symlink_to(journal_path)
    if via == "relative":
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")
        opened = Path("..") / journal_path.relative_to(tmp_path)
    pristine = tmp_path / "pristine"
    shutil.copytree(journal_path.parent, pristine)
    before = snapshot(journal_path.parent)
    beside_link = snapshot(opened.parent)
    rnd = random.Random(3)
    count = trials(3, 60)
    refused = changed = 0
    for i in range(count):
        secret = wrong_passphrase(KINDS[3 + i % 3], PASSPHRASE, rnd)  # near miss, NUL, random
        try:
            Journal.open(opened, secret).close()
        except WrongPassphrase:
            refused += 1
        if snapshot(journal_path.parent) != before or snapshot(opened.parent) != beside_link:
            changed += 1
            shutil.rmtree(journal_path.parent)  # put the crash-left state back for the next one
            shutil.copytree(pristine, journal_path.parent)
            os.utime(journal_path.parent, ns=(before["."][1], before["."][1]))
    ok = refused == count and changed == 0
    figure(
        "T2",
        "wrong passphrase after a crash (WAL left beside the journal)"
        + {"direct": "", "symlink": ", through a symlink", "relative": ", by a relative path"}[via],
        f"{refused}/{count} rejected; journal or WAL changed by {changed}/{count} attempts",
        ok,
    )
    assert refused == count
    assert changed == 0, "a wrong passphrase checkpointed the crash-left WAL into the journal"
    with Journal.open(opened, PASSPHRASE) as journal:
        assert len(lead_summaries(journal)) == 12


def test_the_cli_exits_3_with_a_plain_message(
    journal_path: Path, trials: Trials, figure: Figure
) -> None:
    make_journal(journal_path)
    before = snapshot(journal_path.parent)
    rnd = random.Random(4)
    kinds = ("near miss", "non-ASCII", "very long", "lone surrogate", "SQL quoting", "random")
    count = trials(3, 24)
    codes: Counter[int] = Counter()
    for i in range(count):
        secret = wrong_passphrase(kinds[i % len(kinds)], PASSPHRASE, rnd)
        # The environment cannot hold NUL; a lone surrogate reaches the child as a non-UTF-8 byte.
        secret = secret.replace("\x00", "")
        result = run_cli("check", str(journal_path), env={"ILTDESK_PASSPHRASE": secret})
        codes[result.returncode] += 1
        if result.returncode == 3:
            assert result.stderr == (
                f"iltdesk: The passphrase does not unlock {journal_path}. Check Caps Lock.\n"
            )
            assert result.stdout == ""
    unchanged = snapshot(journal_path.parent) == before
    figure(
        "T2",
        "wrong passphrase in the CLI (`iltdesk check`)",
        f"{codes[3]}/{count} exited 3 with the one-line message; exit codes {dict(codes)}; "
        f"folder {'unchanged' if unchanged else 'CHANGED'}",
        codes[3] == count and unchanged,
    )
    assert codes == Counter({3: count})
    assert unchanged
