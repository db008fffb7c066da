"""The word being typed is looked up in the index's vocabulary and spelled out: the same hits
as FTS5's own prefix query, found without merging every match list first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from iltdesk import search as search_module
from iltdesk.demo import build_demo
from iltdesk.one_on_one import add_quick_note
from iltdesk.search import MARK_START, Hit, search
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

TYPED = (
    "da",
    "dat",
    "data",
    "data mee",
    "data meeting",
    "te",
    "team",
    "walk",
    "walkt",
    "ob",
    "obs",
    "norms ag",
    "exit tic",
    "Marc",
    "MEET",
    "st",
    "student work",
    "ret",
    '"next steps" fo',
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path = tmp_path_factory.mktemp("prefix") / "demo.iltdesk"
    with Journal.create(path, PASSPHRASE) as journal:
        build_demo(journal, entries=120)
    with Journal.open(path, PASSPHRASE) as journal:
        yield journal


def found(hits: list[Hit]) -> list[tuple[str, int, str, date | None]]:
    """The hits, in order, without their snippets: FTS5 may pick another fragment of the same
    text when a prefix is spelled out (it favours fragments holding more distinct words)."""
    return [(h.kind, h.record_id, h.title, h.happened_on) for h in hits]


def natively(journal: Journal, text: str, **options: object) -> list[Hit]:
    """What FTS5's own prefix query finds (nothing spelled out)."""
    saved = search_module.MAX_SPELLED_OUT
    search_module.MAX_SPELLED_OUT = 0
    try:
        return search(journal, text, **options)  # type: ignore[arg-type]
    finally:
        search_module.MAX_SPELLED_OUT = saved


@pytest.mark.parametrize("text", TYPED)
def test_spelled_out_prefixes_find_what_fts5_prefixes_find(demo: Journal, text: str) -> None:
    hits = search(demo, text, limit=500)
    assert found(hits) == found(natively(demo, text, limit=500))
    assert all(MARK_START in h.snippet or MARK_START in h.title for h in hits)  # highlighted
    if text not in ("walkt",):
        assert hits, text  # the comparison is between real results


def test_the_same_with_kinds_and_a_small_limit(demo: Journal) -> None:
    for text in ("data mee", "obs", "te"):
        options = {"kinds": ("one_on_one", "observation"), "limit": 7}
        mine = search(demo, text, **options)  # type: ignore[arg-type]
        assert found(mine) == found(natively(demo, text, **options))


def test_what_the_query_becomes(demo: Journal) -> None:
    spell = search_module._spell_out_prefix
    assert spell(demo, '"zzqx"*') is None  # no word starts so: nothing can match
    assert spell(demo, '"data" "meeting"') == '"data" "meeting"'  # no prefix: as typed
    assert spell(demo, '"réu"*') == '"réu"*'  # folded by the tokenizer: FTS5's own prefix
    assert spell(demo, '"a_b"*') == '"a_b"*'  # split by the tokenizer: FTS5's own prefix
    spelled = spell(demo, '"data" "meet"*')
    assert spelled is not None and spelled.startswith('"data" AND ("meet')
    assert '"meeting"' in spelled and "*" not in spelled


def test_too_many_words_keep_fts5s_prefix_query(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "MAX_SPELLED_OUT", 1)
    assert search_module._spell_out_prefix(demo, '"st"*') == '"st"*'
    assert search(demo, "st", limit=500) == natively(demo, "st", limit=500)  # the very same


def test_accents_and_new_words_are_found_as_typed(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "j.iltdesk", PASSPHRASE) as journal:
        from iltdesk.lead import add_lead

        add_lead(journal, "Renée Okafor")
        assert search(journal, "zygo") == []  # the vocabulary is read afresh each time...
        add_quick_note(journal, "Renée", "Réunion about zygomorphic flowers", held_on=date.today())
        assert [h.kind for h in search(journal, "zygo")] == ["one_on_one"]  # ...so it is current
        assert {h.kind for h in search(journal, "reu")} == {"one_on_one"}  # accents folded
        assert [h.kind for h in search(journal, "rené")] == ["lead"]  # FTS5's prefix query
        assert [h.kind for h in search(journal, "rene")] == ["lead"]  # spelled out
    with Journal.open(tmp_path / "j.iltdesk", PASSPHRASE) as journal:  # nothing kept in the file
        tables = journal.execute("SELECT name FROM sqlite_master WHERE name LIKE '%vocab%'")
        assert tables == []
