"""Search everything in a journal as you type: ranked hits with highlighted snippets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from iltdesk.errors import JournalReadOnly
from iltdesk.record_kinds import RecordKind
from iltdesk.search_index import INDEX_TABLE

# Private-use markers around highlighted terms; callers turn them into bold, brackets or HTML.
MARK_START = "\ue000"
MARK_END = "\ue001"

KIND_LABELS: dict[RecordKind, str] = {
    RecordKind.LEAD: "Lead",
    RecordKind.TRAIT: "Strength or growth area",
    RecordKind.ENERGY: "Energy check",
    RecordKind.ONE_ON_ONE: "1:1",
    RecordKind.AGENDA_ITEM: "Agenda item",
    RecordKind.ACTION_ITEM: "Action item",
    RecordKind.AGREEMENT: "Coaching agreement",
    RecordKind.EXPECTATION: "Agreement expectation",
    RecordKind.CYCLE: "Learning cycle",
    RecordKind.ACTIVITY: "Cycle activity",
    RecordKind.OBSERVATION: "Observation",
    RecordKind.CHALLENGE: "Complex challenge",
    RecordKind.FORCE_CARD: "Force card",
    RecordKind.CHALLENGE_LOG: "Challenge log",
    RecordKind.SELF_CHECK: "ILT self-check",
    RecordKind.SELF_CHECK_NOTE: "Self-check note",
    RecordKind.TENSION: "Tension note",
    RecordKind.CHARTER: "ILT charter",
    RecordKind.SCOPE_ITEM: "Scope and sequence",
    RecordKind.MEETING_FEEDBACK: "Meeting plus/delta",
    RecordKind.LEADERSHIP_NOTE: "My leadership",
    RecordKind.OWN_ENERGY: "My energy",
    RecordKind.ILT_MEETING: "ILT meeting",
    RecordKind.MEETING_SECTION: "ILT meeting notes",
    RecordKind.MEETING_AGENDA_ITEM: "ILT agenda item",
    RecordKind.TEACHER_TEAM: "Teacher team",
    RecordKind.TEAM_INTERVENTION: "Team intervention",
    RecordKind.CONVERSATION: "Difficult conversation",
    RecordKind.JOINT_PRACTICE: "Joint practice",
    RecordKind.LEAD_COACH: "Other coach",
    RecordKind.LEARNING_EVENT: "ILT learning",
}

MIN_PREFIX = 2
_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Hit:
    """One search result and the record it belongs to."""

    kind: RecordKind
    record_id: int
    lead_id: int | None
    lead_name: str | None
    happened_on: date | None
    title: str
    snippet: str

    @property
    def kind_label(self) -> str:
        """A human name for the kind of record."""
        return KIND_LABELS[self.kind]

    def snippet_parts(self) -> Iterator[tuple[str, bool]]:
        """The snippet as (text, highlighted) runs."""
        for i, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if part:
                yield part, i % 2 == 1

    def marked(self, start: str, end: str) -> str:
        """The snippet with highlighted terms wrapped in ``start`` and ``end``."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """Turn what a person typed into a safe FTS5 query (every word must match).

    Quoted phrases stay phrases; other words are quoted one by one so that FTS5 operators and
    punctuation in the input cannot cause a syntax error. The last word is a prefix match
    unless the text ends with a space (or it is a single letter), which is what
    search-as-you-type needs.
    """
    terms: list[str] = []
    for phrase in _PHRASE.findall(text):
        words = _TOKEN.findall(phrase)
        if words:
            terms.append('"' + " ".join(words) + '"')
    words = _TOKEN.findall(_PHRASE.sub(" ", text))
    terms += [f'"{w}"' for w in words]
    if not terms:
        return None
    # A one-letter prefix matches half the journal and helps nobody: wait for the second.
    if prefix and words and len(words[-1]) >= MIN_PREFIX and not text.endswith((" ", '"')):
        terms[-1] += "*"
    return " ".join(terms)


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


class Searchable(Protocol):
    """What search needs of a journal: raw SQL whose storage failures are ``JournalError``s."""

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ...) -> list[Any]:
        """Run ``sql`` and return all rows."""
        ...


def _ranked_sql(kind_count: int) -> str:
    names = ", ".join(f":kind{i}" for i in range(kind_count))
    kinds = f" AND kind IN ({names})" if kind_count else ""

    def newest(tier: int, match: str) -> str:
        # FTS5 walks the index newest-first and stops after RANK_WINDOW rows; snippets are
        # made in the same pass, since finding a row again by MATCH would search again.
        return (
            f"SELECT rowid AS r, {tier} AS tier, kind, record_id, lead_id, happened_on, title, "
            f"snippet({INDEX_TABLE}, -1, :mark_start, :mark_end, '…', 14) AS snip "
            f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH {match}{kinds} "
            f"ORDER BY rowid DESC LIMIT {RANK_WINDOW}"
        )

    return (
        f"WITH titled AS MATERIALIZED ({newest(0, ':titled')}), "
        f"recent AS MATERIALIZED ({newest(1, ':query')}), "
        "pool AS (SELECT * FROM titled "
        "UNION ALL SELECT * FROM recent WHERE r NOT IN (SELECT r FROM titled)) "
        "SELECT kind, record_id, lead_id, lead.name, happened_on, title, snip FROM pool "
        "LEFT JOIN lead ON lead.id = pool.lead_id "
        "ORDER BY tier, happened_on DESC, r DESC LIMIT :limit"
    )


# A prefix query ("meet"*) makes FTS5 merge the whole match list of every word with that
# prefix before it can stop at the newest rows: 10-50 ms at 100k entries, and a search asks
# twice (titles, then everything). The same words spelled out, ("meet" OR "meeting"), are
# walked newest-first and stop early (<1 ms each); finding them in the index's vocabulary
# costs ~5 ms, once. The matches are the same: the vocabulary is every word the index holds.
VOCABULARY = "temp.search_vocabulary"
MAX_SPELLED_OUT = 200
# Only a plain ASCII word is looked up: its index form is simply its lower case. Anything the
# tokenizer folds (accents, other scripts) or splits (underscores) keeps FTS5's own prefix query.
_ASCII_PREFIX = re.compile(r'"([0-9A-Za-z]+)"\*$')


def _spell_out_prefix(journal: Searchable, query: str) -> str | None:
    """``query`` with its closing prefix term written as the words it stands for.

    ``None`` when no word in the journal has that prefix (the query cannot match); ``query``
    unchanged when it has no plain prefix term or the prefix stands for very many words.
    """
    found = _ASCII_PREFIX.search(query)
    if found is None:
        return query
    stem = found.group(1).lower()
    try:
        journal.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} "
            f"USING fts5vocab(main, {INDEX_TABLE}, row)"
        )
    except JournalReadOnly:  # a journal opened only to read refuses even a temporary table
        return query
    after = stem[:-1] + chr(ord(stem[-1]) + 1)  # the first string past every word with the stem
    rows = journal.execute(
        f"SELECT term FROM {VOCABULARY} WHERE term >= ? AND term < ? LIMIT ?",
        (stem, after, MAX_SPELLED_OUT + 1),
    )
    if not rows:
        return None
    if len(rows) > MAX_SPELLED_OUT:
        return query
    words = " OR ".join('"' + str(row[0]).replace('"', '""') + '"' for row in rows)
    before = query[: found.start()].rstrip()
    # FTS5 joins phrases by juxtaposition, but a bracketed group needs its AND spelled out.
    return f"{before} AND ({words})" if before else f"({words})"


def search(
    journal: Searchable, text: str, *, limit: int = 50, kinds: tuple[RecordKind, ...] = ()
) -> list[Hit]:
    """Hits for ``text``: those with every word in the title first, newest first within each.

    Among very many matches, the newest ``RANK_WINDOW`` (and the newest ``RANK_WINDOW`` title
    matches) are ordered. Snippets and lead names are made for the returned rows only.
    """
    typed = fts_query(text)
    query = None if typed is None else _spell_out_prefix(journal, typed)
    if query is None:
        return []
    params: dict[str, object] = {
        "query": query,
        "titled": f"{{title}} : ({query})",
        "limit": limit,
        "mark_start": MARK_START,
        "mark_end": MARK_END,
    }
    params.update({f"kind{i}": str(kind) for i, kind in enumerate(kinds)})
    rows = journal.execute(_ranked_sql(len(kinds)), params)
    hits = [
        Hit(
            kind=RecordKind(kind),
            record_id=int(record_id),
            lead_id=None if lead_id is None else int(lead_id),
            lead_name=lead_name,
            happened_on=_parse_date(happened_on),
            title=str(title or ""),
            snippet=" ".join(str(snippet or "").split()),
        )
        for kind, record_id, lead_id, lead_name, happened_on, title, snippet in rows
    ]
    return _name_untitled(journal, hits)


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
