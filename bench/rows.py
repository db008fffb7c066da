"""The table: one row per measure and size, each with its goal  and a verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.stats import Figure, ratios

Results = dict[str, Any]  # section -> size label -> metric -> per-run values


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    measure: str
    size: str
    figure: str
    goal: str
    verdict: str  # met, missed, info (no goal at this size) or failed


def _verdict(ok: bool, judged: bool = True) -> str:
    if not judged:
        return "info"
    return "met" if ok else "missed"


def _fig(runs: dict[str, list[float]], metric: str) -> Figure | None:
    values = runs.get(metric) or []
    return Figure.of(values) if values else None


RATIO_GOAL = "100k/1k ≤ 1.5"


def save_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Autosave p50/p95 at each size, and the largest/smallest ratio of p95 run by run."""
    rows = []
    for size in sizes:
        p50, p95 = (
            _fig(section[size], "save_encrypted_p50"),
            _fig(section[size], "save_encrypted_p95"),
        )
        if p50 and p95:
            rows.append(
                Row(
                    "save one edit in the app",
                    size,
                    f"p50 {p50.show('ms', 2)}; p95 {p95.show('ms', 2)}",
                    "p95 ≤ 5 ms",
                    _verdict(p95.median <= 5),
                )
            )
    if len(sizes) < 2:
        rows.append(Row("save cost largest ÷ smallest", "—", "needs two sizes", RATIO_GOAL, "info"))
        return rows
    small, big = sizes[0], sizes[-1]
    p95 = ratios(section[big]["save_encrypted_p95"], section[small]["save_encrypted_p95"])
    p50 = ratios(section[big]["save_encrypted_p50"], section[small]["save_encrypted_p50"])
    judged = (small, big) == ("1k", "100k")
    rows.append(
        Row(
            f"save cost {big} ÷ {small}",
            f"{big}/{small}",
            f"p95 ratio {p95.show('×', 2)}; p50 ratio {p50.show('×', 2)}",
            RATIO_GOAL,
            _verdict(p95.median <= 1.5, judged),
        )
    )
    return rows


def search_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Search-as-you-type p50/p95 at each size (the goal is set for 100k)."""
    rows = []
    for size in sizes:
        p50 = _fig(section[size], "search_encrypted_p50")
        p95 = _fig(section[size], "search_encrypted_p95")
        if p50 and p95:
            rows.append(
                Row(
                    "search as you type (200 queries)",
                    size,
                    f"p50 {p50.show('ms', 2)}; p95 {p95.show('ms', 2)}",
                    "p95 ≤ 30 ms at 100k",
                    _verdict(p95.median <= 30, size == "100k"),
                )
            )
    return rows


def floor_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Encrypted ÷ plain, save and search, ratio of the run's medians taken run by run."""
    rows = []
    for what, name in (("save", "save"), ("search", "search")):
        for size in sizes:
            runs = section[size]
            if not runs.get(f"{what}_plain_p50"):
                continue
            ratio = ratios(runs[f"{what}_encrypted_p50"], runs[f"{what}_plain_p50"])
            plain = Figure.of(runs[f"{what}_plain_p50"])
            rows.append(
                Row(
                    f"plaintext floor: {name}",
                    size,
                    f"encrypted ÷ plain {ratio.show('×', 2)} (plain p50 {plain.show('ms', 2)})",
                    "≤ 1.5",
                    _verdict(ratio.median <= 1.5),
                )
            )
    return rows


RATIO_GOALS = {"10k": 4.0, "100k": 25.0}


