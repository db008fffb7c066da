"""Earlier versions of long texts: a 1:1's notes, an observation, a cycle's texts, a
challenge's areas and the ILT charter, listed, compared word by word and restored.

**One version per editing session.** Triggers in the journal (frozen in
``iltdesk.migrations.history_0008``; ``history_0006`` before moments were numbers) keep a
text's earlier wording in ``record_version`` when a save replaces it and the record's
previous save is at least ten minutes old: a pause of ten minutes ends an editing session,
so the autosave's save every second keeps nothing, and what a session left behind is kept
when the next one begins changing it. A blank text, or one the same as the newest version
already kept, is not kept again. ``saved_at`` is when the kept text stopped being the
record's (UTC, as every moment in the journal: ``iltdesk.stamps``).

**The charter** is already kept in versions (``charter_version``: nothing is overwritten),
so its history is read from those: each part's wording as each version had it. Restoring an
earlier wording of the charter is a new version that says so.

**Restoring** writes the old text back through the record's own save, after keeping the text
it replaces as a version: a restore can itself be undone from the History.

**Pruning** (``prune_versions``; when a journal is opened for writing in the app, never by a
command that only reads): every version from the last 30 days is kept; from 30 days to a
year, the newest of each week (ISO weeks, Monday to Sunday, in UTC); older than a year, the
newest of each month. Then, while the versions weigh more than a fifth of the rest of the
journal (``BUDGET``), the oldest beyond 30 days go first, so a journal grows by at most about
a fifth for its history whatever the editing (apart from the last 30 days). Charter versions
are the team's record and are never pruned. docs/history.md has the measured growth.

Versions are inside the encrypted file but not in the search index: ``search_versions``
looks through them only when asked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Literal

from iltdesk import dates, stamps
from iltdesk.errors import UsageError
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

CHARTER = "charter_version"
# The record's table, then its texts that keep versions and what their editors call them
# (in English: ``field_label`` says it in the user's language).
# tests/test_history.py checks these are the columns migration 0006's triggers watch.
TRACKED: dict[str, dict[str, str]] = {
    "one_on_one": {
        "notes": QT_TRANSLATE_NOOP("history", "Notes"),
        "feedback_given": QT_TRANSLATE_NOOP("history", "Feedback given"),
    },
    "observation": {
        "evidence": QT_TRANSLATE_NOOP("history", "What you saw and heard"),
        "feedback": QT_TRANSLATE_NOOP("history", "Feedback you gave"),
    },
    "learning_cycle": {
        "goal": QT_TRANSLATE_NOOP("history", "The goal"),
        "success_measure": QT_TRANSLATE_NOOP("history", "How we'll know it's met"),
        "baseline_quantitative": QT_TRANSLATE_NOOP("history", "Baseline: the numbers"),
        "baseline_qualitative": QT_TRANSLATE_NOOP("history", "Baseline: what you saw"),
        "focus_indicator": QT_TRANSLATE_NOOP("history", "Leadership focus"),
        "outcome_evidence": QT_TRANSLATE_NOOP("history", "Evidence for the outcome"),
        "lead_reflection": QT_TRANSLATE_NOOP("history", "What the lead says"),
        "principal_reflection": QT_TRANSLATE_NOOP("history", "What I take from it"),
        "next_goal": QT_TRANSLATE_NOOP("history", "Next goal"),
    },
    "challenge": {
        "statement": QT_TRANSLATE_NOOP("history", "The problem and the story so far"),
        "systems": QT_TRANSLATE_NOOP("history", "Systems and structures"),
        "technical_needs": QT_TRANSLATE_NOOP("history", "Technical needs"),
        "relationships": QT_TRANSLATE_NOOP("history", "Relationships"),
        "adaptive_needs": QT_TRANSLATE_NOOP("history", "Relational and adaptive needs"),
        "information_flow": QT_TRANSLATE_NOOP("history", "Information"),
        "equity": QT_TRANSLATE_NOOP("history", "Equity"),
        "root_causes": QT_TRANSLATE_NOOP("history", "Root causes"),
    },
}
KEEP_ALL_DAYS = 30
KEEP_WEEKLY_DAYS = 365
# The versions weigh at most a fifth of the rest of the journal (a margin under the quarter
# a long-kept journal may grow by for its history). A version weighs its text and ROW_BYTES
# more: its row, its three index entries and part-filled pages (measured on the benchmark's
# 100k journal: 268,080 versions of 72.2 MB of text grew the file by 118 MB).
BUDGET = 0.2
ROW_BYTES = 170
PRUNED_ON = "history_pruned_on"  # the journal setting: the day (UTC) of the last pruning


@dataclass(frozen=True)
class Version:
    """One earlier text of one field of one record."""

    id: int  # record_version's id (the charter: charter_version's)
    kind: str  # the record's table
    record_id: int
    field: str
    text: str
    saved_at: datetime  # UTC: when this text stopped being the record's


Op = Literal["same", "added", "removed"]


@dataclass(frozen=True)
class Run:
    """A stretch of words (with the spaces after them) that two texts share, or that one has."""

    op: Op
    text: str


def field_label(kind: str, field: str) -> str:
    """What a principal calls this text ("Notes", "Equity"...), in the user's language."""
    if kind == CHARTER:
        from iltdesk.charter import CHARTER_FIELDS

        return translate("charter", CHARTER_FIELDS[field])
    return translate("history", TRACKED[kind][field])


