"""How far a check or a backup has got, told as bytes of the journal (done, in all).

A check or a backup is a few long phases, each a single statement SQLite runs to the end:
the copy (``sqlcipher_export``, or the online backup in steps), SQLCipher's page check,
SQLite's integrity and foreign-key checks, the search index's own check and whether it holds
every record. At a million entries they take minutes, so each tells how far it is:

- the online backup counts its pages itself: exact;
- SQLCipher's page check runs while its statement is prepared, where SQLite calls nothing
  back; it reads the whole file once, so the bytes its thread has read (Linux's per-thread
  ``rchar``) are how far it is;
- the others run SQLite's virtual machine, whose progress handler counts its steps; each
  takes about the same number of steps, and reads about the same number of bytes, per page
  of the journal in use (``STEPS_PER_PAGE``, ``READS_PER_BYTE``: measured at 10k and 100k
  entries; they change with the schema).
  Neither alone goes at an even pace in every phase; each phase leans on the one that does
  (``STEPS_LEAN``). A journal that needs more than estimated slows near the phase's end
  rather than standing still or running past it; one that needs less jumps ahead when the
  phase ends. Where there is no ``rchar`` (macOS, Windows) the steps alone tell.

Phases are weighted by the time each takes (``WEIGHTS``), so the bar moves at an even pace
through the whole job. What is reported only grows, reaches the total only once the job is
done, and is told at most ten times a second (from a watching thread: the progress handler
itself only counts). Without a ``report`` nothing is counted at all.

``bench/check_progress.py`` measures the estimates and the pace again (after a migration
changes the schema, say).
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.store.connection import Connection

Report = Callable[[int, int], None]  # (bytes done, bytes in all)

# Measured on the 100k demo journal at schema 0007 (bench/check_progress.py, calibrate, on a
# quiet machine: a busy disk slows the copy most). Seconds each phase takes: only their
# ratios matter.
WEIGHTS: dict[str, float] = {
    "export": 2.4,
    "copy": 2.4,
    "cipher": 1.3,
    "integrity": 2.9,
    "foreign keys": 0.8,  # not shown: a phase's name
    "index": 0.8,
    "index rows": 4.7,  # not shown: a phase's name
}
# SQLite VM steps per page in use (not free), for the phases that run in SQLite's VM.
STEPS_PER_PAGE: dict[str, float] = {
    "export": 223.0,
    "integrity": 456.0,
    "foreign keys": 72.0,  # not shown: a phase's name
    "index": 1.5,
    "index rows": 3460.0,  # not shown: a phase's name
}
# Bytes each phase reads per byte in use (in a journal much larger than SQLite's page cache;
# a smaller one reads less again, and its phases end early). The page check reads every page.
READS_PER_BYTE: dict[str, float] = {
    "export": 1.0,
    "cipher": 1.0,
    "integrity": 2.2,
    "foreign keys": 1.2,  # not shown: a phase's name
    "index": 0.37,
    "index rows": 1.07,  # not shown: a phase's name
}
# How much the steps count, against the bytes read, where both are counted: each the one that
# goes at the pace of the time in that phase (an integrity check reads every page in few
# steps, then checks the indexes in many; an export and the contentless index's check read at
# an even pace, their steps do not; the index's rows are counted in steps throughout and read
# in a burst at the end).
STEPS_LEAN: dict[str, float] = {
    "export": 0.0,
    "integrity": 0.0,
    "index": 0.0,
    "index rows": 1.0,  # not shown: a phase's name
}
STEPS_PER_CALL = 16_000  # VM steps between two calls of the handler (each takes the GIL)
TELL_EVERY_S = 0.1
STEADY_UNTIL = 0.9  # of a phase's estimate: beyond, the bar slows instead of running past it

CHECK = ("cipher", "integrity", "foreign keys", "index", "index rows")  # not shown: names
CHECK_READ_ONLY = ("cipher", "integrity", "foreign keys")  # not shown: names
VERIFY = ("cipher", "integrity", "foreign keys", "index")  # not shown: names; a fresh copy's
BACKUP = ("export", *VERIFY)
STEPPED_BACKUP = ("copy", *VERIFY)


def eased(estimated: float) -> float:
    """The share of a phase done, from the share of its estimate used: as is until
    ``STEADY_UNTIL``, then ever slower, never reaching 1 (only the phase's end does)."""
    if estimated <= STEADY_UNTIL:
        return max(0.0, estimated)
    rest = 1.0 - STEADY_UNTIL
    return 1.0 - rest * math.exp(-(estimated - STEADY_UNTIL) / rest)


def journal_bytes(conn: Connection, schema_name: str = "main") -> int:
    """The size of ``conn``'s database in bytes, as SQLite counts it (pages × page size)."""
    pages = int(conn.execute(f"PRAGMA {schema_name}.page_count").fetchone()[0])
    size = int(conn.execute(f"PRAGMA {schema_name}.page_size").fetchone()[0])
    return pages * size


class _Gauge:
    """How far one phase is, from what it counted: steps, bytes read, or pages told."""

    def __init__(self, steps: float, reads: float, lean: float = 0.5) -> None:
        self.steps_expected = steps  # progress handler calls (0: not counted)
        self.calls = 0
        self.reads_expected = reads  # bytes (0: not counted)
        self.lean = lean  # the weight of the steps where both are counted
        self.read = _reads_of_this_thread() if reads else None
        self.read_at_start = self.read() if self.read is not None else 0
        self.told: float | None = None  # the share the phase told itself, exact

    def counted(self) -> int:
        """The progress handler: one more ``STEPS_PER_CALL`` steps; go on (0)."""
        self.calls += 1
        return 0

    def share(self) -> float:
        if self.told is not None:
            return self.told
        steps = self.calls / self.steps_expected if self.steps_expected else None
        if self.read is None:
            return eased(steps) if steps is not None else 0.0
        reads = (self.read() - self.read_at_start) / self.reads_expected
        return eased(reads if steps is None else self.lean * steps + (1 - self.lean) * reads)


class Meter:
    """Adds the phases of one check or backup up into (bytes done, bytes in all).

    ``phases``: the phases the job runs, in order (names from ``WEIGHTS``), each run inside
    ``phase``; ``finish`` tells the whole total. ``total`` may be told later (``sized``).
    """

    def __init__(self, report: Report | None, total: int, phases: Sequence[str]) -> None:
        self._report = report
        self.total = total  # 0: not known yet; nothing is told until it is
        self._weights = {name: WEIGHTS[name] for name in phases}
        self._sum = sum(self._weights.values()) or 1.0
        self._before = 0.0  # weight of the phases already ended
        self._current = 0.0  # weight of the phase running now
        self._told = -1
        self._lock = threading.Lock()  # told from the watching thread and the job's

    @property
    def counting(self) -> bool:
        """Whether anyone listens (else no phase counts anything)."""
        return self._report is not None

    def sized(self, total: int) -> None:
        """The job's total in bytes, when it was not known at the start."""
        if self.total <= 0:
            self.total = total

    def _advance(self, share: float) -> None:
        """The running phase is ``share`` done (0..1)."""
        done = self._before + self._current * min(1.0, max(0.0, share))
        self._tell(min(self.total - 1, int(self.total * done / self._sum)))

    def _tell(self, done: int) -> None:
        with self._lock:  # held while telling, so that what is told only ever grows
            if self._report is None or self.total <= 0 or done <= self._told:
                return
            self._told = done
            self._report(done, self.total)

    @contextlib.contextmanager
    def phase(
        self, name: str, conn: Connection | None = None, pages: int = 0, size: int = 0
    ) -> Iterator[Callable[[int, int], None]]:
        """Run phase ``name``: the VM steps it takes on ``conn`` (against ``pages``) and the
        bytes this thread reads (against ``size``) tell how far it is, unless it tells that
        itself through the callable given, as (done, total) in any unit."""
        if not self.counting:
            yield _ignored
            return
        share = 1.0 if conn is None else _in_use(conn, pages) / max(1, pages)
        gauge = _Gauge(
            STEPS_PER_PAGE.get(name, 0.0) * pages * share / STEPS_PER_CALL,
            READS_PER_BYTE.get(name, 0.0) * size * share,
            STEPS_LEAN.get(name, 0.5),
        )

        def told(done: int, total: int) -> None:
            gauge.told = done / max(1, total)
            self._advance(gauge.told)

        self._current = self._weights.get(name, 0.0)
        stop = threading.Event()
        watcher = threading.Thread(
            target=self._watch, args=(gauge, stop), name="iltdesk-progress", daemon=True
        )
        if conn is not None and gauge.steps_expected:
            conn.set_progress_handler(gauge.counted, STEPS_PER_CALL)
        watcher.start()
        try:
            yield told
        finally:
            stop.set()
            watcher.join()
            if conn is not None and gauge.steps_expected:
                conn.set_progress_handler(None, 0)
        self._before += self._current
        self._current = 0.0
        self._advance(0.0)

    def _watch(self, gauge: _Gauge, stop: threading.Event) -> None:
        while not stop.wait(TELL_EVERY_S):
            self._advance(gauge.share())

    def finish(self) -> None:
        """The whole job is done."""
        self._tell(self.total)


def _in_use(conn: Connection, pages: int) -> int:
    """Of ``pages``, those in use: free pages (left by a migration, say) are neither checked
    nor copied. The main database's, which a copy being checked holds as many of as it does
    (``sqlcipher_export`` copies what is in use; the online backup copies the free pages too)."""
    main = int(conn.execute("PRAGMA main.page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA main.freelist_count").fetchone()[0])
    return max(1, min(pages, main - free))


def _ignored(done: int, total: int) -> None:
    """What a phase tells when nobody listens."""


def _reads_of_this_thread() -> Callable[[], int] | None:
    """A way to read how many bytes the calling thread has read so far (Linux), or None."""
    stats = Path(f"/proc/self/task/{threading.get_native_id()}/io")

    def read() -> int:
        try:
            for line in stats.read_text().splitlines():
                if line.startswith("rchar:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    return read if read() > 0 else None


def megabytes(size: float) -> str:
    """Bytes as megabytes a person reads: '0.4', '12.5', '1,190' (MB of 2^20 bytes, as the
    app's backup list shows sizes)."""
    mb = size / (1024 * 1024)
    return f"{mb:.1f}" if mb < 100 else f"{mb:,.0f}"


def rate(size: float, seconds: float) -> str:
    """'85 MB/s' (one decimal under 10)."""
    per_second = size / (1024 * 1024) / max(seconds, 1e-3)
    shown = f"{per_second:.1f}" if per_second < 10 else f"{per_second:,.0f}"
    return translate("store.backups.progress", "{rate} MB/s").format(rate=shown)


def progress_text(doing: str, done: int, total: int, seconds: float) -> str:
    """'Checking… 43% (512 of 1,190 MB, 85 MB/s)': how far a job is, while it runs."""
    shown = {
        "doing": doing,
        "percent": int(100 * done / max(1, total)),
        "done": megabytes(done),
        "total": megabytes(total),
    }
    if seconds >= 0.5 and done:
        return translate(
            "store.backups.progress", "{doing}… {percent}% ({done} of {total} MB, {rate})"
        ).format(rate=rate(done, seconds), **shown)
    return translate("store.backups.progress", "{doing}… {percent}% ({done} of {total} MB)").format(
        **shown
    )


def took_text(total: int, seconds: float) -> str:
    """'1,190 MB in 14.2 s, 84 MB/s': how much a job went through, and how fast."""
    return translate("store.backups.progress", "{size} MB in {seconds} s, {rate}").format(
        size=megabytes(total), seconds=f"{seconds:.1f}", rate=rate(total, seconds)
    )


def done_text(did: str, total: int, seconds: float) -> str:
    """'Checked 1,190 MB in 14.2 s (84 MB/s).': what a job did, and how fast."""
    return translate("store.backups.progress", "{did} {size} MB in {seconds} s ({rate}).").format(
        did=did, size=megabytes(total), seconds=f"{seconds:.1f}", rate=rate(total, seconds)
    )
