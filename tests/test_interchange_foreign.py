"""Other apps' files read into a Document: Day One, jrnl, a roster, and guessing which is which.

Every fixture is written here, in the format each app documents (Day One's JSON export in a
zip with a photos folder; ``jrnl --format json``; a spreadsheet's CSV), then mangled.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iltdesk.errors import JournalError
from iltdesk.interchange import dayone
from iltdesk.interchange.dayone import clean_text, read_dayone
from iltdesk.interchange.document import FORMAT, SOURCE, Document
from iltdesk.interchange.foreign import NOTE, ImportRefused
from iltdesk.interchange.guess import guess_format
from iltdesk.interchange.jrnl import read_jrnl
from iltdesk.interchange.roster import read_roster

LEADS = ["Jordan Pham", "Dr. Amara Okafor", "Lucía García-López"]


def entry(text: str | None, when: str, zone: str = "America/Chicago", **more: Any) -> Any:
    """A Day One entry as its JSON export writes one."""
    item: dict[str, Any] = {
        "uuid": "9C5A1F0E3B2D4C6A8E7F1A2B3C4D5E6F",
        "creationDate": when,
        "modifiedDate": when,
        "creationDevice": "MacBook",
        "duration": 0,
        "timeZone": zone,
        "starred": False,
        "tags": [],
        **more,
    }
    if text is not None:
        item["text"] = text
    return item


def journal(*entries: Any) -> bytes:
    return json.dumps({"metadata": {"version": "1.0"}, "entries": list(entries)}).encode()


def dayone_zip(path: Path, journals: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in journals.items():
            archive.writestr(name, data)
        archive.writestr("photos/2A69239A5B364348AC64FA7758C2151B.jpeg", b"\xff\xd8\xff" * 50)
    return path


def notes(doc: Document) -> list[dict[str, Any]]:
    """Each 1:1 with its lead's name in place of the id."""
    names = {row["id"]: row["name"] for row in doc.rows("lead")}
    return [{**row, "lead": names.get(row["lead_id"])} for row in doc.rows("one_on_one")]


def test_a_day_one_zip_becomes_notes_on_local_days_with_their_leads(tmp_path: Path) -> None:
    photo = {"identifier": "2A69239A5B364348AC64FA7758C2151B", "type": "jpeg", "md5": "0e2d"}
    data = journal(
        entry(
            "Went over the 7th\\-grade data\\. Next: observe her team \\(Tuesday\\)\\!\n\n"
            "![](dayone-moment://2A69239A5B364348AC64FA7758C2151B)\n\n\n\nA path: C:\\Users",
            "2023-01-05T14:22:10Z",
            tags=["Pham", "ilt"],
            photos=[photo, photo],
        ),
        # 02:30 UTC is 18:30 the evening before in Los Angeles (PST), hours before DST begins.
        entry("Call with Amara\\.", "2023-03-12T02:30:00Z", "America/Los_Angeles", tags=["okafor"]),
        # 06:30 UTC on the day DST ends is still 23:30 PDT the day before.
        entry(
            "Late note", "2023-11-05T06:30:00.250Z", "America/Los_Angeles", tags=["#jordan_pham"]
        ),
        entry("Somewhere unknown", "2023-01-05T23:30:00Z", "Mars/Olympus_Mons"),
        entry(None, "2023-01-06T10:00:00Z", photos=[photo]),  # a photo alone: skipped
        entry("   \n", "2023-01-06T10:00:00Z"),
        {"text": "No date, no tags"},
        entry("Both of them", "2023-01-07T15:00:00Z", tags=["Pham", "Okafor"]),
    )
    doc = read_dayone(dayone_zip(tmp_path / "export.zip", {"Journal.json": data}), LEADS)
    assert doc.source == "Day One" and doc.problems == []
    assert sorted(r["name"] for r in doc.rows("lead")) == ["Dr. Amara Okafor", "Jordan Pham"]
    got = [(n[SOURCE], n["held_on"], n["lead"], n["notes"], n.get(NOTE)) for n in notes(doc)]
    assert got == [
        (
            "entry 1",
            "2023-01-05",
            "Jordan Pham",
            "Went over the 7th-grade data. Next: observe her team (Tuesday)!\n\nA path: C:\\Users",
            "2 photos not imported",
        ),
        ("entry 2", "2023-03-11", "Dr. Amara Okafor", "Call with Amara.", None),
        ("entry 3", "2023-11-04", "Jordan Pham", "Late note", None),
        (
            "entry 4",
            "2023-01-05",
            None,
            "Somewhere unknown",
            "time zone Mars/Olympus_Mons unknown here: dated in UTC",
        ),
        ("entry 7", None, None, "No date, no tags", None),
        (
            "entry 8",
            "2023-01-07",
            None,
            "Both of them",
            "names more than one lead (Dr. Amara Okafor, Jordan Pham)",
        ),
    ]
    json.dumps(doc.tables)  # plain JSON values only