def jrnl_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Cold iltdesk commands, and jrnl's, pair by pair."""
    rows = []
    for ours, theirs, name in (
        ("iltdesk_note", "jrnl_add", "cold add a note"),
        ("iltdesk_search", "jrnl_search", "cold search"),
    ):
        for size in sizes:
            runs = section[size]
            mine = _fig(runs, f"{ours}_s")
            if mine is None:
                continue
            target = RATIO_GOALS.get(size)
            goal = "iltdesk ≤ 0.6 s" + (f"; ≥ {target:g}× faster than jrnl" if target else "")
            text, ok = f"iltdesk {mine.show('s', 2)}", mine.median <= 0.6
            if runs.get(f"{theirs}_s"):
                n = len(runs[f"{theirs}_s"])
                faster = ratios(runs[f"{theirs}_s"], runs[f"{ours}_s"][:n])
                text += (
                    f"; jrnl {Figure.of(runs[f'{theirs}_s']).show('s', 2)}; "
                    f"jrnl ÷ iltdesk {faster.show('×', 1)}"
                )
                ok = ok and (target is None or faster.median >= target)
            else:
                text += "; jrnl not measured"
            rows.append(Row(name, size, text, goal, _verdict(ok)))
    for size in sizes:
        runs = section[size]
        parts = [
            f"{label} {Figure.of(runs[key]).show('MB', 0)}"
            for key, label in (
                ("iltdesk_search_mb", "iltdesk search"),
                ("jrnl_search_mb", "jrnl -contains"),
                ("jrnl_add_mb", "jrnl add"),
            )
            if runs.get(key)
        ]
        if parts:
            rows.append(Row("cold command peak RSS", size, "; ".join(parts), "—", "info"))
    return rows


def start_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Cold start to the unlocked window (the goal is set for 10k)."""
    return [
        Row(
            "cold start to unlocked window",
            size,
            fig.show("s", 2),
            "≤ 1.2 s at 10k",
            _verdict(fig.median <= 1.2, size == "10k"),
        )
        for size in sizes
        if (fig := _fig(section[size], "start_s"))
    ]


def pdf_rows(section: Results, sizes: list[str]) -> list[Row]:
    """The cycle summary PDF, in the app and by the cold CLI."""
    rows = []
    for size in sizes:
        app, cli = _fig(section[size], "app_ms"), _fig(section[size], "cli_s")
        if app and cli:
            rows.append(
                Row(
                    "PDF cycle summary",
                    size,
                    f"in app {app.show('ms', 0)}; cold CLI {cli.show('s', 2)}",
                    "≤ 300 ms / ≤ 2 s",
                    _verdict(app.median <= 300 and cli.median <= 2),
                )
            )
    return rows


def lead_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Opening the page of a lead with ~1,000 records."""
    rows = []
    for size, runs in section.items():
        fig = _fig(runs, "switch_ms")
        if fig:
            records = int(max(runs["records"]))
            rows.append(
                Row(
                    f"lead switch ({records} records)",
                    size,
                    fig.show("ms", 0),
                    "≤ 100 ms",
                    _verdict(fig.median <= 100),
                )
            )
    return rows


def memory_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Peak RSS with the largest journal open (the goal is set for 100k)."""
    rows = []
    for size, runs in section.items():
        fig = _fig(runs, "peak_mb")
        if fig:
            opened = Figure.of(runs["after_open_mb"])
            rows.append(
                Row(
                    "peak memory (search + lead switch)",
                    size,
                    f"{fig.show('MB', 0)} (after opening: {opened.median:.0f} MB)",
                    "≤ 250 MB at 100k",
                    _verdict(fig.median <= 250, size == "100k"),
                )
            )
    return rows


def backup_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Saving while the day's backup is copied and checked (a goal of ours beyond the first set)."""
    rows = []
    for size in sizes:
        longest, held = _fig(section[size], "longest_save_ms"), _fig(section[size], "held_s")
        took = _fig(section[size], "backup_s")
        if longest and held and took:
            rows.append(
                Row(
                    "save during the day's backup",
                    size,
                    f"longest save {longest.show('ms', 0)}; backup {took.show('s', 1)} "
                    f"(the old way held the journal {held.show('s', 1)})",
                    "longest ≤ 100 ms (ours)",
                    _verdict(longest.median <= 100),
                )
            )
    return rows


MARKDOWN_GOAL_10K = 30.0  # seconds; ours: the issue asked only for the figures


