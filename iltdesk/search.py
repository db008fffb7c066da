"""Search everything in a journal as you type: ranked hits with highlighted snippets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from iltdesk.search_index import INDEX_TABLE
from iltdesk.store.journal import Journal

# Private-use markers around highlighted terms; callers turn them into bold, brackets or HTML.
MARK_START = "\ue000"
MARK_END = "\ue001"

KIND_LABELS: dict[str, str] = {
    "lead": "Lead",
    "trait": "Strength or growth area",
    "energy": "Energy check",
    "one_on_one": "1:1",
    "agenda_item": "Agenda item",
    "action_item": "Action item",
    "agreement": "Coaching agreement",
    "expectation": "Agreement expectation",
    "cycle": "Learning cycle",
    "activity": "Cycle activity",
    "observation": "Observation",
    "challenge": "Complex challenge",
    "force_card": "Force card",
    "challenge_log": "Challenge log",
    "self_check": "ILT self-check",
    "self_check_note": "Self-check note",
    "tension": "Tension note",
    "charter": "ILT charter",
    "scope_item": "Scope and sequence",
    "meeting_feedback": "Meeting plus/delta",
}

MIN_PREFIX = 2
_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Hit:
    """One search result and the record it belongs to."""

    kind: str
    record_id: int
    lead_id: int | None
    lead_name: str | None
    happened_on: date | None
    title: str
    snippet: str

    @property
    def kind_label(self) -> str:
        """A human name for the kind of record."""
        return KIND_LABELS.get(self.kind, self.kind)

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


# Ranking scores every candidate, so only the newest RANK_WINDOW matches are ranked: in a
# journal, recent notes matter most, and a common word in a 100k-entry journal stays fast.
RANK_WINDOW = 2000


def search(
    journal: Journal, text: str, *, limit: int = 50, kinds: tuple[str, ...] = ()
) -> list[Hit]:
    """Ranked hits for ``text`` (titles weigh more than bodies), newest first among equals.

    Among very many matches, the newest ``RANK_WINDOW`` are ranked. Snippets and lead names
    are made for the returned rows only.
    """
    query = fts_query(text)
    if query is None:
        return []
    kind_filter = ""
    params: list[object] = [query]
    if kinds:
        kind_filter = f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params += list(kinds)
    params += [RANK_WINDOW, limit, MARK_START, MARK_END, query]
    sql = (
        f"WITH candidates AS (SELECT rowid AS r, bm25({INDEX_TABLE}, 4.0, 1.0) AS score "
        f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?{kind_filter} "
        f"ORDER BY rowid DESC LIMIT ?), "
        f"best AS (SELECT r, score FROM candidates ORDER BY score LIMIT ?) "
        f"SELECT kind, record_id, lead_id, lead.name, happened_on, title, "
        f"snippet({INDEX_TABLE}, -1, ?, ?, '…', 14) "
        f"FROM best JOIN {INDEX_TABLE} ON {INDEX_TABLE}.rowid = best.r "
        f"LEFT JOIN lead ON lead.id = {INDEX_TABLE}.lead_id "
        f"WHERE {INDEX_TABLE} MATCH ? ORDER BY best.score, happened_on DESC"
    )
    rows = journal.execute(sql, tuple(params))
    return [
        Hit(
            kind=str(kind),
            record_id=int(record_id),
            lead_id=None if lead_id is None else int(lead_id),
            lead_name=lead_name,
            happened_on=_parse_date(happened_on),
            title=str(title or ""),
            snippet=" ".join(str(snippet or "").split()),
        )
        for kind, record_id, lead_id, lead_name, happened_on, title, snippet in rows
    ]
