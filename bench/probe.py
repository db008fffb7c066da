"""In-process measurements, each run in a fresh process: ``python -m bench.probe KIND JSON``.

Each kind prints one line ``RESULT {json}``. Times are in milliseconds. The code measured is
the code the app runs: ``save_one_on_one`` (what the 1:1 editor's autosave calls),
``search`` (what the search dialog calls on each pause in typing), ``MainWindow.show_lead``,
and ``build_html`` + ``render_pdf`` (what the export dialog does).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.journals import PASSPHRASE, heaviest_lead
from bench.queries import make_queries
from iltdesk.store.journal import Journal

Probe = Callable[[dict[str, Any]], dict[str, Any]]


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def open_plain(path: Path) -> Journal:
    """The plain copy opened like a journal: the same SQLite build, pragmas and code, no key.

    SQLCipher without a key is SQLite itself (its codec is never attached), so the only
    difference from the journal is encryption. Python's own sqlite3 cannot stand in: its
    SQLite (3.40 here) lacks ``concat_ws``, which the search index's triggers use.
    """
    import sqlcipher3.dbapi2 as sqlcipher

    from iltdesk.store import connection

    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    connection._configure(conn, path)  # the very pragmas a journal is opened with
    return Journal(path, conn)


def _variants(args: dict[str, Any]) -> dict[str, Journal]:
    return {
        "encrypted": Journal.open(Path(args["encrypted"]), PASSPHRASE),
        "plain": open_plain(Path(args["plain"])),
    }


def _newest_meeting(journal: Journal) -> int:
    lead_id, _ = heaviest_lead(journal)
    row = journal.execute(
        "SELECT id FROM one_on_one WHERE lead_id = ? ORDER BY held_on DESC, id DESC LIMIT 1",
        (lead_id,),
    )
    return int(row[0][0])


def core(args: dict[str, Any]) -> dict[str, Any]:
    """Autosave commits and searches, encrypted and plain interleaved one by one."""
    from iltdesk.one_on_one import get_one_on_one, save_one_on_one
    from iltdesk.search import search

    journals = _variants(args)
    names = list(journals)
    meeting_id = _newest_meeting(journals["encrypted"])
    base = get_one_on_one(journals["encrypted"], meeting_id)
    saves: dict[str, list[float]] = {name: [] for name in names}
    for i in range(int(args["saves"])):
        for name in names[i % len(names) :] + names[: i % len(names)]:  # rotate who goes first
            start = time.perf_counter()
            save_one_on_one(
                journals[name],
                meeting_id,
                notes=f"{base.notes}\n\nAnd one more thought ({i}).",
                feedback_given=base.feedback_given,
                held_on=base.held_on,
            )
            saves[name].append(_ms(start))
    queries = [q for _, q in make_queries(int(args["queries"]))]
    hits = {name: 0 for name in names}
    for text in queries[: int(args["warm"])]:  # what typing the first queries would warm
        for journal in journals.values():
            search(journal, text, limit=50)
    searches: dict[str, list[float]] = {name: [] for name in names}
    for i, text in enumerate(queries):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            start = time.perf_counter()
            found = search(journals[name], text, limit=50)
            searches[name].append(_ms(start))
            hits[name] += len(found)
    for journal in journals.values():
        journal.close()
    return {"save": saves, "search": searches, "hits": hits}


def _main_window(path: Path) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from ui.kit.context import AppContext
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(AppContext(Journal.open(path, PASSPHRASE)))
    window.show()
    app.processEvents()
    return app, window


def _other_lead(journal: Journal, lead_id: int) -> int:
    row = journal.execute(
        "SELECT id FROM lead WHERE archived_on IS NULL AND id != ? ORDER BY id LIMIT 1", (lead_id,)
    )
    return int(row[0][0])


def lead_switch(args: dict[str, Any]) -> dict[str, Any]:
    """Open the heavy lead's page from another lead's page, as a click in the sidebar does."""
    app, window = _main_window(Path(args["journal"]))
    journal = window.context.journal
    heavy, _ = heaviest_lead(journal)
    other = _other_lead(journal, heavy)
    records = journal.execute(
        "SELECT (SELECT count(*) FROM one_on_one WHERE lead_id = :l) + "
        "(SELECT count(*) FROM observation WHERE lead_id = :l)",
        {"l": heavy},
    )[0][0]
    times = []
    for i in range(int(args["switches"]) + 1):
        window.show_lead(other)
        app.processEvents()
        start = time.perf_counter()
        window.show_lead(heavy)
        app.processEvents()  # the page is painted before the time is taken
        if i:  # the first switch builds caches any later one would find
            times.append(_ms(start))
    journal.close()
    return {"ms": times, "records": int(records)}


def pdf(args: dict[str, Any]) -> dict[str, Any]:
    """The export dialog's work: the summary's HTML, then the PDF written from it."""
    from PySide6.QtWidgets import QApplication

    from iltdesk import report

    app = QApplication.instance() or QApplication(sys.argv[:1])
    journal = Journal.open(Path(args["journal"]), PASSPHRASE)
    lead_id, name = lead_with_cycle(journal)
    cycles = report.cycles_for_export(journal, lead_id, which=report.Cycles.LATEST)
    request = report.ReportRequest(lead_id, cycles, report.DEFAULT_SECTIONS)
    report.ensure_fonts()  # a running app has its fonts loaded
    times = []
    with tempfile.TemporaryDirectory(dir=args["scratch"]) as folder:
        for i in range(int(args["renders"]) + 1):
            start = time.perf_counter()
            html = report.build_html(journal, request)
            report.render_pdf(html, Path(folder) / f"summary-{i}.pdf")
            if i:
                times.append(_ms(start))
    journal.close()
    del app
    return {"ms": times, "lead": name}


def lead_with_cycle(journal: Journal) -> tuple[int, str]:
    """The active lead whose learning cycle started last: (id, name)."""
    row = journal.execute(
        "SELECT lead.id, lead.name FROM learning_cycle JOIN lead ON lead.id = lead_id "
        "WHERE lead.archived_on IS NULL ORDER BY started_on DESC, learning_cycle.id DESC LIMIT 1"
    )
    return int(row[0][0]), str(row[0][1])


def memory(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS with the journal open in the app, after searching and switching leads."""
    from iltdesk.search import search

    app, window = _main_window(Path(args["journal"]))
    journal = window.context.journal
    opened = _peak_mb()
    for word in ("feedback", "observation", "baseline data", "teachers"):
        for end in range(2, len(word) + 1):  # typed letter by letter
            search(journal, word[:end], limit=50)
    heavy, _ = heaviest_lead(journal)
    for lead_id in (_other_lead(journal, heavy), heavy):
        window.show_lead(lead_id)
        app.processEvents()
    peak = _peak_mb()
    journal.close()
    return {"peak_mb": peak, "after_open_mb": opened}


