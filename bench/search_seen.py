"""Search as the person sees it: keystroke to rows painted in the real search dialog.

``python -m bench.search_seen JSON`` runs ``probe`` in a fresh process (like ``bench.probe``)
and prints one line ``RESULT {json}``; ``measure(plan, ws)`` is what the hub calls, and
``rows(section, sizes)`` turns its figures into table rows. ``python -m bench.search_seen
JOURNAL [COUNT]`` types ``default_queries(COUNT)`` into a copy you made, and shows the figures.

Each query is typed into the dialog's field one key at a time with ``QTest.keyClick`` on
``QApplication.focusWidget()`` (Ctrl+A first, so the first letter replaces the last query),
a short gap between keys, as a quick typist does, shorter than the dialog's own debounce.
After the last key nothing more is sent: the dialog's timer fires, it searches, and the
results view paints. Three moments are taken for that last key:

- ``key``: just before the key event is sent;
- ``pause``: the dialog's debounce timer firing (the typing pause is over), caught by an
  event filter on that timer;
- ``painted``: the end of the first paint of the results view (or of the "no matches"
  label) after the model changed.

``painted - pause`` is what the person waits for once they stop typing (the issue's goal);
``painted - key`` adds the debounce itself (``DEBOUNCE_MS``, give or take the timer's
coarseness). ``search_ms`` is the time spent in ``iltdesk.search`` for that query (``rank``,
then ``hits`` for the rows listed, those listed after the first paint too);
``seen_cpu_ms`` is the UI thread's CPU time from pause to paint (on a busy machine the wall
time also counts the time other processes had the cores). Times are in milliseconds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.stats import percentile

if TYPE_CHECKING:
    from bench.measure import Plan, Runs, Workspace
    from bench.rows import Row

GAP_MS = 40  # between keys while typing: well under the dialog's 150 ms debounce
SETTLE_MS = 30  # quiet time after a query's rows are painted, before the next query
GIVE_UP_MS = 5_000  # a query whose rows never paint is reported, not waited on forever
QUERIES = 100  # per run at most: each query costs the debounce plus the typing
WARM = 10  # queries typed first and not timed (fonts, the FTS pages a person's first look warms)
GOALS_MS = {"100k": 30.0, "1000k": 60.0, "1M": 60.0}  # p95, pause to painted, by size
GOAL = "p95 ≤ 30 ms at 100k, ≤ 60 ms at 1M"


def shape_of(text: str) -> str:
    """A query's shape when only its text is given: prefixes by length, else words."""
    words = text.split()
    if len(words) >= 2:
        return "two words"
    if len(text.strip()) <= 3:
        return f"{len(text.strip())}-letter prefix"
    return "one word"


def as_pairs(queries: Sequence[str | Sequence[str]]) -> list[tuple[str, str]]:
    """(shape, text) pairs from strings or (shape, text) pairs (``bench.queries`` gives those)."""
    pairs = []
    for query in queries:
        if isinstance(query, str):
            pairs.append((shape_of(query), query))
        else:
            shape, text = query
            pairs.append((str(shape), str(text)))
    return pairs


class _Clock:
    """The moments of one query, set from Qt's side (event filters, signals, paint hooks)."""

    def __init__(self) -> None:
        self.changed = False  # the model changed since the last key
        self.pause: float | None = None
        self.cpu: list[float] = []  # this thread's CPU time at the pause, then at the paint
        self.ran: float | None = None  # the dialog's search slot returned
        self.painted: float | None = None
        self.search_ms = 0.0
        self.documents = 0  # rich-text documents the rows' delegate made
        self.loop: Any = None  # the event loop waiting for the rows, quit once they show

    def done(self, when: float) -> None:
        """The rows are on screen (or nothing needed painting)."""
        if self.painted is None:
            self.painted = when
            self.cpu.append(time.thread_time())
            if self.loop is not None:
                self.loop.quit()

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


def _timed(real: Callable[..., Any], clock: _Clock) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            clock.search_ms += (time.perf_counter() - start) * 1000

    return timed


