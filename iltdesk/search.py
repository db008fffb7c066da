"""Search everything in a journal as you type: ranked hits with highlighted snippets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from iltdesk.record_kinds import RecordKind
from iltdesk.search_days import DAY_TABLE
from iltdesk.search_index import INDEX_TABLE, KIND_SLOTS
from iltdesk.search_query import Query, Turns, parse
from iltdesk.search_tables import TITLE_TABLE
from iltdesk.search_text import (
    SOURCE_OF_CODE,
    Readable,
    Wanted,
    bound_chunks,
    has_phrase,
    read_rows,
    snippet,
)
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

# Private-use markers around highlighted terms; callers turn them into bold, brackets or HTML.
MARK_START = "\ue000"
MARK_END = "\ue001"

# What a hit calls its kind of record, in English: ``kind_label`` says it in the user's language.
KIND_LABELS: dict[RecordKind, str] = {
    RecordKind.LEAD: QT_TRANSLATE_NOOP("search", "Lead"),
    RecordKind.TRAIT: QT_TRANSLATE_NOOP("search", "Strength or growth area"),
    RecordKind.ENERGY: QT_TRANSLATE_NOOP("search", "Energy check"),
    RecordKind.ONE_ON_ONE: QT_TRANSLATE_NOOP("search", "1:1"),
    RecordKind.AGENDA_ITEM: QT_TRANSLATE_NOOP("search", "Agenda item"),
    RecordKind.ACTION_ITEM: QT_TRANSLATE_NOOP("search", "Action item"),
    RecordKind.AGREEMENT: QT_TRANSLATE_NOOP("search", "Coaching agreement"),
    RecordKind.EXPECTATION: QT_TRANSLATE_NOOP("search", "Agreement expectation"),
    RecordKind.CYCLE: QT_TRANSLATE_NOOP("search", "Learning cycle"),
    RecordKind.ACTIVITY: QT_TRANSLATE_NOOP("search", "Cycle activity"),
    RecordKind.OBSERVATION: QT_TRANSLATE_NOOP("search", "Observation"),
    RecordKind.CHALLENGE: QT_TRANSLATE_NOOP("search", "Complex challenge"),
    RecordKind.FORCE_CARD: QT_TRANSLATE_NOOP("search", "Force card"),
    RecordKind.CHALLENGE_LOG: QT_TRANSLATE_NOOP("search", "Challenge log"),
    RecordKind.SELF_CHECK: QT_TRANSLATE_NOOP("search", "ILT self-check"),
    RecordKind.SELF_CHECK_NOTE: QT_TRANSLATE_NOOP("search", "Self-check note"),
    RecordKind.TENSION: QT_TRANSLATE_NOOP("search", "Tension note"),
    RecordKind.CHARTER: QT_TRANSLATE_NOOP("search", "ILT charter"),
    RecordKind.SCOPE_ITEM: QT_TRANSLATE_NOOP("search", "Scope and sequence"),
    RecordKind.MEETING_FEEDBACK: QT_TRANSLATE_NOOP("search", "Meeting plus/delta"),
    RecordKind.LEADERSHIP_NOTE: QT_TRANSLATE_NOOP("search", "My leadership"),
    RecordKind.OWN_ENERGY: QT_TRANSLATE_NOOP("search", "My energy"),
    RecordKind.ILT_MEETING: QT_TRANSLATE_NOOP("search", "ILT meeting"),
    RecordKind.MEETING_SECTION: QT_TRANSLATE_NOOP("search", "ILT meeting notes"),
    RecordKind.MEETING_AGENDA_ITEM: QT_TRANSLATE_NOOP("search", "ILT agenda item"),
    RecordKind.TEACHER_TEAM: QT_TRANSLATE_NOOP("search", "Teacher team"),
    RecordKind.TEAM_INTERVENTION: QT_TRANSLATE_NOOP("search", "Team intervention"),
    RecordKind.CONVERSATION: QT_TRANSLATE_NOOP("search", "Difficult conversation"),
    RecordKind.JOINT_PRACTICE: QT_TRANSLATE_NOOP("search", "Joint practice"),
    RecordKind.LEAD_COACH: QT_TRANSLATE_NOOP("search", "Other coach"),
    RecordKind.LEARNING_EVENT: QT_TRANSLATE_NOOP("search", "ILT learning"),
}


def kind_label(kind: RecordKind) -> str:
    """A human name for a kind of record ("Observation"), in the user's language."""
    return translate("search", KIND_LABELS[kind])


