"""docs/performance.md: written whole by every `make bench` run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.journals import REPO
from bench.report import DOC, markdown_table
from bench.rows import Row

# Hand-written findings (profiles, explanations of missed goals) kept across regenerations.
ANALYSIS = REPO / "bench" / "analysis.md"

METHOD = """\
## How each figure is measured

Journals come from `iltdesk demo PATH --entries N` (N counts 1:1s and observations; the
journal holds about six times as many rows in all, agenda and action items included). They
are cached in `.bench/` (0700) and copied for each run, so every run starts from the same
files. Every in-app figure comes from a fresh process (`python -m bench.probe`), running the
code the app runs; every cold figure is a new process, timed from start to exit.

- **Save one edit in the app**: `iltdesk.one_on_one.save_one_on_one` (what the 1:1 editor's
  autosave calls: one transaction, `synchronous = FULL`, WAL) on the newest 1:1 of the lead
  with the most records; the note grows by a sentence each time; {saves} saves per run.
  The ratio row divides the largest size's p95 by the smallest's, run by run.
- **Search as you type**: `iltdesk.search.search(journal, text, limit=50)` (what the search
  dialog calls after each pause in typing) for {queries} queries drawn from the demo's phrase
  banks (`bench/queries.py`): 40% one word, 30% two words from one phrase, 30% the first 3–5
  letters of a word. The first {warm} queries are run once beforehand, as typing them would.
- **Plaintext floor**: the same journal decrypted with `sqlcipher_export` into a plain SQLite
  file (same schema, triggers and rows), opened by SQLCipher's own SQLite *without a key*
  and with the same pragmas (`connection._configure`), wrapped in the same `Journal` class,
  so the same save and search code runs on it. Only encryption differs: same SQLite build,
  same page cache, same fsyncs. Saves and searches alternate encrypted/plain one by one in
  the same process; the figure is encrypted p50 ÷ plain p50, run by run. (Python's own
  `sqlite3` cannot run the schema: its SQLite lacks `concat_ws`, used by the index triggers.)
