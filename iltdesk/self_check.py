"""The ILT health self-check: recording and reading check-ins, each in the wording it was
answered against (``iltdesk.self_check_items``), by the principal alone or with the team.

Trends per rater live in ``iltdesk.self_check_trends``, the side-by-side of the two raters in
``iltdesk.self_check_compare``, and turning a weak action into work in
``iltdesk.self_check_actions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import SelfCheck, SelfCheckAnswer, SelfCheckAreaNote
from iltdesk.self_check_items import CURRENT_SET, ITEM_SETS, CheckItem, ItemSet
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

# The words for 0 to 4, in English: ``frequency_label`` says one in the user's language.
FREQUENCY_LABELS = (
    QT_TRANSLATE_NOOP("self_check", "Never"),
    QT_TRANSLATE_NOOP("self_check", "Rarely"),
    QT_TRANSLATE_NOOP("self_check", "Sometimes"),
    QT_TRANSLATE_NOOP("self_check", "Often"),
    QT_TRANSLATE_NOOP("self_check", "Always"),
)
# Who rated: the principal alone, or the ILT together. Two different lines, never one.
PRINCIPAL, TEAM = "principal", "team"
RATER_LABELS = {
    PRINCIPAL: QT_TRANSLATE_NOOP("self_check", "Just me"),
    TEAM: QT_TRANSLATE_NOOP("self_check", "With the team"),
}


def frequency_label(value: int) -> str:
    """'Never' (0) to 'Always' (4), in the user's language."""
    return translate("self_check", FREQUENCY_LABELS[value])


def frequency_labels() -> tuple[str, ...]:
    """Every frequency's word, 0 to 4, in the user's language."""
    return tuple(frequency_label(value) for value in range(len(FREQUENCY_LABELS)))


def rater_label(taken_by: str) -> str:
    """'Just me', 'With the team' (in the user's language), or the words stored for an older
    check-in."""
    if taken_by in RATER_LABELS:
        return translate("self_check", RATER_LABELS[taken_by])
    return taken_by


def as_sentence(text: str) -> str:
    """An action shown on its own, away from the question it completes: 'Delegate …'."""
    return text[:1].upper() + text[1:]


def item_set(version: int) -> ItemSet:
    """The wording ``version``; a check-in from a newer iltdesk is refused, not misread."""
    if version not in ITEM_SETS:
        raise UsageError(
            translate(
                "self_check",
                "This check-in uses question set {version}, which this iltdesk does not know: "
                "update iltdesk to read it.",
            ).format(version=version)
        )
    return ITEM_SETS[version]


# -- recording and correcting check-ins -------------------------------------------------------


def record_check(
    journal: Journal,
    answers: dict[str, int],
    *,
    notes: dict[str, str] | None = None,
    taken_on: date | None = None,
    taken_by: str = PRINCIPAL,
    note: str = "",
) -> SelfCheck:
    """Store a new check-in in the current wording: a frequency 0 (never) to 4 (always) for
    every action."""
    _check_answers(CURRENT_SET, answers)
    check = SelfCheck(
        taken_on=taken_on or date.today(),
        taken_by=taken_by,
        note=note,
        item_set=CURRENT_SET.version,
    )
    with journal.write() as s:
        s.add(check)
        s.flush()
        _add_ratings(s, check.id or 0, CURRENT_SET, answers, notes or {})
    return check


def revise_check(
    journal: Journal,
    self_check_id: int,
    answers: dict[str, int],
    *,
    notes: dict[str, str],
    taken_on: date,
    taken_by: str,
) -> SelfCheck:
    """Correct a check-in: its date, who took it, every rating and the notes per area. It
    keeps the wording it was answered against, so the answers are checked against that set."""
    with journal.write() as s:
        check = _check_in(s, self_check_id)
        wording = item_set(check.item_set)
        _check_answers(wording, answers)
        check.taken_on, check.taken_by = taken_on, taken_by
        s.add(check)
        for model in (SelfCheckAnswer, SelfCheckAreaNote):
            for row in s.exec(select(model).where(model.self_check_id == self_check_id)):
                s.delete(row)
        s.flush()
        _add_ratings(s, self_check_id, wording, answers, notes)
    return check


def delete_check(journal: Journal, self_check_id: int) -> None:
    """Move a check-in, with its ratings and notes, to the Trash."""
    with journal.write() as s:
        _check_in(s, self_check_id)
        trash_record(s, SelfCheck, self_check_id)


def _check_in(s: Session, self_check_id: int) -> SelfCheck:
    """The check-in ``self_check_id``, or a ``UsageError`` saying there is none."""
    check = s.get(SelfCheck, self_check_id)
    if check is None:
        raise UsageError(
            translate("self_check", "There is no check-in #{id}.").format(id=self_check_id)
        )
    return check


def _check_answers(wording: ItemSet, answers: dict[str, int]) -> None:
    keys = wording.item_keys
    if missing := [key for key in keys if key not in answers]:
        raise UsageError(
            translate("self_check", "Rate every action before saving ({left} left).").format(
                left=len(missing)
            )
        )
    if unknown := set(answers) - set(keys):
        raise UsageError(
            translate("self_check", "Unknown actions: {keys}.").format(
                keys=", ".join(sorted(unknown))
            )
        )
    if any(not 0 <= value <= 4 for value in answers.values()):
        raise UsageError(translate("self_check", "Ratings run from 0 (never) to 4 (always)."))


def _add_ratings(
    s: Session,
    self_check_id: int,
    wording: ItemSet,
    answers: dict[str, int],
    notes: dict[str, str],
) -> None:
    area_of = wording.item_area
    for item, value in answers.items():
        s.add(
            SelfCheckAnswer(
                self_check_id=self_check_id, area=area_of[item], item=item, frequency=value
            )
        )
    for area, text in notes.items():
        if wording.area(area) is not None and text.strip():
            s.add(SelfCheckAreaNote(self_check_id=self_check_id, area=area, note=text.strip()))


# -- reading them -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    """A check-in with its ratings and notes, read in its own wording."""

    check: SelfCheck
    answers: dict[str, int]
    notes: dict[str, str]

    @property
    def wording(self) -> ItemSet:
        """The question set this check-in was answered against."""
        return item_set(self.check.item_set)

    @property
    def rater(self) -> str:
        """Who rated: PRINCIPAL, TEAM (or an older check-in's own words)."""
        return self.check.taken_by

    def area_score(self, area: str) -> float:
        """The area's mean rating, 0 to 4 (0 for an area this check-in's set lacks)."""
        found = self.wording.area(area)
        items = found.items if found is not None else ()
        values = [self.answers[i.key] for i in items if i.key in self.answers]
        return sum(values) / len(values) if values else 0.0

    def rated_items(self) -> list[tuple[str, CheckItem, int]]:
        """(area key, action, rating) for every rated action, in the order asked."""
        return [
            (area.key, item, self.answers[item.key])
            for area in self.wording.areas
            for item in area.items
            if item.key in self.answers
        ]


def check_ins(journal: Journal) -> list[CheckIn]:
    """Every check-in, by either rater, oldest first."""
    with journal.session() as s:
        checks = list(
            s.exec(select(SelfCheck).order_by(col(SelfCheck.taken_on), col(SelfCheck.id)))
        )
        answers = list(s.exec(select(SelfCheckAnswer)))
        notes = list(s.exec(select(SelfCheckAreaNote)))
    return [
        CheckIn(
            c,
            {a.item: a.frequency for a in answers if a.self_check_id == c.id},
            {n.area: n.note for n in notes if n.self_check_id == c.id},
        )
        for c in checks
    ]