@dataclass(frozen=True)
class Hit:
    """One search result and the record it belongs to.

    Its snippet is cut when first asked for: a list shows its first rows before the rest,
    and a row never shown costs nothing."""

    kind: RecordKind
    record_id: int
    lead_id: int | None
    lead_name: str | None
    happened_on: date | None
    title: str
    text: str = field(default="", repr=False, compare=False)  # the body the snippet is from
    wanted: Wanted | None = field(default=None, repr=False, compare=False)

    @cached_property
    def snippet(self) -> str:
        """About 14 words around what was searched for, those words between ``MARK_START``
        and ``MARK_END`` (from the title when the body holds none of them)."""
        if self.wanted is None:
            return ""
        cut = snippet(self.text, self.wanted, MARKS, default=False)
        return " ".join((cut or snippet(self.title, self.wanted, MARKS)).split())

    @property
    def kind_label(self) -> str:
        """A human name for the kind of record."""
        return kind_label(self.kind)

    def snippet_parts(self) -> Iterator[tuple[str, bool]]:
        """The snippet as (text, highlighted) runs."""
        for i, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if part:
                yield part, i % 2 == 1

    def marked(self, start: str, end: str) -> str:
        """The snippet with highlighted terms wrapped in ``start`` and ``end``."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def _parse_date(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# Only the newest RANK_WINDOW matches (and the newest RANK_WINDOW title matches) are ordered:
# in a journal recent notes matter most, and the cost of a search stays the same however
# large the journal grows. Nothing here scores every match (bm25 would count every match of
# every word first, which for a common word in a 100k-entry journal takes longer than a
# keystroke).
RANK_WINDOW = 300
MARKS = (MARK_START, MARK_END)
_NO_DAY = -(1 << 62)  # below every day: listed last
CODE_OF_KIND = {RecordKind(source.kind): code for code, source in SOURCE_OF_CODE.items()}


# What search needs of a journal: raw SQL whose storage failures are ``JournalError``s.
Searchable = Readable


def _newest(
    journal: Readable, table: str, turns: Turns, query: Query, codes: tuple[int, ...]
) -> list[int]:
    """The rowids of the newest ``RANK_WINDOW`` records of ``table`` matching ``query``.

    FTS5 walks the lists newest first and stops early; each turn finds every match above its
    floor, the next goes on below it. A record holding a phrase's words is read to check
    their order; until enough pass, the walk goes on below the last one read.
    """
    kinds = f" AND rowid % {KIND_SLOTS} IN ({', '.join(map(str, codes))})" if codes else ""
    sql = (
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid > ? AND rowid < ?{kinds} "
        f"ORDER BY rowid DESC LIMIT {RANK_WINDOW}"
    )
    chosen: list[int] = []
    below = 1 << 62
    for match, floor in turns:
        while len(chosen) < RANK_WINDOW:
            rowids = [int(r[0]) for r in journal.execute(sql, (match, floor, below))]
            chosen += _in_order(journal, table, query, rowids)
            if len(rowids) < RANK_WINDOW:
                break
            below = rowids[-1]
        if len(chosen) >= RANK_WINDOW:
            break
        below = floor + 1
    return chosen[:RANK_WINDOW]


def _in_order(journal: Readable, table: str, query: Query, rowids: list[int]) -> list[int]:
    """Those of ``rowids`` whose records hold every phrase of ``query`` as written."""
    if not query.phrases:
        return rowids
    texts = read_rows(journal, rowids, text=True)
    chosen = []
    for rowid in rowids:
        row = texts.get(rowid)
        # A phrase lies within one text, as FTS5 matched phrases within one column.
        texts_here = () if row is None else (row.title, row.body)
        where = texts_here[:1] if table == TITLE_TABLE else texts_here
        if all(any(has_phrase(t, p) for t in where) for p in query.phrases):
            chosen.append(rowid)
    return chosen


def _days(journal: Readable, rowids: list[int]) -> dict[int, int]:
    """The day numbers of the records behind ``rowids`` that still exist, ``_NO_DAY`` for one
    without a day (``iltdesk.search_days``: a few pages, not a page a record)."""
    found: dict[int, int] = {}
    for chunk, marks in bound_chunks(rowids):
        sql = f"SELECT rowid, day FROM {DAY_TABLE} WHERE rowid IN ({marks})"
        for rowid, day in journal.execute(sql, chunk):
            found[int(rowid)] = _NO_DAY if day is None else int(day)
    return found


def _ordered(journal: Readable, titled: list[int], recent: list[int]) -> list[int]:
    """The pool in the order hits are listed: title matches first, then newest day first,
    then newest written; records gone since they were indexed are left out."""
    first = set(titled)
    pool = [*titled, *(r for r in recent if r not in first)]
    days = _days(journal, pool)
    present = [r for r in pool if r in days]
    # SQLite's ORDER BY happened_on DESC puts records without a day last: so does this.
    # Three stable sorts, last key first: newest written, then newest day, then the tier.
    present.sort(reverse=True)
    present.sort(key=days.__getitem__, reverse=True)
    present.sort(key=lambda rowid: rowid not in first)
    return present


@dataclass(frozen=True)
class Ranked:
    """What a search found, in the order it lists it, before any record's text is read: a
    list shows its first rows from ``hits(journal, ranked, 0, n)`` and reads the others when
    it lists them."""

    rowids: tuple[int, ...] = ()
    wanted: Wanted | None = None

    def __len__(self) -> int:
        return len(self.rowids)


def rank(
    journal: Searchable, text: str, *, limit: int = 50, kinds: tuple[RecordKind, ...] = ()
) -> Ranked:
    """What ``search`` lists for ``text``, in its order, without the records' texts."""
    query = parse(text)
    turns = None if query is None else query.turns(journal)
    if query is None or turns is None:
        return Ranked()
    codes = tuple(sorted(CODE_OF_KIND[RecordKind(kind)] for kind in kinds))
    titled = _newest(journal, TITLE_TABLE, turns, query, codes)
    recent = _newest(journal, INDEX_TABLE, turns, query, codes)
    return Ranked(tuple(_ordered(journal, titled, recent)[:limit]), query.wanted)