def test_day_one_escapes_stay_inside_code_and_doubled_backslashes_keep_one() -> None:
    text = "Use `a\\.b` here\\.\n```\nx\\.y\n```\nTyped \\\\. end\\_of\\_day"
    assert clean_text(text) == "Use `a\\.b` here.\n```\nx\\.y\n```\nTyped \\. end_of_day"
    # Patterns that would make a careless expression quadratic finish at once.
    for hostile in ("![](dayone-moment:" * 20_000, "`" * 100_000, "```\n" * 50_000):
        clean_text(hostile)


def test_the_lead_can_come_from_the_journal_name(tmp_path: Path) -> None:
    several = {
        "Okafor.json": journal(entry("One", "2023-02-01T15:00:00Z")),
        "Export/García-López 1on1s.json": journal(entry("Two", "2023-02-02T15:00:00Z")),
        "Staff.json": journal(entry("Three", "2023-02-03T15:00:00Z", tags=["pham"])),
        "__MACOSX/._Okafor.json": b"\x00\x05\x16\x07",
    }
    doc = read_dayone(dayone_zip(tmp_path / "several.zip", several), LEADS)
    assert [(n[SOURCE], n["lead"]) for n in notes(doc)] == [
        ("Okafor.json entry 1", "Dr. Amara Okafor"),
        ("García-López 1on1s.json entry 1", "Lucía García-López"),
        ("Staff.json entry 1", "Jordan Pham"),
    ]
    one = dayone_zip(tmp_path / "2024-02-01-Pham.zip", {"Journal.json": several["Okafor.json"]})
    assert notes(read_dayone(one, LEADS))[0]["lead"] == "Jordan Pham"
    unzipped = tmp_path / "2024-02-01-Okafor"  # a Mac unzips a downloaded export by itself
    unzipped.mkdir()
    (unzipped / "Journal.json").write_bytes(several["Staff.json"].replace(b'"pham"', b'"x"'))
    (unzipped / "photos").mkdir()
    (unzipped / "link.json").symlink_to(tmp_path / "several.zip")
    assert guess_format(unzipped) == "dayone"
    assert [(n[SOURCE], n["lead"]) for n in notes(read_dayone(unzipped, LEADS))] == [
        ("entry 1", "Dr. Amara Okafor")
    ]
    plain = tmp_path / "Okafor.json"
    plain.write_bytes(several["Staff.json"].replace(b'"pham"', b'"ilt"'))
    assert [(n[SOURCE], n["lead"]) for n in notes(read_dayone(plain, LEADS))] == [
        ("entry 1", "Dr. Amara Okafor")
    ]


def test_entries_that_cannot_be_read_stop_the_import(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"entries": ["not an entry", {"text": 5}, {"text": "kept"}]}))
    doc = read_dayone(path, LEADS)
    assert doc.problems == [
        "Entry 1 is not a Day One entry.",
        "Entry 2 has text that cannot be read.",
    ]
    path.write_text(json.dumps({"entries": [7] * 500}))
    problems = read_dayone(path, LEADS).problems
    assert len(problems) == 11 and problems[-1] == "... and 490 more like these."