def _check(kind: str, field: str) -> None:
    """Refuse a table or column that keeps no history (both go into SQL as names)."""
    if kind == CHARTER:
        from iltdesk.charter import CHARTER_FIELDS

        known = field in CHARTER_FIELDS
    else:
        known = field in TRACKED.get(kind, {})
    if not known:
        raise UsageError(
            translate("history", "No history is kept for {field} of {kind}.").format(
                field=field, kind=kind
            )
        )


def current_text(journal: Journal, kind: str, record_id: int, field: str) -> str:
    """The text as it stands now ("" when the record is gone; the charter: the one in force)."""
    _check(kind, field)
    if kind == CHARTER:
        rows = journal.execute(f"SELECT {field} FROM {CHARTER} ORDER BY made_on DESC, id DESC")
    else:
        rows = journal.execute(f"SELECT {field} FROM {kind} WHERE id = ?", (record_id,))
    return str(rows[0][0]) if rows else ""


def versions(journal: Journal, kind: str, record_id: int, field: str) -> list[Version]:
    """The text's earlier versions, newest first (not the text as it stands now)."""
    _check(kind, field)
    if kind == CHARTER:
        return _charter_versions(journal, field)
    rows = journal.execute(
        "SELECT id, text, saved_at FROM record_version WHERE kind = ? AND record_id = ? "
        "AND field = ? ORDER BY saved_at DESC, id DESC",
        (kind, record_id, field),
    )
    return [Version(i, kind, record_id, field, t, stamps.read(at)) for i, t, at in rows]


def _charter_versions(journal: Journal, field: str) -> list[Version]:
    """Each wording this part of the charter has had, newest first, the one in force left
    out: a version that left this part as it was is not a version of it. ``saved_at`` is the
    day the next version replaced it, as the charter's versions are dated by day."""
    rows = journal.execute(f"SELECT id, {field}, made_on FROM {CHARTER} ORDER BY made_on, id")
    found: list[Version] = []
    for (row_id, text, _made), (_next, later, replaced_on) in pairwise(rows):
        if text != later and text:
            day = date.fromisoformat(str(replaced_on)[:10])
            when = datetime(day.year, day.month, day.day, tzinfo=UTC)
            found.append(Version(row_id, CHARTER, 0, field, text, when))
    return found[::-1]


# -- comparing ----------------------------------------------------------------------------------

# A word (with its apostrophes and hyphens), or a run of punctuation, with the spaces after it:
# "mornings," and "mornings." differ by their stop, not as two words.
_WORD = re.compile(r"[\w'’-]+\s*|[^\w\s]+\s*|\s+")


