"""`make bench`: measure iltdesk at 1k, 10k and 100k entries and write docs/performance.md.

Journals (and jrnl's venv) are cached in ``.bench/`` so a second run, or a run resumed after
an interruption, starts measuring at once. A section that fails is reported as failed; the
others still run. ``--quick`` is the tiny smoke run the test suite uses. ``--only`` re-runs
some sections to check them; it never writes docs/performance.md, which always comes from a
whole run (a partial table over the whole one would hide every row it left out).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    check_progress,
    doc,
    joplin_measure,
    lead_tabs,
    measure,
    open_formats,
    report,
    search_seen,
    typing_under_load,
)
from bench import size as file_size
from bench.journals import REPO, Cache, private_dir
from bench.jrnl_side import JrnlSide
from bench.measure import Plan, Workspace, label
from bench.rows import Row, table_rows

QUICK = {
    "saves": 10,
    "queries": 20,
    "warm": 5,
    "switches": 1,
    "renders": 1,
    "lead_records": 60,
    "memory_repeat": 1,
    "heavy_lead_records": 60,
    "tab_rounds": 3,
    "seen_repeat": 1,
    "typing_seconds": 0,  # no dd load on the machine running the test suite
}


def parse_sizes(text: str) -> list[int]:
    """'1k,10k,100k' -> [1000, 10000, 100000]."""
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        sizes.append(int(float(part[:-1]) * 1000) if part.endswith("k") else int(part))
    if not sizes or min(sizes) < 0:
        raise argparse.ArgumentTypeError("sizes are entry counts such as 1k,10k,100k")
    return sorted(set(sizes))


SECTIONS = (
    "in_app",
    "cli",
    "joplin",
    "start",
    "lead",
    "pdf",
    "memory",
    "backup",
    "open_formats",
    "seen",
    "seen_real",
    "lead_tabs",
    "typing",
    "check_progress",
    "size",
)
# The realistic corpus needs wordfreq (a bench-only dependency) and sizes of 10k or more.
REALISTIC_FROM = 10_000


def parse_sections(text: str) -> list[str]:
    """'pdf,open_formats' -> ['pdf', 'open_formats'], each a known section."""
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown section {', '.join(unknown) or '(none)'}; choose from {', '.join(SECTIONS)}"
        )
    return chosen


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(prog="bench/run.py", description=__doc__)
    p.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[1000, 10_000, 100_000],
        help="journal sizes in entries (default 1k,10k,100k)",
    )
    p.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    p.add_argument("--quick", action="store_true", help="a tiny smoke run (seconds)")
    p.add_argument("--no-jrnl", action="store_true", help="skip jrnl (no install, no network)")
    p.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    p.add_argument("--cache", type=Path, default=REPO / ".bench", help="cache folder")
    p.add_argument("--note", default="", help="a remark for the document (e.g. machine busy)")
    p.add_argument(
        "--only",
        type=parse_sections,
        metavar="SECTION[,SECTION]",
        help=f"run only these sections ({', '.join(SECTIONS)}); implies --no-write",
    )
    args = p.parse_args(argv)
    if args.only:
        args.no_write = True  # the document is written from whole runs only
    return args


def make_plan(args: argparse.Namespace) -> Plan:
    """What to measure, from the command line."""
    plan = Plan(
        sizes=args.sizes,
        repeat=max(1, args.repeat),
        jrnl=not args.no_jrnl,
        say=lambda text: print(text, flush=True),
    )
    if args.quick:
        plan = replace(plan, sizes=[100], repeat=1, jrnl=False, **QUICK)
    return plan


def prepare(
    plan: Plan, cache: Cache, jrnl: JrnlSide | None, only: list[str] | None = None
) -> str | None:
    """Build (or find) every journal the sections to run need before timing anything (a 1M
    journal's copies take minutes); return jrnl's version."""
    wanted = set(only or SECTIONS)
    for size in plan.sizes:
        plan.say(f"journal {label(size)}: {cache.demo(size)}")
        if "in_app" in wanted:
            cache.plain(size)
    if "lead" in wanted:
        cache.lead_heavy(plan.lead_records, min(plan.sizes))
    if "lead_tabs" in wanted:
        cache.lead_heavy(plan.heavy_lead_records, _tabs_size(plan))
    for size in _realistic_sizes(plan) if wanted & {"seen_real", "size"} else []:
        plan.say(f"realistic journal {label(size)}: {cache.realistic(size)}")
    if jrnl is None:
        return None
    version = jrnl.install()
    for size in plan.sizes:
        plan.say(f"jrnl journal {label(size)}: {jrnl.journal(f'demo-{size}', cache.demo(size))}")
    return version


def _joplin(plan: Plan, cache: Cache, args: argparse.Namespace) -> str | None:
    """Joplin's version once its profiles are ready, or None when it is not measured (a quick
    run, --no-jrnl: no peers, or --only without it)."""
    if args.quick or args.no_jrnl or (args.only and "joplin" not in args.only):
        return None
    try:
        return joplin_measure.prepare(plan, cache)
    except Exception as exc:  # a peer that cannot run here must not cost the run
        plan.say(f"joplin is not available ({type(exc).__name__}: {exc}); going on without it")
        return None


def _tabs_size(plan: Plan) -> int:
    return lead_tabs.AT if lead_tabs.AT in plan.sizes else max(plan.sizes)


def _realistic_sizes(plan: Plan) -> list[int]:
    from bench.corpus import available

    return [s for s in plan.sizes if s >= REALISTIC_FROM] if available() else []


def _seen_realistic(plan: Plan, ws: Workspace) -> dict[str, Any]:
    """The search dialog on the realistic corpus, with queries drawn from its own words."""
    from bench.queries import realistic_queries_of

    sizes = _realistic_sizes(plan)
    if not sizes:
        return {}
    queries = realistic_queries_of(ws.cache.realistic(max(sizes)), plan.queries)
    return search_seen.measure(
        replace(plan, sizes=sizes), ws, queries=queries, journal=ws.cache.realistic
    )


def measure_all(
    plan: Plan,
    ws: Workspace,
    jrnl: JrnlSide | None,
    only: list[str] | None = None,
    joplin: bool = False,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Every section (or ``only`` those); a failing section is recorded and the others go on."""
    sections = {
        "in_app": lambda: measure.in_app(plan, ws),
        "cli": lambda: measure.cli_and_jrnl(plan, ws, jrnl),
        "joplin": lambda: joplin_measure.measure(plan, ws) if joplin else {},
        "start": lambda: measure.cold_start(plan, ws),
        "lead": lambda: measure.lead_switch(plan, ws),
        "pdf": lambda: measure.pdf(plan, ws),
        "memory": lambda: measure.memory(plan, ws),
        "backup": lambda: measure.backup(plan, ws),
        "open_formats": lambda: open_formats.open_formats(plan, ws),
        "seen": lambda: search_seen.measure(plan, ws),
        "seen_real": lambda: _seen_realistic(plan, ws),
        "lead_tabs": lambda: lead_tabs.measure(plan, ws),
        "typing": lambda: typing_under_load.measure(plan, ws) if plan.typing_seconds else {},
        "check_progress": lambda: check_progress.measure(plan, ws),
        "size": lambda: file_size.measure(plan, ws),
    }
    assert tuple(sections) == SECTIONS
    if only:
        sections = {key: run for key, run in sections.items() if key in only}
    results: dict[str, Any] = {}
    failures: dict[str, str] = {}
    for key, run in sections.items():
        plan.say(f"measuring {key}…")
        started = time.perf_counter()
        try:
            results[key] = run()
        except Exception as exc:  # one broken section must not cost the whole run
            failures[key] = f"{type(exc).__name__}: {exc}"
            plan.say(f"  {key} failed: {failures[key]}")
        plan.say(f"  ({key}: {time.perf_counter() - started:.0f} s)")
    return results, failures


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when every section ran (missed goals are not errors)."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    plan = make_plan(args)
    began, load_before = time.perf_counter(), report.load()
    cache = Cache(private_dir(args.cache.resolve()))
    if args.only and "cli" not in args.only:
        plan = replace(plan, jrnl=False)  # no jrnl to install for sections that do not use it
    jrnl = JrnlSide(cache.root) if plan.jrnl else None
    jrnl_version = None
    try:
        jrnl_version = prepare(plan, cache, jrnl, args.only)
    except Exception as exc:
        if jrnl is None:
            raise
        plan.say(f"jrnl is not available ({type(exc).__name__}: {exc}); going on without it")
        jrnl = None
    joplin_version = _joplin(plan, cache, args)
    ws = Workspace(cache, private_dir(cache.root / f"work-{int(time.time())}"))
    try:
        results, failures = measure_all(plan, ws, jrnl, args.only, joplin_version is not None)
    finally:
        shutil.rmtree(ws.folder, ignore_errors=True)
    rows = table_rows(results, failures, [label(s) for s in plan.sizes])
    minutes = (time.perf_counter() - began) / 60
    print("\n" + report.terminal_table(rows))
    print(f"\nTotal time: {minutes:.1f} min")
    info = doc.RunInfo(
        when=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        machine=report.machine(),
        versions=report.versions(jrnl_version, joplin_version),
        load_before=load_before,
        load_after=report.load(),
        settings=f"sizes {', '.join(label(s) for s in plan.sizes)}; {plan.repeat} runs"
        + (" (quick)" if args.quick else "")
        + (f" (only {', '.join(args.only)})" if args.only else ""),
        minutes=minutes,
        note=args.note,
        method={k: getattr(plan, k) for k in ("saves", "queries", "warm", "switches", "renders")}
        | {
            "records": plan.lead_records,
            "open_100k": plan.open_repeat_100k,
            "heavy": plan.heavy_lead_records,
        },
    )
    _save_raw(cache, results, failures, rows, info)
    if not args.no_write:
        doc.write(rows, info)
        print(f"Wrote {doc.DOC.relative_to(REPO)}")
    return 1 if failures else 0


def _save_raw(
    cache: Cache,
    results: dict[str, Any],
    failures: dict[str, str],
    rows: list[Row],
    info: doc.RunInfo,
) -> None:
    """Keep every run's raw numbers beside the cache, for a later look."""
    folder = private_dir(cache.root / "results")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    raw = {
        "info": asdict(info),
        "results": results,
        "failures": failures,
        "rows": [asdict(r) for r in rows],
    }
    (folder / f"run-{stamp}.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