- **Against jrnl**: jrnl from PyPI in a venv under `.bench/`; the same journal's 1:1 notes
  (with the feedback given) and observations (evidence, feedback, action step) written as jrnl
  entries in jrnl's text format, then encrypted by `jrnl --encrypt` itself. Each command runs
  cold, without a terminal, its password on stdin (keyring's null backend); iltdesk's from
  `ILTDESK_PASSPHRASE` with the keychain off. Pairs run back to back, order alternating:
  `iltdesk note J --lead NAME TEXT` with `jrnl TEXT`, `iltdesk search J baseline` with
  `jrnl -contains baseline`. jrnl holds only those entries; the iltdesk journal holds
  everything else too. Peak RSS comes from `wait4`.
- **Cold start**: `python -m bench.window_probe J` runs `iltdesk open J` (the CLI entry) with
  the passphrase from the keychain (`bench/keyring_backend.py`, selected by
  `PYTHON_KEYRING_BACKEND`), offscreen, and reports when the main window is first exposed
  and painted; timed from just before the process is started.
- **Lead switch**: `MainWindow.show_lead` from another lead's page to the page of a lead
  given ~{records} composed 1:1s and observations (added to a copy of the 1k demo), until
  the events it posted are processed; median of {switches} switches per run after one
  warm-up.
- **PDF**: in the app, `report.build_html` then `report.render_pdf` (what the export dialog
  does) for the latest cycle of the lead whose cycle started last, median of {renders} renders
  after one warm-up; cold, `iltdesk export J --lead NAME -o FILE`.
- **Memory**: peak RSS (`VmHWM`) of a process that opens the largest journal in the main
  window, types four searches letter by letter and opens two leads' pages.
- **Save during the day's backup** (a goal of ours beyond the first set): the app's automatic
  backup (`backups.daily.prepare`, then `PreparedBackup.take` on a thread: the copy in steps,
  then its check) while the main thread saves the newest 1:1 every 20 ms; the longest of
  those saves, and the backup's duration. Then the old way (`rotation.take`: export and check
  through the journal's own connection, which holds the journal) is timed on the same
  journal: a save made then would have waited that long.
- **Open formats** (issue 21): cold, as a person runs them, each a new process through the
  `iltdesk` command: `iltdesk export J --format markdown --all -o NEW_FOLDER` (the folder's
  files and bytes counted afterwards), `iltdesk export J --format json --all -o FILE.json`,
  then `iltdesk init EMPTY` (not timed) and `iltdesk import EMPTY FILE.json --yes`, then the
  same import again, which must create nothing. After each import the rows of leads, 1:1s,
  observations and action items are counted in both journals: a difference is a "missed".
  Peak RSS as for the cold commands (`wait4`). At 100k, {open_100k} run(s) only: it takes
  minutes. The 10k Markdown goal is ours; the issue asked only for the figures.

- **Realistic text** (issue 22): a copy of the demo journal of the same size whose every word
  the search index reads is replaced by one drawn from English's word frequencies (the
  `wordfreq` package's top 60k words, shipped in its wheel; a bench-only dependency),
  keeping the records, the number of words of each text, punctuation, Markdown, capitals and
  people's names (`bench/corpus.py`); its queries come from its own notes
  (`bench/queries.py`): 1-, 2- and 3-letter prefixes, one word, two words with the second
  partial.
- **Search as the person sees it**: the real search dialog in a fresh process
  (`bench/search_seen.py`); each query typed letter by letter with key events sent to the
  focused widget, 40 ms apart, so the dialog's own debounce applies; the figure is from the
  debounce timer firing to the end of the first paint showing the new rows ("key to
  painted" adds the debounce). The UI thread's CPU time over that span is kept beside it.
- **Lead page tabs**: a lead given {heavy} records (1:1s and observations, with their agenda
  and action items) in the 100k journal; `bench/lead_tabs.py` presses Ctrl+Tab through the
  tabs and times each until a paint of that tab is seen, first shows and re-shows.
- **The file against its text**: each cached journal copied and vacuumed (a journal written at
  this schema has no free pages), its size divided by its raw text (the UTF-8 bytes of every
  text the search index reads). **Migrations 0008–0009**: a copy of the journal as schema
  0007 left it (built by iltdesk at that schema), opened as the app opens it (checked copy,
  then the migrations).
- **Against Joplin**: Joplin's terminal client (`joplin` 3.5.1 from npm, the newest whose
  dependencies the registry here has) with its own profile per size, holding the same entries
  as jrnl; `joplin mknote TEXT` against `iltdesk note`, and, since its one-shot CLI has no
  full-text search, its local server started cold and asked once
  (`GET /search?query=baseline&limit=20`) against `iltdesk search`. Joplin's database is
  not encrypted. `bench/joplin_side.py` says how its 100k profile was built.

Figures are the median of the runs with the lowest and highest run in brackets; ratios are
taken run by run between figures measured in the same run, then their median is shown.
"""


@dataclass(frozen=True)
class RunInfo:
    """What is known about the run besides its rows."""

    when: str
    machine: dict[str, str]
    versions: dict[str, str]
    load_before: str
    load_after: str
    settings: str
    minutes: float
    note: str
    method: dict[str, int]


def write(rows: list[Row], info: RunInfo, path: Path = DOC) -> None:
    """Write the whole document."""
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand — findings that should",
        "survive a re-run go in `bench/analysis.md`, which is copied in below.",
        "",
        f"Measured {info.when} ({info.settings}; the whole run took {info.minutes:.1f} min).",
        "",
        *[f"- {k}: {v}" for k, v in info.machine.items()],
        f"- load average (1/5/15 min) before: {info.load_before}; after: {info.load_after}",
        *[f"- {k}: {v}" for k, v in info.versions.items()],
        "",
    ]
    if info.note:
        lines += [f"**Note:** {info.note}", ""]
    lines += ["## Results", "", markdown_table(rows), ""]
    missed = [r for r in rows if r.verdict in ("missed", "failed")]
    if missed:
        lines += ["Missed or failed: " + "; ".join(f"{r.measure} ({r.size})" for r in missed), ""]
    if ANALYSIS.exists():
        lines += [ANALYSIS.read_text(encoding="utf-8").strip(), ""]
    lines.append(METHOD.format(**info.method))
    path.write_text("\n".join(lines), encoding="utf-8")