def jrnl_export(*entries: Any) -> str:
    return json.dumps({"tags": {"@pham": 1}, "entries": list(entries)})


def test_jrnl_entries_become_notes(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    one = {"title": "Met Pham.", "body": "Went over the data.\nNext steps.\n", "date": "2023-01-05"}
    path.write_text(
        jrnl_export(
            {**one, "time": "14:22", "tags": ["@pham"], "starred": False},
            {
                "title": "Title only",
                "body": "",
                "date": "2023-13-40",
                "time": "09:00",
                "tags": ["@jordan_pham", "@Okafor"],
                "starred": True,
            },
            {"title": "", "body": "", "date": "2023-01-06", "time": "09:00", "tags": []},
            {"title": "Dr", "body": "x", "date": "2023-01-07", "tags": ["@garcia-lopez", 3]},
        )
    )
    doc = read_jrnl(path, LEADS)
    assert doc.source == "jrnl" and doc.problems == []
    assert [(n[SOURCE], n["held_on"], n["lead"], n["notes"]) for n in notes(doc)] == [
        ("entry 1", "2023-01-05", "Jordan Pham", "Met Pham.\nWent over the data.\nNext steps."),
        ("entry 2", None, None, "Title only"),
        ("entry 4", "2023-01-07", None, "Dr\nx"),
    ]
    assert notes(doc)[1][NOTE] == "names more than one lead (Dr. Amara Okafor, Jordan Pham)"
    single = tmp_path / "2023_01_05_met-pham.json"  # jrnl --file folder/: one entry a file
    single.write_text(json.dumps({**one, "tags": ["@pham"]}))
    assert [n["lead"] for n in notes(read_jrnl(single, LEADS))] == ["Jordan Pham"]


def test_jrnl_tags_match_hyphenated_surnames_in_any_accent_form(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text(
        jrnl_export({"title": "x", "body": "", "date": "2023-01-01", "tags": ["@garcía-lópez"]})
    )
    assert notes(read_jrnl(path, LEADS))[0]["lead"] == "Lucía García-López"


def test_a_roster_with_a_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(
        "\ufeffName;Role;Grade;Email\r\n"
        "Jordan Pham;Team Lead;7th grade;jp@school.org\r\n"
        ";Dean;;\r\n"
        '"Okafor; Amara";"Dean of instruction"\r\n'.encode()
    )
    doc = read_roster(path)
    assert doc.problems == [] and doc.source == "roster"
    assert [{k: v for k, v in r.items() if k != "id"} for r in doc.rows("lead")] == [
        {
            "name": "Jordan Pham",
            "role": "Team Lead",
            "team": "7th grade",
            SOURCE: "roster.csv line 2",
        },
        {
            "name": "Okafor; Amara",
            "role": "Dean of instruction",
            "team": "",
            SOURCE: "roster.csv line 4",
        },
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("sep=;\nFirst name;Last name;Team\nAmara;Okafor;Math\n", [("Amara Okafor", None, "Math")]),
        ('name,title\n"Pham, Jordan",Team Lead\n', [("Pham, Jordan", "Team Lead", None)]),
        ("Name\nJordan Pham\n\n  \n", [("Jordan Pham", None, None)]),
    ],
)
def test_roster_columns_and_separators(
    tmp_path: Path, content: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(content)
    rows = read_roster(path).rows("lead")
    assert [(r["name"], r.get("role"), r.get("team")) for r in rows] == expected


def test_roster_in_utf16_tabs_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "roster.txt"
    path.write_bytes("Name\tRole\nLucía García-López\tTeam Lead\n".encode("utf-16"))
    assert [r["name"] for r in read_roster(path).rows("lead")] == ["Lucía García-López"]


def test_roster_refusals_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Name,Role\nJordan Pham,Lead\njordan pham,Dean\nAmara,\nAMARA,x\n")
    assert read_roster(path).problems == [
        "r.csv names the same lead on more than one line: Jordan Pham, Amara. "
        "Keep one line for each lead and import it again."
    ]
    for content, message in [
        (b"Email,Phone\na@b,1\n", "r.csv has no column of names"),
        ("Name\nJosé\n".encode("latin-1"), "r.csv is not UTF-8 text"),
        (b"", "r.csv is empty."),
        (b'Name\n"' + b"x" * 200_000 + b'"\n', "r.csv cannot be read as a roster"),
    ]:
        path.write_bytes(content)
        with pytest.raises(ImportRefused, match=message):
            read_roster(path)


def test_guess_format(tmp_path: Path) -> None:
    made = {
        "notes": None,
        "export.json": json.dumps({"format": FORMAT, "version": 1, "tables": {}}),
        "Journal.json": journal(entry("x", "2023-01-01T00:00:00Z")).decode(),
        "empty-day-one.json": journal().decode(),
        "jrnl.json": jrnl_export({"title": "t", "body": "", "date": "2023-01-01", "time": "9"}),
        "entry.json": json.dumps({"title": "t", "body": "b", "date": "2023-01-01"}),
        "roster.csv": "Name\n",
        "note.md": "# hi",
        "export": journal().decode(),  # no suffix: JSON by its first byte
    }
    for name, content in made.items():
        if content is None:
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).write_text(content)
    dayone_zip(tmp_path / "export.zip", {"Journal.json": journal()})
    guessed = {name: guess_format(tmp_path / name) for name in [*made, "export.zip"]}
    assert guessed == {
        "notes": "markdown",
        "export.json": "json",
        "Journal.json": "dayone",
        "empty-day-one.json": "dayone",
        "jrnl.json": "jrnl",
        "entry.json": "jrnl",
        "roster.csv": "roster",
        "note.md": "markdown",
        "export": "dayone",
        "export.zip": "dayone",
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.bin", b"\x00\x01\x02", r"Cannot tell what x\.bin is; pass --format markdown\|json"),
        ("list.json", b"[1, 2]", "Cannot tell what list.json is"),
        ("other.json", b'{"entries": [{"x": 1}]}', "Cannot tell what other.json is"),
        ("bad.json", b'{"entries": [', r"bad\.json is not valid JSON \(line 1\)"),
        ("fake.zip", b"not a zip", r"fake\.zip is not a zip file"),
        ("photos.zip", None, "Cannot tell what photos.zip is"),
    ],
)
def test_guess_format_says_when_it_cannot_tell(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("photos/a.jpeg", b"x")
    else:
        path.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        guess_format(path)
    with pytest.raises(ImportRefused, match="There is no file or folder at"):
        guess_format(tmp_path / "missing.json")


def test_hostile_zips_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = dayone_zip(tmp_path / "good.zip", {"Journal.json": journal(entry("x" * 5000, "x"))})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ImportRefused, match=r"^cut\.zip is not a zip file that can be read"):
        read_dayone(cut, LEADS)

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("Journal.json", b'{"entries": []}' + b" " * (10 << 20))
    with pytest.raises(ImportRefused, match="unpacks to far more than it holds"):
        read_dayone(bomb, LEADS)

    monkeypatch.setattr(dayone, "MAX_BYTES", 1000)  # the cap on what the journals unpack to
    with pytest.raises(ImportRefused, match=r"good\.zip is larger than"):
        read_dayone(good, LEADS)
    monkeypatch.undo()

    locked = tmp_path / "locked.zip"
    with zipfile.ZipFile(locked, "w") as archive:
        archive.writestr("Journal.json", journal())
    packed = bytearray(locked.read_bytes())  # zipfile cannot encrypt: mark it as encrypted
    packed[6] |= 0x1  # the local header's flags
    packed[packed.index(b"PK\x01\x02") + 8] |= 0x1  # the central directory's
    locked.write_bytes(packed)
    with pytest.raises(ImportRefused, match="locked with a password"):
        read_dayone(locked, LEADS)

    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("../../etc/passwd.json", journal(entry("outside", "2023-01-01T00:00Z")))
        archive.writestr("/abs/Journal.json", journal())
    with pytest.raises(ImportRefused, match="holds no Day One journal"):
        read_dayone(empty, LEADS)

    shapeless = dayone_zip(tmp_path / "shapeless.zip", {"Journal.json": b"[]"})
    with pytest.raises(ImportRefused, match=r"^shapeless\.zip \(Journal\.json\) is not a Day One"):
        read_dayone(shapeless, LEADS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, r"^in\.json is nested too deeply"),
        (b'{"entries": [{"text": "x", "duration": 1' + b"9" * 5000 + b"}]}", "number too long"),
        ('{"entries": ["é"]}'.encode("latin-1"), r"^in\.json is not UTF-8 text"),
        (b"", r"^in\.json is not valid JSON \(line 1\)"),
    ],
)
def test_unreadable_json_is_one_plain_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    for read in (read_dayone, read_jrnl):
        with pytest.raises(ImportRefused, match=message):
            read(path, LEADS)


