"""The Markdown export and our own files read back: every table, every awkward text, exactly;
the folder's layout and names; written privately, whole or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iltdesk.errors import DiskFull, UsageError
from iltdesk.interchange import markdown_names, markdown_out
from iltdesk.interchange.document import Document, Row, Scope
from iltdesk.interchange.markdown_in import read_markdown
from iltdesk.interchange.markdown_out import write_markdown
from iltdesk.interchange.tables import exported, sql_table

AWKWARD = [
    "",
    "plain",
    "line one\n## A heading of its own\n---\ntrailing spaces   \n\n\nend",
    "<!-- iltdesk:field notes -->\nforged section\n<!-- iltdesk:view -->",
    "\\<!-- iltdesk:field text --> already escaped\n\\\\<!-- iltdesk:view -->",
    "kind: observation\nid: 1\n- a: [list]\n---",
    "Zoë — ünïcode 🙂 and 漢字",
    "\r\nWindows lines\r\n",
    "line\u2028separator\x85next\ufeffbom",
    "   leading spaces\n\ttab",
    "[[Not a link]] #tag ^block",
    "2024-03-01",
    "yes",
    "null",
    "~",
    "'single' \"double\"",
    "ends with newline\n",
    "\n\n",
    "...\n---\n...",
]
# Any text a journal holds: no lone surrogates (no file can store one), no NUL (refused).
TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


def _value(column: sa.Column[Any], n: int, ids: dict[str, list[int]]) -> Any:
    if column.foreign_keys:
        target = ids[next(iter(column.foreign_keys)).column.table.name]
        if column.nullable and n % 3 == 2:
            return None
        return target[n % len(target)]
    kind = column.type
    kind = getattr(kind, "impl_instance", kind)
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return list(kind.enum_class)[n % len(kind.enum_class)].value
    if isinstance(kind, sa.Boolean):
        return n % 2 == 0
    if isinstance(kind, sa.Integer):
        return n + 1
    if isinstance(kind, sa.Float):
        return 2.5 * n - 1
    if isinstance(kind, sa.DateTime):
        return f"2024-03-0{n % 9 + 1}T10:0{n % 10}:00+00:00"
    if isinstance(kind, sa.Date):
        return None if column.nullable and n % 3 == 1 else f"2024-0{n % 9 + 1}-1{n % 10}"
    return AWKWARD[n % len(AWKWARD)]


def every_table(per_table: int = 3) -> Document:
    """Rows of every exported table, every column filled, awkward texts throughout."""
    doc = Document(scope=Scope("Dana Pham", date(2024, 1, 1), None))
    ids: dict[str, list[int]] = {}
    n = 0
    for info in exported():
        rows = doc.rows(info.name)
        table = sql_table(info.name)
        ids[info.name] = [i + 1 for i in range(per_table)]  # a cycle links to an earlier one
        for i in range(per_table):
            row: Row = {}
            for name in info.columns:
                n += 1
                column = table.columns[name]
                row[name] = (
                    i + 1 if name == "id" else _value(column, n if "_id" not in name else i, ids)
                )
            if info.name == "lead":
                row["name"] = ["Dana Pham", "dana  pham", "CON"][i]
            rows.append(row)
    return doc


def round_trip(doc: Document, folder: Path) -> Document:
    write_markdown(doc, folder)
    return read_markdown(folder, [])


def test_every_table_round_trips_exactly(tmp_path: Path) -> None:
    doc = every_table()
    back = round_trip(doc, tmp_path / "out")
    assert back.problems == []
    assert back.tables == doc.tables
    assert back.scope == doc.scope
    assert back.source == "iltdesk"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=TEXTS, agenda=TEXTS, name=TEXTS, feedback=TEXTS)
def test_any_text_round_trips(notes: str, agenda: str, name: str, feedback: str) -> None:
    doc = Document()
    doc.rows("lead").append({"id": 4, "name": name, "notes": feedback})
    doc.rows("one_on_one").append(
        {"id": 9, "lead_id": 4, "held_on": "2024-03-01", "notes": notes, "feedback_given": ""}
    )
    doc.rows("agenda_item").append({"id": 2, "one_on_one_id": 9, "text": agenda, "notes": notes})
    with tempfile.TemporaryDirectory() as scratch:
        back = round_trip(doc, Path(scratch) / "out")
    assert back.problems == []
    assert {t: rows for t, rows in back.tables.items() if rows} == doc.tables


@pytest.fixture
def written(tmp_path: Path) -> Iterator[Path]:
    doc = Document()
    doc.rows("lead").extend(
        [{"id": 3, "name": "Dana Pham", "notes": ""}, {"id": 5, "name": "dana pham"}]
    )
    doc.rows("one_on_one").append(
        {"id": 7, "lead_id": 3, "held_on": "2024-03-01", "notes": "We talked.\n"}
    )
    doc.rows("ilt_meeting").append({"id": 1, "held_on": "2024-03-04", "title": "Norms: again?"})
    doc.rows("action_item").extend(
        [
            {"id": 1, "lead_id": 3, "text": "Send the data", "owner": "lead", "due_on": None},
            {"id": 2, "lead_id": None, "text": "Share norms", "meeting_id": 1, "owner": "both"},
        ]
    )
    doc.rows("action_item_owner").append({"action_item_id": 2, "lead_id": 5})
    write_markdown(doc, tmp_path / "out")
    yield tmp_path / "out"


def test_layout_names_and_links(written: Path) -> None:
    files = sorted(p.relative_to(written).as_posix() for p in written.rglob("*.md"))
    assert files == [
        "ILT/Action items/No date Share norms.md",
        "ILT/Meetings/2024-03-04 Norms again.md",
        "Leads/Dana Pham.md",
        "Leads/Dana Pham/2024-03-01 1-1.md",
        "Leads/Dana Pham/Action items/No date Send the data.md",
        "Leads/dana pham (2).md",
        "iltdesk export.md",
    ]
    one = (written / "Leads/Dana Pham/2024-03-01 1-1.md").read_text("utf-8")
    assert "kind: one_on_one\nid: 7\nlead: '[[Leads/Dana Pham]]'\nlead_id: 3\n" in one
    assert "held_on: 2024-03-01\n" in one  # a date Obsidian shows as one
    assert "<!-- iltdesk:field notes -->\n## Notes\n\nWe talked.\n" in one
    team = (written / "ILT/Action items/No date Share norms.md").read_text("utf-8")
    assert "meeting: '[[ILT/Meetings/2024-03-04 Norms again]]'\nmeeting_id: 1\n" in team
    assert "action_item_owner:\n- action_item_id: 2\n  lead: '[[Leads/dana pham (2)]]'" in team
    assert "## Owners\n\n- Lead: [[Leads/dana pham (2)]]\n" in team
    profile = (written / "Leads/Dana Pham.md").read_text("utf-8")
    assert "- [[Leads/Dana Pham/2024-03-01 1-1]]" in profile


def test_files_are_private(written: Path) -> None:
    assert written.stat().st_mode & 0o777 == 0o700
    for path in written.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j"),
        ("CON", "CON_"),
        ("lpt1.notes", "lpt1.notes_"),
        ("..", "Untitled"),
        (" .hidden. ", "hidden"),
        ("[[x]] #y ^z", "x y z"),
        ("e\u0301", "é"),
        ("\x00\x1f", "Untitled"),
    ],
)
def test_names_are_safe_everywhere(name: str, clean: str) -> None:
    assert markdown_names.clean(name) == clean


def test_long_names_are_capped_in_bytes() -> None:
    name = markdown_names.clean("漢" * 200)
    assert len(name.encode("utf-8")) <= markdown_names.MAX_BYTES
    taken = markdown_names.Names()
    assert taken.claim(("x",), "Ab") == "Ab"
    assert taken.claim(("X",), "aB") == "aB (2)"  # a case-blind disk would merge them


@pytest.mark.parametrize("kind", ["file", "full", "link"])
def test_never_writes_into_anything_but_a_new_or_empty_folder(tmp_path: Path, kind: str) -> None:
    tmp_path = tmp_path / "place"  # (tmp_path holds the test's home too)
    tmp_path.mkdir()
    dest = tmp_path / "dest"
    if kind == "file":
        dest.write_text("x")
    elif kind == "full":
        dest.mkdir()
        (dest / "mine.md").write_text("keep me")
    else:
        (tmp_path / "elsewhere").mkdir()
        dest.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UsageError):
        write_markdown(every_table(1), dest)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["dest", *(["elsewhere"] if kind == "link" else [])]
    )
    if kind == "full":
        assert [p.name for p in dest.iterdir()] == ["mine.md"]


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    tmp_path = tmp_path / "place"
    tmp_path.mkdir()
    (tmp_path / "dest").mkdir(mode=0o755)
    assert write_markdown(every_table(1), tmp_path / "dest") > 10
    assert (tmp_path / "dest").stat().st_mode & 0o777 == 0o700
    assert [p.name for p in tmp_path.iterdir()] == ["dest"]  # no temporary folder left


def test_a_full_disk_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = markdown_out._write_file
    calls = []

    def fill_up(root: Path, relative: str, content: str) -> None:
        calls.append(relative)
        if len(calls) > 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(root, relative, content)

    monkeypatch.setattr(markdown_out, "_write_file", fill_up)
    (tmp_path / "place").mkdir()
    with pytest.raises(DiskFull, match="disk is full"):
        write_markdown(every_table(1), tmp_path / "place" / "dest")
    assert list((tmp_path / "place").iterdir()) == []


def test_a_newer_export_is_refused_in_one_line(tmp_path: Path) -> None:
    write_markdown(every_table(1), tmp_path / "out")
    manifest = tmp_path / "out" / "iltdesk export.md"
    manifest.write_text(manifest.read_text("utf-8").replace("version: 1", "version: 99"))
    problems = read_markdown(tmp_path / "out", []).problems
    assert problems == [
        "iltdesk export.md was written by a newer iltdesk (export version 99); "
        "update iltdesk to import it."
    ]


def test_edited_files_still_read(written: Path) -> None:
    """A person who edits a note in Obsidian (drops the blank line, the heading) still gets
    the note back; a duplicated record is one plain line."""
    path = written / "Leads/Dana Pham/2024-03-01 1-1.md"
    text = path.read_text("utf-8").replace("## Notes\n\nWe talked.\n", "We talked more.")
    path.write_text(text, "utf-8")
    (written / "Leads/copy.md").write_text(text, "utf-8")
    back = read_markdown(written, [])
    assert back.rows("one_on_one")[0]["notes"] == "We talked more."
    assert back.problems == [
        "Leads/Dana Pham/2024-03-01 1-1.md holds the same 1:1 as Leads/copy.md; keep one."
    ]


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Document, Path]]:
    from iltdesk.demo import build_demo
    from iltdesk.interchange.dump import dump
    from iltdesk.store.journal import Journal

    place = tmp_path_factory.mktemp("demo")
    journal = Journal.create(place / "demo.iltdesk", "correct horse battery staple")
    try:
        build_demo(journal, today=date(2026, 12, 3))
        doc = dump(journal)
    finally:
        journal.close()
    write_markdown(doc, place / "out")
    yield doc, place / "out"


def test_the_demo_journal_round_trips_through_markdown(
    demo_export: tuple[Document, Path], journal: Any
) -> None:
    """Issue 21's done: the demo out as Markdown, read back equal to what was dumped, into an
    empty journal record by record; importing it again creates nothing."""
    from iltdesk.interchange import load
    from iltdesk.interchange.dump import dump

    original, folder = demo_export
    back = read_markdown(folder, [])
    assert back.problems == []
    assert back == original  # every table, row, id, link and text; the scope and the source
    done = load.apply(journal, back)
    assert done.rows == original.count()
    again = dump(journal)
    assert [len(r) for r in again.tables.values()] == [len(r) for r in original.tables.values()]
    assert len(load.apply(journal, read_markdown(folder, [])).new) == 0


def test_what_a_killed_export_left_is_swept(tmp_path: Path) -> None:
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    place = tmp_path / "place"
    stale = place / f".iltdesk-{gone}-abc{markdown_out.STAGING}"
    live = place / f".iltdesk-{os.getpid()}-abc{markdown_out.STAGING}"
    for folder in (stale, live):
        folder.mkdir(parents=True)
        (folder / "note.md").write_text("plain text")
    write_markdown(every_table(1), place / "out")
    assert sorted(p.name for p in place.iterdir()) == [live.name, "out"]


def test_rows_whose_record_is_missing_are_kept(tmp_path: Path) -> None:
    doc = Document()
    doc.rows("lead").append({"id": 1, "name": "Dana Pham"})
    doc.rows("agenda_item").append({"id": 5, "one_on_one_id": 99, "text": "orphan\n"})
    doc.rows("action_item").append({"id": 2, "lead_id": None, "text": "team"})
    doc.rows("action_item_owner").append({"action_item_id": 3, "lead_id": 1})
    back = round_trip(doc, tmp_path / "out")
    assert (tmp_path / "out" / "Loose rows.md").is_file()
    assert back.problems == []
    assert {t: rows for t, rows in back.tables.items() if rows} == doc.tables


def test_a_lead_named_like_a_folder_of_ours(tmp_path: Path) -> None:
    doc = Document()
    doc.rows("lead").append({"id": 1, "name": "No lead"})
    doc.rows("one_on_one").append({"id": 1, "lead_id": 1, "held_on": "2024-03-01"})
    doc.rows("energy_check").append({"id": 1, "lead_id": 2, "checked_on": "2024-03-02"})
    write_markdown(doc, tmp_path / "out")
    files = sorted(p.relative_to(tmp_path / "out").as_posix() for p in tmp_path.rglob("*.md"))
    assert files == [
        "Leads/No lead (2).md",
        "Leads/No lead (2)/2024-03-01 1-1.md",
        "Leads/No lead/2024-03-02 Energy check.md",
        "iltdesk export.md",
    ]


def test_front_matter_keys_never_clash() -> None:
    """``kind`` names the table (a row's own ``kind`` is written ``type``), a link's
    ``[[link]]`` key drops ``_id``, and a record's rows are listed under their table's name:
    none of these may meet a column (a new column or table that would is caught here)."""
    for info in exported():
        children = {c.name for c in exported() if c.parent and c.parent.table == info.name}
        links = [markdown_out._link_key(info.name, link.column) for link in info.links]
        taken = [*info.columns, "type", *children, *links]
        assert "type" not in info.columns, info.name
        assert len(taken) == len(set(taken)), info.name