def hits(journal: Searchable, ranked: Ranked, start: int = 0, stop: int | None = None) -> list[Hit]:
    """The hits ``ranked[start:stop]``, their titles, texts and leads read from the records
    (one deleted since the search is left out)."""
    chosen = ranked.rowids[start:stop]
    texts = read_rows(journal, chosen, text=True)
    rows = [texts[rowid] for rowid in chosen if rowid in texts]
    names = _lead_names(journal, {r.lead_id for r in rows if r.lead_id is not None})
    found = []
    for row in rows:
        kind = RecordKind(SOURCE_OF_CODE[row.rowid % KIND_SLOTS].kind)
        found.append(
            Hit(
                kind=kind,
                record_id=row.rowid // KIND_SLOTS,
                lead_id=row.lead_id,
                lead_name=names.get(row.lead_id) if row.lead_id is not None else None,
                happened_on=_parse_date(row.happened_on),
                # The charter's title in the index is fixed English (search_index.py).
                title=kind_label(kind) if kind is RecordKind.CHARTER else row.title,
                text=row.body,
                wanted=ranked.wanted,
            )
        )
    return _name_untitled(journal, found)


def search(
    journal: Searchable, text: str, *, limit: int = 50, kinds: tuple[RecordKind, ...] = ()
) -> list[Hit]:
    """Hits for ``text``: those with every word in the title first, newest first within each.

    Among very many matches, the newest ``RANK_WINDOW`` (and the newest ``RANK_WINDOW`` title
    matches) are ordered. Snippets and lead names are made for the returned rows only.
    """
    return hits(journal, rank(journal, text, limit=limit, kinds=kinds))


def _lead_names(journal: Readable, ids: set[int]) -> dict[int | None, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = journal.execute(f"SELECT id, name FROM lead WHERE id IN ({marks})", tuple(ids))
    return {int(i): str(name) for i, name in rows}


# Kinds whose index title can be empty, and what names such a hit instead: the record it
# lives in (an intervention's team) or who it is about (a coach who is a veteran lead).
_UNTITLED_NAMES: dict[RecordKind, str] = {
    RecordKind.TEAM_INTERVENTION: "SELECT i.id, t.name FROM team_intervention i "
    "JOIN teacher_team t ON t.id = i.team_id WHERE i.id IN ({ids})",
    RecordKind.LEAD_COACH: "SELECT c.id, l.name FROM lead_coach c "
    "JOIN lead l ON l.id = c.coach_lead_id WHERE c.id IN ({ids})",
}


def _name_untitled(journal: Searchable, hits: list[Hit]) -> list[Hit]:
    """``hits`` with an empty title named as ``_UNTITLED_NAMES`` says (returned rows only)."""
    for kind, sql in _UNTITLED_NAMES.items():
        ids = [h.record_id for h in hits if h.kind is kind and not h.title.strip()]
        if not ids:
            continue
        names = dict(journal.execute(sql.format(ids=", ".join("?" * len(ids))), tuple(ids)))
        hits = [
            replace(h, title=str(names[h.record_id]))
            if h.kind is kind and not h.title.strip() and names.get(h.record_id)
            else h
            for h in hits
        ]
    return hits
