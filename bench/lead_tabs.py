"""Each tab of a heavy lead's page: from the keystroke that switches to it to the tab painted.

A person moves between a lead's tabs with Ctrl+Tab. The probe presses it on the page's tab
widget (where the key lands when the focused child does not take it), then lets Qt run until
the tab that came up, or anything inside it, has received its paint event: the reading of the
journal, the models, the layout and the first frame are all inside the time.

A tab is timed twice per round: its **first show** for the lead (the tab reads the journal, as
after a lead switch) and a **re-show** (already read: only layout and paint). Each round starts
on another tab, so every tab is shown first in most rounds; one round before the timed ones
warms what any later one would find (imports, fonts, the page itself).

Run alone in a fresh process: ``python -m bench.lead_tabs '{"journal": PATH, "rounds": 7}'``
prints one line ``RESULT {json}``; ``measure(plan, ws)`` does that per repeat and ``rows``
turns the results into the report's rows.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import cold
from bench.journals import PASSPHRASE, heaviest_lead
from bench.measure import Plan, Runs, Workspace, label, new_runs
from bench.stats import Figure, percentile

if TYPE_CHECKING:  # bench.rows may list this module's rows: imported when they are made
    from bench.rows import Results, Row

TABS = (
    "Overview",
    "1:1s",
    "Learning cycles",
    "Observations",
    "Agreement",
    "Action items",
    "Timeline",
)
RECORDS = 2000  # the heavy lead: 2,000 1:1s and observations
AT = 100_000  # measured in the 100k journal (or the largest one planned)
GOAL_MS = 100
PAINT_WAIT_S = 10


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _paint_watch(app: Any) -> Any:
    """An application-wide filter that notes when a widget at or under ``target`` paints."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.target: QWidget | None = None
            self.painted = False

        def arm(self, target: QWidget) -> None:
            self.target, self.painted = target, False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            target = self.target
            if (
                not self.painted
                and target is not None
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and (watched is target or target.isAncestorOf(watched))
            ):
                self.painted = True
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)
    return watch


def _next_tab(app: Any, page: Any, watch: Any) -> tuple[int, float, float]:
    """Press Ctrl+Tab on the lead's tabs; (the tab now shown, ms until it has painted, and
    this process's CPU ms in that time: the figure that a busy machine disturbs least)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    tabs = page.tabs
    target = (tabs.currentIndex() + 1) % tabs.count()
    watch.arm(tabs.widget(target))
    start, cpu = time.perf_counter(), time.process_time()
    QTest.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    while not watch.painted:
        app.processEvents()
        if time.perf_counter() - start > PAINT_WAIT_S:
            raise RuntimeError(f"the {TABS[target]} tab never painted")
    elapsed, used = _ms(start), (time.process_time() - cpu) * 1000
    if tabs.currentIndex() != target:
        raise RuntimeError(f"Ctrl+Tab did not reach the {TABS[target]} tab")
    return target, elapsed, used


def _other_lead(journal: Any, lead_id: int) -> int:
    row = journal.execute(
        "SELECT id FROM lead WHERE archived_on IS NULL AND id != ? ORDER BY id LIMIT 1", (lead_id,)
    )
    return int(row[0][0])


def _round(app: Any, window: Any, leads: tuple[int, int], start_tab: int, watch: Any) -> Any:
    """One round from ``start_tab``: every other tab shown first, then each tab again."""
    heavy, other = leads
    window.show_lead(other)
    window.lead_page.tabs.setCurrentIndex(start_tab)  # read for the other lead, not timed
    app.processEvents()
    window.show_lead(heavy)  # reads the start tab for the heavy lead, not timed
    app.processEvents()
    first: list[tuple[int, float, float]] = []
    again: list[tuple[int, float, float]] = []
    for step in range(2 * len(TABS) - 1):
        (first if step < len(TABS) - 1 else again).append(_next_tab(app, window.lead_page, watch))
    return first, again


def probe(args: dict[str, Any]) -> dict[str, Any]:
    """Time every tab of the heavy lead's page, ``rounds`` rounds after one warm-up round."""
    from PySide6.QtWidgets import QApplication

    from iltdesk.store.journal import Journal
    from ui.kit.context import AppContext
    from ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(AppContext(Journal.open(Path(args["journal"]), PASSPHRASE)))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    journal = window.context.journal
    heavy, name = heaviest_lead(journal)
    leads = (heavy, _other_lead(journal, heavy))
    records = journal.execute(
        "SELECT (SELECT count(*) FROM one_on_one WHERE lead_id = :l) + "
        "(SELECT count(*) FROM observation WHERE lead_id = :l)",
        {"l": heavy},
    )[0][0]
    watch = _paint_watch(app)
    if args.get("freeze"):  # what the app would do once its ORM is loaded (see the report)
        import gc

        from iltdesk.store.journal import load_orm

        load_orm()
        gc.collect()
        gc.freeze()
    first: dict[str, list[float]] = {tab: [] for tab in TABS}
    again: dict[str, list[float]] = {tab: [] for tab in TABS}
    cpu: dict[str, dict[str, list[float]]] = {"first": {t: [] for t in TABS}, "again": {}}
    cpu["again"] = {tab: [] for tab in TABS}
    rounds = int(args.get("rounds", 7))
    for r in range(rounds + 1):
        shown_first, shown_again = _round(app, window, leads, (r + 4) % len(TABS), watch)
        if r == 0:
            continue  # the warm-up round
        for when, shown, into in (("first", shown_first, first), ("again", shown_again, again)):
            for tab, ms, used in shown:
                into[TABS[tab]].append(ms)
                cpu[when][TABS[tab]].append(used)
    journal.close()
    return {
        "first": first,
        "again": again,
        "cpu": cpu,
        "records": int(records),
        "lead": name,
        "switched_by": "Ctrl+Tab on the page's QTabWidget",
    }


