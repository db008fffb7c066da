"""The interchange core on real journals: a whole journal, a lead or a range out as a
Document and our JSON, back into an empty journal record by record; idempotent; all or
nothing; every bad value one plain line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from iltdesk.demo import build_demo
from iltdesk.errors import DiskFull, UsageError
from iltdesk.interchange import load
from iltdesk.interchange.document import Document, ImportRefused, Scope
from iltdesk.interchange.dump import dump
from iltdesk.interchange.json_io import read_json, write_json
from iltdesk.interchange.prepare import identify, prepare
from iltdesk.interchange.tables import exported
from iltdesk.store.journal import Journal

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path = tmp_path_factory.mktemp("demo") / "demo.iltdesk"
    journal = Journal.create(path, PASSPHRASE)
    build_demo(journal, today=TODAY)
    yield journal
    journal.close()


@pytest.fixture(scope="module")
def exported_json(demo: Journal, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("out") / "all.json"
    write_json(dump(demo), path)
    return path


def identities(doc: Document) -> dict[str, list[bytes]]:
    """Each table's rows by content, ids and stamps aside: what a round trip must keep."""
    prepared = prepare(doc)
    identify(prepared)
    return {table: sorted(ids.values()) for table, ids in prepared.identity.items()}


def counts(journal: Journal) -> dict[str, int]:
    return {
        t.name: int(journal.execute(f"SELECT count(*) FROM {t.name}")[0][0]) for t in exported()
    }


def test_whole_journal_round_trips_record_by_record(
    demo: Journal, exported_json: Path, journal: Journal
) -> None:
    assert exported_json.stat().st_mode & 0o777 == 0o600
    original = dump(demo)
    assert {name for name, rows in original.tables.items() if rows} >= {
        "lead", "one_on_one", "agenda_item", "action_item", "action_item_owner", "observation",
        "learning_cycle", "coaching_agreement", "ilt_meeting", "difficult_conversation",
        "teacher_team", "team_data_value", "challenge", "self_check_answer", "charter_version",
    }  # fmt: skip
    done = load.apply(journal, read_json(exported_json))
    assert done.rows == original.count()
    assert identities(dump(journal)) == identities(original)
    # Dates, owners and links came through: every action item's owner and due day.
    pairs = "SELECT a.text, a.owner, a.due_on, o.held_on FROM action_item a " \
        "LEFT JOIN one_on_one o ON o.id = a.one_on_one_id ORDER BY 1, 2, 3, 4"  # fmt: skip
    assert journal.execute(pairs) == demo.execute(pairs)


def test_importing_again_or_into_its_own_journal_creates_nothing(
    demo: Journal, exported_json: Path, journal: Journal
) -> None:
    doc = read_json(exported_json)
    load.apply(journal, doc)
    before = counts(journal)
    again = load.apply(journal, read_json(exported_json))
    assert (again.rows, again.new) == (0, ())
    assert again.already > 0
    assert counts(journal) == before
    home = load.plan(demo, doc)
    assert home.rows == 0 and home.summary().startswith("Creates nothing new; ")
    assert " action items, " in home.summary()
    assert home.summary().endswith(" already in the journal.") and home.already == doc.records()


def test_a_lead_and_a_range_hold_only_what_is_theirs(demo: Journal) -> None:
    whole = dump(demo, Scope("Marcus"))
    assert [r["name"] for r in whole.tables["lead"]] == ["Marcus Feld"]
    lead_id = whole.tables["lead"][0]["id"]
    assert {r["lead_id"] for r in whole.tables["one_on_one"]} == {lead_id}
    assert not whole.tables["ilt_meeting"] and not whole.tables["charter_version"]
    held = {r["id"] for r in whole.tables["one_on_one"]}
    assert {r["one_on_one_id"] for r in whole.tables["agenda_item"]} <= held
    ranged = dump(demo, Scope("Marcus", date(2026, 10, 1), date(2026, 11, 30)))
    days = [r["held_on"] for r in ranged.tables["one_on_one"]]
    assert days and all("2026-10-01" <= d <= "2026-11-30" for d in days)
    assert len(days) < len(whole.tables["one_on_one"])
    kept = {r["id"] for r in ranged.tables["one_on_one"]}
    assert {r["one_on_one_id"] for r in ranged.tables["agenda_item"]} <= kept
    # A link to what was left out is null, not a dangling id.
    for item in ranged.tables["action_item"]:
        assert item["one_on_one_id"] in kept | {None}


