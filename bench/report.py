"""The report: the table on the terminal, and docs/performance.md with machine and versions."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Iterable
from pathlib import Path

from bench.journals import REPO
from bench.rows import Row

DOC = REPO / "docs" / "performance.md"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{kib / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown"
    return {
        "system": platform.platform(),
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": memory,
    }


def load() -> str:
    """The 1/5/15-minute load averages, to show whether the machine was busy."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def versions(jrnl_version: str | None, joplin_version: str | None = None) -> dict[str, str]:
    """The versions of everything measured."""
    import PySide6
    import sqlcipher3.dbapi2 as sqlcipher
    from PySide6 import QtCore

    import iltdesk

    conn = sqlcipher.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    return {
        "iltdesk": f"{iltdesk.__version__} ({_commit()})",
        "Python": platform.python_version(),
        "SQLCipher": str(cipher),
        "SQLite (in SQLCipher)": str(sqlite),
        "PySide6 / Qt": f"{PySide6.__version__} / {QtCore.qVersion()}",
        "jrnl": jrnl_version or "not measured",
        "Joplin (terminal client)": joplin_version or "not measured",
    }


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown commit"
    return f"commit {head}{' with uncommitted changes' if dirty else ''}" if head else "no git"


def markdown_table(rows: Iterable[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| measure | size | figure: median (min–max, runs) | goal | verdict |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        cells = (row.measure, row.size, row.figure, row.goal, _mark(row.verdict))
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def _mark(verdict: str) -> str:
    return {"met": "met", "missed": "**missed**", "failed": "**failed**"}.get(verdict, "—")


def terminal_table(rows: list[Row]) -> str:
    """The rows as fixed-width text."""
    widths = [max(len(getattr(r, f)) for r in rows) for f in ("measure", "size", "figure")]
    out = []
    for r in rows:
        out.append(
            f"{r.measure:<{widths[0]}}  {r.size:<{widths[1]}}  {r.figure:<{widths[2]}}  "
            f"[{r.goal}: {r.verdict}]"
        )
    return "\n".join(out)