def _install(dialog: Any, clock: _Clock) -> None:
    """Hooks that note the moments without changing what the dialog does."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer

    import ui.kit.rich_delegate as rich
    import ui.navigation.search_dialog as module

    make_document = getattr(rich, "QTextDocument")  # noqa: B009

    def counted_document(*args: Any) -> Any:
        clock.documents += 1
        return make_document(*args)

    setattr(rich, "QTextDocument", counted_document)  # noqa: B010 (counted, not changed)
    # What the dialog calls to search: rank, then the hits of the rows it lists (older code:
    # search), looked up by name as the dialog imported them, and timed.
    for name in ("search", "rank", "hits"):
        if hasattr(module, name):
            setattr(module, name, _timed(getattr(module, name), clock))

    class PauseWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Timer and clock.pause is None:
                clock.pause = time.perf_counter()
                clock.cpu = [time.thread_time()]
            return False

    debounce = getattr(module, "DEBOUNCE_MS", 150)
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for timer in dialog.findChildren(QTimer, options=direct):
        if timer.isSingleShot() and timer.interval() == debounce:
            timer.installEventFilter(PauseWatch(dialog))
            # Connected after the dialog's own slot, so this runs once that slot returned.
            timer.timeout.connect(lambda: _ran(clock))
    model = dialog.results.model()

    def changed(*_args: object) -> None:
        # Only what this query's search did: rows still being listed for the last one
        # (a step at a time, after its paint) are not this query's rows.
        if clock.pause is not None:
            clock.changed = True

    for signal in (
        model.modelReset,
        model.layoutChanged,
        model.rowsInserted,
        model.rowsRemoved,
        model.dataChanged,
    ):
        signal.connect(changed)
    for widget in (dialog.results, dialog.empty):
        _hook_paint(widget, clock)


def _ran(clock: _Clock) -> None:
    """The search slot returned: if the results did not change, nothing will be painted."""
    from PySide6.QtCore import QTimer

    clock.ran = time.perf_counter()
    if not clock.changed:
        ran = clock.ran
        QTimer.singleShot(200, lambda: clock.done(ran))


def _hook_paint(widget: Any, clock: _Clock) -> None:
    """Note when ``widget`` finishes a paint that follows a change of results."""
    cls = type(widget)

    def paint(event: Any) -> None:
        cls.paintEvent(widget, event)
        if clock.changed:
            clock.done(time.perf_counter())

    widget.paintEvent = paint


def _type(dialog: Any, text: str, clock: _Clock, gap_ms: int) -> dict[str, float] | None:
    """Type ``text`` as a person does; the last key's moments, or None if it never painted."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    QTest.keyClick(_focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys: list[float] = []
    for char in text[:-1]:
        start = time.perf_counter()
        QTest.keyClicks(_focused(), char)
        keys.append((time.perf_counter() - start) * 1000)
        _spin(gap_ms)
    clock.reset()
    loop = QEventLoop()
    clock.loop = loop
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(GIVE_UP_MS)
    key = time.perf_counter()
    QTest.keyClicks(_focused(), text[-1])
    keys.append((time.perf_counter() - key) * 1000)
    if clock.painted is None:
        loop.exec()  # until the rows are painted (the paint hook quits it)
    give_up.stop()
    clock.loop = None
    _settle(dialog)  # the documents of every row listed are counted too
    if clock.painted is None or clock.pause is None:
        return None
    return {
        "seen_ms": (clock.painted - clock.pause) * 1000,
        "seen_cpu_ms": (clock.cpu[-1] - clock.cpu[0]) * 1000,
        "key_to_paint_ms": (clock.painted - key) * 1000,
        "search_ms": clock.search_ms,
        "slot_ms": ((clock.ran or clock.painted) - clock.pause) * 1000,
        "key_ms": max(keys),
        "documents": float(clock.documents),
    }