def _run_probe(args: dict[str, Any], home: Path) -> dict[str, Any]:
    """``probe(args)`` in a fresh process."""
    from bench.measure import run_module

    return run_module(
        "bench.lead_tabs",
        [json.dumps(args)],
        home,
        timeout=cold.TIMEOUT_SECONDS,
        what="lead tabs probe",
    )


def _metric(tab: str, when: str, pct: int) -> str:
    return f"{tab}|{when}|p{pct}"


def measure(plan: Plan, ws: Workspace) -> Runs:
    """Per repeat, one fresh process timing every tab: p50 and p95 of its first shows and of
    its re-shows, keyed ``"TAB|first|p95"`` (wall) and ``"TAB|cpu_first|p95"`` (this process's
    CPU time, which a busy machine disturbs least); ``records`` is the heavy lead's count."""
    runs = new_runs()
    size = AT if AT in plan.sizes else max(plan.sizes)
    records = int(getattr(plan, "heavy_lead_records", RECORDS))
    journal = ws.copy(ws.cache.lead_heavy(records, size))
    rounds = int(getattr(plan, "tab_rounds", 7))
    for r in range(plan.repeat):
        result = _run_probe({"journal": str(journal), "rounds": rounds}, ws.home)
        out = runs[label(size)]
        out["records"].append(result["records"])
        for when in ("first", "again"):
            for tab, times in result[when].items():
                cpu = result["cpu"][when][tab]
                for pct in (50, 95):
                    out[_metric(tab, when, pct)].append(percentile(times, pct))
                    out[_metric(tab, f"cpu_{when}", pct)].append(percentile(cpu, pct))
        worst = max(TABS, key=lambda tab: out[_metric(tab, "first", 95)][-1])
        plan.say(
            f"  lead tabs run {r + 1}, {label(size)}: slowest first show {worst} p95 "
            f"{out[_metric(worst, 'first', 95)][-1]:.0f} ms ({result['records']} records)"
        )
    return runs


def rows(section: Results, sizes: list[str]) -> list[Row]:
    """One row per tab: p50 and p95 of its first show and of its re-show."""
    from bench.rows import Row

    out = []
    for size, runs in section.items():
        records = int(max(runs["records"]))
        for tab in TABS:
            figs = {
                (when, pct): Figure.of(runs[_metric(tab, when, pct)])
                for when in ("first", "again")
                for pct in (50, 95)
            }
            worst = max(figs[("first", 95)].median, figs[("again", 95)].median)
            cpu = Figure.of(runs[_metric(tab, "cpu_first", 95)])
            out.append(
                Row(
                    f"lead tab {tab} ({records} records)",
                    size,
                    f"first show p50 {figs[('first', 50)].show('ms', 0)}, "
                    f"p95 {figs[('first', 95)].show('ms', 0)}; again p50 "
                    f"{figs[('again', 50)].show('ms', 0)}, p95 {figs[('again', 95)].show('ms', 0)}"
                    f"; CPU of the first show p95 {cpu.show('ms', 0)}",
                    f"p95 ≤ {GOAL_MS} ms",
                    "met" if worst <= GOAL_MS else "missed",
                )
            )
    return out


def _say_table(result: dict[str, Any]) -> None:
    """The probe's own figures, one line per tab (for a run by hand)."""
    for tab in TABS:
        figures = [
            f"{name} p50 {percentile(times, 50):6.1f} p95 {percentile(times, 95):6.1f}"
            for name, times in (
                ("first", result["first"][tab]),
                ("again", result["again"][tab]),
                ("cpu first", result["cpu"]["first"][tab]),
                ("cpu again", result["cpu"]["again"][tab]),
            )
        ]
        print(f"{tab:16} " + "  ".join(figures) + " ms", file=sys.stderr)


def main() -> int:
    """Run ``probe`` with the JSON arguments in argv[1]."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = probe(json.loads(sys.argv[1]))
    _say_table(result)
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
