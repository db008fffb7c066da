"""Leads learning with each other.

Joint practice is leads doing the work side by side: observing a teacher together, norming
on the teacher rubric (a calibration), visiting each other's team meetings, co-planning or
debriefing a data meeting, observing each other teach or coach. A calibration keeps each
rating of the shared evidence before and after norming: how far the ratings lie apart, and
how many agree, is what norming is meant to change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.charter import current_charter
from iltdesk.errors import UsageError
from iltdesk.models import (
    CalibrationRating,
    JointPractice,
    Lead,
    PracticeKind,
    PracticeLead,
    RatingRound,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

PRACTICE_TITLES = {
    PracticeKind.joint_observation: QT_TRANSLATE_NOOP("practice", "Joint observation"),
    PracticeKind.calibration: QT_TRANSLATE_NOOP("practice", "Calibration on the rubric"),
    PracticeKind.team_meeting_visit: QT_TRANSLATE_NOOP("practice", "Visit to a team meeting"),
    PracticeKind.data_meeting: QT_TRANSLATE_NOOP(
        "practice", "Data meeting, planned or debriefed together"
    ),
    PracticeKind.peer_observation: QT_TRANSLATE_NOOP(
        "practice", "Observing each other teach or coach"
    ),
    PracticeKind.other: QT_TRANSLATE_NOOP("practice", "Other joint practice"),
}
LOWEST, HIGHEST = 1, 4  # the teacher rubric's levels


def practice_title(kind: PracticeKind) -> str:
    """A kind of joint practice (``PRACTICE_TITLES``) in the user's language."""
    return translate("practice", PRACTICE_TITLES[kind])


# -- joint practice -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Practice:
    """A joint practice with the leads who took part."""

    record: JointPractice
    lead_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return self.record.id or 0


def add_practice(
    journal: Journal,
    kind: PracticeKind,
    *,
    happened_on: date | None = None,
    focus: str = "",
    indicator: str | None = None,
    lead_ids: Iterable[int] = (),
    notes: str = "",
) -> JointPractice:
    """Record leads learning side by side. A calibration's indicator (None: not given) is the
    charter's theme, the part of the teacher rubric the ILT works on this year."""
    if indicator is None:
        indicator = _theme(journal) if kind is PracticeKind.calibration else ""
    row = JointPractice(kind=kind, happened_on=happened_on or date.today())
    _fill(row, focus, indicator, notes)
    with journal.write() as s:
        s.add(row)
        s.flush()
        _set_leads(s, row.id or 0, lead_ids)
    return row


def _theme(journal: Journal) -> str:
    charter = current_charter(journal)
    return charter.theme.strip() if charter is not None else ""


def _fill(row: JointPractice, focus: str, indicator: str, notes: str) -> None:
    row.focus, row.indicator, row.notes = focus.strip(), indicator.strip(), notes.strip()
    if not (row.focus or row.indicator or row.notes):
        raise UsageError(
            translate(
                "practice", "Say what the leads worked on: a focus, the indicator, or a note."
            )
        )


def _set_leads(s: Session, practice_id: int, lead_ids: Iterable[int]) -> None:
    for old in s.exec(select(PracticeLead).where(PracticeLead.practice_id == practice_id)):
        s.delete(old)
    s.flush()
    for lead_id in dict.fromkeys(lead_ids):  # once each, in the order given
        fetch(s, Lead, lead_id, translate("practice", "lead"))
        s.add(PracticeLead(practice_id=practice_id, lead_id=lead_id))


def update_practice(
    journal: Journal,
    practice_id: int,
    *,
    kind: PracticeKind,
    happened_on: date,
    focus: str,
    indicator: str,
    lead_ids: Iterable[int],
    notes: str,
) -> JointPractice:
    """Correct a joint practice: what it was, when, its focus, who took part, the notes."""
    with journal.write() as s:
        row = fetch(s, JointPractice, practice_id, translate("practice", "joint practice"))
        row.kind, row.happened_on = kind, happened_on
        _fill(row, focus, indicator, notes)
        s.add(row)
        _set_leads(s, practice_id, lead_ids)
    return row


def delete_practice(journal: Journal, practice_id: int) -> None:
    """Move a joint practice with its ratings to the Trash."""
    with journal.write() as s:
        fetch(s, JointPractice, practice_id, translate("practice", "joint practice"))
        trash_record(s, JointPractice, practice_id)


def practices(
    journal: Journal, *, since: date | None = None, until: date | None = None
) -> list[Practice]:
    """Joint practice between ``since`` and ``until`` (both days included), newest first."""
    with journal.session() as s:
        query = select(JointPractice)
        if since is not None:
            query = query.where(col(JointPractice.happened_on) >= since)
        if until is not None:
            query = query.where(col(JointPractice.happened_on) <= until)
        rows = list(s.exec(query))
        links = list(s.exec(select(PracticeLead).order_by(col(PracticeLead.created_at))))
    leads: dict[int, list[int]] = {}
    for link in links:
        leads.setdefault(link.practice_id, []).append(link.lead_id)
    rows.sort(key=lambda r: (r.happened_on, r.id or 0), reverse=True)
    return [Practice(r, tuple(leads.get(r.id or 0, ()))) for r in rows]


def get_practice(journal: Journal, practice_id: int) -> Practice:
    """One joint practice with the leads who took part."""
    with journal.session() as s:
        row = fetch(s, JointPractice, practice_id, translate("practice", "joint practice"))
        links = s.exec(select(PracticeLead).where(PracticeLead.practice_id == practice_id))
        lead_ids = tuple(link.lead_id for link in links)
    return Practice(row, lead_ids)