def _focused() -> Any:
    """The widget a person's key would reach (the search field, as the dialog keeps it)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def _settle(dialog: Any) -> None:
    """Wait ``SETTLE_MS``, and until every row found is listed (the dialog may list the
    first screen of rows first and the others after), so queries do not overlap."""
    model = dialog.results_model
    found = getattr(model, "found", model.rowCount)
    deadline = time.perf_counter() + GIVE_UP_MS / 1000
    _spin(SETTLE_MS)
    while model.rowCount() < found() and time.perf_counter() < deadline:
        _spin(10)


def _spin(ms: int) -> None:
    """Run the event loop for ``ms`` without spinning (timers fire, paints happen)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def probe(args: dict[str, Any]) -> dict[str, Any]:
    """Type every query into the search dialog over ``args["journal"]``; per-query times.

    args: ``journal`` (a copy: the dialog never writes, but the journal is opened read-write
    as the app does), ``queries`` (strings or [shape, text]), ``warm``, ``gap_ms``, ``theme``.
    Returns ``{"by_shape": {shape: {metric: [ms, ...]}}, "missed": [...], "hits": n}``.
    """
    from PySide6.QtWidgets import QApplication

    from bench.journals import PASSPHRASE
    from iltdesk.store.journal import Journal
    from ui.kit import theme
    from ui.kit.context import AppContext
    from ui.navigation.search_dialog import SearchDialog

    app: Any = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app, theme=str(args.get("theme", "light")), text_size="normal")
    journal = Journal.open(Path(args["journal"]), PASSPHRASE)
    dialog = SearchDialog(AppContext(journal))
    clock = _Clock()
    _install(dialog, clock)
    dialog.show()
    dialog.activateWindow()
    _spin(100)
    pairs = as_pairs(args["queries"])
    warm = int(args.get("warm", WARM))
    gap = int(args.get("gap_ms", GAP_MS))
    by_shape: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    missed, hits = [], 0
    for _, text in pairs[:warm]:
        _type(dialog, text, clock, gap)
    for shape, text in pairs:
        took = _type(dialog, text, clock, gap)
        if took is None:
            missed.append(text)
            continue
        hits += dialog.results_model.rowCount()
        for metric, value in took.items():
            by_shape[shape][metric].append(value)
    dialog.close()
    journal.close()
    return {"by_shape": by_shape, "missed": missed, "hits": hits}


def run_child(args: dict[str, Any], home: Path | None = None) -> dict[str, Any]:
    """``probe(args)`` in a fresh process (the bench's private HOME when ``home`` is given)."""
    from bench.measure import run_module

    return run_module(
        "bench.search_seen", [json.dumps(args)], home, timeout=1800, what="search_seen probe"
    )


def summary(result: dict[str, Any]) -> dict[str, float]:
    """One run's figures: p50/p95 of each metric, per shape and over every query."""
    out: dict[str, float] = {}
    every: dict[str, list[float]] = defaultdict(list)
    for shape, metrics in result["by_shape"].items():
        for metric, values in metrics.items():
            every[metric] += values
            out[f"{metric}_p50:{shape}"] = percentile(values, 50)
            out[f"{metric}_p95:{shape}"] = percentile(values, 95)
    for metric, values in every.items():
        out[f"{metric}_p50:all"] = percentile(values, 50)
        out[f"{metric}_p95:all"] = percentile(values, 95)
    return out


