"""The seven tensions a system leader balances between two goods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from iltdesk.errors import UsageError
from iltdesk.models import TensionNote
from iltdesk.store.journal import Journal, fetch


@dataclass(frozen=True)
class Tension:
    """A pull between two poles; leanings run from -2 (first pole) to +2 (second)."""

    key: str
    first_pole: str
    second_pole: str
    question: str


TENSIONS: tuple[Tension, ...] = (
    Tension(
        "tight_loose",
        "Centralised (tight)",
        "Decentralised (loose)",
        "What must be the same everywhere, and what should each school decide?",
    ),
    Tension(
        "fast_slow",
        "Scale fast",
        "Scale slowly",
        "Spread it now to reach more students, or prove it first?",
    ),
    Tension(
        "need_readiness",
        "Pilot where need is greatest",
        "Pilot where readiness is greatest",
        "Start where it matters most, or where it is most likely to work?",
    ),
    Tension(
        "build_buy",
        "Build talent inside",
        "Bring expertise in",
        "Grow our own people, or buy what we lack?",
    ),
    Tension(
        "fixed_adaptive",
        "Hold a fixed strategy",
        "Adapt as we learn",
        "Stay the course, or change with what experience teaches?",
    ),
    Tension(
        "model_menu",
        "One comprehensive model",
        "A menu of modular tools",
        "Adopt one whole design, or let schools pick the parts they need?",
    ),
    Tension(
        "practices_process",
        "Share best practices",
        "Share process and failures",
        "Pass on what worked, or how we learned, including what did not?",
    ),
)

TENSION_BY_KEY = {t.key: t for t in TENSIONS}


# -- notes on the tensions --------------------------------------------------------------------


def add_note(
    journal: Journal,
    tension: str,
    leaning: int,
    *,
    first_pole_serves: str = "",
    second_pole_serves: str = "",
    evidence: str = "",
    note: str = "",
    noted_on: date | None = None,
) -> TensionNote:
    """Note where you lean on a tension today, when each pole serves, and your evidence."""
    if tension not in TENSION_BY_KEY:
        raise UsageError(f"There is no tension called '{tension}'.")
    _check_leaning(leaning)
    row = TensionNote(
        tension=tension,
        leaning=leaning,
        first_pole_serves=first_pole_serves,
        second_pole_serves=second_pole_serves,
        evidence=evidence,
        note=note,
        noted_on=noted_on or date.today(),
    )
    with journal.write() as s:
        s.add(row)
        s.flush()
    return row


def _check_leaning(leaning: int) -> None:
    if not -2 <= leaning <= 2:
        raise UsageError("A leaning runs from -2 (all the first pole) to 2 (all the second).")


def edit_note(
    journal: Journal,
    note_id: int,
    leaning: int,
    *,
    first_pole_serves: str,
    second_pole_serves: str,
    evidence: str,
    note: str,
    noted_on: date,
) -> TensionNote:
    """Correct a note on a tension; it keeps its place in that tension's history."""
    _check_leaning(leaning)
    with journal.write() as s:
        row = fetch(s, TensionNote, note_id, "note on a tension")
        row.leaning, row.noted_on, row.note = leaning, noted_on, note
        row.first_pole_serves, row.second_pole_serves = first_pole_serves, second_pole_serves
        row.evidence = evidence
        s.add(row)
    return row


def delete_note(journal: Journal, note_id: int) -> None:
    """Remove a note on a tension for good."""
    with journal.write() as s:
        s.delete(fetch(s, TensionNote, note_id, "note on a tension"))


def notes_on(journal: Journal, tension: str) -> list[TensionNote]:
    """The notes on one tension, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(TensionNote)
                .where(TensionNote.tension == tension)
                .order_by(col(TensionNote.noted_on).desc(), col(TensionNote.id).desc())
            )
        )


def overview(journal: Journal) -> list[tuple[Tension, TensionNote | None]]:
    """All seven tensions with their latest note (None if never noted)."""
    with journal.session() as s:
        rows = list(s.exec(select(TensionNote)))
    latest: dict[str, TensionNote] = {}
    for row in sorted(rows, key=lambda r: (r.noted_on, r.id or 0)):
        latest[row.tension] = row
    return [(t, latest.get(t.key)) for t in TENSIONS]


def leaning_words(tension: Tension, leaning: int) -> str:
    """A leaning in words, e.g. 'leans to Build talent inside'."""
    if leaning == 0:
        return "balanced between the two"
    pole = tension.first_pole if leaning < 0 else tension.second_pole
    return f"{'strongly ' if abs(leaning) == 2 else ''}leans to {pole}"