# -- calibration ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """How a round of ratings lies: the lowest and highest, the range between them, and how
    many gave the most common rating (on a tie, the lower of the ratings tied)."""

    ratings: tuple[int, ...]
    lowest: int
    highest: int
    most_common: int
    agreed: int

    @property
    def range(self) -> int:
        return self.highest - self.lowest

    @property
    def count(self) -> int:
        return len(self.ratings)

    def tally(self) -> dict[int, int]:
        """How many gave each level of the rubric, 1 to 4."""
        counts = Counter(self.ratings)
        return {level: counts[level] for level in range(LOWEST, HIGHEST + 1)}

    def words(self) -> str:
        """'3 ratings from 2 to 4 (a range of 2); 2 of 3 agreed on 3'."""
        many, spread_out = self.count != 1, bool(self.range)
        if many and spread_out:
            said = translate(
                "practice",
                "{count} ratings from {lowest} to {highest} (a range of {range}); {agreed} of "
                "{count} agreed on {level}",
            )
        elif many:
            said = translate(
                "practice", "{count} ratings all {lowest}; {agreed} of {count} agreed on {level}"
            )
        elif spread_out:
            said = translate(
                "practice",
                "{count} rating from {lowest} to {highest} (a range of {range}); {agreed} of "
                "{count} agreed on {level}",
            )
        else:
            said = translate(
                "practice", "{count} rating all {lowest}; {agreed} of {count} agreed on {level}"
            )
        return said.format(
            count=self.count,
            lowest=self.lowest,
            highest=self.highest,
            range=self.range,
            agreed=self.agreed,
            level=self.most_common,
        )


def spread(ratings: Sequence[int]) -> Spread | None:
    """The spread of one round of ratings; None when there are none."""
    if not ratings:
        return None
    counts = Counter(ratings)
    most_common = min(counts, key=lambda level: (-counts[level], level))
    return Spread(tuple(ratings), min(ratings), max(ratings), most_common, counts[most_common])


def parse_ratings(text: str) -> list[int]:
    """Ratings typed as numbers from 1 to 4, apart by spaces or commas: '2 3, 3 4'."""
    words = [w for w in re.split(r"[\s,;]+", text.strip()) if w]
    # isdecimal, not isdigit: '²' is a digit int() refuses; and a long run of digits is no
    # level (int() refuses one past 4300 digits).
    wrong = [w for w in words if not (w.isdecimal() and len(w) < 4 and LOWEST <= int(w) <= HIGHEST)]
    if wrong:
        shown = [repr(_cut(w)) for w in dict.fromkeys(wrong)][:_SHOWN]
        if len(shown) == 1:
            said = translate(
                "practice",
                "Ratings are levels of the rubric, {lowest} to {highest}: {wrong} is not one.",
            )
        else:
            said = translate(
                "practice",
                "Ratings are levels of the rubric, {lowest} to {highest}: {wrong} are not.",
            )
        raise UsageError(said.format(lowest=LOWEST, highest=HIGHEST, wrong=", ".join(shown)))
    return [int(w) for w in words]


_SHOWN = 3  # wrong ratings named back: enough to find them, not a pasted page


def _cut(word: str) -> str:
    return word if len(word) <= 12 else word[:11] + "…"


def set_ratings(
    journal: Journal, practice_id: int, *, before: Sequence[int], after: Sequence[int]
) -> None:
    """Keep a calibration's ratings of the shared evidence, before and after norming (in
    place of any kept before)."""
    for rating in (*before, *after):
        if not LOWEST <= rating <= HIGHEST:
            raise UsageError(
                translate(
                    "practice", "Ratings are levels of the rubric, {lowest} to {highest}."
                ).format(lowest=LOWEST, highest=HIGHEST)
            )
    with journal.write() as s:
        fetch(s, JointPractice, practice_id, translate("practice", "joint practice"))
        query = select(CalibrationRating).where(CalibrationRating.practice_id == practice_id)
        for old in s.exec(query):
            s.delete(old)
        s.flush()
        for round_, ratings in ((RatingRound.before, before), (RatingRound.after, after)):
            for rating in ratings:
                s.add(CalibrationRating(practice_id=practice_id, round=round_, rating=rating))


@dataclass(frozen=True)
class Calibration:
    """A calibration's two rounds of ratings and their spreads."""

    before: tuple[int, ...]
    after: tuple[int, ...]

    @property
    def spread_before(self) -> Spread | None:
        return spread(self.before)

    @property
    def spread_after(self) -> Spread | None:
        return spread(self.after)

    def narrowed(self) -> bool | None:
        """Whether norming brought the ratings closer (a smaller range, or the same range
        with a larger share agreeing); None until both rounds are in."""
        first, then = self.spread_before, self.spread_after
        if first is None or then is None:
            return None
        if then.range != first.range:
            return then.range < first.range
        return then.agreed * first.count > first.agreed * then.count


def calibration(journal: Journal, practice_id: int) -> Calibration:
    """The ratings kept for a calibration, in the order they were given."""
    with journal.session() as s:
        rows = list(
            s.exec(
                select(CalibrationRating)
                .where(CalibrationRating.practice_id == practice_id)
                .order_by(col(CalibrationRating.id))
            )
        )
    before = tuple(r.rating for r in rows if r.round is RatingRound.before)
    return Calibration(before, tuple(r.rating for r in rows if r.round is RatingRound.after))
