"""What the search index no longer copies, read from the records themselves: a hit's kind,
day, lead, title and text, its words, and a snippet with the words found marked.

Words are split and folded as the index's tokenizer (``unicode61 remove_diacritics 2``) does
for the text people write: letters and digits, lower case, accents off Latin letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from iltdesk.search_index import CURRENT_SOURCES, KIND_SLOTS, Source
from iltdesk.search_tables import body_sql, source_sql, title_sql

SOURCE_OF_CODE: dict[int, Source] = {s.code: s for s in CURRENT_SOURCES}
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_LATIN_ACCENTS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")


class Readable(Protocol):
    """What reading records needs of a journal: raw SQL."""

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ...) -> list[Any]:
        """Run ``sql`` and return all rows."""
        ...


def fold(word: str) -> str:
    """``word`` as the index keeps it: lower case, accents off Latin letters."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", decomposed))


def words(text: str) -> list[str]:
    """The index's words of ``text``, in order."""
    return [fold(w) for w in _WORD.findall(text)]


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text``: (start, end, folded word)."""
    for found in _WORD.finditer(text):
        yield found.start(), found.end(), fold(found.group())


@dataclass(frozen=True)
class Row:
    """One indexed record as a search reads it."""

    rowid: int
    lead_id: int | None
    happened_on: str | None
    title: str = ""
    body: str = ""


def bound_chunks(values: Sequence[int]) -> Iterator[tuple[tuple[int, ...], str]]:
    """``values`` in chunks of at most 500 (well under SQLite's limit on bound values), each
    with its ``?, ?, …`` for an ``IN (…)``."""
    for at in range(0, len(values), 500):
        chunk = tuple(values[at : at + 500])
        yield chunk, ", ".join("?" * len(chunk))


def _grouped(rowids: Iterable[int]) -> dict[Source, list[int]]:
    grouped: dict[Source, list[int]] = {}
    for rowid in rowids:
        source = SOURCE_OF_CODE.get(rowid % KIND_SLOTS)
        if source is not None:
            grouped.setdefault(source, []).append(rowid // KIND_SLOTS)
    return grouped


def read_rows(journal: Readable, rowids: Iterable[int], *, text: bool) -> dict[int, Row]:
    """The records behind ``rowids`` (those that still exist), with their title and body
    when ``text``. One query per kind of record."""
    found: dict[int, Row] = {}
    for source, ids in _grouped(rowids).items():
        columns = f"t.id, {source_sql(source.lead, 't')}, {source_sql(source.happened, 't')}"
        if text:
            columns += f", {title_sql(source, 't')}, {body_sql(source, 't')}"
        for chunk, marks in bound_chunks(ids):
            sql = f"SELECT {columns} FROM {source.table} AS t WHERE t.id IN ({marks})"
            for record_id, lead_id, happened, *texts in journal.execute(sql, chunk):
                rowid = int(record_id) * KIND_SLOTS + source.code
                found[rowid] = Row(
                    rowid,
                    None if lead_id is None else int(lead_id),
                    None if happened is None else str(happened),
                    *(str(t or "") for t in texts),
                )
    return found


def read_row(journal: Readable, rowid: int, *, text: bool = True) -> Row | None:
    """One record behind ``rowid``, or None when it no longer exists."""
    return read_rows(journal, (rowid,), text=text).get(rowid)


@dataclass(frozen=True)
class Wanted:
    """What a query looks for in a text: whole words, the word being typed, and phrases."""

    whole: frozenset[str]
    prefix: str | None
    phrases: tuple[tuple[str, ...], ...] = ()

    def matches(self, word: str) -> bool:
        """Whether ``word`` (folded), found on its own, is one the query looks for."""
        return word in self.whole or (self.prefix is not None and word.startswith(self.prefix))

    def runs(self, found: list[str]) -> list[tuple[int, int]]:
        """The words of ``found`` to mark, as (first, last) runs: each phrase where its words
        stand in order, and every other word looked for on its own."""
        runs: list[tuple[int, int]] = []
        taken: set[int] = set()
        for phrase in self.phrases:
            size = len(phrase)
            for i in range(len(found) - size + 1):
                if tuple(found[i : i + size]) == phrase and not taken & set(range(i, i + size)):
                    runs.append((i, i + size - 1))
                    taken.update(range(i, i + size))
        runs += [(i, i) for i, word in enumerate(found) if i not in taken and self.matches(word)]
        return sorted(runs)


def has_phrase(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether ``text`` holds the words of ``phrase`` one after another."""
    found = words(text)
    size = len(phrase)
    return any(tuple(found[i : i + size]) == phrase for i in range(len(found) - size + 1))


SNIPPET_WORDS = 14


def snippet(
    text: str, wanted: Wanted, mark: tuple[str, str], ellipsis: str = "…", *, default: bool = True
) -> str:
    """About ``SNIPPET_WORDS`` words of ``text`` around the most words the query looks for,
    each run of them between ``mark``'s two strings; ``ellipsis`` where text was left out.
    Empty when the text holds none of them and ``default`` is False (the caller has another
    text to show)."""
    found = list(spans(text))
    folded = [word for _, _, word in found]
    runs = wanted.runs(folded)
    if not found or (not runs and not default):
        return ""
    first = _best_window(len(found), runs, folded)
    last = min(len(found), first + SNIPPET_WORDS) - 1
    start = 0 if first == 0 else found[first][0]
    end = len(text) if last == len(found) - 1 else found[last][1]
    parts = [ellipsis] if start > 0 else []
    at = start
    for run_first, run_last in runs:
        if run_first >= first and run_last <= last:
            word_start, word_end = found[run_first][0], found[run_last][1]
            parts += [text[at:word_start], mark[0], text[word_start:word_end], mark[1]]
            at = word_end
    parts.append(text[at:end])
    if end < len(text):
        parts.append(ellipsis)
    return "".join(parts)


def _best_window(size: int, runs: list[tuple[int, int]], found: list[str]) -> int:
    """Where the window starts: the one holding the most different things looked for (then
    the most of them), the earliest of equals, as FTS5's snippet() chose: centred on what it
    holds, and never running past the end of the text."""
    if not runs or size <= SNIPPET_WORDS:
        return 0
    best, best_score = 0, (-1, -1)
    for first, _ in runs:
        inside = [r for r in runs if first <= r[0] and r[1] < first + SNIPPET_WORDS]
        different = {tuple(found[a : b + 1]) for a, b in inside}
        score = (len(different), len(inside))
        if score > best_score:
            last = max(r[1] for r in inside)
            start = first - (SNIPPET_WORDS - (last - first + 1)) // 2
            best, best_score = max(0, min(start, size - SNIPPET_WORDS)), score
    return best