def note(**row: object) -> Document:
    doc = Document(source="test")
    doc.add("lead", {"name": "Dana Pham"})
    doc.add("one_on_one", {"lead_id": 1, "held_on": "2025-03-01", "notes": "x", **row})
    return doc


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ({"held_on": "yesterday"}, "held_on must be a date"),
        ({"notes": 5}, "notes must be text"),
        ({"lead_id": 9}, "belongs to a record the file does not hold"),
        ({"mood": "fine"}, "no such field as 'mood'"),
        ({"notes": "a\x00b"}, "not text"),
        ({"notes": "\udc80"}, "not text"),
    ],
)
def test_a_bad_value_is_one_plain_line_and_nothing_is_written(
    journal: Journal, row: dict[str, object], said: str
) -> None:
    before = counts(journal)
    plan = load.plan(journal, note(**row))
    assert not plan.ready and any(said in line for line in plan.questions())
    with pytest.raises(ImportRefused, match="Nothing was imported"):
        load.apply(journal, note(**row))
    assert counts(journal) == before


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("   ", "a lead needs a name"),
        ("Dana\nPham", "one line of at most 200 characters"),
        ("D" * 201, "one line of at most 200 characters"),
    ],
)
def test_a_lead_the_app_would_refuse_is_refused(journal: Journal, name: str, said: str) -> None:
    doc = Document(source="test")
    doc.add("lead", {"name": name})
    assert any(said in line for line in load.plan(journal, doc).questions())
    odd = Document(source="test")
    odd.add("lead", {"name": "Dana Pham", "cadence_days": 400})
    assert any("meet every 1 to 90 days" in q for q in load.plan(journal, odd).questions())


def test_an_unknown_kind_or_a_bad_choice_is_refused(journal: Journal) -> None:
    doc = note()
    doc.tables["gossip"] = [{"id": 1}]
    doc.add("action_item", {"lead_id": 1, "text": "t", "owner": "the janitor"})
    lines = load.plan(journal, doc).questions()
    assert any("unknown kind, 'gossip'" in line for line in lines)
    assert any("owner must be one of" in line for line in lines)


def test_notes_without_a_lead_or_a_day_are_asked_about(journal: Journal) -> None:
    doc = Document(source="test")
    doc.add("one_on_one", {"lead_id": None, "held_on": None, "notes": "a", "_source": "a.txt"})
    doc.add("lead", {"name": "Dana Pham"})
    plan = load.plan(journal, doc)
    assert (plan.leadless, plan.undated) == (0, ("a.txt",))
    load.give_days(doc, {"a.txt": date(2025, 1, 6)})
    plan = load.plan(journal, doc)
    assert plan.leadless == 1 and not plan.ready
    assert "1 note names no lead (a.txt): choose one." in plan.questions()
    done = load.apply(journal, doc, default_lead="Dana")
    assert [p.label for p in done.new] == ["lead", "1:1"]
    assert journal.execute("SELECT held_on, notes FROM one_on_one") == [("2025-01-06", "a")]


