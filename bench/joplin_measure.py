"""Cold `iltdesk note`/`search` against Joplin's terminal client, pair by pair (issue 22, 7).

Joplin gets the same entries as jrnl (bench/jrnl_side.py ``entries_of``), imported once by
Joplin itself (``joplin import DIR --format md_frontmatter``) into a profile under the bench
cache; building that profile is slow (Joplin saves note by note), so it is done by
``prepare`` before anything is timed, and ``measure`` skips a size whose profile is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench import cold
from bench.joplin_side import JoplinSide
from bench.journals import PASSPHRASE, Cache, cli_env, heaviest_lead, iltdesk_command
from bench.measure import NOTE_TEXT, SEARCH_WORD, Plan, Runs, Workspace, label, new_runs
from bench.rows import Results, Row, _fig, _verdict
from bench.stats import Figure, ratios
from iltdesk.store.journal import Journal

SIZES = (10_000, 100_000)  # the sizes the issue compares at
TMPFS = Path("/dev/shm")


def sizes_of(plan: Plan) -> list[int]:
    """The plan's sizes Joplin is compared at."""
    return [size for size in plan.sizes if size in SIZES]


def prepare(plan: Plan, cache: Cache) -> str:
    """Install Joplin and build (or find) its profiles; return its version."""
    joplin = JoplinSide(cache.root)
    version = joplin.install()
    for size in sizes_of(plan):
        plan.say(f"joplin profile {label(size)} (slow the first time)…")
        # On disk Joplin imports ~8 notes/s here (it syncs every save): 100k is built in RAM.
        scratch = TMPFS / "iltdesk-bench-joplin" if size >= 100_000 and TMPFS.is_dir() else None
        hint = size >= 100_000  # Joplin's import is quadratic (see planner_stats)
        plan.say(f"  {joplin.profile(f'demo-{size}', cache.demo(size), scratch, hint=hint)}")
    return version


def measure(plan: Plan, ws: Workspace) -> Runs:
    """Cold add and search, iltdesk and Joplin alternating which goes first, run by run."""
    joplin = JoplinSide(ws.cache.root)
    joplin.version()  # fails early when Joplin is not installed
    runs = new_runs()
    env = cli_env(ws.home)
    profiles: dict[int, tuple[Path, int]] = {}
    for size in sizes_of(plan):
        if not joplin.built(f"demo-{size}"):
            plan.say(f"  joplin {label(size)}: no profile built (run prepare); skipped")
            continue
        profiles[size] = _working_profile(joplin, ws, size, runs[label(size)])
        # Untimed: the first note of the day on a fresh copy also takes the day's backup
        # (seconds, once a day), which Joplin's mknote has no counterpart for.
        journal = ws.copy(ws.cache.demo(size))
        cold.run_cold(
            [*iltdesk_command(), "note", str(journal), "--lead", _lead(journal), NOTE_TEXT], env
        )
    for r in range(plan.repeat):
        for size, (profile, port) in profiles.items():
            if size >= 100_000 and r >= plan.jrnl_repeat_100k:
                continue
            out = runs[label(size)]
            journal = ws.copy(ws.cache.demo(size))
            note = [*iltdesk_command(), "note", str(journal), "--lead", _lead(journal), NOTE_TEXT]
            search = [*iltdesk_command(), "search", str(journal), SEARCH_WORD]

            pairs: list[tuple[str, Callable[[], cold.ColdRun]]] = [
                ("iltdesk_note", partial(cold.run_cold, note, env)),
                ("iltdesk_search", partial(cold.run_cold, search, env)),
            ]
            pairs.insert(1 - r % 2, ("joplin_add", partial(joplin.add, profile, NOTE_TEXT)))
            pairs.insert(3 - r % 2, ("joplin_search", partial(_search, joplin, profile, port, out)))
            for name, run in pairs:
                result = run()
                out[f"{name}_s"].append(result.seconds)
                out[f"{name}_mb"].append(result.peak_mb)
            plan.say(
                f"  joplin run {r + 1}, {label(size)}: "
                + ", ".join(f"{name} {out[name + '_s'][-1]:.2f} s" for name, _ in pairs)
            )
    return runs


