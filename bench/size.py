"""The file a journal takes on disk, against the text written in it; and the time of the
migrations since 0007 (0008 and 0009: the smaller file; 0010: the days beside the index).

Size: a copy of each cached journal, vacuumed (a journal written at this schema from the start
has no free pages; one migrated keeps the index's old pages free for new notes), divided by
its raw text: the UTF-8 bytes of every text the search index reads (``bench.corpus``).
Migration: a copy of the same journal as schema 0007 left it (kept in ``.bench/schema-0007``:
built by iltdesk at that schema), opened as the app opens it: a checked copy first, then the
migrations, then the compaction that follows them (``iltdesk.store.rewrite``), each timed;
the time is what the person waits for.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from bench.journals import PASSPHRASE, private_dir
from bench.measure import Plan, Workspace, label
from bench.rows import Results, Row

RATIO_GOAL = 2.2  # the issue: a 100k realistic journal at most 2.2 times its raw text
SCHEMA_BEFORE = "schema-0007"


def vacuumed(source: Path, folder: Path) -> dict[str, float]:
    """The size of a vacuumed copy of ``source``, its raw text and their ratio."""
    from bench.corpus import distinct_words, text_bytes
    from iltdesk.store.journal import Journal

    copy = private_dir(folder) / source.name
    shutil.copyfile(source, copy)
    with Journal.open(copy, PASSPHRASE) as journal:
        journal.execute("PRAGMA temp_store = FILE")  # VACUUM's copy on disk, not in memory
        journal.execute("VACUUM")
        raw = text_bytes(journal.connection)
        words = distinct_words(journal.connection)
    size = os.path.getsize(copy)
    copy.unlink()
    return {"file_mb": size / 1e6, "raw_mb": raw / 1e6, "ratio": size / raw, "words": words}


def migrated(source: Path, folder: Path) -> dict[str, float]:
    """How long opening a 0007 copy of ``source`` takes: a checked copy and the migrations
    (timed with no room for the compaction, which then waits for the next open), then that
    next open, which compacts it; the file's size after each."""
    from iltdesk.store import rewrite
    from iltdesk.store.journal import Journal

    copy = private_dir(folder) / source.name
    shutil.copyfile(source, copy)
    room = rewrite.room_for_copy
    rewrite.room_for_copy = lambda _journal: False  # type: ignore[assignment]
    try:
        began = time.perf_counter()
        Journal.open(copy, PASSPHRASE).close()
        seconds = time.perf_counter() - began
    finally:
        rewrite.room_for_copy = room
    after = os.path.getsize(copy)
    began = time.perf_counter()
    Journal.open(copy, PASSPHRASE).close()
    compact_s = time.perf_counter() - began
    compacted = os.path.getsize(copy)
    shutil.rmtree(copy.with_suffix(".backups"), ignore_errors=True)
    copy.unlink()
    return {
        "migrate_s": seconds,
        "migrated_mb": after / 1e6,
        "compact_s": compact_s,
        "compacted_mb": compacted / 1e6,
    }


def measure(plan: Plan, ws: Workspace) -> dict[str, Any]:
    """Per corpus and size: the vacuumed file's ratio, and the migrations where a 0007 copy
    is kept."""
    found: dict[str, Any] = {}
    kept = ws.cache.root / SCHEMA_BEFORE
    for size in plan.sizes:
        journals = {"demo": ws.cache.demo(size)}
        realistic = getattr(ws.cache, "realistic", None)
        if realistic is not None and size >= 10_000:
            journals["realistic"] = realistic(size)
        for corpus, path in journals.items():
            plan.say(f"  size of the {corpus} {label(size)} journal…")
            runs: dict[str, list[float]] = {
                k: [v] for k, v in vacuumed(path, ws.folder / "size").items()
            }
            old = kept / f"{corpus}-{size}.iltdesk"
            if old.exists():
                plan.say("  migrating a 0007 copy of it…")
                for key, value in migrated(old, ws.folder / "migrate").items():
                    runs[key] = [value]
            found.setdefault(label(size), {})[corpus] = runs
    return found


def rows(section: Results, sizes: list[str]) -> list[Row]:
    """The file against its text, per corpus and size; the migration's time where measured."""
    table = []
    for size in sizes:
        for corpus, runs in section[size].items():
            ratio = runs["ratio"][0]
            judged = corpus == "realistic" and size == "100k"
            table.append(
                Row(
                    f"journal file ÷ raw text ({corpus} text)",
                    size,
                    f"{ratio:.2f}× ({runs['file_mb'][0]:.0f} MB for {runs['raw_mb'][0]:.0f} MB "
                    f"of text, {runs['words'][0]:,.0f} distinct words)",
                    f"≤ {RATIO_GOAL}× at 100k realistic" if judged else "—",
                    ("met" if ratio <= RATIO_GOAL else "missed") if judged else "info",
                )
            )
            if "migrate_s" in runs:
                table.append(
                    Row(
                        f"migrations 0008–0010 on opening ({corpus} text)",
                        size,
                        f"{runs['migrate_s'][0]:.1f} s (checked copy first, then times as "
                        "numbers, the new index and the days), "
                        f"file {runs['migrated_mb'][0]:.0f} MB"
                        + (
                            f"; then compacted in {runs['compact_s'][0]:.1f} s (a checked "
                            f"copy put in its place), file {runs['compacted_mb'][0]:.0f} MB"
                            if "compact_s" in runs
                            else ""
                        ),
                        "report",
                        "info",
                    )
                )
    return table
