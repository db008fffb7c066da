"""T7 fuzz, the importers: every file ``iltdesk import`` reads, mangled by hypothesis.

For each format (our JSON, Day One's zip and its JSON, jrnl's JSON, a roster's CSV, a folder
of Markdown notes, and the same files with the format guessed), the samples are random bytes
and real files built here as each format documents them, then mutated (``import_samples``).
Each is read, planned and applied to one real journal, as ``iltdesk import --yes`` would
(notes with no lead given a lead, notes with no day given a day). The goal: only our own
errors (``iltdesk.errors``); a refused file leaves the journal and its folder byte-identical;
a file that imports imports once (a second import creates nothing) and the journal still
passes ``check``. A sample through the command line, in a fresh process, exits 0 or 2 with
one plain line, never 1 (a bug) and never a traceback.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iltdesk.demo import build_demo
from iltdesk.interchange import load
from iltdesk.interchange.document import ImportRefused, Scope
from iltdesk.interchange.dump import dump
from iltdesk.interchange.formats import read_source
from iltdesk.interchange.json_io import as_json as export_json
from iltdesk.interchange.markdown_out import write_markdown
from iltdesk.interchange.tables import exported
from iltdesk.lead import add_lead
from iltdesk.store.backups import check
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability import import_samples as s
from tests.reliability.conftest import Figure, trial_count
from tests.reliability.test_t07_fuzz import FUZZ, folder_state, outcome_of, summary

EXAMPLES = trial_count(25, 500)  # per format
LEADS = ["Jordan Pham", "Dr. Amara Okafor", "Lucía García-López"]
A_DAY = date(2024, 5, 6)
Seeds = dict[str, Any]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty journal (closed), copied for each journal this module needs: made once."""
    path = tmp_path_factory.mktemp("t7-imports") / "empty.iltdesk"
    Journal.create(path, PASSPHRASE).close()
    return path


def copy_of(template: Path, where: Path) -> Path:
    where.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, where)
    return where


def day_one_entry(text: str, when: str, tags: list[str]) -> dict[str, Any]:
    return {
        "uuid": "9C5A1F0E3B2D4C6A8E7F1A2B3C4D5E6F",
        "creationDate": when,
        "modifiedDate": when,
        "timeZone": "America/Chicago",
        "starred": False,
        "tags": tags,
        "text": text,
        "photos": [{"identifier": "2A69", "type": "jpeg"}],
    }