def word_diff(old: str, new: str) -> list[Run]:
    """What changed from ``old`` to ``new``, word by word: runs of words both share, then
    those only ``old`` has (removed) and those only ``new`` has (added). Joining the
    "same" and "added" runs gives ``new`` back; "same" and "removed", ``old`` but for the
    spaces between words (shared words are spaced as in ``new``)."""
    before, after = _WORD.findall(old), _WORD.findall(new)
    # Words compare without the spaces after them: a word moved to the end of a line is the
    # same word. Junk heuristics off: common words like "the" must still match.
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in before], [w.strip() for w in after], autojunk=False
    )
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(runs, "same", "".join(after[j1:j2]))
            continue
        _add(runs, "removed", "".join(before[i1:i2]))
        _add(runs, "added", "".join(after[j1:j2]))
    return runs


def _add(runs: list[Run], op: Op, text: str) -> None:
    if not text:
        return
    if runs and runs[-1].op == op:
        runs[-1] = Run(op, runs[-1].text + text)
    else:
        runs.append(Run(op, text))


# -- restoring ----------------------------------------------------------------------------------


def keep_version(journal: Journal, kind: str, record_id: int, field: str) -> None:
    """Keep the text as it stands now as a version (unless blank, or already the newest)."""
    _check(kind, field)
    with journal.transaction():
        journal.execute(
            f"INSERT INTO record_version (kind, record_id, field, text, saved_at) "
            f"SELECT ?, id, ?, {field}, {stamps.NOW_SQL} FROM {kind} "
            f"WHERE id = ? AND {field} <> '' "
            f"AND {field} IS NOT (SELECT text FROM record_version WHERE kind = ? AND "
            f"record_id = ? AND field = ? ORDER BY saved_at DESC, id DESC LIMIT 1)",
            (kind, field, record_id, kind, record_id, field),
        )


def _saver(kind: str) -> Callable[..., object]:
    """The record's own save (the editors' autosave path)."""
    if kind == "one_on_one":
        from iltdesk.one_on_one import save_one_on_one

        return save_one_on_one
    if kind == "observation":
        from iltdesk.observation import update_observation

        return update_observation
    if kind == "learning_cycle":
        from iltdesk.cycle import update_cycle

        return update_cycle
    from iltdesk.challenge import update_challenge

    return update_challenge


def restore(journal: Journal, version: Version) -> None:
    """Make ``version``'s text the record's text again. The text it replaces is kept as a
    version first, so the restore can be undone the same way."""
    _check(version.kind, version.field)
    if current_text(journal, version.kind, version.record_id, version.field) == version.text:
        return
    if version.kind == CHARTER:
        from iltdesk.charter import revise_charter

        label = field_label(CHARTER, version.field)
        why = translate(
            "history", "Brought back the wording of “{label}” from before {day}."
        ).format(label=label, day=dates.short(version.saved_at))
        texts: dict[str, str] = {version.field: version.text}
        revise_charter(journal, why=why, made_on=None, **texts)
        return
    keep_version(journal, version.kind, version.record_id, version.field)
    _saver(version.kind)(journal, version.record_id, **{version.field: version.text})


# -- searching ----------------------------------------------------------------------------------


def search_versions(journal: Journal, query: str, limit: int = 200) -> list[Version]:
    """Earlier versions holding ``query`` (any case), newest first: only when asked, as the
    search index does not hold them. Versions of records no longer there are left out."""
    words = query.strip()
    if not words:
        return []
    like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    there = " OR ".join(
        f"(v.kind = '{kind}' AND EXISTS (SELECT 1 FROM {kind} r WHERE r.id = v.record_id))"
        for kind in TRACKED
    )
    rows = journal.execute(
        "SELECT v.id, v.kind, v.record_id, v.field, v.text, v.saved_at FROM record_version v "
        f"WHERE v.text LIKE ? ESCAPE '\\' AND ({there}) ORDER BY v.saved_at DESC, v.id DESC "
        "LIMIT ?",
        (like, limit),
    )
    return [Version(i, k, r, f, t, stamps.read(at)) for i, k, r, f, t, at in rows]


# -- pruning ------------------------------------------------------------------------------------


