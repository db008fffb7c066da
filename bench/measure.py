"""The measurements, section by section; each returns per-run values keyed by size and metric.

Sizes are interleaved within each repeat (1k, 10k, 100k, then again), so that a size-to-size
or encrypted-to-plain ratio is always taken between figures measured in the same run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import cold
from bench.journals import REPO, Cache, cli_env, heaviest_lead, iltdesk_command, working_copy
from bench.jrnl_side import JrnlSide
from bench.stats import percentile

Runs = dict[str, dict[str, list[float]]]  # size label -> metric -> one value per run
NOTE_TEXT = "Walked the science wing with her after lunch: exit tickets in four of six rooms."
SEARCH_WORD = "baseline"


@dataclass
class Plan:
    """What a run measures and how often."""

    sizes: list[int]
    repeat: int
    saves: int = 100
    queries: int = 200
    warm: int = 50
    switches: int = 5
    renders: int = 3
    lead_records: int = 1000
    jrnl: bool = True
    jrnl_repeat_100k: int = 2
    memory_repeat: int = 3
    backup_repeat: int = 2
    open_repeat_100k: int = 1  # a whole-journal export and import at 100k take minutes
    heavy_lead_records: int = 2000  # the lead page's tabs: a lead with this many records
    tab_rounds: int = 7
    seen_repeat: int = 3  # the search dialog as seen: runs per size
    typing_seconds: int = 60  # typing into a 1:1 while dd writes to the same disk
    say: Callable[[str], None] = print


def label(entries: int) -> str:
    """1000 -> '1k', 100000 -> '100k', 300 -> '300'."""
    return f"{entries // 1000}k" if entries >= 1000 and entries % 1000 == 0 else str(entries)


@dataclass
class Workspace:
    """Per-run copies of the cached journals (the benchmark writes into them)."""

    cache: Cache
    folder: Path
    copies: dict[str, Path] = field(default_factory=dict)

    def copy(self, source: Path) -> Path:
        """This run's private copy of ``source``."""
        key = str(source)
        if key not in self.copies:
            self.copies[key] = working_copy(source, self.folder / "journals")
        return self.copies[key]

    @property
    def home(self) -> Path:
        """The private HOME every command runs with."""
        return self.cache.home