@pytest.mark.parametrize("content", [b"[]", b'{"entries": {}}', b'"text"', b'{"entries": 3}'])
def test_wrong_shapes_say_what_was_expected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=r"^in\.json is not a Day One export: expected an"):
        read_dayone(path, LEADS)
    with pytest.raises(ImportRefused, match=r"^in\.json is not a jrnl export: expected an"):
        read_jrnl(path, LEADS)


def test_strange_values_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    path.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "text": "lone \ud800 surrogate",
                        "creationDate": "0001-01-01T00:30:00+05:00",
                        "timeZone": "../../etc/passwd",
                        "tags": "Pham",
                        "photos": 3,
                    },
                    {"text": "x", "creationDate": 1e999, "timeZone": ["x"]},
                    {
                        "text": "y",
                        "creationDate": "9999-12-31T23:59:59-12:00",
                        "timeZone": "Asia/Tokyo",
                    },
                    {"text": "z", "creationDate": "2023-01-01T00:00:00Z", "timeZone": "zone.tab"},
                ]
            }
        )
    )
    rows = read_dayone(path, LEADS).rows("one_on_one")
    assert [r["notes"] for r in rows] == ["lone \ufffd surrogate", "x", "y", "z"]
    # Year 1 at 00:30 +05:00 is before year 1 in UTC: the day as written is kept.
    assert [r["held_on"] for r in rows] == ["0001-01-01", None, "9999-12-31", "2023-01-01"]


FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("valid")
    data = journal(entry("Note \\- one", "2023-01-05T14:22:10Z", tags=["Pham"]))
    return {
        "dayone": dayone_zip(folder / "d.zip", {"Journal.json": data}).read_bytes(),
        "dayone-json": data,
        "jrnl": jrnl_export({"title": "t", "body": "b", "date": "2023-01-05", "tags": []}).encode(),
        "roster": "\ufeffName;Role;Team\nJordan Pham;Lead;7\n".encode(),
    }


def _read_all(path: Path) -> None:
    """Every reader and the guess on ``path``: only our own errors, and plain JSON out."""
    for read in (
        lambda: read_dayone(path, LEADS),
        lambda: read_jrnl(path, LEADS),
        lambda: read_roster(path),
        lambda: guess_format(path),
    ):
        try:
            result = read()
        except JournalError as err:
            assert str(err) and "\n" not in str(err)
            continue
        if isinstance(result, Document):
            json.dumps(result.tables).encode()


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_raise_only_our_errors(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    _read_all(path)


@FUZZ
@given(
    kind=st.sampled_from(["dayone", "dayone-json", "jrnl", "roster"]),
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=8),
)
def test_mangled_valid_files_raise_only_our_errors(
    tmp_path: Path,
    valid_files: dict[str, bytes],
    kind: str,
    cut: int,
    flips: list[tuple[int, int]],
) -> None:
    data = bytearray(valid_files[kind])
    for where, value in flips:
        if data:
            data[where % len(data)] = value
    path = tmp_path / "fuzz.bin"
    path.write_bytes(bytes(data[: max(cut, len(data) // 2)]))
    _read_all(path)
