"""T14: paths that point at the journal. Every writing command is given every destination it
must refuse (the journal, its companions, links and hard links to it, its backups, another
database's companion, folders, FIFOs, devices, existing files without --force) in real
processes; each must exit 2 with one plain line and leave every file as it was. Then the
same commands are given the journal through a symlink and a relative path and must behave
exactly as with the real path.

Short run: every case once in-process, and a few in real processes; full run: every case in
real processes, ``trials`` times over.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk.cli.main import main
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, Trials, full_run
from tests.test_destination import REFUSED, WRITERS, _expand, snapshot
from tests.test_destination import place as place  # the journal and its hostile neighbours

CASES: list[tuple[str, list[str], str]] = [
    (what, ["export", "J", "--lead", "Rosa", "-o", *out], said) for what, out, said in REFUSED
] + [(what, words.split(), said) for what, words, said in WRITERS]


def _argv(place: Path, words: list[str]) -> list[str]:
    return [words[0], *(_expand(place, w) for w in words[1:])]


def test_t14_no_destination_can_overwrite_the_journal(
    place: Path, trials: Trials, figure: Figure, capsys: pytest.CaptureFixture[str]
) -> None:
    rounds = trials(1, 5)
    in_process = 0 if full_run() else 1
    real = CASES if full_run() else random.Random(14).sample(CASES, 4)
    changed: list[str] = []
    codes: dict[int, int] = {}
    many_lines = 0
    runs = 0
    for _ in range(in_process):
        for what, words, said in CASES:
            before = snapshot(place)
            code = main(_argv(place, words))
            err = capsys.readouterr().err
            runs += 1
            codes[code] = codes.get(code, 0) + 1
            many_lines += err.count("\n") != 1 or said not in err
            if snapshot(place) != before:
                changed.append(what)
    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    for _ in range(rounds):
        for what, words, said in real:
            before = snapshot(place)
            done = run_cli(*_argv(place, words), env=env)
            runs += 1
            codes[done.returncode] = codes.get(done.returncode, 0) + 1
            many_lines += done.stderr.count("\n") != 1 or said not in done.stderr
            if snapshot(place) != before:
                changed.append(what)
    ok = not changed and set(codes) == {2} and not many_lines
    figure(
        "T14",
        "destinations",
        f"{len(CASES)} kinds of destination (the journal, its -wal/-shm/-journal, a link and a "
        f"hard link to it, its backups, another database's companion, FIFO, folder, existing "
        f"file, another journal; export, backup, restore, init, demo): {runs} runs "
        f"({runs - in_process * len(CASES)} in real processes); exit codes {codes}; "
        f"{many_lines} without the one plain line; files changed by {len(changed)} "
        f"{sorted(set(changed))}",
        ok,
    )
    assert ok


def test_t14_a_journal_through_a_link_or_a_relative_path_is_the_journal(
    place: Path, figure: Figure, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Search, note and check give the same answers whichever way the journal is named."""
    journal = place / "journals" / "school.iltdesk"
    link = place / "elsewhere" / "my-journal.iltdesk"
    link.symlink_to(journal)
    names = {"real": str(journal), "link": str(link), "relative": "../journals/school.iltdesk"}
    for how, name in names.items():
        noted = _run_in(link.parent, "note", name, "--lead", "Rosa", f"walkthrough {how}")
        assert noted.returncode == 0, noted.stderr
    seen: dict[str, tuple[int, str]] = {}
    for how, name in names.items():
        found = _run_in(link.parent, "search", name, "walkthrough", "--json")
        seen[how] = (found.returncode, str(found.stdout.count('"kind"')))
    checked = _run_in(link.parent, "check", str(link))
    leftovers = [p.name for p in link.parent.iterdir() if p.name.startswith("my-journal")]
    ok = (
        seen == {"real": (0, "3"), "link": (0, "3"), "relative": (0, "3")}
        and checked.returncode == 0
        and leftovers == ["my-journal.iltdesk"]
        and os.path.islink(link)
    )
    figure(
        "T14",
        "journal through a link or a relative path",
        f"note + search by real path, link and relative path: {seen} (exit code, hits); "
        f"check through the link exit {checked.returncode}; files beside the link "
        f"{leftovers}; the link is still a link: {os.path.islink(link)}",
        ok,
    )
    assert ok


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``iltdesk ARGS`` started in ``folder``, as from a shell there."""
    env = {**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "iltdesk", *args]
    return subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, check=False, timeout=120
    )
