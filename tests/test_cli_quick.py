"""The quick path of `iltdesk search` and `iltdesk note`: the core's answers, without the ORM."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from iltdesk import keychain
from iltdesk.cli import quick
from iltdesk.cli.main import main
from iltdesk.demo import build_demo
from iltdesk.errors import UsageError
from iltdesk.lead import find_lead
from iltdesk.lead_names import pick_lead
from iltdesk.one_on_one import get_one_on_one, one_on_ones_for
from iltdesk.search import search
from iltdesk.store import verifier
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.test_store import held_elsewhere

QUERIES = ("data", "data meet", "walk", "norms ", '"next steps"', "ob", "zz-nothing", "Marcus")


@pytest.fixture
def demo_path(journal_path: Path) -> Path:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        build_demo(journal, entries=60)
    return journal_path


def env() -> dict[str, str]:
    return {"ILTDESK_PASSPHRASE": PASSPHRASE}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def some_lead(path: Path) -> tuple[int, str]:
    with Journal.open(path, PASSPHRASE) as journal:
        row = journal.execute("SELECT id, name FROM lead ORDER BY id LIMIT 1")[0]
    return int(row[0]), str(row[1])


def test_quick_search_gives_the_core_search_results(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    with Journal.open(demo_path, PASSPHRASE) as journal:
        expected = {text: search(journal, text, limit=20) for text in QUERIES}
    assert any(expected.values()) and not expected["zz-nothing"]
    for text in QUERIES:
        got = quick.find_hits(demo_path, text, limit=20)
        assert got == expected[text], text


def test_cli_search_json_matches_the_core(demo_path: Path) -> None:
    with Journal.open(demo_path, PASSPHRASE) as journal:
        expected = [(h.kind, h.record_id) for h in search(journal, "data meet", limit=5)]
    result = run_cli("search", str(demo_path), "data meet", "--limit", "5", "--json", env=env())
    assert result.returncode == 0, result.stderr
    assert [(row["kind"], row["id"]) for row in json.loads(result.stdout)] == expected
    assert len(expected) == 5


def test_a_quick_note_is_what_the_core_would_have_saved(demo_path: Path) -> None:
    lead_id, name = some_lead(demo_path)
    before = datetime.now(UTC) - timedelta(seconds=5)
    text = "Talked about **quincunx** rotas"
    result = run_cli("note", str(demo_path), "--lead", name.upper(), text, env=env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Saved a 1:1 note dated {date.today().isoformat()} (#")
    note_id = int(result.stdout.split("#")[1].split(")")[0])
    with Journal.open(demo_path, PASSPHRASE) as journal:
        meeting = get_one_on_one(journal, note_id)
        assert (meeting.lead_id, meeting.notes, meeting.feedback_given) == (lead_id, text, "")
        assert meeting.held_on == date.today()
        assert before <= meeting.created_at <= datetime.now(UTC)
        assert meeting.updated_at == meeting.created_at
        assert meeting.id in [m.id for m in one_on_ones_for(journal, lead_id)]
        [hit] = search(journal, "quincunx")
        assert (hit.kind, hit.record_id, hit.lead_id) == ("one_on_one", note_id, lead_id)


def test_a_quick_note_keeps_the_date_given_and_reads_stdin(demo_path: Path) -> None:
    _, name = some_lead(demo_path)
    result = run_cli(
        "note", str(demo_path), "--lead", name, "--date", "2024-02-29", "-", env=env(),
        stdin="From a pipe: *zeugma*\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with Journal.open(demo_path, PASSPHRASE) as journal:
        [hit] = search(journal, "zeugma")
        assert hit.happened_on == date(2024, 2, 29)
        assert get_one_on_one(journal, hit.record_id).notes == "From a pipe: *zeugma*\n"


@pytest.mark.parametrize(
    ("lead", "text", "message"),
    [
        ("Nobody", "hi", "No lead is called 'Nobody'."),
        ("", "hi", "Name a lead."),
        ("a", "hi", "'a' matches more than one lead: "),
        (None, "   ", "The note is empty; nothing was saved."),
    ],
)
def test_a_refused_note_changes_nothing(
    demo_path: Path, lead: str | None, text: str, message: str
) -> None:
    before = digest(demo_path)
    name = some_lead(demo_path)[1] if lead is None else lead
    result = run_cli("note", str(demo_path), "--lead", name, text, env=env())
    assert result.returncode == 2
    assert message in result.stderr
    assert digest(demo_path) == before


def test_names_pick_the_same_lead_as_the_core(demo_path: Path) -> None:
    with Journal.open(demo_path, PASSPHRASE) as journal, journal.session() as s:
        leads = journal.execute("SELECT id, name FROM lead")
        names = [str(row[1]) for row in leads]
        tries = [*names, names[0].lower(), names[0].split()[0], "e", "zz", "  ", "ar"]
        for name in tries:
            try:
                core: object = find_lead(s, name).id
            except UsageError as exc:
                core = str(exc)
            try:
                mine: object = pick_lead(leads, name, lambda row: str(row[1]))[0]
            except UsageError as exc:
                mine = str(exc)
            assert mine == core, name


def test_a_journal_from_a_newer_iltdesk_is_refused(demo_path: Path) -> None:
    with Journal.open(demo_path, PASSPHRASE) as journal:
        journal.execute("UPDATE alembic_version SET version_num = '0042'")
    before = digest(demo_path)
    for args in (["search", "data"], ["note", "--lead", "Nobody", "hi"]):
        result = run_cli(args[0], str(demo_path), *args[1:], env=env())
        assert result.returncode == 6, result.stderr
        assert "newer version of iltdesk" in result.stderr
    assert digest(demo_path) == before


def test_wrong_passphrase_exits_3(demo_path: Path) -> None:
    for args in (["search", "data"], ["note", "--lead", "Nobody", "hi"]):
        result = run_cli(args[0], str(demo_path), *args[1:], env={"ILTDESK_PASSPHRASE": "nope"})
        assert result.returncode == 3
        assert "does not unlock" in result.stderr


def test_a_journal_open_elsewhere_exits_5(demo_path: Path) -> None:
    with held_elsewhere(demo_path):
        results = [
            run_cli("search", str(demo_path), "data", env=env()),
            run_cli("note", str(demo_path), "--lead", "Nobody", "hi", env=env()),
        ]
    for result in results:
        assert result.returncode == 5
        assert "open in another" in result.stderr


def test_the_keychain_goes_first_and_a_stale_one_falls_back(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keychain.remember(demo_path, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not the passphrase")
    assert main(["search", str(demo_path), "data", "--json"]) == 0  # the keychain's one works
    assert json.loads(capsys.readouterr().out)

    keychain.remember(demo_path, "an old passphrase")
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["search", str(demo_path), "data", "--json"]) == 0  # stale: the env's one
    assert json.loads(capsys.readouterr().out)

    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not it either")
    assert main(["search", str(demo_path), "data"]) == 3


def test_a_journal_the_core_must_finish_opening_goes_through_the_core(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, name = some_lead(demo_path)
    with Journal.open(demo_path, PASSPHRASE) as journal:  # as made before the verifier existed
        journal.execute("DELETE FROM journal_setting WHERE key = ?", (verifier.SETTING_KEY,))
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    saved = quick.add_note(demo_path, name, "Through the core")
    with Journal.open(demo_path, PASSPHRASE) as journal:  # the core recorded it on opening
        assert journal.verify_passphrase(PASSPHRASE)
        assert get_one_on_one(journal, saved.id).notes == "Through the core"


FAST_PATH_IMPORTS = textwrap.dedent(
    """
    import sys
    from iltdesk.cli.main import main
    code = main(sys.argv[1:])
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "alembic"})
    print("HEAVY", heavy, code, file=sys.stderr)
    """
)


@pytest.mark.parametrize("args", [["search", "data"], ["note", "--lead", "{lead}", "fast"]])
def test_the_quick_commands_never_load_the_orm(demo_path: Path, args: list[str]) -> None:
    _, name = some_lead(demo_path)
    args = [args[0], str(demo_path), *(a.replace("{lead}", name) for a in args[1:])]
    result = subprocess.run(
        [sys.executable, "-c", FAST_PATH_IMPORTS, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env()},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert "HEAVY [] 0" in result.stderr, result.stderr