def backup(args: dict[str, Any]) -> dict[str, Any]:
    """Autosaves while the day's backup runs, as the app takes it, and the old way's hold.

    The app's way (``backups.daily``): the file is keyed first, then the copy runs on a thread
    in steps while this thread saves every 20 ms. The old way (``rotation.take``: export and
    check through the journal's connection) held the journal throughout, so a save made then
    waited for all of it: its duration is that wait.
    """
    import threading
    from datetime import datetime, timedelta

    from iltdesk.one_on_one import get_one_on_one, save_one_on_one
    from iltdesk.store.backups import daily, rotation

    journal = Journal.open(Path(args["journal"]), PASSPHRASE)
    rotation.set_folder(journal, Path(args["scratch"]))
    meeting_id = _newest_meeting(journal)
    base = get_one_on_one(journal, meeting_id)
    prepared = daily.prepare(journal, PASSPHRASE, datetime.now() + timedelta(days=1))
    assert prepared is not None
    done: list[float] = []

    def take() -> None:
        start = time.perf_counter()
        prepared.take(journal, datetime.now() + timedelta(days=1))
        done.append(_ms(start))

    worker = threading.Thread(target=take)
    worker.start()
    saves: list[float] = []
    while worker.is_alive():
        start = time.perf_counter()
        save_one_on_one(
            journal,
            meeting_id,
            notes=f"{base.notes}\n\nWritten during the backup ({len(saves)}).",
            feedback_given=base.feedback_given,
            held_on=base.held_on,
        )
        saves.append(_ms(start))
        time.sleep(0.02)
    worker.join()
    start = time.perf_counter()
    rotation.take(journal, datetime.now() + timedelta(days=2))
    held = _ms(start)
    journal.close()
    return {"saves_ms": saves, "backup_ms": done[0], "held_ms": held}


def _peak_mb() -> float:
    """This process's own peak RSS in MB.

    ``VmHWM`` belongs to this process's memory alone; ``getrusage``'s ``ru_maxrss`` would
    also count the harness it was forked from (Linux keeps the pre-exec high-water mark),
    so it is only the fallback where /proc is missing.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


PROBES: dict[str, Probe] = {
    "core": core,
    "lead_switch": lead_switch,
    "pdf": pdf,
    "memory": memory,
    "backup": backup,
}


def main() -> int:
    """Run the probe named in argv[1] with the JSON arguments in argv[2]."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = PROBES[sys.argv[1]](json.loads(sys.argv[2]))
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