@pytest.fixture(scope="module")
def seeds(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    """One valid file, or folder, in each format: what the mutations start from."""
    work = tmp_path_factory.mktemp("t7-import-seeds")
    with Journal.open(copy_of(template, work / "source.iltdesk"), PASSPHRASE) as source:
        build_demo(source, today=date(2026, 12, 3))
        lead = dump(source, Scope(lead="Marcus Feld", since=date(2026, 9, 1)))
        ranged = dump(source, Scope(since=date(2026, 11, 20)))
    write_markdown(lead, work / "ours")
    notes = {
        "notes/Jordan Pham/2024-03-01 check-in.md": b"---\nlead: Jordan Pham\ndate: 2024-03-01\n"
        b"tags: [ilt]\n---\n# Check-in\nWent over the **data**.\n",
        "notes/Okafor/20240302.txt": b"Plain text note about the schedule.\n",
        "notes/inbox/undated.md": b"---\nlead: '[[Lucia Garcia-Lopez]]'\n---\nNo day here.\n",
        "notes/.obsidian/app.json": b"{}",
    }
    day_one = {
        "metadata": {"version": "1.0"},
        "entries": [
            day_one_entry("Went over the 7th\\-grade data\\.", "2023-01-05T14:22:10Z", ["Pham"]),
            day_one_entry("Call with Amara", "2023-03-12T02:30:00Z", ["okafor", "ilt"]),
            day_one_entry(
                "No tag: the journal's name or the plan says", "2023-04-01T09:00:00Z", []
            ),
        ],
    }
    jrnl = {
        "tags": {"@pham": 1},
        "entries": [
            {
                "title": "Met Pham.",
                "body": "Data.\n",
                "date": "2023-01-05",
                "time": "14:22",
                "tags": ["@pham"],
                "starred": False,
            },
            {"title": "Undated", "body": "x", "date": "2023-13-40", "time": "09:00", "tags": []},
        ],
    }
    return {
        "json": {"lead": export_json(lead), "range": export_json(ranged)},
        "markdown": {"ours": s.read_folder(work / "ours"), "foreign": notes},
        "dayone": day_one,
        "jrnl": jrnl,
        "roster": [
            ["Name", "Role", "Team"],
            ["Jordan Pham", "Team Lead", "7th grade"],
            ["Rosa Delgado", "Dean", ""],
            ["", "Counselor", "All"],
        ],
    }


@pytest.fixture(scope="module")
def target(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """The principal's journal every sample is offered to, open for the whole module (a
    refused sample must leave it, and its folder, byte-identical)."""
    path = copy_of(template, tmp_path_factory.mktemp("t7-import-target") / "school.iltdesk")
    with Journal.open(path, PASSPHRASE) as journal:
        for name in LEADS:
            add_lead(journal, name)
        yield journal


def state(journal: Journal) -> dict[str, str]:
    """The journal's folder, byte by byte: the journal, its WAL and anything beside them. The
    shared-memory index (-shm) is left out: SQLite's readers mark it on every read."""
    return {k: v for k, v in folder_state(journal.path.parent).items() if not k.endswith("-shm")}


def counts(journal: Journal) -> dict[str, int]:
    tables = [t.name for t in exported()]
    return {t: int(journal.execute(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


class Broken(AssertionError):
    """The importer did something it must not: reported as a problem, like a crash."""


def import_once(journal: Journal, source: Path, fmt: str | None) -> str:
    """``iltdesk import --yes``, with a lead and a day given where the plan asks; what
    happened."""
    known = [str(row[0]) for row in journal.execute("SELECT name FROM lead")]
    doc = read_source(source, fmt, known)
    asked = load.plan(journal, doc)
    load.give_days(doc, {where: A_DAY for where in asked.undated})
    lead = known[0] if asked.leadless else None
    ready = load.plan(journal, doc, default_lead=lead).ready
    try:
        done = load.apply(journal, doc, default_lead=lead)
    except ImportRefused:
        return "refused by its plan" if not ready else "refused: conflicts with the journal"
    if not ready:
        raise Broken("a plan with problems was applied")
    if not done.writes:
        return "nothing new"
    before = counts(journal)
    again = load.apply(journal, doc, default_lead=lead)
    if again.writes or counts(journal) != before:
        raise Broken(f"a second import wrote again: {again.rows} rows, {again.filled[:2]}")
    report = check(journal)
    if not report.ok:
        raise Broken(f"check after the import: {report.problems[:2]}")
    return "imported"


def result_of(journal: Journal, source: Path, fmt: str | None) -> str:
    """What importing ``source`` did: "imported", "nothing new", "refused: ..." or
    "uncaught ..." (a bug)."""
    happened: list[str] = []
    outcome = outcome_of(lambda: happened.append(import_once(journal, source, fmt)))
    if outcome == "ok":
        return happened[0]
    return outcome if outcome.startswith("uncaught") else f"refused: {outcome}"


FORMATS = ["json", "dayone", "jrnl", "roster", "markdown", None]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f or "guessed")
def test_every_importer_meets_any_file_with_our_errors_only(
    fmt: str | None, seeds: Seeds, target: Journal, tmp_path: Path, figure: Figure
) -> None:
    by_format = s.strategies(seeds)
    samples = by_format[fmt] if fmt else st.one_of(*by_format.values())
    root = tmp_path / "offered"
    seen: Counter[str] = Counter()
    problems: list[str] = []

    @settings(FUZZ, max_examples=EXAMPLES)
    @given(sample=samples)
    def offer(sample: s.Sample) -> None:
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        source = s.lay_out(sample, root, target.path)
        before = state(target)
        result = result_of(target, source, fmt)
        seen[f"{sample.kind} → {result}"] += 1
        if result.startswith("uncaught"):
            problems.append(f"{sample.kind} → {result}")
        if result != "imported" and state(target) != before:
            problems.append(f"{sample.kind} → {result}, yet the journal's folder changed")

    offer()
    total = sum(seen.values())
    crashes = sum(n for k, n in seen.items() if "uncaught" in k)
    figure(
        "T7",
        f"fuzzed files given to import ({fmt or 'format guessed'})",
        f"{total:,} files ({len({k.split(' → ')[0] for k in seen})} kinds): {summary(seen)}; "
        f"{crashes} crashes; the journal byte-identical after every refusal"
        + (f"; problems: {sorted(set(problems))[:6]}" if problems else ""),
        not problems,
    )
    assert not problems, sorted(set(problems))[:10]


# -- the command line ------------------------------------------------------------------------


def test_the_cli_import_meets_bad_files_with_one_plain_line(
    template: Path, seeds: Seeds, tmp_path: Path, figure: Figure
) -> None:
    journal = copy_of(template, tmp_path / "journal" / "school.iltdesk")
    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    codes: Counter[int] = Counter()
    bad: list[str] = []
    for i, (sample, extra) in enumerate(s.cli_samples(seeds)):
        root = tmp_path / f"offered-{i}"
        root.mkdir()
        source = s.lay_out(sample, root, journal)
        before = folder_state(journal.parent)
        result = run_cli("import", str(journal), str(source), "--yes", *extra, env=env)
        codes[result.returncode] += 1
        said = f"{sample.kind}: exit {result.returncode} {result.stderr.strip()[-160:]!r}"
        if result.returncode not in (0, 2) or "Traceback" in result.stdout + result.stderr:
            bad.append(said)
        elif result.returncode == 2 and not (
            result.stderr.startswith("iltdesk: ") and result.stderr.count("\n") == 1
        ):
            bad.append(f"{said}: not one plain line")
        elif result.returncode == 2 and folder_state(journal.parent) != before:
            bad.append(f"{said}: the journal's folder changed")
    figure(
        "T7",
        "fuzzed files given to `iltdesk import --yes`",
        f"{sum(codes.values())} files: exit codes {dict(sorted(codes.items()))} (0 imported or "
        "nothing new, 2 refused with one plain line, the journal byte-identical)"
        + (f"; problems {bad[:4]}" if bad else ""),
        not bad,
    )
    assert not bad, bad
    assert codes[0] >= 1  # the valid file


# -- what the fuzz found, mended --------------------------------------------------------------


@pytest.mark.parametrize(
    "tables",
    [
        {"lead": [{"name": "Maya Ortiz"}]},
        {"lead": [{"id": 1, "name": "Maya Ortiz"}], "one_on_one": [{"lead_id": 1, "notes": "x"}]},
    ],
    ids=["a lead", "a 1:1"],
)
def test_a_row_without_its_id_is_refused_in_one_plain_line(
    tables: dict[str, Any], target: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps({"format": "iltdesk-export", "version": 1, "tables": tables}))
    before = state(target)
    result = result_of(target, source, "json")
    assert result.startswith("refused"), result
    assert state(target) == before


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_a_moment_at_the_edge_of_time_is_refused_in_one_plain_line(
    moment: str, target: Journal, tmp_path: Path
) -> None:
    lead = {"id": 1, "name": "Maya Ortiz", "created_at": moment}
    source = tmp_path / "export.json"
    source.write_text(
        json.dumps({"format": "iltdesk-export", "version": 1, "tables": {"lead": [lead]}})
    )
    before = state(target)
    result = result_of(target, source, "json")
    assert result.startswith("refused"), result
    assert state(target) == before


def offer_fifo(journal: Journal, root: Path, sample: s.Sample, fmt: str | None) -> str:
    root.mkdir()
    source = s.lay_out(sample, root, journal.path)
    fifo = next(root / name for name, content in sample.files if content == s.FIFO)
    before = state(journal)
    with s.unblocking(fifo) as hung:
        result = result_of(journal, source, fmt)
    changed = ", the journal's folder changed" if state(journal) != before else ""
    return f"{'hung, then ' if hung else ''}{result}{changed}"


@pytest.mark.parametrize("fmt", ["markdown", None], ids=lambda f: f or "guessed")
def test_a_fifo_in_a_folder_of_notes_does_not_hang_the_import(
    fmt: str | None, target: Journal, tmp_path: Path
) -> None:
    files = (("notes/a.md", b"---\nlead: Jordan Pham\ndate: 2024-03-01\n---\nx"),)
    sample = s.Sample("a FIFO among notes", (*files, ("notes/pipe.md", s.FIFO)), "notes")
    result = offer_fifo(target, tmp_path / "offered", sample, fmt)
    assert not result.startswith("hung") and "uncaught" not in result, result


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "x.json"),
        ("dayone", "x.json"),
        ("jrnl", "x.json"),
        ("roster", "x.csv"),
        (None, "x.json"),
    ],
    ids=["json", "dayone", "jrnl", "roster", "guessed"],
)
def test_a_fifo_given_as_the_file_does_not_hang_the_import(
    fmt: str | None, name: str, target: Journal, tmp_path: Path
) -> None:
    sample = s.Sample("a FIFO", ((name, s.FIFO),), name)
    result = offer_fifo(target, tmp_path / "offered", sample, fmt)
    assert not result.startswith("hung") and "uncaught" not in result, result
