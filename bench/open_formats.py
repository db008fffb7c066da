"""Open formats: the whole journal exported to Markdown and to JSON, and that JSON imported
into an empty journal (then again, which must create nothing), each a cold `iltdesk` process.

Each run works in its own scratch folder, deleted afterwards: at 100k the Markdown folder
holds ~280,000 files (351 MB, over 1 GB on disk), which the next run must not find.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench import cold
from bench.journals import PASSPHRASE, cli_env, iltdesk_command, private_dir, working_copy
from bench.measure import Plan, Workspace, label, new_runs
from iltdesk.store.journal import Journal

# A whole-journal export at 100k runs for minutes; the usual 600 s would cut it off.
TIMEOUT_SECONDS = 3600
# The kinds compared between the demo journal and its import, as a check that the import
# did happen (the exit code alone would not show a silent loss).
CHECKED_TABLES = ("lead", "one_on_one", "observation", "action_item")


def open_formats(plan: Plan, ws: Workspace) -> dict[str, Any]:
    """Cold `export --all` to Markdown and JSON, `import` of that JSON, and the re-import.

    Besides the sizes' runs, ``problems`` holds per size what a person would have met (a
    command refused), in words for the table.
    """
    runs = new_runs()
    problems: dict[str, list[str]] = defaultdict(list)
    env = cli_env(ws.home)
    for r in range(plan.repeat):
        for size in plan.sizes:
            if size >= 100_000 and r >= plan.open_repeat_100k:
                continue
            journal = ws.folder / "open" / ws.cache.demo(size).name
            if not journal.exists():  # its own copy: other sections add notes to theirs
                working_copy(ws.cache.demo(size), journal.parent)
            scratch = private_dir(ws.folder / f"open-{r}-{label(size)}")
            try:
                out = runs[label(size)]
                _one_run(journal, scratch, env, out, problems[label(size)])
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            plan.say(
                f"  open formats run {r + 1}, {label(size)}: Markdown {out['md_s'][-1]:.1f} s "
                f"{out['md_mb'][-1]:.0f} MB, JSON {out['json_s'][-1]:.1f} s "
                f"{out['json_mb'][-1]:.0f} MB, import {out['import_s'][-1]:.1f} s "
                f"{out['import_mb'][-1]:.0f} MB, again {out['reimport_s'][-1]:.1f} s"
            )
    return {**runs, "problems": {k: sorted(set(v)) for k, v in problems.items() if v}}


def _one_run(
    journal: Path,
    scratch: Path,
    env: dict[str, str],
    out: dict[str, list[float]],
    problems: list[str],
) -> None:
    """One of each command, in the order a person would run them."""
    iltdesk = iltdesk_command()

    def timed(name: str, *words: str) -> cold.ColdRun:
        result = cold.run_cold([*iltdesk, *words], env, timeout=TIMEOUT_SECONDS)
        out[f"{name}_s"].append(result.seconds)
        out[f"{name}_mb"].append(result.peak_mb)
        return result

    folder, document = scratch / "markdown", scratch / "journal.json"
    timed("md", "export", str(journal), "--format", "markdown", "--all", "-o", str(folder))
    files, size = _tree_size(folder)
    out["md_files"].append(files)
    out["md_size_mb"].append(size / 1e6)
    shutil.rmtree(folder)  # ~1 GB on disk at 100k: gone before the next command writes
    timed("json", "export", str(journal), "--format", "json", "--all", "-o", str(document))
    out["json_size_mb"].append(document.stat().st_size / 1e6)
    empty = scratch / "imported.iltdesk"
    # Made by the core, not `init`: the bench's passphrase is public, and `init` refuses one
    # that is easy to guess. (Untimed either way.)
    Journal.create(empty, PASSPHRASE).close()
    words = ["import", str(empty), str(document), "--yes"]
    try:
        timed("import", *words)  # the format guessed, as a person would type it
    except cold.CommandFailed as exc:
        # Measured all the same with the format named, and the refusal shown in the table.
        problems.append(f"`import J FILE.json` refused ({_said(exc)}): timed with --format json")
        words += ["--format", "json"]
        timed("import", *words)
    out["import_missing"].append(_missing(journal, empty))
    timed("reimport", *words)
    out["reimport_missing"].append(_missing(journal, empty))


def _said(exc: cold.CommandFailed) -> str:
    """The command's own error line, from the failure's stderr tail."""
    said = re.search(r"iltdesk: ([^'\"]+)", str(exc))
    return said.group(1).strip() if said else str(exc)[-120:]


def _tree_size(folder: Path) -> tuple[int, int]:
    """How many files a folder holds, and their bytes."""
    files = size = 0
    for root, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(root, name)).st_size
    return files, size


def _missing(source: Path, imported: Path) -> float:
    """Rows of the checked kinds the import lacks, or holds twice (0 when it matches)."""
    from iltdesk.store.journal import Journal

    def counts(path: Path) -> list[int]:
        with Journal.open(path, PASSPHRASE) as journal:
            return [int(journal.execute(f"SELECT count(*) FROM {t}")[0][0]) for t in CHECKED_TABLES]

    return float(sum(abs(a - b) for a, b in zip(counts(source), counts(imported), strict=True)))