def test_a_failure_part_way_writes_nothing(
    journal: Journal, exported_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iltdesk.interchange import write as module

    calls = 0
    real = module._values

    def full_disk(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 300:
            raise DiskFull("The disk is full; nothing was saved.")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_values", full_disk)
    before = counts(journal)
    with pytest.raises(DiskFull):
        load.apply(journal, read_json(exported_json))
    assert counts(journal) == before


def test_a_conflict_with_the_journal_is_refused_whole(journal: Journal) -> None:
    doc = note()
    agreement = {"lead_id": 1, "version": 1, "agreed_on": "2025-01-01"}
    doc.add("coaching_agreement", {**agreement, "meeting_cadence": "weekly"})
    load.apply(journal, doc)
    before = counts(journal)
    other = note(notes="y")
    other.add("coaching_agreement", {**agreement, "meeting_cadence": "monthly"})
    with pytest.raises(ImportRefused, match="conflicts with one in the journal"):
        load.apply(journal, other)
    assert counts(journal) == before


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2", "not JSON"),
        (b"[" * 100_000, "not JSON"),
        (b'{"format": "other"}', "not an iltdesk export"),
        (b'{"format": "iltdesk-export", "version": 2}', "newer iltdesk (schema 2)"),
        (b'{"format": "iltdesk-export", "version": true}', "no schema version"),
        (b'{"format": "iltdesk-export", "version": 1, "tables": {"lead": [1]}}', "no tables"),
    ],
)
def test_a_file_that_is_not_our_export_is_one_plain_line(
    tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(UsageError) as refused:
        read_json(path)
    assert said in str(refused.value)


def test_the_json_names_its_format_version_and_scope(demo: Journal, tmp_path: Path) -> None:
    path = tmp_path / "marcus.json"
    write_json(dump(demo, Scope("Marcus", since=date(2026, 9, 1))), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("iltdesk-export", 1)
    assert data["scope"] == {"lead": "Marcus Feld", "from": "2026-09-01", "to": None}
    meeting = data["tables"]["one_on_one"][0]
    assert set(meeting) == {"id", "created_at", "updated_at", "lead_id", "held_on", "notes",
                            "feedback_given"}  # fmt: skip
    assert meeting["created_at"].endswith("+00:00")


def test_the_demo_through_markdown_into_an_empty_journal_and_again(
    demo: Journal, journal: Journal, tmp_path: Path
) -> None:
    from iltdesk.interchange.markdown_in import read_markdown
    from iltdesk.interchange.markdown_out import write_markdown

    original = dump(demo)
    folder = tmp_path / "notes"
    write_markdown(original, folder)
    done = load.apply(journal, read_markdown(folder, []))
    assert done.rows == original.count()
    assert identities(dump(journal)) == identities(original)
    again = load.plan(journal, read_markdown(folder, []))
    assert (again.rows, again.already) == (0, original.records())


def test_a_roster_fills_only_what_the_journal_leaves_blank(journal: Journal) -> None:
    from iltdesk.lead import add_lead

    add_lead(journal, "Dana Pham")  # added by name alone
    add_lead(journal, "Ben Okafor", role="Department head")
    roster = Document(source="roster")
    roster.add("lead", {"name": "dana pham", "role": "Team lead", "team": "6th grade"})
    roster.add("lead", {"name": "Ben Okafor", "role": "Teacher", "team": "Science"})
    plan = load.plan(journal, roster)
    assert plan.filled == (
        "Dana Pham: role Team lead (blank in the journal)",
        "Dana Pham: team 6th grade (blank in the journal)",
        "Ben Okafor: team Science (blank in the journal)",
    )
    said = "Creates nothing new; 2 leads already in the journal; fills in 3 blanks of leads."
    assert plan.writes and plan.summary() == said
    load.apply(journal, roster)
    rows = journal.execute("SELECT name, role, team FROM lead ORDER BY name")
    assert rows == [("Ben Okafor", "Department head", "Science"),
                    ("Dana Pham", "Team lead", "6th grade")]  # fmt: skip
    assert not load.plan(journal, roster).writes  # again: nothing to change


def test_our_export_is_told_by_its_first_line_whatever_its_size(
    exported_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iltdesk.interchange import guess

    first = exported_json.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith('{"format": "iltdesk-export", "version": 1,')

    def too_large(path: Path, *_args: object, **_kw: object) -> bytes:
        raise ImportRefused(f"{path.name} is larger than other apps' notes may be.")

    # Other apps' files are read whole to be told apart, within their cap; ours is not.
    monkeypatch.setattr(guess, "read_capped", too_large)
    assert guess.guess_format(exported_json) == "json"


def test_a_file_of_no_known_format_is_said_without_the_command_lines_advice(
    tmp_path: Path,
) -> None:
    from iltdesk.interchange.guess import FormatUnknown, guess_format

    odd = tmp_path / "x.bin"
    odd.write_bytes(b"\x00\x01\x02")
    with pytest.raises(FormatUnknown) as told:
        guess_format(odd)
    assert told.value.plain == "Cannot tell what x.bin is"  # the app adds its own advice
    assert str(told.value).endswith("; pass --format markdown|json|dayone|jrnl|roster.")