def prune_when_due(journal: Journal, now: datetime | None = None) -> int:
    """``prune_versions`` once a week (the app calls it when a journal is opened for writing;
    the rule keeps a version a week, so pruning more often frees next to nothing): the day
    it last ran is the journal's ``history_pruned_on`` setting."""
    if journal.read_only:
        return 0
    day = (now or datetime.now(UTC)).astimezone(UTC).date()
    today, monday = day.isoformat(), (day - timedelta(days=day.weekday())).isoformat()
    last = journal.execute(f"SELECT value FROM journal_setting WHERE key = '{PRUNED_ON}'")
    if last and str(last[0][0]) >= monday:
        return 0
    gone = prune_versions(journal, now)
    stamp = stamps.now_stored()
    journal.execute(
        "INSERT INTO journal_setting (created_at, updated_at, key, value) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (stamp, stamp, PRUNED_ON, today),
    )
    return gone


def prune_versions(journal: Journal, now: datetime | None = None) -> int:
    """Drop versions the keeping rule (module docstring) no longer keeps, then the oldest
    beyond 30 days while the versions weigh more than their share (``BUDGET``); how many
    went.
    A journal opened to read only is left as it is."""
    if journal.read_only:
        return 0
    now = (now or datetime.now(UTC)).astimezone(UTC)
    month_ago = stamps.to_stored(now - timedelta(days=KEEP_ALL_DAYS))
    year_ago = stamps.to_stored(now - timedelta(days=KEEP_WEEKLY_DAYS))
    # Each version older than 30 days falls in a bucket (its ISO week's Monday, or its month
    # once older than a year); the newest in each bucket of each text stays.
    bucketed = (
        "SELECT id, kind, record_id, field, saved_at, CASE WHEN saved_at >= :year_ago "
        "THEN 'w' || date(saved_at / 1000, 'unixepoch', '-6 days', 'weekday 1') "
        "ELSE 'm' || strftime('%Y-%m', saved_at / 1000, 'unixepoch') END AS bucket "
        "FROM record_version WHERE saved_at < :month_ago"
    )
    ranked = (
        "SELECT id, ROW_NUMBER() OVER (PARTITION BY kind, record_id, field, bucket "
        f"ORDER BY saved_at DESC, id DESC) AS n FROM ({bucketed})"
    )
    with journal.transaction():
        journal.execute(
            f"DELETE FROM record_version WHERE id IN (SELECT id FROM ({ranked}) WHERE n > 1)",
            {"month_ago": month_ago, "year_ago": year_ago},
        )
        gone = int(journal.execute("SELECT changes()")[0][0])
        gone += _trim_to_budget(journal, month_ago)
    return gone


def _trim_to_budget(journal: Journal, month_ago: int) -> int:
    """Drop the oldest versions older than 30 days until the versions weigh no more than
    ``BUDGET`` of the rest of the journal. (octet_length reads a text's size, not the text.)"""
    texts, rows = journal.execute(
        "SELECT coalesce(sum(octet_length(text)), 0), count(*) FROM record_version"
    )[0]
    pages, free, size = (
        int(journal.execute(f"PRAGMA {name}")[0][0])
        for name in ("page_count", "freelist_count", "page_size")
    )
    weight = int(texts) + ROW_BYTES * int(rows)
    excess = int(weight - BUDGET * ((pages - free) * size - weight))
    if excess <= 0:
        return 0
    oldest = journal.execute(
        "SELECT id, octet_length(text) FROM record_version WHERE saved_at < ? "
        "ORDER BY saved_at, id",
        (month_ago,),
    )
    drop: list[int] = []
    for version_id, length in oldest:
        if excess <= 0:
            break
        drop.append(int(version_id))
        excess -= int(length) + ROW_BYTES
    for start in range(0, len(drop), 500):  # SQLite's limit on parameters, well under
        chunk = drop[start : start + 500]
        marks = ",".join("?" * len(chunk))
        journal.execute(f"DELETE FROM record_version WHERE id IN ({marks})", tuple(chunk))
    return len(drop)
