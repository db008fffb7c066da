"""A challenge's problem statement (saved, changed, found, kept) and the reflection's questions
true to the green line: the technical side above it, the adaptive side below, equity around."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iltdesk.challenge import (
    ABOVE,
    AREAS,
    BELOW,
    LENS,
    PARTS,
    STATEMENT,
    add_challenge,
    update_challenge,
)
from iltdesk.errors import UsageError
from iltdesk.models import Challenge
from iltdesk.record_kinds import RecordKind
from iltdesk.search import search
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

STORY = (
    "Half the ILT left in June and took our way of working with them.\n\n"
    "The new members are strong teachers who never saw the year-one norms."
)


def _stored(journal: Journal, challenge_id: int) -> Challenge:
    with journal.session() as s:
        challenge = s.get(Challenge, challenge_id)
    assert challenge is not None
    return challenge


def _area(field: str) -> str:
    """Everything shown beside an area, lower-cased: its title and questions."""
    [area] = [a for a in PARTS if a.field == field]
    return " ".join((area.title, *area.prompts)).lower()


# -- the problem statement ----------------------------------------------------------------------


def test_a_challenge_opens_with_its_statement_or_without(journal: Journal) -> None:
    told = add_challenge(journal, "Norms lost to turnover", statement=f"  {STORY}\n ")
    bare = add_challenge(journal, "Team is exhausted")

    assert _stored(journal, told.id or 0).statement == STORY
    assert _stored(journal, bare.id or 0).statement == ""


def test_the_statement_is_updated_like_any_area(journal: Journal) -> None:
    challenge_id = add_challenge(journal, "Norms lost to turnover").id or 0

    update_challenge(journal, challenge_id, statement=STORY, systems="Meetings online")
    stored = _stored(journal, challenge_id)
    assert (stored.statement, stored.systems) == (STORY, "Meetings online")
    update_challenge(journal, challenge_id, statement="Rewritten: it began with the pandemic.")
    stored = _stored(journal, challenge_id)
    assert (stored.statement, stored.systems) == (
        "Rewritten: it began with the pandemic.",
        "Meetings online",
    )


def test_the_statement_is_searchable_and_leaves_the_index_when_cleared(journal: Journal) -> None:
    challenge_id = add_challenge(journal, "Norms lost", opened_on=date(2024, 9, 3)).id or 0
    add_challenge(journal, "Distance learning", statement="Screens all day")

    update_challenge(journal, challenge_id, statement=STORY)
    hits = search(journal, "year-one norms", kinds=(RecordKind.CHALLENGE,))
    assert [(h.record_id, h.title, h.happened_on) for h in hits] == [
        (challenge_id, "Norms lost", date(2024, 9, 3))
    ]
    update_challenge(journal, challenge_id, statement="")
    assert search(journal, "year-one", kinds=(RecordKind.CHALLENGE,)) == []
    assert len(search(journal, "screens", kinds=(RecordKind.CHALLENGE,))) == 1


def test_the_statement_survives_close_and_reopen(journal: Journal, journal_path: Path) -> None:
    challenge_id = add_challenge(journal, "Norms lost", statement=STORY).id or 0
    journal.close()

    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        assert _stored(reopened, challenge_id).statement == STORY
        assert [h.record_id for h in search(reopened, "strong teachers")] == [challenge_id]
    finally:
        reopened.close()


def test_unknown_fields_are_still_refused_beside_the_statement(journal: Journal) -> None:
    challenge_id = add_challenge(journal, "Norms lost").id or 0
    with pytest.raises(UsageError, match="Cannot change backstory of a challenge"):
        update_challenge(journal, challenge_id, statement=STORY, backstory="x")
    assert _stored(journal, challenge_id).statement == ""


# -- the questions, the right way up -------------------------------------------------------------


def test_the_statement_comes_first_and_asks_for_the_problem_and_its_story() -> None:
    assert PARTS[0] is STATEMENT and STATEMENT not in AREAS
    asked = _area("statement")
    assert "plain words" in asked and "so far" in asked


def test_no_question_is_the_iceberg() -> None:
    everything = " ".join(
        " ".join((a.title, *a.prompts, a.side.title, a.side.meaning)) for a in PARTS
    ).lower()
    for iceberg in ("events everyone can see", "visible events", "the events", "iceberg"):
        assert iceberg not in everything


def test_above_the_line_is_structures_and_systems_below_is_relationships_and_identity() -> None:
    [above, below, *_] = _area("root_causes").split("below the line")
    assert "above the line" in above and "technical" in above
    for word in ("structures", "systems", "processes", "patterns", "resources"):
        assert word in above
    for word in ("relationships", "information", "identity", "values", "beliefs", "mindsets"):
        assert word in below and word not in above
    assert "adaptive" in below and "equity" in below
    for word in ("structures", "systems", "processes"):
        assert word in ABOVE.meaning
    for word in ("relate", "information", "meaning", "identity", "beliefs", "mindsets"):
        assert word in BELOW.meaning
    assert "who" in LENS.meaning


def test_each_area_sits_on_its_side_of_the_line() -> None:
    sides = {a.field: a.side for a in AREAS}
    assert sides["systems"] is sides["technical_needs"] is ABOVE
    assert sides["relationships"] is sides["information_flow"] is sides["adaptive_needs"] is BELOW
    assert sides["equity"] is LENS
    order = [a.field for a in AREAS]
    # the needs follow what they come from: systems, then relationships and information
    assert order.index("technical_needs") == order.index("systems") + 1
    assert order.index("adaptive_needs") > order.index("information_flow")


def test_the_relationships_prompt_asks_quality_identity_and_beliefs() -> None:
    asked = _area("relationships")
    assert "relationships among the people closest" in asked
    assert "see themselves in relation to it" in asked
    for word in ("values", "beliefs", "mindsets"):
        assert word in asked
