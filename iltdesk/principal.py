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
from iltdesk.trash import trash_record

# The words for an energy level, hers and her leads' alike.
LEVEL_WORDS = {1: "depleted", 2: "strained", 3: "steady", 4: "good", 5: "energised"}
A_MONTH = timedelta(days=30)
LOW = 2  # a check at or below this is a low one
LOW_RUN = 3  # this many low checks in a row earn a word about support

KIND_WORDS = {
    LeadershipNoteKind.question: "Question",
    LeadershipNoteKind.realisation: "Realisation",
}


# -- her energy -------------------------------------------------------------------------------


def _check_level(level: int) -> None:
    if not 1 <= level <= 5:
        raise UsageError("Energy is rated from 1 (depleted) to 5 (energised).")


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
        check = fetch(s, PrincipalEnergy, check_id, "energy check of yours")
        check.level, check.note, check.checked_on = level, note.strip(), checked_on
        s.add(check)
    return check


def delete_energy(journal: Journal, check_id: int) -> None:
    """Move one of her energy checks to the Trash."""
    with journal.write() as s:
        fetch(s, PrincipalEnergy, check_id, "energy check of yours")
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
    return f"{level} of 5, {LEVEL_WORDS.get(level, '')}"


def energy_trend(history: list[PrincipalEnergy]) -> str:
    """Her energy in a sentence or two: how the latest check compares with a month before it
    (or with the one before, if she only started lately), and a word when it has stayed low.

    ``history`` oldest first, as ``energy_history`` gives it.
    """
    if not history:
        return "No energy logged yet."
    latest = history[-1]
    now = f"{level_words(latest.level)}, on {dates.short(latest.checked_on)}"
    if len(history) == 1:
        return f"Your first check: {now}."
    month_ago = [c for c in history[:-1] if c.checked_on <= latest.checked_on - A_MONTH]
    then = month_ago[-1] if month_ago else history[-2]
    against = "a month ago" if month_ago else "your check before"
    was = f"{then.level} on {dates.short(then.checked_on)}"
    if latest.level < then.level:
        sentence = f"Lower than {against}: {now} (it was {was})."
    elif latest.level > then.level:
        sentence = f"Higher than {against}: {now} (it was {was})."
    else:
        sentence = f"The same as {against}: {now}."
    recent = history[-LOW_RUN:]
    if len(recent) == LOW_RUN and all(c.level <= LOW for c in recent):
        sentence += (
            f" Your last {LOW_RUN} checks were low: worth talking over with your thought partner."
        )
    return sentence


# -- her leadership journal -------------------------------------------------------------------


def _check_text(text: str) -> str:
    if not text.strip():
        raise UsageError("Write the question or realisation first.")
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
        note = fetch(s, LeadershipNote, note_id, "note in your leadership journal")
        note.kind, note.text, note.noted_on = kind, words, noted_on
        s.add(note)
    return note


def delete_note(journal: Journal, note_id: int) -> None:
    """Move a note from her leadership journal to the Trash."""
    with journal.write() as s:
        fetch(s, LeadershipNote, note_id, "note in your leadership journal")
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
