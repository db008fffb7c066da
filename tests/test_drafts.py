"""Drafts of open dialogs: kept in the journal, one per kind and place, never searched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from iltdesk.drafts import draft_for, drop_draft, keep_draft, kept_draft
from iltdesk.search import search
from iltdesk.store.journal import Journal


def test_a_kept_draft_comes_back_as_typed(journal: Journal) -> None:
    fields = {"What you saw and heard": "Opened with *norms*\nthen data", "step": "Ask why"}
    keep_draft(journal, "observation", "lead:12", fields)
    assert draft_for(journal, "observation", "lead:12") == fields


def test_one_draft_per_kind_and_place_the_latest_replaces_it(journal: Journal) -> None:
    keep_draft(journal, "observation", "lead:12", {"a": "first"})
    keep_draft(journal, "observation", "lead:12", {"a": "second", "b": "ünïcode ✓"})
    keep_draft(journal, "observation", "lead:13", {"a": "other lead"})
    keep_draft(journal, "log_entry", "lead:12", {"a": "other dialog"})
    assert draft_for(journal, "observation", "lead:12") == {"a": "second", "b": "ünïcode ✓"}
    assert draft_for(journal, "observation", "lead:13") == {"a": "other lead"}
    assert draft_for(journal, "log_entry", "lead:12") == {"a": "other dialog"}
    assert journal.execute("SELECT count(*) FROM draft")[0][0] == 3


def test_dropping_forgets_only_that_draft(journal: Journal) -> None:
    keep_draft(journal, "trait", "lead:1", {"a": "x"})
    keep_draft(journal, "trait", "lead:2", {"a": "y"})
    drop_draft(journal, "trait", "lead:1")
    drop_draft(journal, "trait", "lead:9")  # none there: nothing happens
    assert draft_for(journal, "trait", "lead:1") is None
    assert draft_for(journal, "trait", "lead:2") == {"a": "y"}


def test_a_draft_knows_when_it_was_kept(journal: Journal) -> None:
    keep_draft(journal, "card", "challenge:3", {"a": "x"})
    kept = kept_draft(journal, "card", "challenge:3")
    assert kept is not None
    assert abs(kept.saved_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert kept.saved_at.tzinfo is not None


def test_drafts_are_not_searched(journal: Journal) -> None:
    keep_draft(journal, "observation", "lead:1", {"a": "zanzibarword in a draft"})
    assert search(journal, "zanzibarword") == []


def test_a_damaged_draft_is_no_draft(journal: Journal) -> None:
    keep_draft(journal, "card", "", {"a": "x"})
    journal.execute("UPDATE draft SET fields = 'not json'")
    assert draft_for(journal, "card", "") is None
    journal.execute("UPDATE draft SET fields = '[1, 2]'")
    assert draft_for(journal, "card", "") is None