def open_format_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Whole-journal Markdown and JSON exports, and the JSON imported into an empty journal."""
    rows = []
    for size in sizes:
        runs = section[size]
        md, md_mb = _fig(runs, "md_s"), _fig(runs, "md_mb")
        if md and md_mb:
            files = Figure.of(runs["md_files"]).median
            rows.append(
                Row(
                    "Markdown export, whole journal (cold CLI)",
                    size,
                    f"{md.show('s', 1)}; peak RSS {md_mb.show('MB', 0)}; "
                    f"{files:,.0f} files, {Figure.of(runs['md_size_mb']).median:,.0f} MB",
                    f"≤ {MARKDOWN_GOAL_10K:g} s at 10k (ours)",
                    _verdict(md.median <= MARKDOWN_GOAL_10K, size == "10k"),
                )
            )
        js, js_mb = _fig(runs, "json_s"), _fig(runs, "json_mb")
        if js and js_mb:
            rows.append(
                Row(
                    "JSON export, whole journal (cold CLI)",
                    size,
                    f"{js.show('s', 1)}; peak RSS {js_mb.show('MB', 0)}; "
                    f"file {Figure.of(runs['json_size_mb']).median:,.0f} MB",
                    "—",
                    "info",
                )
            )
        rows += _import_rows(runs, size, section.get("problems", {}).get(size, []))
    return rows


def _import_rows(runs: dict[str, list[float]], size: str, problems: list[str]) -> list[Row]:
    """The JSON imported into a new empty journal, then again (which must create nothing)."""
    rows = []
    for key, name in (
        ("import", "import that JSON into an empty journal"),
        ("reimport", "import it again (nothing new)"),
    ):
        took, peak = _fig(runs, f"{key}_s"), _fig(runs, f"{key}_mb")
        if not (took and peak):
            continue
        # Rows of the main kinds that differ from the exported journal: a silent loss shows.
        off = max(runs.get(f"{key}_missing") or [0])
        rows.append(
            Row(
                name,
                size,
                f"{took.show('s', 1)}; peak RSS {peak.show('MB', 0)}"
                + (f"; {off:.0f} rows differ from the journal" if off else "")
                + "".join(f"; {p}" for p in (problems if key == "import" else [])),
                "no time goal; works as typed, rows match the journal",
                _verdict(off == 0 and not (problems and key == "import")),
            )
        )
    return rows


def joplin_rows(section: Results, sizes: list[str]) -> list[Row]:
    """Cold iltdesk commands against Joplin's terminal client."""
    from bench.joplin_measure import rows  # here: joplin_measure imports this module

    return rows(section, sizes)


def _typing_rows(section: Results, sizes: list[str]) -> list[Row]:
    from bench.typing_under_load import rows  # here: that module imports this one

    return rows(section, sizes)


def _seen_rows(corpus: str) -> Callable[[Results, list[str]], list[Row]]:
    def build(section: Results, sizes: list[str]) -> list[Row]:
        from bench import search_seen

        return search_seen.rows(section, sizes, corpus)

    return build


def _lead_tab_rows(section: Results, sizes: list[str]) -> list[Row]:
    from bench import lead_tabs

    return lead_tabs.rows(section, sizes)


def _check_progress_rows(section: Results, sizes: list[str]) -> list[Row]:
    from bench.check_progress import rows  # here: that module imports this one

    return rows(section, sizes)


def _size_rows(section: Results, sizes: list[str]) -> list[Row]:
    from bench import size

    return size.rows(section, sizes)


BUILDERS: dict[str, tuple[str, Callable[[Results, list[str]], list[Row]]]] = {
    "in_app": (
        "save one edit / search / plaintext floor",
        lambda s, z: [*save_rows(s, z), *search_rows(s, z), *floor_rows(s, z)],
    ),
    "cli": ("against jrnl", jrnl_rows),
    "joplin": ("against Joplin", joplin_rows),
    "start": ("cold start", start_rows),
    "lead": ("lead switch", lead_rows),
    "pdf": ("PDF", pdf_rows),
    "memory": ("memory", memory_rows),
    "backup": ("backup", backup_rows),
    "open_formats": ("open formats: export and import", open_format_rows),
    "seen": ("search as the person sees it", _seen_rows("demo text")),
    "seen_real": ("search as the person sees it, realistic text", _seen_rows("realistic text")),
    "lead_tabs": ("lead page tabs", _lead_tab_rows),
    "typing": ("typing under a dd load", _typing_rows),
    "check_progress": ("check and backup with progress", _check_progress_rows),
    "size": ("the file against its text; migrations 0008–0009", _size_rows),
}


def table_rows(results: Results, failures: dict[str, str], sizes: list[str]) -> list[Row]:
    """Every row, in the issue's order; a section that failed gets one 'failed' row."""
    rows: list[Row] = []
    for key, (title, build) in BUILDERS.items():
        if key in failures:
            rows.append(Row(title, "—", failures[key], "—", "failed"))
        elif key in results:
            present = [s for s in sizes if s in results[key]]
            rows += build(results[key], present)
    return rows