def default_queries(count: int) -> list[tuple[str, str]]:
    """``count`` queries of the shapes the issue names, from ``bench.queries.make_queries``.

    When those queries come as whole words, word pairs and longer prefixes only, the shorter
    shapes are made from them: each word's first 1, 2 and 3 letters, and a pair whose second
    word is half typed. Shuffled (the same every run), so no shape meets only warm pages.
    """
    from random import Random

    from bench.queries import make_queries

    pairs = [(str(shape), str(text)) for shape, text in make_queries(count)]
    if any("letter" in shape for shape, _ in pairs):
        return pairs
    words = [text for shape, text in pairs if " " not in text and shape != "prefix"]
    twos = [text.split() for _, text in pairs if len(text.split()) == 2]
    made: list[tuple[str, str]] = []
    for letters in (1, 2, 3):
        made += [(f"{letters}-letter prefix", w[:letters]) for w in words]
    made += [("whole word", w) for w in words]
    made += [("two words, second partial", f"{a} {b[: max(2, len(b) // 2)]}") for a, b in twos]
    made += [("two words", f"{a} {b}") for a, b in twos]
    by_shape: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in made:
        by_shape[pair[0]].append(pair)
    share = max(1, count // len(by_shape))
    chosen = [pair for found in by_shape.values() for pair in found[:share]]
    Random(22).shuffle(chosen)
    return chosen


def measure(
    plan: Plan,
    ws: Workspace,
    queries: Sequence[str | Sequence[str]] | None = None,
    journal: Callable[[int], Path] | None = None,
) -> Runs:
    """Per size and run: p50/p95 of each metric, per query shape (keys ``metric_pNN:shape``).

    ``journal(size)`` is the cached journal to type into (a private copy is used; default
    the demo's, ``ws.cache.demo``); ``queries`` default to ``default_queries``. Runs
    ``plan.seen_repeat`` times when the plan has that, else ``plan.repeat``.
    """
    from bench.measure import label, new_runs

    runs = new_runs()
    source = journal or ws.cache.demo
    count = min(plan.queries, QUERIES)
    chosen = as_pairs(queries) if queries is not None else default_queries(count)
    for r in range(int(getattr(plan, "seen_repeat", plan.repeat))):
        for size in plan.sizes:
            args = {
                "journal": str(ws.copy(source(size))),
                "queries": chosen,
                "warm": min(plan.warm, WARM),
            }
            result = run_child(args, ws.home)
            out = runs[label(size)]
            for key, value in summary(result).items():
                out[key].append(value)
            out["missed"].append(float(len(result["missed"])))
            plan.say(
                f"  search as seen run {r + 1}, {label(size)}: pause to painted p95 "
                f"{out['seen_ms_p95:all'][-1]:.1f} ms (search() p95 "
                f"{out['search_ms_p95:all'][-1]:.1f} ms)"
            )
    return runs


def rows(
    section: dict[str, dict[str, list[float]]], sizes: list[str], corpus: str = "demo text"
) -> list[Row]:
    """Table rows: pause to rows painted, p50 and p95, per shape and then over all queries
    (the goal is set for 100k and 1M)."""
    from bench.rows import Row
    from bench.stats import Figure

    out = []
    for size in sizes:
        runs = section.get(size, {})
        shapes = sorted({key.split(":", 1)[1] for key in runs if key.startswith("seen_ms_p95:")})
        for shape in [s for s in shapes if s != "all"] + ["all"] * ("all" in shapes):
            p50 = Figure.of(runs[f"seen_ms_p50:{shape}"])
            p95 = Figure.of(runs[f"seen_ms_p95:{shape}"])
            total = Figure.of(runs[f"key_to_paint_ms_p95:{shape}"])
            goal = GOALS_MS.get(size)
            verdict = "info" if goal is None else "met" if p95.median <= goal else "missed"
            out.append(
                Row(
                    f"search dialog, typing pause to rows painted ({shape}; {corpus})",
                    size,
                    f"p50 {p50.show('ms', 1)}; p95 {p95.show('ms', 1)}; "
                    f"key to painted p95 {total.show('ms', 0)} (with the debounce)",
                    GOAL,
                    verdict,
                )
            )
    return out


def show(result: dict[str, Any]) -> str:
    """A line per shape for a person: p50/p95 of each metric, and documents per query."""
    lines = []
    for shape, metrics in sorted(result["by_shape"].items()):
        parts = [
            f"{metric[:-3] if metric.endswith('_ms') else metric} "
            f"{percentile(values, 50):.1f}/{percentile(values, 95):.1f}"
            for metric, values in metrics.items()
        ]
        lines.append(f"{shape:>26} ({len(metrics['seen_ms'])}): " + "; ".join(parts))
    return "p50/p95 in ms (documents: a query's count)\n" + "\n".join(lines)


def main() -> int:
    """``probe`` with the JSON arguments in argv[1]; or, given a journal's path (and a count
    of queries), the default queries on it, shown for a person as well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1].lstrip().startswith("{"):
        args = json.loads(sys.argv[1])
    else:
        count = int(sys.argv[2]) if len(sys.argv) > 2 else QUERIES
        args = {"journal": sys.argv[1], "queries": default_queries(count)}
    result = probe(args)
    if "queries" in args and not sys.argv[1].lstrip().startswith("{"):
        print(show(result), file=sys.stderr, flush=True)
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
