"""The principal herself: her own energy over time, and a journal of the questions she is
holding and the realisations she has about her own leadership.

Private to her: no export reads these tables (a test builds the exports with them full).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import col, select

from iltdesk import dates
from iltdesk.errors import UsageError
from iltdesk.models import LeadershipNote, LeadershipNoteKind, PrincipalEnergy
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

# The words for an energy level, hers and her leads' alike.
LEVEL_WORDS = {
    1: QT_TRANSLATE_NOOP("principal", "depleted"),
    2: QT_TRANSLATE_NOOP("principal", "strained"),
    3: QT_TRANSLATE_NOOP("principal", "steady"),
    4: QT_TRANSLATE_NOOP("principal", "good"),
    5: QT_TRANSLATE_NOOP("principal", "energised"),
}
A_MONTH = timedelta(days=30)
LOW = 2  # a check at or below this is a low one
LOW_RUN = 3  # this many low checks in a row earn a word about support

KIND_WORDS = {
    LeadershipNoteKind.question: QT_TRANSLATE_NOOP("principal", "Question"),
    LeadershipNoteKind.realisation: QT_TRANSLATE_NOOP("principal", "Realisation"),
}
# How the latest check compares (lower, higher, the same) with a month ago or the one before.
_TREND = {
    ("lower", True): QT_TRANSLATE_NOOP(
        "principal", "Lower than a month ago: {level}, on {day} (it was {then} on {then_day})."
    ),
    ("lower", False): QT_TRANSLATE_NOOP(
        "principal",
        "Lower than your check before: {level}, on {day} (it was {then} on {then_day}).",
    ),
    ("higher", True): QT_TRANSLATE_NOOP(
        "principal", "Higher than a month ago: {level}, on {day} (it was {then} on {then_day})."
    ),
    ("higher", False): QT_TRANSLATE_NOOP(
        "principal",
        "Higher than your check before: {level}, on {day} (it was {then} on {then_day}).",
    ),
    ("same", True): QT_TRANSLATE_NOOP("principal", "The same as a month ago: {level}, on {day}."),
    ("same", False): QT_TRANSLATE_NOOP(
        "principal", "The same as your check before: {level}, on {day}."
    ),
}


def level_word(level: int) -> str:
    """The word for an energy level (``LEVEL_WORDS``) in the user's language ("" for none)."""
    return translate("principal", LEVEL_WORDS[level]) if level in LEVEL_WORDS else ""


def kind_word(kind: LeadershipNoteKind) -> str:
    """A leadership note's kind (``KIND_WORDS``) in the user's language."""
    return translate("principal", KIND_WORDS[kind])


# -- her energy -------------------------------------------------------------------------------


def _check_level(level: int) -> None:
    if not 1 <= level <= 5:
        raise UsageError(
            translate("principal", "Energy is rated from 1 (depleted) to 5 (energised).")
        )


def log_energy(
    journal: Journal, level: int, note: str = "", *, on: date | None = None
) -> PrincipalEnergy:
    """Note how her own energy looks today (or ``on``), 1 (depleted) to 5 (energised)."""
    _check_level(level)
    check = PrincipalEnergy(level=level, note=note.strip(), checked_on=on or date.today())
    with journal.write() as s:
        s.add(check)
        s.flush()
    return check


def edit_energy(
    journal: Journal, check_id: int, *, level: int, note: str, checked_on: date
) -> PrincipalEnergy:
    """Correct one of her energy checks."""
    _check_level(level)
    with journal.write() as s:
        check = fetch(s, PrincipalEnergy, check_id, translate("principal", "energy check of yours"))
        check.level, check.note, check.checked_on = level, note.strip(), checked_on
        s.add(check)
    return check


def delete_energy(journal: Journal, check_id: int) -> None:
    """Move one of her energy checks to the Trash."""
    with journal.write() as s:
        fetch(s, PrincipalEnergy, check_id, translate("principal", "energy check of yours"))
        trash_record(s, PrincipalEnergy, check_id)


def energy_history(journal: Journal) -> list[PrincipalEnergy]:
    """Every one of her energy checks, oldest first (the order a chart reads)."""
    with journal.session() as s:
        return list(
            s.exec(
                select(PrincipalEnergy).order_by(
                    col(PrincipalEnergy.checked_on), col(PrincipalEnergy.id)
                )
            )
        )


def level_words(level: int) -> str:
    """'2 of 5, strained'."""
    return translate("principal", "{level} of 5, {word}").format(
        level=level, word=level_word(level)
    )


def energy_trend(history: list[PrincipalEnergy]) -> str:
    """Her energy in a sentence or two: how the latest check compares with a month before it
    (or with the one before, if she only started lately), and a word when it has stayed low.

    ``history`` oldest first, as ``energy_history`` gives it.
    """
    if not history:
        return translate("principal", "No energy logged yet.")
    latest = history[-1]
    level, day = level_words(latest.level), dates.short(latest.checked_on)
    if len(history) == 1:
        return translate("principal", "Your first check: {level}, on {day}.").format(
            level=level, day=day
        )
    month_ago = [c for c in history[:-1] if c.checked_on <= latest.checked_on - A_MONTH]
    then = month_ago[-1] if month_ago else history[-2]
    way = (
        "lower" if latest.level < then.level else "higher" if latest.level > then.level else "same"
    )
    sentence = translate("principal", _TREND[way, bool(month_ago)]).format(
        level=level, day=day, then=then.level, then_day=dates.short(then.checked_on)
    )
    recent = history[-LOW_RUN:]
    if len(recent) == LOW_RUN and all(c.level <= LOW for c in recent):
        low = translate(
            "principal",
            "Your last {count} checks were low: worth talking over with your thought partner.",
        )
        sentence += " " + low.format(count=LOW_RUN)
    return sentence


# -- her leadership journal -------------------------------------------------------------------


def _check_text(text: str) -> str:
    if not text.strip():
        raise UsageError(translate("principal", "Write the question or realisation first."))
    return text.strip()


def add_note(
    journal: Journal, kind: LeadershipNoteKind, text: str, *, noted_on: date | None = None
) -> LeadershipNote:
    """Keep a question she is holding, or something she realised, about her own leadership."""
    note = LeadershipNote(kind=kind, text=_check_text(text), noted_on=noted_on or date.today())
    with journal.write() as s:
        s.add(note)
        s.flush()
    return note


def edit_note(
    journal: Journal, note_id: int, *, kind: LeadershipNoteKind, text: str, noted_on: date
) -> LeadershipNote:
    """Correct a note in her leadership journal (a question can become a realisation)."""
    words = _check_text(text)
    with journal.write() as s:
        note = fetch(
            s, LeadershipNote, note_id, translate("principal", "note in your leadership journal")
        )
        note.kind, note.text, note.noted_on = kind, words, noted_on
        s.add(note)
    return note


def delete_note(journal: Journal, note_id: int) -> None:
    """Move a note from her leadership journal to the Trash."""
    with journal.write() as s:
        fetch(s, LeadershipNote, note_id, translate("principal", "note in your leadership journal"))
        trash_record(s, LeadershipNote, note_id)


def leadership_notes(
    journal: Journal, kind: LeadershipNoteKind | None = None
) -> list[LeadershipNote]:
    """Her questions and realisations (or only one ``kind``), newest first."""
    query = select(LeadershipNote)
    if kind is not None:
        query = query.where(LeadershipNote.kind == kind)
    order = (col(LeadershipNote.noted_on).desc(), col(LeadershipNote.id).desc())
    with journal.session() as s:
        return list(s.exec(query.order_by(*order)))
