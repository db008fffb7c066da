"""The seven tensions a system leader balances between two goods.

Leaders rarely settle on one pole: what a note on a tension mostly holds is *when* each pole
serves, the decision it bears on and what classrooms show. A leaning is optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from iltdesk.errors import UsageError
from iltdesk.models import TensionNote
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

NO_LEANING = QT_TRANSLATE_NOOP("tension", "holds both, depending on the situation")


@dataclass(frozen=True)
class Tension:
    """A pull between two poles; leanings run from -2 (first pole) to +2 (second).

    The keys are what stored notes refer to: they stay as they are when the wording changes.
    The words are kept as written (marked for translation) and read in the user's language.
    """

    key: str
    first_words: str
    second_words: str
    question_words: str

    @property
    def first_pole(self) -> str:
        """The first pole, in the user's language."""
        return translate("tension", self.first_words)

    @property
    def second_pole(self) -> str:
        """The second pole, in the user's language."""
        return translate("tension", self.second_words)

    @property
    def question(self) -> str:
        """The question the tension puts, in the user's language."""
        return translate("tension", self.question_words)


TENSIONS: tuple[Tension, ...] = (
    Tension(
        "tight_loose",
        QT_TRANSLATE_NOOP("tension", "Centralised (tight)"),
        QT_TRANSLATE_NOOP("tension", "Decentralised (loose)"),
        QT_TRANSLATE_NOOP(
            "tension", "What must be the same everywhere, and what should each school decide?"
        ),
    ),
    Tension(
        "fast_slow",
        QT_TRANSLATE_NOOP("tension", "Scale fast"),
        QT_TRANSLATE_NOOP("tension", "Scale slowly"),
        # The source asks how to make it last in the same breath as how fast to spread it.
        QT_TRANSLATE_NOOP(
            "tension",
            "Spread it now to reach more students, or prove it first? Either way, what will "
            "make it last once the push is over?",
        ),
    ),
    Tension(
        "need_readiness",
        QT_TRANSLATE_NOOP("tension", "Pilot where need is greatest"),
        QT_TRANSLATE_NOOP("tension", "Pilot where readiness is greatest"),
        QT_TRANSLATE_NOOP(
            "tension",
            "When choosing where to pilot: start where it matters most, or where it is most "
            "likely to take hold?",
        ),
    ),
    Tension(
        "build_buy",
        QT_TRANSLATE_NOOP("tension", "Build talent inside"),
        QT_TRANSLATE_NOOP("tension", "Buy from outside"),
        QT_TRANSLATE_NOOP(
            "tension", "Grow our own people, or bring in what we lack from elsewhere?"
        ),
    ),
    Tension(
        "fixed_adaptive",
        QT_TRANSLATE_NOOP("tension", "Hold a fixed strategy"),
        QT_TRANSLATE_NOOP("tension", "Adapt with experience"),
        QT_TRANSLATE_NOOP(
            "tension", "Stay the course we set, or change it as experience teaches us?"
        ),
    ),
    Tension(
        "model_menu",
        QT_TRANSLATE_NOOP("tension", "One comprehensive model"),
        QT_TRANSLATE_NOOP("tension", "A menu of modular tools"),
        QT_TRANSLATE_NOOP(
            "tension", "Adopt one whole design, or let schools pick the parts they need?"
        ),
    ),
    Tension(
        "practices_process",
        QT_TRANSLATE_NOOP("tension", "Share best practices"),
        QT_TRANSLATE_NOOP("tension", "Share process and failures"),
        QT_TRANSLATE_NOOP(
            "tension", "Pass on what worked, or how we got there, including what did not?"
        ),
    ),
)

TENSION_BY_KEY = {t.key: t for t in TENSIONS}


# -- notes on the tensions --------------------------------------------------------------------


def add_note(
    journal: Journal,
    tension: str,
    leaning: int | None = None,
    *,
    first_pole_serves: str = "",
    second_pole_serves: str = "",
    decision: str = "",
    evidence: str = "",
    note: str = "",
    noted_on: date | None = None,
) -> TensionNote:
    """Note when each pole serves, the decision at stake, your evidence and, if you hold one,
    where you lean today (None: no single side)."""
    if tension not in TENSION_BY_KEY:
        raise UsageError(
            translate("tension", "There is no tension called '{key}'.").format(key=tension)
        )
    _check_leaning(leaning)
    _check_words(first_pole_serves, second_pole_serves, decision, evidence, note)
    row = TensionNote(
        tension=tension,
        leaning=leaning,
        decision=decision.strip(),
        first_pole_serves=first_pole_serves.strip(),
        second_pole_serves=second_pole_serves.strip(),
        evidence=evidence.strip(),
        note=note.strip(),
        noted_on=noted_on or date.today(),
    )
    with journal.write() as s:
        s.add(row)
        s.flush()
    return row


def _check_leaning(leaning: int | None) -> None:
    if leaning is not None and not -2 <= leaning <= 2:
        raise UsageError(
            translate(
                "tension", "A leaning runs from -2 (all the first pole) to 2 (all the second)."
            )
        )


def _check_words(*texts: str) -> None:
    """A leaning alone says little: a note needs some reasoning in words."""
    if not any(text.strip() for text in texts):
        raise UsageError(
            translate(
                "tension",
                "Write when a side serves, the decision at stake, your evidence or a note: "
                "a leaning alone is not a note.",
            )
        )


def edit_note(
    journal: Journal,
    note_id: int,
    leaning: int | None = None,
    *,
    first_pole_serves: str,
    second_pole_serves: str,
    evidence: str,
    note: str,
    noted_on: date,
    decision: str | None = None,
) -> TensionNote:
    """Correct a note on a tension; it keeps its place in that tension's history.

    ``decision`` None keeps the one stored, so a caller that does not show it cannot wipe it.
    """
    _check_leaning(leaning)
    with journal.write() as s:
        row = fetch(s, TensionNote, note_id, translate("tension", "note on a tension"))
        decided = row.decision if decision is None else decision.strip()
        _check_words(first_pole_serves, second_pole_serves, decided, evidence, note)
        row.leaning, row.noted_on, row.note = leaning, noted_on, note.strip()
        row.first_pole_serves = first_pole_serves.strip()
        row.second_pole_serves = second_pole_serves.strip()
        row.decision, row.evidence = decided, evidence.strip()
        s.add(row)
    return row


def delete_note(journal: Journal, note_id: int) -> None:
    """Move a note on a tension to the Trash."""
    with journal.write() as s:
        fetch(s, TensionNote, note_id, translate("tension", "note on a tension"))
        trash_record(s, TensionNote, note_id)


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


def leaning_words(tension: Tension, leaning: int | None) -> str:
    """A leaning in words, e.g. 'leans to Build talent inside'; None holds both sides."""
    if leaning is None:
        return translate("tension", NO_LEANING)
    if leaning == 0:
        return translate("tension", "balanced between the two")
    pole = tension.first_pole if leaning < 0 else tension.second_pole
    if abs(leaning) == 2:
        return translate("tension", "strongly leans to {pole}").format(pole=pole)
    return translate("tension", "leans to {pole}").format(pole=pole)
