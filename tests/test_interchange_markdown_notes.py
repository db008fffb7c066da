"""Notes written elsewhere (a folder of Markdown or text, an Obsidian vault) read as 1:1 notes:
lead and day from the front matter, the folder and the file name; hostile folders give plain
problem lines, never a crash."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iltdesk.errors import JournalError, UsageError
from iltdesk.interchange.document import SOURCE, Document
from iltdesk.interchange.markdown_in import MAX_BYTES, read_markdown

KNOWN = ["Dana Pham", "Luis Ortega"]


def write(root: Path, relative: str, content: str | bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def notes(doc: Document) -> dict[str, tuple[str | None, str | None, str]]:
    """Each note by its file: (lead's name, day, text)."""
    leads = {row["id"]: row["name"] for row in doc.rows("lead")}
    return {
        row[SOURCE]: (leads.get(row["lead_id"]), row["held_on"], row["notes"])
        for row in doc.rows("one_on_one")
    }


def test_lead_and_day_from_front_matter_folder_and_name(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    write(root, "2024-03-01 first.md", "---\nlead: dana  PHAM\ndate: 2024-02-28\n---\nHello\n")
    write(root, "Luis Ortega/20240305.md", "No front matter.  \n\n")
    write(root, "luis ortega/2024/2024-03-07.txt", "Nested")
    write(root, "Ms Ruiz/notes.markdown", "---\ntags: [x]\n---\n")
    write(root, "loose.md", "---\nlead: '[[Leads/Dana Pham|Dana]]'\ndate: March\n---\nx")
    write(root, "bom.md", "\ufeff---\nlead: [Luis Ortega]\ndate: 2024-03-09T10:00:00\n---\ny")
    write(root, "2024-02-30 impossible.md", "no such day")
    doc = read_markdown(root, KNOWN)
    assert doc.problems == []
    assert doc.source == "Markdown files"
    assert notes(doc) == {
        "2024-02-30 impossible.md": (None, None, "no such day"),
        "2024-03-01 first.md": ("Dana Pham", "2024-02-28", "Hello\n"),
        "Luis Ortega/20240305.md": ("Luis Ortega", "2024-03-05", "No front matter.  \n\n"),
        "Ms Ruiz/notes.markdown": ("Ms Ruiz", None, ""),
        "bom.md": ("Luis Ortega", "2024-03-09", "y"),
        "loose.md": ("Dana Pham", None, "x"),
        "luis ortega/2024/2024-03-07.txt": ("Luis Ortega", "2024-03-07", "Nested"),
    }
    assert [row["name"] for row in doc.rows("lead")] == ["Dana Pham", "Luis Ortega", "Ms Ruiz"]
    assert list(doc.tables) == ["lead", "one_on_one"]


def test_one_file_can_be_imported(tmp_path: Path) -> None:
    write(tmp_path, "Dana Pham/2024-03-01.md", "only this")
    doc = read_markdown(tmp_path / "Dana Pham/2024-03-01.md", KNOWN)
    assert notes(doc) == {"2024-03-01.md": (None, "2024-03-01", "only this")}


def test_hidden_files_and_links_are_passed_over(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    write(root, ".obsidian/workspace.md", "settings")
    write(root, ".git/notes.md", "history")
    write(root, ".hidden.md", "hidden")
    write(root, "kept.md", "kept")
    write(tmp_path, "outside/secret.md", "not in the vault")
    (root / "linked").symlink_to(tmp_path / "outside")
    (root / "linked.md").symlink_to(tmp_path / "outside/secret.md")
    assert list(notes(read_markdown(root, KNOWN))) == ["kept.md"]
    (tmp_path / "link").symlink_to(root)
    with pytest.raises(UsageError, match="is a link"):
        read_markdown(tmp_path / "link", KNOWN)


def test_bad_files_are_plain_problem_lines(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    write(root, "big.md", b"x" * (MAX_BYTES + 1))
    write(root, "yaml.md", "---\nlead: [unclosed\n---\ntext")
    write(root, "list.md", "---\n- just\n- a list\n---\n")
    write(root, "latin1.md", "caf\xe9".encode("latin-1"))
    write(root, "binary.txt", b"\x00\x01\x02text")
    write(root, "fine.md", "fine")
    write(root, "feb.md", "---\ndate: 2025-02-30\n---\ntext")
    doc = read_markdown(root, KNOWN)
    assert doc.problems == [
        "big.md is larger than 5 MB; notes that long are not imported.",
        "binary.txt is not a text file.",
        "feb.md: its front matter has a date that does not exist (day is out of range for month).",
        "latin1.md is not UTF-8 text; save it as UTF-8 and try again.",
        "list.md: its front matter should be lines of 'name: value'.",
        "yaml.md: its front matter (between the --- lines) is not valid YAML.",
    ]
    assert list(notes(doc)) == ["fine.md"]


def test_an_empty_folder_or_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert read_markdown(tmp_path / "empty", KNOWN).problems == [
        f"{tmp_path / 'empty'} holds no Markdown or text files to import."
    ]
    with pytest.raises(UsageError):
        read_markdown(tmp_path / "missing", KNOWN)
    write(tmp_path, "data.csv", "a,b")
    with pytest.raises(UsageError):
        read_markdown(tmp_path / "data.csv", KNOWN)


def test_our_own_files_beside_other_notes(tmp_path: Path) -> None:
    """A note from elsewhere dropped into an export joins the lead the export holds."""
    from iltdesk.interchange.markdown_out import write_markdown

    doc = Document()
    doc.rows("lead").append({"id": 7, "name": "Dana Pham"})
    doc.rows("one_on_one").append({"id": 2, "lead_id": 7, "held_on": "2024-01-01", "notes": ""})
    write_markdown(doc, tmp_path / "out")
    write(tmp_path / "out", "Leads/Dana Pham/2024-05-01 typed later.md", "later")
    back = read_markdown(tmp_path / "out", [])
    assert back.problems == []
    assert [r["name"] for r in back.rows("lead")] == ["Dana Pham"]
    assert [(r["id"], r["lead_id"], r["held_on"]) for r in back.rows("one_on_one")] == [
        (2, 7, "2024-01-01"),
        (3, 7, "2024-05-01"),
    ]


FRONTS = st.sampled_from(
    ["", "---\n", "---\nkind: one_on_one\n", "---\nkind: export\nversion: 2\n", "---\nkind: lead\n"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=FRONTS, data=st.binary(max_size=300), yaml_text=st.text(max_size=200))
def test_random_files_never_crash_the_reader(front: str, data: bytes, yaml_text: str) -> None:
    """T7's promise for this reader: anything at all is a Document or one plain error."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write(root, "a.md", front.encode() + data)
        write(root, "b.md", (front + yaml_text + "\n---\n").encode("utf-8", "replace"))
        write(root, "Leads/c.md", f"---\nkind: one_on_one\nid: 1\n{yaml_text}\n---\n")
        try:
            doc = read_markdown(root, KNOWN)
        except JournalError:
            return
    assert all(isinstance(line, str) and "\n" not in line for line in doc.problems)


def test_an_unreadable_file_is_a_problem_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    write(tmp_path, "locked.md", "secret")
    (tmp_path / "locked.md").chmod(0)
    assert read_markdown(tmp_path, KNOWN).problems == [
        "locked.md cannot be read: permission denied."
    ]


def test_odd_file_names_and_many_problems_stay_plain(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "two\nlines.md").write_text("x")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.md"), "wb") as handle:
        handle.write(b"y")
    for n in range(12):
        write(root, f"junk/{n:02}.md", b"\xff")
    doc = read_markdown(root, KNOWN)
    assert sorted(notes(doc)) == ["caf\ufffd.md", "two\ufffdlines.md"]
    assert len(doc.problems) == 11
    assert doc.problems[0] == "junk/00.md is not UTF-8 text; save it as UTF-8 and try again."
    assert doc.problems[-1] == "... and 2 more like these."


def test_a_vaults_own_kind_property_is_just_a_note(tmp_path: Path) -> None:
    write(tmp_path, "Dana Pham/2024-03-01.md", "---\nkind: observation\n---\nwatched")
    write(tmp_path, "export.md", "---\nkind: export\n---\nmy export plans")
    assert notes(read_markdown(tmp_path, KNOWN)) == {
        "Dana Pham/2024-03-01.md": ("Dana Pham", "2024-03-01", "watched"),
        "export.md": (None, None, "my export plans"),
    }
