"""Run the reliability suite and write ``docs/reliability.md``.

    python tools/reliability.py            # the full run: every test at its full count
    python tools/reliability.py --count 50 # every test at 50 trials
    python tools/reliability.py --only T1,T5 --no-write

Each test lives in ``tests/reliability/test_tNN_*.py`` and reports figure lines through the
``figure`` fixture; this script collects them, prints one line per test and writes the report
with the machine and the date. It exits non-zero when any test fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUITE = REPO / "tests" / "reliability"
REPORT = REPO / "docs" / "reliability.md"

TITLES = {
    "T1": "crash (kill -9 while writing; kill -9 and SIGTERM while typing in the app)",
    "T2": "wrong passphrase",
    "T3": "tamper (one flipped byte)",
    "T4": "truncation",
    "T5": "disk full",
    "T6": "two at once",
    "T7": "fuzz the files the app reads (backups, settings, every import format)",
    "T8": "canary (nothing leaks)",
    "T9": "keychain failures",
    "T10": "permissions",
    "T11": "interrupted rekey / backup / day's backup / restore / migration",
    "T12": "idle lock",
    "T13": "shutdown (SIGHUP, lost display, no display, a one-second session)",
    "T14": "destinations that point at the journal",
    "T15": "interrupted recovery and kit rotation",
}


def test_number(path: Path) -> int:
    """12 for ``test_t12_idle_lock.py`` or ``T12.md``."""
    stem = path.stem.removeprefix("test_")
    return int(stem.split("_")[0][1:])


def test_files(only: set[str]) -> list[str]:
    files = sorted(SUITE.glob("test_t*.py"), key=test_number)
    chosen = []
    for f in files:
        tid = "T" + str(test_number(f))
        if not only or tid in only:
            chosen.append(str(f))
    return chosen


def run_suite(files: list[str], env: dict[str, str]) -> tuple[int, float]:
    started = time.monotonic()
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-s", *files]
    code = subprocess.run(cmd, cwd=REPO, env=env, check=False).returncode
    return code, time.monotonic() - started


def versions() -> dict[str, str]:
    import sqlcipher3  # type: ignore[import-untyped]

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("select sqlite_version()").fetchone()[0]
    conn.close()
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    return {"sqlcipher": cipher, "sqlite": sqlite, "pyside6": qt}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){mem}"


def summarize(lines: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    by_test: dict[str, list[dict[str, object]]] = {}
    for line in lines:
        by_test.setdefault(str(line["test"]), []).append(line)
    return dict(sorted(by_test.items(), key=lambda kv: int(kv[0][1:])))


def write_report(
    by_test: dict[str, list[dict[str, object]]], args: argparse.Namespace, code: int, seconds: float
) -> None:
    v = versions()
    mode = f"{args.count} trials per test" if args.count else "full counts"
    out = [
        "# Reliability and security figures",
        "",
        "Made by `make reliability` (`tools/reliability.py`); each test is in",
        "`tests/reliability/`, and a short version of each runs in `make test`.",
        "",
        f"- **Date:** {dt.date.today().isoformat()}",
        f"- **Machine:** {machine()}",
        f"- **Software:** Python {platform.python_version()}, SQLCipher {v['sqlcipher']} "
        f"(SQLite {v['sqlite']}), PySide6 {v['pyside6']}",
        f"- **Run:** {mode}; {seconds / 60:.1f} minutes; pytest exit code {code}",
        "",
        "| test | what it does | result | figures |",
        "|---|---|---|---|",
    ]
    for tid, title in TITLES.items():
        rows = by_test.get(tid, [])
        if not rows:
            out.append(f"| {tid} | {title} | not run | |")
            continue
        ok = all(bool(r["ok"]) for r in rows)
        figures = "<br>".join(f"{r['title']}: {r['text']}" for r in rows)
        out.append(f"| {tid} | {title} | {'pass' if ok else '**FAIL**'} | {figures} |")
    # Figures of earlier runs at the full counts, kept by hand (a T1 run takes ~45 min).
    full = REPO / "docs" / "reliability-notes" / "full-runs.md"
    if full.exists():
        out += ["", full.read_text(encoding="utf-8").strip()]
    # Each test's own notes (how it works, what it proves and what it can't) follow the table.
    notes = sorted((REPO / "docs" / "reliability-notes").glob("T*.md"), key=test_number)
    if notes:
        out += ["", "## How each test works"]
    for note in notes:
        tid = "T" + str(test_number(note))
        text = note.read_text(encoding="utf-8").strip()
        out += ["", f"### {tid} {TITLES.get(tid, '')}", "", text]
    REPORT.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, help="trials per test (default: each test's full)")
    parser.add_argument("--only", default="", help="comma-separated test ids, e.g. T1,T5")
    parser.add_argument("--no-write", action="store_true", help="don't write the report")
    args = parser.parse_args()
    only = {t.strip().upper() for t in args.only.split(",") if t.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.jsonl"
        env = {**os.environ, "ILTDESK_RELIABILITY_OUT": str(out), "QT_QPA_PLATFORM": "offscreen"}
        env["ILTDESK_RELIABILITY_FULL"] = "1"
        if args.count:
            env["ILTDESK_RELIABILITY_COUNT"] = str(args.count)
        code, seconds = run_suite(test_files(only), env)
        lines = [json.loads(x) for x in out.read_text().splitlines()] if out.exists() else []
    by_test = summarize(lines)
    print()
    for tid, rows in by_test.items():
        for r in rows:
            mark = "ok" if r["ok"] else "FAILED"
            print(f"{tid:<4} {r['title']}: {r['text']} [{mark}]")
    if not args.no_write and not only:
        write_report(by_test, args, code, seconds)
        print(f"\nwrote {REPORT.relative_to(REPO)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
