"""History of long texts: a version per editing session, word diffs, restore, search, pruning,
and migration 0006's triggers on a journal written before it."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.config import Config

from iltdesk import history, stamps
from iltdesk.challenge import add_challenge, update_challenge
from iltdesk.charter import revise_charter
from iltdesk.history import CHARTER, Run, prune_versions, restore, search_versions, versions
from iltdesk.lead import add_lead
from iltdesk.migrations import history_0006
from iltdesk.one_on_one import save_one_on_one, start_one_on_one
from iltdesk.store import schema
from iltdesk.store.connection import open_connection
from iltdesk.store.journal import Journal
from tests.test_migrations import FIXTURE_0001_PASSPHRASE, FIXTURES


def _pause(journal: Journal, table: str, record_id: int, minutes: int = 11) -> None:
    """As if the record's last save were ``minutes`` ago: the next save starts a session."""
    journal.execute(
        f"UPDATE {table} SET updated_at = ? WHERE id = ?",
        (stamps.to_stored(datetime.now(UTC) - timedelta(minutes=minutes)), record_id),
    )


def _notes(journal: Journal, meeting_id: int) -> list[str]:
    return [v.text for v in versions(journal, "one_on_one", meeting_id, "notes")]


def test_a_version_per_session_not_per_keystroke(journal: Journal) -> None:
    lead = add_lead(journal, "Rosa Delgado")
    meeting = start_one_on_one(journal, lead.id or 0).id or 0
    save_one_on_one(journal, meeting, notes="First")
    _pause(journal, "one_on_one", meeting)
    for typed in ("First draft", "First draft of", "First draft of norms"):  # one session
        save_one_on_one(journal, meeting, notes=typed)
    assert _notes(journal, meeting) == ["First"]
    save_one_on_one(journal, meeting, notes="First draft of norms")  # unchanged: nothing kept
    _pause(journal, "one_on_one", meeting, 9)  # a short pause is the same session
    save_one_on_one(journal, meeting, notes="Second")
    assert _notes(journal, meeting) == ["First"]
    _pause(journal, "one_on_one", meeting)
    save_one_on_one(journal, meeting, notes="Third", feedback_given="Kind")
    assert _notes(journal, meeting) == ["Second", "First"]
    assert versions(journal, "one_on_one", meeting, "feedback_given") == []  # it was blank
    saved = versions(journal, "one_on_one", meeting, "notes")[0].saved_at
    assert abs(datetime.now(UTC) - saved) < timedelta(minutes=1)


def test_restore_keeps_the_text_it_replaces(journal: Journal) -> None:
    lead = add_lead(journal, "Sam Okafor")
    meeting = start_one_on_one(journal, lead.id or 0).id or 0
    save_one_on_one(journal, meeting, notes="The paragraph I need")
    _pause(journal, "one_on_one", meeting)
    save_one_on_one(journal, meeting, notes="Oops")
    older = versions(journal, "one_on_one", meeting, "notes")[0]
    restore(journal, older)  # within the session: the replaced text is still kept
    assert history.current_text(journal, "one_on_one", meeting, "notes") == older.text
    assert _notes(journal, meeting) == ["Oops", "The paragraph I need"]
    restore(journal, versions(journal, "one_on_one", meeting, "notes")[0])  # undone
    assert history.current_text(journal, "one_on_one", meeting, "notes") == "Oops"


def test_word_diff_marks_words_added_and_removed() -> None:
    runs = history.word_diff(
        "We met on Monday about norms.", "We met on Friday about norms and data."
    )
    assert runs == [
        Run("same", "We met on "),
        Run("removed", "Monday "),
        Run("added", "Friday "),
        Run("same", "about norms "),
        Run("added", "and data"),
        Run("same", "."),
    ]
    assert history.word_diff("mornings, from May.", "mornings.") == [
        Run("same", "mornings"),
        Run("removed", ", from May"),
        Run("same", "."),
    ]
    new = "".join(r.text for r in runs if r.op != "removed")
    assert new == "We met on Friday about norms and data."
    assert history.word_diff("", "") == []


def test_challenge_and_charter_history(journal: Journal) -> None:
    challenge = add_challenge(journal, "Turnover", statement="Six left in June").id or 0
    _pause(journal, "challenge", challenge)
    update_challenge(journal, challenge, statement="Eight left in June")
    (kept,) = versions(journal, "challenge", challenge, "statement")
    assert kept.text == "Six left in June"
    revise_charter(journal, purpose="Lead learning")
    revise_charter(journal, why="Sharper", purpose="Lead learning for every student")
    revise_charter(journal, why="Norms", norms="Start on time")
    (purpose,) = versions(journal, CHARTER, 0, "purpose")
    assert purpose.text == "Lead learning"
    restore(journal, purpose)  # a new charter version that says so
    assert history.current_text(journal, CHARTER, 0, "purpose") == "Lead learning"
    assert [v.text for v in versions(journal, CHARTER, 0, "purpose")] == [
        "Lead learning for every student",
        "Lead learning",
    ]