def run_module(
    module: str, argv: list[str], home: Path | None, *, timeout: float, what: str
) -> dict[str, Any]:
    """``python -m MODULE ARGV…`` in a fresh process (with the bench's private HOME when
    ``home`` is given), and the JSON it prints on its ``RESULT`` line."""
    env = cli_env(home) if home is not None else {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", module, *argv],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return result
    tail = proc.stderr.strip().splitlines()[-4:]
    raise cold.CommandFailed(f"{what} failed (exit {proc.returncode}): {tail}")


def probe(kind: str, args: dict[str, Any], home: Path) -> dict[str, Any]:
    """Run ``bench.probe KIND`` in a fresh process and return its result."""
    return run_module(
        "bench.probe",
        [kind, json.dumps(args)],
        home,
        timeout=cold.TIMEOUT_SECONDS,
        what=f"probe {kind}",
    )


def new_runs() -> Runs:
    """Empty per-size, per-metric run lists."""
    return defaultdict(lambda: defaultdict(list))


def in_app(plan: Plan, ws: Workspace) -> Runs:
    """Autosave and search-as-you-type, encrypted and plain, p50/p95 per run."""
    runs = new_runs()
    for r in range(plan.repeat):
        for size in plan.sizes:
            args = {
                "encrypted": str(ws.copy(ws.cache.demo(size))),
                "plain": str(ws.copy(ws.cache.plain(size))),
                "saves": plan.saves,
                "queries": plan.queries,
                "warm": plan.warm,
            }
            result = probe("core", args, ws.home)
            out = runs[label(size)]
            for what in ("save", "search"):
                for variant, times in result[what].items():
                    out[f"{what}_{variant}_p50"].append(percentile(times, 50))
                    out[f"{what}_{variant}_p95"].append(percentile(times, 95))
            plan.say(
                f"  in-app run {r + 1}, {label(size)}: save p95 "
                f"{out['save_encrypted_p95'][-1]:.1f} ms, search p95 "
                f"{out['search_encrypted_p95'][-1]:.1f} ms"
            )
    return runs


def _lead_name(journal: Path) -> str:
    from bench.journals import PASSPHRASE
    from iltdesk.store.journal import Journal

    with Journal.open(journal, PASSPHRASE) as opened:
        return heaviest_lead(opened)[1]


def cli_and_jrnl(plan: Plan, ws: Workspace, jrnl: JrnlSide | None) -> Runs:
    """Cold `iltdesk note`/`search` and, pair by pair, cold `jrnl "text"`/`jrnl -contains`."""
    runs = new_runs()
    env = cli_env(ws.home)
    homes: dict[int, Path] = {}
    leads: dict[int, str] = {}
    for r in range(plan.repeat):
        for size in plan.sizes:
            journal = ws.copy(ws.cache.demo(size))
            out = runs[label(size)]
            lead = leads.setdefault(size, _lead_name(journal))
            note = [*iltdesk_command(), "note", str(journal), "--lead", lead, NOTE_TEXT]
            search = [*iltdesk_command(), "search", str(journal), SEARCH_WORD]
            with_jrnl = jrnl is not None and (size < 100_000 or r < plan.jrnl_repeat_100k)
            if r == 0:
                # The day's first writing command also takes the day's backup (a copy of the
                # whole journal): one untimed note takes it, so every run times the same thing.
                cold.run_cold(note, env)
            if with_jrnl and size not in homes:
                assert jrnl is not None
                homes[size] = _jrnl_home(jrnl, ws, size)
            pairs: list[tuple[str, Callable[[], cold.ColdRun]]] = [
                ("iltdesk_note", lambda c=note: cold.run_cold(c, env)),
                ("iltdesk_search", lambda c=search: cold.run_cold(c, env)),
            ]
            if with_jrnl:
                assert jrnl is not None
                home = homes[size]
                pairs.insert(1 - r % 2, ("jrnl_add", lambda h=home: jrnl.add(h, NOTE_TEXT)))
                pairs.insert(
                    3 - r % 2, ("jrnl_search", lambda h=home: jrnl.contains(h, SEARCH_WORD))
                )
            for name, run in pairs:
                result = run()
                out[f"{name}_s"].append(result.seconds)
                out[f"{name}_mb"].append(result.peak_mb)
            plan.say(
                f"  cold commands run {r + 1}, {label(size)}: "
                + ", ".join(f"{name} {out[name + '_s'][-1]:.2f} s" for name, _ in pairs)
            )
    return runs


def _jrnl_home(jrnl: JrnlSide, ws: Workspace, size: int) -> Path:
    """A private jrnl HOME whose config points at this run's copy of the encrypted journal."""
    source = jrnl.journal(f"demo-{size}", ws.cache.demo(size))
    home = ws.folder / f"jrnl-home-{label(size)}"
    copy = working_copy(source, home)
    jrnl.configure(home, copy, encrypt=True)
    return home


def cold_start(plan: Plan, ws: Workspace) -> Runs:
    """Process start to unlocked main window, keychain path."""
    runs = new_runs()
    for r in range(plan.repeat):
        for size in plan.sizes:
            seconds = cold.cold_start(ws.copy(ws.cache.demo(size)), ws.home)
            runs[label(size)]["start_s"].append(seconds)
            plan.say(f"  cold start run {r + 1}, {label(size)}: {seconds:.2f} s")
    return runs


def pdf(plan: Plan, ws: Workspace) -> Runs:
    """The cycle summary: in the app (median of a few renders) and by a cold `iltdesk export`."""
    runs = new_runs()
    scratch = ws.folder / "pdf"
    scratch.mkdir(mode=0o700, exist_ok=True)
    for r in range(plan.repeat):
        for size in plan.sizes:
            journal = ws.copy(ws.cache.demo(size))
            result = probe(
                "pdf",
                {"journal": str(journal), "renders": plan.renders, "scratch": str(scratch)},
                ws.home,
            )
            out = runs[label(size)]
            out["app_ms"].append(percentile(result["ms"], 50))
            export = [
                *iltdesk_command(),
                "export",
                str(journal),
                "--lead",
                result["lead"],
                "-o",
                # One file per run: export never writes over a file it was not told to.
                str(scratch / f"summary-{r}-{label(size)}.pdf"),
            ]
            out["cli_s"].append(cold.run_cold(export, cli_env(ws.home)).seconds)
            plan.say(
                f"  PDF run {r + 1}, {label(size)}: in app {out['app_ms'][-1]:.0f} ms, "
                f"cold CLI {out['cli_s'][-1]:.2f} s"
            )
    return runs


def lead_switch(plan: Plan, ws: Workspace) -> Runs:
    """Opening the page of a lead with ``lead_records`` 1:1s and observations."""
    runs = new_runs()
    journal = ws.copy(ws.cache.lead_heavy(plan.lead_records, min(plan.sizes)))
    for r in range(plan.repeat):
        result = probe("lead_switch", {"journal": str(journal), "switches": plan.switches}, ws.home)
        out = runs[label(min(plan.sizes))]  # the size of the journal the lead is in
        out["switch_ms"].append(percentile(result["ms"], 50))
        out["records"].append(result["records"])
        plan.say(
            f"  lead switch run {r + 1}: {out['switch_ms'][-1]:.0f} ms "
            f"({result['records']} records)"
        )
    return runs


def memory(plan: Plan, ws: Workspace) -> Runs:
    """Peak RSS of the app on the largest journal after a search and a lead switch."""
    runs = new_runs()
    size = max(plan.sizes)
    journal = ws.copy(ws.cache.demo(size))
    for r in range(max(1, min(plan.repeat, plan.memory_repeat))):
        result = probe("memory", {"journal": str(journal)}, ws.home)
        runs[label(size)]["peak_mb"].append(result["peak_mb"])
        runs[label(size)]["after_open_mb"].append(result["after_open_mb"])
        plan.say(f"  memory run {r + 1}, {label(size)}: peak {result['peak_mb']:.0f} MB")
    return runs


def backup(plan: Plan, ws: Workspace) -> Runs:
    """Autosaves during the day's backup (the longest is what a person would feel)."""
    runs = new_runs()
    scratch = ws.folder / "backups"
    for r in range(max(1, min(plan.repeat, plan.backup_repeat))):
        for size in plan.sizes:
            scratch.mkdir(mode=0o700, exist_ok=True)
            journal = ws.copy(ws.cache.demo(size))
            result = probe("backup", {"journal": str(journal), "scratch": str(scratch)}, ws.home)
            out = runs[label(size)]
            out["longest_save_ms"].append(max(result["saves_ms"]))
            out["save_p50_ms"].append(percentile(result["saves_ms"], 50))
            out["backup_s"].append(result["backup_ms"] / 1000)
            out["held_s"].append(result["held_ms"] / 1000)
            shutil.rmtree(scratch, ignore_errors=True)
            plan.say(
                f"  backup run {r + 1}, {label(size)}: longest save "
                f"{out['longest_save_ms'][-1]:.0f} ms over {len(result['saves_ms'])} saves, "
                f"backup {out['backup_s'][-1]:.1f} s (the old way held the journal "
                f"{out['held_s'][-1]:.1f} s)"
            )
    return runs