def _search(
    joplin: JoplinSide, profile: Path, port: int, out: dict[str, list[float]]
) -> cold.ColdRun:
    """Joplin's cold search, keeping how many hits it answered."""
    result, hits, query_s = joplin.search(profile, port, SEARCH_WORD)
    out["joplin_hits"].append(hits)
    out["joplin_query_s"].append(query_s)
    return result


def _working_profile(
    joplin: JoplinSide, ws: Workspace, size: int, out: dict[str, list[float]]
) -> tuple[Path, int]:
    """This run's copy of the size's Joplin profile, its Data API on a free port."""
    name = f"demo-{size}"
    record = joplin.build_record(name)
    for key in ("import_s", "index_s", "database_mb", "notes"):
        out[f"joplin_{key}"].append(float(record[key]))
    out["joplin_import_on_tmpfs"].append(float(record.get("built_in", "cache") != "cache"))
    out["joplin_import_hinted"].append(float(bool(record.get("planner_hint"))))
    profile = joplin.copy_profile(name, ws.folder / f"joplin-{label(size)}")
    return profile, joplin.use_port(profile)


_leads: dict[Path, str] = {}


def _lead(journal: Path) -> str:
    """The lead the cold `note` writes for (the heaviest, as in bench/measure.py)."""
    if journal not in _leads:
        with Journal.open(journal, PASSPHRASE) as opened:
            _leads[journal] = heaviest_lead(opened)[1]
    return _leads[journal]


def rows(section: Results, sizes: list[str]) -> list[Row]:
    """Cold iltdesk commands against Joplin's, pair by pair, and what Joplin's import cost."""
    out = []
    for ours, theirs, name, how in (
        ("iltdesk_note", "joplin_add", "cold add a note vs Joplin", "mknote"),
        ("iltdesk_search", "joplin_search", "cold search vs Joplin", "Data API search"),
    ):
        for size in sizes:
            runs = section.get(size, {})
            mine, them = _fig(runs, f"{ours}_s"), _fig(runs, f"{theirs}_s")
            if mine is None or them is None:
                continue
            faster = ratios(runs[f"{theirs}_s"], runs[f"{ours}_s"][: len(runs[f"{theirs}_s"])])
            text = (
                f"iltdesk {mine.show('s', 2)}; joplin {how} {them.show('s', 2)}; "
                f"joplin ÷ iltdesk {faster.show('×', 1)}"
            )
            if theirs == "joplin_search" and runs.get("joplin_query_s"):
                query = Figure.of(runs["joplin_query_s"])
                text += f" (the request alone, server up: {query.show('s', 3)})"
            out.append(Row(name, size, text, "faster than Joplin", _verdict(faster.median > 1)))
    for size in sizes:
        runs = section.get(size, {})
        if not runs.get("joplin_import_s"):
            continue
        notes = int(runs["joplin_notes"][0])
        seconds = runs["joplin_import_s"][0]
        where = ", on tmpfs" if runs.get("joplin_import_on_tmpfs", [0.0])[0] else ""
        if runs.get("joplin_import_hinted", [0.0])[0]:
            where += ", helped by planner statistics: Joplin's own import is quadratic"
        text = (
            f"{notes} notes imported in {seconds:.0f} s ({notes / seconds:.0f} notes/s{where}); "
            f"indexed in {runs['joplin_index_s'][0]:.0f} s; "
            f"database {runs['joplin_database_mb'][0]:.0f} MB (not encrypted)"
        )
        out.append(Row("Joplin: build the comparison profile", size, text, "—", "info"))
        parts = [
            f"{what} {Figure.of(runs[key]).show('MB', 0)}"
            for key, what in (
                ("iltdesk_note_mb", "iltdesk note"),
                ("iltdesk_search_mb", "iltdesk search"),
                ("joplin_add_mb", "joplin mknote"),
                ("joplin_search_mb", "joplin search"),
            )
            if runs.get(key)
        ]
        if parts:
            out.append(
                Row("cold command peak RSS (vs Joplin)", size, "; ".join(parts), "—", "info")
            )
    return out