def test_search_versions_only_when_asked(journal: Journal) -> None:
    lead = add_lead(journal, "Ana Ruiz")
    meeting = start_one_on_one(journal, lead.id or 0).id or 0
    save_one_on_one(journal, meeting, notes="Talked about 100% attendance_goal")
    _pause(journal, "one_on_one", meeting)
    save_one_on_one(journal, meeting, notes="Rewritten")
    from iltdesk.search import search

    assert search(journal, "attendance") == []  # not in the index
    (found,) = search_versions(journal, "100% ATTENDANCE_")
    assert (found.kind, found.record_id, found.field) == ("one_on_one", meeting, "notes")
    assert search_versions(journal, "100x") == []
    journal.execute("DELETE FROM one_on_one WHERE id = ?", (meeting,))
    assert search_versions(journal, "attendance") == []  # its record is gone


def test_prune_keeps_a_month_then_weekly_then_monthly(journal: Journal) -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    # One version a day for two years, oldest first.
    days = [now - timedelta(days=n, hours=1) for n in range(730, 0, -1)]
    with journal.transaction():
        for at in days:
            journal.execute(
                "INSERT INTO record_version (kind, record_id, field, text, saved_at) "
                "VALUES ('one_on_one', 1, 'notes', ?, ?)",
                (f"{at:%Y-%m-%d}", stamps.to_stored(at)),
            )
    gone = prune_versions(journal, now)
    kept = [v.saved_at for v in versions(journal, "one_on_one", 1, "notes")]
    assert gone == len(days) - len(kept)
    recent = [at for at in kept if at >= now - timedelta(days=30)]
    weekly = [at for at in kept if now - timedelta(days=365) <= at < now - timedelta(days=30)]
    monthly = [at for at in kept if at < now - timedelta(days=365)]
    assert len(recent) == 29  # each day from 1 to 29 days ago, an hour earlier
    assert len({at.isocalendar()[:2] for at in weekly}) == len(weekly)
    assert all(at.isoweekday() == 7 for at in weekly[1:])  # the newest day of each week
    assert len({(at.year, at.month) for at in monthly}) == len(monthly) == 13  # Dec to Dec
    assert prune_versions(journal, now) == 0  # the rule keeps what it kept


def test_the_trigger_columns_are_the_tracked_texts() -> None:
    assert {k: tuple(v) for k, v in history.TRACKED.items()} == history_0006.TRACKED


def test_migration_0006_from_0005_keeps_data_and_then_keeps_versions(tmp_path: Path) -> None:
    path = tmp_path / "old.iltdesk"
    shutil.copyfile(FIXTURES / "journal-0001.iltdesk", path)
    conn = open_connection(path, FIXTURE_0001_PASSPHRASE)
    journal = Journal(path, conn)
    config = schema.alembic_config()
    assert isinstance(config, Config)
    with journal.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.commit()
    journal.close()
    with Journal.open(path, FIXTURE_0001_PASSPHRASE) as journal:
        ((meeting, notes),) = journal.execute("SELECT id, notes FROM one_on_one")
        assert notes == "Norms *revisited*."
        save_one_on_one(journal, meeting, notes="Norms, again")  # saved long ago: a session
        assert _notes(journal, meeting) == ["Norms *revisited*."]
        names = {
            r[0] for r in journal.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert {f"history_{t}_{c}" for t, cs in history_0006.TRACKED.items() for c in cs} <= names


def test_prune_keeps_the_versions_within_their_share_of_the_journal(journal: Journal) -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    big = "word " * 10_000  # 50 kB: a pasted document, again and again
    old = [now - timedelta(days=40 + 31 * n) for n in range(12)]  # one a month: the rule keeps
    with journal.transaction():
        for at in [*old, now - timedelta(days=2)]:
            journal.execute(
                "INSERT INTO record_version (kind, record_id, field, text, saved_at) "
                "VALUES ('challenge', 1, 'equity', ?, ?)",
                (big, stamps.to_stored(at)),
            )
    ((pages,),) = journal.execute("PRAGMA page_count")
    ((size,),) = journal.execute("PRAGMA page_size")
    prune_versions(journal, now)
    kept = [v.saved_at for v in versions(journal, "challenge", 1, "equity")]
    assert kept[0] == now - timedelta(days=2)  # the last 30 days stay, whatever they weigh
    assert kept[1:] == old[: len(kept) - 1]  # the oldest went first
    assert 1 < len(kept) < 13
    assert (len(kept) - 1) * len(big) <= history.BUDGET * pages * int(size)  # said as text


def test_the_app_prunes_once_a_week(journal: Journal) -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday
    old = [now - timedelta(days=60, hours=h) for h in (1, 2)]  # one week: one of them goes

    def add() -> None:
        for at in old:
            journal.execute(
                "INSERT INTO record_version (kind, record_id, field, text, saved_at) "
                "VALUES ('observation', 1, 'evidence', 'x', ?)",
                (stamps.to_stored(at),),
            )

    add()
    assert history.prune_when_due(journal, now) == 1
    add()
    assert history.prune_when_due(journal, now + timedelta(days=2)) == 0  # the same week
    assert history.prune_when_due(journal, now + timedelta(days=3)) == 2  # Monday
