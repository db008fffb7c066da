"""What search must find, worked out the slow way: every record read and every word compared.

The rule (unchanged since the index stopped keeping a copy of the text): every word typed is
in the record, the last one as a prefix; a quoted phrase has its words in order within the
title or within the body; of all matches, the newest ``RANK_WINDOW`` by index rowid (and the
newest ``RANK_WINDOW`` whose title holds it all) are listed, title matches first, then by day,
newest first, records without a day last, then newest written.
"""

from __future__ import annotations

from datetime import date

from iltdesk.record_kinds import RecordKind
from iltdesk.search import RANK_WINDOW
from iltdesk.search_index import CURRENT_SOURCES, KIND_SLOTS
from iltdesk.search_query import Query, parse
from iltdesk.search_tables import body_sql, source_sql, title_sql
from iltdesk.search_text import words
from iltdesk.store.journal import Journal

Found = tuple[str, int, date | None]


def _holds(query: Query, found: list[str]) -> bool:
    present = set(found)
    if not all(word in present for word in query.whole):
        return False
    return query.prefix is None or any(w.startswith(query.prefix) for w in present)


def _phrase_in(query: Query, *texts: list[str]) -> bool:
    def has(found: list[str], phrase: tuple[str, ...]) -> bool:
        size = len(phrase)
        return any(tuple(found[i : i + size]) == phrase for i in range(len(found) - size + 1))

    return all(any(has(t, phrase) for t in texts) for phrase in query.phrases)


def records(journal: Journal) -> list[tuple[int, str | None, list[str], list[str]]]:
    """Every indexed record: (rowid, day, title words, body words)."""
    found = []
    for s in CURRENT_SOURCES:
        sql = (
            f"SELECT t.id, {source_sql(s.happened, 't')}, {title_sql(s, 't')}, {body_sql(s, 't')} "
            f"FROM {s.table} AS t"
        )
        for record_id, happened, title, body in journal.execute(sql):
            rowid = int(record_id) * KIND_SLOTS + s.code
            day = None if happened is None else str(happened)
            found.append((rowid, day, words(str(title)), words(str(body))))
    return found


def expected(
    journal: Journal, text: str, *, limit: int = 50, kinds: tuple[str, ...] = ()
) -> list[Found]:
    """What ``search(journal, text, limit=limit, kinds=kinds)`` must list, in order."""
    query = parse(text)
    if query is None:
        return []
    codes = {s.code for s in CURRENT_SOURCES if not kinds or s.kind in kinds}
    every = [r for r in records(journal) if r[0] % KIND_SLOTS in codes]
    matching = [r for r in every if _holds(query, r[2] + r[3]) and _phrase_in(query, r[2], r[3])]
    titled = [r for r in matching if _holds(query, r[2]) and _phrase_in(query, r[2])]
    newest_titled = sorted(titled, key=lambda r: -r[0])[:RANK_WINDOW]
    first = {r[0] for r in newest_titled}
    newest = sorted(matching, key=lambda r: -r[0])[:RANK_WINDOW]
    pool = newest_titled + [r for r in newest if r[0] not in first]
    pool.sort(key=lambda r: r[0], reverse=True)
    pool.sort(key=lambda r: r[1] or "", reverse=True)
    pool.sort(key=lambda r: r[0] not in first)
    kind_of = {s.code: s.kind for s in CURRENT_SOURCES}
    return [
        (
            RecordKind(kind_of[r[0] % KIND_SLOTS]),
            r[0] // KIND_SLOTS,
            None if r[1] is None else date.fromisoformat(r[1][:10]),
        )
        for r in pool[:limit]
    ]
