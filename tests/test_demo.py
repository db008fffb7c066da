"""The demo journal: the story a newcomer should be able to live, built fast and repeatably."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from iltdesk.demo import DemoSummary, build_demo
from iltdesk.self_check_items import SET_2
from iltdesk.store.journal import Journal

TODAY = date(2027, 3, 17)  # a Wednesday, late in the 2026–27 school year
PASS = "pass"


def _build(
    path: Path, *, entries: int | None = None, seed: int = 2020
) -> tuple[Journal, DemoSummary]:
    journal = Journal.create(path, PASS)
    return journal, build_demo(journal, entries=entries, seed=seed, today=TODAY)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, DemoSummary]]:
    """One story-only demo journal, shared by the read-only tests below."""
    journal, summary = _build(tmp_path_factory.mktemp("story") / "demo.iltdesk")
    yield journal, summary
    journal.close()


def _one(journal: Journal, sql: str, *params: object) -> int:
    return int(journal.execute(sql, tuple(params))[0][0])


def test_six_active_leads_and_archived_ones(story: tuple[Journal, DemoSummary]) -> None:
    journal, summary = story
    assert _one(journal, "SELECT count(*) FROM lead WHERE archived_on IS NULL") == 6
    assert _one(journal, "SELECT count(*) FROM lead WHERE archived_on IS NOT NULL") == 3
    assert summary.counts["lead"] == 9
    assert 200 <= summary.total <= 3000  # the story alone: a couple of thousand records at most
    settings = journal.settings()
    assert settings["demo"] == "yes"
    assert settings["school"] and settings["principal"]
    assert settings["school_year"] == "2026–27"


def test_each_active_lead_has_a_closed_cycle_and_a_follow_on(
    story: tuple[Journal, DemoSummary],
) -> None:
    journal, _ = story
    leads = journal.execute("SELECT id FROM lead WHERE archived_on IS NULL")
    for (lead_id,) in leads:
        cycles = journal.execute(
            "SELECT id, previous_cycle_id, phase, outcome, outcome_evidence, next_goal, goal "
            "FROM learning_cycle WHERE lead_id = ? ORDER BY started_on",
            (lead_id,),
        )
        assert len(cycles) == 2
        first, second = cycles
        assert first[2] == "closed" and first[3] in {"met", "partly", "not_yet"}
        assert first[4] and first[5]
        assert second[1] == first[0] and second[2] != "closed"
        assert second[6] == first[5]  # the second cycle starts from the first's next goal
    outcomes = journal.execute(
        "SELECT DISTINCT outcome FROM learning_cycle WHERE outcome IS NOT NULL"
    )
    assert {row[0] for row in outcomes} == {"met", "partly", "not_yet"}


def test_cycles_end_this_week_and_overrun(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    ends = [
        date.fromisoformat(start) + timedelta(weeks=weeks)
        for start, weeks in journal.execute(
            "SELECT started_on, planned_weeks FROM learning_cycle WHERE phase != 'closed'"
        )
    ]
    assert any(TODAY <= end <= TODAY + timedelta(days=7) for end in ends)
    assert any(end < TODAY for end in ends)


def test_revised_agreement_and_a_revisit_due(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    revised = journal.execute(
        "SELECT lead_id, revision_note FROM coaching_agreement WHERE version = 2"
    )
    assert len(revised) >= 1 and revised[0][1]
    versions = journal.execute(
        "SELECT a.version, e.kind, e.text FROM agreement_expectation e "
        "JOIN coaching_agreement a ON a.id = e.agreement_id WHERE a.lead_id = ?",
        (revised[0][0],),
    )
    first = {text for version, _, text in versions if version == 1}
    second = {text for version, _, text in versions if version == 2}
    assert first and second and first != second
    assert {kind for _, kind, _ in versions} == {"non_negotiable", "adjustable"}
    week_ahead = (TODAY.isoformat(), (TODAY + timedelta(days=7)).isoformat())
    assert _one(
        journal,
        "SELECT count(*) FROM coaching_agreement WHERE revisit_on BETWEEN ? AND ?",
        *week_ahead,
    )


def test_action_items_overdue_and_due_this_week(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    today = TODAY.isoformat()
    overdue = _one(
        journal, "SELECT count(*) FROM action_item WHERE done_on IS NULL AND due_on < ?", today
    )
    due_soon = _one(
        journal,
        "SELECT count(*) FROM action_item WHERE done_on IS NULL AND due_on BETWEEN ? AND ?",
        today,
        (TODAY + timedelta(days=7)).isoformat(),
    )
    assert 3 <= overdue <= 8
    assert due_soon >= 3
    sources = journal.execute("SELECT DISTINCT source FROM action_item")
    assert {"one_on_one", "observation"} <= {row[0] for row in sources}
    linked = (
        "SELECT count(*) FROM action_item WHERE source = 'observation' AND observation_id IS NULL"
    )
    assert _one(journal, linked) == 0


def test_one_lead_is_overdue_for_a_one_on_one(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    rows = journal.execute(
        "SELECT l.cadence_days, max(o.held_on) FROM lead l JOIN one_on_one o ON o.lead_id = l.id "
        "WHERE l.archived_on IS NULL AND o.held_on <= ? GROUP BY l.id",
        (TODAY.isoformat(),),
    )
    gaps = [(TODAY - date.fromisoformat(last)).days - cadence for cadence, last in rows]
    assert len(gaps) == 6
    assert sum(gap > 0 for gap in gaps) == 1


def test_challenge_has_cards_in_every_column(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    kinds = journal.execute("SELECT DISTINCT kind FROM force_card")
    assert {row[0] for row in kinds} == {"hinders", "asset", "move", "context"}
    assert _one(journal, "SELECT count(*) FROM force_card_lead") >= 1
    status, *areas = journal.execute(
        "SELECT status, systems, technical_needs, relationships, adaptive_needs, "
        "information_flow, equity, root_causes FROM challenge"
    )[0]
    assert status == "working" and all(areas)
    statement, root_causes = journal.execute("SELECT statement, root_causes FROM challenge")[0]
    assert "volunteered" in statement and "doing too much" in statement
    above, below = root_causes.split("**Below the line**")
    assert "Above the green line" in above and "written down" in above  # systems: technical
    assert "owners" in below and "belief" in below  # identity and beliefs: adaptive
    cards = [text for (text,) in journal.execute("SELECT text FROM force_card")]
    assert not any("resignations" in text or "veteran" in text for text in cards)
    assert any("high-capacity" in text for text in cards)
    logged = journal.execute("SELECT DISTINCT kind FROM challenge_log_entry")
    assert {row[0] for row in logged} == {"decision", "change", "learning"}


def test_two_self_check_rounds_by_each_rater(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    checks = journal.execute("SELECT id, taken_by, item_set FROM self_check ORDER BY taken_on")
    assert [by for _, by, _ in checks] == ["principal", "team", "principal", "team"]
    assert {item_set for _, _, item_set in checks} == {2}
    items = set(SET_2.item_keys)
    scores = []
    for check_id, _, _ in checks:
        answers = journal.execute(
            "SELECT item, frequency FROM self_check_answer WHERE self_check_id = ?", (check_id,)
        )
        assert {item for item, _ in answers} == items and len(answers) == 15
        scores.append(dict(answers))
        notes = "SELECT count(*) FROM self_check_area_note WHERE self_check_id = ?"
        assert _one(journal, notes, check_id) == len(SET_2.areas)
    assert scores[0] != scores[1] and scores[0] != scores[2]


def test_tensions_charter_and_team_records(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    tensions = journal.execute("SELECT tension, count(*) FROM tension_note GROUP BY tension")
    assert len(tensions) >= 5 and sum(n >= 2 for _, n in tensions) >= 2
    assert _one(journal, "SELECT count(*) FROM tension_note WHERE decision = ''") == 0
    assert _one(journal, "SELECT count(*) FROM tension_note WHERE leaning IS NULL") >= 2
    versions = journal.execute(
        "SELECT made_on, why, theme, lead_qualities, coach_qualities, "
        "team_qualities, commitments FROM charter_version ORDER BY made_on"
    )
    assert len(versions) == 2 and all(all(version) for version in versions)
    assert "new" in versions[1][1]
    teacher = {
        f"{code} {title}"
        for code, title in journal.execute(
            "SELECT code, title FROM framework_item WHERE framework = 'teacher'"
        )
    }
    leadership = {
        f"{code} {title}"
        for code, title in journal.execute(
            "SELECT code, title FROM framework_item WHERE framework = 'leadership'"
        )
    }
    assert 6 <= len(leadership) <= 8 and 8 <= len(teacher) <= 10
    assert {version[2] for version in versions} <= teacher
    focus = {row[0] for row in journal.execute("SELECT focus_indicator FROM learning_cycle")}
    assert focus <= leadership
    strands = journal.execute(
        "SELECT focus, data, observation_feedback, professional_learning FROM scope_item"
    )
    assert len(strands) >= 10 and all(all(row) for row in strands)
    assert _one(journal, "SELECT count(*) FROM meeting_feedback") >= 4


def test_full_text_search_finds_the_story(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    for word in ("burnout", "calibration", "norms"):
        found = "SELECT count(*) FROM search_index WHERE search_index MATCH ?"
        assert _one(journal, found, word) > 0


def test_same_seed_same_journal(tmp_path: Path) -> None:
    texts = []
    for name in ("a", "b"):
        journal, _ = _build(tmp_path / f"{name}.iltdesk", entries=300)
        names = journal.execute("SELECT name FROM lead ORDER BY id")
        notes = journal.execute("SELECT notes FROM one_on_one ORDER BY id")
        texts.append((names, notes))
        journal.close()
    assert texts[0] == texts[1]
    journal, _ = _build(tmp_path / "c.iltdesk", entries=300, seed=7)
    other = journal.execute("SELECT name FROM lead ORDER BY id")
    journal.close()
    assert other != texts[0][0]


def test_entries_scale_the_journal_and_it_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "demo.iltdesk"
    journal, summary = _build(path, entries=2000)
    entries = summary.counts["one_on_one"] + summary.counts["observation"]
    assert 1800 <= entries <= 2400
    assert summary.seconds > 0
    journal.close()
    with Journal.open(path, PASS) as reopened:
        assert _one(reopened, "SELECT count(*) FROM one_on_one") == summary.counts["one_on_one"]
        assert _one(reopened, "SELECT count(*) FROM lead WHERE archived_on IS NULL") == 6
        hits = "SELECT count(*) FROM search_index WHERE search_index MATCH 'burnout'"
        assert _one(reopened, hits) > 0


@pytest.mark.parametrize("today", [date(2027, 3, 13), date(2027, 3, 15)], ids=["sat", "mon"])
def test_the_view_from_today_holds_on_any_weekday(tmp_path: Path, today: date) -> None:
    journal = Journal.create(tmp_path / "demo.iltdesk", PASS)
    build_demo(journal, today=today)
    start, week_on = today.isoformat(), (today + timedelta(days=7)).isoformat()
    open_items = "SELECT count(*) FROM action_item WHERE done_on IS NULL AND due_on "
    assert _one(journal, open_items + "< ?", start) >= 3
    assert _one(journal, open_items + "BETWEEN ? AND ?", start, week_on) >= 3
    gaps = journal.execute(
        "SELECT l.cadence_days, julianday(?) - julianday(max(o.held_on)) FROM lead l "
        "JOIN one_on_one o ON o.lead_id = l.id WHERE l.archived_on IS NULL AND o.held_on <= ? "
        "GROUP BY l.id",
        (start, start),
    )
    assert sum(gap > cadence for cadence, gap in gaps) == 1
    weekend = "SELECT count(*) FROM one_on_one WHERE strftime('%w', held_on) IN ('0', '6')"
    assert _one(journal, weekend) == 0
    journal.close()


def test_the_principal_keeps_her_own_record(story: tuple[Journal, DemoSummary]) -> None:
    journal, _ = story
    levels = [level for (level,) in journal.execute(
        "SELECT level FROM principal_energy ORDER BY checked_on")]  # fmt: skip
    assert len(levels) >= 8 and min(levels) < levels[0]  # the winter dip
    notes = dict(journal.execute("SELECT text, kind FROM leadership_note"))
    assert {"question", "realisation"} == set(notes.values())
    assert any("without taking it over" in text for text in notes)
    assert any("tell me more" in text for text in notes)
